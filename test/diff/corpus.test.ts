import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../generator/cli/errors.ts';
import { diffApps } from '../../generator/diff/index.ts';
import { CHANGE_CLASSES } from '../../generator/diff/types.ts';
import { loadApp } from '../../generator/load/index.ts';
import type { AppModel } from '../../generator/model/app.ts';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';
import { referencePath } from './student-apps.ts';

/** Every real app of the corpus the loader accepts (folders holding several apps are listed one level down). */
function corpusApps(): [string, AppModel][] {
  const out: [string, AppModel][] = [];
  const tryLoad = (dir: string, depth: number) => {
    try {
      out.push([path.relative(CORPUS, dir), loadApp(dir)]);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (depth > 0) return;
      for (const sub of readdirSync(dir))
        if (statSync(path.join(dir, sub)).isDirectory()) tryLoad(path.join(dir, sub), depth + 1);
    }
  };
  for (const name of corpusAvailable ? readdirSync(CORPUS).sort() : []) {
    const dir = path.join(CORPUS, name);
    if (statSync(dir).isDirectory()) tryLoad(dir, 0);
  }
  return out;
}

const APPS = corpusApps();
const reference = loadApp(referencePath());

describe.skipIf(!corpusAvailable)('diff on every real app of the corpus', { timeout: 120_000 }, () => {
  it('finds apps to run on', () => {
    expect(APPS.length).toBeGreaterThan(10);
  });

  it.each(APPS)(
    '%s: no differences with itself, well-formed changes against the reference',
    async (_name, app) => {
      const self = await diffApps(app, app, { behaviour: false, lint: false });
      expect(self.changes).toEqual([]);
      expect(self.verdict).toBe('equivalent');
      const r = await diffApps(app, reference, { behaviour: false, lint: false });
      expect(r.verdict).toBe('different');
      for (const c of r.changes) {
        expect(c.code).toMatch(/^D-[A-Z]+(-[A-Z]+)*$/);
        expect(CHANGE_CLASSES).toContain(c.class);
        expect(c.message.length).toBeGreaterThan(10);
        for (const loc of [c.reference.location, c.theirs.location])
          if (loc) expect(loc.line).toBeGreaterThanOrEqual(1);
        expect(c.reference.present || c.theirs.present).toBe(true);
      }
    },
  );
});
