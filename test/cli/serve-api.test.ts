import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readConsentForm } from '../../generator/academy-api/index.ts';

const BIN = new URL('../../bin/make-app.js', import.meta.url).pathname;
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `make-app serve-api` and resolves once stdout contains `until`. */
function serve(
  args: string[],
  until: RegExp,
): Promise<{ proc: ChildProcess; out: () => string; err: () => string }> {
  const proc = spawn(process.execPath, [BIN, 'serve-api', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve-api did not print ${until} in time; stdout: ${out} stderr: ${err}`)),
      20_000,
    );
    proc.stdout!.on('data', (d) => {
      out += d;
      if (until.test(out)) {
        clearTimeout(timer);
        resolve({ proc, out: () => out, err: () => err });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (!until.test(out))
        reject(new Error(`serve-api exited ${code} early; stdout: ${out} stderr: ${err}`));
    });
  });
}

function exitOf(proc: ChildProcess): Promise<number | string | null> {
  return new Promise((resolve) =>
    proc.exitCode !== null
      ? resolve(proc.exitCode)
      : proc.on('exit', (code, signal) => resolve(code ?? signal)),
  );
}

/** Runs serve-api to completion (for option errors). */
function runToEnd(args: string[]): Promise<{ code: number | string | null; stderr: string }> {
  const proc = spawn(process.execPath, [BIN, 'serve-api', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    stderr += d;
  });
  return exitOf(proc).then((code) => ({ code, stderr }));
}

describe('make-app serve-api', () => {
  it('prints the base URLs and credentials, serves real HTTP, and stops cleanly on SIGTERM', async () => {
    const { proc, out } = await serve(['--access-minutes', '5', '--refresh-minutes', '30'], /Press Ctrl\+C/);
    const text = out();
    const v1 = /v1 base:\s+(\S+)/.exec(text)![1]!;
    const key = /api key \(v1\):\s+(\S+)/.exec(text)![1]!;
    expect(text).toMatch(/client_id:\s+client-[0-9a-f]{12}/);
    expect(text).toMatch(/client_secret:\s+cs_\S+/);
    expect(text).toMatch(/redirect_uri:\s+https:\/\/www\.make\.com\/oauth\/cb\/app/);
    expect(text).toContain('access 5 min, refresh 30 min');
    expect(v1).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const res = await fetch(`${v1}/about`, { headers: { 'x-api-key': key } });
    expect(res.status).toBe(200);
    expect((await res.json())[0].name).toBe('John Doe');
    await new Promise((r) => setTimeout(r, 100));
    expect(out()).toMatch(/GET \/api\/v1\/about 200/);
    proc.kill('SIGTERM');
    expect(await exitOf(proc)).toBe(0);
    expect(out()).toMatch(/Stopped\.\n$/);
  });

  it('prints one JSON line with --json, is seeded with --seed, and stops on SIGINT', async () => {
    const first = await serve(['--json', '--quiet', '--seed', '42'], /\n/);
    const info = JSON.parse(first.out().trim());
    expect(info.client.clientSecret).toMatch(/^cs_/);
    expect(info.lifetimes).toEqual({ accessMinutes: 60, refreshMinutes: 1440, codeMinutes: 10 });
    const page = await fetch(info.authorize);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Jane Black');
    first.proc.kill('SIGINT');
    expect(await exitOf(first.proc)).toBe(0);
    const second = await serve(['--json', '--quiet', '--seed', '42'], /\n/);
    expect(JSON.parse(second.out().trim()).client).toEqual(info.client);
    second.proc.kill('SIGTERM');
    expect(await exitOf(second.proc)).toBe(0);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--access-minutes', '0'], /--access-minutes must be a whole number from 1/],
    [['--refresh-minutes', '-5'], /--refresh-minutes must be/],
  ])('refuses %j with exit 2 and a one-line message', async (args, message) => {
    const { code, stderr } = await runToEnd(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says the port is in use (exit 2) instead of crashing', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runToEnd(['--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('withstands OAuth2 attacks: forged or cross-site consent, missing PKCE verifier, refresh-token reuse', async () => {
    const { proc, out } = await serve([], /Press Ctrl\+C/);
    const text = out();
    const v2 = /v2 base:\s+(\S+)/.exec(text)![1]!;
    const [clientId, clientSecret, redirectUri] = ['client_id', 'client_secret', 'redirect_uri'].map(
      (k) => new RegExp(`${k}:\\s+(\\S+)`).exec(text)![1]!,
    );
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const page = await fetch(
      `${v2}/authorize?${new URLSearchParams({
        client_id: clientId!,
        redirect_uri: redirectUri!,
        response_type: 'code',
        scope: 'connect read',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      })}`,
    );
    const form = readConsentForm(await page.text());
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${v2}/authorize`, {
        method: 'POST',
        body: new URLSearchParams({ ...fields, account: 'john', decision: 'allow' }),
        headers,
        redirect: 'manual',
      });
    const { form_token: _, ...withoutToken } = form.hidden;
    expect((await post(withoutToken)).status).toBe(403);
    expect((await post(form.hidden, { origin: 'https://evil.example' })).status).toBe(403);
    const allowed = await post(form.hidden);
    expect(allowed.status).toBe(302);
    const code = new URL(allowed.headers.get('location')!).searchParams.get('code')!;

    const token = (body: Record<string, string>, path = '/token') =>
      fetch(`${v2}${path}`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: clientId!, client_secret: clientSecret!, ...body }),
      });
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: redirectUri! };
    expect((await token(exchange)).status).toBe(400);
    const first = await (await token({ ...exchange, code_verifier: verifier })).json();
    const rotated = await (await token({ refresh_token: first.refresh_token }, '/refresh')).json();
    expect((await token({ refresh_token: first.refresh_token }, '/refresh')).status).toBe(401);
    const info = await fetch(`${v2}/info`, { headers: { authorization: `Bearer ${rotated.access_token}` } });
    expect(info.status).toBe(401);
    proc.kill('SIGTERM');
    expect(await exitOf(proc)).toBe(0);
  });
});
