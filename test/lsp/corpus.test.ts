import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../generator/workflow/index.ts';
import { CORPUS, corpusApps, corpusAvailable } from '../corpus/corpus-apps.ts';
import { LspClient } from './lsp-client.ts';

const available = corpusAvailable;

/** Local-dev corpus apps and one module communication file of each. */
function cases(): { app: string; file: string }[] {
  if (!available) return [];
  const out: { app: string; file: string }[] = [];
  for (const app of corpusApps()) {
    if (!existsSync(path.join(app, 'makecomapp.json')) || !existsSync(path.join(app, 'modules'))) continue;
    const mod = readdirSync(path.join(app, 'modules'), { withFileTypes: true }).find((d) => d.isDirectory());
    const dir = mod && path.join(app, 'modules', mod.name);
    const comm = dir && readdirSync(dir).find((f) => f.endsWith('communication.iml.json'));
    if (dir && comm) out.push({ app, file: path.join(dir, comm) });
  }
  return out.slice(0, 6);
}

let client: LspClient;
beforeAll(async () => {
  if (available) client = await LspClient.start(CORPUS);
}, 60_000);
afterAll(async () => client?.stop());

describe.skipIf(!available)('corpus apps: the server reports what make-app lint reports', () => {
  it.each(cases())('$file', async ({ app, file }) => {
    const got = await client.open(file);
    const cli = lint({ paths: [app], cwd: app }).diagnostics.filter(
      (d) => path.resolve(app, d.file) === file,
    );
    const key = (code: string, line: number, col: number) => `${code}@${line}:${col}`;
    expect(got.map((d) => key(d.code, d.range.start.line + 1, d.range.start.character + 1)).sort()).toEqual(
      cli.map((d) => key(d.ruleId, d.line, d.column)).sort(),
    );
  });
});
