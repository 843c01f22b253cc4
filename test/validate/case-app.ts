import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadApp } from '../../generator/load/index.ts';
import type { AppModel } from '../../generator/model/index.ts';

/** Writes a bundle text to a temporary folder and loads it with the real loader. */
export function loadCase(text: string): AppModel {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-case-'));
  try {
    const file = path.join(dir, 'app.bundle.json');
    writeFileSync(file, text);
    return loadApp(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
