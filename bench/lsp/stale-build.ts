import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A TypeScript source under generator/ changed after build/ was made (its path), or undefined.
 * The server runs from build/: a stale build would measure old code.
 */
export function staleBuild(root: string): string | undefined {
  let built: number;
  try {
    // the incremental build rewrites only changed outputs, but always its own record of the sources
    built = statSync(path.join(root, 'build/.tsbuildinfo')).mtimeMs;
  } catch {
    return 'generator/ (no build/)';
  }
  const newer = (dir: string): string | undefined => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const found = e.isDirectory() ? newer(p) : e.name.endsWith('.ts') && statSync(p).mtimeMs > built && p;
      if (found) return path.relative(root, found);
    }
    return undefined;
  };
  return newer(path.join(root, 'generator'));
}
