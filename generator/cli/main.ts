import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';
import { EXIT, formatInputError, InputError, UsageError } from './errors.ts';

/** Runs the CLI and returns the exit code (the bin sets process.exitCode from it). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('make-app')
    .description('Build, lint, simulate and diff Make.com custom apps')
    .version('0.1.0')
    .showHelpAfterError(false)
    .configureOutput({ outputError: (str, write) => write(parserError(str, undefined)) })
    .exitOverride();
  program.showSuggestionAfterError(true);
  let code: number = EXIT.ok;
  registerCommands(program, (c) => {
    code = c;
  });
  // Every subcommand inherits exitOverride so commander never calls process.exit itself.
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ outputError: (str, write) => write(parserError(str, sub.name())) });
  }
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.error;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`make-app: ${e.message}\n`);
      return EXIT.error;
    }
    if (e instanceof InputError) {
      process.stderr.write(`make-app: ${formatInputError(e)}\n`);
      return EXIT.error;
    }
    process.stderr.write(`make-app: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.error;
  }
}

/** commander's "error: unknown option ..." as one line with the tool's prefix and where to look. */
function parserError(text: string, command: string | undefined): string {
  const first = text.split('\n')[0]!.replace(/^error:\s*/, '');
  return `make-app: ${first} (see make-app ${command ? `${command} ` : ''}--help)\n`;
}
