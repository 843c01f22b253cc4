/**
 * One fast character pass over JSONC text, done before parsing:
 * - the offset where nesting first goes deeper than `maxDepth` (the parser recurses, so very deep
 *   input must be refused before it is parsed);
 * - trailing commas (accepted by Make, reported as warnings);
 * - duplicate keys in one object (JSON keeps the last one silently);
 * - whether the text has comments (if not, and no trailing comma, native JSON.parse can be used).
 * It never throws; on malformed text its findings are only used when the parse succeeds.
 */
export interface PreScan {
  tooDeepAt?: number;
  trailingCommas: number[];
  duplicateKeys: { offset: number; length: number; name: string }[];
  hasComments: boolean;
}

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;

export function preScan(text: string, maxDepth: number): PreScan {
  const result: PreScan = { trailingCommas: [], duplicateKeys: [], hasComments: false };
  // One entry per open container: the keys seen (objects) or null (arrays).
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
      const top = keys[keys.length - 1];
      if (top && (last === 123 /* { */ || last === 44) /* , */) {
        const raw = text.slice(i + 1, Math.min(j, n));
        const name = escaped ? decode(raw) : raw;
        if (top.has(name)) result.duplicateKeys.push({ offset: i, length: j - i + 1, name });
        top.add(name);
      }
      last = QUOTE;
      i = j;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      keys.push(c === 123 ? new Set() : null);
      if (keys.length > maxDepth) {
        result.tooDeepAt = i;
        return result;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (last === 44) result.trailingCommas.push(lastComma);
      keys.pop();
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
