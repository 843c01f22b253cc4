/** `make-app iml`: evaluates one template, prints JSON; errors show a caret and exit 2. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'iml-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const iml = (...args: string[]) => runCli(['iml', ...args]);

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('make-app iml', () => {
  it('prints the value of a single expression as JSON, keeping its type', async () => {
    const r = await iml("{{split('a, b', ',')}}");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(['a', 'b']);
  });

  it('reads variables from --vars and uses --now and --tz', async () => {
    const vars = file(
      'vars.json',
      JSON.stringify({ connection: { accessToken: 'abc' }, parameters: { id: 7 } }),
    );
    const r = await iml(
      "Bearer {{connection.accessToken}} #{{parameters.id}} {{formatDate(now, 'YYYY-MM-DD HH:mm')}}",
      '--vars',
      vars,
      '--now',
      '2026-01-01T00:00:00Z',
      '--tz',
      'Asia/Tokyo',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBe('Bearer abc #7 2026-01-01 09:00');
  });

  it('switches to strict equality with --strict-equality', async () => {
    expect((await iml("{{1 = '1'}}")).out.trim()).toBe('true');
    expect((await iml("{{1 = '1'}}", '--strict-equality')).out.trim()).toBe('false');
  });

  it('prints undefined for an undefined result', async () => {
    expect((await iml('{{nothing.here}}')).out.trim()).toBe('undefined');
  });

  it('shows a syntax error with a caret under the position and exits 2', async () => {
    const r = await iml('Bearer {{connection. }}');
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines[0]).toContain("ImlSyntaxError: expected a name after '.'");
    expect(lines[1]).toBe('  Bearer {{connection. }}');
    expect(lines[2].indexOf('^')).toBe(lines[1].indexOf('}}'));
    expect(r.out).toBe('');
  });

  it('reports evaluation errors (arity, unknown function) the same way', async () => {
    const r = await iml('x {{length(1, 2)}}');
    expect(r.code).toBe(2);
    expect(r.err).toContain('ImlArityError: length() takes 1 argument(s), got 2');
    expect(r.err.split('\n')[2].indexOf('^')).toBe(r.err.split('\n')[1].indexOf('length'));
  });

  it('runs custom functions from --functions in the sandbox', async () => {
    const fns = file('fns.json', JSON.stringify({ twice: 'function twice(x) { return iml.upper(x) + x; }' }));
    const r = await iml("{{iml.twice('ab')}}", '--functions', fns);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBe('ABab');
  });

  it.each([
    [['{{1}}', '--vars', '/nonexistent/vars.json'], 'cannot read the --vars file'],
    [['{{1}}', '--now', 'yesterday'], "--now 'yesterday' is not an ISO date"],
    [['{{1}}', '--tz', 'Mars/Olympus'], 'is not an IANA time zone'],
  ])('rejects bad options %j with a one-line message and exit 2', async (args, message) => {
    const r = await iml(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a --vars file that is not a JSON object, naming the file', async () => {
    const bad = file('bad.json', '{ nope');
    const r = await iml('{{1}}', '--vars', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json:1:\d+: the --vars file is not valid JSON/); // with line:column
    const arr = file('arr.json', '[1]');
    expect((await iml('{{1}}', '--vars', arr)).err).toContain('--vars must hold a JSON object');
  });

  it('describes itself in --help', async () => {
    const r = await iml('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--vars', '--now', '--tz', '--strict-equality', '--functions'])
      expect(r.out).toContain(flag);
    expect(r.out).toContain('caret');
  });
});
