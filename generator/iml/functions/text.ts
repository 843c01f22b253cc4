/** Text and binary functions (§11.3). */
import { ImlEvalError } from '../errors.ts';
import { equals, isBuffer, primitive, toText } from '../runtime/values.ts';
import { bytes, digest, encodingName } from './binary.ts';
import { bool, int, optionalInt, text } from './coerce.ts';
import { type BuiltinFunction, fn } from './define.ts';
import {
  ascii,
  escapeHtml,
  escapeMarkdown,
  mimeType,
  replaceEmoji,
  replaceText,
  startCase,
  stripHtml,
} from './text-support.ts';

function length(v: unknown): number {
  v = primitive(v);
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (isBuffer(v)) return v.byteLength;
  if (typeof v === 'object' && !(v instanceof Date)) return Object.keys(v).length;
  return toText(v).length;
}

/** `contains(text|array, value, [caseInsensitive])`. */
function contains(haystack: unknown, needle: unknown, ci: boolean): boolean {
  haystack = primitive(haystack);
  if (Array.isArray(haystack)) {
    if (!ci) return haystack.some((item) => equals(item, needle, true));
    const want = toText(needle).toLowerCase();
    return haystack.some((item) => toText(item).toLowerCase() === want);
  }
  if (haystack === null || haystack === undefined) return false;
  const h = toText(haystack);
  const n = toText(needle);
  return ci ? h.toLowerCase().includes(n.toLowerCase()) : h.includes(n);
}

/** `split(text, separator, [keepEmpty])`: items trimmed, empty items dropped unless keepEmpty (example in Make's help center). */
function split(t: string, separator: string, keepEmpty: boolean): string[] {
  const items = separator === '' ? Array.from(t) : t.split(separator);
  const trimmed = items.map((s) => s.trim());
  return keepEmpty ? trimmed : trimmed.filter((s) => s !== '');
}

function toStringFn(v: unknown, encoding: unknown): string {
  if (isBuffer(v)) return Buffer.from(v).toString(encodingName(encoding, 'utf8'));
  return toText(v);
}

function toBinary(v: unknown, encoding: unknown): Uint8Array {
  if (isBuffer(v)) return v;
  return Buffer.from(toText(v), encodingName(encoding, 'utf8'));
}

export const TEXT_FUNCTIONS: BuiltinFunction[] = [
  fn(
    'text',
    'length',
    '(value: text | array | buffer | object | null): integer',
    'characters, items or bytes; null is 0',
    ([v]) => length(v),
  ),
  fn('text', 'lower', '(text: text): text', 'lower case', ([t]) => t.toLowerCase()),
  fn('text', 'upper', '(text: text): text', 'upper case', ([t]) => t.toUpperCase()),
  fn('text', 'capitalize', '(text: text): text', 'first character in upper case', ([t]) => {
    const s = t;
    return s.charAt(0).toUpperCase() + s.slice(1);
  }),
  fn('text', 'startcase', '(text: text): text', 'every word capitalised, the rest lower case', ([t]) =>
    startCase(t),
  ),
  fn('text', 'trim', '(text: text): text', 'without leading and trailing whitespace', ([t]) => t.trim()),
  fn(
    'text',
    'substring',
    '(text: text, start: integer, end?: integer): text',
    'part of the text (0-based, JS substring)',
    ([t, s, e]) => (e === undefined ? t.substring(s) : t.substring(s, int(e, 'substring() end'))),
  ),
  fn(
    'text',
    'indexOf',
    '(text: text, value: text, start?: integer): integer',
    '0-based position of value, or -1',
    ([t, v, s]) => t.indexOf(v, optionalInt(s, 'indexOf() start', 0)),
  ),
  fn(
    'text',
    'contains',
    '(haystack: text | array, value: any, caseInsensitive?: boolean): boolean',
    'whether the text or array contains the value',
    ([h, n, ci]) => contains(h, n, bool(ci)),
  ),
  fn(
    'text',
    'replace',
    '(text: text, search: text, replacement: text): text',
    "every occurrence; search '/re/flags' is a regular expression",
    ([t, s, r]) => replaceText(t, s, r),
  ),
  fn(
    'text',
    'replaceEmojiCharacters',
    '(text: text, replacement: text): text',
    'emoji replaced by the replacement',
    ([t, r]) => replaceEmoji(t, r),
  ),
  fn(
    'text',
    'split',
    '(text: text, separator: text, keepEmpty?: boolean): array',
    'array of trimmed items; empty items dropped unless keepEmpty',
    ([t, s, k]) => split(t, s, bool(k)),
  ),
  fn(
    'text',
    'join',
    '(array: array, separator?: text): text',
    'items as text joined by the separator (comma by default)',
    ([a, s]) => (a as unknown[]).map(toText).join(s === undefined ? ',' : text(s)),
  ),
  fn('text', 'base64', '(value: text | buffer): text', 'Base64 of the UTF-8 text or bytes', ([t]) =>
    bytes(t).toString('base64'),
  ),
  fn('text', 'md5', '(value: text | buffer): text', 'MD5 digest in hex', ([t]) =>
    digest('md5', t, 'hex', undefined, undefined),
  ),
  fn(
    'text',
    'sha1',
    '(value: text | buffer, encoding?: text, key?: text | buffer, keyEncoding?: text): text',
    'SHA-1 digest (hex by default), or HMAC with a key',
    ([t, e, k, ke]) => digest('sha1', t, e, k, ke),
  ),
  fn(
    'text',
    'sha256',
    '(value: text | buffer, encoding?: text, key?: text | buffer, keyEncoding?: text): text',
    'SHA-256 digest (hex by default), or HMAC with a key',
    ([t, e, k, ke]) => digest('sha256', t, e, k, ke),
  ),
  fn(
    'text',
    'sha512',
    '(value: text | buffer, encoding?: text, key?: text | buffer, keyEncoding?: text): text',
    'SHA-512 digest (hex by default), or HMAC with a key',
    ([t, e, k, ke]) => digest('sha512', t, e, k, ke),
  ),
  fn(
    'text',
    'ascii',
    '(text: text, removeDiacritics?: boolean): text',
    'only ASCII characters; optionally strip accents first',
    ([t, r]) => ascii(t, bool(r)),
  ),
  fn(
    'text',
    'toString',
    '(value: any, encoding?: text): text',
    'text of a value; buffers decoded with the encoding',
    ([v, e]) => toStringFn(v, e),
  ),
  fn(
    'text',
    'toBinary',
    '(value: text | buffer, encoding?: text): buffer',
    'buffer from text (utf8 by default; ascii, hex, base64, binary)',
    ([v, e]) => toBinary(v, e),
  ),
  fn('text', 'encodeURL', '(text: text): text', 'encodeURIComponent', ([t]) => encodeURIComponent(t)),
  fn('text', 'decodeURL', '(text: text): text', 'decodeURIComponent', ([t]) => {
    try {
      return decodeURIComponent(t);
    } catch {
      throw new ImlEvalError('decodeURL(): malformed percent-encoding');
    }
  }),
  fn(
    'text',
    'stripHTML',
    '(text: text): text',
    'without tags and style/script blocks; <br> becomes a newline',
    ([t]) => stripHtml(t),
  ),
  fn('text', 'escapeHTML', '(text: text): text', '&, < and > escaped as entities', ([t]) => escapeHtml(t)),
  fn(
    'text',
    'escapeMarkdown',
    '(text: text): text',
    'Markdown special characters escaped with a backslash',
    ([t]) => escapeMarkdown(t),
  ),
  fn(
    'text',
    'mime',
    '(filename: text): text',
    'MIME type from the file extension; undefined when unknown',
    ([f]) => mimeType(f),
  ),
];
