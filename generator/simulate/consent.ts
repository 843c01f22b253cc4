/**
 * Plays the browser on an OAuth2 consent page: reads the HTML form the server sent, picks the
 * account radio for the chosen user, keeps hidden fields and checked boxes, and submits with the
 * Allow (or Deny) button exactly as a browser would (urlencoded form POST, cookies returned).
 */
import { groupBy, setOwn, unescapeMarkup } from '../model/index.ts';
import { asciiLower, elements, startTags, stripTags } from './html-scan.ts';

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
  return unescapeMarkup(stripTags(html)).replace(/\s+/g, ' ').trim();
}

/** The first form of the page; undefined when there is none. */
export function parseForm(html: string): ParsedForm | undefined {
  const lower = asciiLower(html);
  const form = elements(html, lower, 'form').next().value;
  if (!form) return undefined;
  const fa = attrs(form.tag);
  const body = html.slice(form.innerStart, form.innerEnd);
  const bodyLower = lower.slice(form.innerStart, form.innerEnd);
  // Labels: by `for` id, and by wrapping (spans in page order, so inputs find theirs in one sweep).
  const labelFor = new Map<string, string>();
  const wrapped: { start: number; end: number; text: string }[] = [];
  for (const l of elements(body, bodyLower, 'label')) {
    const text = textOf(body.slice(l.innerStart, l.innerEnd));
    const forId = attrs(l.tag).for;
    if (forId) labelFor.set(forId, text);
    wrapped.push({ start: l.innerStart, end: l.innerEnd, text });
  }
  const fields: ParsedForm['fields'] = [];
  const buttons: ParsedForm['buttons'] = [];
  const submits: ParsedForm['buttons'] = [];
  let label = 0;
  for (const input of startTags(body, bodyLower, 'input')) {
    const a = attrs(input.tag);
    const type = (a.type ?? 'text').toLowerCase();
    if (type === 'submit') submits.push(buttonOf(a, a.value ?? ''));
    if (!a.name || type === 'submit') continue;
    while (label < wrapped.length && wrapped[label].end <= input.start) label++;
    const around = wrapped[label]?.start <= input.start ? wrapped[label].text : '';
    fields.push({
      type,
      name: a.name,
      value: a.value ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''),
      checked: 'checked' in a,
      text: (a.id && labelFor.get(a.id)) || around,
    });
  }
  for (const b of elements(body, bodyLower, 'button')) {
    const a = attrs(b.tag);
    if ((a.type ?? 'submit').toLowerCase() === 'submit')
      buttons.push(buttonOf(a, textOf(body.slice(b.innerStart, b.innerEnd))));
  }
  return {
    method: (fa.method ?? 'GET').toUpperCase(),
    action: fa.action ?? '',
    fields,
    buttons: [...buttons, ...submits],
  };
}

function buttonOf(a: Record<string, string>, text: string): ParsedForm['buttons'][number] {
  return { ...(a.name ? { name: a.name } : {}), ...(a.value !== undefined ? { value: a.value } : {}), text };
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
  const radios = groupBy(
    form.fields.filter((f) => f.type === 'radio'),
    (r) => r.name,
  );
  let chosenAccount: string | undefined;
  for (const [g, options] of radios) {
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
