/** Hover: IML functions, parameters, connection data, temp, rpc:// targets, and the docs of a rule finding. */
import type { Hover, Diagnostic as LspDiagnostic, Position } from 'vscode-languageserver';
import { RULES_BY_ID } from '../validate/index.ts';
import { imlAt, stringAt } from './cursor.ts';
import { resolveName, resolveRpc } from './symbols.ts';
import type { AppState, Workspace } from './workspace.ts';

export function hoverAt(
  ws: Workspace,
  state: AppState | undefined,
  abs: string,
  text: string,
  offset: number,
  position: Position,
  findings: readonly LspDiagnostic[],
): Hover | null {
  const parts: string[] = [];
  const symbol = state && symbolText(ws, state, abs, text, offset);
  if (symbol) parts.push(symbol);
  for (const d of findings) {
    if (!contains(d, position)) continue;
    const rule = RULES_BY_ID.get(String(d.code));
    if (rule)
      parts.push(`**${rule.id}** (${rule.defaultSeverity} by default): ${rule.description}\n\n${rule.docs}`);
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}

function symbolText(
  ws: Workspace,
  state: AppState,
  abs: string,
  text: string,
  offset: number,
): string | undefined {
  const analysis = ws.analysis(state);
  if (!analysis) return undefined;
  const iml = imlAt(text, offset);
  if (iml) {
    const where = ws.codeAt(state, abs, iml.string.pointer);
    return resolveName(analysis, where?.component, iml)?.markdown;
  }
  const s = stringAt(text, offset);
  if (s?.content.startsWith('rpc://')) return resolveRpc(analysis, s.content)?.markdown;
  return undefined;
}

function contains(d: LspDiagnostic, p: Position): boolean {
  const { start, end } = d.range;
  const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return afterStart && beforeEnd;
}
