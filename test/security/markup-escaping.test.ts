import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkup, escapeXml, unescapeMarkup } from '../../generator/model/index.ts';

describe('markup escaping (reports, JUnit, the consent page) keeps hostile text as text', () => {
  it('escaped text has no character that opens markup or ends a quoted attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(escapeMarkup(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
      }),
    );
  });

  it('unescaping gives back exactly the text that was escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(unescapeMarkup(escapeMarkup(s))).toBe(s);
      }),
    );
  });

  it('XML text drops what XML 1.0 forbids (control characters, lone surrogates, U+FFFE) and keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\tok\n\uFFFE😀 <x>')).toBe('abc\tok\n😀 &lt;x&gt;');
    expect(escapeXml('\uD800alone')).toBe('alone');
  });

  it('numeric and named references decode in one pass (no double decoding)', () => {
    expect(unescapeMarkup('&amp;lt; &#60; &#x3c; &quot;&apos; &unknown;')).toBe('&lt; < < "\' &unknown;');
  });
});
