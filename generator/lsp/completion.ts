/**
 * Completion inside `{{ }}` (functions, root variables, `parameters.`, `connection.`, `temp.`,
 * `body.`), of `rpc://` targets, and of JSON keys and enum values from the schemas elsewhere.
 */
import path from 'node:path';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Component } from '../model/index.ts';
import { isObject } from '../model/index.ts';
import { type Analysis, GLOBAL_VARIABLES } from '../validate/analysis/index.ts';
import { type ImlAtCursor, imlAt, stringAt } from './cursor.ts';
import { allFunctionDocs } from './function-docs.ts';
import { jsonCompletion, schemaOf } from './json-side.ts';
import { connectionsOf } from './symbols.ts';
import type { AppState, Workspace } from './workspace.ts';

/** Roots offered even where the analysis does not know the place (half-typed strings). */
const COMMON_ROOTS = [
  'parameters',
  'connection',
  'temp',
  'body',
  'headers',
  'data',
  'item',
  'common',
  'oauth',
  'now',
];

export async function completionAt(
  ws: Workspace,
  state: AppState | undefined,
  abs: string,
  doc: TextDocument,
  position: Position,
): Promise<CompletionList | null> {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const analysis = state && ws.analysis(state);
  const iml = imlAt(text, offset);
  if (iml) {
    const where = state && ws.codeAt(state, abs, iml.string.pointer);
    return { isIncomplete: false, items: imlItems(doc, iml, analysis, where?.component, where) };
  }
  const s = stringAt(text, offset);
  if (s && analysis && s.content.slice(0, s.at).startsWith('rpc://')) {
    const range: Range = { start: doc.positionAt(s.contentStart + 6), end: position };
    const items = Object.values(analysis.app.components.rpc ?? {}).map((rpc) => ({
      label: rpc.name,
      kind: CompletionItemKind.Reference,
      detail: rpc.label,
      textEdit: { range, newText: rpc.name },
    }));
    return { isIncomplete: false, items };
  }
  const schema = schemaOf(state && ws.codeAt(state, abs, ''), path.basename(abs));
  return schema ? jsonCompletion(schema, text, position) : null;
}

function imlItems(
  doc: TextDocument,
  iml: ImlAtCursor,
  analysis: Analysis | undefined,
  component: Component | undefined,
  where: { code: import('../model/index.ts').CodeFile; inner: string } | undefined,
): CompletionItem[] {
  const typed = iml.string.content.slice(iml.start, iml.string.at);
  const dot = typed.lastIndexOf('.');
  // replace only the segment being typed
  const range: Range = {
    start: doc.positionAt(iml.string.contentStart + iml.start + dot + 1),
    end: doc.positionAt(iml.string.contentStart + iml.string.at),
  };
  const item = (label: string, kind: CompletionItemKind, detail?: string, docs?: string): CompletionItem => ({
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(docs ? { documentation: { kind: MarkupKind.Markdown, value: docs } } : {}),
    textEdit: { range, newText: label },
  });
  if (dot < 0) {
    const fns = allFunctionDocs().map((f) =>
      item(f.name, CompletionItemKind.Function, f.signature, f.description),
    );
    const custom = Object.keys(analysis?.app.components.function ?? {}).map((n) =>
      item(n, CompletionItemKind.Function, 'custom function'),
    );
    const place = analysis && where ? analysis.stringAt(where.code, where.inner) : undefined;
    const roots = new Set([...(place?.available ?? COMMON_ROOTS), ...GLOBAL_VARIABLES]);
    const vars = [...roots].map((r) => item(r, CompletionItemKind.Variable));
    return [...fns, ...custom, ...vars];
  }
  if (!analysis || typed.indexOf('.') !== dot) return []; // only the first level is known
  const root = typed.slice(0, dot);
  const facts = component ? analysis.facts(component) : undefined;
  const names = new Map<string, { detail?: string; docs?: string }>();
  if (root === 'parameters' && facts) {
    for (const p of facts.parameters.all)
      if (p.topLevel && p.name && !names.has(p.name))
        names.set(p.name, {
          detail: p.type,
          docs: typeof p.value.label === 'string' ? p.value.label : undefined,
        });
  } else if (root === 'connection') {
    for (const conn of connectionsOf(analysis, component))
      for (const n of analysis.connectionStores.get(conn.name)?.names ?? [])
        names.set(n, { detail: `stored by connection ${conn.name}` });
  } else if (root === 'temp') {
    const sets = facts?.temp ?? analysis.baseTemp;
    for (const k of sets.keys.keys()) names.set(k, { detail: 'temp' });
  } else if (root === 'body' && component) {
    for (const n of bodyNames(component)) names.set(n, { detail: 'from the interface / samples' });
  }
  return [...names].map(([n, d]) => item(n, CompletionItemKind.Field, d.detail, d.docs));
}

/** Field names a module's responses carry, as far as its interface and samples tell. */
function bodyNames(component: Component): string[] {
  const out = new Set<string>();
  const iface = component.codes.interface?.value;
  if (Array.isArray(iface))
    for (const f of iface) if (isObject(f) && typeof f.name === 'string') out.add(f.name);
  const samples = component.codes.samples?.value;
  if (isObject(samples)) for (const k of Object.keys(samples)) out.add(k);
  return [...out];
}
