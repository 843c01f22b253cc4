import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export { CORPUS, corpusAvailable } from '../helpers/shared.ts';

import { CORPUS } from '../helpers/shared.ts';

/** Every app folder of the shared corpus (a folder holding several apps contributes each of them). */
export function corpusApps(): string[] {
  const out: string[] = [];
  if (!existsSync(CORPUS)) return out;
  const isApp = (d: string) =>
    [
      'makecomapp.json',
      'metadata.json',
      'base.imljson',
      'modules',
      'connections',
      'webhooks',
      'general',
    ].some((f) => existsSync(path.join(d, f)));
  for (const name of readdirSync(CORPUS).sort()) {
    const d = path.join(CORPUS, name);
    if (!statSync(d).isDirectory()) continue;
    const subs = readdirSync(d)
      .sort()
      .map((s) => path.join(d, s))
      .filter((s) => statSync(s).isDirectory());
    // a folder of several apps (each sub-folder an app); anything else is one app, whatever its layout
    if (!isApp(d) && subs.length > 0 && subs.every(isApp)) out.push(...subs);
    else out.push(d);
  }
  return out;
}
