import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

/** Every app folder of the shared corpus (a folder holding several apps contributes each of them). */
export function corpusApps(): string[] {
  const out: string[] = [];
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
    if (isApp(d)) out.push(d);
    else
      for (const sub of readdirSync(d).sort())
        if (statSync(path.join(d, sub)).isDirectory()) out.push(path.join(d, sub));
  }
  return out;
}
