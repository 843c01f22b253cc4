import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffApps } from '../../generator/diff/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import { referencePath, writeBundle, writeImljsonExport } from './student-apps.ts';

const REF = referencePath();
const reference = loadApp(REF);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('the student app can come in any layout the loader reads', () => {
  it.each([
    ['a single-file bundle', () => writeBundle(reference), 'bundle'],
    ['an older .imljson export', () => writeImljsonExport(reference), 'imljson-export'],
  ])('%s of the reference compares as the same app', async (_name, write, layout) => {
    const target = write();
    made.push(target.endsWith('.json') ? path.dirname(target) : target);
    const theirs = loadApp(target);
    expect(theirs.layout).toBe(layout);
    const r = await diffApps(theirs, reference, { behaviour: false, lint: false });
    expect(
      r.changes.filter((c) => c.class !== 'equivalent').map((c) => [c.code, c.component, c.path]),
    ).toEqual([]);
    expect(r.verdict).toBe('equivalent');
  });

  it('a change inside a bundle is located in the bundle file at its line', async () => {
    const file = writeBundle(reference, (b) => {
      const comm = b.components.module.getMovie.codes.communication;
      const req = Array.isArray(comm) ? comm[comm.length - 1] : comm;
      req.method = 'POST';
    });
    made.push(path.dirname(file));
    const r = await diffApps(loadApp(file), reference, { behaviour: false, lint: false });
    const ch = r.changes.find((c) => c.code === 'D-METHOD-CHANGED');
    expect(ch).toMatchObject({ class: 'breaking', component: 'modules.getMovie' });
    expect(ch?.theirs.location?.file).toBe('app.bundle.json');
    expect(ch?.theirs.location?.line).toBeGreaterThan(1);
    expect(ch?.theirs.location?.pointer).toMatch(/^\/components\/module\/getMovie\/codes\/communication/);
    expect(ch?.reference.location?.file).toMatch(/get-movie/);
  });
});
