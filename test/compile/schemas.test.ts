/**
 * The compiled reference app against the project's own JSON Schemas (`schemas/`, one per code
 * type): every emitted code has a schema for its place, and validates against it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import type { AppModel, ComponentCodeType } from '../../generator/model/index.ts';
import { schemaForComponentCode, schemaForGeneralCode } from '../../generator/validate/schema/choose.ts';
import { validateSchemas } from '../../generator/validate/schema/index.ts';
import { SCHEMAS_DIR } from '../../generator/validate/schema/registry.ts';
import { build as buildApp } from '../../generator/workflow/build.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-schemas-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let app: AppModel;
beforeAll(async () => {
  await buildApp({ src: 'app-src', out: work });
  app = loadApp(work);
}, 120_000);

/** Every (file, schema) pair of the compiled app; README has no schema. */
function pairs(): { file: string; schema: string | undefined }[] {
  const out: { file: string; schema: string | undefined }[] = [];
  for (const [type, code] of Object.entries(app.general)) {
    if (type === 'readme' || !code) continue;
    out.push({ file: code.file, schema: schemaForGeneralCode(type as ComponentCodeType) });
  }
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind))
      for (const [type, code] of Object.entries(c.codes)) {
        if (code) out.push({ file: code.file, schema: schemaForComponentCode(c, type as ComponentCodeType) });
      }
  return out;
}

const schemasWritten = existsSync(path.join(SCHEMAS_DIR, 'base.schema.json'));

describe('the compiled reference app and schemas/', { timeout: 120_000 }, () => {
  it('has a schema for every emitted code file', () => {
    const list = pairs();
    expect(list.length).toBeGreaterThan(80);
    expect(list.filter((p) => !p.schema)).toEqual([]);
  });

  it.runIf(schemasWritten)(
    'validates every emitted file against its schema (and makecomapp.json against its own)',
    () => {
      expect(validateSchemas(app).map((d) => `${d.file}${d.pointer}: ${d.ruleId} ${d.message}`)).toEqual([]);
    },
  );
});
