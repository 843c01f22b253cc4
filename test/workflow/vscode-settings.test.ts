/** `make-app schemas --vscode`: json.schemas associations merged into the user's settings, never clobbering them. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-vscode-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function workspace(name: string, settings?: string): string {
  const dir = path.join(work, name);
  cpSync('dist-app', path.join(dir, 'dist-app'), { recursive: true });
  if (settings !== undefined) {
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), settings);
  }
  return dir;
}

describe('make-app schemas --vscode', () => {
  it('associates every code file of a local-dev app with its schema', async () => {
    const dir = workspace('fresh');
    const r = await runCli(['schemas', path.join(dir, 'dist-app'), '--vscode', dir]);
    expect(r.code, r.err).toBe(0);
    const settings = parse(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'));
    const byUrl = new Map<string, string[]>(
      settings['json.schemas'].map((e: { url: string; fileMatch: string[] }) => [e.url, e.fileMatch]),
    );
    const base = './node_modules/make-app-toolkit/schemas';
    expect(byUrl.get(`${base}/makecomapp.schema.json`)).toEqual(['dist-app/makecomapp.json']);
    // a module's communication schema depends on its type: listed per file
    expect(byUrl.get(`${base}/module-communication-search.schema.json`)).toContain(
      'dist-app/modules/search-movies/search-movies.communication.iml.json',
    );
    // a type-independent code type is one glob (new modules are covered too)
    expect(byUrl.get(`${base}/module-mappable-params.schema.json`)).toEqual([
      'dist-app/modules/**/*.mappable-params.iml.json',
    ]);
  });

  it('keeps the user settings, comments and foreign schema entries; a second run replaces only ours', async () => {
    const mine =
      '{\n  // my comment\n  "editor.tabSize": 4,\n  "json.schemas": [{ "fileMatch": ["x.json"], "url": "./x.json" }]\n}\n';
    const dir = workspace('merge', mine);
    await runCli(['schemas', path.join(dir, 'dist-app'), '--vscode', dir]);
    await runCli(['schemas', path.join(dir, 'dist-app'), '--vscode', dir]);
    const text = readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8');
    expect(text).toContain('// my comment');
    const settings = parse(text);
    expect(settings['editor.tabSize']).toBe(4);
    const urls = settings['json.schemas'].map((e: { url: string }) => e.url);
    expect(urls[0]).toBe('./x.json');
    expect(new Set(urls).size).toBe(urls.length); // no duplicates after the second run
  });

  it('refuses a settings file that is not a JSON object and leaves it alone', async () => {
    const dir = workspace('broken', '[1, 2');
    const r = await runCli(['schemas', path.join(dir, 'dist-app'), '--vscode', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('settings.json');
    expect(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8')).toBe('[1, 2');
  });
});

describe('make-app schemas --vscode into a system folder', () => {
  it('is refused before anything is written', async () => {
    const r = await runCli(['schemas', 'dist-app', '--vscode', '/proc']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^make-app: --vscode .*system/m);
  });
});
