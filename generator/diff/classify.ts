import { imlReferences, timeUnits } from './canonical-iml.ts';
import type { RawDiff } from './compare-tree.ts';
import { editDistance, KNOWN_FIELDS, show } from './explain.ts';
import { ownValue } from './own-key.ts';
import type { ChangeClass } from './types.ts';

export interface Classified {
  code: string;
  class: ChangeClass;
  message: string;
  fix?: string;
}

export interface ClassifyContext {
  /** `module`, `rpc`, `connection`, `webhook`, `function` or `general`. */
  kind: string;
  section: string;
  component: string;
  /** Keys the reference's / the student's connection stores (`response.data`), read as `connection.<key>`. */
  refStored: Set<string>;
  theirsStored: Set<string>;
  /** Names of parameters the reference component requires. */
  refRequired: Set<string>;
  /** Scopes the student's modules and webhooks declare: Make asks for them on top of the default scope. */
  theirsComponentScopes?: Set<string>;
}

const PARAM_SECTIONS = new Set([
  'staticParams',
  'mappableParams',
  'params',
  'installSpec',
  'inputParameters',
]);
const OAUTH = new Set(['preauthorize', 'authorize', 'token', 'info', 'refresh', 'invalidate']);

/** Gives a raw difference its stable code, class and a plain-language explanation. */
export function classify(d: RawDiff, ctx: ClassifyContext): Classified {
  const { section } = ctx;
  const path = d.path.map(String);
  if (section === 'meta') return classifyMeta(path, d);
  if (PARAM_SECTIONS.has(section)) return classifyParam(path, d, 'parameter');
  if (section === 'interface' || section === 'outputParameters')
    return classifyParam(path, d, 'output field');
  if (section === 'scope' || section === 'defaultScope' || section === 'requiredScope')
    return classifyScope(d, section, ctx);
  if (section === 'scopeList') return classifyScopeList(path, d);
  if (section === 'common' || section === 'installDirectives' || section === 'installSpec')
    return c(
      'D-COMMON-CHANGED',
      'cosmetic',
      `The ${section === 'common' ? 'common data' : section} differ at \`${path.join('.') || '(all)'}\` (${show(d.ref.value)} vs ${show(d.theirs.value)}). It holds each developer's own client credentials, set in Make and not exported, so different values are expected; the simulator fills in the API's credentials for both apps.`,
    );
  if (section === 'samples')
    return c(
      'D-SAMPLES-CHANGED',
      'cosmetic',
      `The sample output differs at \`${path.join('.') || '(root)'}\` (${show(d.ref.value)} vs ${show(d.theirs.value)}); samples only show in the editor.`,
    );
  if (section === 'readme' || section === 'groups')
    return c('D-DOCS-CHANGED', 'cosmetic', `The ${section} differs; it only changes what users read.`);
  if (section === 'code' || section === 'test')
    return c(
      'D-FUNCTION-CHANGED',
      'behavioural',
      `The custom function's ${section === 'code' ? 'code' : 'test'} differs from the reference.`,
    );
  if (section === 'base') return classifyBase(path, d, ctx);
  if (section === 'communication' && ctx.kind === 'connection' && path.length > 0 && OAUTH.has(path[0]))
    return classifyRequest(path.slice(1), d, ctx, path[0]);
  if (
    section === 'communication' &&
    (ctx.kind === 'module' || ctx.kind === 'rpc' || ctx.kind === 'connection')
  ) {
    if (path.length === 0)
      return c(
        'D-REQUEST-COUNT-CHANGED',
        'breaking',
        `The reference sends ${countOf(d.ref.value)} request(s) here, yours ${countOf(d.theirs.value)}: the chain of calls differs.`,
      );
    return classifyRequest(path.slice(1), d, ctx, undefined);
  }
  if (section === 'epoch' || section === 'attach' || section === 'detach' || section === 'update')
    return classifyRequest(path, d, ctx, section);
  if (section === 'communication' && ctx.kind === 'webhook')
    return c(
      'D-WEBHOOK-HANDLING-CHANGED',
      'behavioural',
      `How incoming webhook calls are turned into bundles differs at \`${path.join('.')}\`: ${show(d.ref.value)} vs ${show(d.theirs.value)}.`,
    );
  return c(
    'D-VALUE-CHANGED',
    'behavioural',
    `\`${section}.${path.join('.')}\` differs: reference ${show(d.ref.value)}, yours ${show(d.theirs.value)}.`,
  );
}

function c(code: string, cls: ChangeClass, message: string, fix?: string): Classified {
  return fix ? { code, class: cls, message, fix } : { code, class: cls, message };
}

function countOf(v: unknown): number {
  return Array.isArray(v) ? v.length : v === undefined ? 0 : 1;
}

function classifyMeta(path: string[], d: RawDiff): Classified {
  const k = path[0];
  const r = show(d.ref.value);
  const t = show(d.theirs.value);
  switch (k) {
    case 'label':
    case 'description':
      return c('D-LABEL-CHANGED', 'cosmetic', `The ${k} differs: reference ${r}, yours ${t}.`);
    case 'moduleType':
      return c(
        'D-MODULE-TYPE-CHANGED',
        'breaking',
        `The module type differs (reference ${r}, yours ${t}): Make runs the two types differently (bundles, triggers, limits).`,
        `Change the module type to ${r}.`,
      );
    case 'connection':
    case 'altConnection':
      return c(
        'D-CONNECTION-LINK-CHANGED',
        'breaking',
        `The module uses connection ${t} where the reference uses ${r}.`,
        `Link the module to the connection ${r}.`,
      );
    case 'webhook':
      return c(
        'D-WEBHOOK-LINK-CHANGED',
        'breaking',
        `The instant trigger listens on webhook ${t} where the reference uses ${r}.`,
      );
    case 'actionCrud':
      return c(
        'D-CRUD-CHANGED',
        'cosmetic',
        `The action's CRUD tag differs (reference ${r}, yours ${t}); it changes how Make labels the action and whether it offers \`erase\`.`,
      );
    default:
      return c(
        'D-META-CHANGED',
        'behavioural',
        `The component setting \`${k}\` differs: reference ${r}, yours ${t}.`,
      );
  }
}

function classifyParam(path: string[], d: RawDiff, noun: string): Classified {
  if (path[0] === 'order')
    return c(
      'D-PARAM-ORDER',
      'cosmetic',
      `The ${noun}s are listed in another order; only the form layout changes.`,
    );
  const fi = path.lastIndexOf('fields');
  const name = path[fi + 1];
  const tail = path.slice(fi + 2);
  const where =
    fi > 0
      ? ` (inside \`${path
          .slice(0, fi)
          .filter((s) => s !== 'fields' && s !== 'spec' && s !== 'nested')
          .join('.')}\`)`
      : '';
  const refParam = d.ref.value as Record<string, unknown> | undefined;
  const theirsParam = d.theirs.value as Record<string, unknown> | undefined;
  if (tail.length === 0) {
    if (!d.theirs.present) {
      const required = refParam?.required === true;
      if (noun === 'output field')
        return c(
          'D-OUTPUT-FIELD-MISSING',
          'breaking',
          `The output field \`${name}\`${where} is missing from your interface: later modules in a scenario cannot map it.`,
          `Add \`${name}\` to the interface.`,
        );
      return c(
        'D-PARAM-MISSING',
        required ? 'breaking' : 'behavioural',
        `The ${required ? 'required ' : ''}parameter \`${name}\`${where} is missing: users cannot fill it in, so the request never carries it${required ? ' and the API rejects or misreads the call' : ''}.`,
        `Add the parameter \`${name}\`${required ? ' with `required: true`' : ''}.`,
      );
    }
    if (noun === 'output field')
      return c(
        'D-OUTPUT-FIELD-ADDED',
        'cosmetic',
        `Your interface has an extra output field \`${name}\`${where}.`,
      );
    const required = theirsParam?.required === true;
    return c(
      'D-PARAM-ADDED',
      required ? 'behavioural' : 'cosmetic',
      `You have an extra ${required ? 'required ' : ''}parameter \`${name}\`${where} that the reference does not ask for.`,
    );
  }
  const attr = tail[0];
  const r = show(d.ref.value);
  const t = show(d.theirs.value);
  switch (attr) {
    case 'required':
      if (d.ref.value === true)
        return c(
          'D-PARAM-REQUIRED-DROPPED',
          'behavioural',
          `\`${name}\`${where} is required in the reference but optional in yours: a scenario can run without it and the API then rejects the call or stores an incomplete record.`,
          `Mark \`${name}\` as \`required: true\`.`,
        );
      return c(
        'D-PARAM-REQUIRED-ADDED',
        'breaking',
        `\`${name}\`${where} is optional in the reference but required in yours: scenarios that leave it empty stop working.`,
        `Make \`${name}\` optional.`,
      );
    case 'type':
      return c(
        'D-PARAM-TYPE-CHANGED',
        'breaking',
        `\`${name}\`${where} has type ${t} where the reference has ${r}: values are validated and converted differently.`,
        `Use type ${r} for \`${name}\`.`,
      );
    case 'label':
    case 'help':
    case 'advanced':
    case 'labels':
      return c(
        'D-PARAM-LABEL-CHANGED',
        'cosmetic',
        `The ${attr} of \`${name}\`${where} differs: reference ${r}, yours ${t}.`,
      );
    case 'default':
      return c(
        'D-PARAM-DEFAULT-CHANGED',
        'behavioural',
        `The default of \`${name}\`${where} differs: reference ${r}, yours ${t}; an untouched field sends another value.`,
      );
    case 'options':
      if (tail.length >= 3 && tail[2] === 'label')
        return c(
          'D-PARAM-LABEL-CHANGED',
          'cosmetic',
          `The label of choice ${Number(tail[1]) + 1} of \`${name}\`${where} differs: reference ${r}, yours ${t}.`,
        );
      return c(
        'D-PARAM-OPTIONS-CHANGED',
        'behavioural',
        `The choices of \`${name}\`${where} differ: reference ${r}, yours ${t}.`,
      );
    case 'multiple':
      return c(
        'D-PARAM-TYPE-CHANGED',
        'breaking',
        `\`${name}\`${where} ${d.theirs.value ? 'accepts several values' : 'accepts one value'} where the reference ${d.ref.value ? 'accepts several' : 'accepts one'}: the value changes shape (array vs single).`,
      );
    case 'name':
      return c(
        'D-PARAM-RENAMED',
        'breaking',
        `The parameter is named ${t} where the reference uses ${r}; references to it break.`,
      );
    default:
      return c(
        'D-PARAM-CHANGED',
        'behavioural',
        `\`${[name, ...tail].join('.')}\`${where} differs: reference ${r}, yours ${t}.`,
      );
  }
}

function classifyScope(d: RawDiff, section: string, ctx: ClassifyContext): Classified {
  // Make asks for the default scope plus every scope a module or webhook declares, so a default
  // scope that the student's modules declare anyway changes nothing in the token.
  const scope = String(d.ref.present ? d.ref.value : d.theirs.value);
  if (
    section === 'defaultScope' &&
    d.ref.present !== d.theirs.present &&
    ctx.theirsComponentScopes?.has(scope)
  )
    return c(
      'D-SCOPE-WRITTEN-ELSEWHERE',
      'equivalent',
      `"${scope}" is ${d.theirs.present ? 'in your default scope' : 'not in your default scope'} ${d.theirs.present ? 'where the reference leaves it to the modules' : 'but your modules declare it'}; Make asks for the default scope plus the modules' scopes, so the token gets the same scopes.`,
    );
  const what =
    section === 'defaultScope'
      ? 'the connection asks for by default'
      : section === 'requiredScope'
        ? 'the webhook needs'
        : 'the module declares';
  if (!d.theirs.present)
    return c(
      'D-SCOPE-MISSING',
      'breaking',
      `The scope ${show(d.ref.value)} is missing from the scopes ${what}: the token lacks it and the API answers 403 "Missing scope: ${String(d.ref.value)}".`,
      `Add ${show(d.ref.value)} to ${section}.`,
    );
  if (!d.ref.present)
    return c(
      'D-SCOPE-ADDED',
      'behavioural',
      `You ask for the extra scope ${show(d.theirs.value)} (${what}); users are asked to grant more than the app needs.`,
      `Remove ${show(d.theirs.value)} unless it is needed.`,
    );
  return c(
    'D-SCOPE-CHANGED',
    'breaking',
    `The scopes ${what} differ: reference ${show(d.ref.value)}, yours ${show(d.theirs.value)}.`,
  );
}

function classifyScopeList(path: string[], d: RawDiff): Classified {
  const name = path[0];
  if (!d.theirs.present)
    return c(
      'D-SCOPE-MISSING',
      'breaking',
      `The connection's scope list lacks \`${name}\`: modules that need it cannot ask for it.`,
      `Add \`${name}\` to the scope list.`,
    );
  if (!d.ref.present)
    return c('D-SCOPE-ADDED', 'cosmetic', `The connection's scope list has an extra scope \`${name}\`.`);
  return c(
    'D-SCOPE-LABEL-CHANGED',
    'cosmetic',
    `The description of scope \`${name}\` differs: ${show(d.ref.value)} vs ${show(d.theirs.value)}.`,
  );
}

function classifyBase(path: string[], d: RawDiff, ctx: ClassifyContext): Classified {
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
function classifyRequest(
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

/**
 * Finer codes for two IML strings: a swapped time unit (`addSeconds` for `addMinutes`) and a
 * reference to something that does not exist (a misspelt `connection.accessToken`).
 */
function refineStrings(d: RawDiff, ctx: ClassifyContext, path: string[]): Classified | undefined {
  const rv = d.ref.value;
  const tv = d.theirs.value;
  if (typeof rv !== 'string' || typeof tv !== 'string') return undefined;
  const ru = timeUnits(rv);
  const tu = timeUnits(tv);
  if (ru.units.length > 0 && ru.skeleton === tu.skeleton && ru.units.join() !== tu.units.join()) {
    const isExpiry = path.some((p) => /expire/i.test(p));
    const from = ru.units.join(', ').toLowerCase();
    const to = tu.units.join(', ').toLowerCase();
    const factor = unitFactor(ru.units[0], tu.units[0]);
    const effect = factor
      ? factor > 1
        ? `${factor}× too late`
        : `${Math.round(1 / factor)}× too early`
      : 'at the wrong time';
    return c(
      isExpiry ? 'D-EXPIRY-UNIT' : 'D-TIME-UNIT-CHANGED',
      'behavioural',
      `\`${path.join('.')}\` counts in ${to} where the reference counts in ${from}${isExpiry ? ' (the App Academy API gives lifetimes in minutes)' : ''}: the time comes ${effect}${isExpiry ? ', so the token is thought expired long before it is and refreshed far too often' : ''}.`,
      `Use add${ru.units[0]}( instead of add${tu.units[0]}( in \`${path.join('.')}\`.`,
    );
  }
  const rRefs = imlReferences(rv).variables;
  const tRefs = imlReferences(tv).variables;
  const onlyT = tRefs.filter((v) => !rRefs.includes(v));
  const onlyR = rRefs.filter((v) => !tRefs.includes(v));
  if (onlyT.length > 0 && onlyR.length > 0) {
    for (const tVar of onlyT) {
      const near = onlyR.find((rVar) => editDistance(rVar, tVar) <= 2);
      if (!near) continue;
      const [root, key] = tVar.split('.');
      const unknown =
        root === 'connection' && key !== undefined && !ctx.theirsStored.has(key) && ctx.refStored.size > 0;
      const stored = [...ctx.theirsStored].sort().join(', ');
      return c(
        unknown ? 'D-REFERENCE-TYPO' : 'D-REFERENCE-CHANGED',
        unknown ? 'breaking' : 'behavioural',
        unknown
          ? `\`${tVar}\` is not something your connection stores (it stores: ${stored || 'nothing'}); it evaluates to nothing. The reference reads \`${near}\`.`
          : `Reads \`${tVar}\` where the reference reads \`${near}\`.`,
        `Write \`${near}\` instead of \`${tVar}\`.`,
      );
    }
  }
  return undefined;
}

const UNIT_MS: Record<string, number> = {
  Milliseconds: 1,
  Seconds: 1e3,
  Minutes: 6e4,
  Hours: 36e5,
  Days: 864e5,
};
function unitFactor(ref: string, theirs: string): number | undefined {
  const a = ownValue(UNIT_MS, ref);
  const b = ownValue(UNIT_MS, theirs);
  return a && b ? b / a : undefined;
}

function mentionsRequiredParam(v: unknown, required: Set<string>): boolean {
  if (typeof v !== 'string') return false;
  return imlReferences(v).variables.some((p) => p.startsWith('parameters.') && required.has(p.split('.')[1]));
}

function paginationHint(d: RawDiff): string {
  const r = String(d.ref.value);
  const t = String(d.theirs.value);
  const strict = (x: string) => x.replace(/([<>])=/g, '$1');
  if (r !== t && strict(r) === strict(t))
    return 'one comparison includes the boundary where the reference excludes it (or the reverse), so one page too many or too few is requested; Make also evaluates the condition again with the next page number before sending it.';
  return 'a different number of pages is fetched.';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
