import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { launchChromium } from '../helpers/browser.ts';
import { exchange, json, startTestApi, v2 } from './helpers.ts';

/**
 * No host name resolves. Needed, not decoration: after a POST, Chromium first tries the 302
 * target outside request interception (that attempt fails here, locally) and then retries it
 * through page.route, which answers the callback.
 */
const NO_DNS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const CALLBACK = 'https://www.make.com/oauth/cb/app';

let browser: Browser;

/** Clicks a consent button and waits until the page shows the locally answered callback. */
async function clickAndLand(page: Page, button: 'Allow' | 'Deny', callbacks: string[]): Promise<URL> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => callbacks.length, { timeout: 10_000 }).toBe(1);
  await expect
    .poll(() => page.url(), { timeout: 10_000 })
    .toMatch(/^https:\/\/www\.make\.com\/oauth\/cb\/app\?/);
  await page.waitForLoadState();
  return new URL(page.url());
}
let api: AcademyApi;
beforeAll(async () => {
  browser = await launchChromium(NO_DNS);
  api = await startTestApi();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/**
 * A page where the Make callback is answered locally (nothing leaves the machine), every other
 * non-loopback request is refused, and console problems (CSP violations included) are collected.
 */
async function openConsent(state: string): Promise<{ page: Page; problems: string[]; callbacks: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const callbacks: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(api.url)) return route.continue();
    if (url.startsWith(CALLBACK)) {
      callbacks.push(url);
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>callback reached</p>' });
    }
    return route.abort();
  });
  await page.goto(api.authorizeUrl({ state }));
  return { page, problems, callbacks };
}

describe('consent page in headless Chromium', () => {
  it('picks Jane Black, allows, and lands on the redirect URL with a code that works at /token', async () => {
    const { page, problems, callbacks } = await openConsent('browser-state');
    try {
      await expect(page.title()).resolves.toMatch(/Authorize access/);
      await expect(page.getByRole('listitem').allTextContents()).resolves.toEqual(
        expect.arrayContaining([expect.stringMatching(/^connect/), expect.stringMatching(/^delete/)]),
      );
      await page.screenshot({ path: '/tmp/academy-consent.png', fullPage: true });
      await page.getByRole('radio', { name: /Jane Black/ }).check();
      const landed = await clickAndLand(page, 'Allow', callbacks);
      expect(landed.origin + landed.pathname).toBe(CALLBACK);
      expect(landed.searchParams.get('state')).toBe('browser-state');
      const code = landed.searchParams.get('code')!;
      expect(code).toMatch(/^ac_/);
      expect(callbacks).toHaveLength(1);
      expect(await page.textContent('body')).toContain('callback reached');

      const tokens = await json(await exchange(api, code));
      const info = await json(await v2(api, tokens.access_token, 'GET', '/info'));
      expect(info).toMatchObject({ name: 'Jane Black', email: 'jane.black@example.com' });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Deny lands on the redirect URL with error=access_denied and no code', async () => {
    const { page, problems, callbacks } = await openConsent('deny-state');
    try {
      const landed = await clickAndLand(page, 'Deny', callbacks);
      expect(landed.searchParams.get('error')).toBe('access_denied');
      expect(landed.searchParams.get('state')).toBe('deny-state');
      expect(landed.searchParams.has('code')).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('does not submit Allow until an account is chosen (the radios are required)', async () => {
    const { page, callbacks } = await openConsent('unchosen');
    try {
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      expect(await page.$eval('form', (f) => (f as HTMLFormElement).checkValidity())).toBe(false);
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForTimeout(300);
      expect(posts).toEqual([]);
      expect(callbacks).toEqual([]);
      expect(page.url()).toContain('/api/v2/authorize');
    } finally {
      await page.close();
    }
  });

  it('shows the unsafe-error page (400) in the browser instead of redirecting', async () => {
    const page = await browser.newPage();
    try {
      const navigations: string[] = [];
      await page.route('**/*', (route) => {
        navigations.push(route.request().url());
        return route.request().url().startsWith(api.url) ? route.continue() : route.abort();
      });
      const res = await page.goto(api.authorizeUrl({ redirectUri: 'https://evil.example/cb' }));
      expect(res?.status()).toBe(400);
      expect(await page.textContent('body')).toMatch(/not the URI registered/);
      expect(navigations.every((u) => u.startsWith(api.url))).toBe(true);
    } finally {
      await page.close();
    }
  });
});
