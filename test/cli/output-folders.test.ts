import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/** Paths only: these runs cannot write anywhere even if a guard were missing. */
describe('writing flags refuse system folders and roots: one line, exit 2', () => {
  it.each([
    [['build', '--out', '/', '--check'], /--out \/ is the filesystem root/],
    [['build', '--out', 'app-src/modules', '--check'], /inside the sources being read/],
    [['import', 'dist-app', '--out', '/proc/self', '--force'], /system folder \/proc/],
    [['lint', 'dist-app', '--output', '/proc/self/lint.txt'], /--output .*system folder \/proc/],
  ])('make-app %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
