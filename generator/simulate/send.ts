/** Evaluates a request's directives, builds the bytes and sends them through the wire, following redirects. */

import type { ImlContext } from '../iml/api.ts';
import { isPlainObject } from '../model/index.ts';
import { joinUrl } from '../model/join-url.ts';
import { awsSignVersion, notSimulatedIn } from '../model/not-simulated.ts';
import { signAwsV4 } from './aws-sign.ts';
import { type Spec, sanitizeList } from './base-merge.ts';
import { MakeError } from './errors.ts';
import type { ExecEnv, ExecTarget } from './exec-types.ts';
import type { WireResponse } from './http.ts';
import { buildRequest } from './request-builder.ts';

/** Evaluates the request directives, builds the bytes and sends them (following redirects). */
export async function sendSpec(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  ctx: ImlContext,
): Promise<WireResponse> {
  const ev = (v: unknown) => env.iml.eval(v, ctx);
  const urlValue = ev(spec.url);
  if (typeof urlValue !== 'string' || urlValue === '')
    throw new MakeError(
      'InvalidConfigurationError',
      `${pointer}: "url" evaluated to ${JSON.stringify(urlValue)}`,
    );
  const baseUrl = spec.baseUrl !== undefined ? ev(spec.baseUrl) : undefined;
  const headersV = spec.headers !== undefined ? ev(spec.headers) : {};
  const qsV = spec.qs !== undefined ? ev(spec.qs) : undefined;
  let built = buildRequest(
    {
      url: joinUrl(baseUrl, urlValue),
      method: String(ev(spec.method ?? 'GET') ?? 'GET'),
      headers: isPlainObject(headersV) ? headersV : {},
      qs: isPlainObject(qsV) ? qsV : undefined,
      body: spec.body !== undefined ? ev(spec.body) : undefined,
      type: String(ev(spec.type ?? 'json') ?? 'json'),
      encodeUrl: spec.encodeUrl !== false,
    },
    { qsReplacesUrlQuery: env.settings.qsReplacesUrlQuery, boundarySeed: env.nextSeed() },
  );
  for (const [directive, why] of notSimulatedIn(spec))
    env.wire.warn(`${pointer}: "${directive}" is not simulated: ${why}.`);
  if (spec.aws !== undefined && awsSignVersion(spec.aws) === 4) {
    const now = ev('{{now}}');
    built = signAwsV4(built, ev(spec.aws), now instanceof Date ? now : new Date(String(now)));
  }
  const sanitize = [...sanitizeList(spec), ...(target.sanitize ?? [])];
  const timeout = Math.min(
    Number(spec.timeout ?? env.settings.requestTimeoutMs) || env.settings.requestTimeoutMs,
    300_000,
  );
  const follow = built.method === 'GET' ? spec.followRedirects !== false : spec.followAllRedirects !== false;
  let req = built;
  for (let hops = 0; ; hops++) {
    const res = await env.wire.send(
      req,
      { component: target.component, pointer, inputs: target.inputs },
      sanitize,
      timeout,
    );
    const location = res.headers.location;
    if (!follow || res.status < 300 || res.status >= 400 || !location) return res;
    if (hops + 1 > env.settings.maxRedirects)
      throw new MakeError('RuntimeError', `Too many redirects (more than ${env.settings.maxRedirects})`);
    const next = new URL(location, req.url).toString();
    const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && req.method === 'POST');
    req = toGet
      ? { method: 'GET', url: next, headers: withoutBodyHeaders(req.headers) }
      : { ...req, url: next };
  }
}

function withoutBodyHeaders(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter(([k]) => !/^content-(type|length)$/i.test(k)));
}
