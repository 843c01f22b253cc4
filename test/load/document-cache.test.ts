import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../../generator/load/index.ts';

/** One load that parses `files` (file → text) through the cache; returns the documents. */
function load(cache: DocumentCache, files: Record<string, string>, maxDepth = 256) {
  cache.startLoad();
  const docs = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, cache.parse(t, f, maxDepth)]));
  cache.endLoad();
  return docs;
}

describe('DocumentCache', () => {
  it('gives an unchanged file the same document and parses a changed one again', () => {
    const cache = new DocumentCache();
    const first = load(cache, { 'a.json': '{"x": 1}', 'b.json': '[1]' });
    const second = load(cache, { 'a.json': '{"x": 1}', 'b.json': '[2]' });
    expect(second['a.json']).toBe(first['a.json']);
    expect(second['b.json']).not.toBe(first['b.json']);
    expect(second['b.json'].value).toEqual([2]);
  });

  it('never serves one file the document of another with the same text', () => {
    const cache = new DocumentCache();
    const docs = load(cache, { 'a.json': '{"x": [1,]}', 'b.json': '{"x": [1,]}' });
    expect(docs['a.json']).not.toBe(docs['b.json']);
    expect(docs['b.json'].diagnostics.map((d) => d.file)).toEqual(['b.json']);
  });

  it('parses again under another depth limit', () => {
    const cache = new DocumentCache();
    const deep = '[[[[1]]]]';
    expect(load(cache, { 'a.json': deep }, 2)['a.json'].value).toBeUndefined();
    expect(load(cache, { 'a.json': deep }, 256)['a.json'].value).toEqual([[[[1]]]]);
  });

  it('forgets files the last load did not read, and an earlier text of a file', () => {
    const cache = new DocumentCache();
    load(cache, { 'a.json': '1', 'b.json': '2' });
    load(cache, { 'a.json': '3' });
    expect(cache.size).toBe(1);
    const again = load(cache, { 'a.json': '1' });
    expect(again['a.json'].value).toBe(1);
  });
});
