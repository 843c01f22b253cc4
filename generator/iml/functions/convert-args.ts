/**
 * Argument conversion derived from a function's signature: a parameter declared with one
 * convertible type receives its argument already converted, so function bodies do not convert by
 * hand. An optional parameter left empty (undefined, null, "") is passed as given so the function
 * applies its own default. Unions, `any`, dates, objects and buffers are passed as given.
 */
import { array, bool, int, num, text } from './coerce.ts';
import { type FunctionSignature, type ImlType, paramAt } from './signature.ts';

const CONVERT: Partial<Record<ImlType, (v: unknown, what: string) => unknown>> = {
  text: (v) => text(v),
  number: num,
  integer: int,
  boolean: (v) => bool(v),
  array,
};

const isLeftEmpty = (v: unknown) => v === undefined || v === null || v === '';

export function convertArgs(name: string, sig: FunctionSignature, args: unknown[]): unknown[] {
  return args.map((v, i) => {
    const param = paramAt(sig, i);
    if (param?.types.length !== 1) return v;
    const convert = CONVERT[param.types[0]];
    if (!convert || (param.optional && isLeftEmpty(v))) return v;
    return convert(v, `${name}() ${param.name}`);
  });
}
