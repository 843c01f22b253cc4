import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { diffApps } from '../../generator/diff/index.ts';
import type { DiffReport } from '../../generator/diff/types.ts';
import { loadApp } from '../../generator/load/index.ts';
import {
  copyApp,
  editCode,
  editManifest,
  editOauth,
  editText,
  referencePath,
  reformat,
} from './student-apps.ts';

const REF = referencePath();
const reference = loadApp(REF);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Structure and behaviour: the reference runs twice (two seeds, two clocks), the student's app once. */
async function diffStudent(mutate: (dir: string) => void): Promise<DiffReport> {
  const dir = copyApp(REF);
  made.push(dir);
  mutate(dir);
  return diffApps(loadApp(dir), reference, { lint: false });
}

function allDifferences(r: DiffReport) {
  return r.behaviour.steps.flatMap((s) => s.differences.map((d) => ({ step: s, ...d })));
}

describe('behaviour: the same scenarios on both apps against the embedded API', { timeout: 180_000 }, () => {
  it('an app formatted differently behaves the same, with the noise of the two reference runs masked', async () => {
    const r = await diffStudent(reformat);
    expect(r.behaviour.ran, r.behaviour.note).toBe(true);
    expect(r.behaviour.steps.length).toBeGreaterThan(3);
    expect(r.behaviour.steps.filter((s) => !s.pass).map((s) => [s.title, s.differences])).toEqual([]);
    expect(r.behaviour.equivalent).toBe(true);
    // timestamps/ids/tokens differ between two reference runs: masked, not reported
    expect(r.behaviour.steps.some((s) => s.masked.length > 0)).toBe(true);
    expect(r.verdict).toBe('equivalent');
    expect(r.grade.steps.every((s) => s.pass)).toBe(true);
  });

  it('components renamed by the student still run the reference scenarios (matched by what they do)', async () => {
    const r = await diffStudent((d) =>
      editManifest(d, (m) => {
        m.components.module.findMovies = m.components.module.searchMovies;
        delete m.components.module.searchMovies;
        m.components.connection.myAcademy = m.components.connection.academy;
        delete m.components.connection.academy;
        for (const kind of ['module', 'rpc', 'webhook'])
          for (const c of Object.values(m.components[kind] ?? {}) as { connection?: string }[])
            if (c.connection === 'academy') c.connection = 'myAcademy';
      }),
    );
    expect(r.matches.find((m) => m.reference === 'searchMovies')?.theirs).toBe('findMovies');
    expect(r.matches.find((m) => m.reference === 'academy')?.theirs).toBe('myAcademy');
    expect(r.counts.breaking + r.counts.behavioural).toBe(0);
    expect(r.behaviour.ran).toBe(true);
    expect(r.behaviour.steps.filter((s) => !s.pass).map((s) => [s.title, s.differences])).toEqual([]);
    expect(r.behaviour.equivalent).toBe(true);
  });

  it('expiry in seconds makes the student refresh where the reference does not', async () => {
    const r = await diffStudent((d) =>
      editText(d, 'connection', 'academy', 'communication', (t) =>
        t.replace(/addMinutes\(now, ?body\.expires_in\)/g, 'addSeconds(now, body.expires_in)'),
      ),
    );
    expect(r.behaviour.equivalent).toBe(false);
    const extra = allDifferences(r).filter(
      (d) => d.path.startsWith('yours.requests') && /\/refresh/.test(d.message),
    );
    expect(extra.length).toBeGreaterThan(0);
    expect(r.behaviourEquivalent).toBe(false);
  });

  it('a typo in connection.accessToken makes API calls fail with 401 where the reference succeeds', async () => {
    const r = await diffStudent((d) =>
      editText(d, 'general', null, 'base', (t) =>
        t.replace('connection.accessToken', 'connection.accesToken'),
      ),
    );
    const errs = allDifferences(r).filter((d) => d.path === 'error.message');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs[0].reference).toBeUndefined();
    expect(String(errs[0].theirs)).toMatch(/401/);
    expect(r.grade.steps.some((s) => !s.pass)).toBe(true);
  });

  it('a token request without redirect_uri cannot connect', async () => {
    const r = await diffStudent((d) =>
      editOauth(d, 'token', (req) => void delete (req.body ?? req.qs).redirect_uri),
    );
    const connect = r.behaviour.steps.find((s) => /connect/.test(s.title) && !s.pass);
    expect(connect, JSON.stringify(r.behaviour.steps.slice(0, 2))).toBeDefined();
    // the API refuses the code exchange (the reference app maps the message; a bare app shows the status)
    expect(connect?.theirs.error).toMatch(/redirect_uri|400/);
    expect(connect?.reference.error).toBeUndefined();
  });

  it('a wrong pagination condition requests another number of pages', async () => {
    const r = await diffStudent((d) =>
      editCode(d, 'module', 'searchMovies', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        const cond: string = req.pagination.condition;
        req.pagination.condition = cond.includes('>=') ? cond.replace('>=', '>') : cond.replace('<', '<=');
      }),
    );
    const pages = allDifferences(r).filter(
      (d) => d.path === 'requests.length' && d.step.component === 'modules.searchMovies',
    );
    expect(pages.length).toBeGreaterThan(0);
    expect(pages[0].reference).not.toBe(pages[0].theirs);
  });
});
