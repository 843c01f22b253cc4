import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import type { Diagnostic } from '../model/diagnostic.ts';
import { fromPointer, type SourceLocation } from '../model/location.ts';
import { locateInStrictJson } from './fast-locate.ts';
import { createLineIndex, type LineIndex } from './line-index.ts';
import { describeParseError } from './parse-errors.ts';
import { countKeysInStrictJson, findDuplicateKeys, preScan } from './pre-scan.ts';
import { rawOffsetInString } from './string-offset.ts';

/** Nesting deeper than this is refused before parsing (the parser recurses; real apps nest < 30). */
export const DEFAULT_MAX_DEPTH = 256;

export interface LocateOptions {
  /** Locate the property name instead of the value. */
  key?: boolean;
  /** Move into a string value by this many decoded characters (escapes accounted for). */
  offsetInString?: number;
}

export interface JsonDocument {
  /** The parsed value; `undefined` when the text is not valid JSON(C). */
  value: unknown;
  /** Text as parsed (a leading byte-order mark removed, so columns match what editors show). */
  text: string;
  /**
   * 1-based line/column of the value (or key) at `pointer` (RFC 6901, '' = root). Falls back to
   * the nearest existing ancestor. The returned `pointer` is the one asked for.
   */
  locate(pointer: string, opts?: LocateOptions): SourceLocation;
  /** Syntax errors (`load/json-syntax`), trailing commas (warning), duplicate keys, depth. */
  diagnostics: Diagnostic[];
}

export interface ParseJsonOptions {
  maxDepth?: number;
}

/** Parses JSON with comments (Make's IMLJSON). Never throws for bad input. */
export function parseJsonDocument(text: string, file: string, opts: ParseJsonOptions = {}): JsonDocument {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Positions are only needed when something is reported: the line index and the syntax tree are
  // built on first use (see Positions), so a clean file costs native JSON.parse plus a quick count.
  const at = new Positions(clean, file);
  const diagnostics: Diagnostic[] = [];
  // bound, not a closure: nothing else to allocate per document
  const locate: JsonDocument['locate'] = at.locate.bind(at);
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;

  // Fast path: what native JSON.parse accepts is strict JSON, so it has no comments and no
  // trailing commas; nesting depth and key count come from the parsed value, property names are
  // counted by jumping from quote to quote. (V8's JSON.parse does not recurse, so deep input is safe.)
  try {
    const v: unknown = JSON.parse(clean); // JSON.parse keeps a "__proto__" key as plain own data
    const shape = shapeOf(v);
    if (shape.depth <= maxDepth) {
      at.strict = true;
      const keysInText = countKeysInStrictJson(clean);
      if (shape.keys !== keysInText) reportDuplicates(at, diagnostics, maxDepth);
      return { value: v, text: clean, diagnostics, locate };
    }
    // too deep: the pre-scan below finds the bracket that crosses the limit
  } catch {
    // JSONC or broken: the pre-scan and the tolerant parser below say where and why
  }

  const scan = preScan(clean, maxDepth);
  if (scan.tooDeepAt !== undefined) {
    at.tree = undefined; // never parse it: the parser recurses
    diagnostics.push(
      finding(
        at,
        'load/too-deep',
        'error',
        `JSON nesting is deeper than ${maxDepth} levels; the file was not parsed (real Make code nests far less).`,
        scan.tooDeepAt,
        1,
      ),
    );
    return { value: undefined, text: clean, diagnostics, locate };
  }

  const errors: ParseError[] = [];
  const tree = parseTree(clean, errors, PARSE_OPTIONS);
  at.tree = tree;
  reportSyntaxErrors(at, diagnostics, errors);
  if (errors.length > 0 || !tree) return { value: undefined, text: clean, diagnostics, locate };
  const value = buildValue(tree);
  reportTrailingCommas(at, diagnostics, scan.trailingCommas);
  if (shapeOf(value).keys !== scan.keyCount) reportDuplicates(at, diagnostics, maxDepth);
  return { value, text: clean, diagnostics, locate };
}

/** An error finding per syntax error of the tolerant parser, repeats at one place merged. */
function reportSyntaxErrors(at: Positions, diagnostics: Diagnostic[], errors: ParseError[]): void {
  for (let i = 0; i < errors.length; i++) {
    const err = errors[i];
    // Unclosed nested braces all end at the same place: one finding says how many are missing.
    let same = 1;
    while (errors[i + same]?.error === err.error && errors[i + same]?.offset === err.offset) same++;
    i += same - 1;
    const message = describeParseError(err.error, at.text, err.offset);
    diagnostics.push(
      finding(
        at,
        'load/json-syntax',
        'error',
        same > 1 ? `${message.replace(/\.$/, '')} (${same} times at this place).` : message,
        err.offset,
        err.length,
      ),
    );
  }
}

/** A warning at every trailing comma the pre-scan found (Make accepts them, strict tools do not). */
function reportTrailingCommas(at: Positions, diagnostics: Diagnostic[], offsets: readonly number[]): void {
  for (const offset of offsets) {
    diagnostics.push(
      finding(
        at,
        'load/trailing-comma',
        'warning',
        'Trailing comma: Make accepts it, but strict JSON tools do not; remove it.',
        offset,
        1,
      ),
    );
  }
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** Work stacks of shapeOf, reused across documents (loading is synchronous, shapeOf never nests). */
const shapeValues: unknown[] = [];
const shapeDepths: number[] = [];

/** Own keys of every object inside a parsed value, and its container nesting depth (iterative). */
function shapeOf(root: unknown): { keys: number; depth: number } {
  let keys = 0;
  let depth = 0;
  if (typeof root !== 'object' || root === null) return { keys, depth };
  const values = shapeValues;
  const depths = shapeDepths;
  values[0] = root;
  depths[0] = 0;
  let top = 1;
  while (top > 0) {
    top--;
    const v = values[top] as object;
    const d = depths[top] + 1;
    values[top] = undefined; // keep nothing alive after this document
    if (d > depth) depth = d;
    if (Array.isArray(v)) {
      for (const x of v) {
        if (typeof x === 'object' && x !== null) {
          values[top] = x;
          depths[top++] = d;
        }
      }
    } else {
      for (const k in v) {
        keys++;
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object' && x !== null) {
          values[top] = x;
          depths[top++] = d;
        }
      }
    }
  }
  return { keys, depth };
}

/** Builds the JS value from the tree; `__proto__` keys become plain own properties. */
function buildValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        Object.defineProperty(out, String(keyNode.value), {
          value: buildValue(valueNode),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => buildValue(c));
    default:
      return node.value;
  }
}

/** A warning at every repeated key (called only when the key counts say some key repeats). */
function reportDuplicates(at: Positions, diagnostics: Diagnostic[], maxDepth: number): void {
  for (const d of findDuplicateKeys(at.text, maxDepth)) {
    diagnostics.push(
      finding(
        at,
        'load/duplicate-key',
        'warning',
        `Duplicate key "${d.name}": only the last one counts; remove the other.`,
        d.offset,
        d.length,
      ),
    );
  }
}

/** One load finding at an offset range of the document. */
function finding(
  at: Positions,
  ruleId: string,
  severity: Diagnostic['severity'],
  message: string,
  offset: number,
  length: number,
): Diagnostic {
  const st = at.lines().position(offset);
  const en = at.lines().position(offset + length);
  return {
    ruleId,
    severity,
    message,
    file: at.file,
    pointer: '',
    line: st.line,
    column: st.column,
    endLine: en.line,
    endColumn: en.column,
  };
}

/** Positions asked of a strict-JSON document before its syntax tree is built instead (then reused). */
const FAST_LOCATES = 8;

/**
 * Everything one document needs to answer positions, built lazily: the line index, and either a
 * skip-scan of the text (the first few questions about strict JSON) or the syntax tree.
 */
class Positions {
  /** The syntax tree: null = not built yet, undefined = none (too deep or unparsable). */
  tree: Node | undefined | null = null;
  /** Set once native JSON.parse accepted the text. */
  strict = false;
  private lineIndex: LineIndex | undefined;
  private fast = 0;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  lines(): LineIndex {
    this.lineIndex ??= createLineIndex(this.text);
    return this.lineIndex;
  }

  private root(): Node | undefined {
    if (this.tree === null) this.tree = parseTree(this.text, [], PARSE_OPTIONS);
    return this.tree;
  }

  locate(pointer: string, opts: LocateOptions = {}): SourceLocation {
    const { text, file } = this;
    const segments = fromPointer(pointer);
    if (this.strict && this.tree === null && this.fast < FAST_LOCATES) {
      // A few positions in a clean file: skip-scan the text rather than build its whole tree.
      this.fast++;
      const f = locateInStrictJson(text, segments);
      let offset = f.offset;
      let length = f.length;
      if (f.exact && opts.key && f.keyOffset !== undefined) {
        offset = f.keyOffset;
        length = f.keyLength ?? 0;
      } else if (f.exact && opts.offsetInString !== undefined && text.charCodeAt(f.offset) === 34) {
        offset = rawOffsetInString(text, f.offset, opts.offsetInString);
        length = 0;
      }
      const s = this.lines().position(offset);
      const e = this.lines().position(offset + length);
      return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, pointer };
    }
    let node = this.root();
    let exact = node !== undefined;
    for (const seg of segments) {
      const next = node ? child(node, seg) : undefined;
      if (!next) {
        exact = false;
        break;
      }
      node = next;
    }
    if (!node) return { file, line: 1, column: 1, pointer };
    let offset = node.offset;
    let length = node.length;
    if (exact && opts.key && node.parent?.type === 'property' && node.parent.children?.[0]) {
      const keyNode = node.parent.children[0];
      offset = keyNode.offset;
      length = keyNode.length;
    } else if (exact && opts.offsetInString !== undefined && node.type === 'string') {
      offset = rawOffsetInString(text, node.offset, opts.offsetInString);
      length = 0;
    }
    const s = this.lines().position(offset);
    const e = this.lines().position(offset + length);
    return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, pointer };
  }
}

/** Per object node: property name → value node (the last of duplicates, as in the parsed value). */
const propertyIndex = new WeakMap<Node, Map<string, Node>>();

function child(node: Node, segment: string): Node | undefined {
  if (node.type === 'object') {
    let index = propertyIndex.get(node);
    if (!index) {
      index = new Map();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) index.set(String(k.value), v);
      }
      propertyIndex.set(node, index);
    }
    return index.get(segment);
  }
  if (node.type === 'array' && /^(0|[1-9]\d*)$/.test(segment)) return node.children?.[Number(segment)];
  return undefined;
}
