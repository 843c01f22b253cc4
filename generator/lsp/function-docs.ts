/**
 * Hover and completion text of IML functions. The one adapter over the function registry: when the
 * registry carries typed signatures, only this file changes.
 */
import { BUILTIN_FUNCTIONS } from '../iml/index.ts';

export interface FunctionDoc {
  name: string;
  /** Rendered signature, e.g. `addMinutes(date, minutes)`. */
  signature: string;
  description: string;
  category?: string;
}

let docs: Map<string, FunctionDoc> | undefined;

function build(): Map<string, FunctionDoc> {
  const out = new Map<string, FunctionDoc>();
  for (const spec of BUILTIN_FUNCTIONS.values()) {
    // Registry docs read "name(params): description" today.
    const doc = spec.doc ?? '';
    const split = doc.startsWith(`${spec.name}(`) ? doc.indexOf('): ') : -1;
    out.set(spec.name, {
      name: spec.name,
      signature:
        split >= 0 ? doc.slice(0, split + 1) : `${spec.name}(${arityText(spec.minArity, spec.maxArity)})`,
      description: split >= 0 ? doc.slice(split + 3) : doc,
      category: spec.category,
    });
  }
  return out;
}

function arityText(min: number, max: number): string {
  if (max === Number.POSITIVE_INFINITY) return `${min}+ arguments`;
  return min === max ? `${min} arguments` : `${min}–${max} arguments`;
}

export function functionDoc(name: string): FunctionDoc | undefined {
  docs ??= build();
  return docs.get(name);
}

export function allFunctionDocs(): FunctionDoc[] {
  docs ??= build();
  return [...docs.values()];
}
