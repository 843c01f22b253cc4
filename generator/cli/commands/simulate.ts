import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerSimulate(program: Command, setExit: SetExit): void {
  program
    .command('simulate')
    .description(
      'Run an app the way Make does against the embedded App Academy API (smoke scenario by default)',
    )
    .argument('<app>', 'app folder (makecomapp.json or *.imljson export) or app.bundle.json')
    .option(
      '--scenario <path>',
      'scenario YAML file or folder of them (default: a smoke scenario generated from the app)',
    )
    .option('--har <out>', 'write every exchange, redacted, as HAR 1.2')
    .option(
      '--har-keep <name...>',
      'keep a header/field/key that redaction by name hides visible (repeatable)',
    )
    .option(
      '--replay <har>',
      'answer requests from a recorded HAR instead of the API (unmatched requests fail)',
    )
    .option('--mermaid <out.md>', 'write a Mermaid sequence diagram of the flow')
    .option('--seed <n>', 'seed of the embedded API and of IML random/uuid', '1')
    .option('--host-map <host=url...>', 'route another host to a local server (repeatable)')
    .option('--common <key=value...>', "override a common-data key the app's IML reads (repeatable)")
    .option('--equality <mode>', 'IML equality: loose (default) or strict')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'print output bundles')
    .option('--live', 'target the real API with ACADEMY_CLIENT_ID/ACADEMY_CLIENT_SECRET from the environment')
    .option('--yes-send-real-requests', 'confirm --live')
    .action(lazy(setExit, async () => (await import('../actions/simulate.ts')).runSimulate));
}
