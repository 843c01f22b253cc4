import { loadManifestDocument } from '../../load/index.ts';
import type { AppModel, CodeFile, Component, ComponentCodeType } from '../../model/app.ts';
import { componentId } from '../../model/app.ts';
import { type Diagnostic, diagnosticAt, type Severity } from '../../model/diagnostic.ts';
import { CODE_TYPES_BY_KIND } from '../../model/index.ts';
import type { SourceLocation } from '../../model/location.ts';
import { memoByValue } from '../memo-by-value.ts';
import { schemaForComponentCode, schemaForGeneralCode } from './choose.ts';
import { schemaTitle } from './compile.ts';
import { explain, type SchemaFinding } from './explain.ts';
import type { SchemaName } from './registry.ts';

export { schemaForComponentCode, schemaForGeneralCode } from './choose.ts';
export { schemaTitle } from './compile.ts';
export { explain, type SchemaFinding } from './explain.ts';
export { SCHEMA_NAMES, type SchemaName } from './registry.ts';

type Locator = Pick<CodeFile, 'file' | 'locate'>;

/**
 * The schema step: validates every code of the app against the schema of its place (code type,
 * module type, connection type) and `makecomapp.json` against its own schema. Each finding is an
 * error `schema/<schema-name>` at the exact line:column of the offending value or key.
 */
export function validateSchemas(app: AppModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const manifest = loadManifestDocument(app);
  // An incomplete manifest (components found in folders instead) already has its one finding.
  const incomplete = app.diagnostics.some((d) => d.ruleId === 'load/incomplete-manifest');
  if (manifest && !incomplete) {
    check(out, 'makecomapp', manifest.doc.value, { file: manifest.file, locate: manifest.doc.locate });
  }
  for (const [type, code] of Object.entries(app.general)) {
    const name = schemaForGeneralCode(type as ComponentCodeType);
    if (name && code && code.value !== undefined) check(out, name, code.value, code, type);
  }
  for (const kind of Object.values(app.components)) {
    for (const c of Object.values(kind)) checkComponent(out, c);
  }
  return out;
}

function checkComponent(out: Diagnostic[], c: Component): void {
  const id = componentId(c);
  for (const [t, code] of Object.entries(c.codes)) {
    const type = t as ComponentCodeType;
    if (!code) continue;
    if (!CODE_TYPES_BY_KIND[c.kind].includes(type)) {
      push(
        out,
        'schema/code-type',
        'warning',
        `A ${c.kind} has no \`${type}\` code; Make never reads this file.`,
        code.locate(''),
        id,
      );
      continue;
    }
    if (c.kind === 'module' && type === 'epoch' && c.moduleType && c.moduleType !== 'trigger') {
      push(
        out,
        'schema/module-epoch',
        'error',
        `An epoch belongs only to polling triggers; this ${c.moduleType.replace('_', ' ')} module never uses it.`,
        code.locate(''),
        id,
      );
      continue;
    }
    if (
      c.kind === 'connection' &&
      (type === 'scopeList' || type === 'defaultScope') &&
      c.connectionType === 'basic' &&
      !isEmpty(code.value)
    ) {
      push(
        out,
        'schema/code-type',
        'warning',
        `\`${type}\` is only read for OAuth connections; this basic connection ignores it.`,
        code.locate(''),
        id,
      );
    }
    if (code.value === undefined) continue; // unparsable: the loader reported it
    if (c.kind === 'module' && type === 'communication' && !c.moduleType) {
      if (c.metadataOutside) continue; // the layout cannot say the type; nothing to fix in the files
      push(
        out,
        'schema/module-type',
        'warning',
        'The module type is unknown (no moduleType), so its communication could not be checked; declare moduleType.',
        c.declaredAt ?? code.locate(''),
        id,
      );
      continue;
    }
    const name = schemaForComponentCode(c, type);
    if (name) check(out, name, code.value, code, id);
  }
}

function check(out: Diagnostic[], name: SchemaName, value: unknown, code: Locator, component?: string): void {
  for (const f of explainOnce(name, value)) {
    push(
      out,
      `schema/${name}`,
      f.severity,
      /[.?]$/.test(f.message) ? f.message : `${f.message}.`,
      code.locate(f.pointer, { key: f.key }),
      component,
    );
  }
}

const explainMemo = memoByValue<SchemaFinding[]>();

/** The findings of a value against a schema, validated once per parsed value. */
function explainOnce(name: SchemaName, value: unknown): SchemaFinding[] {
  return explainMemo(value, name, () => explain(name, value, schemaTitle(name)));
}

function push(
  out: Diagnostic[],
  ruleId: string,
  severity: Severity,
  message: string,
  loc: SourceLocation,
  component?: string,
): void {
  out.push(diagnosticAt(ruleId, severity, message, loc, component));
}

/** `[]`, `{}` or nothing: the empty sections older exports write for every component. */
function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'object' && Object.keys(v).length === 0);
}
