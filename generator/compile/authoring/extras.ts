import type { ComponentCodeType } from '../../model/index.ts';
import type { Definition } from './definition.ts';

/**
 * Adds metadata or whole code sections the typed API has no field for (a dangling connection
 * name, a section Make allows but the typed variant does not). `import` uses it to keep every
 * byte of an app it cannot otherwise express; hand-written apps rarely need it.
 */
export function withExtras<D extends Definition>(
  def: D,
  extras: { meta?: Record<string, unknown>; codes?: Partial<Record<ComponentCodeType, unknown>> },
): D {
  return {
    ...def,
    meta: { ...def.meta, ...extras.meta },
    codes: { ...def.codes, ...extras.codes },
  };
}
