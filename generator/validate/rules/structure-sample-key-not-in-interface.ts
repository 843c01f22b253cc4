import { isObject } from '../../model/index.ts';
import { escapePointerSegment } from '../../model/location.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';
import { modules } from './util.ts';

/** Keys Make adds to bundles itself (`__IMTLENGTH__`, `__IMTINDEX__`, `__IMTAGGLENGTH__`…). */
const MAKE_ADDED_KEY = /^__IMT[A-Z]*__$/;

export const structureSampleKeyNotInInterface = defineRule({
  id: 'structure/sample-key-not-in-interface',
  description: "A key of the module's samples that its interface does not declare.",
  defaultSeverity: 'warning',
  docs: 'Samples show users what a bundle looks like before the module runs; the interface declares which output fields can be mapped. A sample key absent from the interface is either a field users cannot map or a stale sample. Keep them in step.',
  messages: {
    notInInterface: 'Sample key "{key}" is not declared in the interface of {component}.',
  },
  check(ctx) {
    for (const f of modules(ctx)) {
      const samples = f.component.codes.samples;
      const iface = f.component.codes.interface;
      if (!samples || !iface || !isObject(samples.value) || !Array.isArray(iface.value)) continue;
      const declared = f.outputs;
      if (!declared || declared.open) continue;
      for (const k of Object.keys(samples.value))
        if (!declared.names.has(k) && !MAKE_ADDED_KEY.test(k))
          ctx.report({
            messageId: 'notInInterface',
            data: { key: k, component: f.id },
            code: samples,
            pointer: `/${escapePointerSegment(k)}`,
            key: true,
            component: f.component,
          });
    }
  },
  cases: {
    valid: [
      {
        name: 'matching',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "interface": [{ "name": "id", "type": "text", "label": "ID" }], "samples": { "id": "1" }, "scope": ["read"]`,
        ),
      },
      {
        name: 'keys Make adds itself (__IMTLENGTH__, __IMTINDEX__)',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "interface": [{ "name": "id", "type": "text", "label": "ID" }], "samples": { "id": "1", "__IMTLENGTH__": 3, "__IMTINDEX__": 1 }, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'extra key',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "interface": [{ "name": "id", "type": "text", "label": "ID" }], "samples": { "id": "1", /*@notInInterface*/"title": "Iron Man" }, "scope": ["read"]`,
        ),
      },
      {
        name: 'sample written in snake_case, interface in camelCase',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "interface": [{ "name": "id", "type": "text", "label": "ID" }, { "name": "releaseYear", "type": "uinteger", "label": "Year" }], "samples": { "id": "1", /*@notInInterface*/"release_year": 2008 }, "scope": ["read"]`,
        ),
      },
      {
        name: 'two sample keys left from an older version',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }, "interface": [{ "name": "id", "type": "text", "label": "ID" }], "samples": { "id": "1", /*@notInInterface*/"rating": 7, /*@notInInterface*/"poster": "x.jpg" }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
