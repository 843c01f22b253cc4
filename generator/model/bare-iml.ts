/**
 * Directive values Make reads as IML even without `{{ }}`. Make's docs call `iterate` (and
 * `iterate.container`) "an IML string that points to a container" and write it both ways
 * (`"{{body.data}}"` and `"body.data"`); every other directive (`output`, `wrapper`, `temp`, …) is
 * "any IML type", where text without braces stays text (the request-less examples output
 * `"text": "No items"`). The simulator, the linter's analysis and the differ all read this.
 */
import { isObject } from './objects.ts';

/** True for a string that is one IML expression written without braces. */
export function isBareExpression(v: unknown): v is string {
  return typeof v === 'string' && !v.includes('{{') && v.trim() !== '';
}

/** The iterate container as a template: a bare expression gets its braces, anything else is as written. */
export function containerTemplate(src: unknown): unknown {
  return isBareExpression(src) ? `{{${src}}}` : src;
}

/** The container of an `iterate` value (its string form, or `container` of its object form). */
export function iterateContainer(iterate: unknown): unknown {
  return isObject(iterate) ? iterate.container : iterate;
}

/**
 * Bare expressions in a spec that holds `iterate` (a request's `response`, or a webhook's
 * communication), with their JSON pointers relative to that spec.
 */
export function bareExpressionsIn(spec: unknown): { pointer: string; source: string }[] {
  if (!isObject(spec)) return [];
  const it = spec.iterate;
  if (isBareExpression(it)) return [{ pointer: '/iterate', source: it }];
  if (isObject(it) && isBareExpression(it.container))
    return [{ pointer: '/iterate/container', source: it.container }];
  return [];
}
