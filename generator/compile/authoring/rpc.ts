import type { AnyConnection, StoredKeys } from './connection.ts';
import type { ModuleVars, Section } from './context.ts';
import { type Definition, defined } from './definition.ts';
import { callerOrigin } from './origin.ts';
import type { ParameterList, RpcUrl } from './parameters.ts';
import type { OneOrMany, RpcRequest } from './request.ts';

type AnyConnectionLike = AnyConnection;
type Keys<C> = [C] extends [undefined] ? never : StoredKeys<C>;

export interface RpcDef<N extends string, P extends ParameterList, C extends AnyConnectionLike | undefined> {
  name: N;
  label: string;
  connection?: C;
  altConnection?: AnyConnectionLike;
  /** Inputs the RPC reads (the calling module's values are passed in under the same names). */
  parameters?: P;
  communication?: Section<ModuleVars<P, Keys<C>>, OneOrMany<RpcRequest>>;
}

export interface RpcDefinition<N extends string = string> extends Definition<'rpc', N> {}

export function defineRpc<
  const N extends string,
  const P extends ParameterList = [],
  C extends AnyConnectionLike | undefined = undefined,
>(def: RpcDef<N, P, C>): RpcDefinition<N> {
  const { name, label, connection, altConnection, ...sections } = def;
  return {
    kind: 'rpc',
    name,
    meta: defined({
      label,
      connection: connection?.name ?? null,
      altConnection: altConnection?.name ?? null,
    }),
    sections: defined(sections),
    origin: callerOrigin(),
  };
}

/** `rpc://name` (with an optional query) for an RPC the app defines: a typo is a type error. */
export function rpcUrl<N extends string>(
  rpc: RpcDefinition<N>,
  query?: Record<string, string | number | boolean>,
): RpcUrl {
  const qs = query
    ? new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()
    : '';
  return `rpc://${rpc.name}${qs ? `?${qs}` : ''}`;
}
