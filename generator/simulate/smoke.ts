/**
 * The SMOKE scenario, generated from the app itself so any app runs with no setup: create the
 * connection, attach webhooks, run every module once (creating modules first so later ones can use
 * the ids they produced), call every RPC, detach, delete the connection.
 */
import type { AppModel, Component } from '../model/index.ts';
import { isPlainObject } from './base-merge.ts';
import { parameterDefs } from './modules.ts';
import type { Scenario, ScenarioStep } from './scenario-types.ts';

/** Order: creators first, readers next, updaters, then deleters (they consume what was created). */
function rank(c: Component): number {
  const n = c.name.toLowerCase();
  const crud = c.actionCrud ?? '';
  if (crud === 'create' || /^(create|add|new|upload|post)/.test(n)) return 0;
  if (crud === 'delete' || /^(delete|remove)/.test(n)) return 3;
  if (crud === 'update' || /^(update|replace|edit|patch)/.test(n)) return 2;
  return 1;
}

/** A plausible value for a required parameter, preferring the parameter's default, then the samples. */
export function sampleValue(p: Record<string, unknown>, samples: Record<string, unknown>): unknown {
  const name = String(p.name ?? '');
  if (p.default !== undefined) return p.default;
  if (samples[name] !== undefined && (typeof samples[name] !== 'object' || samples[name] === null)) return samples[name];
  const opts = p.options;
  const firstOption = Array.isArray(opts)
    ? opts[0]
    : isPlainObject(opts) && Array.isArray(opts.store)
      ? opts.store[0]
      : undefined;
  switch (p.type) {
    case 'number':
    case 'integer':
    case 'uinteger':
      return 1;
    case 'boolean':
      return true;
    case 'select':
      return isPlainObject(firstOption) ? firstOption.value : undefined;
    case 'date':
      return '2026-01-01T00:00:00.000Z';
    case 'array':
      return [];
    case 'collection':
      return {};
    case 'email':
      return 'john.doe@example.com';
    case 'url':
      return 'https://example.com';
    case 'buffer':
      return 'simulated file content';
    case 'filename':
      return 'sample.txt';
    default:
      return `Simulated ${name}`;
  }
}

export function smokeScenario(app: AppModel): Scenario {
  const steps: ScenarioStep[] = [];
  const connections = Object.keys(app.components.connection);
  const used = new Set(Object.values(app.components.module).map((m) => m.connection).filter((c): c is string => !!c));
  const conn = connections.find((c) => used.has(c)) ?? connections[0];
  if (conn) steps.push({ connect: { as: 'john', connection: conn } });
  const hooksToAttach = Object.values(app.components.webhook).filter(
    (w) => w.codes.attach?.value !== undefined && (!w.connection || w.connection === conn),
  );
  for (const w of hooksToAttach) steps.push({ attachWebhook: { webhook: w.name } });
  const modules = Object.values(app.components.module).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  let created = false;
  for (const m of modules) {
    const samples = isPlainObject(m.codes.samples?.value) ? (m.codes.samples!.value as Record<string, unknown>) : {};
    if (m.moduleType === 'instant_trigger') {
      steps.push({ run: { module: m.name, payload: samples } });
      continue;
    }
    const parameters: Record<string, unknown> = {};
    for (const p of parameterDefs(m)) {
      if (p.required !== true || typeof p.name !== 'string') continue;
      // An id a creating module produced earlier is a better input than a made-up one.
      const idLike = /id$/i.test(p.name) && p.default === undefined && created;
      parameters[p.name] = idLike ? '${last.id}' : sampleValue(p, samples);
    }
    steps.push({ run: { module: m.name, parameters } });
    if (rank(m) === 0) created = true;
  }
  for (const r of Object.values(app.components.rpc).sort((a, b) => a.name.localeCompare(b.name))) {
    const parameters: Record<string, unknown> = {};
    for (const p of parameterDefs(r)) if (p.required === true && typeof p.name === 'string') parameters[p.name] = sampleValue(p, {});
    steps.push({ rpc: { name: r.name, parameters } });
  }
  for (const w of hooksToAttach) steps.push({ detachWebhook: { webhook: w.name } });
  if (conn) steps.push({ deleteConnection: { connection: conn } });
  return { name: 'smoke', description: 'generated from the app: connect, run every module and RPC once, delete the connection', steps };
}
