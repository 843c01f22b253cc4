/**
 * Request directives `make-app simulate` does not reproduce (part of Make's vocabulary, so the
 * simulator and the linter share one list). Each use becomes a step warning in a simulation and
 * a `structure/not-simulated` lint finding, never a silent skip.
 */
import { isObject } from './objects.ts';

type Spec = Record<string, unknown>;

export const NOT_SIMULATED_DIRECTIVES: Record<string, string> = {
  ca: 'the custom CA certificate is not used; requests are checked against the default trust store',
  gzip: 'responses are not requested or decoded as gzip',
  endpoint: 'requests delegated to an Endpoint component are not sent',
  oauth: 'the OAuth 1.0 signing helper is not applied; the request goes out unsigned',
};

const AWS_V2 = 'AWS Signature Version 2 signing is not simulated; the request goes out unsigned';

/** `aws` signs with Version 4 only when `sign_version` is "4" (Make's default is 2). */
export function awsSignVersion(aws: unknown): 2 | 4 {
  return isObject(aws) && String(aws.sign_version ?? '2') === '4' ? 4 : 2;
}

/** Directive → why, for every directive in the spec that the simulator skips. */
export function notSimulatedIn(spec: Spec): [directive: string, why: string][] {
  const out: [string, string][] = [];
  for (const [k, why] of Object.entries(NOT_SIMULATED_DIRECTIVES)) {
    const v = spec[k];
    if (v === undefined || v === null || v === false || v === 'false') continue;
    out.push([k, why]);
  }
  if (spec.aws !== undefined && awsSignVersion(spec.aws) === 2) out.push(['aws', AWS_V2]);
  return out;
}
