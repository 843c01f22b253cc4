import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importApp } from '../../generator/compile/index.ts';
import { checkOutputFolder } from '../../generator/compile/output-folder.ts';
import { UsageError } from '../../generator/model/errors.ts';
import { build as buildApp } from '../../generator/workflow/build.ts';
import { init } from '../../generator/workflow/init.ts';
import { checkOutputPath } from '../../generator/workflow/output-guard.ts';

/**
 * Output folders nobody should write generated files into. Build cases run with `check: true`
 * and the filesystem root is only checked, never written to: without the guard these tests fail
 * without touching the machine (they may run as root).
 */
const work = mkdtempSync(path.join(tmpdir(), 'make-app-out-guard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build --out refuses', { timeout: 120_000 }, () => {
  it.each([
    ['/', /--out \/ is the filesystem root/],
    ['/proc/self', /is inside the system folder \/proc/],
    ['/etc/make-app-out', /system folder \/etc/],
    ['/usr/local/share/make-app-out', /system folder \/usr/],
    ['/dev/shm/make-app-out', /system folder \/dev/],
    ['/sys/make-app-out', /system folder \/sys/],
    ['app-src/modules', /inside the sources being read \(app-src\)/],
    ['app-src/not-yet-there', /inside the sources being read/],
  ])('%s', async (out, message) => {
    const built = buildApp({ src: 'app-src', out, check: true });
    await expect(built).rejects.toThrow(UsageError);
    await expect(built).rejects.toThrow(message);
    expect(existsSync('app-src/not-yet-there')).toBe(false);
  });

  it('a non-empty folder it did not write, and leaves it alone', async () => {
    const out = path.join(work, 'user-folder');
    mkdirSync(out);
    writeFileSync(path.join(out, 'thesis.md'), 'mine');
    await expect(buildApp({ src: 'app-src', out })).rejects.toThrow(
      /is not empty and was not written by make-app build/,
    );
    expect(readdirSync(out)).toEqual(['thesis.md']);
  });
});

describe('import --out refuses', { timeout: 120_000 }, () => {
  it('the filesystem root, with or without --force', () => {
    for (const force of [false, true])
      expect(() => checkOutputFolder('/', { flag: '--out', tool: 'import', force })).toThrow(
        /filesystem root/,
      );
  });

  it('/proc/self with --force, as one usage error instead of a crash', () => {
    expect(() => importApp('dist-app', { out: '/proc/self', force: true })).toThrow(UsageError);
  });

  it('a folder inside the app being imported, even an empty one, with --force', () => {
    const app = path.join(work, 'iml-app');
    cpSync('dist-app', app, { recursive: true });
    const out = path.join(app, 'ts');
    expect(() => importApp(app, { out, force: true })).toThrow(/inside the sources being read/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('init refuses', () => {
  // Places where nothing could be written anyway, should the guard ever go missing.
  it.each([['/'], ['/proc/self/app'], ['/proc/1/make-app-project']])('%s', (dir) => {
    expect(() => init({ dir })).toThrow(UsageError);
    expect(() => init({ dir })).toThrow(/filesystem root|system folder/);
  });
});

describe('file outputs (--har, --output, --mermaid, --write-baseline) refuse', () => {
  it.each([['/report.txt'], ['/proc/self/report.har'], ['/etc/report.txt'], ['/usr/lib/x.har']])(
    '%s',
    (file) => {
      expect(() => checkOutputPath('--har', file, new Map())).toThrow(UsageError);
      expect(() => checkOutputPath('--har', file, new Map())).toThrow(/filesystem root|system folder/);
    },
  );

  it('but accept an ordinary path', () => {
    expect(() => checkOutputPath('--har', path.join(work, 'run.har'), new Map())).not.toThrow();
  });
});
