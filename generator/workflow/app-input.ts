/**
 * Loading an app a command cannot work without: when the loader read nothing usable (the
 * manifest is garbage, empty, not an object...), the command stops with the loader's first error,
 * named by a path the user can open, instead of running on an empty app and reporting success.
 */
import path from 'node:path';
import { loadApp } from '../load/index.ts';
import type { AppModel } from '../model/app.ts';
import { InputError } from '../model/errors.ts';

/** A file of an app, relative to where the command runs when inside it, else absolute: a path the user can open. */
export function displayPath(root: string, rel: string): string {
  const abs = path.resolve(root, rel);
  const fromCwd = path.relative(process.cwd(), abs);
  return fromCwd && !fromCwd.startsWith('..') ? fromCwd : abs;
}

export function componentCount(app: AppModel): number {
  return Object.values(app.components).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** Throws an InputError (exit 2) when `app` holds neither components nor general code. */
function requireUsableApp(app: AppModel, label = 'the app'): AppModel {
  if (componentCount(app) > 0 || Object.keys(app.general).length > 0) return app;
  const first = app.diagnostics.find((d) => d.severity === 'error');
  const where = (rel: string) => displayPath(app.root, rel);
  throw new InputError(
    `${label} holds no components${first ? `: ${first.message}` : ''}`,
    first ? { file: where(first.file), line: first.line, column: first.column } : { file: app.root },
  );
}

export function loadUsableApp(target: string, label?: string): AppModel {
  return requireUsableApp(loadApp(target), label);
}
