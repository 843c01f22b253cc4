import path from 'node:path';
import { init } from '../../workflow/init.ts';
import { EXIT } from '../errors.ts';

export function runInit(dir: string, flags: { name?: string }): number {
  const result = init({ dir, ...(flags.name ? { name: flags.name } : {}) });
  for (const f of result.files) process.stdout.write(`  created ${path.join(dir, f)}\n`);
  process.stdout.write(`\nNext:\n  cd ${dir}\n  npm install && npm start\n`);
  return EXIT.ok;
}
