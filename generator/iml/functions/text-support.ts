/** Text helpers too large to sit inline in the function table. */
import { safeRegExp } from './safe-regexp.ts';

/** Removes `<style>`/`<script>` blocks and tags, `<br>` becomes a newline. Linear time on any input. */
export function stripHtml(html: string): string {
  let out = '';
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const block = /^<(style|script)\b/.exec(lower.slice(lt, lt + 8));
    if (block) {
      const close = lower.indexOf(`</${block[1]}`, lt);
      const end = close < 0 ? -1 : lower.indexOf('>', close);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) {
      out += html.slice(lt);
      break;
    }
    if (/^<br\b|^<br\/|^<br>/i.test(html.slice(lt, gt + 1))) out += '\n';
    i = gt + 1;
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|>~]/g, '\\$&');
}

/** Emoji, pictographs and their joiners/selectors. */
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D(?:\p{Extended_Pictographic}|\uFE0F)|\p{Emoji_Modifier})*/gu;
export function replaceEmoji(s: string, replacement: string): string {
  return s.replace(EMOJI, () => replacement);
}

export function ascii(s: string, removeDiacritics: boolean): string {
  const base = removeDiacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL on purpose.
  return base.replace(/[^\x00-\x7f]/g, '');
}

/** `startcase`: every word capitalised, the rest lower case. */
export function startCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-_])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** `replace(text, '/re/flags', ...)` uses a regular expression; plain text replaces every occurrence. */
export function replaceText(s: string, search: string, replacement: string): string {
  const re = /^\/(.+)\/([dgimsuy]*)$/s.exec(search);
  if (re) return safeRegExp(re[1], re[2]).replace(s, replacement);
  return s.split(search).join(replacement);
}

const MIME: Record<string, string> = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  csv: 'text/csv',
  md: 'text/markdown',
  xml: 'application/xml',
  json: 'application/json',
  js: 'text/javascript',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  ico: 'image/vnd.microsoft.icon',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  webm: 'video/webm',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  rtf: 'application/rtf',
  odt: 'application/vnd.oasis.opendocument.text',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  ics: 'text/calendar',
  vcf: 'text/vcard',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  epub: 'application/epub+zip',
};

export function mimeType(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? undefined : MIME[filename.slice(dot + 1).toLowerCase()];
}
