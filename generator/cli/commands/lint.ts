import type { Command } from 'commander';
import { Option } from 'commander';
/** Kept here (not read from the formatters) so `--help` does not load the linter. */
import { SEVERITIES } from '../../model/diagnostic.ts';
import { LINT_FORMATS } from '../../validate/formatters/names.ts';
import { lazy, type SetExit } from '../lazy-action.ts';

const HELP_AFTER = `
Paths: an app folder (makecomapp.json, older *.imljson export, app.bundle.json or loose files),
a makecomapp.json, or a bundle JSON file. Several apps can be linted at once.

Exit codes: 0 no finding at or above --fail-severity (and warnings within --max-warnings),
            1 findings at or above the threshold or too many warnings,
            2 usage error, unreadable input or internal error.

Config file: --config <file>, else make-app.config.json or .make-app.json in the app folder or
the current folder (JSON with comments):
  { "profile": "academy-v2",
    "rules": { "structure/*": "warning", "iml/unused-parameter": "off" },
    "ignore": ["modules/legacy-*/**"],
    "profiles": { "my-api": { "hosts": ["api.example.com"], "lifetimeUnit": "seconds",
                              "methodScopes": [{ "method": "GET", "scope": "read" }] } } }

Inline comments in JSONC files:
  // make-app-disable-next-line iml/unknown-function, oauth/*
  "url": "…" // make-app-disable-line security/plain-http
  /* make-app-disable structure/missing-label */   (whole file)

Baseline: --write-baseline lint-baseline.json records today's findings; later runs with
--baseline lint-baseline.json report only new ones (matched by rule, file relative to the app
root, JSON pointer and message, so it matches from any working folder). Entries that match
nothing are reported on stderr: delete them.
`;

export function registerLint(program: Command, setExit: SetExit): void {
  program
    .command('lint')
    .description(
      'Lint Make app definitions: load checks, JSON Schemas and IML-aware rules, with file:line:column',
    )
    .argument('[paths...]', 'app folders, makecomapp.json files or bundle JSON files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
    .addOption(
      new Option('--fail-severity <severity>', 'lowest severity that makes the exit code 1')
        .choices(SEVERITIES)
        .default('error'),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option(
      '-c, --config <file>',
      'lint config file (JSONC): rule severities, profile, ignore globs, profiles',
    )
    .option('--baseline <file>', 'accepted findings to leave out (see --write-baseline)')
    .option(
      '--write-baseline <file>',
      'write the current findings as a baseline file, then report against it',
    )
    .option('--profile <name>', 'API profile (built in: academy-v2, generic; default: detected from URLs)')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--list-rules', 'print every rule with its default severity and description, then exit')
    .addHelpText('after', HELP_AFTER)
    .action(lazy(setExit, async () => (await import('../actions/lint.ts')).runLint));
}
