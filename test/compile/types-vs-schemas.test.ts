/**
 * The authoring types and schemas/ describe the same places. A directive the TypeScript type lets
 * an author write must be one the schema of that place accepts (the types may be stricter, never
 * looser), and every directive a schema names as "not allowed here" must be a type error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Project, type Type } from 'ts-morph';
import { describe, expect, it } from 'vitest';

const project = new Project({
  skipAddingFilesFromTsConfig: true,
  compilerOptions: { strict: true, allowImportingTsExtensions: true, noEmit: true },
});
const requestFile = project.addSourceFileAtPath(path.resolve('generator/compile/authoring/request.ts'));
project.resolveSourceFileDependencies();

/** [TS type, schema file, definition of the request object ('' = root), definition of its response]. */
const PLACES: [string, string, string, string | null][] = [
  ['ActionRequest', 'module-communication-action', 'request', 'response'],
  ['SearchRequest', 'module-communication-search', 'request', 'response'],
  ['TriggerRequest', 'module-communication-trigger', 'request', 'response'],
  ['InstantTriggerRequest', 'module-communication-instant-trigger', 'request', 'response'],
  ['UniversalRequest', 'module-communication-universal', 'request', 'response'],
  ['ResponderCommunication', 'module-communication-responder', '', null],
  ['RpcRequest', 'rpc-communication', 'request', 'response'],
  ['EpochRequest', 'module-epoch', 'request', 'response'],
  ['BaseRequest', 'base', 'request', 'response'],
  ['BasicConnectionRequest', 'connection-communication-basic', 'request', 'response'],
  ['OAuthSectionRequest', 'connection-communication-oauth', 'section', 'response'],
  ['WebhookCommunication', 'webhook-communication', '', null],
  ['WebhookRequest', 'webhook-attach', 'request', 'response'],
  ['WebhookRequest', 'webhook-detach', 'request', 'response'],
];

function schemaPart(file: string, def: string): { allowed: string[]; notAllowed: string[] } {
  const schema = JSON.parse(readFileSync(path.resolve('schemas', `${file}.schema.json`), 'utf8'));
  const node = def ? schema.definitions[def] : schema;
  return {
    allowed: Object.keys(node.properties ?? {}),
    notAllowed: Object.keys(node['x-notAllowedHere'] ?? {}),
  };
}

/** Keys an author may write: properties whose type is not `never`/`undefined` (our `Forbid`). */
function tsKeys(type: Type): { allowed: string[]; forbidden: string[] } {
  const allowed: string[] = [];
  const forbidden: string[] = [];
  for (const p of type.getProperties()) {
    const t = p.getTypeAtLocation(requestFile).getNonNullableType();
    (t.isNever() || t.isUndefined() ? forbidden : allowed).push(p.getName());
  }
  return { allowed, forbidden };
}

function typeOf(name: string): Type {
  const decl = requestFile.getInterface(name) ?? requestFile.getTypeAlias(name);
  if (!decl) throw new Error(`no type ${name}`);
  return decl.getType();
}

function responseOf(type: Type): Type {
  const prop = type.getProperty('response')!;
  return prop.getTypeAtLocation(requestFile).getNonNullableType();
}

const parametersFile = project.addSourceFileAtPath(path.resolve('generator/compile/authoring/parameters.ts'));

/** [TS interface in parameters.ts, definition in schemas/defs/parameter.json]. */
const PARAMETER_PLACES: [string, string][] = [
  ['Parameter', 'parameter'],
  ['SelectOption', 'option'],
];

describe('parameter types agree with schemas/defs/parameter.json', () => {
  const defs = JSON.parse(readFileSync(path.resolve('schemas/defs/parameter.json'), 'utf8')).definitions;
  for (const [tsName, def] of PARAMETER_PLACES) {
    it(`${tsName} has only fields the schema's ${def} accepts`, () => {
      const fields = parametersFile
        .getInterfaceOrThrow(tsName)
        .getType()
        .getProperties()
        .map((p) => p.getName());
      expect(fields.length).toBeGreaterThan(3);
      expect(fields.filter((f) => !Object.keys(defs[def].properties).includes(f))).toEqual([]);
    });
  }
});

describe('authoring types agree with schemas/', () => {
  for (const [tsName, schema, requestDef, responseDef] of PLACES) {
    it(`${tsName} allows only what ${schema} accepts, and rejects what it names as not allowed`, () => {
      const req = tsKeys(typeOf(tsName));
      const s = schemaPart(schema, requestDef);
      expect(req.allowed.length).toBeGreaterThan(0);
      expect(req.allowed.filter((k) => !s.allowed.includes(k))).toEqual([]);
      expect(s.notAllowed.filter((k) => req.allowed.includes(k))).toEqual([]);
      if (responseDef) {
        const res = tsKeys(responseOf(typeOf(tsName)));
        const sr = schemaPart(schema, responseDef);
        expect(res.allowed.filter((k) => !sr.allowed.includes(k))).toEqual([]);
        expect(sr.notAllowed.filter((k) => res.allowed.includes(k))).toEqual([]);
      }
    });
  }
});
