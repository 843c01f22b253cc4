import {
  isCodeTypeIn,
  OUTPUT_FIELD_CODE_TYPES,
  PARAMETER_LIST_CODE_TYPES,
  SCOPE_LIST_CODE_TYPES,
  WEBHOOK_REQUEST_CODE_TYPES,
} from '../model/index.ts';
import { type Classified, type ClassifyContext, c, OAUTH } from './classified-change.ts';
import { classifyParam } from './classify-params.ts';
import { classifyBase, classifyRequest } from './classify-request.ts';
import type { RawDiff } from './compare-tree.ts';
import { show } from './explain.ts';

export type { Classified, ClassifyContext } from './classified-change.ts';

/** Gives a raw difference its stable code, class and a plain-language explanation. */
export function classify(d: RawDiff, ctx: ClassifyContext): Classified {
  const { section } = ctx;
  const path = d.path.map(String);
  if (section === 'meta') return classifyMeta(path, d);
  if (isCodeTypeIn(OUTPUT_FIELD_CODE_TYPES, section)) return classifyParam(path, d, 'output field');
  if (isCodeTypeIn(PARAMETER_LIST_CODE_TYPES, section)) return classifyParam(path, d, 'parameter');
  if (isCodeTypeIn(SCOPE_LIST_CODE_TYPES, section)) return classifyScope(d, section, ctx);
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
  if (section === 'epoch' || isCodeTypeIn(WEBHOOK_REQUEST_CODE_TYPES, section))
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
