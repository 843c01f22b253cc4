/**
 * One fast character pass over JSONC text, done before parsing:
 * - the offset where nesting first goes deeper than `maxDepth` (the parser recurses, so very deep
 *   input must be refused before it is parsed);
 * - trailing commas (accepted by Make, reported as warnings);
 * - how many property names are written (duplicates are then located by a second pass, only
 *   when the parsed value has fewer keys: JSON keeps the last of a repeated key silently);
 * - whether the text has comments (if not, and no trailing comma, native JSON.parse can be used).
 * It never throws; on malformed text its findings are only used when the parse succeeds.
 */
export interface PreScan {
  tooDeepAt?: number;
  trailingCommas: number[];
  duplicateKeys: { offset: number; length: number; name: string }[];
  hasComments: boolean;
  /** Property names written in the text (equal to the parsed value's key count unless some repeat). */
  keyCount: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;

export function preScan(text: string, maxDepth: number): PreScan {
  return scan(text, maxDepth, false);
}

/**
 * Duplicate keys cost a Set per object, so the first pass only counts keys; `keyCount` lets the
 * caller compare with the parsed value and ask for `findDuplicateKeys` only when they differ.
 */
export function findDuplicateKeys(text: string, maxDepth: number): PreScan['duplicateKeys'] {
  return scan(text, maxDepth, true).duplicateKeys;
}

function scan(text: string, maxDepth: number, trackKeys: boolean): PreScan {
  const result: PreScan = { trailingCommas: [], duplicateKeys: [], hasComments: false, keyCount: 0 };
  // One entry per open container: object (1) or array (0); with trackKeys, the keys seen.
  const kinds = new Uint8Array(maxDepth + 2);
  let depth = 0;
  const keys: (Set<string> | null)[] = [];
  let last = 0; // char code of the last significant character (0 = none)
  let lastComma = -1;
  // Offsets of the next \n, \r and backslash at or after the scan position (text.length = none).
  let nextLf = -1;
  let nextCr = -1;
  let nextBackslash = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === SLASH && (text.charCodeAt(i + 1) === SLASH || text.charCodeAt(i + 1) === STAR)) {
      result.hasComments = true;
      if (text.charCodeAt(i + 1) === SLASH) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      } else {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 1;
      }
      continue;
    }
    if (c === QUOTE) {
      // Jump to the closing quote (the next quote not preceded by an odd run of backslashes), but
      // like the parser stop at a line break: an unterminated string must not hide what follows.
      // The next line break and backslash are cached, so the whole pass stays linear.
      if (nextLf <= i) nextLf = after(text, '\n', i);
      if (nextCr <= i) nextCr = after(text, '\r', i);
      if (nextBackslash <= i) nextBackslash = after(text, '\\', i);
      const stop = Math.min(nextLf, nextCr);
      let j = text.indexOf('"', i + 1);
      while (j > 0 && j < stop) {
        let b = 0;
        while (text.charCodeAt(j - 1 - b) === BACKSLASH) b++;
        if (b % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j < 0 || j > stop) j = stop;
      const escaped = nextBackslash < j;
      if (depth > 0 && kinds[depth] === 1 && (last === 123 /* { */ || last === 44) /* , */) {
        result.keyCount++;
        const top = trackKeys ? keys[keys.length - 1] : null;
        if (top) {
          const raw = text.slice(i + 1, Math.min(j, n));
          const name = escaped ? decode(raw) : raw;
          if (top.has(name)) result.duplicateKeys.push({ offset: i, length: j - i + 1, name });
          top.add(name);
        }
      }
      last = QUOTE;
      i = j;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > maxDepth) {
        result.tooDeepAt = i;
        return result;
      }
      kinds[depth] = c === 123 ? 1 : 0;
      if (trackKeys) keys.push(c === 123 ? new Set() : null);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (last === 44) result.trailingCommas.push(lastComma);
      if (depth > 0) depth--;
      if (trackKeys) keys.pop();
    } else if (c === 44) {
      lastComma = i;
    }
    last = c;
  }
  return result;
}

function after(text: string, ch: string, from: number): number {
  const at = text.indexOf(ch, from);
  return at < 0 ? text.length : at;
}

function decode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Property names written in STRICT JSON text (native JSON.parse accepted it): outside strings such
 * text holds no quote, so jumping from quote to quote visits exactly the string tokens; a string
 * followed by a colon is a property name.
 */
export function countKeysInStrictJson(text: string): number {
  let count = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    let j = text.indexOf('"', i + 1);
    for (;;) {
      if (j < 0) return count;
      let b = 0;
      while (text.charCodeAt(j - 1 - b) === BACKSLASH) b++;
      if (b % 2 === 0) break;
      j = text.indexOf('"', j + 1);
    }
    let k = j + 1;
    let c = text.charCodeAt(k);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++k);
    if (c === 58 /* : */) count++;
    i = text.indexOf('"', k);
  }
  return count;
}
