/**
 * Every option that names an input file, given a device (/dev/zero never ends), a named pipe
 * (reading blocks forever) or a sparse 300 MB file: a one-line input error naming the file,
 * before anything is read — never a hang or an out-of-memory crash.
 */
import { spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, DIST_APP, ROOT, STACK, workspace } from './harness.ts';

const ws = workspace('special');
const fifo = ws.path('pipe.json');
spawnSync('mkfifo', [fifo]);
const sparse = ws.path('sparse.json');
writeFileSync(sparse, '');
truncateSync(sparse, 300 * 1024 * 1024);

const OPTIONS: [string, (file: string) => string[]][] = [
  ['iml --vars', (f) => ['iml', '{{a}}', '--vars', f]],
  ['iml --functions', (f) => ['iml', '{{a}}', '--functions', f]],
  ['lint --config', (f) => ['lint', DIST_APP, '--config', f]],
  ['lint --baseline', (f) => ['lint', DIST_APP, '--baseline', f]],
  ['simulate --scenario', (f) => ['simulate', DIST_APP, '--scenario', f]],
  ['simulate --replay', (f) => ['simulate', DIST_APP, '--replay', f]],
  ['diff --scenario', (f) => ['diff', DIST_APP, '--against', DIST_APP, '--scenario', f]],
  [
    'start --scenario',
    (f) => ['start', '--src', `${ROOT}/app-src`, '--out', ws.path('never'), '--scenario', f],
  ],
  [
    'build --baseline',
    (f) => ['build', '--src', `${ROOT}/app-src`, '--out', ws.path('never'), '--baseline', f],
  ],
];

describe('input files that never end', { timeout: 30_000 }, () => {
  it.each(OPTIONS)('%s /dev/zero is refused as not a regular file', async (_label, args) => {
    const r = await cli(...args('/dev/zero'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/\/dev\/zero: .*regular file/);
  });

  it.each(OPTIONS)('%s <named pipe> is refused without blocking on it', async (_label, args) => {
    const r = await cli(...args(fifo));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pipe\.json: .*regular file/);
  });

  it.each(OPTIONS)('%s <300 MB file> is refused by size without being read', async (_label, args) => {
    const r = await cli(...args(sparse));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sparse\.json: .*over the \d+-byte limit/);
  });
});
