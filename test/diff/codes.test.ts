import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_CODES } from '../../generator/diff/codes.ts';
import { CHANGE_CLASSES } from '../../generator/diff/types.ts';

const DIR = path.resolve(import.meta.dirname, '../../generator/diff');

/** Codes written in the differ's sources, with `D-${CODE}-…` templates expanded for QUERY and BODY. */
function codesInSources(): Set<string> {
  const found = new Set<string>();
  for (const f of readdirSync(DIR)) {
    if (!f.endsWith('.ts') || f === 'codes.ts') continue;
    const text = readFileSync(path.join(DIR, f), 'utf8');
    for (const m of text.matchAll(/['`](D-[A-Z]+(?:-[A-Z]+)*)['`]/g)) found.add(m[1]);
    for (const m of text.matchAll(/`D-\$\{CODE\}(-[A-Z-]+)`/g))
      for (const k of ['QUERY', 'BODY']) found.add(`D-${k}${m[1]}`);
  }
  return found;
}

describe('the change code catalogue', () => {
  const used = codesInSources();
  it('documents every code the differ can emit', () => {
    expect([...used].filter((c) => !(c in CHANGE_CODES))).toEqual([]);
  });
  it('lists no code the differ never emits', () => {
    expect(Object.keys(CHANGE_CODES).filter((c) => !used.has(c))).toEqual([]);
  });
  it.each(Object.entries(CHANGE_CODES))('%s names valid classes and says what it means', (_code, def) => {
    for (const c of def.classes.split('|')) expect(CHANGE_CLASSES).toContain(c);
    expect(def.summary.length).toBeGreaterThan(5);
  });
});
