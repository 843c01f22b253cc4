/**
 * `buildApp`: app-src/ (TypeScript) → dist-app/ (makecomapp.json + *.iml.json + app.bundle.json).
 * Steps: import the app definition, evaluate it into a bundle, emit the files, compare with the
 * folder (check) or write them (build), then load the output with the one loader and lint it with
 * the one linter. Findings in generated JSON also carry the TypeScript line that produced them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadApp, parseJsonDocument } from '../load/index.ts';
import { InputError } from '../model/errors.ts';
import type { ComponentKind, Diagnostic } from '../model/index.ts';
import { unescapePointerSegment } from '../model/location.ts';
import { applyBaseline, type Baseline, baselineProblem, lintApp } from '../validate/index.ts';
import type { BaselineEntry } from '../validate/suppress/baseline.ts';
import type { AppDefinition } from './authoring/app.ts';
import { type EmittedFile, emitApp, MAKECOMAPP_FILE } from './emit.ts';
import { codeOriginKey, componentOriginKey, type EvaluatedApp, evaluateApp } from './evaluate.ts';
import { applyPlan, MANIFEST_FILE, manifestText, planFolder } from './output-folder.ts';
import type { SecretMode } from './secrets.ts';
import { SourceMapper } from './source-map.ts';

export interface BuildOptions {
  /** Folder holding `app.ts` (default export `defineApp(...)`), or that file itself. */
  src: string;
  /** Output folder. */
  out: string;
  /** Write nothing; report whether `out` is up to date. */
  check?: boolean;
  /** `placeholder` (default) writes secret placeholders; `resolve` reads env / .secrets/. */
  secrets?: SecretMode;
  /** Accepted lint findings; default `<src>/lint-baseline.json` when it exists. */
  baselineFile?: string;
}

export interface BuildResult {
  /** No lint errors and (with `check`) nothing out of date. */
  ok: boolean;
  /** The output folder already held exactly what the build produces. */
  upToDate: boolean;
  /** Files written (with `check`: that would be written), relative to `out`. */
  written: string[];
  /** Files of an earlier build removed (with `check`: that would be removed). */
  removed: string[];
  /** Every generated file, relative to `out` (the manifest included). */
  files: string[];
  /** Lint findings on the output (empty with `check` when out of date); `origin` = TypeScript line. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Findings accepted by the baseline. */
  accepted: number;
  /** Baseline entries that matched nothing (the finding is gone: delete the entry). */
  staleBaseline: BaselineEntry[];
}

/** Finds and imports the app definition. */
export async function importAppDefinition(src: string): Promise<{ app: AppDefinition; entry: string }> {
  const abs = path.resolve(src);
  if (!existsSync(abs)) throw new InputError(`"${src}" does not exist`, { file: src });
  const entry = statSync(abs).isDirectory() ? path.join(abs, 'app.ts') : abs;
  if (!/\.(ts|mts)$/.test(entry))
    throw new InputError(
      '--src must be a folder with app.ts, or a .ts file that default-exports defineApp(...)',
      {
        file: src,
      },
    );
  if (!existsSync(entry))
    throw new InputError(`no app.ts in "${src}" (it must default-export defineApp(...))`, { file: src });
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot load the app sources: ${(e as Error).message}`, {
      file: path.relative(process.cwd(), entry),
    });
  }
  const app = (mod.default ?? mod.app) as AppDefinition | undefined;
  if (app?.kind !== 'app') {
    throw new InputError('app.ts must default-export defineApp(...)', {
      file: path.relative(process.cwd(), entry),
    });
  }
  return { app, entry };
}

/** Evaluates and emits in memory (no disk writes): path → text, manifest included. */
export function renderApp(
  app: AppDefinition,
  opts: { projectRoot: string; secrets?: SecretMode },
): { evaluated: EvaluatedApp; emitted: EmittedFile[]; files: Map<string, string> } {
  const evaluated = evaluateApp(app, { projectRoot: opts.projectRoot, secrets: opts.secrets });
  const emitted = emitApp(evaluated.bundle, { origins: app.origins });
  const files = new Map(emitted.map((f) => [f.path, f.text]));
  return { evaluated, emitted, files };
}

export async function buildApp(opts: BuildOptions): Promise<BuildResult> {
  const out = path.resolve(opts.out);
  // Checked before anything is compiled: a file where the output folder should be is the user's.
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new InputError(`--out must be a folder, but "${opts.out}" exists and is not a folder`, {
      file: opts.out,
    });
  const projectRoot = process.cwd();
  const { app, entry } = await importAppDefinition(opts.src);
  const { evaluated, emitted, files } = renderApp(app, { projectRoot, secrets: opts.secrets });
  // Read the baseline first, so a broken one stops the build before anything is written.
  const baseline = readBaseline(opts.baselineFile ?? path.join(path.dirname(entry), 'lint-baseline.json'));
  const plan = planFolder(out, files);
  const manifestCurrent = existsSync(path.join(out, MANIFEST_FILE))
    ? readFileSync(path.join(out, MANIFEST_FILE), 'utf8')
    : undefined;
  const manifestStale = manifestCurrent !== manifestText(files.keys());
  const upToDate =
    plan.write.length === 0 && plan.remove.length === 0 && plan.foreign.length === 0 && !manifestStale;
  const result: BuildResult = {
    ok: true,
    upToDate,
    written: plan.write,
    removed: plan.remove,
    files: [...files.keys(), MANIFEST_FILE].sort(),
    diagnostics: [],
    errors: 0,
    warnings: 0,
    accepted: 0,
    staleBaseline: [],
  };
  if (opts.check) {
    if (!upToDate) {
      result.ok = false;
      return result;
    }
  } else {
    try {
      applyPlan(out, files, plan);
    } catch (e) {
      // a full disk, a read-only folder...: the user's environment, reported as one line
      const err = e as NodeJS.ErrnoException;
      if (e instanceof InputError || typeof err?.code !== 'string' || !err.syscall) throw e;
      throw new InputError(`cannot write the build output: ${err.code} (${err.syscall})`, {
        file: err.path ? path.relative(process.cwd(), err.path) || err.path : opts.out,
      });
    }
  }

  const loaded = loadApp(out);
  // A --with-secrets build writes the real credentials on purpose (for a deploy, never into
  // dist-app/), so the rule against credentials in common data does not apply to it.
  const lint = lintApp(
    loaded,
    opts.secrets === 'resolve' ? { rules: { 'security/credentials-in-common': 'off' } } : {},
  );
  // The baseline is applied here (as lintApp would) so entries that no longer match are visible.
  const { kept, accepted } = baseline
    ? applyBaseline(lint.diagnostics, baseline)
    : { kept: lint.diagnostics, accepted: 0 };
  if (baseline) result.staleBaseline = staleEntries(lint.diagnostics, baseline);
  const mapper = new SourceMapper(projectRoot);
  const byPath = new Map(emitted.filter((f) => f.code).map((f) => [f.path, f.code!]));
  result.diagnostics = kept.map((d) => withOrigin(d, byPath, evaluated, mapper));
  result.accepted = accepted;
  result.errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  result.warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  result.ok = result.errors === 0;
  return result;
}

/** makecomapp.json metadata key → the authoring property that sets it. */
const META_KEYS: Record<string, string> = {
  label: 'label',
  description: 'description',
  moduleType: 'type',
  connectionType: 'type',
  webhookType: 'type',
  actionCrud: 'crud',
  connection: 'connection',
  altConnection: 'altConnection',
  webhook: 'webhook',
};

function withOrigin(
  d: Diagnostic,
  byPath: Map<string, NonNullable<EmittedFile['code']>>,
  evaluated: EvaluatedApp,
  mapper: SourceMapper,
): Diagnostic {
  const code = byPath.get(d.file);
  if (code) {
    const source = evaluated.origins.get(codeOriginKey(code.kind, code.name, code.codeType));
    if (!source?.origin) return d;
    return { ...d, origin: mapper.locate(source.origin, source.key, d.pointer) };
  }
  // A finding about a component's metadata in makecomapp.json: point at its define call.
  const m =
    d.file === MAKECOMAPP_FILE ? /^\/components\/([^/]+)\/([^/]+)(?:\/([^/]+))?/.exec(d.pointer) : null;
  if (!m) return d;
  const [, kind, rawName, field] = m;
  const name = unescapePointerSegment(rawName!);
  const source = evaluated.origins.get(componentOriginKey(kind as ComponentKind, name));
  if (!source?.origin) return d;
  return { ...d, origin: mapper.locate(source.origin, field ? META_KEYS[field] : undefined, '') };
}

/** Baseline file: `{version: 1, findings: [{ruleId, file, pointer, message, reason}]}`; reasons are for readers. */
function readBaseline(file: string): Baseline | undefined {
  if (!existsSync(file)) return undefined;
  // the one loader's parser: syntax errors come with line and column
  const doc = parseJsonDocument(readFileSync(file, 'utf8'), file);
  const bad = doc.diagnostics.find((d) => d.severity === 'error');
  if (bad || doc.value === undefined) {
    throw new InputError(`lint baseline is not valid JSON: ${bad?.message ?? 'no value'}`, {
      file,
      line: bad?.line,
      column: bad?.column,
    });
  }
  const parsed = doc.value as { version?: unknown; findings?: unknown } | null;
  if (parsed?.version !== 1 || !Array.isArray(parsed.findings)) {
    throw new InputError('lint baseline must be {"version": 1, "findings": [...]}', { file });
  }
  const findings = (parsed.findings as unknown[]).map((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      throw new InputError(`findings[${i}] must be an object {ruleId, file, pointer, message, reason}`, {
        file,
      });
    const f = raw as Record<string, unknown>;
    if (typeof f.reason !== 'string' || !f.reason.trim()) {
      throw new InputError(
        `every accepted finding needs a "reason" (${String(f.ruleId)} at ${String(f.file)})`,
        { file },
      );
    }
    const { reason: _reason, ...entry } = f;
    return entry as unknown as Baseline['findings'][number];
  });
  const problem = baselineProblem({ version: 1, findings });
  if (problem) throw new InputError(`not a lint baseline: ${problem}`, { file });
  return { version: 1, findings };
}

/** Entries (with their count) that more findings would be needed to use up. */
function staleEntries(found: Diagnostic[], baseline: Baseline): BaselineEntry[] {
  const key = (d: Pick<Diagnostic, 'ruleId' | 'file' | 'pointer' | 'message'>) =>
    JSON.stringify([d.ruleId, d.file, d.pointer, d.message]);
  const seen = new Map<string, number>();
  for (const d of found) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  return baseline.findings.filter((e) => (seen.get(key(e)) ?? 0) === 0);
}
