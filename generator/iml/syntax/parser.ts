/**
 * Recursive-descent parser with precedence climbing (precedences from the reference §10.3).
 * Aliases fold into one canonical operator; the written spelling is kept for diagnostics.
 * Depth is bounded (MAX_EXPRESSION_DEPTH) so no input can overflow the stack downstream.
 */
import { ImlSyntaxError } from '../errors.ts';
import type { BinaryOp, Expr, KeywordName, Segment, TemplateAst, TemplatePart } from './ast.ts';
import type { SyntaxErrorCode } from './error-codes.ts';
import { type Token, tokenize } from './lexer.ts';
import { MAX_EXPRESSION_DEPTH } from './limits.ts';
import { splitTemplate } from './template.ts';

const BINARY: Record<string, { op: BinaryOp; prec: number }> = {
  '*': { op: '*', prec: 14 },
  '/': { op: '/', prec: 14 },
  '%': { op: '%', prec: 14 },
  '+': { op: '+', prec: 13 },
  '++': { op: '++', prec: 13 },
  '-': { op: '-', prec: 13 },
  '<': { op: '<', prec: 11 },
  '<=': { op: '<=', prec: 11 },
  '>': { op: '>', prec: 11 },
  '>=': { op: '>=', prec: 11 },
  '=': { op: '=', prec: 10 },
  '==': { op: '=', prec: 10 },
  '===': { op: '=', prec: 10 },
  '!=': { op: '!=', prec: 10 },
  '!==': { op: '!=', prec: 10 },
  '&': { op: '&', prec: 6 },
  '&&': { op: '&', prec: 6 },
  '|': { op: '|', prec: 5 },
  '||': { op: '|', prec: 5 },
};

/** Precedence of each canonical operator (used by the printer for minimal parentheses). */
export const PRECEDENCE: Record<BinaryOp, number> = Object.fromEntries(
  Object.values(BINARY).map((b) => [b.op, b.prec]),
) as Record<BinaryOp, number>;
export const UNARY_PRECEDENCE = 16;

export const KEYWORDS: ReadonlySet<string> = new Set<KeywordName>([
  'true',
  'false',
  'null',
  'undefined',
  'erase',
  'ignore',
  'emptystring',
  'emptyarray',
  'space',
  'nbsp',
  'tab',
  'newline',
  'carriagereturn',
  'now',
  'timestamp',
  'uuid',
  'random',
  'pi',
]);

/** Parses a whole template (text and `{{...}}` parts). Throws ImlSyntaxError. */
export function parseTemplateAst(source: string): TemplateAst {
  const parts: TemplatePart[] = [];
  for (const raw of splitTemplate(source)) {
    if (raw.type === 'text') parts.push(raw);
    else
      parts.push({
        type: 'expr',
        expr: parseExpression(source, raw.start, raw.end),
        offset: raw.offset,
        length: raw.length,
      });
  }
  return { source, parts };
}

/** Parses the expression text `source.slice(start, end)`. */
export function parseExpression(source: string, start: number, end: number): Expr {
  return new Parser(source, tokenize(source, start, end), start, end).parseAll();
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly start: number,
    private readonly end: number,
  ) {}

  parseAll(): Expr {
    if (this.peek().kind === 'eof')
      throw this.error('S0201', 'empty expression', this.start - 2, this.end - this.start + 4);
    const expr = this.parseBinary(0);
    const t = this.peek();
    if (t.kind !== 'eof') throw this.error('S0202', `unexpected '${t.value}'`, t.offset, t.length);
    return expr;
  }

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private is(kind: Token['kind'], value?: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === kind && (value === undefined || t.value === value);
  }
  private error(code: SyntaxErrorCode, message: string, offset: number, length: number): ImlSyntaxError {
    return new ImlSyntaxError(code, message, offset, Math.max(length, 1), this.source);
  }
  private expect(kind: Token['kind'], value: string, what: string): Token {
    const t = this.peek();
    if (t.kind !== kind || t.value !== value)
      throw this.error(
        'S0203',
        t.kind === 'eof'
          ? `expected ${what} before the end of the expression`
          : `expected ${what}, found '${t.value}'`,
        t.offset,
        t.length,
      );
    return this.next();
  }
  /** Every nested construct passes through here; the cap keeps recursion bounded. */
  private enter(at: Token): void {
    if (++this.depth > MAX_EXPRESSION_DEPTH)
      throw this.error(
        'S0204',
        `expression nested deeper than ${MAX_EXPRESSION_DEPTH} levels`,
        at.offset,
        at.length,
      );
  }

  private parseBinary(minPrec: number): Expr {
    this.enter(this.peek());
    let left = this.parseUnary();
    let chained = 0;
    for (;;) {
      const t = this.peek();
      const info = t.kind === 'op' ? BINARY[t.value] : undefined;
      if (!info || info.prec < minPrec) break;
      this.next();
      // Left-associative chains (`a+b+c+...`) nest on the left; cap them like any other nesting.
      // Counted into the same depth budget so the whole tree stays shallow enough to walk.
      chained++;
      this.enter(t);
      const right = this.parseBinary(info.prec + 1);
      left = {
        type: 'binary',
        op: info.op,
        written: t.value,
        left,
        right,
        offset: left.offset,
        length: right.offset + right.length - left.offset,
      };
    }
    this.depth -= chained + 1;
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '!' || t.value === '-')) {
      this.next();
      this.enter(t);
      const operand = this.parseUnary();
      this.depth--;
      return {
        type: 'unary',
        op: t.value,
        operand,
        offset: t.offset,
        length: operand.offset + operand.length - t.offset,
      };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.next();
        return { type: 'number', value: Number(t.value), raw: t.value, offset: t.offset, length: t.length };
      case 'string':
        this.next();
        return { type: 'string', value: t.value, offset: t.offset, length: t.length };
      case 'quoted':
        this.next();
        return {
          type: 'path',
          root: t.value,
          rootQuoted: true,
          segments: this.parseSegments(),
          offset: t.offset,
          length: t.length,
        };
      case 'ident':
        return this.parseIdentifier();
      case 'punct':
        if (t.value === '(') {
          this.next();
          this.enter(t);
          const inner = this.parseBinary(0);
          this.depth--;
          this.expect('punct', ')', "')'");
          // Steps after a group apply to its value: `(a)[1]`.
          const segments = this.parseSegments();
          if (segments.length === 0) return inner;
          const last = segments[segments.length - 1];
          return {
            type: 'member',
            object: inner,
            segments,
            offset: t.offset,
            length: last.offset + last.length - t.offset,
          };
        }
        if (t.value === '[')
          throw this.error(
            'S0205',
            'IML has no array literals: build arrays with split(), add(emptyarray, ...) or merge()',
            t.offset,
            t.length,
          );
        break;
      case 'eof':
        throw this.error('S0206', 'expected a value before the end of the expression', t.offset, t.length);
    }
    throw this.error('S0206', `expected a value, found '${t.value}'`, t.offset, t.length);
  }

  private parseIdentifier(): Expr {
    const t = this.next();
    if (this.is('punct', '(')) return this.parseCall(t.value, false, t, t);
    // `iml.name(...)`: a call of the app's own (custom) function.
    if (
      t.value === 'iml' &&
      this.is('punct', '.') &&
      this.is('ident', undefined, 1) &&
      this.is('punct', '(', 2)
    ) {
      this.next();
      const name = this.next();
      return this.parseCall(name.value, true, name, t);
    }
    if (KEYWORDS.has(t.value))
      return { type: 'keyword', name: t.value as KeywordName, offset: t.offset, length: t.length };
    return {
      type: 'path',
      root: t.value,
      rootQuoted: false,
      segments: this.parseSegments(),
      offset: t.offset,
      length: t.length,
    };
  }

  private parseCall(name: string, custom: boolean, nameTok: Token, first: Token): Expr {
    const open = this.next();
    this.enter(open);
    const args: Expr[] = [];
    if (!this.is('punct', ')')) {
      for (;;) {
        // An empty argument (`if(a, 'x', )`, seen in real apps) stands for undefined. Unconfirmed.
        const t = this.peek();
        if (this.isSeparator() || this.is('punct', ')'))
          args.push({ type: 'keyword', name: 'undefined', implicit: true, offset: t.offset, length: 0 });
        else args.push(this.parseBinary(0));
        if (this.isSeparator()) this.next();
        else break;
      }
    }
    const close = this.expect('punct', ')', `',' or ')' to end the arguments of ${name}()`);
    this.depth--;
    return {
      type: 'call',
      name,
      custom,
      args,
      nameSpan: { offset: nameTok.offset, length: nameTok.length },
      offset: first.offset,
      length: close.offset + 1 - first.offset,
    };
  }

  /** `;` is the scenario-editor spelling of the argument separator; accept both. */
  private isSeparator(): boolean {
    return this.is('punct', ',') || this.is('punct', ';');
  }

  /** `.name`, ``.`quoted` ``, `.1`, `[expr]`, `[]` steps directly after a value. */
  private parseSegments(): Segment[] {
    const segments: Segment[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'punct' && t.value === '.' && !t.spaced) {
        this.next();
        const n = this.next();
        if (n.kind === 'ident' || n.kind === 'quoted')
          segments.push({
            kind: 'name',
            name: n.value,
            quoted: n.kind === 'quoted',
            offset: t.offset,
            length: n.offset + n.length - t.offset,
          });
        else
          throw this.error(
            'S0207',
            n.kind === 'eof' ? "expected a name after '.'" : `expected a name after '.', found '${n.value}'`,
            n.offset,
            n.length,
          );
      } else if (t.kind === 'punct' && t.value === '[' && !t.spaced) {
        this.next();
        this.enter(t);
        const index = this.is('punct', ']') ? null : this.parseBinary(0);
        this.depth--;
        const close = this.expect('punct', ']', "']'");
        segments.push({ kind: 'index', index, offset: t.offset, length: close.offset + 1 - t.offset });
      } else return segments;
    }
  }

  private parsePostfix(expr: Expr): Expr {
    if (expr.type === 'path') {
      const last = expr.segments[expr.segments.length - 1];
      if (last) expr.length = last.offset + last.length - expr.offset;
      return expr;
    }
    const segments = this.parseSegments();
    if (segments.length === 0) return expr;
    const last = segments[segments.length - 1];
    return {
      type: 'member',
      object: expr,
      segments,
      offset: expr.offset,
      length: last.offset + last.length - expr.offset,
    };
  }
}
