/**
 * The SMOKE scenario, generated from the app itself so any app runs with no setup: create the
 * connection, attach webhooks, run every module once (creating modules first so later ones can use
 * the ids they produced), call every RPC, detach, delete the connection.
 */
import { type AppModel, type Component, isPlainObject, setOwn } from '../model/index.ts';
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

/** Required id-like parameters without a default: such modules run after the ones that list records. */
function idParams(c: Component): string[] {
  return parameterDefs(c)
    .filter(
      (p) =>
        p.required === true && p.default === undefined && typeof p.name === 'string' && /id$/i.test(p.name),
    )
    .map((p) => p.name as string);
}

/**
 * A reference to an id an earlier step produced: for `movieId`, the newest earlier step of a
 * module whose name mentions "movie" (creating modules preferred); for a bare `id`, the newest creator.
 */
function idReference(param: string, earlier: { index: number; module: Component }[]): string | undefined {
  const stem = param.replace(/_?id$/i, '').toLowerCase();
  // Modules whose samples show no `id` (e.g. an upload answering {name, size}) cannot provide one.
  const mentions = earlier.filter(
    (e) => stem !== '' && e.module.name.toLowerCase().includes(stem) && samplesMayHaveId(e.module),
  );
  const pick =
    [...mentions].reverse().find((e) => rank(e.module) === 0) ??
    [...mentions].reverse()[0] ??
    (stem === '' ? [...earlier].reverse().find((e) => rank(e.module) === 0) : undefined);
  return pick ? `\${step${pick.index}.id}` : undefined;
}

function samplesMayHaveId(c: Component): boolean {
  const v = c.codes.samples?.value;
  const first = Array.isArray(v) ? v[0] : v;
  return !isPlainObject(first) || Object.keys(first).length === 0 || 'id' in first;
}

/** For a universal module's path parameter: a path its help text shows, else the first fixed module URL. */
function examplePath(p: Record<string, unknown>, app: AppModel): string | undefined {
  const fromHelp = /`(\/[^`\s]*)`/.exec(String(p.help ?? ''))?.[1];
  if (fromHelp) return fromHelp;
  for (const m of Object.values(app.components.module)) {
    const comm = m.codes.communication?.value;
    const url = isPlainObject(comm) ? comm.url : undefined;
    if (
      typeof url === 'string' &&
      url.startsWith('/') &&
      !url.includes('{{') &&
      (comm as Record<string, unknown>).method !== 'POST'
    )
      return url;
  }
  return undefined;
}

/** A plausible value for a required parameter, preferring the parameter's default, then the samples. */
function sampleValue(p: Record<string, unknown>, samples: Record<string, unknown>): unknown {
  const name = String(p.name ?? '');
  if (p.default !== undefined) return p.default;
  if (samples[name] !== undefined && (typeof samples[name] !== 'object' || samples[name] === null))
    return samples[name];
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
  const used = new Set(
    Object.values(app.components.module)
      .map((m) => m.connection)
      .filter((c): c is string => !!c),
  );
  const conn = connections.find((c) => used.has(c)) ?? connections[0];
  if (conn) steps.push({ connect: { as: 'john', connection: conn } });
  const hooksToAttach = Object.values(app.components.webhook).filter(
    (w) => w.codes.attach?.value !== undefined && (!w.connection || w.connection === conn),
  );
  for (const w of hooksToAttach) steps.push({ attachWebhook: { webhook: w.name } });
  const modules = Object.values(app.components.module).sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(idParams(a).length > 0) - Number(idParams(b).length > 0) ||
      a.name.localeCompare(b.name),
  );
  const earlier: { index: number; module: Component }[] = [];
  for (const m of modules) {
    const samples = isPlainObject(m.codes.samples?.value)
      ? (m.codes.samples!.value as Record<string, unknown>)
      : {};
    if (m.moduleType === 'instant_trigger') {
      steps.push({ run: { module: m.name, payload: samples } });
      continue;
    }
    const parameters: Record<string, unknown> = {};
    for (const p of parameterDefs(m)) {
      if (p.required !== true || typeof p.name !== 'string') continue;
      const ref = idParams(m).includes(p.name) ? idReference(p.name, earlier) : undefined;
      const path = m.moduleType === 'universal' && /url|path/i.test(p.name) ? examplePath(p, app) : undefined;
      setOwn(parameters, p.name, ref ?? path ?? sampleValue(p, samples));
    }
    steps.push({ run: { module: m.name, parameters } });
    earlier.push({ index: steps.length, module: m });
  }
  for (const r of Object.values(app.components.rpc).sort((a, b) => a.name.localeCompare(b.name))) {
    const parameters: Record<string, unknown> = {};
    for (const p of parameterDefs(r))
      if (p.required === true && typeof p.name === 'string') setOwn(parameters, p.name, sampleValue(p, {}));
    // an RPC feeds a field from the API: one that sends nothing is a mistake worth a failing step
    steps.push({ rpc: { name: r.name, parameters, expect: { sendsRequest: true } } });
  }
  for (const w of hooksToAttach) steps.push({ detachWebhook: { webhook: w.name } });
  if (conn) steps.push({ deleteConnection: { connection: conn } });
  return {
    name: 'smoke',
    description: 'generated from the app: connect, run every module and RPC once, delete the connection',
    steps,
  };
}
