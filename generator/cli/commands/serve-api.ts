import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerServeApi(program: Command, setExit: SetExit): void {
  program
    .command('serve-api')
    .description(
      'Run the embedded App Academy API (v1 + v2 OAuth2) on loopback for manual use; prints the registered credentials',
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--host <address>', 'interface to bind', '127.0.0.1')
    .option('--access-minutes <n>', 'access token lifetime in minutes (default 60)')
    .option('--refresh-minutes <n>', 'refresh token lifetime in minutes (default 1440)')
    .option('--code-minutes <n>', 'authorization code lifetime in minutes (default 10)')
    .option('--seed <n>', 'deterministic mode: seeded credentials, tokens and ids (clock stays real)')
    .option(
      '--external-webhooks',
      'also deliver webhooks to non-loopback URLs (off: nothing leaves the machine)',
    )
    .option('--json', 'print the endpoints and credentials as one JSON line instead of the banner')
    .option('--quiet', 'do not print a line per request')
    .action(lazy(setExit, async () => (await import('../actions/serve-api.ts')).runServeApi));
}
