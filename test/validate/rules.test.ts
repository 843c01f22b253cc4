import { describe, expect, it } from 'vitest';
import { lintApp } from '../../generator/validate/index.ts';
import { placeholdersOf } from '../../generator/validate/message-template.ts';
import { ALL_RULES } from '../../generator/validate/rules/index.ts';
import { loadCase } from './case-app.ts';
import { expectedPositions } from './markers.ts';

/** A finding as the case markers name it: where, and which of the rule's messages. */
const pos = (d: { line: number; column: number; messageId?: string }) =>
  `${d.line}:${d.column} ${d.messageId}`;

describe('rule catalogue', () => {
  it('has at least 40 rules with unique ids, one-line descriptions and docs', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^(iml|oauth|scope|security|structure)\/[a-z0-9-]+$/);
      expect(r.description).not.toMatch(/\n/);
      expect(r.docs.length).toBeGreaterThan(60);
      expect(r.cases.valid.length).toBeGreaterThan(0);
      expect(r.cases.invalid.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('every rule message is used by an invalid case, and only declared ids are marked', () => {
    for (const r of ALL_RULES) {
      const marked = new Set(
        r.cases.invalid.flatMap((c) => expectedPositions(c.bundle).map((m) => m.messageId)),
      );
      expect(
        [...marked].filter((id) => !(id in r.messages)),
        r.id,
      ).toEqual([]);
      expect(
        Object.keys(r.messages).filter((id) => !marked.has(id)),
        r.id,
      ).toEqual([]);
    }
  });
});

for (const rule of ALL_RULES) {
  describe(rule.id, () => {
    for (const c of rule.cases.valid) {
      it(`accepts: ${c.name}`, () => {
        const app = loadCase(c.bundle);
        expect(app.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const found = lintApp(
          app,
          { profile: c.profile },
          { rules: [rule], skipSchemas: true },
        ).diagnostics.filter((d) => d.ruleId === rule.id);
        expect(found).toEqual([]);
      });
    }
    for (const c of rule.cases.invalid) {
      it(`reports at the marked positions: ${c.name}`, () => {
        const expected = expectedPositions(c.bundle).map(pos).sort();
        expect(expected.length).toBeGreaterThan(0);
        const app = loadCase(c.bundle);
        expect(app.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const found = lintApp(
          app,
          { profile: c.profile },
          { rules: [rule], skipSchemas: true },
        ).diagnostics.filter((d) => d.ruleId === rule.id);
        expect(found.map(pos).sort()).toEqual(expected);
        for (const d of found) {
          expect(d.file).toBe('app.bundle.json');
          expect(d.severity).toBe(rule.defaultSeverity);
          expect(d.message.length).toBeGreaterThan(10);
          // every placeholder of the template was given a value
          expect(placeholdersOf(d.message)).toEqual([]);
        }
      });
      it(`reports at the same line:column with CRLF line endings and a BOM: ${c.name}`, () => {
        const expected = expectedPositions(c.bundle).map(pos).sort();
        const app = loadCase(`\uFEFF${c.bundle.replace(/\n/g, '\r\n')}`);
        const found = lintApp(
          app,
          { profile: c.profile },
          { rules: [rule], skipSchemas: true },
        ).diagnostics.filter((d) => d.ruleId === rule.id);
        expect(found.map(pos).sort()).toEqual(expected);
      });
      it(`is silenced by a file-level disable comment: ${c.name}`, () => {
        const app = loadCase(`/* make-app-disable ${rule.id} */\n${c.bundle}`);
        const result = lintApp(app, {}, { rules: [rule], skipSchemas: true });
        expect(result.diagnostics.filter((d) => d.ruleId === rule.id)).toEqual([]);
        expect(result.suppressed).toBe(expectedPositions(c.bundle).length);
      });
      it(`is silenced line by line with disable-next-line: ${c.name}`, () => {
        const lines = c.bundle.split('\n');
        const marked = new Set(expectedPositions(c.bundle).map((m) => m.line));
        const text = lines
          .flatMap((l, i) => (marked.has(i + 1) ? [`// make-app-disable-next-line ${rule.id}`, l] : [l]))
          .join('\n');
        const result = lintApp(loadCase(text), {}, { rules: [rule], skipSchemas: true });
        expect(result.diagnostics.filter((d) => d.ruleId === rule.id)).toEqual([]);
        expect(result.suppressed).toBe(expectedPositions(c.bundle).length);
      });
    }
  });
}
