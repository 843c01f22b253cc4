import { type Classified, c, cap } from './classified-change.ts';
import type { RequestDiff } from './request-diff.ts';

/** What the request does with the response: stored data, expiry, output, iteration, errors, trigger. */
export function classifyResponse(q: RequestDiff): Classified | undefined {
  if (q.key !== 'response') return undefined;
  const { d, label, r, t, sub, rest } = q;
  const key = [sub, ...rest].filter(Boolean).join('.');
  switch (sub) {
    case 'data': {
      const name = rest[0];
      if (name && !d.theirs.present)
        return c(
          'D-STORED-DATA-MISSING',
          'breaking',
          `${cap(label)} does not store \`${name}\` (reference: ${r}); everything that reads \`connection.${name}\` gets nothing.`,
          `Store \`${name}: ${String(d.ref.value)}\` in response.data.`,
        );
      if (name && !d.ref.present)
        return c(
          'D-STORED-DATA-ADDED',
          'cosmetic',
          `${cap(label)} stores an extra value \`${name}\`.`,
          `Remove \`${name}\` from response.data unless you read it.`,
        );
      return c(
        'D-STORED-DATA-CHANGED',
        'behavioural',
        `${cap(label)} stores \`${key}\` as ${t} instead of ${r}.`,
        `Store ${r}.`,
      );
    }
    case 'expires':
      if (!d.theirs.present)
        return c(
          'D-CONNECTION-EXPIRY-MISSING',
          'behavioural',
          `${cap(label)} sets no connection expiry (reference: ${r}); Make never knows the refresh token ran out and keeps a dead connection.`,
          `Set response.expires to ${r}.`,
        );
      return c(
        'D-CONNECTION-EXPIRY-CHANGED',
        'behavioural',
        `${cap(label)} sets the connection expiry to ${t} instead of ${r}.`,
        `Set response.expires to ${r}.`,
      );
    case 'output':
    case 'wrapper':
      return c(
        'D-OUTPUT-CHANGED',
        'behavioural',
        `${cap(label)} returns ${t} instead of ${r}: the bundles differ.`,
        `Return ${r}.`,
      );
    case 'iterate':
      return c(
        'D-ITERATE-CHANGED',
        'behavioural',
        `${cap(label)} iterates over ${t} instead of ${r}: the bundles differ.`,
        `Iterate over ${r}.`,
      );
    case 'limit':
      return c(
        'D-LIMIT-CHANGED',
        'behavioural',
        `${cap(label)} limits output to ${t} instead of ${r}.`,
        `Limit the output to ${r}.`,
      );
    case 'valid':
    case 'error':
      return c(
        'D-ERROR-HANDLING-CHANGED',
        'behavioural',
        `${cap(label)} handles errors differently at \`${key}\`: ${t} instead of ${r}.`,
        `Use ${r} at response.${key}.`,
      );
    case 'trigger':
      return c(
        'D-TRIGGER-CHANGED',
        'behavioural',
        `The trigger bookkeeping \`${key}\` is ${t} instead of ${r}: new items are detected differently.`,
        `Use ${r}.`,
      );
    default:
      return c(
        'D-RESPONSE-CHANGED',
        'behavioural',
        `${cap(label)}: response \`${key}\` is ${t} instead of ${r}.`,
        `Use ${r} at response.${key}.`,
      );
  }
}
