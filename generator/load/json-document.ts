import { createScanner, type Node, type ParseError, parseTree, SyntaxKind } from 'jsonc-parser';
import type { Diagnostic } from '../model/diagnostic.ts';
import { fromPointer, type SourceLocation } from '../model/location.ts';
import { createLineIndex, type LineIndex } from './line-index.ts';
import { describeParseError } from './parse-errors.ts';
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
  const lines = createLineIndex(clean);
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, length = 0) => {
    const s = lines.position(offset);
    const e = lines.position(offset + length);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const report = (
    ruleId: string,
    severity: Diagnostic['severity'],
    message: string,
    offset: number,
    length = 0,
  ) => {
    diagnostics.push({ ruleId, severity, message, file, pointer: '', ...at(offset, length) });
  };

  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const tooDeepAt = scanStructure(clean, maxDepth, (offset) =>
    report(
      'load/trailing-comma',
      'warning',
      'Trailing comma: Make accepts it, but strict JSON tools do not; remove it.',
      offset,
      1,
    ),
  );
  if (tooDeepAt !== undefined) {
    report(
      'load/too-deep',
      'error',
      `JSON nesting is deeper than ${maxDepth} levels; the file was not parsed (real Make code nests far less).`,
      tooDeepAt,
      1,
    );
    return { value: undefined, text: clean, diagnostics, locate: locator(undefined, clean, lines, file) };
  }

  const errors: ParseError[] = [];
  const root = parseTree(clean, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: false,
  });
  for (const err of errors) {
    report(
      'load/json-syntax',
      'error',
      describeParseError(err.error, clean, err.offset),
      err.offset,
      err.length,
    );
  }
  let value: unknown;
  if (errors.length === 0 && root) {
    value = buildValue(root, (node, name) =>
      report(
        'load/duplicate-key',
        'warning',
        `Duplicate key "${name}": only the last one counts; remove the other.`,
        node.offset,
        node.length,
      ),
    );
  }
  return { value, text: clean, diagnostics, locate: locator(root, clean, lines, file) };
}

/**
 * One iterative pass over the tokens: reports trailing commas and returns the offset where the
 * nesting first exceeds `maxDepth` (undefined when it never does).
 */
function scanStructure(
  text: string,
  maxDepth: number,
  onTrailingComma: (offset: number) => void,
): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  let pendingComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (pendingComma >= 0) onTrailingComma(pendingComma);
      depth--;
    }
    pendingComma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : -1;
  }
  return undefined;
}

/** Builds the JS value from the tree; `__proto__` keys become plain own properties. */
function buildValue(node: Node, onDuplicate: (keyNode: Node, name: string) => void): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode || !valueNode) continue;
        const name = String(keyNode.value);
        if (seen.has(name)) onDuplicate(keyNode, name);
        seen.add(name);
        Object.defineProperty(out, name, {
          value: buildValue(valueNode, onDuplicate),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => buildValue(c, onDuplicate));
    default:
      return node.value;
  }
}

function locator(
  root: Node | undefined,
  text: string,
  lines: LineIndex,
  file: string,
): JsonDocument['locate'] {
  return (pointer, opts = {}) => {
    const segments = fromPointer(pointer);
    let node = root;
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
    const s = lines.position(offset);
    const e = lines.position(offset + length);
    return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, pointer };
  };
}

function child(node: Node, segment: string): Node | undefined {
  if (node.type === 'object') {
    // The last property of that name wins, as in the parsed value.
    const props = node.children ?? [];
    for (let i = props.length - 1; i >= 0; i--) {
      const [k, v] = props[i].children ?? [];
      if (k && k.value === segment) return v;
    }
    return undefined;
  }
  if (node.type === 'array' && /^(0|[1-9]\d*)$/.test(segment)) return node.children?.[Number(segment)];
  return undefined;
}
