/** Text and binary functions (§11.3). */
import { ImlEvalError } from '../errors.ts';
import { equals, isBuffer, primitive, toText } from '../runtime/values.ts';
import { bytes, digest, encodingName } from './binary.ts';
import { array, bool, int, optionalInt, text } from './coerce.ts';
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

/** `split(text, separator, [keepEmpty])`: items trimmed, empty items dropped unless keepEmpty ([HELP] example). */
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
  fn('text', 'length', [1], 'length(text|array|buffer): characters, items or bytes; null is 0', ([v]) =>
    length(v),
  ),
  fn('text', 'lower', [1], 'lower(text): lower case', ([t]) => text(t).toLowerCase()),
  fn('text', 'upper', [1], 'upper(text): upper case', ([t]) => text(t).toUpperCase()),
  fn('text', 'capitalize', [1], 'capitalize(text): first character in upper case', ([t]) => {
    const s = text(t);
    return s.charAt(0).toUpperCase() + s.slice(1);
  }),
  fn('text', 'startcase', [1], 'startcase(text): every word capitalised, the rest lower case', ([t]) =>
    startCase(text(t)),
  ),
  fn('text', 'trim', [1], 'trim(text): without leading and trailing whitespace', ([t]) => text(t).trim()),
  fn(
    'text',
    'substring',
    [2, 3],
    'substring(text, start, [end]): part of the text (0-based, JS substring)',
    ([t, s, e]) =>
      e === undefined
        ? text(t).substring(int(s, 'substring() start'))
        : text(t).substring(int(s, 'substring() start'), int(e, 'substring() end')),
  ),
  fn(
    'text',
    'indexOf',
    [2, 3],
    'indexOf(text, value, [start]): 0-based position of value, or -1',
    ([t, v, s]) => text(t).indexOf(text(v), optionalInt(s, 'indexOf() start', 0)),
  ),
  fn(
    'text',
    'contains',
    [2, 3],
    'contains(text|array, value, [caseInsensitive]): whether the text or array contains the value',
    ([h, n, ci]) => contains(h, n, bool(ci)),
  ),
  fn(
    'text',
    'replace',
    [3],
    "replace(text, search, replacement): every occurrence; search '/re/flags' is a regular expression",
    ([t, s, r]) => replaceText(text(t), text(s), text(r)),
  ),
  fn(
    'text',
    'replaceEmojiCharacters',
    [2],
    'replaceEmojiCharacters(text, replacement): emoji replaced by the replacement',
    ([t, r]) => replaceEmoji(text(t), text(r)),
  ),
  fn(
    'text',
    'split',
    [2, 3],
    'split(text, separator, [keepEmpty]): array of trimmed items; empty items dropped unless keepEmpty',
    ([t, s, k]) => split(text(t), text(s), bool(k)),
  ),
  fn(
    'text',
    'join',
    [1, 2],
    "join(array, [separator=',']): items as text joined by the separator",
    ([a, s]) =>
      array(a, 'join() array')
        .map(toText)
        .join(s === undefined ? ',' : text(s)),
  ),
  fn('text', 'base64', [1], 'base64(text|buffer): Base64 of the UTF-8 text or bytes', ([t]) =>
    bytes(t).toString('base64'),
  ),
  fn('text', 'md5', [1], 'md5(text|buffer): MD5 digest in hex', ([t]) =>
    digest('md5', t, 'hex', undefined, undefined),
  ),
  fn(
    'text',
    'sha1',
    [1, 4],
    'sha1(text, [encoding], [key], [keyEncoding]): SHA-1 digest, or HMAC with a key',
    ([t, e, k, ke]) => digest('sha1', t, e, k, ke),
  ),
  fn(
    'text',
    'sha256',
    [1, 4],
    'sha256(text, [encoding], [key], [keyEncoding]): SHA-256 digest, or HMAC with a key',
    ([t, e, k, ke]) => digest('sha256', t, e, k, ke),
  ),
  fn(
    'text',
    'sha512',
    [1, 4],
    'sha512(text, [encoding], [key], [keyEncoding]): SHA-512 digest, or HMAC with a key',
    ([t, e, k, ke]) => digest('sha512', t, e, k, ke),
  ),
  fn(
    'text',
    'ascii',
    [1, 2],
    'ascii(text, [removeDiacritics]): only ASCII characters; optionally strip accents first',
    ([t, r]) => ascii(text(t), bool(r)),
  ),
  fn(
    'text',
    'toString',
    [1, 2],
    'toString(value, [encoding]): text of a value; buffers decoded with the encoding',
    ([v, e]) => toStringFn(v, e),
  ),
  fn(
    'text',
    'toBinary',
    [1, 2],
    'toBinary(value, [encoding=utf8]): buffer from text (utf8, ascii, hex, base64, binary)',
    ([v, e]) => toBinary(v, e),
  ),
  fn('text', 'encodeURL', [1], 'encodeURL(text): encodeURIComponent', ([t]) => encodeURIComponent(text(t))),
  fn('text', 'decodeURL', [1], 'decodeURL(text): decodeURIComponent', ([t]) => {
    try {
      return decodeURIComponent(text(t));
    } catch {
      throw new ImlEvalError('decodeURL(): malformed percent-encoding');
    }
  }),
  fn(
    'text',
    'stripHTML',
    [1],
    'stripHTML(text): without tags and style/script blocks; <br> becomes a newline',
    ([t]) => stripHtml(text(t)),
  ),
  fn('text', 'escapeHTML', [1], 'escapeHTML(text): &, < and > escaped as entities', ([t]) =>
    escapeHtml(text(t)),
  ),
  fn(
    'text',
    'escapeMarkdown',
    [1],
    'escapeMarkdown(text): Markdown special characters escaped with a backslash',
    ([t]) => escapeMarkdown(text(t)),
  ),
  fn(
    'text',
    'mime',
    [1],
    'mime(filename): MIME type from the file extension; undefined when unknown',
    ([f]) => mimeType(text(f)),
  ),
];
