/**
 * Make's word lists are written once (in model/, or in the one file that owns them). A list of
 * four or more strings that mostly repeats another file's list is a second copy that a later fix
 * would miss. This test finds such pairs with the TypeScript parser; a pair that is a deliberate
 * view of its own (a display order, a loader's fallback file names) is listed with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../generator');

/** `fileA ~ fileB` → why the two lists are not one. */
const DELIBERATE: Record<string, string> = {
  'compile/import/generate.ts ~ model/app.ts': 'the order the importer writes sections in, for reading',
  'diff/compare-components.ts ~ model/app.ts': 'the order a diff lists sections in',
  'compile/import/generate.ts ~ diff/compare-components.ts':
    'two display orders of code types, each for its reader',
  'diff/format/group.ts ~ model/app.ts': 'the order of general files and component folders in a diff report',
  'diff/normalize-request.ts ~ model/directives.ts':
    'the directives the differ normalises itself, typed by the model so a misspelling fails',
  'iml/functions/signature.ts ~ model/parameter-types.ts':
    'IML value types of function signatures, not parameter types; some words are the same',
  'lsp/completion.ts ~ validate/rules/security-unsanitized-secret.ts':
    'IML roots offered for completion, and the roots that may hold secrets',
  'model/change-topics.ts ~ validate/rules/oauth-refresh-token-not-stored.ts':
    'a rule declares the change topics it explains (typed by ChangeTopic)',
};

interface WordList {
  at: string;
  words: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function wordLists(file: string): WordList[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: WordList[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isArrayLiteralExpression(n) && n.elements.length >= 4 && n.elements.every(ts.isStringLiteral)) {
      const line = src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
      out.push({
        at: `${path.relative(ROOT, file)}:${line}`,
        words: n.elements.map((e) => (e as ts.StringLiteral).text),
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** Every pair of lists in two files sharing four or more words, most of the shorter one. */
function repeatedLists(): { files: string; shown: string }[] {
  const lists = sourceFiles(ROOT).flatMap(wordLists);
  const found: { files: string; shown: string }[] = [];
  for (let i = 0; i < lists.length; i++)
    for (let j = i + 1; j < lists.length; j++) {
      const [a, b] = [lists[i], lists[j]];
      const [fileA, fileB] = [a.at.split(':')[0], b.at.split(':')[0]];
      if (fileA === fileB) continue;
      const inB = new Set(b.words);
      const common = new Set(a.words.filter((w) => inB.has(w)));
      if (common.size < 4 || common.size < 0.8 * Math.min(new Set(a.words).size, inB.size)) continue;
      found.push({ files: `${fileA} ~ ${fileB}`, shown: `${a.at} ~ ${b.at}: ${[...common].join(', ')}` });
    }
  return found;
}

const pairs = repeatedLists();
const deliberate = (files: string) => {
  const [a, b] = files.split(' ~ ');
  return DELIBERATE[files] ?? DELIBERATE[`${b} ~ ${a}`];
};

describe("Make's vocabulary is written once", () => {
  it('no two files hold the same list of four or more words', () => {
    expect(pairs.filter((p) => !deliberate(p.files)).map((p) => p.shown)).toEqual([]);
  });

  it('every pair listed as deliberate still exists (the list does not go stale)', () => {
    const seen = new Set(pairs.map((p) => p.files));
    const stale = Object.keys(DELIBERATE).filter(
      (k) => !seen.has(k) && !seen.has(k.split(' ~ ').reverse().join(' ~ ')),
    );
    expect(stale).toEqual([]);
  });
});
