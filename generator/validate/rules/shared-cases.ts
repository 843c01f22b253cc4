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

/** The same single-module app against a host no built-in profile knows (generic profile). */
export function genericApp(codes: string, moduleType = 'search'): string {
  return bundle({
    base: `{ "baseUrl": "https://api.example.com/v1", "headers": { "authorization": "Bearer {{connection.apiKey}}" }, "response": { "error": { "message": "{{body.error}}" } }, "log": { "sanitize": ["request.headers.authorization"] } }`,
    connections: {
      academy: `{ "label": "Key", "connectionType": "basic", "codes": { "communication": { "url": "https://api.example.com/v1/me", "headers": { "authorization": "Bearer {{parameters.apiKey}}" }, "log": { "sanitize": ["request.headers.authorization"] } }, "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
    },
    modules: { caseModule: module(moduleType, codes) },
  });
}

/** The Academy app with a get and a list module, grouped as given (a JSONC `groups` text). */
export function groupedApp(groups: string): string {
  return bundle({
    connections: { academy: academyConnection() },
    groups,
    modules: {
      getMovie: module('action', `"communication": { "url": "/movies/1" }, "scope": ["read"]`),
      listMovies: module(
        'search',
        `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }, "scope": ["read"]`,
      ),
    },
  });
}
