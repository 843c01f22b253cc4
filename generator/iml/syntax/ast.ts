/**
 * The IML syntax tree. Every node carries `offset`/`length` (0-based, into the whole template
 * string) so analysis and error messages can point at the exact source text.
 */
export interface Span {
  offset: number;
  length: number;
}

/** Fixed words of the language: constants and per-evaluation globals. */
export type KeywordName =
  | 'true'
  | 'false'
  | 'null'
  | 'undefined'
  | 'erase'
  | 'ignore'
  | 'emptystring'
  | 'emptyarray'
  | 'space'
  | 'nbsp'
  | 'tab'
  | 'newline'
  | 'carriagereturn'
  | 'now'
  | 'timestamp'
  | 'uuid'
  | 'random'
  | 'pi';

/** Canonical operator names; aliases (`==`, `===`, `&&`, ...) are folded into these by the parser. */
export type BinaryOp = '*' | '/' | '%' | '+' | '++' | '-' | '<' | '<=' | '>' | '>=' | '=' | '!=' | '&' | '|';

/** One step of a path: `.name`, ``.`quoted name` ``, or `[expr]` (`[]` has `index: null`). */
export type Segment =
  | ({ kind: 'name'; name: string; quoted: boolean } & Span)
  | ({ kind: 'index'; index: Expr | null } & Span);

export type Expr =
  | ({ type: 'string'; value: string } & Span)
  | ({ type: 'number'; value: number; raw: string } & Span)
  /** `implicit` marks an empty call argument (`f(a, )`), read as undefined. */
  | ({ type: 'keyword'; name: KeywordName; implicit?: boolean } & Span)
  /** A context variable and what follows it: `connection.accessToken`, ``headers.`X-Id` ``, `items[1]`. */
  | ({ type: 'path'; root: string; rootQuoted: boolean; segments: Segment[] } & Span)
  /** Path steps applied to a computed value: `parseJSON(x).id`, `(a)[1]`. */
  | ({ type: 'member'; object: Expr; segments: Segment[] } & Span)
  | ({ type: 'unary'; op: '!' | '-'; operand: Expr } & Span)
  | ({ type: 'binary'; op: BinaryOp; written: string; left: Expr; right: Expr } & Span)
  /** `name(args)`; `custom` is true when written `iml.name(args)`. */
  | ({ type: 'call'; name: string; custom: boolean; args: Expr[]; nameSpan: Span } & Span);

export type TemplatePart =
  | ({ type: 'text'; value: string } & Span)
  /** An expression between `{{` and `}}`; the span covers the braces. */
  | ({ type: 'expr'; expr: Expr } & Span);

export interface TemplateAst {
  source: string;
  parts: TemplatePart[];
}
