/**
 * A CommonJS dependency loaded on first use rather than at start-up: commands that never need it
 * (most lint runs never format a date, nothing but an error path compiles a schema) never pay for
 * loading it. The proxy forwards property reads, calls and `new` to the module once loaded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T extends object>(id: string): T {
  let loaded: T | undefined;
  const load = (): T => {
    loaded ??= require(id) as T;
    return loaded;
  };
  // A function target, so the proxy can stand for callable modules (moment) as well as objects.
  return new Proxy(function lazyModule() {} as unknown as T, {
    get: (_, key) => Reflect.get(load(), key),
    has: (_, key) => Reflect.has(load(), key),
    apply: (_, self, args) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, self, args),
    construct: (_, args) => Reflect.construct(load() as unknown as new (...a: unknown[]) => object, args),
  });
}
