import { readFileSync } from 'node:fs';
import moment from 'moment-timezone';
import {
  type CustomFunctions,
  createCustomFunctionsAsync,
  type EvalOptions,
  evaluateTemplate,
  formatImlError,
  ImlError,
} from '../../iml/index.ts';
import { parseJsonDocument } from '../../load/index.ts';
import { checkInputFile, INPUT_LIMITS } from '../../workflow/input-file.ts';
import { EXIT, InputError, UsageError } from '../errors.ts';

interface ImlFlags {
  vars?: string;
  now?: string;
  tz?: string;
  strictEquality?: boolean;
  functions?: string;
}

function readJsonFile(file: string, what: string): unknown {
  checkInputFile(file, what, INPUT_LIMITS.json);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `cannot read the ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { file },
    );
  }
  // The one loader's parser: positions on errors, and its depth limit keeps a 100k-level file from
  // overflowing the stack later (printing the result, comparing values).
  const doc = parseJsonDocument(text, file);
  const bad = doc.diagnostics.find((d) => d.severity === 'error');
  if (bad || doc.value === undefined)
    throw new InputError(`the ${what} file is not valid JSON: ${bad?.message ?? 'no value'}`, {
      file,
      line: bad?.line,
      column: bad?.column,
    });
  return doc.value;
}

/** JSON output; `undefined` (no JSON spelling) prints as the IML keyword. */
function render(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

export async function runIml(template: string, flags: ImlFlags): Promise<number> {
  const ctx = flags.vars === undefined ? {} : readJsonFile(flags.vars, '--vars');
  if (ctx === null || typeof ctx !== 'object' || Array.isArray(ctx))
    throw new InputError('--vars must hold a JSON object of root variables', { file: flags.vars });
  const opts: EvalOptions = { equality: flags.strictEquality ? 'strict' : 'loose' };
  if (flags.now !== undefined) {
    const at = new Date(flags.now);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--now '${flags.now}' is not an ISO date`);
    opts.now = () => at;
  }
  if (flags.tz !== undefined) {
    if (!moment.tz.zone(flags.tz))
      throw new UsageError(`--tz '${flags.tz}' is not an IANA time zone (e.g. Europe/Prague)`);
    opts.timezone = flags.tz;
  }
  let functions: CustomFunctions | undefined;
  try {
    if (flags.functions !== undefined) {
      const sources = readJsonFile(flags.functions, '--functions');
      if (
        sources === null ||
        typeof sources !== 'object' ||
        Array.isArray(sources) ||
        Object.values(sources).some((v) => typeof v !== 'string')
      )
        throw new InputError('--functions must hold a JSON object of name → function source text', {
          file: flags.functions,
        });
      functions = await createCustomFunctionsAsync(sources as Record<string, string>, {
        timeoutMs: 2000,
      });
      opts.functions = functions;
    }
    const result = evaluateTemplate(template, ctx as Record<string, unknown>, opts);
    process.stdout.write(`${render(result)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof ImlError)) throw e;
    process.stderr.write(`make-app iml: ${formatImlError(e, template)}\n`);
    return EXIT.error;
  } finally {
    functions?.dispose();
  }
}
