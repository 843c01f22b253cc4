import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';

function optionValues(options: unknown): unknown[] | undefined {
  const list = isObject(options) ? options.store : options;
  if (!Array.isArray(list)) return undefined;
  const out: unknown[] = [];
  for (const o of list) {
    if (!isObject(o)) return undefined;
    if (Array.isArray(o.options)) {
      const inner = optionValues(o.options);
      if (!inner) return undefined;
      out.push(...inner);
    } else out.push(o.value);
  }
  return out;
}

export const structureSelectDefaultNotOption = defineRule({
  id: 'structure/select-default-not-option',
  description: "A select parameter's default is not one of its options.",
  defaultSeverity: 'error',
  docs: "A select's `default` must equal the `value` of one of its options (for `multiple`, every item must); otherwise the form starts with an invalid value and Make's validation rejects the module configuration. Only static option lists are checked.",
  messages: {
    notAnOption: 'Default {value} of select "{name}" is not among its options ({options}).',
  },
  check(ctx) {
    for (const f of ctx.analysis.components)
      for (const p of f.parameters.all) {
        if (p.type !== 'select' || p.value.default === undefined) continue;
        const values = optionValues(p.value.options);
        if (!values) continue;
        const defs = Array.isArray(p.value.default) && p.value.multiple ? p.value.default : [p.value.default];
        for (const d of defs) {
          if (typeof d === 'string' && d.includes('{{')) continue;
          if (values.some((v) => JSON.stringify(v) === JSON.stringify(d))) continue;
          ctx.report({
            messageId: 'notAnOption',
            data: {
              value: JSON.stringify(d),
              name: String(p.name),
              options: values.map((v) => JSON.stringify(v)).join(', '),
            },
            code: p.code,
            pointer: `${p.pointer}/default`,
            component: f.component,
          });
        }
      }
  },
  cases: {
    valid: [
      {
        name: 'default is an option',
        bundle: academyApp(
          `"communication": { "url": "/movies?order={{parameters.order}}" }, "mappableParams": [{ "name": "order", "type": "select", "label": "Order", "default": "asc", "options": [{ "label": "Ascending", "value": "asc" }, { "label": "Descending", "value": "desc" }] }], "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'default not an option',
        bundle: academyApp(
          `"communication": { "url": "/movies?order={{parameters.order}}" }, "mappableParams": [{ "name": "order", "type": "select", "label": "Order", "default": /*@notAnOption*/ "ascending", "options": [{ "label": "Ascending", "value": "asc" }, { "label": "Descending", "value": "desc" }] }], "scope": ["read"]`,
        ),
      },
      {
        name: 'default is the label, not the value',
        bundle: academyApp(
          `"communication": { "url": "/movies?status={{parameters.status}}" }, "mappableParams": [{ "name": "status", "type": "select", "label": "Status", "default": /*@notAnOption*/ "Released", "options": [{ "label": "Released", "value": "released" }, { "label": "Upcoming", "value": "upcoming" }] }], "scope": ["read"]`,
        ),
      },
      {
        name: 'a number default for string options on a static parameter',
        bundle: academyApp(
          `"communication": { "url": "/movies?limit={{parameters.size}}" }, "staticParams": [{ "name": "size", "type": "select", "label": "Page size", "default": /*@notAnOption*/ 50, "options": [{ "label": "10", "value": "10" }, { "label": "50", "value": "50" }] }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
