/**
 * With a client that watches the disk, the server keeps the disk texts between lints and reads a
 * file again only when the client reports it changed: every reported change must show.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyReferenceApp } from './fixture.ts';
import { LspClient, uri as uriOf } from './lsp-client.ts';

let client: LspClient;
let workspace: string;
let app: string;
const comm = () => path.join(app, 'modules/get-movie/get-movie.communication.iml.json');
const params = () => path.join(app, 'modules/get-movie/get-movie.mappable-params.iml.json');
const manifest = () => path.join(app, 'makecomapp.json');

beforeAll(async () => {
  ({ workspace, app } = copyReferenceApp());
  client = await LspClient.start(workspace, { watchFiles: true });
}, 60_000);
afterAll(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe('changes on disk reported by a watching client', () => {
  it('a parameter renamed on disk in a closed file shows in the open communication file', async () => {
    expect(await client.open(comm())).toEqual([]);
    const original = readFileSync(params(), 'utf8');
    writeFileSync(params(), original.replace('"movieId"', '"filmId"'));
    const next = client.nextDiagnostics(comm());
    await client.diskChanged([{ file: params(), type: 2 }]);
    expect((await next).map((d) => d.code)).toEqual(['iml/undeclared-parameter']);
    writeFileSync(params(), original);
    const fixed = client.nextDiagnostics(comm());
    await client.diskChanged([{ file: params(), type: 2 }]);
    expect(await fixed).toEqual([]);
  });

  it('an unreported change is not read: unchanged files are taken from memory, not the disk', async () => {
    const other = path.join(app, 'modules/search-movies/search-movies.communication.iml.json');
    const original = readFileSync(other, 'utf8');
    writeFileSync(other, '{ broken');
    const next = client.nextDiagnostics(comm());
    await client.change(comm(), readFileSync(comm(), 'utf8').replace('"GET"', '"GET" '));
    await next;
    await client.request('textDocument/hover', comm(), { line: 0, character: 0 }); // all sent before it arrived
    expect(client.diagnostics.get(uriOf(other)) ?? []).toEqual([]);
    writeFileSync(other, original);
  });

  it('a deleted folder (one event) and its return', async () => {
    const folder = path.join(app, 'rpcs/list-genres');
    const kept = `${folder}.kept`;
    cpSync(folder, kept, { recursive: true });
    rmSync(folder, { recursive: true });
    const missing = client.nextDiagnostics(manifest());
    await client.diskChanged([{ file: folder, type: 3 }]);
    expect((await missing).map((d) => d.code)).toContain('load/file-not-found');
    cpSync(kept, folder, { recursive: true });
    rmSync(kept, { recursive: true });
    const back = client.nextDiagnostics(manifest());
    await client.diskChanged([{ file: folder, type: 1 }]);
    expect((await back).map((d) => d.code)).not.toContain('load/file-not-found');
  });
});
