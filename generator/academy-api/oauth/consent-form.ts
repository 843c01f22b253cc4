/**
 * Reads the consent page's form the way a browser sees it, for programmatic clients (the
 * simulator, tests): where it posts, its hidden fields, the account choices and the buttons.
 * It understands this server's page only; it is not a general HTML parser.
 */
import { unescapeMarkup } from '../../model/index.ts';

export interface ConsentForm {
  /** Path the form posts to (resolve against the page URL). */
  action: string;
  method: 'POST';
  /** Hidden inputs: client_id, redirect_uri, response_type, scope, form_token and (when given) state. */
  hidden: Record<string, string>;
  /** Radio values of the `account` field: `john`, `jane`. */
  accounts: string[];
  /** Values of the `decision` buttons: `deny`, `allow`. */
  decisions: string[];
  /** Scopes listed on the page. */
  scopes: string[];
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeMarkup(m[1]!) : null;
}

export function readConsentForm(html: string): ConsentForm {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  if (!formTag) throw new Error('The page has no form (is it an error page?)');
  const inputs = html.match(/<input\b[^>]*>/gi) ?? [];
  const hidden: Record<string, string> = {};
  const accounts: string[] = [];
  for (const tag of inputs) {
    const type = attr(tag, 'type');
    const name = attr(tag, 'name');
    const value = attr(tag, 'value') ?? '';
    if (type === 'hidden' && name) hidden[name] = value;
    if (type === 'radio' && name === 'account') accounts.push(value);
  }
  const decisions = (html.match(/<button\b[^>]*>/gi) ?? [])
    .filter((b) => attr(b, 'name') === 'decision')
    .map((b) => attr(b, 'value') ?? '');
  const scopes = [...html.matchAll(/data-scope="([^"]+)"/g)].map((m) => m[1]!);
  return { action: attr(formTag, 'action') ?? '', method: 'POST', hidden, accounts, decisions, scopes };
}

/** The urlencoded body a browser would send for an account and a button. */
export function consentFormBody(
  form: ConsentForm,
  account: string | null,
  decision: 'allow' | 'deny',
): URLSearchParams {
  const body = new URLSearchParams(form.hidden);
  if (account !== null) body.set('account', account);
  body.set('decision', decision);
  return body;
}
