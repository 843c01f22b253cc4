/**
 * Plays the browser on an OAuth2 consent page: reads the HTML form the server sent, picks the
 * account radio for the chosen user, keeps hidden fields and checked boxes, and submits with the
 * Allow (or Deny) button exactly as a browser would (urlencoded form POST, cookies returned).
 */
import { setOwn, unescapeMarkup } from '../model/index.ts';

export interface ParsedForm {
  method: string;
  action: string;
  fields: { type: string; name: string; value: string; checked: boolean; text: string }[];
  buttons: { name?: string; value?: string; text: string }[];
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<\s*[a-zA-Z]+/, '').replace(/\/?>$/, '');
  for (let m = re.exec(inner); m; m = re.exec(inner))
    setOwn(out, m[1].toLowerCase(), unescapeMarkup(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

function textOf(html: string): string {
  return unescapeMarkup(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first form of the page; undefined when there is none. */
export function parseForm(html: string): ParsedForm | undefined {
  const fm = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!fm) return undefined;
  const formTag = /<form\b[^>]*>/i.exec(fm[0])![0];
  const fa = attrs(formTag);
  const body = fm[1];
  // Labels: by `for` id, and by wrapping.
  const labelFor = new Map<string, string>();
  const wrapped: { html: string; text: string }[] = [];
  for (const lm of body.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/gi)) {
    const la = attrs(`<label${lm[1]}>`);
    if (la.for) labelFor.set(la.for, textOf(lm[2]));
    wrapped.push({ html: lm[2], text: textOf(lm[2]) });
  }
  const fields: ParsedForm['fields'] = [];
  for (const im of body.matchAll(/<input\b[^>]*>/gi)) {
    const a = attrs(im[0]);
    if (!a.name) continue;
    const type = (a.type ?? 'text').toLowerCase();
    const label = (a.id && labelFor.get(a.id)) || wrapped.find((w) => w.html.includes(im[0]))?.text || '';
    if (type === 'submit') continue;
    fields.push({
      type,
      name: a.name,
      value: a.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''),
      checked: 'checked' in a,
      text: label,
    });
  }
  const buttons: ParsedForm['buttons'] = [];
  for (const bm of body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
    const a = attrs(`<button${bm[1]}>`);
    if ((a.type ?? 'submit').toLowerCase() !== 'submit') continue;
    buttons.push({
      ...(a.name ? { name: a.name } : {}),
      ...(a.value !== undefined ? { value: a.value } : {}),
      text: textOf(bm[2]),
    });
  }
  for (const im of body.matchAll(/<input\b[^>]*>/gi)) {
    const a = attrs(im[0]);
    if ((a.type ?? '').toLowerCase() === 'submit')
      buttons.push({
        ...(a.name ? { name: a.name } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
        text: a.value ?? '',
      });
  }
  return { method: (fa.method ?? 'GET').toUpperCase(), action: fa.action ?? '', fields, buttons };
}

/**
 * The urlencoded body a browser submits after the user picks `account` (matched against each radio's
 * value and label, case-insensitively, with any of `accountHints`) and presses the button matching `press`.
 */
export function fillForm(
  form: ParsedForm,
  accountHints: string[],
  press: RegExp,
): { body: string; chosenAccount?: string } | { error: string } {
  const params = new URLSearchParams();
  const radios = form.fields.filter((f) => f.type === 'radio');
  const groups = [...new Set(radios.map((r) => r.name))];
  let chosenAccount: string | undefined;
  for (const g of groups) {
    const options = radios.filter((r) => r.name === g);
    const hints = accountHints.map((h) => h.toLowerCase()).filter(Boolean);
    const pick =
      options.find((o) => hints.some((h) => o.value.toLowerCase() === h)) ??
      options.find((o) => hints.some((h) => `${o.value} ${o.text}`.toLowerCase().includes(h)));
    if (pick) {
      params.append(g, pick.value);
      chosenAccount = pick.value;
    } else {
      const checked = options.find((o) => o.checked);
      if (checked) params.append(g, checked.value);
      if (hints.length && options.length > 1)
        return {
          error: `no account option on the consent page matches "${accountHints[0]}" (options: ${options.map((o) => o.text || o.value).join(', ')})`,
        };
    }
  }
  for (const f of form.fields) {
    if (f.type === 'radio') continue;
    if (f.type === 'checkbox' && !f.checked) continue;
    params.append(f.name, f.value);
  }
  const button = form.buttons.find((b) => press.test(b.text) || press.test(b.value ?? ''));
  if (!button) return { error: `no button matching ${press} on the consent page` };
  if (button.name) params.append(button.name, button.value ?? '');
  return { body: params.toString(), ...(chosenAccount ? { chosenAccount } : {}) };
}

/** Minimal cookie jar for the consent exchange (name=value pairs from Set-Cookie). */
export function cookiesFrom(setCookie: string | undefined): string {
  if (!setCookie) return '';
  return setCookie
    .split('\n')
    .map((c) => c.split(';')[0].trim())
    .filter(Boolean)
    .join('; ');
}
