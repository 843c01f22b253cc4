import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyReferenceApp } from './fixture.ts';
import { LspClient, positionOf, uri } from './lsp-client.ts';

let client: LspClient;
let workspace: string;
let app: string;
const comm = () => path.join(app, 'modules/get-movie/get-movie.communication.iml.json');
const params = () => path.join(app, 'modules/get-movie/get-movie.mappable-params.iml.json');

beforeAll(async () => {
  ({ workspace, app } = copyReferenceApp());
  client = await LspClient.start(workspace);
}, 60_000);
afterAll(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe('diagnostics', () => {
  it('a clean document of the reference app gets an empty report on open', async () => {
    expect(await client.open(comm())).toEqual([]);
  });

  it('a misspelt parameter in the unsaved buffer is reported with its rule id and exact range', async () => {
    const text = readFileSync(comm(), 'utf8').replace('movieId', 'movieID');
    const diags = await client.change(comm(), text);
    expect(diags.map((d) => d.code)).toEqual(['iml/undeclared-parameter']);
    const start = positionOf(text, 'parameters.movieID');
    expect(diags[0].range).toEqual({ start, end: { ...start, character: start.character + 18 } });
    expect(diags[0].severity).toBe(1);
    expect(diags[0].source).toBe('make-app');
  });

  it('fixing the buffer clears the finding', async () => {
    expect(await client.change(comm(), readFileSync(comm(), 'utf8'))).toEqual([]);
  });

  it('renaming a parameter in the mappable-params buffer updates the communication file (cross-file)', async () => {
    await client.open(params());
    const commNext = client.nextDiagnostics(comm());
    await client.change(params(), readFileSync(params(), 'utf8').replace('"movieId"', '"filmId"'));
    const diags = await commNext;
    expect(diags.map((d) => d.code)).toEqual(['iml/undeclared-parameter']);
    expect(diags[0].message).toContain('filmId');
  });

  it('closing the unsaved buffer makes the disk text count again', async () => {
    const commNext = client.nextDiagnostics(comm());
    await client.close(params());
    expect(await commNext).toEqual([]);
  });

  it('the config file turns a rule off, as for make-app lint', async () => {
    writeFileSync(
      path.join(app, 'make-app.config.json'),
      '{ "rules": { "iml/undeclared-parameter": "off", "iml/unused-parameter": "off" } }',
    );
    const text = readFileSync(comm(), 'utf8').replace('movieId', 'movieID');
    expect(await client.change(comm(), text)).toEqual([]);
    rmSync(path.join(app, 'make-app.config.json'));
    expect((await client.change(comm(), `${text} `)).map((d) => d.code)).toEqual([
      'iml/undeclared-parameter',
    ]);
  });

  it('an inline disable comment suppresses the finding on the next line', async () => {
    const text = readFileSync(comm(), 'utf8')
      .replace('movieId', 'movieID')
      .replace('  "url"', '  // make-app-disable-next-line iml/undeclared-parameter\n  "url"');
    expect(await client.change(comm(), text)).toEqual([]);
  });
});

describe('robustness', () => {
  it('malformed JSON mid-typing gives a syntax finding and the server keeps answering', async () => {
    const diags = await client.change(comm(), '{ "url": "/movies/{{parameters.');
    expect(diags.some((d) => d.code.startsWith('load/json'))).toBe(true);
    const hover = await client.request('textDocument/hover', comm(), { line: 0, character: 25 });
    expect(hover === null || typeof hover === 'object').toBe(true);
  });

  it('hostile IML (deep nesting, huge text) gives findings, not a crash', async () => {
    const deep = `{ "url": "{{${'('.repeat(5000)}1${')'.repeat(5000)}}}", "method": "GET" }`;
    const diags = await client.change(comm(), deep);
    expect(diags.length).toBeGreaterThan(0);
    const unclosed = await client.change(comm(), `{ "url": "{{ ${'{{'.repeat(2000)}", "method": "GET" }`);
    expect(unclosed.length).toBeGreaterThan(0);
    await client.change(comm(), readFileSync(comm(), 'utf8'));
  });

  it('a file outside any app gets no findings and no hover, and does not disturb the server', async () => {
    const stray = path.join(workspace, 'notes.json');
    writeFileSync(stray, '{ "a": "{{parameters.x}}" }');
    await client.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(stray), languageId: 'json', version: 1, text: '{ "a": "{{parameters.x}}" }' },
    });
    expect(await client.request('textDocument/hover', stray, { line: 0, character: 12 })).toBeNull();
    expect(await client.request('textDocument/definition', stray, { line: 0, character: 12 })).toBeNull();
    expect(client.diagnostics.has(uri(stray))).toBe(false);
  });

  it('a client that disconnects without exit ends the server quietly', async () => {
    const other = await LspClient.start(workspace);
    const exited = new Promise<number | null>((resolve) => other.child.on('exit', (code) => resolve(code)));
    other.child.stdin?.end();
    // LSP: an end without `shutdown` exits with 1; what matters is that it ends, without a stack trace
    expect([0, 1]).toContain(await exited);
    expect(other.stderr.join('')).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
