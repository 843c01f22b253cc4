/** Hover and completion text of IML functions, from the registry's typed signatures. */
import { BUILTIN_FUNCTIONS } from '../iml/index.ts';

export interface FunctionDoc {
  name: string;
  /** Rendered signature, e.g. `addMinutes(date: date, amount: number): date`. */
  signature: string;
  description: string;
  category?: string;
}

let docs: Map<string, FunctionDoc> | undefined;

function build(): Map<string, FunctionDoc> {
  const out = new Map<string, FunctionDoc>();
  for (const spec of BUILTIN_FUNCTIONS.values())
    out.set(spec.name, {
      name: spec.name,
      signature: spec.rendered,
      description: spec.description,
      category: spec.category,
    });
  return out;
}

export function functionDoc(name: string): FunctionDoc | undefined {
  docs ??= build();
  return docs.get(name);
}

export function allFunctionDocs(): FunctionDoc[] {
  docs ??= build();
  return [...docs.values()];
}
