import { type Classified, c, cap, OAUTH } from './classified-change.ts';
import { KNOWN_FIELDS } from './explain.ts';
import { ownValue } from './own-key.ts';
import { mentionsRequiredParam } from './refine-iml.ts';
import type { RequestDiff } from './request-diff.ts';

function why(field: string): string {
  const known = ownValue(KNOWN_FIELDS, field);
  return known ? ` ${known}` : '';
}

/** A header missing, added or changed; a missing `authorization` header is breaking. */
export function classifyHeader(q: RequestDiff): Classified | undefined {
  const { sub, label, r, t, d } = q;
  if (q.key !== 'headers' || sub === undefined) return undefined;
  if (!d.theirs.present)
    return c(
      'D-HEADER-MISSING',
      sub === 'authorization' ? 'breaking' : 'behavioural',
      `${cap(label)} does not send the header \`${sub}\` (reference: ${r}).${why(sub)}`,
      `Add the header \`${sub}: ${String(d.ref.value)}\`.`,
    );
  if (!d.ref.present)
    return c(
      'D-HEADER-ADDED',
      'behavioural',
      `${cap(label)} sends an extra header \`${sub}\`: ${t}.`,
      `Remove the header \`${sub}\` unless the API needs it.`,
    );
  return c(
    'D-HEADER-CHANGED',
    'behavioural',
    `${cap(label)} sends header \`${sub}\` as ${t} instead of ${r}.`,
    `Send the header \`${sub}\` as ${r}.`,
  );
}

/** The requested scope string of an OAuth2 request, when one side lacks it. */
function classifyScopeField(q: RequestDiff): Classified | undefined {
  const { sub, rest, d, label } = q;
  if (sub !== 'scope' || rest.length !== 0 || d.ref.present === d.theirs.present) return undefined;
  if (typeof (d.ref.value ?? d.theirs.value) !== 'string') return undefined;
  const s = String(d.ref.value ?? d.theirs.value);
  if (!d.theirs.present)
    return c(
      'D-SCOPE-MISSING',
      'breaking',
      `${cap(label)} does not ask for the scope "${s}": the token lacks it and the API answers 403 "Missing scope: ${s}" on the calls that need it.`,
      `Add "${s}" to the scope ${label} asks for.`,
    );
  return c(
    'D-SCOPE-ADDED',
    'behavioural',
    `${cap(label)} asks for the extra scope "${s}".`,
    `Ask only for the scopes the reference asks for.`,
  );
}

/** A query parameter or body field: missing (breaking when OAuth2, required or well-known), added, changed. */
export function classifyQueryOrBody(q: RequestDiff): Classified | undefined {
  const { key, sub, rest, d, label, r, t, where, ctx } = q;
  if (key !== 'qs' && key !== 'body') return undefined;
  const scope = classifyScopeField(q);
  if (scope) return scope;
  const place = key === 'qs' ? 'query parameter' : 'body field';
  const CODE = key === 'qs' ? 'QUERY' : 'BODY';
  if (sub === undefined) {
    if (key === 'body' && !d.theirs.present)
      return c(
        'D-BODY-MISSING',
        'breaking',
        `${cap(label)} sends no body; the reference sends ${r}.`,
        `Send the body ${r}.`,
      );
    return c(
      `D-${CODE}-CHANGED`,
      'behavioural',
      `${cap(label)} sends ${key === 'qs' ? 'query' : 'body'} ${t} instead of ${r}.`,
      `Send ${r}.`,
    );
  }
  const field = [sub, ...rest].join('.');
  if (!d.theirs.present) {
    const critical =
      OAUTH.has(where ?? '') ||
      mentionsRequiredParam(d.ref.value, ctx.refRequired) ||
      Object.hasOwn(KNOWN_FIELDS, sub);
    return c(
      `D-${CODE}-FIELD-MISSING`,
      critical ? 'breaking' : 'behavioural',
      `${cap(label)} does not send the ${place} \`${field}\` (reference: ${r}).${why(sub)}`,
      `Send \`${field}\`: ${r} in ${label}.`,
    );
  }
  if (!d.ref.present)
    return c(
      `D-${CODE}-FIELD-ADDED`,
      'behavioural',
      `${cap(label)} sends an extra ${place} \`${field}\`: ${t}.`,
      `Remove the ${place} \`${field}\` unless the API needs it.`,
    );
  return c(
    `D-${CODE}-FIELD-CHANGED`,
    'behavioural',
    `${cap(label)} sends the ${place} \`${field}\` as ${t} instead of ${r}.${why(sub)}`,
    `Send \`${field}\` as ${r}.`,
  );
}
