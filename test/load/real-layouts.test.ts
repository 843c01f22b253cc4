/**
 * The three layouts seen in public apps that were once mis-read: a flat folder of
 * `<kind>.<id>.<code>.imljson` files, a makecomapp.json listing only some keys, and a single
 * `connection/` folder. Every file is loaded into a component (none left unchecked) and lint
 * raises no error and no metadata warning the layout cannot act on.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import type { AppModel } from '../../generator/model/index.ts';
import { lintApp } from '../../generator/validate/index.ts';

const fixture = (name: string) => loadApp(path.join(import.meta.dirname, '../fixtures/load', name));

function componentCodes(app: AppModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [kind, items] of Object.entries(app.components))
    for (const [name, c] of Object.entries(items)) out[`${kind}.${name}`] = Object.keys(c.codes).sort();
  return out;
}

const METADATA_RULES = ['structure/missing-label', 'structure/missing-description', 'schema/module-type'];

describe.each([
  [
    'flat <kind>.<id>.<code>.imljson files',
    'flat-dotted',
    {
      'connection.connection': ['communication', 'params'],
      'module.getNote': ['communication', 'interface', 'mappableParams'],
      'webhook.noteEvents': ['attach', 'communication', 'detach'],
    },
  ],
  [
    'makecomapp.json with only origins',
    'partial-manifest',
    {
      'connection.notesKey': ['communication', 'params'],
      'module.createNote': ['communication', 'mappableParams'],
    },
  ],
  [
    'one connection/ folder',
    'single-connection-folder',
    {
      'connection.notes': ['communication', 'params'],
      'module.listNotes': ['communication', 'interface', 'mappableParams'],
    },
  ],
])('%s', (_name, folder, expected) => {
  const app = fixture(folder);
  it('loads every component with its codes and the base', () => {
    expect(componentCodes(app)).toEqual(expected);
    expect(app.general.base?.value).toBeDefined();
  });
  it('leaves no file unreferenced', () => {
    expect(app.diagnostics.filter((d) => d.ruleId === 'load/unreferenced-file')).toEqual([]);
  });
  it('lints without errors or metadata warnings the layout cannot hold', () => {
    const found = lintApp(app).diagnostics;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => METADATA_RULES.includes(d.ruleId))).toEqual([]);
  });
});

describe('incomplete manifest', () => {
  it('gives one finding naming what was found in the folders', () => {
    const found = fixture('partial-manifest').diagnostics.filter((d) => d.file === 'makecomapp.json');
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['load/incomplete-manifest', 'warning']]);
    expect(found[0].message).toContain('2 components and the base');
  });
});

describe('one connection/ folder', () => {
  it('is one connection named as the modules name it, not "communication" and "parameters"', () => {
    const app = fixture('single-connection-folder');
    expect(Object.keys(app.components.connection)).toEqual(['notes']);
    const lint = lintApp(app).diagnostics;
    expect(lint.filter((d) => d.ruleId === 'iml/unknown-connection-data')).toEqual([]);
  });
});
