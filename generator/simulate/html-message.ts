/**
 * The problem an HTML error page states, for error messages: the texts it marks as problems or
 * alerts, else its heading and paragraphs; never its CSS, script or title.
 */
export function htmlMessage(html: string, max = 300): string {
  const body = html
    .replace(/<(style|script|head|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  const marked = [
    ...body.matchAll(
      /<([a-z0-9]+)\b[^>]*(?:class="[^"]*\b(?:problem|error|alert)\b[^"]*"|role="alert")[^>]*>([\s\S]*?)<\/\1>/gi,
    ),
  ]
    .map((m) => text(m[2]))
    .filter(Boolean);
  const out = marked.length > 0 ? marked.join('; ') : text(body);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
