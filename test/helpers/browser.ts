import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: the one browser the tests use (no browser download is possible here). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless flags that keep Chromium from reaching for the network it does not have. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Opens a local file in a new page, collecting console errors and warnings and every request that leaves the file. */
export async function openWatched(
  browser: Browser,
  file: string,
): Promise<{ page: import('playwright-core').Page; problems: string[]; network: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const network: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== `file://${file}`) network.push(r.url());
  });
  await page.goto(`file://${file}`);
  return { page, problems, network };
}
