import { readStructuredBody } from '../body.ts';
import type { ClientRegistry } from '../clients.ts';
import type { Reply, RequestContext, Route } from '../router.ts';
import { parseScopeList, type Scope } from '../scopes.ts';
import { APP_USERS, isUserKey } from '../users.ts';
import { PAGE_HEADERS, renderConsentPage, renderErrorPage } from './consent-page.ts';

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
export function checkAuthorize(params: AuthorizeParams, clients: ClientRegistry): Check {
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
export function redirectTo(redirectUri: string, params: Record<string, string | null>): Reply {
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

function consentPage(
  ctx: RequestContext,
  params: AuthorizeParams,
  ok: Extract<Check, { kind: 'ok' }>,
  status = 200,
  problem: string | null = null,
  selected: string | null = null,
): Reply {
  return {
    status,
    headers: PAGE_HEADERS,
    html: renderConsentPage({
      action: new URL(`${ctx.base}/authorize`).pathname,
      clientId: ok.clientId,
      redirectUri: ok.redirectUri,
      responseType: 'code',
      scopeParam: params.scope ?? '',
      scopes: ok.scopes,
      state: ok.state,
      users: Object.values(APP_USERS),
      problem,
      selected,
    }),
  };
}

function queryParams(query: URLSearchParams): AuthorizeParams {
  const out: AuthorizeParams = {};
  for (const key of ['client_id', 'redirect_uri', 'response_type', 'scope', 'state'])
    out[key] = query.get(key) ?? undefined;
  return out;
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
      return consentPage(ctx, params, check);
    },
  },
  {
    method: 'POST',
    pattern: '/authorize',
    handle: async (ctx) => {
      const { value } = await readStructuredBody(ctx.req, ['form', 'json']);
      const body = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<
        string,
        unknown
      >;
      const params: AuthorizeParams = {};
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string') params[k] = v;
      const check = checkAuthorize(params, ctx.state.clients);
      const account = params.account;
      ctx.attribute(
        ctx.state.clients.find(params.client_id)?.clientId ?? null,
        isUserKey(account) ? account : null,
      );
      if (check.kind === 'unsafe') return unsafePage(check);
      if (check.kind === 'redirect-error') return errorRedirect(check);
      if (params.decision === 'deny') {
        return redirectTo(check.redirectUri, {
          error: 'access_denied',
          'error.message': 'The user denied access',
          state: check.state,
        });
      }
      if (params.decision !== 'allow') {
        return consentPage(
          ctx,
          params,
          check,
          400,
          'Press Allow or Deny (decision must be "allow" or "deny").',
          account ?? null,
        );
      }
      if (!isUserKey(account)) {
        return consentPage(
          ctx,
          params,
          check,
          400,
          'Choose the account to connect (John Doe or Jane Black).',
        );
      }
      const code = ctx.state.tokens.issueCode(check.clientId, account, check.redirectUri, check.scopes);
      return redirectTo(check.redirectUri, { code: code.code, state: check.state });
    },
  },
];
