import type { CodeFile } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { type SourceLocation, toPointer } from '../model/location.ts';
import { canonicalString } from './canonical-iml.ts';
import { setKey } from './own-key.ts';

/** Where a normalised value came from: a code file and a pointer inside it. */
export interface Origin {
  code: CodeFile;
  pointer: string;
}

/**
 * A normalised section plus, for each normalised path, where it was written. Values Make fills in
 * by default point at the object that would hold them.
 */
export interface NormalSection {
  value: unknown;
  origins: Map<string, Origin>;
  /** Fallback location (the component's declaration) when no code file is involved. */
  fallback?: SourceLocation;
  /** `{}`/`[]`: what Make's editor writes for an unused section; compares like an absent one. */
  empty?: boolean;
}

export type Path = (string | number)[];

export class Tracker {
  readonly origins = new Map<string, Origin>();
  constructor(
    /** Renames the student's references to other components (`rpc://theirs` → `rpc://ref`). */
    readonly rename: (s: string) => string = (s) => s,
  ) {}

  mark(path: Path, code: CodeFile | undefined, pointer: string): void {
    if (code) this.origins.set(toPointer(path), { code, pointer });
  }

  /** Copies a JSON value, canonicalising strings and recording the origin of every node. */
  copy(value: unknown, code: CodeFile | undefined, src: Path, dst: Path): unknown {
    this.mark(dst, code, toPointer(src));
    if (typeof value === 'string') return canonicalString(this.rename(value));
    if (Array.isArray(value)) return value.map((v, i) => this.copy(v, code, [...src, i], [...dst, i]));
    if (isObject(value)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort())
        setKey(out, k, this.copy(value[k], code, [...src, k], [...dst, k]));
      return out;
    }
    return value;
  }
}

/** Nearest recorded origin for a normalised path, located in its file. */
export function locateIn(section: NormalSection | undefined, path: Path): SourceLocation | undefined {
  if (!section) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const o = section.origins.get(toPointer(path.slice(0, n)));
    if (o) {
      return o.code.locate(o.pointer);
    }
  }
  return section.fallback;
}
