/**
 * Maps an offset inside a decoded JSON string to the offset of the same character in the raw
 * source text, walking the escapes (`\n` is 2 raw characters for 1 decoded, `\u00e9` is 6 for 1).
 * `quoteOffset` is the offset of the opening quote. Returns the raw offset (clamped to the
 * closing quote when the decoded offset is past the end).
 */
export function rawOffsetInString(text: string, quoteOffset: number, decodedOffset: number): number {
  let raw = quoteOffset + 1;
  let decoded = 0;
  while (decoded < decodedOffset && raw < text.length) {
    const ch = text.charCodeAt(raw);
    if (ch === 34 /* " */) break; // closing quote
    if (ch === 92 /* \ */) {
      raw += text.charCodeAt(raw + 1) === 117 /* u */ ? 6 : 2;
    } else {
      raw += 1;
    }
    decoded += 1;
  }
  return raw;
}
