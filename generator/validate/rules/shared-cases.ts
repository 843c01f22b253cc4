import { ACADEMY_BASE, academyConnection, bundle, module } from './case-kit.ts';

/** A one-module Academy app whose module has these codes (for short cases). */
export function academyApp(
  codes: string,
  moduleType = 'action',
  extra: { rpcs?: Record<string, string>; functions?: Record<string, string>; meta?: string } = {},
): string {
  return bundle({
    base: ACADEMY_BASE,
    connections: { academy: academyConnection() },
    modules: { caseModule: module(moduleType, codes, extra.meta ?? '') },
    rpcs: extra.rpcs,
    functions: extra.functions,
  });
}

export const ID_PARAM = `"mappableParams": [{ "name": "id", "type": "text", "label": "Movie ID", "required": true }]`;
