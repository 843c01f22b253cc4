/**
 * The parts of an app that `import` then `build` must give back unchanged: every code's parsed
 * value per component and code type, general codes, and the component metadata that carries
 * meaning (`null` and absent are the same for links and the CRUD tag).
 */
import type { AppModel } from '../../model/index.ts';
import { COMPONENT_KINDS } from '../../model/index.ts';

export interface SemanticApp {
  general: Record<string, unknown>;
  components: Record<
    string,
    Record<string, { meta: Record<string, unknown>; codes: Record<string, unknown> }>
  >;
}

export function semanticView(app: AppModel): SemanticApp {
  const general: Record<string, unknown> = {};
  for (const [type, code] of Object.entries(app.general))
    if (code?.value !== undefined) general[type] = code.value;
  const components: SemanticApp['components'] = {};
  for (const kind of COMPONENT_KINDS) {
    const out: SemanticApp['components'][string] = {};
    for (const [name, c] of Object.entries(app.components[kind])) {
      if (!c) continue;
      const codes: Record<string, unknown> = {};
      for (const [type, code] of Object.entries(c.codes))
        if (code?.value !== undefined) codes[type] = code.value;
      const meta: Record<string, unknown> = {};
      const put = (k: string, v: unknown) => {
        if (v !== undefined && v !== null) meta[k] = v;
      };
      put('label', c.label);
      put('description', c.description);
      put('moduleType', c.moduleType);
      put('connectionType', c.connectionType);
      put('webhookType', c.webhookType);
      if (c.moduleType === 'action') put('actionCrud', c.actionCrud);
      put('connection', c.connection);
      put('altConnection', c.altConnection);
      put('webhook', c.webhook);
      out[name] = { meta, codes };
    }
    components[kind] = out;
  }
  return { general, components };
}
