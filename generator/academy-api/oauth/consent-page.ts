import { escapeMarkup as escapeHtml } from '../../model/index.ts';
import { SCOPE_DESCRIPTIONS, type Scope } from '../scopes.ts';
import type { AppUser } from '../types.ts';

/** Headers for every HTML page: no caching, no framing (a consent page must not be clickjacked). */
export const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  // No form-action directive: browsers apply it to the redirect after the POST, which leaves the site.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f1fa; margin: 0; padding: 2rem; color: #1d1230; }
  main { max-width: 28rem; margin: 0 auto; background: #fff; border-radius: 12px; padding: 1.5rem 2rem; box-shadow: 0 2px 12px #0002; }
  h1 { font-size: 1.3rem; } h2 { font-size: 1rem; margin-top: 1.5rem; }
  fieldset { border: 1px solid #d6cce8; border-radius: 8px; }
  label.account { display: block; padding: .5rem; cursor: pointer; }
  label.account small { color: #666; margin-left: .3rem; }
  ul.scopes li { margin: .3rem 0; }
  .actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
  button { flex: 1; padding: .6rem; border-radius: 6px; border: 1px solid #6d00cc; font-size: 1rem; cursor: pointer; }
  button.allow { background: #6d00cc; color: #fff; } button.deny { background: #fff; color: #6d00cc; }
  .problem { color: #a00; background: #fee; padding: .5rem; border-radius: 6px; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

export interface ConsentPageInput {
  /** Where the form posts (the same path as the GET). */
  action: string;
  clientId: string;
  redirectUri: string;
  responseType: string;
  /** The scope string as requested (echoed unchanged in a hidden field). */
  scopeParam: string;
  scopes: Scope[];
  state: string | null;
  /** One-time token binding the POST to this page (CSRF defence). */
  formToken: string;
  users: AppUser[];
  selected?: string | null;
  problem?: string | null;
}

/**
 * The consent screen: pick John Doe or Jane Black, see the requested scopes, Allow or Deny.
 * Field names: client_id, redirect_uri, response_type, scope, state, form_token (hidden), account (radio),
 * decision (the pressed button: allow | deny).
 */
export function renderConsentPage(input: ConsentPageInput): string {
  const hidden = (name: string, value: string) =>
    `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const accounts = input.users
    .map(
      (u) =>
        `<label class="account"><input type="radio" name="account" value="${u.key}" required${
          input.selected === u.key ? ' checked' : ''
        }> ${escapeHtml(u.name)}<small>${escapeHtml(u.email)}</small></label>`,
    )
    .join('\n');
  const scopes = input.scopes
    .map((s) => `<li data-scope="${s}"><code>${s}</code> — ${escapeHtml(SCOPE_DESCRIPTIONS[s])}</li>`)
    .join('\n');
  return page(
    'Authorize access — App Academy',
    `<h1>Authorize access to the App Academy API</h1>
<p>The app <strong id="client">${escapeHtml(input.clientId)}</strong> wants to access your account.</p>
${input.problem ? `<p class="problem" role="alert">${escapeHtml(input.problem)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}" id="consent">
${hidden('client_id', input.clientId)}
${hidden('redirect_uri', input.redirectUri)}
${hidden('response_type', input.responseType)}
${hidden('scope', input.scopeParam)}
${input.state !== null ? hidden('state', input.state) : ''}
${hidden('form_token', input.formToken)}
<fieldset><legend>Choose the account to connect</legend>
${accounts}
</fieldset>
<h2>The app asks to</h2>
<ul class="scopes">
${scopes}
</ul>
<div class="actions">
<button type="submit" class="deny" name="decision" value="deny" formnovalidate>Deny</button>
<button type="submit" class="allow" name="decision" value="allow">Allow</button>
</div>
</form>`,
  );
}

/** The page for errors that make redirecting unsafe (unknown client, unregistered redirect URI). */
export function renderErrorPage(problems: string[]): string {
  return page(
    'Authorization error — App Academy',
    `<h1>This authorization request cannot continue</h1>
<p>The app sent an invalid request, so you are not sent back to it.</p>
<ul class="problems">
${problems.map((p) => `<li class="problem">${escapeHtml(p)}</li>`).join('\n')}
</ul>`,
  );
}
