import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowsDirective,
  DIRECTIVES_BY_PLACE,
  type DirectivePlace,
  MAKE_ERROR_TYPES,
  MODULE_TYPES,
  OTHER_PARAMETER_TYPES,
  PARAMETER_TYPES,
  REQUEST_DIRECTIVES,
  RESPONSE_DIRECTIVES,
} from '../../generator/model/index.ts';

/** The schemas are plain JSON (they ship to editors), so they cannot import the model: these tests keep them in step with it. */
const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8'));

describe("the schemas name Make's vocabulary exactly as the model does", () => {
  it('error.type / valid.type accept exactly the model’s error types', () => {
    const errorType = schema('defs/response.json').definitions.errorType;
    const listed = errorType.anyOf.find((s: { enum?: string[] }) => s.enum).enum;
    expect([...listed].sort()).toEqual([...MAKE_ERROR_TYPES].sort());
  });

  it('a parameter `type` is one of the model’s parameter types, documented or not', () => {
    const type = schema('defs/parameter.json').definitions.type;
    const listed = type.anyOf.find((s: { enum?: string[] }) => s.enum).enum;
    expect([...listed].sort()).toEqual([...PARAMETER_TYPES, ...OTHER_PARAMETER_TYPES].sort());
  });
});

/** Where each place's request and response keys are in its schema. */
const PLACES: [DirectivePlace, file: string, request: string, response: string][] = [
  ['action', 'module-communication-action', '/definitions/request', '/definitions/response'],
  ['search', 'module-communication-search', '/definitions/request', '/definitions/response'],
  ['trigger', 'module-communication-trigger', '/definitions/request', '/definitions/response'],
  [
    'instant_trigger',
    'module-communication-instant-trigger',
    '/definitions/request',
    '/definitions/response',
  ],
  ['universal', 'module-communication-universal', '/definitions/request', '/definitions/response'],
  ['responder', 'module-communication-responder', '', '/properties/response'],
  ['epoch', 'module-epoch', '/definitions/request', '/definitions/response'],
  ['rpc', 'rpc-communication', '/definitions/request', '/definitions/response'],
  ['base', 'base', '/definitions/request', '/definitions/response'],
  ['connection-basic', 'connection-communication-basic', '/definitions/request', '/definitions/response'],
  ['oauth-section', 'connection-communication-oauth', '/definitions/section', '/definitions/response'],
  ['webhook-section', 'webhook-attach', '/definitions/request', '/definitions/response'],
  ['webhook-section', 'webhook-detach', '/definitions/request', '/definitions/response'],
  ['webhook-section', 'webhook-update', '/definitions/request', '/definitions/response'],
];

interface ObjectSchema {
  properties: Record<string, unknown>;
  'x-notAllowedHere'?: Record<string, string>;
}

function at(doc: unknown, pointer: string): ObjectSchema {
  let v = doc as Record<string, unknown>;
  for (const part of pointer.split('/').slice(1)) v = v[part] as Record<string, unknown>;
  return v as unknown as ObjectSchema;
}

it('every module type has its directives in the table, and its schema is checked below', () => {
  for (const t of MODULE_TYPES) {
    expect(Object.keys(DIRECTIVES_BY_PLACE)).toContain(t);
    expect(PLACES.map(([place]) => place)).toContain(t);
  }
});

describe.each(PLACES)('the %s directives in schemas/%s.schema.json', (place, file, request, response) => {
  const doc = schema(`${file}.schema.json`);
  for (const [part, pointer] of [
    ['request', request],
    ['response', response],
  ] as const) {
    const obj = at(doc, pointer);
    it(`${part}: the schema allows exactly the model's directives`, () => {
      expect(Object.keys(obj.properties).sort()).toEqual([...DIRECTIVES_BY_PLACE[place][part]].sort());
    });
    it(`${part}: every directive of another place is explained, none of this place's is refused`, () => {
      const known = part === 'request' ? REQUEST_DIRECTIVES : RESPONSE_DIRECTIVES;
      const explained = Object.keys(obj['x-notAllowedHere'] ?? {});
      const allowed = (k: string) => allowsDirective(place, part, k);
      expect(explained.filter(allowed)).toEqual([]);
      if (place !== 'responder')
        expect(known.filter((k) => !allowed(k) && !explained.includes(k))).toEqual([]);
    });
  }
});
