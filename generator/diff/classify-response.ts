import { type Classified, c, cap } from './classified-change.ts';
import { ownValue } from './own-key.ts';
import type { RequestDiff } from './request-diff.ts';

/** What the request does with the response: stored data, expiry, output, iteration, errors, trigger. */
export function classifyResponse(q: RequestDiff): Classified | undefined {
  if (q.key !== 'response') return undefined;
  const key = [q.sub, ...q.rest].filter(Boolean).join('.');
  // `sub` is undefined when the response differs as a whole: the general message then.
  const build = (q.sub === undefined ? undefined : ownValue(RESPONSE_CHANGED, q.sub)) ?? otherResponseChanged;
  return build(q, key);
}

/** `key` is the differing place inside the response, `iterate` or `data.token`. */
type ResponseClassifier = (q: RequestDiff, key: string) => Classified;

const outputChanged: ResponseClassifier = ({ label, r, t }) =>
  c(
    'D-OUTPUT-CHANGED',
    'behavioural',
    `${cap(label)} returns ${t} instead of ${r}: the bundles differ.`,
    `Return ${r}.`,
  );

const errorHandlingChanged: ResponseClassifier = ({ label, r, t }, key) =>
  c(
    'D-ERROR-HANDLING-CHANGED',
    'behavioural',
    `${cap(label)} handles errors differently at \`${key}\`: ${t} instead of ${r}.`,
    `Use ${r} at response.${key}.`,
  );

/** The classifier for each directive of `response`; others fall to `otherResponseChanged`. */
const RESPONSE_CHANGED: Record<string, ResponseClassifier> = {
  data: storedDataChanged,
  expires: expiryChanged,
  output: outputChanged,
  wrapper: outputChanged,
  iterate: ({ label, r, t }) =>
    c(
      'D-ITERATE-CHANGED',
      'behavioural',
      `${cap(label)} iterates over ${t} instead of ${r}: the bundles differ.`,
      `Iterate over ${r}.`,
    ),
  limit: ({ label, r, t }) =>
    c(
      'D-LIMIT-CHANGED',
      'behavioural',
      `${cap(label)} limits output to ${t} instead of ${r}.`,
      `Limit the output to ${r}.`,
    ),
  valid: errorHandlingChanged,
  error: errorHandlingChanged,
  trigger: ({ r, t }, key) =>
    c(
      'D-TRIGGER-CHANGED',
      'behavioural',
      `The trigger bookkeeping \`${key}\` is ${t} instead of ${r}: new items are detected differently.`,
      `Use ${r}.`,
    ),
};

/** What a connection stores (`response.data`), read elsewhere as `connection.<name>`. */
function storedDataChanged({ d, label, r, t, rest }: RequestDiff, key: string): Classified {
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

function expiryChanged({ d, label, r, t }: RequestDiff): Classified {
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
}

function otherResponseChanged({ label, r, t }: RequestDiff, key: string): Classified {
  return c(
    'D-RESPONSE-CHANGED',
    'behavioural',
    `${cap(label)}: response \`${key}\` is ${t} instead of ${r}.`,
    `Use ${r} at response.${key}.`,
  );
}
