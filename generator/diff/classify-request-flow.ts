import { type Classified, c, cap } from './classified-change.ts';
import type { RequestDiff } from './request-diff.ts';

/** When the request runs (`condition`), and with what temporary values (`temp`). */
export function classifyCondition(q: RequestDiff): Classified | undefined {
  const { d, label, r, t, where } = q;
  if (q.key === 'temp')
    return c(
      'D-TEMP-CHANGED',
      'behavioural',
      `${cap(label)} keeps \`temp.${[q.sub, ...q.rest].filter(Boolean).join('.')}\` as ${t} instead of ${r}.`,
      `Keep ${r} there.`,
    );
  if (q.key !== 'condition') return undefined;
  if (!d.theirs.present) {
    if (where === 'refresh')
      return c(
        'D-REFRESH-CONDITION-MISSING',
        'behavioural',
        `Your refresh has no condition, so Make refreshes before every use of the connection: every call rotates the token pair. The reference refreshes only when ${r}.`,
        `Add the condition ${r} to refresh.`,
      );
    return c(
      'D-CONDITION-MISSING',
      'behavioural',
      `${cap(label)} always runs; the reference runs it only when ${r}.`,
      `Add the condition ${r}.`,
    );
  }
  if (!d.ref.present)
    return c(
      'D-CONDITION-ADDED',
      'behavioural',
      `${cap(label)} runs only when ${t}; the reference always runs it.`,
      `Remove the condition ${t}.`,
    );
  return c(
    'D-CONDITION-CHANGED',
    'behavioural',
    `${cap(label)} runs when ${t}; the reference when ${r}.`,
    `Use the condition ${r}.`,
  );
}

/** Pagination: missing, added, another stop condition or other page parameters. */
export function classifyPagination(q: RequestDiff): Classified | undefined {
  const { d, label, r, t, sub, rest } = q;
  if (q.key !== 'pagination') return undefined;
  if (sub === undefined) {
    if (!d.theirs.present)
      return c(
        'D-PAGINATION-MISSING',
        'behavioural',
        `${cap(label)} has no pagination: only the first page of results is returned.`,
        'Add pagination as in the reference.',
      );
    if (!d.ref.present)
      return c(
        'D-PAGINATION-ADDED',
        'behavioural',
        `${cap(label)} paginates where the reference does not.`,
        'Remove the pagination: this endpoint returns everything at once.',
      );
  }
  if (sub === 'condition')
    return c(
      'D-PAGINATION-CONDITION-CHANGED',
      'behavioural',
      `The condition for fetching the next page is ${t} instead of ${r}: ${paginationHint(q)}`,
      `Use the pagination condition ${r}.`,
    );
  return c(
    'D-PAGINATION-CHANGED',
    'behavioural',
    `Pagination \`${[sub, ...rest].filter(Boolean).join('.')}\` is ${t} instead of ${r}: other pages are requested.`,
    `Use ${r}.`,
  );
}

/** What is kept out of Make's logs. */
export function classifySanitize(q: RequestDiff): Classified | undefined {
  if (q.key !== 'log') return undefined;
  return c(
    'D-SANITIZE-CHANGED',
    'behavioural',
    `What ${q.label} removes from logs differs: reference ${q.r}, yours ${q.t}. Anything not sanitised (tokens, secrets) shows in Make's logs.`,
    `Sanitise ${q.r}.`,
  );
}

function paginationHint(q: RequestDiff): string {
  const r = String(q.d.ref.value);
  const t = String(q.d.theirs.value);
  const strict = (x: string) => x.replace(/([<>])=/g, '$1');
  if (r !== t && strict(r) === strict(t))
    return 'one comparison includes the boundary where the reference excludes it (or the reverse), so one page too many or too few is requested; Make also evaluates the condition again with the next page number before sending it.';
  return 'a different number of pages is fetched.';
}
