import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, garbageBytes, read, STACK, workspace } from './harness.ts';

const ws = workspace('simulate');

describe('make-app simulate never clobbers its inputs', { timeout: 60_000 }, () => {
  const app = ws.copyOfReference('app');

  it.each([
    ['--har', 'makecomapp.json'],
    ['--mermaid', 'makecomapp.json'],
    ['--har', 'app.bundle.json'],
    ['--mermaid', 'modules/get-my-account/get-my-account.communication.iml.json'],
    ['--har', 'modules/groups.json'],
  ])('%s pointing at the app file %s is refused and the file is untouched', async (flag, rel) => {
    const target = `${app}/${rel}`;
    const before = existsSync(target) ? read(target) : undefined;
    const r = await cli('simulate', app, flag, target);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(new RegExp(`${flag}.*(file of the app|app being)`));
    expect(existsSync(target) ? read(target) : undefined).toBe(before);
  });

  it('--har pointing at the --replay input is refused and the recording is untouched', async () => {
    const har = ws.path('recorded.har');
    expect((await cli('simulate', app, '--har', har)).code).toBe(0);
    const before = read(har);
    const r = await cli('simulate', app, '--replay', har, '--har', har);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--har .*--replay/);
    expect(read(har)).toBe(before);
  });

  it('--har pointing at the --scenario file is refused and the scenario is untouched', async () => {
    const scenario = ws.file('s.yaml', 'name: s\nsteps:\n  - connect: { as: john }\n');
    const r = await cli('simulate', app, '--scenario', scenario, '--har', scenario);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--har .*scenario/);
    expect(read(scenario)).toBe('name: s\nsteps:\n  - connect: { as: john }\n');
  });

  it('--har and --mermaid at the same path is a usage error', async () => {
    const out = ws.path('both.out');
    const r = await cli('simulate', app, '--har', out, '--mermaid', out);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['--har', '--mermaid'])(
    '%s pointing at a folder exits 2 with one line, no stack trace',
    async (flag) => {
      const dir = ws.folder(`out-folder${flag}`);
      const r = await cli('simulate', app, flag, dir);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toContain('out-folder');
    },
  );
});

describe('make-app simulate with an app it cannot read', { timeout: 60_000 }, () => {
  it.each([
    ['binary garbage', garbageBytes(3000)],
    ['an empty file', ''],
    ['a JSON array', '[1, 2, 3]'],
  ])('a makecomapp.json holding %s exits 2 naming the manifest, not "PASS smoke"', async (label, content) => {
    const app = ws.folder(`bad-${label.replace(/\W+/g, '-')}`);
    ws.file(`bad-${label.replace(/\W+/g, '-')}/makecomapp.json`, content);
    const r = await cli('simulate', app);
    expect(r.code).toBe(2);
    expect(r.out).not.toContain('PASS');
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/makecomapp\.json:\d+:\d+: /);
    expect(r.err).toContain(app.split('/').pop());
  });
});

describe('make-app simulate --replay with a malformed HAR', { timeout: 60_000 }, () => {
  const app = ws.copyOfReference('replay-app');
  const recorded = ws.path('good.har');

  it('records a HAR to damage', async () => {
    expect((await cli('simulate', app, '--har', recorded)).code).toBe(0);
  });

  it('a HAR with a JSON syntax error names the file, line and column', async () => {
    const text = read(recorded).split('\n');
    text[5] = `${text[5]} oops`;
    const bad = ws.file('syntax.har', text.join('\n'));
    const r = await cli('simulate', app, '--replay', bad);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/syntax\.har:6:\d+: /);
  });

  it.each([
    [
      'a null request header',
      (e: HarEntryLike) => e.request.headers.unshift(null),
      /entries\[0\] is not a HAR entry \(request\.headers\[0\]/,
    ],
    [
      'a response header whose value is an array',
      (e: HarEntryLike) => e.response.headers.unshift({ name: 'x', value: [1] }),
      /entries\[0\] is not a HAR entry \(response\.headers\[0\]/,
    ],
    [
      'content.text that is an object',
      (e: HarEntryLike) => {
        e.response.content.text = { a: 1 };
      },
      /entries\[0\] is not a HAR entry \(response\.content\.text/,
    ],
    [
      'postData.text that is a number',
      (e: HarEntryLike) => {
        e.request.postData = { mimeType: 'x', text: 5 };
      },
      /entries\[0\] is not a HAR entry \(request\.postData\.text/,
    ],
  ])(
    'a HAR entry with %s is an input error naming the entry, not a RuntimeError mid-run',
    async (label, damage, expected) => {
      const har = JSON.parse(read(recorded));
      damage(har.log.entries[0]);
      const bad = ws.file(`${label.replace(/\W+/g, '-')}.har`, JSON.stringify(har));
      const r = await cli('simulate', app, '--replay', bad);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toMatch(expected);
      expect(r.out).not.toMatch(/Cannot read properties/);
    },
  );
});

/** A HAR entry damaged on purpose. */
type HarEntryLike = any;

describe('make-app simulate --scenario with hostile scenario files', { timeout: 60_000 }, () => {
  const app = ws.copyOfReference('scenario-app');

  it('a scenario folder holding a named pipe or a link to /dev/zero is refused, not read forever', async () => {
    const pipeDir = ws.folder('pipe-scenarios');
    spawnSync('mkfifo', [`${pipeDir}/a.yaml`]);
    const zeroDir = ws.folder('zero-scenarios');
    symlinkSync('/dev/zero', `${zeroDir}/b.yaml`);
    for (const [dir, name] of [
      [pipeDir, 'a.yaml'],
      [zeroDir, 'b.yaml'],
    ]) {
      const r = await cli('simulate', app, '--scenario', dir!);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toMatch(new RegExp(`${name}: .*regular file`));
    }
  });

  it.each(['99999999999d', '1000000w'])(
    'advance: %s (past any date) is a scenario error with its position, not "Invalid time value" mid-run',
    async (duration) => {
      const file = ws.file(`advance-${duration}.yaml`, `name: far\nsteps:\n  - advance: ${duration}\n`);
      const r = await cli('simulate', app, '--scenario', file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/advance-.*\.yaml:3:\d+: steps\.0\.advance: /);
      expect(r.out).not.toMatch(/Invalid time value/);
    },
  );

  it('a scenario nested 100k levels deep says so with its position', async () => {
    const file = ws.file('deep.yaml', `name: x\nsteps: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const r = await cli('simulate', app, '--scenario', file);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/deep\.yaml(:\d+:\d+)?: /);
  });
});

describe('make-app simulate with a custom function that never returns', { timeout: 90_000 }, () => {
  // Slow by nature (the sandbox gives a function 10 s): one test covers both the timeout and the
  // step after it, which used to fail with ECONNRESET on a keep-alive connection closed meanwhile.
  it('the looping step fails with the timeout and the next steps still reach the API', async () => {
    const app = ws.copyOfReference('spin-app');
    ws.file('spin-app/functions/spin/spin.code.js', 'function spin(x) { while (true) {} }\n');
    const manifest = JSON.parse(read(`${app}/makecomapp.json`));
    manifest.components.function = {
      spin: { label: 'Spin', codeFiles: { code: 'functions/spin/spin.code.js' } },
    };
    ws.file('spin-app/makecomapp.json', JSON.stringify(manifest, null, 2));
    const comm = `${app}/modules/get-my-account/get-my-account.communication.iml.json`;
    const api = JSON.parse(read(comm));
    api.url = '/about?x={{spin(1)}}';
    ws.file('spin-app/modules/get-my-account/get-my-account.communication.iml.json', JSON.stringify(api));
    const r = await cli('simulate', app, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    const steps = report.scenarios[0].steps as { status: string; error?: { message: string } }[];
    const failed = steps.filter((s) => s.status === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error?.message).toMatch(/custom function spin\(\) timed out/);
    expect(JSON.stringify(steps)).not.toMatch(/ECONNRESET/);
  });
});
