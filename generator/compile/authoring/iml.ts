/**
 * Typed IML references. A `Ref` stands for an IML path (`parameters.id`, `connection.accessToken`,
 * `body.movies`); an `Expr` for any IML expression. Both turn into `{{...}}` when placed in a string
 * template (`\`/movies/${parameters.id}\``), when used as a JSON value, or when serialised. Inside
 * the `expr` tag they contribute their raw text, so expressions compose:
 *   expr`${connection.expires} < addMinutes(now, 15)`  →  "{{connection.expires < addMinutes(now, 15)}}"
 * Why proxies: property access on a typed proxy lets TypeScript reject `parameters.limt` while the
 * runtime records the path the author wrote.
 */

const IML_TEXT = Symbol.for('make-app.imlText');

/** Anything that stands for an IML expression. */
export interface Expr {
  readonly [IML_TEXT]: string;
  /** `{{text}}` — what a template literal or JSON serialisation produces. */
  toString(): string;
  toJSON(): string;
}

/** A path reference; the type parameter brands what it points at (for readers, not enforced). */
export interface Ref extends Expr {
  readonly __ref?: 'ref';
}

/** A reference whose children are unknown (response body, items, temp): any property is allowed. */
export type AnyRef = Ref & { readonly [key: string]: AnyRef };

/** Property names a proxy never turns into a path (they keep their JavaScript meaning). */
export const RESERVED_PROPERTY_NAMES: ReadonlySet<string | symbol> = new Set<string | symbol>([
  'toString',
  'toJSON',
  'valueOf',
  'then',
  'constructor',
  'inspect',
]);

/** Path segments need backticks when they are not plain identifiers (§10.5). */
function segment(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name}\``;
}

function makeExpr(text: string): Expr {
  const target = {
    [IML_TEXT]: text,
    toString: () => `{{${text}}}`,
    toJSON: () => `{{${text}}}`,
  };
  return target as Expr;
}

/** A proxy for the IML path `path`; every property read returns a deeper path. */
export function ref(path: string): AnyRef {
  const base = makeExpr(path) as unknown as Record<string | symbol, unknown>;
  return new Proxy(base, {
    get(target, prop) {
      if (prop === IML_TEXT || RESERVED_PROPERTY_NAMES.has(prop)) return target[prop];
      if (prop === Symbol.toPrimitive) return () => `{{${path}}}`;
      if (typeof prop === 'symbol') return undefined;
      return ref(`${path}.${segment(prop)}`);
    },
    has(_target, prop) {
      return prop === IML_TEXT;
    },
  }) as unknown as AnyRef;
}

export function isExpr(value: unknown): value is Expr {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && IML_TEXT in value;
}

/** The raw IML text of an expression (without braces). */
export function imlText(value: Expr): string {
  return value[IML_TEXT];
}

/**
 * Tagged template for an IML expression: interpolated refs/exprs contribute their raw text,
 * numbers and booleans their literal, strings become single-quoted IML strings.
 */
export function expr(
  strings: TemplateStringsArray,
  ...values: (Expr | string | number | boolean | null)[]
): Expr {
  let text = strings[0] ?? '';
  values.forEach((v, i) => {
    text += literal(v) + (strings[i + 1] ?? '');
  });
  return makeExpr(text);
}

function literal(v: Expr | string | number | boolean | null): string {
  if (isExpr(v)) return v[IML_TEXT];
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(v);
}

/** Root variables that need no declaration. */
export const now: Expr = makeExpr('now');
export const timestamp: Expr = makeExpr('timestamp');
export const uuid: Expr = makeExpr('uuid');
export const emptyarray: Expr = makeExpr('emptyarray');
export const undefinedValue: Expr = makeExpr('undefined');
export const erase: Expr = makeExpr('erase');

/**
 * Replaces every Ref/Expr inside `value` by its `{{...}}` string and drops `undefined` members;
 * `leaf` may replace other special values (secrets) first.
 */
export function toJsonValue(value: unknown, leaf?: (v: unknown) => unknown): unknown {
  if (isExpr(value)) return `{{${value[IML_TEXT]}}}`;
  const replaced = leaf ? leaf(value) : value;
  if (replaced !== value) return replaced;
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, leaf));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = toJsonValue(v, leaf);
    }
    return out;
  }
  return value;
}
