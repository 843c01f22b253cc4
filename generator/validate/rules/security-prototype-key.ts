import type { CodeFile, Component } from '../../model/index.ts';
import { COMPONENT_KINDS, escapePointerSegment, isPrototypeKey } from '../../model/index.ts';
import { defineRule, type RuleContext } from '../types.ts';
import { bundle, module } from './case-kit.ts';
import { academyApp } from './shared-cases.ts';
import { declaredAt } from './util.ts';

const WHY =
  'can reach the prototype of every object in the JavaScript that reads this app (Make, tools, custom functions); rename it';
const MESSAGES = {
  prototypeKey: 'The key "{key}" {why}.',
  prototypeName: 'The {kind} name "{name}" {why}.',
};

interface Step {
  value: unknown;
  key?: string;
  parent?: Step;
}

function pointerOf(step: Step): string {
  let out = '';
  for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent)
    out = `/${escapePointerSegment(s.key)}${out}`;
  return out;
}

/** Every object key of one code document, iteratively (documents may be deep); pointers only when reported. */
function reportKeys(
  ctx: RuleContext<keyof typeof MESSAGES>,
  code: CodeFile,
  component: Component | string,
): void {
  const stack: Step[] = [{ value: code.value }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const value = step.value;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        if (value[i] !== null && typeof value[i] === 'object')
          stack.push({ value: value[i], key: String(i), parent: step });
      continue;
    }
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (isPrototypeKey(k)) {
        const pointer = pointerOf({ value: v, key: k, parent: step });
        ctx.report({
          messageId: 'prototypeKey',
          data: { key: k, why: WHY },
          code,
          pointer,
          key: true,
          component,
        });
      }
      if (v !== null && typeof v === 'object') stack.push({ value: v, key: k, parent: step });
    }
  }
}

export const securityPrototypeKey = defineRule({
  id: 'security/prototype-key',
  description: 'A `__proto__`, `constructor` or `prototype` key (or component name) in an app file.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  docs: 'JavaScript treats these names specially: a deep merge or copy that follows `__proto__` (or `constructor.prototype`) writes into `Object.prototype` and changes every object of the process — the classic prototype-pollution attack, which breaks whatever runs next. No Make directive, parameter or request needs such a key; an API field with one of these names can be produced with a different key and mapped. This toolkit keeps such keys as plain data, but other consumers of the app may not.',
  check(ctx) {
    for (const [type, code] of Object.entries(ctx.app.general))
      if (code && type !== 'readme') reportKeys(ctx, code, 'app');
    for (const kind of COMPONENT_KINDS)
      for (const c of Object.values(ctx.app.components[kind])) {
        if (isPrototypeKey(c.name))
          ctx.report({
            messageId: 'prototypeName',
            data: { kind, name: c.name, why: WHY },
            location: declaredAt(c),
            component: c,
          });
        for (const [type, code] of Object.entries(c.codes))
          if (code && type !== 'code') reportKeys(ctx, code, c);
      }
  },
  cases: {
    valid: [
      {
        name: 'the words as values and inside longer keys',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": "POST", "body": { "kind": "prototype", "constructorName": "{{parameters.name}}", "__proto": 1 } }, "mappableParams": [{ "name": "name", "type": "text", "label": "constructor" }], "scope": ["write"]`,
        ),
      },
    ],
    invalid: [
      {
        name: '__proto__ in temp and constructor.prototype in a body',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": "POST", "temp": { /*@prototypeKey*/"__proto__": { "toString": "x" } }, "body": { /*@prototypeKey*/"constructor": { /*@prototypeKey*/"prototype": { "polluted": true } } } }, "scope": ["write"]`,
        ),
      },
      {
        name: 'in base, in an array item and as a module name',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "response": { "output": [{ /*@prototypeKey*/"__proto__": {} }] } }`,
          modules: {
            '/*@prototypeName*/prototype': module('action', `"communication": { "url": "/x" }`),
          },
        }),
      },
      {
        name: 'a query field and a response field named like the prototype (a copied API shape)',
        bundle: academyApp(
          `"communication": { "url": "/movies", "qs": { /*@prototypeKey*/"constructor": "{{parameters.name}}" }, "response": { "output": { "name": "{{body.name}}", /*@prototypeKey*/"__proto__": "{{body.meta}}" } } }, "mappableParams": [{ "name": "name", "type": "text", "label": "Name" }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
