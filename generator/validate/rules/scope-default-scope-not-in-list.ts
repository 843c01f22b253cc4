import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { ofKind } from './util.ts';

export const scopeDefaultScopeNotInList = defineRule({
  id: 'scope/default-scope-not-in-list',
  description: "The connection's default scope names a scope its own scope list does not define.",
  defaultSeverity: 'warning',
  explains: ['scope'],
  docs: "The default scope (`defaultScope`) is requested for every new connection; each entry should be described in the connection's scope list so users see what they grant, and so typos are caught before the provider rejects the authorization.",
  messages: {
    notInList: 'Default scope "{scope}" is not in the connection\'s scope list.',
  },
  check(ctx) {
    for (const f of ofKind(ctx, 'connection')) {
      const def = f.component.codes.defaultScope;
      const list = f.component.codes.scopeList?.value;
      if (!def || !Array.isArray(def.value) || !isObject(list) || Object.keys(list).length === 0) continue;
      def.value.forEach((sc, i) => {
        if (typeof sc === 'string' && !(sc in list))
          ctx.report({
            messageId: 'notInList',
            data: { scope: sc },
            code: def,
            pointer: `/${i}`,
            component: f.component,
          });
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'listed',
        bundle: bundle({
          connections: {
            c: `{ "label": "C", "connectionType": "oauth", "codes": { "scopeList": { "connect": "Connect" }, "defaultScope": ["connect"] } }`,
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'unlisted',
        bundle: bundle({
          connections: {
            c: `{ "label": "C", "connectionType": "oauth", "codes": { "scopeList": { "connect": "Connect" }, "defaultScope": ["connect", /*@notInList*/ "admin"] } }`,
          },
        }),
      },
      {
        name: 'default scope spelt differently from the list',
        bundle: bundle({
          connections: {
            crm: `{ "label": "CRM", "connectionType": "oauth", "codes": { "scopeList": { "contacts.read": "Read contacts", "contacts.write": "Write contacts" }, "defaultScope": [/*@notInList*/ "contacts:read"] } }`,
          },
        }),
      },
      {
        name: 'two of three defaults missing from the list',
        bundle: bundle({
          connections: {
            crm: `{ "label": "CRM", "connectionType": "oauth", "codes": { "scopeList": { "openid": "Sign in" }, "defaultScope": ["openid", /*@notInList*/ "offline_access", /*@notInList*/ "profile"] } }`,
          },
        }),
      },
    ],
  },
});
