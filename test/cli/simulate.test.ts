import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-cli-simulate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) => runCli(['simulate', ...args], env);

describe('make-app simulate', () => {
  it('runs the reference scenarios, writes HAR and Mermaid, exits 0', async () => {
    const har = path.join(work, 'out/ref.har');
    const md = path.join(work, 'flow.md');
    const r = await cli(['dist-app', '--scenario', 'app-src/scenarios', '--har', har, '--mermaid', md]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PASS {2}connection lifecycle/);
    expect(r.out).toMatch(/POST {3}https:\/\/app-academy\.make\.com\/api\/v2\/refresh {2}→ 200/);
    expect(r.out).toMatch(/8 scenarios, \d+ steps: \d+ passed, 0 failed/);
    expect(JSON.parse(readFileSync(har, 'utf8')).log.version).toBe('1.2');
    const diagram = readFileSync(md, 'utf8');
    expect(diagram).toMatch(/^```mermaid\nsequenceDiagram\n/);
    expect(diagram).toContain('M->>A: POST /api/v2/token');
    expect(diagram).toContain('A->>H: POST webhook delivery');
  });

  it('exits 1 and names the failing step when an expectation fails', async () => {
    const file = path.join(work, 'wrong.yaml');
    writeFileSync(
      file,
      'name: wrong\nsteps:\n  - connect: { as: jane }\n  - run:\n      module: getMyAccount\n      expect:\n        output: { name: John Doe }\n',
    );
    const r = await cli(['dist-app', '--scenario', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  wrong');
    expect(r.out).toContain('✗ output[0].name: expected "John Doe", got "Jane Black"');
  });

  it('runs the smoke scenario by default and prints JSON with --json', async () => {
    const r = await cli(['dist-app', '--json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.scenarios[0].name).toBe('smoke');
    expect(rep.summary.failed).toBe(0);
  });

  it('replays a HAR with no API', async () => {
    const har = path.join(work, 'smoke.har');
    expect((await cli(['dist-app', '--har', har])).code).toBe(0);
    // The smoke HAR holds no credential-shaped string (tokens, codes, client secret, API key).
    expect(readFileSync(har, 'utf8').match(/\b(at|rt|ac|cs|ak)_[A-Za-z0-9_-]{12,}/g)).toBeNull();
    const r = await cli(['dist-app', '--replay', har]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(replay)');
  });

  it('--har-keep leaves a field that redaction by name hides visible', async () => {
    const hidden = readFileSync(path.join(work, 'smoke.har'), 'utf8');
    expect(hidden).toContain('form_token=%5BREDACTED%5D');
    const har = path.join(work, 'kept.har');
    expect((await cli(['dist-app', '--har', har, '--har-keep', 'form_token'])).code).toBe(0);
    expect(readFileSync(har, 'utf8')).toMatch(/form_token=ft_[\w-]{20,}/);
  });

  it.each([
    [['dist-app', '--scenario', 'nope.yaml'], /nope\.yaml: no such scenario file/],
    [['no-such-app'], /does not exist/],
    [['dist-app', '--seed', 'x'], /--seed must be a non-negative integer/],
    [['dist-app', '--host-map', 'bad'], /--host-map expects host=http:\/\/origin/],
    [['dist-app', '--common', 'novalue'], /--common expects key=value/],
    [['dist-app', '--replay', 'package.json'], /not a HAR file/],
    [['dist-app', '--replay', 'test/fixtures/simulate/broken.har'], /log\.entries\[0\] is not a HAR entry/],
  ])('usage and input errors exit 2 without a stack trace: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('--common overrides common data (a wrong secret fails the connection, exit 1)', async () => {
    const r = await cli(['dist-app', '--common', 'clientSecret=wrong-secret-1234']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ {2}1\. connect john/);
    expect(r.out).toContain('POST   https://app-academy.make.com/api/v2/token  → 401');
    expect(r.out).not.toContain('wrong-secret-1234');
  });

  it('reports a bad scenario with file:line:column', async () => {
    const file = path.join(work, 'bad.yaml');
    writeFileSync(file, 'name: bad\nsteps:\n  - run: { module: getMyAccount }\n  - sleep: 5m\n');
    const r = await cli(['dist-app', '--scenario', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:4:\d+: steps\.1: must NOT have additional properties "sleep"/);
  });

  describe('--live guards (the real API is never reached in tests)', () => {
    it('needs credentials from the environment', async () => {
      const r = await cli(['dist-app', '--live', '--yes-send-real-requests']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--live needs ACADEMY_CLIENT_ID and ACADEMY_CLIENT_SECRET in the environment');
    });
    it('needs the explicit confirmation flag', async () => {
      const r = await cli(['dist-app', '--live'], {
        ACADEMY_CLIENT_ID: 'id',
        ACADEMY_CLIENT_SECRET: 'secret-value',
      });
      expect(r.code).toBe(2);
      expect(r.err).toContain('add --yes-send-real-requests to confirm');
      expect(r.err).not.toContain('secret-value');
    });
    it('cannot be combined with --replay', async () => {
      const r = await cli(['dist-app', '--live', '--replay', 'x.har'], {
        ACADEMY_CLIENT_ID: 'id',
        ACADEMY_CLIENT_SECRET: 's',
      });
      expect(r.code).toBe(2);
      expect(r.err).toContain('--live cannot be combined with --replay');
    });
  });
});
