/**
 * Rewrites an IML template's literal text and its `{{…}}` expressions separately, in one pass
 * (`indexOf` only, so a hostile template of unclosed `{{` stays linear). An unclosed `{{` and all
 * after it are literal text. Quotes inside expressions are not looked at: this is for structural
 * work on URLs (joining, path shapes); the IML parser in iml/ is what reads expressions.
 */
export function mapTemplate(
  source: string,
  text: (literal: string) => string,
  expr: (expression: string) => string,
): string {
  let out = '';
  let from = 0;
  while (from < source.length) {
    const open = source.indexOf('{{', from);
    const close = open < 0 ? -1 : source.indexOf('}}', open + 2);
    if (close < 0) return out + text(source.slice(from));
    out += text(source.slice(from, open)) + expr(source.slice(open, close + 2));
    from = close + 2;
  }
  return out;
}
