/** Go to definition: `parameters.x`, `connection.x`, `temp.x`, `rpc://name` and custom functions. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { imlAt, stringAt } from './cursor.ts';
import { toRange } from './diagnostics.ts';
import { type Resolved, resolveName, resolveRpc } from './symbols.ts';
import type { AppState, Workspace } from './workspace.ts';

export function definitionAt(
  ws: Workspace,
  state: AppState | undefined,
  abs: string,
  text: string,
  offset: number,
): Location | null {
  const analysis = state && ws.analysis(state);
  if (!state || !analysis) return null;
  let found: Resolved | undefined;
  const iml = imlAt(text, offset);
  if (iml) {
    found = resolveName(analysis, ws.codeAt(state, abs, iml.string.pointer)?.component, iml);
  } else {
    const s = stringAt(text, offset);
    if (s?.content.startsWith('rpc://')) found = resolveRpc(analysis, s.content);
  }
  if (!found?.at) return null;
  return {
    uri: pathToFileURL(path.resolve(analysis.app.root, found.at.file)).href,
    range: toRange(found.at),
  };
}
