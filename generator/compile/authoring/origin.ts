import { fileURLToPath } from 'node:url';

/** Where a `define*` call was written: the compiler maps JSON problems back to this line. */
export interface DefinitionOrigin {
  file: string;
  line: number;
  column: number;
}

const FRAME = /\(?((?:file:\/\/)?\/[^():]+?\.[cm]?tsx?):(\d+):(\d+)\)?\s*$/;

/**
 * The first stack frame outside the authoring API is the author's call site. Stack traces of tsx
 * and vitest are source-mapped, so the line is the TypeScript one.
 */
export function callerOrigin(): DefinitionOrigin | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    const m = FRAME.exec(frame.trim());
    if (!m) continue;
    const file = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    if (/[\\/]generator[\\/]compile[\\/]authoring[\\/]/.test(file)) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
