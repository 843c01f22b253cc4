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
