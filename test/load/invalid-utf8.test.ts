/**
 * Invalid UTF-8 in an app file is a load finding at the first bad byte's line:column (issue 10,
 * item 9), not silently replaced by U+FFFD. The text still loads (with U+FFFD) so other checks go on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { invalidUtf8 } from '../../generator/load/utf8.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'utf8-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function appWithCommunication(name: string, bytes: Buffer): string {
  const root = path.join(tmp, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(
    path.join(root, 'makecomapp.json'),
    JSON.stringify({
      fileVersion: 1,
      generalCodeFiles: { base: null, common: null, readme: null, groups: null },
      components: {
        connection: {},
        webhook: {},
        module: { m: { label: 'M', moduleType: 'action', codeFiles: { communication: 'c.iml.json' } } },
        rpc: {},
        function: {},
      },
      origins: [],
    }),
  );
  writeFileSync(path.join(root, 'c.iml.json'), bytes);
  return root;
}

const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('invalid UTF-8 in an app file', () => {
  it.each([
    ['a Latin-1 é inside a string', latin1('{\n  "url": "/caf\u00e9",\n  "method": "GET"\n}'), 2, 15, '0xE9'],
    [
      'a stray continuation byte',
      Buffer.concat([Buffer.from('{ "url": "/x'), Buffer.from([0x80]), Buffer.from('" }')]),
      1,
      13,
      '0x80',
    ],
    [
      'a truncated 3-byte sequence at the end of a line',
      Buffer.concat([Buffer.from('{\r\n "url": "/'), Buffer.from([0xe2, 0x82]), Buffer.from('"\r\n}')]),
      2,
      11,
      '0xE2 0x82',
    ],
    [
      'after a BOM and an astral character',
      Buffer.concat([Buffer.from('\ufeff{ "url": "/😀'), Buffer.from([0xff]), Buffer.from('" }')]),
      1,
      14,
      '0xFF',
    ],
    [
      'an overlong encoding of "/"',
      Buffer.concat([Buffer.from('{ "url": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('" }')]),
      1,
      11,
      '0xC0',
    ],
    [
      'an encoded surrogate',
      Buffer.concat([Buffer.from('{ "url": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('" }')]),
      1,
      11,
      '0xED',
    ],
  ])('%s is one load/encoding error at its line:column', (name, bytes, line, column, shown) => {
    const root = appWithCommunication(name.replace(/\W+/g, '-'), bytes);
    const app = loadApp(root);
    const found = app.diagnostics.filter((d) => d.ruleId === 'load/encoding');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'c.iml.json', severity: 'error', line, column });
    expect(found[0].message).toContain(`${shown} at ${line}:${column}`);
    // still loaded, with the replacement character where the bad bytes were
    expect(app.components.module.m.codes.communication?.text).toContain('\ufffd');
  });

  it('says how many more bad sequences follow the first', () => {
    const root = appWithCommunication('many', latin1('{ "url": "/\u00e9\u00e8\u00ea" }'));
    const [d] = loadApp(root).diagnostics.filter((x) => x.ruleId === 'load/encoding');
    expect(d.message).toMatch(/at 1:12 \(and 2 more invalid sequences\)/);
  });

  it('valid UTF-8 (any script, emoji, an encoded U+FFFD) is not reported', () => {
    const root = appWithCommunication('valid', Buffer.from('{ "url": "/Příliš žluťoučký 😀 \ufffd 日本" }'));
    expect(loadApp(root).diagnostics.filter((d) => d.ruleId === 'load/encoding')).toEqual([]);
  });

  it('counts bad sequences the way the decoder substitutes U+FFFD', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const decoded = buf.toString('utf8');
        const literal = Buffer.from(decoded, 'utf8').toString('utf8') === decoded ? countLiteralFffd(buf) : 0;
        const replaced = [...decoded].filter((c) => c === '\ufffd').length - literal;
        expect(invalidUtf8(buf).count).toBe(replaced);
      }),
      { numRuns: 2000 },
    );
  });
});

/** U+FFFD characters that were validly encoded in the bytes (EF BF BD). */
function countLiteralFffd(buf: Buffer): number {
  let n = 0;
  for (
    let i = buf.indexOf(Buffer.from([0xef, 0xbf, 0xbd]));
    i >= 0;
    i = buf.indexOf(Buffer.from([0xef, 0xbf, 0xbd]), i + 3)
  )
    n++;
  return n;
}
