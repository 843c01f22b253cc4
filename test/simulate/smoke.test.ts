/**
 * The generated SMOKE scenario: the reference app passes it end to end; every real app of the
 * corpus runs it without crashing, each failing step carrying a clear Make error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { simulateApp, smokeScenario } from '../../generator/simulate/index.ts';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

const root = join(__dirname, '../..');
const corpus = CORPUS;

/** App roots of the corpus, read from INDEX.md (folder column, app root in repo). */
function corpusApps(): string[] {
  if (!existsSync(join(corpus, 'INDEX.md'))) return [];
  const rows = readFileSync(join(corpus, 'INDEX.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| `'));
  return rows.map((r) => join(corpus, /\| `([^`]+)`/.exec(r)![1])).filter((p) => existsSync(p));
}

describe('smoke scenario', () => {
  it('is generated from the reference app: connect, every module and RPC, delete', () => {
    const app = loadApp(join(root, 'dist-app'));
    const sc = smokeScenario(app);
    const kinds = sc.steps.map((s) => Object.keys(s)[0]);
    expect(kinds[0]).toBe('connect');
    expect(kinds.at(-1)).toBe('deleteConnection');
    const ran = sc.steps.flatMap((s) => ('run' in s ? [s.run.module] : 'rpc' in s ? [s.rpc.name] : []));
    expect(ran.sort()).toEqual(
      [...Object.keys(app.components.module), ...Object.keys(app.components.rpc)].sort(),
    );
  });

  it('passes on the reference app against the embedded API', async () => {
    const rep = await simulateApp(loadApp(join(root, 'dist-app')));
    const failed = rep.scenarios[0].steps
      .filter((s) => s.status === 'fail')
      .map((s) => `${s.label}: ${s.error?.message}`);
    expect(failed).toEqual([]);
    expect(rep.summary.steps).toBeGreaterThan(20);
  }, 60_000);

  it('two runs with the same seed give byte-identical reports (what the differ relies on)', async () => {
    const app = loadApp(join(root, 'dist-app'));
    const a = await simulateApp(app, { seed: 5 });
    const b = await simulateApp(app, { seed: 5 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 60_000);

  const apps = corpusApps();
  it.skipIf(!corpusAvailable)('finds the corpus', () => expect(apps.length).toBeGreaterThan(10));
  it.each(apps.map((a) => [a.slice(corpus.length + 1), a]))(
    'runs on corpus app %s without crashing',
    async (_name, dir) => {
      const app = loadApp(dir);
      const rep = await simulateApp(app);
      expect(rep.scenarios).toHaveLength(1);
      for (const st of rep.scenarios[0].steps) {
        if (st.status === 'fail') {
          expect(st.error ?? st.failures[0], st.label).toBeTruthy();
          const text = st.error ? `${st.error.type}: ${st.error.message}` : st.failures[0];
          expect(text).not.toMatch(/at .*\.ts:\d+|TypeError|undefined is not|Cannot read/);
        }
      }
    },
    60_000,
  );
});
