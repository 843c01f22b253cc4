/**
 * Which variables a section's builder may reference with a type-checked path, mirroring the
 * `*Vars` types of authoring/context.ts. A section without a scope is printed as plain data.
 */
import {
  type Component,
  type ComponentCodeType,
  isCodeTypeIn,
  WEBHOOK_REQUEST_CODE_TYPES,
} from '../../model/index.ts';
import { connectionStores, requestStores } from './collect.ts';
import type { RootRule, Scope } from './refs.ts';

const ANY: RootRule = { any: true };
const LEAF: RootRule = { leaf: true };
const names = (list: Iterable<string>): RootRule => ({ names: new Set(list) });

type ParamList = unknown[];

/** Top-level parameter names; any `rpc://` item means unknown names are allowed too. */
function paramRule(...lists: unknown[]): RootRule {
  const out: string[] = [];
  for (const list of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) return ANY;
    for (const p of list as ParamList) {
      if (typeof p === 'string') return ANY;
      const name = (p as { name?: unknown } | null)?.name;
      if (typeof name === 'string') out.push(name);
    }
  }
  return names(out);
}

function paramNames(list: unknown): string[] {
  return Array.isArray(list)
    ? list.flatMap((p) =>
        typeof (p as { name?: unknown })?.name === 'string' ? [(p as { name: string }).name] : [],
      )
    : [];
}

const RESPONSE_VARS: [string, RootRule][] = [
  ['body', ANY],
  ['headers', ANY],
  ['statusCode', LEAF],
  ['temp', ANY],
  ['environment', ANY],
];

function moduleScope(
  c: Component,
  connections: ReadonlyMap<string, { component: Component }>,
): Map<string, RootRule> {
  const scope = new Map<string, RootRule>([
    ...RESPONSE_VARS,
    ['item', ANY],
    ['output', ANY],
    ['iterate', ANY],
    ['common', ANY],
    ['metadata', ANY],
    ['scenario', ANY],
    ['data', ANY],
    ['pagination', names(['page'])],
    [
      'parameters',
      paramRule(c.codes.staticParams?.value, c.codes.mappableParams?.value, c.codes.params?.value),
    ],
  ]);
  const conn = c.connection ? connections.get(c.connection)?.component : undefined;
  if (conn) scope.set('connection', names(connectionData(conn)));
  if (c.kind === 'module' && c.moduleType === 'trigger') scope.set('data', names(['lastDate', 'lastID']));
  if (c.kind === 'module' && c.moduleType === 'instant_trigger') {
    scope.set('payload', ANY);
    scope.set('webhook', ANY);
  }
  return scope;
}

/** What `connection.<key>` may name: stored data plus the connection's own parameters. */
function connectionData(conn: Component): string[] {
  return [...connectionStores(conn.codes.communication?.value), ...paramNames(conn.codes.params?.value)];
}

export function scopeFor(
  c: Component,
  codeType: ComponentCodeType,
  connections: ReadonlyMap<string, { component: Component }>,
): Scope | undefined {
  // Only hand-written TypeScript where the typed variant exists for the component's type.
  if (c.kind === 'module' && !c.moduleType) return undefined;
  if ((c.kind === 'module' || c.kind === 'rpc') && (codeType === 'communication' || codeType === 'epoch')) {
    if (codeType === 'epoch' && c.moduleType !== 'trigger') return undefined;
    return moduleScope(c, connections);
  }
  if (c.kind === 'connection' && codeType === 'communication' && c.connectionType) {
    const data = names(connectionData(c));
    const common = c.codes.common?.value;
    const scope = new Map<string, RootRule>([
      ...RESPONSE_VARS,
      ['parameters', paramRule(c.codes.params?.value)],
      ['connection', data],
      ['data', data],
      ['query', ANY],
      ['oauth', names(['scope', 'redirectUri', 'localRedirectUri', 'makeRedirectUri', 'state'])],
    ]);
    if (common && typeof common === 'object' && !Array.isArray(common))
      scope.set('common', names(Object.keys(common)));
    return scope;
  }
  if (c.kind === 'webhook' && codeType === 'communication') {
    const params = paramRule(c.codes.params?.value);
    return new Map<string, RootRule>([
      ['environment', ANY],
      ['parameters', params],
      ['data', params],
      ['body', ANY],
      ['query', ANY],
      ['headers', ANY],
      ['item', ANY],
      ['method', LEAF],
    ]);
  }
  if (c.kind === 'webhook' && isCodeTypeIn(WEBHOOK_REQUEST_CODE_TYPES, codeType)) {
    const stored = [...requestStores(c.codes.attach?.value), ...requestStores(c.codes.update?.value)];
    const scope = new Map<string, RootRule>([
      ...RESPONSE_VARS,
      ['item', ANY],
      ['output', ANY],
      ['common', ANY],
      ['parameters', paramRule(c.codes.params?.value)],
      ['webhook', names(['id', 'url', ...stored])],
    ]);
    const conn = c.connection ? connections.get(c.connection)?.component : undefined;
    if (conn) scope.set('connection', names(connectionData(conn)));
    return scope;
  }
  return undefined;
}
