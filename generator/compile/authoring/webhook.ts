import type { AnyConnection as AnyConnectionLike, StoredKeys } from './connection.ts';
import type { Section, WebhookSectionVars, WebhookVars } from './context.ts';
import { type Definition, defined } from './definition.ts';
import { callerOrigin } from './origin.ts';
import type { ParameterList } from './parameters.ts';
import type { WebhookCommunication, WebhookRequest } from './request.ts';

type Keys<C> = [C] extends [undefined] ? never : StoredKeys<C>;

export interface WebhookDef<
  N extends string,
  P extends ParameterList,
  C extends AnyConnectionLike | undefined,
  W extends string,
> {
  name: N;
  label: string;
  /** `web`: one URL per webhook (dedicated); `web-shared`: one app-wide URL routed by `uid`. */
  type: 'web' | 'web-shared';
  connection?: C;
  /** Names of the values `attach` stores (read as `webhook.<name>` in detach and update). */
  stores?: readonly W[];
  parameters?: P;
  communication: Section<WebhookVars<P>, WebhookCommunication>;
  attach?: Section<WebhookSectionVars<P, Keys<C>, W>, WebhookRequest<W>>;
  detach?: Section<WebhookSectionVars<P, Keys<C>, W>, WebhookRequest<never>>;
  update?: Section<WebhookSectionVars<P, Keys<C>, W>, WebhookRequest<W>>;
  /** Scopes the webhook needs. */
  scope?: readonly string[];
}

export interface WebhookDefinition<N extends string = string> extends Definition<'webhook', N> {}

export function defineWebhook<
  const N extends string,
  const P extends ParameterList = [],
  C extends AnyConnectionLike | undefined = undefined,
  const W extends string = never,
>(def: WebhookDef<N, P, C, W>): WebhookDefinition<N> {
  const { name, label, type, connection, stores: _stores, ...sections } = def;
  return {
    kind: 'webhook',
    name,
    meta: defined({ label, webhookType: type, connection: connection?.name ?? null }),
    sections: defined(sections),
    origin: callerOrigin(),
  };
}
