import { type Classified, type ClassifyContext, c, cap } from './classified-change.ts';
import { classifyHeader, classifyQueryOrBody } from './classify-request-fields.ts';
import { classifyCondition, classifyPagination, classifySanitize } from './classify-request-flow.ts';
import { classifyTarget, classifyWholeRequest } from './classify-request-target.ts';
import { classifyResponse } from './classify-response.ts';
import type { RawDiff } from './compare-tree.ts';
import { show } from './explain.ts';
import { refineStrings } from './refine-iml.ts';
import { type RequestDiff, requestDiff } from './request-diff.ts';

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

/** Classifiers of one part of a request, tried in order; each answers only for its part. */
const PARTS: ((q: RequestDiff) => Classified | undefined)[] = [
  classifyTarget,
  classifyHeader,
  classifyQueryOrBody,
  classifyCondition,
  classifyResponse,
  classifyPagination,
  classifySanitize,
];

/** Classification of a difference inside one request specification. `where` names the request. */
export function classifyRequest(
  path: string[],
  d: RawDiff,
  ctx: ClassifyContext,
  where: string | undefined,
): Classified {
  const q = requestDiff(path, d, ctx, where);
  const whole = classifyWholeRequest(q);
  if (whole) return whole;
  const refined = refineStrings(d, ctx, path);
  if (refined) return refined;
  for (const part of PARTS) {
    const found = part(q);
    if (found) return found;
  }
  return c(
    'D-REQUEST-CHANGED',
    'behavioural',
    `${cap(q.label)}: \`${path.join('.')}\` is ${q.t} instead of ${q.r}.`,
    `Use ${q.r} at \`${path.join('.')}\`.`,
  );
}
