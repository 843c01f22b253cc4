/**
 * Type-level tests: the files in cases/ are compiled with the TypeScript compiler API. Each
 * `// @expect-error <text>` marker demands an error on the next line whose message contains
 * <text>; any other error in those files fails the test. The cases are excluded from the
 * project's tsconfig so `npm test`'s tsc does not trip over the intended errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CASES = path.join(import.meta.dirname, 'cases');
const files = readdirSync(CASES)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(CASES, f));

interface Expectation {
  line: number;
  text: string;
}

function expectations(file: string): Expectation[] {
  const out: Expectation[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\s*\/\/ @expect-error (.+)$/.exec(l);
      if (m) out.push({ line: i + 2, text: m[1]!.trim() });
    });
  return out;
}

const { options } = ts.convertCompilerOptionsFromJson(
  JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'tsconfig.json'), 'utf8'))
    .compilerOptions,
  path.join(import.meta.dirname, '..', '..'),
);
const program = ts.createProgram(files, { ...options, noEmit: true });

function errorsOf(file: string): { line: number; message: string }[] {
  const sf = program.getSourceFile(file)!;
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => ({
    line: sf.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('type-level: the authoring API rejects what Make would reject', () => {
  for (const file of files) {
    const name = path.basename(file);
    const wanted = expectations(file);
    const got = errorsOf(file);

    it(`${name} has expectations (so it cannot pass vacuously)`, () => {
      expect(wanted.length).toBeGreaterThan(5);
    });

    for (const e of wanted) {
      it(`${name}:${e.line} is a type error mentioning ${e.text}`, () => {
        const onLine = got.filter((g) => g.line === e.line);
        expect(onLine.map((g) => g.message).join('\n---\n')).toContain(e.text);
      });
    }

    it(`${name} has no other type errors`, () => {
      const expectedLines = new Set(wanted.map((e) => e.line));
      expect(got.filter((g) => !expectedLines.has(g.line))).toEqual([]);
    });
  }
});
