import { type Classified, c, cap } from './classified-change.ts';
import { pathShape } from './match.ts';
import type { RequestDiff } from './request-diff.ts';

/** A request that is missing or added as a whole. */
export function classifyWholeRequest(q: RequestDiff): Classified | undefined {
  if (q.path.length !== 0) return undefined;
  const { label, where } = q;
  if (!q.d.theirs.present) {
    const essential = where === 'token' || where === 'authorize' || where === undefined;
    const extra =
      where === 'refresh'
        ? ' Without it an expired access token is never renewed and the connection stops working after its lifetime.'
        : where === 'invalidate'
          ? ' Deleting the connection then leaves its tokens valid at the API.'
          : where === 'info'
            ? ' Make cannot verify the connection or label it with the account.'
            : '';
    return c(
      'D-SECTION-MISSING',
      essential ? 'breaking' : 'behavioural',
      `${cap(label)} is missing.${extra}`,
      `Add ${label} as in the reference.`,
    );
  }
  if (!q.d.ref.present)
    return c(
      'D-SECTION-ADDED',
      'behavioural',
      `You have ${label} that the reference does not.`,
      `Remove ${label} unless the task asks for it.`,
    );
  return undefined;
}

/** Where the request goes: URL and method. Another endpoint than the reference's is breaking. */
export function classifyTarget(q: RequestDiff): Classified | undefined {
  const { label, r, t, d } = q;
  if (q.key === 'url') {
    if (!d.theirs.present)
      return c(
        'D-URL-MISSING',
        'breaking',
        `${cap(label)} has no URL: Make sends nothing, and whatever uses its result gets nothing.`,
        `Give ${label} the URL ${r}.`,
      );
    const other =
      typeof d.ref.value === 'string' &&
      typeof d.theirs.value === 'string' &&
      pathShape(d.ref.value) !== pathShape(d.theirs.value);
    return c(
      'D-URL-CHANGED',
      'breaking',
      `${cap(label)} goes to ${t} instead of ${r}${other ? ': another endpoint of the API, which answers something else (or an error)' : ''}.`,
      `Use the URL ${r}.`,
    );
  }
  if (q.key === 'method')
    return c(
      'D-METHOD-CHANGED',
      'breaking',
      `${cap(label)} uses ${t} instead of ${r}: another endpoint of the API.`,
      `Use method ${r}.`,
    );
  if (q.key === 'type')
    return c(
      'D-BODY-TYPE-CHANGED',
      'behavioural',
      `${cap(label)} encodes its body as ${t} instead of ${r}; the API may not read it.`,
      `Set type to ${r}.`,
    );
  if (q.key === 'encodeUrl' || q.key === 'followRedirects' || q.key === 'followAllRedirects')
    return c(
      'D-REQUEST-OPTION-CHANGED',
      'behavioural',
      `${cap(label)} sets ${q.key} to ${t}; Make's default and the reference use ${r}.`,
      `Set ${q.key} to ${r} (or leave it out).`,
    );
  return undefined;
}
