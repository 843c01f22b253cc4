/**
 * What the cursor is on in a JSON code document: which string (its JSON pointer), and inside it
 * whether the cursor is within `{{ }}`, on which dotted name or function. Works on half-typed text
 * (jsonc-parser is error tolerant); the raw text is used, so positions map 1:1 to the editor.
 */
import { findNodeAtOffset, getNodePath, type Node, parseTree } from 'jsonc-parser';
import { toPointer } from '../model/index.ts';

export interface StringAtCursor {
  /** JSON pointer of the string value (or of the property whose name it is). */
  pointer: string;
  inKey: boolean;
  /** Offset of the first character after the opening quote. */
  contentStart: number;
  /** Raw text between the quotes (up to the end of the line for an unterminated string). */
  content: string;
  /** Cursor offset inside `content`. */
  at: number;
}

export interface ImlAtCursor {
  string: StringAtCursor;
  /** Offset in `content` where the enclosing expression starts (just after `{{`). */
  exprStart: number;
  /** Dotted name the cursor is on or just after, e.g. ['parameters', 'movieId']. */
  path: string[];
  /** Index of the path segment the cursor is on. */
  segment: number;
  /** Offsets in `content` of the whole dotted name. */
  start: number;
  end: number;
  /** The name is followed by `(`: a function call. */
  call: boolean;
}

/** The string at `offset`, or undefined when the cursor is not inside a JSON string. */
export function stringAt(text: string, offset: number): StringAtCursor | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (node?.type !== 'string') return undefined;
  if (offset <= node.offset || offset > node.offset + node.length) return undefined;
  const closed = text.charAt(node.offset + node.length - 1) === '"' && node.length >= 2;
  const end = closed ? node.offset + node.length - 1 : lineEnd(text, node.offset);
  if (offset > end) return undefined;
  const contentStart = node.offset + 1;
  const inKey = isKey(node);
  const path = getNodePath(inKey && node.parent ? node.parent : node);
  return {
    pointer: toPointer(path),
    inKey,
    contentStart,
    content: text.slice(contentStart, end),
    at: offset - contentStart,
  };
}

function isKey(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

const NAME_CHAR = /[A-Za-z0-9_$]/;

/** The IML expression context at the cursor, or undefined when the cursor is outside `{{ }}`. */
export function imlAt(text: string, offset: number): ImlAtCursor | undefined {
  const s = stringAt(text, offset);
  if (!s) return undefined;
  const open = s.content.lastIndexOf('{{', s.at);
  if (open < 0 || open + 2 > s.at) return undefined;
  const close = s.content.indexOf('}}', open + 2);
  if (close >= 0 && close < s.at) return undefined;
  const exprStart = open + 2;
  let start = s.at;
  while (start > exprStart && (NAME_CHAR.test(s.content[start - 1]) || s.content[start - 1] === '.')) start--;
  let end = s.at;
  while (end < s.content.length && NAME_CHAR.test(s.content[end])) end++;
  // a leading dot belongs to something before (a call result, a bracket): not a plain name
  while (s.content[start] === '.' && start < end) start++;
  const name = s.content.slice(start, end);
  const path = name.split('.');
  const segment = s.content.slice(start, s.at).split('.').length - 1;
  let after = end;
  while (s.content[after] === ' ') after++;
  return { string: s, exprStart, path, segment, start, end, call: s.content[after] === '(' };
}
