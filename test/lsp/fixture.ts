import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh copy of the compiled reference app (dist-app) in a temporary workspace folder. */
export function copyReferenceApp(): { workspace: string; app: string } {
  const workspace = mkdtempSync(path.join(tmpdir(), 'lsp-ws-'));
  const app = path.join(workspace, 'academy');
  cpSync(path.resolve(import.meta.dirname, '../../dist-app'), app, { recursive: true });
  return { workspace, app };
}
