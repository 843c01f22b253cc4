import { writeVscodeSchemas } from '../../workflow/vscode-settings.ts';
import { EXIT, UsageError } from '../errors.ts';

export function runSchemas(app: string, flags: { vscode?: string | true; schemasBase?: string }): number {
  if (!flags.vscode) throw new UsageError('say which editor to set up: --vscode [dir]');
  const r = writeVscodeSchemas({
    app,
    ...(typeof flags.vscode === 'string' ? { workspace: flags.vscode } : {}),
    ...(flags.schemasBase ? { schemasBase: flags.schemasBase } : {}),
  });
  process.stdout.write(`${r.settingsFile}: ${r.entries} schema association(s) for ${app}\n`);
  return EXIT.ok;
}
