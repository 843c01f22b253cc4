/**
 * Static argument types: for a call to a built-in, which arguments certainly do not fit the
 * declared parameter types. Only what is known without running the template counts: literals,
 * constants (`now`, `emptyarray`...) and the declared result of a nested built-in call. Variables,
 * operators and custom functions are unknown and never reported.
 */
import type { ArgumentTypeError } from '../api.ts';
import { BUILTIN_FUNCTIONS } from '../functions/registry.ts';
import { type ImlType, paramAt, renderTypes } from '../functions/signature.ts';
import type { Expr, KeywordName } from '../syntax/ast.ts';

/** What an argument is known to be: its possible types and, for a literal, its value. */
interface Known {
  types: readonly ImlType[];
  literal?: string | number;
  /** How the message names it: `number 123`, `text "x"`, `the result of now`. */
  shown: string;
}

const KEYWORD_TYPES: Partial<Record<KeywordName, ImlType>> = {
  true: 'boolean',
  false: 'boolean',
  emptystring: 'text',
  space: 'text',
  nbsp: 'text',
  tab: 'text',
  newline: 'text',
  carriagereturn: 'text',
  uuid: 'text',
  emptyarray: 'array',
  now: 'date',
  timestamp: 'number',
  random: 'number',
  pi: 'number',
};

function known(e: Expr): Known | undefined {
  switch (e.type) {
    case 'string':
      return { types: ['text'], literal: e.value, shown: `text ${JSON.stringify(e.value)}` };
    case 'number':
      return { types: ['number'], literal: e.value, shown: `number ${e.raw}` };
    case 'unary':
      if (e.op === '-' && e.operand.type === 'number')
        return { types: ['number'], literal: -e.operand.value, shown: `number -${e.operand.raw}` };
      return undefined;
    case 'keyword': {
      const t = KEYWORD_TYPES[e.name];
      return t && !e.implicit ? { types: [t], shown: `${t} ${e.name}` } : undefined;
    }
    case 'call': {
      const spec = e.custom ? undefined : BUILTIN_FUNCTIONS.get(e.name);
      if (!spec) return undefined;
      return {
        types: spec.signature.returns,
        shown: `${renderTypes(spec.signature.returns)} from ${e.name}()`,
      };
    }
    default:
      return undefined;
  }
}

const looksLikeDate = (s: string) => /^\d{4}-\d{2}-\d{2}/.test(s.trim()) || !Number.isNaN(Date.parse(s));
const looksLikeNumber = (s: string) => s.trim() !== '' && !Number.isNaN(Number(s));

/**
 * Whether a value of type `actual` can stand where `wanted` is declared. Text converts to the
 * scalar types when its content allows (unknown content: assumed to), dates and buffers print as
 * text, numbers serve as booleans; numbers are not text and not dates (`length(1)`,
 * `formatDate(123, ...)` are mistakes even where the runtime would accept them).
 */
function fits(actual: ImlType, wanted: ImlType, literal: string | number | undefined): boolean {
  if (actual === wanted || actual === 'any' || wanted === 'any' || actual === 'null') return true;
  const text = typeof literal === 'string' ? literal : undefined;
  switch (wanted) {
    case 'number':
    case 'integer':
      return (
        actual === 'number' ||
        actual === 'integer' ||
        (actual === 'text' && (text === undefined || looksLikeNumber(text)))
      );
    case 'date':
      return actual === 'text' && (text === undefined || looksLikeDate(text));
    case 'boolean':
      return (
        actual === 'number' ||
        actual === 'integer' ||
        (actual === 'text' && (text === undefined || text === 'true' || text === 'false'))
      );
    case 'text':
      return actual === 'date' || actual === 'buffer';
    case 'buffer':
      return actual === 'text';
    default:
      return false;
  }
}

/** The arguments of one call that cannot fit their parameter, with their exact spans. */
export function argumentTypeErrors(call: Extract<Expr, { type: 'call' }>): ArgumentTypeError[] {
  const spec = call.custom ? undefined : BUILTIN_FUNCTIONS.get(call.name);
  if (!spec) return [];
  const out: ArgumentTypeError[] = [];
  call.args.forEach((arg, index) => {
    const param = paramAt(spec.signature, index);
    const k = known(arg);
    if (!param || !k) return;
    if (k.types.some((a) => param.types.some((w) => fits(a, w, k.literal)))) return;
    out.push({
      index,
      param: param.name,
      expected: param.types,
      actual: k.types,
      given: k.shown,
      message: `${call.name}() expects ${renderTypes(param.types)} for \`${param.name}\`, got ${k.shown}`,
      offset: arg.offset,
      length: arg.length,
    });
  });
  return out;
}
