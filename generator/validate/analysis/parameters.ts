import type { CodeFile, Component } from '../../model/index.ts';
import { isObject } from '../../model/index.ts';

/** One parameter object found in a parameter document (with nested fields flattened). */
export interface ParameterInfo {
  name?: string;
  type?: string;
  value: Record<string, unknown>;
  code: CodeFile;
  /** Pointer of the parameter object inside its document. */
  pointer: string;
  /** Pointer of the list (level) the parameter belongs to; duplicates are checked per level. */
  level: string;
  /** True for top-level and `nested` fields (they become `parameters.<name>`). */
  topLevel: boolean;
}

export interface DeclaredParameters {
  /** Names readable as `parameters.<name>`. */
  names: Set<string>;
  /** True when the set is not knowable (rpc:// dynamic fields, IML names, unparsable files). */
  open: boolean;
  all: ParameterInfo[];
}

/** Parameter code types of a component (where `parameters.*` come from). */
export function parameterCodes(c: Component): CodeFile[] {
  const types = c.kind === 'module' ? (['staticParams', 'mappableParams'] as const) : (['params'] as const);
  return types.map((t) => c.codes[t]).filter((f): f is CodeFile => f !== undefined);
}

export function collectParameters(codes: CodeFile[]): DeclaredParameters {
  const out: DeclaredParameters = { names: new Set(), open: false, all: [] };
  for (const code of codes) {
    if (code.value === undefined) {
      out.open = true;
      continue;
    }
    walkList(code, code.value, '', true, out);
  }
  return out;
}

/**
 * `at` is the JSON pointer of `list`: built by appending indexes and the fixed names `nested`,
 * `options`, `spec`, `store` (none needs escaping), so it equals toPointer of the path.
 */
function walkList(
  code: CodeFile,
  list: unknown,
  at: string,
  topLevel: boolean,
  out: DeclaredParameters,
): void {
  if (typeof list === 'string') {
    if (topLevel) out.open = true; // "rpc://..." dynamic fields
    return;
  }
  if (!Array.isArray(list)) {
    if (list !== undefined && topLevel) out.open = true;
    return;
  }
  const level = at;
  list.forEach((p, i) => {
    const here = `${at}/${i}`;
    if (typeof p === 'string') {
      if (topLevel) out.open = true;
      return;
    }
    if (!isObject(p)) return;
    const name = typeof p.name === 'string' ? p.name : undefined;
    if (name?.includes('{{') && topLevel) out.open = true;
    out.all.push({
      name,
      type: typeof p.type === 'string' ? p.type : undefined,
      value: p,
      code,
      pointer: here,
      level,
      topLevel,
    });
    if (topLevel && name) out.names.add(name);
    // nested fields join the same level as their parent (parameters.<name>)
    // (paths are built only for fields that exist: most parameters have none of these)
    if (p.nested !== undefined) walkNested(code, p.nested, `${here}/nested`, topLevel, out);
    if (isObject(p.options) && p.options.nested !== undefined)
      walkNested(code, p.options.nested, `${here}/options/nested`, topLevel, out);
    if (Array.isArray(p.options)) {
      p.options.forEach((o, j) => {
        if (isObject(o) && o.nested !== undefined)
          walkNested(code, o.nested, `${here}/options/${j}/nested`, topLevel, out);
      });
      if (isObject(p.options) === false && typeof p.options === 'string' && topLevel) void 0;
    }
    // collection / array specs are their own level (parameters.<parent>.<name>)
    if (Array.isArray(p.spec)) walkList(code, p.spec, `${here}/spec`, false, out);
  });
}

function walkNested(
  code: CodeFile,
  nested: unknown,
  at: string,
  topLevel: boolean,
  out: DeclaredParameters,
): void {
  if (nested === undefined) return;
  if (typeof nested === 'string') {
    if (topLevel) out.open = true;
    return;
  }
  if (isObject(nested)) {
    if (Array.isArray(nested.store)) walkList(code, nested.store, `${at}/store`, topLevel, out);
    else if (topLevel) out.open = true;
    return;
  }
  walkList(code, nested, at, topLevel, out);
}
