import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';

export const scopeModuleScopeNotInList = defineRule({
  id: 'scope/module-scope-not-in-list',
  description: "A module or webhook requires a scope its connection's scope list does not define.",
  defaultSeverity: 'error',
  explains: ['scope'],
  docs: "A module's `scope` (and a webhook's required scope) lists the OAuth scopes it needs; Make asks the user to grant them through the connection. A scope missing from the connection's scope list (`scopeList`) is usually a typo, and the provider rejects the authorization with `invalid_scope`.",
  messages: {
    notInList: 'Scope "{scope}" is not in the scope list of connection "{connection}" ({list}).',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      const code = f.component.codes.scope ?? f.component.codes.requiredScope;
      if (!code || !Array.isArray(code.value)) continue;
      for (const conn of f.connections) {
        const list = conn.codes.scopeList?.value;
        if (!isObject(list) || Object.keys(list).length === 0) continue; // an empty list describes nothing: not maintained
        code.value.forEach((sc, i) => {
          if (typeof sc !== 'string' || sc in list) return;
          ctx.report({
            messageId: 'notInList',
            data: { scope: sc, connection: conn.name, list: Object.keys(list).join(', ') },
            code,
            pointer: `/${i}`,
            component: f.component,
          });
        });
      }
    }
  },
  cases: {
    valid: [
      { name: 'known scope', bundle: academyApp(`"communication": { "url": "/about" }, "scope": ["read"]`) },
    ],
    invalid: [
      {
        name: 'unknown scope',
        bundle: academyApp(`"communication": { "url": "/about" }, "scope": ["read", /*@notInList*/ "reads"]`),
      },
      {
        name: 'scope named after the HTTP method',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": "POST" }, "scope": [/*@notInList*/ "post", "write"]`,
        ),
      },
      {
        name: 'scope of another API copied in',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "scope": [/*@notInList*/ "https://www.googleapis.com/auth/drive"]`,
        ),
      },
    ],
  },
});
