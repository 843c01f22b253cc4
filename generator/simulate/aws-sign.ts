/** The `aws` request directive with `sign_version: "4"`: AWS Signature Version 4 via `aws4`. */
import aws4 from 'aws4';
import { isPlainObject } from '../model/index.ts';
import { MakeError } from './errors.ts';
import type { BuiltRequest } from './request-builder.ts';

/** Signs with the simulated clock, so recorded requests stay reproducible. */
export function signAwsV4(req: BuiltRequest, aws: unknown, now: Date): BuiltRequest {
  if (!isPlainObject(aws) || typeof aws.key !== 'string' || typeof aws.secret !== 'string')
    throw new MakeError('InvalidConfigurationError', '"aws" needs "key" and "secret" texts');
  const url = new URL(req.url);
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const headers: Record<string, string> = { ...req.headers, 'X-Amz-Date': amzDate };
  const signed = aws4.sign(
    {
      host: url.host,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers,
      body: req.body ?? '',
      ...(typeof aws.service === 'string' ? { service: aws.service } : {}),
      ...(typeof aws.region === 'string' ? { region: aws.region } : {}),
    },
    {
      accessKeyId: aws.key,
      secretAccessKey: aws.secret,
      ...(typeof aws.session === 'string' && aws.session ? { sessionToken: aws.session } : {}),
    },
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers ?? {}))
    if (k.toLowerCase() !== 'host' && v !== undefined) out[k] = String(v);
  return { ...req, headers: out };
}
