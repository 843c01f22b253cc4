/**
 * Building runs the author's app-src/, which is TypeScript: register tsx's loader (a dependency of
 * this package) once, only in the commands that import TypeScript. Under a runner that already
 * loads TypeScript (tests, `tsx`), registering again is harmless.
 */
let registered: Promise<void> | undefined;

export function loadTypeScript(): Promise<void> {
  registered ??= import('tsx/esm/api').then(({ register }) => {
    register();
  });
  return registered;
}
