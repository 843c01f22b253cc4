/** Decoding a file's bytes as Make does (UTF-8), with one clear finding for UTF-16 and invalid UTF-8. */
import { isUtf8 } from 'node:buffer';
import { type LoadContext, report } from './context.ts';

/**
 * UTF-8 text of the first `n` bytes. UTF-16 (an editor's "Unicode" save) is refused with one clear
 * finding: decoded as UTF-8 it would be one syntax error per character. Invalid UTF-8 (a file
 * saved in Latin-1 or Windows-1252, a truncated copy) is one finding at the first bad byte, and
 * the text is still loaded with U+FFFD in place of each bad sequence.
 */
export function decodeUtf8(
  ctx: LoadContext,
  buf: Buffer,
  n: number,
  rel: string,
  component?: string,
): string | undefined {
  if (!looksUtf16(buf, n)) {
    const bytes = buf.subarray(0, n);
    if (!isUtf8(bytes)) reportInvalidUtf8(ctx, bytes, rel, component);
    return bytes.toString('utf8');
  }
  report(
    ctx,
    'load/encoding',
    'error',
    `"${rel}" is saved as UTF-16; Make reads UTF-8: save it as UTF-8 and load it again.`,
    { file: rel }, // the problem is in the file itself, not in the reference to it
    component,
  );
  return undefined;
}

function reportInvalidUtf8(ctx: LoadContext, bytes: Buffer, rel: string, component?: string): void {
  const bad = invalidUtf8(bytes);
  if (bad.count === 0) return;
  // Line and column as everywhere else: UTF-16 code units of the decoded text, BOM not counted.
  let before = bytes.toString('utf8', 0, bad.first);
  if (before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = before.length - lineStart + 1;
  const shown = [...bytes.subarray(bad.first, bad.first + bad.firstLength)]
    .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join(' ');
  const more =
    bad.count > 1 ? ` (and ${bad.count - 1} more invalid sequence${bad.count > 2 ? 's' : ''})` : '';
  report(
    ctx,
    'load/encoding',
    'error',
    `"${rel}" is not valid UTF-8: byte${bad.firstLength > 1 ? 's' : ''} ${shown} at ${line}:${column}${more}; Make reads UTF-8, so the text there would be replaced by U+FFFD: save the file as UTF-8.`,
    { file: rel, line, column, pointer: '' },
    component,
  );
}

/**
 * Invalid UTF-8 sequences (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), each
 * counted once as its maximal invalid subpart, the way a decoder substitutes U+FFFD.
 */
export function invalidUtf8(bytes: Uint8Array): { count: number; first: number; firstLength: number } {
  let count = 0;
  let first = -1;
  let firstLength = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0;
    let j = i + 1;
    for (let k = 0; ok && k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      i = j;
      continue;
    }
    // the bad sequence runs up to (not including) the byte that broke it
    const end = need === 0 ? i + 1 : Math.max(i + 1, j - 1);
    count++;
    if (first < 0) {
      first = i;
      firstLength = end - i;
    }
    i = end;
  }
  return { count, first, firstLength };
}

function looksUtf16(buf: Buffer, n: number): boolean {
  if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  // Without a byte-order mark, ASCII-range JSON in UTF-16 has a NUL in every other byte.
  const m = Math.min(n, 64) & ~1;
  if (m < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < m; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  return evenNul === m / 2 || oddNul === m / 2;
}
