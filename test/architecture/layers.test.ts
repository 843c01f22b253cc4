/**
 * The pipeline's layering, read from the code: a stage may import its own folder and the stages
 * below it, never one above it or a sibling on its level (see ARCHITECTURE.md). Folders that do
 * not exist yet keep their place so a new stage starts inside the rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const GENERATOR = path.resolve(import.meta.dirname, '../../generator');

/** Bottom to top; stages on one level may not import each other. */
const LEVELS: string[][] = [
  ['model'],
  ['iml'],
  ['load'],
  ['validate'],
  ['compile', 'academy-api'],
  ['simulate'],
  ['diff'],
  ['grade'],
  ['workflow'],
  // Both are front ends; the CLI's `lsp` command starts the language server, so lsp sits below it.
  ['lsp'],
  ['cli'],
];

const levelOf = new Map(LEVELS.flatMap((stages, level) => stages.map((s) => [s, level] as const)));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative specifiers of static imports, re-exports and dynamic imports (type-only ones included). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g))
    found.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found.filter((s) => s.startsWith('.'));
}

const stageOf = (file: string) => path.relative(GENERATOR, file).split(path.sep)[0];

/** Every import from one stage into another, as `from-file → to-stage`. */
function crossStageImports(): { file: string; from: string; to: string }[] {
  const out: { file: string; from: string; to: string }[] = [];
  for (const file of tsFiles(GENERATOR)) {
    const from = stageOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(GENERATOR + path.sep)) continue;
      const to = stageOf(target);
      if (to !== from) out.push({ file: path.relative(GENERATOR, file), from, to });
    }
  }
  return out;
}

describe('stage layering', () => {
  const imports = crossStageImports();

  it('knows every stage folder under generator/', () => {
    const folders = readdirSync(GENERATOR, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((f) => f.name).filter((n) => !levelOf.has(n))).toEqual([]);
  });

  it('finds the imports it checks (the reader is not blind)', () => {
    expect(imports.some((i) => i.from === 'validate' && i.to === 'iml')).toBe(true);
    expect(
      importsOf("import type { A } from '../model/app.ts';\nconst m = await import('../iml/index.ts');"),
    ).toEqual(['../model/app.ts', '../iml/index.ts']);
  });

  it('no stage imports one above it or a sibling on its level', () => {
    const upward = imports
      .filter((i) => levelOf.has(i.from) && levelOf.has(i.to))
      .filter((i) => levelOf.get(i.to)! >= levelOf.get(i.from)!)
      .map((i) => `${i.file} → ${i.to}/`);
    expect(upward).toEqual([]);
  });
});
