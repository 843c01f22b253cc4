import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { declaredAt, modules } from './util.ts';

export const structureInstantTriggerWithoutWebhook = defineRule({
  id: 'structure/instant-trigger-without-webhook',
  description: 'An instant trigger that names no webhook, or one the app does not define.',
  defaultSeverity: 'error',
  docs: "An instant trigger only runs when its webhook receives a call; the module's `webhook` must name a webhook of the app. Without one the trigger never fires.",
  messages: {
    unknownWebhook: 'Instant trigger {component} names webhook "{webhook}", which the app does not define.',
    noWebhook: 'Instant trigger {component} names no webhook; set "webhook" to one of the app\'s webhooks.',
  },
  check(ctx) {
    for (const f of modules(ctx, 'instant_trigger')) {
      const wh = f.component.webhook;
      if (wh && ctx.analysis.component('webhook', wh)) continue;
      ctx.report({
        messageId: wh ? 'unknownWebhook' : 'noWebhook',
        data: { component: f.id, webhook: wh ?? '' },
        location: declaredAt(f.component),
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'webhook exists',
        bundle: academyApp(
          `"interface": [{ "name": "id", "type": "text", "label": "ID" }]`,
          'instant_trigger',
          { meta: ', "webhook": "movieEvents"' },
        ).replace(
          '"webhook": {}',
          '"webhook": { "movieEvents": { "label": "Movie events", "webhookType": "web", "connection": "academy", "codes": { "communication": { "output": "{{body}}" } } } }',
        ),
      },
    ],
    invalid: [
      {
        name: 'no webhook',
        bundle: academyApp(
          `"interface": [{ "name": "id", "type": "text", "label": "ID" }]`,
          'instant_trigger',
        ).replace('"caseModule":', '/*@noWebhook*/"caseModule":'),
      },
      {
        name: 'names a webhook the app does not define',
        bundle: academyApp(
          `"communication": { "response": { "output": "{{payload}}" } }`,
          'instant_trigger',
          {
            meta: ', "webhook": "movieEvents"',
          },
        ).replace('"caseModule":', '/*@unknownWebhook*/"caseModule":'),
      },
      {
        name: 'webhook set to null',
        bundle: academyApp(
          `"communication": { "response": { "output": "{{payload}}" } }`,
          'instant_trigger',
          {
            meta: ', "webhook": null',
          },
        ).replace('"caseModule":', '/*@noWebhook*/"caseModule":'),
      },
    ],
  },
});
