import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'load-sizes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A JSON document of exactly `bytes` UTF-8 bytes (multi-byte characters included when it fits). */
function documentOf(bytes: number): string {
  if (bytes === 0) return '';
  const head = '{"url":"é';
  const fill = bytes - Buffer.byteLength(`${head}"}`);
  return `${head}${'x'.repeat(fill)}"}`;
}

// Small files are read in one call into a reused 256 KiB buffer; larger ones are measured first.
describe('code files of every size around the one-read limit load whole', () => {
  it.each([0, 12, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 700 * 1024])('%i bytes', (bytes) => {
    const root = path.join(tmp, `app-${bytes}`);
    mkdirSync(root, { recursive: true });
    const text = documentOf(bytes);
    writeFileSync(path.join(root, 'c.iml.json'), text);
    writeFileSync(
      path.join(root, 'makecomapp.json'),
      JSON.stringify({
        fileVersion: 1,
        components: { module: { m: { moduleType: 'action', codeFiles: { communication: 'c.iml.json' } } } },
      }),
    );
    const app = loadApp(root);
    const code = app.components.module.m.codes.communication;
    expect(Buffer.byteLength(code?.text ?? '')).toBe(bytes);
    if (bytes > 0) expect(code?.value).toEqual(JSON.parse(text));
    else expect(app.diagnostics.map((d) => d.ruleId)).toContain('load/json-syntax');
  });
});
