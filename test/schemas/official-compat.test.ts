import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadApp, parseJsonDocument } from '../../generator/load/index.ts';
import { explain } from '../../generator/validate/schema/explain.ts';
import { validateSchemas } from '../../generator/validate/schema/index.ts';
import { schemaFile } from '../../generator/validate/schema/registry.ts';
import { CORPUS, corpusAvailable, sharedFile } from '../helpers/shared.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OFFICIAL = sharedFile('reference/official/makecomapp.schema.json');
const available = corpusAvailable && existsSync(OFFICIAL);

const official = available
  ? new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
      JSON.parse(readFileSync(OFFICIAL, 'utf8')),
    )
  : undefined;

const KINDS = ['connection', 'webhook', 'module', 'rpc', 'function', 'endpoint'];
const accepted: string[] = [];

/** What Make's extension does on load: adds the component kinds a manifest lacks (empty). */
function migrate(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = structuredClone(value) as {
    components?: Record<string, unknown>;
    origins?: { idMapping?: Record<string, unknown> }[];
  };
  if (v.components && typeof v.components === 'object' && !Array.isArray(v.components)) {
    for (const k of KINDS) v.components[k] ??= {};
  }
  for (const o of Array.isArray(v.origins) ? v.origins : []) {
    if (o?.idMapping && typeof o.idMapping === 'object') for (const k of KINDS) o.idMapping[k] ??= [];
  }
  return v;
}

function manifests(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && depth < 2) walk(path.join(dir, e.name), depth + 1);
      else if (e.name === 'makecomapp.json') found.push(path.join(dir, e.name));
    }
  };
  if (available) walk(CORPUS, 0);
  return found.sort();
}

describe.skipIf(!available)('our makecomapp schema against Make’s published one', () => {
  it('our examples are valid for Make’s schema too (what we accept, Make’s tooling opens)', () => {
    const ours = JSON.parse(readFileSync(schemaFile('makecomapp'), 'utf8')) as { examples: unknown[] };
    for (const e of ours.examples) expect(official!(e), JSON.stringify(official!.errors)).toBe(true);
  });

  it.each(manifests().map((m) => [path.relative(CORPUS, m), m]))(
    '%s: whatever Make’s schema accepts we accept too, apart from component ids Make checks on load',
    (_rel, file) => {
      const value = migrate(parseJsonDocument(readFileSync(file, 'utf8'), 'makecomapp.json').value);
      if (!official!(value)) return; // Make rejects it even after migration: nothing to compare
      accepted.push(file);
      const ours = explain('makecomapp', value, 'makecomapp.json').filter(
        (f) => !/ is not a valid \w+ id/.test(f.message),
      );
      expect(ours).toEqual([]);
    },
  );

  it('the comparison is not vacuous: Make accepts most corpus manifests once migrated', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(10);
  });

  it('the compiled reference app (dist-app) loads and passes every schema', () => {
    const app = loadApp(path.join(ROOT, 'dist-app'));
    expect(app.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateSchemas(app)).toEqual([]);
  });
});
