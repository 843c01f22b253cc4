import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { ofKind } from './util.ts';

const RESERVED = new Set(['accountName', 'teamID']);

export const structureReservedParameterName = defineRule({
  id: 'structure/reserved-parameter-name',
  description: 'A connection parameter uses a name Make reserves (`accountName`, `teamID`).',
  defaultSeverity: 'error',
  explains: ['parameter'],
  docs: 'Make stores its own values under `accountName` and `teamID` in every connection; a parameter of that name collides with them and its value is lost or overwritten.',
  messages: {
    reserved: '"{name}" is reserved by Make in connections; rename the parameter.',
  },
  check(ctx) {
    for (const f of ofKind(ctx, 'connection'))
      for (const p of f.parameters.all)
        if (p.topLevel && p.name && RESERVED.has(p.name))
          ctx.report({
            messageId: 'reserved',
            data: { name: p.name },
            code: p.code,
            pointer: `${p.pointer}/name`,
            component: f.component,
          });
  },
  cases: {
    valid: [
      {
        name: 'ordinary',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'accountName',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": /*@reserved*/ "accountName", "type": "text", "label": "Account" }] } }`,
          },
        }),
      },
      {
        name: 'teamID copied from a Make API example',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": /*@reserved*/ "teamID", "type": "number", "label": "Team ID" }] } }`,
          },
        }),
      },
      {
        name: 'accountName next to the API key',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }, { "name": /*@reserved*/ "accountName", "type": "text", "label": "Workspace" }] } }`,
          },
        }),
      },
    ],
  },
});
