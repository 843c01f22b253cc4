import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Diagnostic } from '../../model/index.ts';

/**
 * Inline disable comments in JSONC files:
 *   // make-app-disable-next-line <rule>[, <rule>...]   the next line
 *   // make-app-disable-line <rule>...                  this line
 *   /* make-app-disable <rule>... *\/                    the whole file
 * Without rule ids the comment silences every rule. `oauth/*` silences a whole family.
 */
export interface FileSuppressions {
  /** line → rule patterns ([] = all rules). */
  lines: Map<number, string[][]>;
  file: string[][];
}

const DIRECTIVE = /^\s*make-app-(disable-next-line|disable-line|disable)\b(.*)$/s;

export function parseSuppressions(text: string): FileSuppressions {
  const out: FileSuppressions = { lines: new Map(), file: [] };
  if (!text.includes('make-app-disable')) return out;
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const raw = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
    const body =
      kind === SyntaxKind.LineCommentTrivia ? raw.replace(/^\/\//, '') : raw.replace(/^\/\*|\*\/$/g, '');
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const rules = m[2]
      .replace(/--.*$/s, '') // "-- reason" is a comment for humans
      .split(/[\s,]+/)
      .filter(Boolean);
    const at = scanner.getTokenStartLine() + 1;
    if (m[1] === 'disable') out.file.push(rules);
    else {
      const target = m[1] === 'disable-line' ? at : at + 1;
      const list = out.lines.get(target) ?? [];
      list.push(rules);
      out.lines.set(target, list);
    }
  }
  return out;
}

function matches(patterns: string[], ruleId: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => p === ruleId || (p.endsWith('/*') && ruleId.startsWith(p.slice(0, -1))));
}

/** True when an inline comment silences this finding. */
export function isSuppressed(s: FileSuppressions, d: Diagnostic): boolean {
  if (s.file.some((p) => matches(p, d.ruleId))) return true;
  return (s.lines.get(d.line) ?? []).some((p) => matches(p, d.ruleId));
}
