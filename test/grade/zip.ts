import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Zips a folder's contents into a new .zip with the system `zip` tool (a real archive, as students send). */
export function zipFolder(dir: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'grade-zip-')), 'submission.zip');
  execFileSync('zip', ['-qr', out, '.'], { cwd: dir });
  return out;
}
