/** The class report page in real headless Chromium: no console errors, no requests, sorting and filters work. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../generator/grade/format/html.ts';
import { summarize } from '../../generator/grade/summary.ts';
import type { ClassReport, StudentRow } from '../../generator/grade/types.ts';
import { launchChromium, openWatched } from '../helpers/browser.ts';

function row(
  p: string,
  grade: number,
  codes: [string, StudentRow['changes'][number]['class']][],
  error?: string,
): StudentRow {
  const counts = { breaking: 0, behavioural: 0, cosmetic: 0, equivalent: 0 };
  for (const [, cls] of codes) counts[cls]++;
  return {
    path: p,
    grade,
    passed: !error && grade >= 60,
    equivalent: codes.length === 0 && !error,
    ...(error ? { error } : {}),
    changes: codes.map(([code, cls]) => ({ code, class: cls, component: 'modules.getMovie' })),
    counts,
    fixes: codes.length ? [`fix ${codes[0][0]}`] : [],
    page: `class-students/${p}.html`,
  };
}

const students = [
  row('carol', 40, [['D-URL-CHANGED', 'breaking']]),
  row('alice', 100, []),
  row('dave<script>alert(1)</script>', 90, [['D-PAGINATION-CHANGED', 'behavioural']]),
  row('bob', 0, [], 'time limit of 60 s exceeded'),
  row('erin', 35, [
    ['D-URL-CHANGED', 'breaking'],
    ['D-SCOPE-MISSING', 'breaking'],
  ]),
];
const report: ClassReport = {
  reportVersion: 1,
  reference: { root: '/ref', lintFindings: 0, scenarios: ['smoke'], scenarioSource: 'smoke' },
  students,
  summary: summarize(students, 60),
};

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(path.join(tmpdir(), 'grade-html-'));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open() {
  const file = path.join(dir, 'class.html');
  writeFileSync(file, formatHtml(report));
  return openWatched(browser, file);
}

const visible = (page: Page) =>
  page.$$eval('#students tbody tr', (rows) =>
    (rows as HTMLTableRowElement[]).filter((r) => !r.hidden).map((r) => r.cells[0].textContent),
  );

describe('the class report in headless Chromium', { timeout: 120_000 }, () => {
  it('opens without console errors or requests, and shows the class at a glance', async () => {
    const { page, problems, network } = await open();
    expect(await page.textContent('#pass-rate')).toMatch(/40%/);
    expect(await page.$$eval('#mistakes tbody tr', (r) => r.length)).toBe(3);
    expect(await page.textContent('#mistakes tbody tr')).toMatch(/D-URL-CHANGED.*breaking.*2/);
    // a student's name is text, never markup
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.getAttribute('#students tbody tr a', 'href')).toBe('class-students/carol.html');
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await page.close();
  });

  it('sorts by a column, both ways', async () => {
    const { page, problems } = await open();
    await page.click('th[data-key="grade"]');
    expect(
      await page.$$eval('#students tbody tr', (rows) =>
        rows.map((r) => Number(r.getAttribute('data-grade'))),
      ),
    ).toEqual([0, 35, 40, 90, 100]);
    await page.click('th[data-key="grade"]');
    expect(await page.getAttribute('th[data-key="grade"]', 'aria-sort')).toBe('descending');
    expect(
      await page.$$eval('#students tbody tr', (rows) =>
        rows.map((r) => Number(r.getAttribute('data-grade'))),
      ),
    ).toEqual([100, 90, 40, 35, 0]);
    await page.click('th[data-key="path"]');
    expect((await visible(page))[0]).toBe('alice');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by name, by result and by mistake (also from the mistakes table)', async () => {
    const { page, problems } = await open();
    await page.fill('#q', 'CAR');
    expect(await visible(page)).toEqual(['carol']);
    await page.fill('#q', '');
    await page.selectOption('#result', 'error');
    expect(await visible(page)).toEqual(['bob']);
    await page.selectOption('#result', '');
    await page.click('button.mistake[data-code="D-URL-CHANGED"]');
    expect(await visible(page)).toEqual(['carol', 'erin']);
    expect(await page.textContent('#shown')).toBe('2 shown');
    expect(problems).toEqual([]);
    await page.close();
  });
});
