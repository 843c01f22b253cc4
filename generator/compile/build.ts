/**
 * `compileApp`: app-src/ (TypeScript) → dist-app/ (makecomapp.json + *.iml.json + app.bundle.json).
 * Steps: import the app definition, evaluate it into a bundle, emit the files, compare with the
 * folder (check) or write them. Linting the output is the build workflow's job; the result carries
 * the mapping from a generated file's finding back to the TypeScript line that produced it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../model/errors.ts';
import type { ComponentKind, Diagnostic } from '../model/index.ts';
import { unescapePointerSegment } from '../model/location.ts';
import type { AppDefinition } from './authoring/app.ts';
import { type EmittedFile, emitApp, MAKECOMAPP_FILE } from './emit.ts';
import { codeOriginKey, componentOriginKey, type EvaluatedApp, evaluateApp } from './evaluate.ts';
import { applyPlan, checkOutputFolder, MANIFEST_FILE, manifestText, planFolder } from './output-folder.ts';
import type { SecretMode } from './secrets.ts';
import { SourceMapper } from './source-map.ts';

export interface CompileOptions {
  /** Folder holding `app.ts` (default export `defineApp(...)`), or that file itself. */
  src: string;
  /** Output folder. */
  out: string;
  /** Write nothing; report whether `out` is up to date. */
  check?: boolean;
  /** `placeholder` (default) writes secret placeholders; `resolve` reads env / .secrets/. */
  secrets?: SecretMode;
}

/** What the compiler wrote; linting the output is the workflow's job, not the compiler's. */
export interface CompileResult {
  /** The `app.ts` that was compiled. */
  entry: string;
  /** The output folder already held exactly what the build produces. */
  upToDate: boolean;
  /** Files written (with `check`: that would be written), relative to `out`. */
  written: string[];
  /** Files of an earlier build removed (with `check`: that would be removed). */
  removed: string[];
  /** Every generated file, relative to `out` (the manifest included). */
  files: string[];
  /** Maps a finding on a generated file back to the TypeScript line that produced it. */
  withOrigin: (d: Diagnostic) => Diagnostic;
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
    throw new InputError(
      `cannot load the app sources: ${(e as Error)?.message ?? String(e)}`,
      whereItFailed(e, path.dirname(entry)) ?? { file: path.relative(process.cwd(), entry) },
    );
  }
  const app = (mod.default ?? mod.app) as AppDefinition | undefined;
  if (app?.kind !== 'app') {
    throw new InputError('app.ts must default-export defineApp(...)', {
      file: path.relative(process.cwd(), entry),
    });
  }
  return { app, entry };
}

/**
 * The author's file and line where loading the sources failed (an undefined name, a throw at
 * module level): the first stack frame inside the sources folder, else undefined.
 */
function whereItFailed(
  e: unknown,
  srcDir: string,
): { file: string; line: number; column: number } | undefined {
  const stack = typeof (e as Error)?.stack === 'string' ? (e as Error).stack! : '';
  for (const m of stack.matchAll(/(?:file:\/\/)?(\/[^\s()]+?\.m?ts):(\d+):(\d+)/g)) {
    const file = decodeURIComponent(m[1]!);
    if (!file.startsWith(srcDir + path.sep)) continue;
    return { file: path.relative(process.cwd(), file), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
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

export async function compileApp(opts: CompileOptions): Promise<CompileResult> {
  const out = path.resolve(opts.out);
  // Checked before anything is compiled: a file where the output folder should be is the user's.
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new InputError(`--out must be a folder, but "${opts.out}" exists and is not a folder`, {
      file: opts.out,
    });
  checkOutputFolder(opts.out, { flag: '--out', tool: 'build', sources: [opts.src] });
  const projectRoot = process.cwd();
  const { app, entry } = await importAppDefinition(opts.src);
  const { evaluated, emitted, files } = renderApp(app, { projectRoot, secrets: opts.secrets });
  const plan = planFolder(out, files);
  const manifestCurrent = existsSync(path.join(out, MANIFEST_FILE))
    ? readFileSync(path.join(out, MANIFEST_FILE), 'utf8')
    : undefined;
  const manifestStale = manifestCurrent !== manifestText(files.keys());
  const upToDate =
    plan.write.length === 0 && plan.remove.length === 0 && plan.foreign.length === 0 && !manifestStale;
  if (!opts.check) writePlan(out, files, plan, opts.out);
  const mapper = new SourceMapper(projectRoot);
  const byPath = new Map(emitted.filter((f) => f.code).map((f) => [f.path, f.code!]));
  return {
    entry,
    upToDate,
    written: plan.write,
    removed: plan.remove,
    files: [...files.keys(), MANIFEST_FILE].sort(),
    withOrigin: (d) => withOrigin(d, byPath, evaluated, mapper),
  };
}

function writePlan(
  out: string,
  files: Map<string, string>,
  plan: ReturnType<typeof planFolder>,
  shownOut: string,
): void {
  try {
    applyPlan(out, files, plan);
  } catch (e) {
    // a full disk, a read-only folder...: the user's environment, reported as one line
    const err = e as NodeJS.ErrnoException;
    if (e instanceof InputError || typeof err?.code !== 'string' || !err.syscall) throw e;
    throw new InputError(`cannot write the build output: ${err.code} (${err.syscall})`, {
      file: err.path ? path.relative(process.cwd(), err.path) || err.path : shownOut,
    });
  }
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
