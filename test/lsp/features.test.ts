import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyReferenceApp } from './fixture.ts';
import { LspClient, type LspDiagnostic, positionOf, uri } from './lsp-client.ts';

let client: LspClient;
let workspace: string;
let app: string;
const file = (rel: string) => path.join(app, rel);
const COMM = 'modules/get-movie/get-movie.communication.iml.json';
const PARAMS = 'modules/get-movie/get-movie.mappable-params.iml.json';
const OAUTH = 'connections/academy/academy.oauth-communication.iml.json';
const BASE = 'general/base.iml.json';

interface Hover {
  contents: { value: string };
}
interface Item {
  label: string;
  detail?: string;
}
interface Location {
  uri: string;
  range: { start: { line: number; character: number } };
}
interface Action {
  title: string;
  edit: { changes: Record<string, { newText: string }[]> };
}

beforeAll(async () => {
  ({ workspace, app } = copyReferenceApp());
  client = await LspClient.start(workspace);
  for (const f of [COMM, PARAMS, OAUTH, BASE]) await client.open(file(f));
}, 60_000);
afterAll(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

const text = (rel: string) => readFileSync(file(rel), 'utf8');
const labels = (r: { items: Item[] } | Item[] | null) =>
  (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

describe('hover', () => {
  it('an IML function shows its signature and description', async () => {
    const h = await client.request<Hover>(
      'textDocument/hover',
      file(OAUTH),
      positionOf(text(OAUTH), 'addMinutes', 3),
    );
    expect(h.contents.value).toContain('addMinutes(');
  });

  it('parameters.x shows the declaring parameter: label, type, required', async () => {
    const h = await client.request<Hover>(
      'textDocument/hover',
      file(COMM),
      positionOf(text(COMM), 'movieId', 2),
    );
    expect(h.contents.value).toContain('Parameter `movieId` — "Movie"');
    expect(h.contents.value).toContain('type `select`, required');
  });

  it('connection.x shows where the connection stores it', async () => {
    const h = await client.request<Hover>(
      'textDocument/hover',
      file(BASE),
      positionOf(text(BASE), 'accessToken', 2),
    );
    expect(h.contents.value).toContain('Stored by connection `academy`: `response.data.accessToken`');
  });

  it('a rule finding shows the rule docs', async () => {
    const changed = text(COMM).replace('movieId', 'movieID');
    await client.change(file(COMM), changed);
    const h = await client.request<Hover>(
      'textDocument/hover',
      file(COMM),
      positionOf(changed, 'movieID', 2),
    );
    expect(h.contents.value).toContain('**iml/undeclared-parameter**');
    await client.change(file(COMM), text(COMM));
  });
});

describe('completion', () => {
  it('parameters. offers the declared parameters of the component', async () => {
    const typed = '{ "url": "/movies/{{parameters.}}", "method": "GET" }';
    await client.change(file(COMM), typed);
    const r = await client.request<{ items: Item[] }>(
      'textDocument/completion',
      file(COMM),
      positionOf(typed, 'parameters.', 11),
    );
    expect(labels(r)).toEqual(['movieId']);
  });

  it('a half-typed function name offers functions with signatures', async () => {
    const typed = '{ "url": "/movies/{{addM", "method": "GET" }';
    await client.change(file(COMM), typed);
    const r = await client.request<{ items: Item[] }>(
      'textDocument/completion',
      file(COMM),
      positionOf(typed, 'addM', 4),
    );
    const add = r.items.find((i) => i.label === 'addMinutes');
    expect(add?.detail).toMatch(/^addMinutes\(/);
  });

  it('connection. offers what the connection stores', async () => {
    const typed = '{ "url": "/movies/{{connection.}}", "method": "GET" }';
    await client.change(file(COMM), typed);
    const r = await client.request<{ items: Item[] }>(
      'textDocument/completion',
      file(COMM),
      positionOf(typed, 'connection.', 11),
    );
    expect(labels(r)).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'expires']));
  });

  it('rpc:// offers the RPCs of the app', async () => {
    const typed = text(PARAMS).replace('rpc://listMoviesRpc', 'rpc://');
    await client.change(file(PARAMS), typed);
    const r = await client.request<{ items: Item[] }>(
      'textDocument/completion',
      file(PARAMS),
      positionOf(typed, 'rpc://', 6),
    );
    expect(labels(r)).toEqual(expect.arrayContaining(['listMoviesRpc', 'listGenres']));
    await client.change(file(PARAMS), text(PARAMS));
  });

  it('outside {{ }} JSON keys come from the schema of the code type', async () => {
    const typed = '{ "url": "/movies", "" }';
    await client.change(file(COMM), typed);
    const r = await client.request<{ items: Item[] }>(
      'textDocument/completion',
      file(COMM),
      positionOf(typed, '""', 1),
    );
    expect(labels(r)).toEqual(expect.arrayContaining(['method', 'qs', 'headers', 'response']));
    await client.change(file(COMM), text(COMM));
  });
});

describe('go to definition', () => {
  it('parameters.x goes to the parameter name in the mappable-params file', async () => {
    const loc = await client.request<Location>(
      'textDocument/definition',
      file(COMM),
      positionOf(text(COMM), 'movieId', 2),
    );
    expect(loc.uri).toBe(uri(file(PARAMS)));
    expect(loc.range.start).toEqual(positionOf(text(PARAMS), '"movieId"'));
  });

  it('rpc://name goes to the RPC communication', async () => {
    const loc = await client.request<Location>(
      'textDocument/definition',
      file(PARAMS),
      positionOf(text(PARAMS), 'rpc://', 3),
    );
    expect(loc.uri).toBe(uri(file('rpcs/list-movies-rpc/list-movies-rpc.communication.iml.json')));
  });

  it('connection.x goes to where the token response stores it', async () => {
    const loc = await client.request<Location>(
      'textDocument/definition',
      file(BASE),
      positionOf(text(BASE), 'accessToken', 2),
    );
    expect(loc.uri).toBe(uri(file(OAUTH)));
    expect(loc.range.start).toEqual(positionOf(text(OAUTH), '"accessToken"'));
  });
});

describe('code actions', () => {
  const actionsFor = (rel: string, diagnostics: LspDiagnostic[]) =>
    client.conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri: uri(file(rel)) },
      range: diagnostics[0].range,
      context: { diagnostics },
    });

  it('addSeconds under the minutes profile → addMinutes', async () => {
    const changed = text(OAUTH).replace(
      'addMinutes(now, body.expires_in)',
      'addSeconds(now, body.expires_in)',
    );
    const diags = (await client.change(file(OAUTH), changed)).filter((d) => d.code === 'oauth/expiry-unit');
    expect(diags[0].range.start).toEqual(positionOf(changed, 'addSeconds'));
    const [action] = await actionsFor(OAUTH, diags);
    expect(action.title).toBe('Replace addSeconds with addMinutes');
    expect(action.edit.changes[uri(file(OAUTH))]).toEqual([{ range: diags[0].range, newText: 'addMinutes' }]);
    await client.change(file(OAUTH), text(OAUTH));
  });

  it('a misspelt parameter → the declared name', async () => {
    const changed = text(COMM).replace('movieId', 'movieID');
    const diags = await client.change(file(COMM), changed);
    const [action] = await actionsFor(COMM, diags);
    expect(action.edit.changes[uri(file(COMM))][0].newText).toBe('parameters.movieId');
    await client.change(file(COMM), text(COMM));
  });

  it('a missing log.sanitize entry is added', async () => {
    const changed = text(BASE).replace('      "request.headers.authorization"\n', '');
    const diags = (await client.change(file(BASE), changed)).filter(
      (d) => d.code === 'security/unsanitized-secret',
    );
    const [action] = await actionsFor(BASE, diags);
    expect(action.title).toBe('Add "request.headers.authorization" to log.sanitize');
    expect(action.edit.changes[uri(file(BASE))][0].newText).toContain('"request.headers.authorization"');
    await client.change(file(BASE), text(BASE));
  });
});
