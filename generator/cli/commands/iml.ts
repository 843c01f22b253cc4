import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerIml(program: Command, setExit: SetExit): void {
  program
    .command('iml')
    .description('Evaluate one IML template (as in an app definition) and print the result as JSON')
    .argument(
      '<template>',
      "the template, e.g. 'Bearer {{connection.accessToken}}' or '{{formatDate(now, \"YYYY-MM-DD\")}}'",
    )
    .option('--vars <file.json>', 'JSON object with the root variables (parameters, connection, body, ...)')
    .option('--now <ISO>', 'fixed time for now/timestamp, e.g. 2026-01-01T00:00:00Z')
    .option('--tz <Zone>', 'IANA time zone for date functions (default UTC)')
    .option('--strict-equality', 'compare with === instead of the default loose ==')
    .option(
      '--functions <file.json>',
      'JSON object {name: "function name(...) {...}"} of custom IML functions (run sandboxed)',
    )
    .addHelpText(
      'after',
      '\nA template that is exactly one {{expression}} keeps the value type (number, array, object...);\n' +
        'text around expressions makes a string. Syntax errors print the template with a caret and exit 2.\n' +
        "Example: make-app iml '{{addDays(now, 1)}}' --now 2026-01-01T00:00:00Z --tz Europe/Prague",
    )
    .action(lazy(setExit, async () => (await import('../actions/iml.ts')).runIml));
}
