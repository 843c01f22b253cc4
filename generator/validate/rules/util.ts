import type { CodeFile, Component, SourceLocation } from '../../model/index.ts';
import { isObject } from '../../model/index.ts';
import type { ComponentFacts, ImlString, RequestInfo } from '../analysis/index.ts';
import type { RuleContext } from '../types.ts';

export function modules(ctx: RuleContext, ...types: string[]): ComponentFacts[] {
  return ctx.analysis.components.filter(
    (f) =>
      f.component.kind === 'module' && (types.length === 0 || types.includes(f.component.moduleType ?? '')),
  );
}

export function ofKind(ctx: RuleContext, kind: Component['kind']): ComponentFacts[] {
  return ctx.analysis.components.filter((f) => f.component.kind === kind);
}

/** Where a component is declared; falls back to its first code file. */
export function declaredAt(c: Component): SourceLocation {
  if (c.declaredAt) return c.declaredAt;
  const first = Object.values(c.codes).find((f): f is CodeFile => f !== undefined);
  if (first) return first.locate('');
  return { file: '.', line: 1, column: 1, pointer: '' };
}

/** A request's response object, if any. */
export function responseOf(r: RequestInfo): Record<string, unknown> | undefined {
  return isObject(r.value.response) ? r.value.response : undefined;
}

/** Strings of a request at a directive (dotted prefix). */
export function stringsAt(strings: ImlString[], r: RequestInfo, prefix: string): ImlString[] {
  return strings.filter(
    (s) => s.request === r && (s.directive === prefix || s.directive.startsWith(`${prefix}.`)),
  );
}

/** The OAuth section requests of a connection, by section name (first request of each). */
export function oauthSections(f: ComponentFacts): Map<string, RequestInfo> {
  const out = new Map<string, RequestInfo>();
  for (const r of f.requests)
    if (r.section && r.code.codeType === 'communication' && !out.has(r.section)) out.set(r.section, r);
  return out;
}

/** Case-insensitive lookup of a key in a flat object. */
export function getKey(obj: unknown, key: string): { key: string; value: unknown } | undefined {
  if (!isObject(obj)) return undefined;
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : { key: k, value: obj[k] };
}

/** Literal path of a URL (no scheme/host, no query), IML left in place; undefined when unknown. */
export function urlPath(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const noHost = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return noHost.replace(/[?#].*$/, '');
}

export const SECRET_NAME_ANYWHERE =
  /(pass(word|wd)|secret|token|api[-_]?key|apikey|access[-_]?key|private[-_]?key|authorization|credential)/i;
