/** Math functions (§11.2). Aggregates accept one array or several values and skip non-numbers. */
import { ImlEvalError } from '../errors.ts';
import { primitive, toText } from '../runtime/values.ts';
import { numbers, optionalInt } from './coerce.ts';
import { type BuiltinFunction, fn } from './define.ts';

/** Rounds through the decimal spelling so `round(1.005, 2)` is 1.01 like a person expects. */
function shift(n: number, places: number): number {
  const [m, e = '0'] = String(n).split('e');
  return Number(`${m}e${Number(e) + places}`);
}

function roundTo(n: number, places: number, mode: (x: number) => number): number {
  if (places === 0) return mode(n);
  return shift(mode(shift(n, places)), -places);
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function stdev(values: number[], sample: boolean): number | null {
  const n = values.length - (sample ? 1 : 0);
  if (n <= 0) return null;
  const m = mean(values)!;
  return Math.sqrt(values.reduce((acc, v) => acc + (v - m) ** 2, 0) / n);
}

/** `parseNumber('1.234,5', ',')`: drops grouping characters, then reads the decimal separator. */
function parseNumber(textValue: unknown, separator: unknown): number | null {
  const sep = separator === undefined || separator === null || separator === '' ? '.' : toText(separator);
  if (sep !== '.' && sep !== ',')
    throw new ImlEvalError("parseNumber(): the decimal separator must be '.' or ','");
  const group = sep === '.' ? ',' : '.';
  const cleaned = toText(textValue)
    .trim()
    .replace(/[\s\u00a0']/g, '')
    .split(group)
    .join('')
    .replace(sep, '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  return Number(cleaned);
}

function formatNumber(n: number, decimals: number, decSep: string, thousandsSep: string): string {
  const fixed = roundTo(Math.abs(n), decimals, Math.round).toFixed(Math.max(0, Math.min(decimals, 100)));
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSep);
  return `${n < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${fraction ? decSep + fraction : ''}`;
}

export const MATH_FUNCTIONS: BuiltinFunction[] = [
  fn(
    'math',
    'round',
    '(number: number, decimals?: integer): number',
    'nearest integer (or number of decimals)',
    ([n, d]) => roundTo(n, optionalInt(d, 'round() decimals', 0), Math.round),
  ),
  fn('math', 'floor', '(number: number): number', 'largest integer not above n', ([n]) => Math.floor(n)),
  fn('math', 'ceil', '(number: number): number', 'smallest integer not below n', ([n]) => Math.ceil(n)),
  fn(
    'math',
    'trunc',
    '(number: number, decimals?: integer): number',
    'drops the fraction; decimals keep places, negative decimals zero digits',
    ([n, d]) => roundTo(n, optionalInt(d, 'trunc() decimals', 0), Math.trunc),
  ),
  fn('math', 'abs', '(number: number): number', 'absolute value', ([n]) => Math.abs(n)),
  fn(
    'math',
    'min',
    '(...values: number | array): number | null',
    'smallest number; null when none',
    (args) => {
      const v = numbers(args);
      return v.length ? Math.min(...v) : null;
    },
  ),
  fn(
    'math',
    'max',
    '(...values: number | array): number | null',
    'largest number; null when none',
    (args) => {
      const v = numbers(args);
      return v.length ? Math.max(...v) : null;
    },
  ),
  fn('math', 'sum', '(...values: number | array): number', 'total of the numbers', (args) =>
    numbers(args).reduce((a, b) => a + b, 0),
  ),
  fn(
    'math',
    'average',
    '(...values: number | array): number | null',
    'arithmetic mean; null when none',
    (args) => mean(numbers(args)),
  ),
  fn(
    'math',
    'median',
    '(...values: number | array): number | null',
    'middle value; null when none',
    (args) => {
      const v = numbers(args).sort((a, b) => a - b);
      if (v.length === 0) return null;
      const mid = v.length >> 1;
      return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    },
  ),
  fn(
    'math',
    'stdevS',
    '(...values: number | array): number | null',
    'sample standard deviation (N-1)',
    (args) => stdev(numbers(args), true),
  ),
  fn(
    'math',
    'stdevP',
    '(...values: number | array): number | null',
    'population standard deviation (N)',
    (args) => stdev(numbers(args), false),
  ),
  fn(
    'math',
    'parseNumber',
    '(text: text | number, decimalSeparator?: text): number | null',
    "number from text ('.' default); null when not a number",
    ([t, s]) => (typeof primitive(t) === 'number' ? primitive(t) : parseNumber(t, s)),
  ),
  fn(
    'math',
    'formatNumber',
    '(number: number, decimals: integer, decimalSeparator?: text, thousandsSeparator?: text): text',
    'number as text (decimal comma and thousands dot by default)',
    ([n, d, ds, ts]) =>
      formatNumber(n, d, ds === undefined ? ',' : toText(ds), ts === undefined ? '.' : toText(ts)),
  ),
];
