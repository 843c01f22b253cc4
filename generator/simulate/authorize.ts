/**
 * The OAuth2 authorize step played as a browser: the evaluated authorize URL is opened, the
 * consent form submitted for the chosen account, and the redirect's query returned.
 */

import type { ImlContext } from '../iml/api.ts';
import { isPlainObject } from '../model/index.ts';
import { joinUrl } from '../model/join-url.ts';
import { type Spec, sanitizeList } from './base-merge.ts';
import { cookiesFrom, fillForm, type ParsedForm, parseForm } from './consent.ts';
import { MakeError } from './errors.ts';
import { htmlMessage } from './html-message.ts';
import type { WireResponse } from './http.ts';
import { type BuiltRequest, buildRequest } from './request-builder.ts';
import type { ConnectionState, Runtime } from './runtime.ts';

/** How to pass the consent page when connecting. */
export interface ConnectOptions {
  /** App user to choose on the consent page (`john`, `jane`, or any text of the account option). */
  as?: string;
  scopes?: string[];
  parameters?: Record<string, unknown>;
  /** Press Deny instead of Allow. */
  deny?: boolean;
}

/**
 * Evaluates the authorize URL, opens it like a browser, submits the consent form for the chosen
 * account, and returns the callback's query (`code`, `state` or `error`).
 */
export async function authorizeInBrowser(
  rt: Runtime,
  st: ConnectionState,
  spec: Spec,
  ctx: ImlContext,
  opts: ConnectOptions,
  state: string,
): Promise<Record<string, unknown>> {
  const pageUrl = authorizePageUrl(rt, st, spec, ctx, state);
  const redirectUri = new URL(pageUrl).searchParams.get('redirect_uri') ?? undefined;
  const send = browserSender(rt, st, spec, opts);
  const page = await send({ method: 'GET', url: pageUrl, headers: { Accept: 'text/html' } });
  const location = await redirectFromPage(rt, st, opts, send, page, pageUrl);
  return callbackQuery(rt, location, pageUrl, redirectUri);
}

/** What the browser sends: the authorize page's GET and the consent form's submission. */
type BrowserSend = (req: Omit<BuiltRequest, 'recordedBody'>) => Promise<WireResponse>;

/** The authorize section's `url` and `qs` evaluated, with our `state` added when the app sends none. */
function authorizePageUrl(
  rt: Runtime,
  st: ConnectionState,
  spec: Spec,
  ctx: ImlContext,
  state: string,
): string {
  const ev = (v: unknown) => rt.env.iml.eval(v, ctx);
  const url = ev(spec.url);
  if (typeof url !== 'string' || !url)
    throw new MakeError(
      'InvalidConfigurationError',
      `connections.${st.name}.authorize: "url" evaluated to ${JSON.stringify(url)}`,
    );
  const qs = spec.qs !== undefined ? ev(spec.qs) : {};
  const built = buildRequest(
    {
      url: joinUrl(undefined, url),
      method: 'GET',
      headers: {},
      qs: isPlainObject(qs) ? qs : {},
      body: undefined,
      type: 'json',
      encodeUrl: spec.encodeUrl !== false,
    },
    { qsReplacesUrlQuery: false, boundarySeed: 0 },
  );
  let pageUrl = built.url;
  if (!/[?&]state=/.test(pageUrl))
    pageUrl += `${pageUrl.includes('?') ? '&' : '?'}state=${encodeURIComponent(state)}`;
  return pageUrl;
}

/** Sends over the wire as the connection's authorize step (recorded under its pointer, with its sanitize list). */
function browserSender(rt: Runtime, st: ConnectionState, spec: Spec, opts: ConnectOptions): BrowserSend {
  const component = `connections.${st.name}`;
  const pointer = `${component}.authorize`;
  const sanitize = sanitizeList(spec);
  return (req) =>
    rt.wire.send(
      req,
      { component, pointer, inputs: { scopes: st.scopes, as: opts.as } },
      sanitize,
      rt.settings.requestTimeoutMs,
    );
}

/**
 * Where the authorize page sends the browser: its own redirect (the user consented before), or,
 * for a consent page, the redirect answering the submitted form.
 */
async function redirectFromPage(
  rt: Runtime,
  st: ConnectionState,
  opts: ConnectOptions,
  send: BrowserSend,
  page: WireResponse,
  pageUrl: string,
): Promise<string | undefined> {
  if (page.status >= 300 && page.status < 400) return page.headers.location;
  if (page.status !== 200)
    throw new MakeError(
      'InvalidConfigurationError',
      `Authorization page answered ${page.status}: ${summarize(page.body.toString('utf8'))}`,
      page.status,
    );
  const form = parseForm(page.body.toString('utf8'));
  if (!form) throw new MakeError('InvalidConfigurationError', 'Authorization page has no form to submit');
  const user = rt.users.find((u) => u.key === opts.as);
  const hints = [opts.as ?? '', user?.name ?? '', user?.email ?? ''].filter(Boolean);
  const filled = fillForm(
    form,
    hints,
    opts.deny ? /deny|cancel|reject/i : /allow|authori[sz]e|accept|approve/i,
  );
  if ('error' in filled) throw new MakeError('RuntimeError', `Consent page: ${filled.error}`);
  const res = await submitForm(send, form, filled.body, pageUrl, page.headers['set-cookie']);
  if (res.status < 300 || res.status >= 400)
    throw new MakeError(
      'RuntimeError',
      `Consent form answered ${res.status} instead of redirecting: ${summarize(res.body.toString('utf8'))}`,
      res.status,
    );
  st.user = filled.chosenAccount ?? opts.as;
  return res.headers.location;
}

/** Submits the filled consent form as a browser does: POST body, or GET query; the page's cookies returned. */
function submitForm(
  send: BrowserSend,
  form: ParsedForm,
  body: string,
  pageUrl: string,
  setCookie: string | undefined,
): Promise<WireResponse> {
  const action = new URL(form.action || pageUrl, pageUrl).toString();
  const cookie = cookiesFrom(setCookie);
  const isPost = form.method === 'POST';
  return send({
    method: form.method,
    url: isPost ? action : `${action.split('?')[0]}?${body}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    ...(isPost ? { body: Buffer.from(body), mimeType: 'application/x-www-form-urlencoded' } : {}),
  });
}

/** The callback's query, once the redirect is checked to go to the redirect_uri with the state we sent. */
function callbackQuery(
  rt: Runtime,
  location: string | undefined,
  pageUrl: string,
  redirectUri: string | undefined,
): Record<string, unknown> {
  if (!location) throw new MakeError('RuntimeError', 'Authorization redirect has no Location');
  const cb = new URL(location, pageUrl);
  if (redirectUri && `${cb.origin}${cb.pathname}` !== redirectUri.split('?')[0])
    throw new MakeError(
      'RuntimeError',
      `Authorization redirected to ${cb.origin}${cb.pathname}, not to the redirect_uri ${redirectUri}`,
    );
  const query: Record<string, unknown> = Object.fromEntries(cb.searchParams);
  if (typeof query.code === 'string') rt.secrets.add(query.code);
  const sentState = new URL(pageUrl).searchParams.get('state');
  if (query.state !== undefined && sentState !== null && query.state !== sentState)
    throw new MakeError('RuntimeError', 'OAuth2 state returned by the server does not match the one sent');
  return query;
}

function summarize(text: string): string {
  return htmlMessage(text, 200);
}
