/**
 * Reads scenario YAML files: parsed with `yaml` (positions kept), validated by
 * schemas/scenario.schema.json with ajv; every problem names file:line:column.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, type Node, parseDocument } from 'yaml';
import { unescapePointerSegment } from '../model/location.ts';
import { packageFile } from '../model/package-files.ts';
import { parseDuration } from './duration.ts';
import type { Scenario } from './scenario-types.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
  get where(): string {
    return `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ''}`;
  }
}

const SCHEMA_PATH = packageFile('schemas/scenario.schema.json');
let validator: ValidateFunction | undefined;

function getValidator() {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

const MAX_SCENARIO_BYTES = 1024 * 1024;
const MAX_ADVANCE_MS = 100 * 365 * 86_400_000;

/** Parses and validates one scenario document. `file` is used in messages only. */
export function parseScenario(text: string, file: string): Scenario {
  if (text.length > MAX_SCENARIO_BYTES)
    throw new ScenarioError(`scenario is larger than ${MAX_SCENARIO_BYTES} bytes`, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    // the YAML parser recurses per nesting level: a stack overflow means "nested far too deep"
    const message = /call stack/i.test(e.message) ? 'nested too deeply' : e.message.split('\n')[0];
    throw new ScenarioError(`YAML syntax: ${message}`, file, pos.line, pos.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ScenarioError(`YAML: ${(e as Error).message}`, file);
  }
  const validate = getValidator();
  if (!validate(value)) {
    const errors = validate.errors ?? [];
    // The most specific error: the deepest instance path, preferring additionalProperties/required.
    const best = [...errors].sort(
      (a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length,
    )[0];
    const segs = best.instancePath.split('/').slice(1).map(unescapePointerSegment);
    // Point at the offending key itself when the error names one.
    if (best.keyword === 'additionalProperties')
      segs.push((best.params as { additionalProperty: string }).additionalProperty);
    const node = nearestNode(doc.contents as Node | null, segs);
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    const extra =
      best.keyword === 'additionalProperties'
        ? ` "${(best.params as { additionalProperty: string }).additionalProperty}"`
        : best.keyword === 'enum'
          ? ` (${(best.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`
          : '';
    const at = best.instancePath ? best.instancePath.slice(1).replace(/\//g, '.') : 'scenario';
    throw new ScenarioError(`${at}: ${best.message}${extra}`, file, pos?.line, pos?.col);
  }
  const sc = value as Scenario;
  for (const key of Object.keys(sc.settings ?? {})) {
    if (!(key in DEFAULT_SETTINGS)) {
      const node = nearestNode(doc.contents as Node | null, ['settings', key]);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      throw new ScenarioError(
        `settings.${key}: unknown setting (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})`,
        file,
        pos?.line,
        pos?.col,
      );
    }
  }
  sc.steps.forEach((s, i) => {
    // beyond ~100 years the fake clock leaves the range of dates (a RangeError mid-run otherwise)
    const ms = 'advance' in s ? parseDuration(s.advance) : 0;
    if (ms === undefined || ms > MAX_ADVANCE_MS) {
      const node = nearestNode(doc.contents as Node | null, ['steps', String(i), 'advance']);
      const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
      throw new ScenarioError(
        ms === undefined
          ? `steps.${i}.advance: not a duration like 61m or 25h`
          : `steps.${i}.advance: more than 100 years; the simulated clock cannot go that far`,
        file,
        pos?.line,
        pos?.col,
      );
    }
  });
  return { ...sc, file };
}

function isPairItem(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'key' in v;
}

/** The node at `segs` — for a mapping entry, its key (so carets land on `run:`, not on its value). */
function nearestNode(root: Node | null, segs: string[]): Node | undefined {
  let node: unknown = root;
  let last: Node | undefined = root ?? undefined;
  for (const s of segs) {
    const n = node as { items?: unknown[] };
    if (!n || !Array.isArray(n.items)) break;
    let next: unknown;
    let keyNode: unknown;
    if (isPairItem(n.items[0]) || n.items.length === 0) {
      const pair = (n.items as { key: { value?: unknown } | null; value: unknown }[]).find(
        (p) => String(p.key?.value ?? p.key) === s,
      );
      if (!pair) break;
      next = pair.value;
      keyNode = pair.key;
    } else next = /^\d+$/.test(s) ? n.items[Number(s)] : undefined;
    if (isNode(keyNode)) last = keyNode;
    if (!isNode(next)) break;
    node = next;
    if (!isNode(keyNode)) last = next;
  }
  return last;
}

/** Loads one .yaml/.yml file, or every one in a folder (sorted by name). */
export function loadScenarios(path: string, cwd = process.cwd()): Scenario[] {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new ScenarioError('no such scenario file or folder', path);
  const files = statSync(abs).isDirectory()
    ? readdirSync(abs)
        .filter((f) => /\.ya?ml$/i.test(f))
        .sort()
        .map((f) => join(abs, f))
    : [abs];
  if (files.length === 0) throw new ScenarioError('the folder holds no .yaml scenario', path);
  return files.map((f) => parseScenario(readScenarioFile(f, relative(cwd, f) || f), relative(cwd, f) || f));
}

/**
 * Reads one scenario file after checking (through links) that it is a regular file of sane size:
 * a named pipe would block forever and /dev/zero would never end.
 */
function readScenarioFile(abs: string, shown: string): string {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new ScenarioError(
      `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      shown,
    );
  }
  if (!st.isFile())
    throw new ScenarioError('a scenario must be a regular file (not a device, pipe or folder)', shown);
  if (st.size > MAX_SCENARIO_BYTES)
    throw new ScenarioError(`scenario is larger than ${MAX_SCENARIO_BYTES} bytes`, shown);
  return readFileSync(abs, 'utf8');
}
