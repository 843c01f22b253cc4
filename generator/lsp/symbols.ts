/**
 * What a name in IML refers to: the declaring parameter of `parameters.x`, where a connection
 * stores `connection.x`, where `temp.x` is set, an `rpc://name` target, a custom function. One
 * resolver serves hover (the text) and go to definition (the place).
 */
import type { Component, SourceLocation } from '../model/index.ts';
import { escapePointerSegment, isObject } from '../model/index.ts';
import type { Analysis } from '../validate/analysis/index.ts';
import type { ImlAtCursor } from './cursor.ts';
import { functionDoc } from './function-docs.ts';

export interface Resolved {
  /** Markdown shown on hover. */
  markdown: string;
  /** Where it is declared (file relative to the app root). */
  at?: SourceLocation;
}

/** Resolves the name under the cursor in the context of `component` (undefined in base). */
export function resolveName(
  analysis: Analysis,
  component: Component | undefined,
  iml: ImlAtCursor,
): Resolved | undefined {
  const [root, name] = iml.path;
  if (iml.call && iml.path.length === 1) return resolveFunction(analysis, root);
  if (iml.segment === 0 && iml.path.length === 1 && functionDoc(root)) return resolveFunction(analysis, root);
  if (!name || iml.segment < 1) return undefined;
  if (root === 'parameters') return component && resolveParameter(analysis, component, name);
  if (root === 'connection') return resolveConnectionData(analysis, component, name);
  if (root === 'temp') return resolveTemp(analysis, component, name);
  return undefined;
}

function resolveFunction(analysis: Analysis, name: string): Resolved | undefined {
  const doc = functionDoc(name);
  if (doc) return { markdown: `\`\`\`\n${doc.signature}\n\`\`\`\n${doc.description}` };
  const custom = analysis.app.components.function?.[name];
  if (!custom) return undefined;
  const code = custom.codes.code;
  return {
    markdown: `Custom function \`${name}\`${custom.label ? ` — ${custom.label}` : ''}${code ? ` (${code.file})` : ''}`,
    at: code ? { file: code.file, line: 1, column: 1, pointer: '' } : custom.declaredAt,
  };
}

function resolveParameter(analysis: Analysis, component: Component, name: string): Resolved | undefined {
  const facts = analysis.facts(component);
  const p = facts?.parameters.all.find((x) => x.topLevel && x.name === name);
  if (!p) return undefined;
  const label = typeof p.value.label === 'string' ? p.value.label : undefined;
  const required = p.value.required === true ? 'required' : 'optional';
  return {
    markdown: `Parameter \`${name}\`${label ? ` — "${label}"` : ''}\n\ntype \`${p.type ?? 'any'}\`, ${required}; declared in ${p.code.file}`,
    at: p.code.locate(`${p.pointer}/name`),
  };
}

/** The connections a place may run with: the component's, or every connection (base). */
export function connectionsOf(analysis: Analysis, component: Component | undefined): Component[] {
  if (component) return analysis.facts(component)?.connections ?? [];
  return Object.values(analysis.app.components.connection ?? {});
}

function resolveConnectionData(
  analysis: Analysis,
  component: Component | undefined,
  name: string,
): Resolved | undefined {
  for (const conn of connectionsOf(analysis, component)) {
    const facts = analysis.facts(conn);
    if (!facts) continue;
    const p = facts.parameters.all.find((x) => x.topLevel && x.name === name);
    if (p)
      return {
        markdown: `Connection \`${conn.name}\` parameter \`${name}\` (type \`${p.type ?? 'any'}\`), entered when the connection is created; declared in ${p.code.file}`,
        at: p.code.locate(`${p.pointer}/name`),
      };
    for (const r of facts.requests) {
      const resp = r.value.response;
      if (!isObject(resp) || !isObject(resp.data) || !(name in resp.data)) continue;
      return {
        markdown: `Stored by connection \`${conn.name}\`: \`response.data.${name}\` of its ${r.section ?? 'communication'} request (${r.code.file})\n\n\`${String(resp.data[name])}\``,
        at: r.code.locate(`${r.pointer}/response/data/${escapePointerSegment(name)}`, { key: true }),
      };
    }
  }
  return undefined;
}

function resolveTemp(
  analysis: Analysis,
  component: Component | undefined,
  name: string,
): Resolved | undefined {
  const requests = component ? (analysis.facts(component)?.requests ?? []) : analysis.baseRequests;
  const places: { where: string; at: SourceLocation }[] = [];
  for (const r of [...requests, ...(component ? analysis.baseRequests : [])]) {
    const key = escapePointerSegment(name);
    if (isObject(r.value.temp) && name in r.value.temp)
      places.push({
        where: `request ${r.section ?? r.index + 1} temp`,
        at: r.code.locate(`${r.pointer}/temp/${key}`, { key: true }),
      });
    const resp = r.value.response;
    if (isObject(resp) && isObject(resp.temp) && name in resp.temp)
      places.push({
        where: `request ${r.section ?? r.index + 1} response.temp`,
        at: r.code.locate(`${r.pointer}/response/temp/${key}`, { key: true }),
      });
  }
  if (!places.length) return { markdown: `\`temp.${name}\` is set nowhere in this component.` };
  const list = places.map((p) => `- ${p.where} (${p.at.file}:${p.at.line})`).join('\n');
  return { markdown: `\`temp.${name}\` is set in:\n${list}`, at: places[0].at };
}

/** The RPC an `rpc://name` string points at. */
export function resolveRpc(analysis: Analysis, target: string): Resolved | undefined {
  const name = target.replace(/^rpc:\/\//, '').split(/[?#/]/)[0];
  const rpc = analysis.app.components.rpc?.[name];
  if (!rpc) return undefined;
  const code = rpc.codes.communication;
  return {
    markdown: `RPC \`${name}\`${rpc.label ? ` — "${rpc.label}"` : ''}`,
    at: code ? code.locate('') : rpc.declaredAt,
  };
}
