import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../generator/academy-api/index.ts';
import { connect, refresh, startTestApi, v1, v2 } from './helpers.ts';

describe('server-side request log', () => {
  it('records method, path (no query), status, client and user of every request, and calls onRequest', async () => {
    const seen: RequestLogEntry[] = [];
    const api = await startTestApi({ onRequest: (e) => seen.push(e) });
    try {
      const c = api.defaultClient.clientId;
      const t = await connect(api, { user: 'jane' });
      await v2(api, t.access_token, 'GET', '/movies?page=2');
      await v1(api, 'GET', '/genres');
      await refresh(api, t.refresh_token);
      await v2(api, 'at_bogus', 'GET', '/movies');
      await fetch(`${api.url}/nowhere`);
      const rows = api.requestLog.map(({ method, path, status, client, user }) => [
        method,
        path,
        status,
        client,
        user,
      ]);
      expect(rows).toEqual([
        ['GET', '/api/v2/authorize', 200, c, null],
        ['POST', '/api/v2/authorize', 302, c, 'jane'],
        ['POST', '/api/v2/token', 200, c, 'jane'],
        ['GET', '/api/v2/movies', 200, c, 'jane'],
        ['GET', '/api/v1/genres', 200, c, 'john'],
        ['POST', '/api/v2/refresh', 200, c, 'jane'],
        ['GET', '/api/v2/movies', 401, null, null],
        ['GET', '/nowhere', 404, null, null],
      ]);
      expect(seen).toEqual(api.requestLog);
      expect(api.requestLog[0]!.at).toBe('2026-01-01T09:00:00+00:00');
    } finally {
      await api.close();
    }
  });

  it('records no secret: log entries carry neither tokens nor query strings', async () => {
    const api = await startTestApi();
    try {
      const t = await connect(api);
      await v2(api, t.access_token, 'GET', '/info');
      const text = JSON.stringify(api.requestLog);
      for (const secret of [t.access_token, t.refresh_token, api.defaultClient.clientSecret])
        expect(text).not.toContain(secret);
    } finally {
      await api.close();
    }
  });
});
