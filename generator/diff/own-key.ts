/**
 * Own-key helpers for a student's JSON, which may hold any key (`__proto__`, `constructor`): the
 * differ's names for the model's own-property helpers.
 */
import { getOwn, setOwn } from '../model/own.ts';

/** Sets an own property even for keys like `__proto__` (plain assignment would change the prototype). */
export const setKey: (o: Record<string, unknown>, k: string, v: unknown) => void = setOwn;

/** An own value of a lookup table (never `constructor`, `toString`... from the prototype). */
export function ownValue<T>(table: Record<string, T>, k: string): T | undefined {
  return getOwn(table, k) as T | undefined;
}
