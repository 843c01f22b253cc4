import { readStructuredBody } from '../body.ts';
import type { ClientRegistry } from '../clients.ts';
import type { Reply, RequestContext, Route } from '../router.ts';
import { parseScopeList, type Scope } from '../scopes.ts';
import { APP_USERS, isUserKey } from '../users.ts';
import type { PendingConsent } from './consent-forms.ts';
import { PAGE_HEADERS, renderConsentPage, renderErrorPage } from './consent-page.ts';
import { readPkceChallenge } from './pkce.ts';

type AuthorizeParams = Record<string, string | undefined>;

type Check =
  | { kind: 'unsafe'; status: number; problems: string[] }
  | { kind: 'redirect-error'; redirectUri: string; error: string; message: string; state: string | null }
  | { kind: 'ok'; clientId: string; redirectUri: string; scopes: Scope[]; state: string | null };

/**
 * Validates an authorize request. Unknown client or a redirect_uri other than the registered one
 * make redirecting unsafe: those are shown on a page and never redirect. Everything else is
 * reported to the app by redirecting with `error` and `error.message`.
 */
function checkAuthorize(params: AuthorizeParams, clients: ClientRegistry): Check {
  const problems: string[] = [];
  const client = clients.find(params.client_id);
  if (!params.client_id) problems.push('client_id is missing');
  else if (!client) problems.push(`Unknown client_id "${params.client_id}"`);
  if (!params.redirect_uri) problems.push('redirect_uri is missing');
  else if (client && params.redirect_uri !== client.redirectUri) {
    problems.push(`redirect_uri "${params.redirect_uri}" is not the URI registered for this client`);
  }
  const state = params.state ?? null;
  const badResponseType = params.response_type !== 'code';
  if (problems.length) {
    // Not redirectable: an unsupported response_type is then answered 501, anything else 400.
    if (badResponseType)
      problems.push(`response_type "${params.response_type ?? ''}" is not supported; use "code"`);
    return { kind: 'unsafe', status: badResponseType ? 501 : 400, problems };
  }
  const redirectUri = client!.redirectUri;
  if (badResponseType) {
    return {
      kind: 'redirect-error',
      redirectUri,
      error: 'unsupported_response_type',
      message: `response_type "${params.response_type ?? ''}" is not supported; use "code"`,
      state,
    };
  }
  const scopes = parseScopeList(params.scope);
  if (!scopes.ok)
    return { kind: 'redirect-error', redirectUri, error: 'invalid_scope', message: scopes.message, state };
  return { kind: 'ok', clientId: client!.clientId, redirectUri, scopes: scopes.scopes, state };
}

/** `redirect_uri` with the given parameters added (any query it already has is kept). */
function redirectTo(redirectUri: string, params: Record<string, string | null>): Reply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
}

function errorRedirect(c: Extract<Check, { kind: 'redirect-error' }>): Reply {
  return redirectTo(c.redirectUri, { error: c.error, 'error.message': c.message, state: c.state });
}

function unsafePage(c: Extract<Check, { kind: 'unsafe' }>): Reply {
  return { status: c.status, html: renderErrorPage(c.problems), headers: PAGE_HEADERS };
}

/** The consent page for a checked request, with a fresh one-time form token. */
function consentPage(
  ctx: RequestContext,
  request: Omit<PendingConsent, 'token' | 'expiresAt'>,
  status = 200,
  problem: string | null = null,
  selected: string | null = null,
): Reply {
  const pending = ctx.state.consentForms.issue(request);
  return {
    status,
    headers: PAGE_HEADERS,
    html: renderConsentPage({
      action: new URL(`${ctx.base}/authorize`).pathname,
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      responseType: 'code',
      scopeParam: pending.scopeParam,
      scopes: pending.scopes,
      state: pending.state,
      formToken: pending.token,
      users: Object.values(APP_USERS),
      problem,
      selected,
    }),
  };
}

const AUTHORIZE_PARAMS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

function queryParams(query: URLSearchParams): AuthorizeParams {
  const out: AuthorizeParams = {};
  for (const key of AUTHORIZE_PARAMS) out[key] = query.get(key) ?? undefined;
  return out;
}

/** A page that refuses a consent POST; it never redirects (the request may be forged). */
function refusedPage(status: number, problem: string): Reply {
  return { status, html: renderErrorPage([problem]), headers: PAGE_HEADERS };
}

/**
 * A browser names the page's origin in `Origin` on every POST; a different one (or `null`, sent
 * from sandboxed or opaque contexts) means another site submitted the form. Programmatic clients
 * that send no `Origin` are still bound by the form token.
 */
function foreignOrigin(ctx: RequestContext): string | null {
  const origin = ctx.req.headers.origin;
  if (origin === undefined) return null;
  const own = [new URL(ctx.base).origin, `http://${ctx.req.headers.host ?? ''}`];
  return own.includes(origin) ? null : origin;
}

/** The fields of a form the page rendered that a POST must echo unchanged when it sends them. */
function alteredField(params: AuthorizeParams, pending: PendingConsent): string | null {
  const expected: Record<string, string | null> = {
    client_id: pending.clientId,
    redirect_uri: pending.redirectUri,
    response_type: 'code',
    scope: pending.scopeParam,
    state: pending.state,
  };
  for (const [name, value] of Object.entries(expected)) {
    if (params[name] !== undefined && params[name] !== value) return name;
  }
  return null;
}

/** GET shows the consent page; POST (the form) decides and redirects. */
export const authorizeRoutes: Route<RequestContext>[] = [
  {
    method: 'GET',
    pattern: '/authorize',
    handle: (ctx) => {
      const params = queryParams(ctx.query);
      const check = checkAuthorize(params, ctx.state.clients);
      ctx.attribute(ctx.state.clients.find(params.client_id)?.clientId ?? null, null);
      if (check.kind === 'unsafe') return unsafePage(check);
      if (check.kind === 'redirect-error') return errorRedirect(check);
      const pkce = readPkceChallenge(params.code_challenge, params.code_challenge_method);
      if (pkce && 'problem' in pkce) {
        return errorRedirect({
          ...check,
          kind: 'redirect-error',
          error: 'invalid_request',
          message: pkce.problem,
        });
      }
      return consentPage(ctx, {
        clientId: check.clientId,
        redirectUri: check.redirectUri,
        scopeParam: params.scope ?? '',
        scopes: check.scopes,
        state: check.state,
        pkce,
      });
    },
  },
  {
    method: 'POST',
    pattern: '/authorize',
    handle: async (ctx) => {
      const foreign = foreignOrigin(ctx);
      if (foreign !== null) {
        ctx.attribute(null, null);
        return refusedPage(403, `Cross-site consent submission refused (Origin ${foreign})`);
      }
      const { value } = await readStructuredBody(ctx.req, ['form', 'json']);
      const params: AuthorizeParams = {};
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') params[k] = v;
      }
      const account = params.account;
      const pending = ctx.state.consentForms.consume(params.form_token);
      ctx.attribute(pending?.clientId ?? null, pending && isUserKey(account) ? account : null);
      if (!pending) {
        return refusedPage(
          403,
          'This consent form was not issued by this server, was already submitted, or expired; open the authorization link again',
        );
      }
      const altered = alteredField(params, pending);
      if (altered) return refusedPage(400, `The consent form was changed after it was served (${altered})`);
      const { clientId, redirectUri, state, scopes, pkce } = pending;
      if (params.decision === 'deny') {
        return redirectTo(redirectUri, {
          error: 'access_denied',
          'error.message': 'The user denied access',
          state,
        });
      }
      if (params.decision !== 'allow') {
        return consentPage(
          ctx,
          pending,
          400,
          'Press Allow or Deny (decision must be "allow" or "deny").',
          account ?? null,
        );
      }
      if (!isUserKey(account)) {
        return consentPage(ctx, pending, 400, 'Choose the account to connect (John Doe or Jane Black).');
      }
      const code = ctx.state.tokens.issueCode(clientId, account, redirectUri, scopes, pkce);
      return redirectTo(redirectUri, { code: code.code, state });
    },
  },
];
