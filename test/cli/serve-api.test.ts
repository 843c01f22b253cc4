import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

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
});
