import type { Rule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { declaredAt, modules } from './util.ts';

export const structureInstantTriggerWithoutWebhook: Rule = {
  id: 'structure/instant-trigger-without-webhook',
  description: 'An instant trigger that names no webhook, or one the app does not define.',
  defaultSeverity: 'error',
  docs: "An instant trigger only runs when its webhook receives a call; the module's `webhook` must name a webhook of the app. Without one the trigger never fires.",
  check(ctx) {
    for (const f of modules(ctx, 'instant_trigger')) {
      const wh = f.component.webhook;
      if (wh && ctx.analysis.component('webhook', wh)) continue;
      ctx.report({
        message: wh
          ? `Instant trigger ${f.id} names webhook "${wh}", which the app does not define.`
          : `Instant trigger ${f.id} names no webhook; set "webhook" to one of the app's webhooks.`,
        location: declaredAt(ctx.app, f.component),
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
        ).replace('"caseModule":', '/*@*/"caseModule":'),
      },
    ],
  },
};
