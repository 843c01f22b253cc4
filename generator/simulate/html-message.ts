/**
 * The problem an HTML error page states, for error messages: the texts it marks as problems or
 * alerts, else its heading and paragraphs; never its CSS, script or title. The page comes from the
 * server under test, so it is read in one pass with `indexOf` (no regular expression that could
 * rescan a hostile page from every `<`), and entities are decoded without ever throwing.
 */
import { unescapeMarkup } from '../model/index.ts';
import { asciiLower } from './html-scan.ts';

/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['style', 'script', 'head', 'title']);
const MARKED = /\bclass\s*=\s*["'][^"']*\b(?:problem|error|alert)\b|\brole\s*=\s*["']?alert\b/i;

export function htmlMessage(html: string, max = 300): string {
  const { all, marked } = readPage(html);
  const out = squash(marked.length > 0 ? marked.map(squash).filter(Boolean).join('; ') : all);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** The page's visible text, and the text inside each element marked as a problem. */
function readPage(html: string): { all: string; marked: string[] } {
  const lower = asciiLower(html);
  const texts: string[] = [];
  const marked: string[] = [];
  /** Open marked elements: their name and where their text starts in `texts`. */
  const open: { name: string; from: number }[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    texts.push(unescapeMarkup(html.slice(i, lt < 0 ? html.length : lt)));
    if (lt < 0) break;
    const tag = readTag(html, lower, lt);
    if (!tag) break; // no `>` or `-->` after this point: nothing after it can be markup
    i = tag.end;
    if (tag.kind === 'skip') continue;
    texts.push(' ');
    if (tag.closing) {
      const at = open.findLastIndex((o) => o.name === tag.name);
      // a marked element inside another is part of the outer one's text
      if (at === 0) marked.push(texts.slice(open[0].from).join(''));
      if (at >= 0) open.length = at;
    } else if (HIDDEN.has(tag.name)) {
      // skip to the element's end tag; without one, the rest of the page is inside it
      const close = lower.indexOf(`</${tag.name}`, i);
      if (close < 0) break;
      const gt = html.indexOf('>', close);
      if (gt < 0) break;
      i = gt + 1;
    } else if (MARKED.test(tag.attributes) && open.length < 64)
      open.push({ name: tag.name, from: texts.length });
  }
  return { all: texts.join(''), marked };
}

type Tag =
  | { kind: 'skip'; end: number }
  | { kind: 'element'; end: number; name: string; closing: boolean; attributes: string };

/** The tag (or comment, doctype) starting at `lt`; undefined when it never ends. */
function readTag(html: string, lower: string, lt: number): Tag | undefined {
  if (lower.startsWith('<!--', lt)) {
    const end = html.indexOf('-->', lt + 4);
    return end < 0 ? undefined : { kind: 'skip', end: end + 3 };
  }
  const gt = html.indexOf('>', lt);
  if (gt < 0) return undefined;
  const m = /^<(\/?)([a-z][a-z0-9-]*)/.exec(lower.slice(lt, Math.min(gt, lt + 64)));
  if (!m) return { kind: 'skip', end: gt + 1 };
  const attributes = html.slice(lt + m[0].length, gt);
  return { kind: 'element', end: gt + 1, name: m[2], closing: m[1] === '/', attributes };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
