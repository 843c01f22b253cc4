/**
 * Escaping text for the HTML and XML the toolkit writes (reports, JUnit files, the embedded API's
 * consent page). Every value in them may come from an app or an API response, so every one goes
 * through here.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside HTML or XML content and quoted attributes. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Characters XML 1.0 allows: tab, newlines, and from space up, without lone surrogates or U+FFFE/U+FFFF. */
function isXmlChar(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c > 0xffff
  );
}

/** Text for an XML document: characters XML 1.0 forbids are dropped, the rest escaped. */
export function escapeXml(text: string): string {
  return escapeMarkup([...text].filter(isXmlChar).join(''));
}

const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** The text an attribute value stands for: named and numeric character references decoded in one pass. */
export function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED.get(ref.toLowerCase()) ?? whole; // `&constructor;` stays text
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
