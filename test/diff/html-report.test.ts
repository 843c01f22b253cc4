import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffApps, formatHtml } from '../../generator/diff/index.ts';
import type { DiffReport } from '../../generator/diff/types.ts';
import { loadApp } from '../../generator/load/index.ts';
import { launchChromium, openWatched } from '../helpers/browser.ts';
import { copyApp, editCode, editOauth, editText, referencePath, reformat } from './student-apps.ts';

let browser: Browser;
const dirs: string[] = [];
const REF = referencePath();

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function studentReport(mutate: (dir: string) => void, behaviour = false): Promise<DiffReport> {
  const dir = copyApp(REF);
  dirs.push(dir);
  mutate(dir);
  return diffApps(loadApp(dir), loadApp(REF), { behaviour, lint: false });
}

/** Opens the page from a file, collecting console errors and any request that leaves the file. */
async function openReport(html: string) {
  const out = mkdtempSync(path.join(tmpdir(), 'diff-html-'));
  dirs.push(out);
  const file = path.join(out, 'report.html');
  writeFileSync(file, html);
  return openWatched(browser, file);
}

describe('the HTML report in headless Chromium', { timeout: 180_000 }, () => {
  it('opens without console errors or network and renders one element per change', async () => {
    const r = await studentReport((d) => {
      reformat(d);
      editText(d, 'connection', 'academy', 'communication', (t) =>
        t.replace(/addMinutes\(now, ?body\.expires_in ?\)/g, 'addSeconds(now, body.expires_in)'),
      );
      editOauth(d, 'refresh', (req) => void delete req.condition);
      editCode(d, 'module', 'searchMovies', 'scope', (v: string[]) => v.filter((s) => s !== 'read'));
      editCode(d, 'module', 'getMovie', 'mappableParams', (v: { label?: string }[]) =>
        v.map((p) => ({ ...p, label: 'Identifier <b>&</b>' })),
      );
    });
    expect(r.counts.breaking).toBeGreaterThan(0);
    expect(r.counts.cosmetic).toBeGreaterThan(0);
    expect(r.counts.equivalent).toBeGreaterThan(0);
    const { page, problems, network } = await openReport(formatHtml(r));
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    expect(await page.locator('.change').count()).toBe(r.changes.length);
    for (const cls of ['breaking', 'behavioural', 'cosmetic', 'equivalent'] as const) {
      expect(await page.locator(`.change[data-class="${cls}"]`).count()).toBe(r.counts[cls]);
    }
    // Every change's code is visible, with both sides side by side.
    const codes = await page.locator('.change .code').allTextContents();
    expect(codes.sort()).toEqual(r.changes.map((c) => c.code).sort());
    expect(await page.locator('.change .sides .side').count()).toBe(2 * r.changes.length);
    // Text from the app is escaped, not interpreted.
    expect(await page.locator('.change b').count()).toBe(0);
    await expect(
      page.locator('.change').filter({ hasText: 'Identifier <b>&</b>' }).count(),
    ).resolves.toBeGreaterThan(0);
    // Collapsible per component, and the class filter hides what is unticked.
    expect(await page.locator('details.component').count()).toBe(
      new Set(r.changes.map((c) => c.component)).size,
    );
    await page.locator('input.filter[value="equivalent"]').uncheck();
    expect(await page.locator('.change[data-class="equivalent"]:visible').count()).toBe(0);
    expect(await page.locator('.change[data-class="breaking"]:visible').count()).toBe(r.counts.breaking);
    expect(await page.locator('#verdict').textContent()).toBe('different');
    await page.close();
  });

  it('an equivalent app renders its verdict and no breaking or behavioural change', async () => {
    const r = await studentReport(reformat);
    const { page, problems } = await openReport(formatHtml(r));
    expect(problems).toEqual([]);
    expect(await page.locator('#verdict').textContent()).toBe('equivalent');
    expect(await page.locator('.change').count()).toBe(r.changes.length);
    expect(
      await page.locator('.change[data-class="breaking"], .change[data-class="behavioural"]').count(),
    ).toBe(0);
    await page.close();
  });

  it('shows every scenario step, side by side, and every behaviour difference', async () => {
    const r = await studentReport((d) => editOauth(d, 'refresh', (req) => void delete req.condition), true);
    expect(r.behaviour.ran).toBe(true);
    const failing = r.behaviour.steps.filter((s) => !s.pass);
    expect(failing.length).toBeGreaterThan(0);
    const { page, problems } = await openReport(formatHtml(r));
    expect(problems).toEqual([]);
    expect(await page.locator('details.step').count()).toBe(r.behaviour.steps.length);
    expect(await page.locator('details.step.fail').count()).toBe(failing.length);
    expect(await page.locator('.step-diff').count()).toBe(
      r.behaviour.steps.reduce((n, s) => n + s.differences.length, 0),
    );
    // a failing step is open and shows both sides
    const first = page.locator('details.step.fail').first();
    expect(await first.getAttribute('open')).not.toBeNull();
    expect(await first.locator('.sides .side').count()).toBe(2);
    expect((await first.locator('.step-diff').allTextContents()).join('\n')).toMatch(
      /only yours sends POST \S+\/refresh/,
    );
    expect(await page.locator('#score').textContent()).toBe(String(r.grade.score));
    await page.close();
  });

  it('puts the grade and summary first, renders Markdown in messages, folds repeats and explains distance', async () => {
    const r = await studentReport((d) =>
      editText(d, 'general', null, 'base', (t) =>
        t.replace('connection.accessToken', 'connection.accesToken'),
      ),
    );
    r.behaviour = {
      ran: true,
      scenarios: ['s'],
      equivalent: false,
      steps: [
        {
          scenario: 's',
          index: 0,
          title: 'run getMovie',
          pass: false,
          distance: 0.5,
          differences: [0, 1, 2].map((i) => ({
            path: `requests[${i}].headers.authorization`,
            message: 'reference "Bearer x", yours "Bearer "',
          })),
          reference: { requests: [] },
          theirs: { requests: [] },
          masked: [],
        },
      ],
    };
    const { page, problems, network } = await openReport(formatHtml(r));
    const order = await page.$$eval('section', (all) => all.map((s) => s.id));
    expect(order.indexOf('grade')).toBeLessThan(order.indexOf('changes'));
    expect(await page.locator('#summary').textContent()).toMatch(/breaking.*scenario steps/);
    // `connection.accesToken` in a message is code, not backticks
    expect(await page.locator('.change .msg code').first().textContent()).toMatch(/connection\./);
    expect(await page.locator('.step-diff').count()).toBe(1);
    expect(await page.locator('.step-diff').textContent()).toMatch(
      /requests\[\*\]\.headers\.authorization.*×3/,
    );
    expect(await page.locator('.help').first().textContent()).toMatch(/distance.*0 = the same/);
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await page.close();
  });
});
