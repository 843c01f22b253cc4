/**
 * Quick fixes for findings with one safe edit: the right `add<Unit>` for the profile, a misspelt
 * function or parameter name → the declared one, a missing `log.sanitize` entry.
 */
import { findNodeAtLocation, type JSONPath, modify, parseTree } from 'jsonc-parser';
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fromPointer } from '../model/index.ts';
import { closest } from '../validate/schema/explain.ts';
import type { DiagnosticData } from './diagnostics.ts';
import type { AppState, Workspace } from './workspace.ts';

export function codeActionsFor(
  ws: Workspace,
  state: AppState | undefined,
  abs: string,
  doc: TextDocument,
  diagnostics: readonly LspDiagnostic[],
): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'make-app') continue;
    const fix = fixFor(ws, state, abs, doc, d);
    if (!fix) continue;
    out.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [doc.uri]: fix.edits } },
    });
  }
  return out;
}

interface Fix {
  title: string;
  edits: TextEdit[];
}

function fixFor(
  ws: Workspace,
  state: AppState | undefined,
  abs: string,
  doc: TextDocument,
  d: LspDiagnostic,
): Fix | undefined {
  const current = doc.getText(d.range);
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  switch (d.code) {
    case 'oauth/expiry-unit':
    case 'iml/unknown-function': {
      const want = /use (\w+)\(\)\.$/.exec(message)?.[1] ?? /did you mean "(\w+)"\?$/.exec(message)?.[1];
      if (!want || !/^\w+$/.test(current)) return undefined;
      return { title: `Replace ${current} with ${want}`, edits: [{ range: d.range, newText: want }] };
    }
    case 'iml/undeclared-parameter': {
      const m = /^(parameters|data)\.(\w+)$/.exec(current);
      const data = d.data as DiagnosticData | undefined;
      const analysis = state && ws.analysis(state);
      const where = state && data && ws.codeAt(state, abs, data.pointer);
      const facts = analysis && where?.component ? analysis.facts(where.component) : undefined;
      if (!m || !facts) return undefined;
      const best = closest(m[2], [...facts.parameters.names]);
      if (!best) return undefined;
      return {
        title: `Change to ${m[1]}.${best} (declared)`,
        edits: [{ range: d.range, newText: `${m[1]}.${best}` }],
      };
    }
    case 'security/unsanitized-secret': {
      const entry = /does not list "([^"]+)"/.exec(message)?.[1];
      const pointer = (d.data as DiagnosticData | undefined)?.pointer;
      if (!entry || pointer === undefined) return undefined;
      const request = requestPath(pointer);
      if (!request) return undefined;
      return { title: `Add "${entry}" to log.sanitize`, edits: addSanitize(doc, request, entry) };
    }
    default:
      return undefined;
  }
}

/** The request holding a header/body/qs/response-data value, from the value's pointer. */
function requestPath(pointer: string): JSONPath | undefined {
  const segs = fromPointer(pointer);
  for (const tail of [['headers'], ['body'], ['qs'], ['response', 'data']]) {
    const at = segs.length - 1 - tail.length;
    if (at >= 0 && tail.every((t, i) => segs[at + i] === t)) return segs.slice(0, at).map(segment);
  }
  return undefined;
}

/** Array indexes are numbers in jsonc-parser paths. */
const segment = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s);

function addSanitize(doc: TextDocument, request: JSONPath, entry: string): TextEdit[] {
  const text = doc.getText();
  const root = parseTree(text);
  const options = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  const list = root && findNodeAtLocation(root, [...request, 'log', 'sanitize']);
  const log = root && findNodeAtLocation(root, [...request, 'log']);
  const edits =
    list?.type === 'array'
      ? modify(text, [...request, 'log', 'sanitize', -1], entry, { ...options, isArrayInsertion: true })
      : log?.type === 'object'
        ? modify(text, [...request, 'log', 'sanitize'], [entry], options)
        : modify(text, [...request, 'log'], { sanitize: [entry] }, options);
  return edits.map((e) => ({
    range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}
