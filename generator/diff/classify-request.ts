import { type Classified, type ClassifyContext, c, cap, OAUTH } from './classified-change.ts';
import type { RawDiff } from './compare-tree.ts';
import { KNOWN_FIELDS, show } from './explain.ts';
import { ownValue } from './own-key.ts';
import { mentionsRequiredParam, refineStrings } from './refine-iml.ts';

export function classifyBase(path: string[], d: RawDiff, ctx: ClassifyContext): Classified {
  const refined = refineStrings(d, ctx, path);
  if (refined) return refined;
  if (path[0] === 'baseUrl')
    return c(
      'D-URL-CHANGED',
      'breaking',
      `The base URL differs: reference ${show(d.ref.value)}, yours ${show(d.theirs.value)}; every module's request goes elsewhere.`,
      `Set baseUrl to ${show(d.ref.value)}.`,
    );
  return classifyRequest(path, d, ctx, 'base');
}

/** Classification of a difference inside one request specification. `where` names the request. */

export function classifyRequest(
  path: string[],
  d: RawDiff,
  ctx: ClassifyContext,
  where: string | undefined,
): Classified {
  const label = where === 'base' ? 'base' : where ? `the \`${where}\` request` : 'the request';
  const r = show(d.ref.value);
  const t = show(d.theirs.value);
  if (path.length === 0) {
    if (!d.theirs.present) {
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
    if (!d.ref.present)
      return c('D-SECTION-ADDED', 'behavioural', `You have ${label} that the reference does not.`);
  }
  const refined = refineStrings(d, ctx, path);
  if (refined) return refined;
  const [k, sub, ...rest] = path;
  switch (k) {
    case 'url':
      if (!d.theirs.present)
        return c('D-URL-MISSING', 'breaking', `${cap(label)} has no URL: Make sends nothing.`);
      return c(
        'D-URL-CHANGED',
        'breaking',
        `${cap(label)} goes to ${t} instead of ${r}.`,
        `Use the URL ${r}.`,
      );
    case 'method':
      return c(
        'D-METHOD-CHANGED',
        'breaking',
        `${cap(label)} uses ${t} instead of ${r}.`,
        `Use method ${r}.`,
      );
    case 'headers': {
      if (sub === undefined) break;
      const why = ownValue(KNOWN_FIELDS, sub) ? ` ${ownValue(KNOWN_FIELDS, sub)}` : '';
      if (!d.theirs.present)
        return c(
          'D-HEADER-MISSING',
          sub === 'authorization' ? 'breaking' : 'behavioural',
          `${cap(label)} does not send the header \`${sub}\` (reference: ${r}).${why}`,
          `Add the header \`${sub}: ${String(d.ref.value)}\`.`,
        );
      if (!d.ref.present)
        return c('D-HEADER-ADDED', 'behavioural', `${cap(label)} sends an extra header \`${sub}\`: ${t}.`);
      return c(
        'D-HEADER-CHANGED',
        'behavioural',
        `${cap(label)} sends header \`${sub}\` as ${t} instead of ${r}.`,
      );
    }
    case 'qs':
    case 'body': {
      if (
        sub === 'scope' &&
        rest.length === 0 &&
        d.ref.present !== d.theirs.present &&
        typeof (d.ref.value ?? d.theirs.value) === 'string'
      ) {
        const s = String(d.ref.value ?? d.theirs.value);
        if (!d.theirs.present)
          return c(
            'D-SCOPE-MISSING',
            'breaking',
            `${cap(label)} does not ask for the scope "${s}": the token lacks it and the API answers 403 "Missing scope: ${s}" on the calls that need it.`,
            `Add "${s}" to the scope ${label} asks for.`,
          );
        return c('D-SCOPE-ADDED', 'behavioural', `${cap(label)} asks for the extra scope "${s}".`);
      }
      const place = k === 'qs' ? 'query parameter' : 'body field';
      const CODE = k === 'qs' ? 'QUERY' : 'BODY';
      if (sub === undefined) {
        if (k === 'body' && !d.theirs.present)
          return c('D-BODY-MISSING', 'breaking', `${cap(label)} sends no body; the reference sends ${r}.`);
        return c(
          `D-${CODE}-CHANGED`,
          'behavioural',
          `${cap(label)} sends ${k === 'qs' ? 'query' : 'body'} ${t} instead of ${r}.`,
        );
      }
      const field = [sub, ...rest].join('.');
      const why = ownValue(KNOWN_FIELDS, sub) ? ` ${ownValue(KNOWN_FIELDS, sub)}` : '';
      if (!d.theirs.present) {
        const critical =
          OAUTH.has(where ?? '') ||
          mentionsRequiredParam(d.ref.value, ctx.refRequired) ||
          Object.hasOwn(KNOWN_FIELDS, sub);
        return c(
          `D-${CODE}-FIELD-MISSING`,
          critical ? 'breaking' : 'behavioural',
          `${cap(label)} does not send the ${place} \`${field}\` (reference: ${r}).${why}`,
          `Send \`${field}\`: ${r} in ${label}.`,
        );
      }
      if (!d.ref.present)
        return c(
          `D-${CODE}-FIELD-ADDED`,
          'behavioural',
          `${cap(label)} sends an extra ${place} \`${field}\`: ${t}.`,
        );
      return c(
        `D-${CODE}-FIELD-CHANGED`,
        'behavioural',
        `${cap(label)} sends the ${place} \`${field}\` as ${t} instead of ${r}.${why}`,
        `Send \`${field}\` as ${r}.`,
      );
    }
    case 'type':
      return c(
        'D-BODY-TYPE-CHANGED',
        'behavioural',
        `${cap(label)} encodes its body as ${t} instead of ${r}; the API may not read it.`,
        `Set type to ${r}.`,
      );
    case 'condition':
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
        );
      return c(
        'D-CONDITION-CHANGED',
        'behavioural',
        `${cap(label)} runs when ${t}; the reference when ${r}.`,
        `Use the condition ${r}.`,
      );
    case 'response':
      return classifyResponse(sub, rest, d, label);
    case 'pagination':
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
          );
      }
      if (sub === 'condition')
        return c(
          'D-PAGINATION-CONDITION-CHANGED',
          'behavioural',
          `The condition for fetching the next page is ${t} instead of ${r}: ${paginationHint(d)}`,
          `Use the pagination condition ${r}.`,
        );
      return c(
        'D-PAGINATION-CHANGED',
        'behavioural',
        `Pagination \`${[sub, ...rest].filter(Boolean).join('.')}\` is ${t} instead of ${r}: other pages are requested.`,
        `Use ${r}.`,
      );
    case 'log':
      return c(
        'D-SANITIZE-CHANGED',
        'behavioural',
        `What ${label} removes from logs differs: reference ${r}, yours ${t}. Anything not sanitised (tokens, secrets) shows in Make's logs.`,
        `Sanitise ${r}.`,
      );
    case 'temp':
      return c(
        'D-TEMP-CHANGED',
        'behavioural',
        `${cap(label)} keeps \`temp.${[sub, ...rest].filter(Boolean).join('.')}\` as ${t} instead of ${r}.`,
      );
    case 'encodeUrl':
    case 'followRedirects':
    case 'followAllRedirects':
      return c(
        'D-REQUEST-OPTION-CHANGED',
        'behavioural',
        `${cap(label)} sets ${k} to ${t}; Make's default and the reference use ${r}.`,
      );
  }
  return c(
    'D-REQUEST-CHANGED',
    'behavioural',
    `${cap(label)}: \`${path.join('.')}\` is ${t} instead of ${r}.`,
  );
}

function classifyResponse(sub: string | undefined, rest: string[], d: RawDiff, label: string): Classified {
  const r = show(d.ref.value);
  const t = show(d.theirs.value);
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
        return c('D-STORED-DATA-ADDED', 'cosmetic', `${cap(label)} stores an extra value \`${name}\`.`);
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
      return c('D-LIMIT-CHANGED', 'behavioural', `${cap(label)} limits output to ${t} instead of ${r}.`);
    case 'valid':
    case 'error':
      return c(
        'D-ERROR-HANDLING-CHANGED',
        'behavioural',
        `${cap(label)} handles errors differently at \`${key}\`: ${t} instead of ${r}.`,
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
      );
  }
}

function paginationHint(d: RawDiff): string {
  const r = String(d.ref.value);
  const t = String(d.theirs.value);
  const strict = (x: string) => x.replace(/([<>])=/g, '$1');
  if (r !== t && strict(r) === strict(t))
    return 'one comparison includes the boundary where the reference excludes it (or the reverse), so one page too many or too few is requested; Make also evaluates the condition again with the next page number before sending it.';
  return 'a different number of pages is fetched.';
}
