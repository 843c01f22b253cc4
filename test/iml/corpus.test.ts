/**
 * Works on real apps: every IML string of every app in the shared corpus is analysed, parsed and
 * evaluated (against an empty context); the engine answers each with a value or a typed error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { analyzeValue, evaluateTemplate, ImlError, printTemplate } from '../../generator/iml/index.ts';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) jsonFiles(p, out);
    else if (/\.(json|imljson)$/.test(name)) out.push(p);
  }
  return out;
}

const apps = (corpusAvailable ? readdirSync(CORPUS) : []).filter((n) =>
  statSync(path.join(CORPUS, n)).isDirectory(),
);

describe.skipIf(!corpusAvailable)('IML over the real apps of the corpus', () => {
  it.each(apps)('%s: every IML string analyses, evaluates and prints with typed errors only', (app) => {
    let strings = 0;
    let syntaxErrors = 0;
    for (const file of jsonFiles(path.join(CORPUS, app))) {
      const value = parseJsonc(readFileSync(file, 'utf8'), [], { allowTrailingComma: true });
      for (const entry of analyzeValue(value)) {
        strings++;
        if (entry.errors.length > 0) syntaxErrors++;
        for (const run of [() => evaluateTemplate(entry.source, {}), () => printTemplate(entry.source)]) {
          try {
            run();
          } catch (e) {
            if (!(e instanceof ImlError)) throw new Error(`${file}#${entry.pointer}: untyped ${String(e)}`);
          }
        }
        if (entry.errors.length === 0) {
          const printed = printTemplate(entry.source);
          expect(printTemplate(printed), `${file}#${entry.pointer}`).toBe(printed);
        }
      }
    }
    // A handful of real strings are genuinely broken (`and`, object literals, juxtaposed values).
    expect(syntaxErrors).toBeLessThanOrEqual(Math.max(3, strings * 0.05));
  });
});
