/** Date and time functions (§11.4); tokens are Moment's (YYYY MM DD HH mm ss SSS Z X x ...). */
import type moment from 'moment-timezone';
import { ImlEvalError } from '../errors.ts';
import type { Env } from '../runtime/env.ts';
import { toText } from '../runtime/values.ts';
import {
  DEFAULT_DATE_FORMAT,
  dateDiff,
  dayArg,
  monthArg,
  parseDate,
  toMoment,
  zoneArg,
} from './date-support.ts';
import { type BuiltinFunction, fn } from './define.ts';

type Unit = 'seconds' | 'minutes' | 'hours' | 'days' | 'months' | 'years';

function adder(name: string, unit: Unit): BuiltinFunction {
  return fn(
    'date',
    name,
    '(date: date, amount: number): date',
    `a new date ${unit} later (a negative amount goes back)`,
    ([d, n], env: Env) => toMoment(d, env.timezone, `${name}() date`).add(n, unit).toDate(),
  );
}

/** `value` is `integer`, or `integer | text` where an English name is accepted too. */
function setter(
  name: string,
  value: string,
  range: string,
  apply: (m: moment.Moment, v: unknown) => moment.Moment,
): BuiltinFunction {
  return fn(
    'date',
    name,
    `(date: date, value: ${value}): date`,
    `a new date with the ${range}; overflow rolls into the neighbours`,
    ([d, v], env: Env) => {
      const m = toMoment(d, env.timezone, `${name}() date`);
      const out = apply(m, v);
      if (!out.isValid()) throw new ImlEvalError(`${name}(): invalid value '${toText(v)}'`);
      return out.toDate();
    },
  );
}

export const DATE_FUNCTIONS: BuiltinFunction[] = [
  fn(
    'date',
    'formatDate',
    '(date: date, format?: text, timezone?: text): text',
    'the date as text (always text, even for X)',
    ([d, f, z], env) => {
      const zone = zoneArg(z, env.timezone);
      const format = f === undefined || f === null || f === '' ? DEFAULT_DATE_FORMAT : toText(f);
      return toMoment(d, zone, 'formatDate() date').tz(zone).format(format);
    },
  ),
  fn(
    'date',
    'parseDate',
    '(text: text | number, format?: text, timezone?: text): date',
    'a date; without a format ISO 8601 is detected; X = Unix seconds, x = ms',
    ([t, f, z], env) => parseDate(t, f, zoneArg(z, env.timezone)),
  ),
  fn(
    'date',
    'dateDiff',
    '(end: date, start: date, unit: text): integer',
    'whole D, H, m or s between the dates; RH, Rm, Rs give the remainder',
    ([e, s, u], env) =>
      dateDiff(
        toMoment(e, env.timezone, 'dateDiff() end'),
        toMoment(s, env.timezone, 'dateDiff() start'),
        toText(u),
      ),
  ),
  adder('addSeconds', 'seconds'),
  adder('addMinutes', 'minutes'),
  adder('addHours', 'hours'),
  adder('addDays', 'days'),
  adder('addMonths', 'months'),
  adder('addYears', 'years'),
  setter('setSecond', 'integer', 'seconds (0-59)', (m, v) => m.second(v as number)),
  setter('setMinute', 'integer', 'minutes (0-59)', (m, v) => m.minute(v as number)),
  setter('setHour', 'integer', 'hour (0-23)', (m, v) => m.hour(v as number)),
  setter('setDate', 'integer', 'day of the month (1-31)', (m, v) => m.date(v as number)),
  setter(
    'setDay',
    'integer | text',
    'day of the week (1 = Sunday ... 7 = Saturday, or an English name)',
    (m, v) => m.day(dayArg(v)),
  ),
  setter('setMonth', 'integer | text', 'month (1-12, or an English name)', (m, v) => m.month(monthArg(v))),
  setter('setYear', 'integer', 'year', (m, v) => m.year(v as number)),
];
