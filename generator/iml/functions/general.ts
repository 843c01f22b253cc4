/** General functions (§11.1): conditionals and object access. */
import { isPlainObject } from '../../model/index.ts';
import { getPath } from '../runtime/path.ts';
import { isEmpty, setOwn, toText, truthy } from '../runtime/values.ts';
import { type BuiltinFunction, fn, lazyFn } from './define.ts';

function keyList(args: unknown[]): string[] {
  return args.flatMap((a) => (Array.isArray(a) ? a : [a])).map((k) => toText(k));
}

export const GENERAL_FUNCTIONS: BuiltinFunction[] = [
  lazyFn(
    'general',
    'if',
    '(condition: any, whenTrue: any, whenFalse?: any): any',
    'whenTrue when the condition is truthy, else whenFalse; only the chosen branch is evaluated',
    ([cond, a, b]) => (truthy(cond()) ? a() : b?.()),
  ),
  lazyFn(
    'general',
    'ifempty',
    '(value: any, fallback: any): any',
    'value unless it is undefined, null or ""; fallback is evaluated only when needed',
    ([a, b]) => {
      const value = a();
      return isEmpty(value) ? b() : value;
    },
  ),
  lazyFn(
    'general',
    'switch',
    '(expr: any, value: any, result: any, ...more?: any): any',
    'the result paired with the first value equal (as text) to expr',
    (args) => {
      const subject = toText(args[0]());
      let i = 1;
      for (; i + 1 < args.length; i += 2) if (toText(args[i]()) === subject) return args[i + 1]();
      return i < args.length ? args[i]() : undefined;
    },
  ),
  fn(
    'general',
    'get',
    '(object: object | array, path: text | number): any',
    "the value at a dot path ('a.b', '2.name'; array indexes 1-based)",
    ([o, p]) => getPath(o, p),
  ),
  fn(
    'general',
    'pick',
    '(object: object, ...keys: text | array): object',
    'a copy with only the listed keys',
    ([o, ...keys]) => {
      if (!isPlainObject(o)) return undefined;
      const out: Record<string, unknown> = {};
      for (const k of keyList(keys)) if (Object.hasOwn(o, k)) setOwn(out, k, o[k]);
      return out;
    },
  ),
  fn(
    'general',
    'omit',
    '(object: object, ...keys: text | array): object',
    'a copy without the listed keys',
    ([o, ...keys]) => {
      if (!isPlainObject(o)) return undefined;
      const drop = new Set(keyList(keys));
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o)) if (!drop.has(k)) setOwn(out, k, o[k]);
      return out;
    },
  ),
];
