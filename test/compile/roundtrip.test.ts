import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { semanticView } from '../../generator/compile/import/semantic.ts';
import { importApp, importAppDefinition, renderApp } from '../../generator/compile/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import { CORPUS, corpusApps } from './corpus-apps.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-roundtrip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** import → TypeScript → compile in-process (no tsc) → load the JSON again. */
async function roundTrip(source: string, label: string) {
  const original = loadApp(source);
  const dir = path.join(work, label.replace(/[^A-Za-z0-9]+/g, '_'));
  importApp(original, { out: path.join(dir, 'src') });
  const { app } = await importAppDefinition(path.join(dir, 'src', 'app-src'));
  const { files } = renderApp(app, { projectRoot: dir });
  const out = path.join(dir, 'out');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), text);
  }
  return { before: semanticView(original), after: semanticView(loadApp(out)) };
}

describe('import then build gives back the same JSON', { timeout: 120_000 }, () => {
  it('for the reference app (dist-app)', async () => {
    const { before, after } = await roundTrip('dist-app', 'reference');
    expect(after).toEqual(before);
    expect(Object.keys(before.components.module!)).toHaveLength(16);
  });

  it('for the reference app read from its single-file bundle', async () => {
    const { before, after } = await roundTrip('dist-app/app.bundle.json', 'reference-bundle');
    expect(after).toEqual(before);
    expect(before).toEqual(semanticView(loadApp('dist-app')));
  });

  for (const app of corpusApps()) {
    const label = path.relative(CORPUS, app);
    it(`for corpus app ${label}`, async () => {
      const { before, after } = await roundTrip(app, label);
      expect(after).toEqual(before);
    });
  }
});
