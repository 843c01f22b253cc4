/**
 * Date handling on moment-timezone: values become moments in the evaluation's IANA zone
 * (EvalOptions.timezone, default UTC); unknown zone names are ignored as Make does (Make's help center).
 */
import type Moment from 'moment-timezone';
import { lazyRequire } from '../../model/lazy-require.ts';
import { ImlEvalError } from '../errors.ts';
import { resolveZone } from '../runtime/env.ts';
import { primitive, toText, typeName } from '../runtime/values.ts';

// moment-timezone (with its zone data) loads when a date is first handled, not at start-up
const moment = lazyRequire<typeof Moment>('moment-timezone');

/** Make's default format when `formatDate` gets none (from a third-party runtime summary; unconfirmed). */
export const DEFAULT_DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSSZ';

/** Day-first dotted forms Make's type-coercion page lists as text it turns into dates. */
const DOTTED_DAY_FIRST = ['D.M.YYYY', 'D.M.YYYY H:mm:ss', 'D.M.YYYY H:mm:ssZ'];

/** A date argument: Date, epoch milliseconds, or text (ISO 8601 first, then what `Date` accepts). */
export function toMoment(v: unknown, zone: string, what: string): Moment.Moment {
  v = primitive(v);
  let m: Moment.Moment | undefined;
  if (v instanceof Date) m = moment.tz(v.getTime(), zone);
  else if (typeof v === 'number') m = moment.tz(v, zone);
  else if (typeof v === 'string' && v.trim() !== '') {
    m = moment.tz(v.trim(), moment.ISO_8601, true, zone);
    if (!m.isValid()) m = moment.tz(v.trim(), DOTTED_DAY_FIRST, true, zone);
    if (!m.isValid()) {
      const t = Date.parse(v);
      m = Number.isNaN(t) ? undefined : moment.tz(t, zone);
    }
  }
  if (!m?.isValid())
    throw new ImlEvalError(
      `${what} must be a date, got ${typeName(v)}${typeof v === 'string' ? ` '${v.slice(0, 40)}'` : ''}`,
    );
  return m;
}

export function zoneArg(v: unknown, fallback: string): string {
  return resolveZone(v === undefined || v === null ? undefined : toText(v), fallback);
}

/** `parseDate(text, [format], [timezone])`. */
export function parseDate(value: unknown, format: unknown, zone: string): Date {
  const v = primitive(value);
  if (format === undefined || format === null || format === '')
    return toMoment(v, zone, 'parseDate() text').toDate();
  const fmt = toText(format);
  const m = moment.tz(toText(v), fmt, zone);
  if (!m.isValid())
    throw new ImlEvalError(`parseDate(): '${toText(v).slice(0, 40)}' does not match the format '${fmt}'`);
  return m.toDate();
}

const DIFF_UNITS: Record<string, (ms: number) => number> = {
  D: (ms) => Math.floor(ms / 86_400_000),
  H: (ms) => Math.floor(ms / 3_600_000),
  m: (ms) => Math.floor(ms / 60_000),
  s: (ms) => Math.floor(ms / 1000),
  RH: (ms) => Math.floor(ms / 3_600_000) % 24,
  Rm: (ms) => Math.floor(ms / 60_000) % 60,
  Rs: (ms) => Math.floor(ms / 1000) % 60,
};

/** `dateDiff(end, start, unit)` (only a third-party runtime summary describes it): whole units, R* are the residue; start after end is an error. */
export function dateDiff(end: Moment.Moment, start: Moment.Moment, unit: string): number {
  const f = DIFF_UNITS[unit];
  if (!f) throw new ImlEvalError(`dateDiff(): unknown unit '${unit}' (use D, H, m, s, RH, Rm, Rs)`);
  const ms = end.valueOf() - start.valueOf();
  if (ms < 0) throw new ImlEvalError('dateDiff(): the start date is after the end date');
  return f(ms);
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** English name or abbreviation → 0-based index, or -1. */
function nameIndex(names: string[], v: string): number {
  const s = v.trim().toLowerCase();
  if (s.length < 3) return -1;
  return names.findIndex((n) => n === s || n.startsWith(s));
}

/** `setDay`: 1 = Sunday … 7 = Saturday (outside moves weeks), or an English day name. */
export function dayArg(v: unknown): number {
  const p = primitive(v);
  if (typeof p === 'string' && !/^-?\d+$/.test(p.trim())) {
    const i = nameIndex(DAY_NAMES, p);
    if (i < 0) throw new ImlEvalError(`setDay(): unknown day '${p}'`);
    return i;
  }
  return Math.trunc(Number(p)) - 1;
}

/** `setMonth`: 1–12 (overflow rolls years), or an English month name. */
export function monthArg(v: unknown): number {
  const p = primitive(v);
  if (typeof p === 'string' && !/^-?\d+$/.test(p.trim())) {
    const i = nameIndex(MONTH_NAMES, p);
    if (i < 0) throw new ImlEvalError(`setMonth(): unknown month '${p}'`);
    return i;
  }
  return Math.trunc(Number(p)) - 1;
}
