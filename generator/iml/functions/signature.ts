/**
 * Typed signatures of the built-in functions, declared as data. A declaration is written the way
 * an editor shows it — `(text: text, start: integer, end?: integer): text` — and parsed once when
 * the library loads; a malformed declaration or an unknown type is a programming error thrown then.
 * Arity, argument conversion, hover text, the function reference and the wrong-argument-type rule
 * are all derived from the parsed form.
 */

/** The value types IML functions take and return. `integer` is a number whose fraction is dropped. */
export const IML_TYPES = [
  'any',
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'array',
  'object',
  'buffer',
  'null',
] as const;

export type ImlType = (typeof IML_TYPES)[number];

export interface ParamSpec {
  name: string;
  /** Accepted types (a union); `['any']` accepts everything. */
  types: readonly ImlType[];
  /** May be left out (`name?: type`). */
  optional: boolean;
  /** Takes every remaining argument (`...name: type`); at least one unless also optional. */
  variadic: boolean;
}

export interface FunctionSignature {
  params: readonly ParamSpec[];
  returns: readonly ImlType[];
}

const TYPE_SET: ReadonlySet<string> = new Set(IML_TYPES);

function parseTypes(where: string, text: string): ImlType[] {
  const types = text.split('|').map((t) => t.trim());
  for (const t of types) if (!TYPE_SET.has(t)) throw new Error(`${where}: unknown IML type '${t}'`);
  return types as ImlType[];
}

const PARAM = /^(\.\.\.)?([A-Za-z][A-Za-z0-9]*)(\?)?:(.+)$/;

/** Parses `(a: text, b?: number, ...rest: any): text`; throws naming the function when malformed. */
export function parseSignature(name: string, declaration: string): FunctionSignature {
  const m = /^\((.*)\):(.+)$/.exec(declaration.replace(/\s+/g, ''));
  if (!m) throw new Error(`${name}(): malformed signature '${declaration}'`);
  const params = (m[1] === '' ? [] : m[1].split(',')).map((p, i, all): ParamSpec => {
    const pm = PARAM.exec(p);
    if (!pm) throw new Error(`${name}(): malformed parameter '${p}'`);
    if (pm[1] && i !== all.length - 1) throw new Error(`${name}(): only the last parameter may be variadic`);
    return { name: pm[2], types: parseTypes(`${name}()`, pm[4]), optional: !!pm[3], variadic: !!pm[1] };
  });
  const firstOptional = params.findIndex((p) => p.optional);
  if (firstOptional >= 0 && params.slice(firstOptional).some((p) => !p.optional && !p.variadic))
    throw new Error(`${name}(): a required parameter follows an optional one`);
  return { params, returns: parseTypes(`${name}() result`, m[2]) };
}

export function minArity(sig: FunctionSignature): number {
  return sig.params.filter((p) => !p.optional).length;
}

export function maxArity(sig: FunctionSignature): number {
  return sig.params.at(-1)?.variadic ? Number.POSITIVE_INFINITY : sig.params.length;
}

/** The parameter an argument at `index` binds to (the variadic one repeats), or undefined. */
export function paramAt(sig: FunctionSignature, index: number): ParamSpec | undefined {
  const last = sig.params.at(-1);
  return index < sig.params.length ? sig.params[index] : last?.variadic ? last : undefined;
}

export function renderTypes(types: readonly ImlType[]): string {
  return types.join(' | ');
}

/** `substring(text: text, start: integer, end?: integer): text` — the form hover and docs show. */
export function renderSignature(name: string, sig: FunctionSignature): string {
  const params = sig.params.map(
    (p) => `${p.variadic ? '...' : ''}${p.name}${p.optional ? '?' : ''}: ${renderTypes(p.types)}`,
  );
  return `${name}(${params.join(', ')}): ${renderTypes(sig.returns)}`;
}
