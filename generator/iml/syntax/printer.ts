/**
 * Canonical printer: one spelling per construct (single spaces around binary operators, `=`/`!=`
 * for equality, `&&`/`||`, single-quoted strings, minimal parentheses), so two templates that mean
 * the same up to spacing, aliases and redundant grouping print identically.
 */
import type { Expr, Segment, TemplateAst } from './ast.ts';
import { KEYWORDS, PRECEDENCE, UNARY_PRECEDENCE } from './parser.ts';

const PRINTED_OP: Record<string, string> = { '&': '&&', '|': '||' };
const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PLAIN_SEGMENT = /^[A-Za-z0-9_$]+$/;

export function printTemplateAst(ast: TemplateAst): string {
  return ast.parts.map((p) => (p.type === 'text' ? p.value : `{{${printExpr(p.expr)}}}`)).join('');
}

function precedenceOf(e: Expr): number {
  if (e.type === 'binary') return PRECEDENCE[e.op];
  if (e.type === 'unary') return UNARY_PRECEDENCE;
  return 100;
}

function printExpr(e: Expr): string {
  switch (e.type) {
    case 'string':
      return `'${e.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'number':
      return String(e.value);
    case 'keyword':
      return e.implicit ? '' : e.name;
    case 'path':
      return (
        (!PLAIN_NAME.test(e.root) || KEYWORDS.has(e.root) ? `\`${e.root}\`` : e.root) +
        printSegments(e.segments)
      );
    case 'member':
      return (
        wrap(e.object, precedenceOf(e.object) < 100 || e.object.type === 'number') + printSegments(e.segments)
      );
    case 'unary':
      return (
        e.op +
        wrap(
          e.operand,
          precedenceOf(e.operand) < UNARY_PRECEDENCE || (e.op === '-' && startsWithMinus(e.operand)),
        )
      );
    case 'binary': {
      const p = PRECEDENCE[e.op];
      // Left-associative: the right operand needs parentheses at equal precedence.
      const left = wrap(e.left, precedenceOf(e.left) < p);
      const right = wrap(e.right, precedenceOf(e.right) <= p);
      return `${left} ${PRINTED_OP[e.op] ?? e.op} ${right}`;
    }
    case 'call':
      return `${e.custom ? 'iml.' : ''}${e.name}(${e.args.map(printExpr).join(', ')})`;
  }
}

function startsWithMinus(e: Expr): boolean {
  return (e.type === 'unary' && e.op === '-') || (e.type === 'number' && e.value < 0);
}

function wrap(e: Expr, paren: boolean): string {
  const s = printExpr(e);
  return paren ? `(${s})` : s;
}

function printSegments(segments: Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (s.kind === 'index') out += s.index ? `[${printExpr(s.index)}]` : '[]';
    else out += PLAIN_SEGMENT.test(s.name) ? `.${s.name}` : `.\`${s.name}\``;
  }
  return out;
}
