import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseJsonDocument } from '../../load/index.ts';
import { InputError } from '../../model/errors.ts';
import type { LintConfig } from '../types.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';

export const CONFIG_FILE_NAMES = ['make-app.config.json', '.make-app.json'] as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** Parses and validates a config text; errors name the file, line and column. */
export function parseConfig(text: string, file: string): LintConfig {
  const doc = parseJsonDocument(text, file);
  const syntax = doc.diagnostics.find((d) => d.severity === 'error');
  if (syntax || doc.value === undefined)
    throw new InputError(syntax?.message ?? 'not valid JSON', {
      file,
      line: syntax?.line,
      column: syntax?.column,
    });
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(CONFIG_SCHEMA);
  if (!validate(doc.value)) {
    const err = validate.errors?.[0];
    const at = doc.locate(err?.instancePath ?? '');
    const where = err?.instancePath ? `${err.instancePath} ` : '';
    const extra =
      err?.keyword === 'additionalProperties'
        ? ` ("${(err.params as { additionalProperty: string }).additionalProperty}")`
        : err?.keyword === 'enum'
          ? ` (one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
          : '';
    throw new InputError(
      `invalid lint config: ${where}${err?.message ?? 'does not match the schema'}${extra}`,
      {
        file,
        line: at.line,
        column: at.column,
      },
    );
  }
  return doc.value as LintConfig;
}

export function readConfigFile(file: string): LintConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `cannot read config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { file },
    );
  }
  return parseConfig(text, file);
}

/** The first config file found in these folders (in order), or undefined. */
export function findConfigFile(folders: readonly string[]): string | undefined {
  for (const dir of folders)
    for (const name of CONFIG_FILE_NAMES) {
      const f = path.join(dir, name);
      if (existsSync(f)) return f;
    }
  return undefined;
}
