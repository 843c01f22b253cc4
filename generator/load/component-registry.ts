import type { AppModel, Component } from '../model/app.ts';
import type { SourceLocation } from '../model/location.ts';

/** True when the app already has a component of that kind and name (own keys only: "constructor" is a valid name). */
export function hasComponent(app: AppModel, c: Pick<Component, 'kind' | 'name'>): boolean {
  return Object.hasOwn(app.components[c.kind], c.name);
}

/** Adds a component as an own property, so a name like "__proto__" can never touch a prototype. */
export function putComponent(app: AppModel, c: Component): void {
  const kind = app.components[c.kind];
  // Plain assignment makes the same own data property for every other name (and is much cheaper).
  if (c.name !== '__proto__' && Object.getPrototypeOf(kind) === Object.prototype) {
    kind[c.name] = c;
    return;
  }
  Object.defineProperty(kind, c.name, {
    value: c,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Copies own enumerable properties as own properties (no setter, so "__proto__" stays plain data). */
export function safeAssign(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(source)) {
    Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
}

/**
 * `declaredAt` computed on first read (a big makecomapp.json needs its syntax tree only when some
 * finding points into it). Reads like a plain property; assigning replaces it. The accessor pair is
 * shared by every component (its state lives in a WeakMap), so nothing is created per component
 * beyond the state itself.
 */
export function setLazyDeclaredAt(c: Component, compute: () => SourceLocation): void {
  lazyDeclaredAt.set(c, { compute });
  Object.defineProperty(c, 'declaredAt', LAZY_DECLARED_AT);
}

const lazyDeclaredAt = new WeakMap<Component, { compute: () => SourceLocation; value?: SourceLocation }>();

const LAZY_DECLARED_AT: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Component): SourceLocation | undefined {
    const state = lazyDeclaredAt.get(this);
    if (!state) return undefined;
    state.value ??= state.compute();
    return state.value;
  },
  set(this: Component, v: SourceLocation) {
    Object.defineProperty(this, 'declaredAt', {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  },
};
