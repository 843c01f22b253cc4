import type { CodeFile, CodeType } from '../model/app.ts';
import type { JsonDocument } from './json-document.ts';

/** Wraps a parsed document (or one section of it, at `basePointer`) as a model CodeFile. */
export function makeCodeFile(
  codeType: CodeType,
  file: string,
  doc: JsonDocument,
  basePointer = '',
  value?: unknown,
): CodeFile {
  return {
    codeType,
    file,
    basePointer,
    text: doc.text,
    value: value === undefined && basePointer === '' ? doc.value : value,
    // the document's own locate when no prefix is needed (one closure less per file)
    locate: basePointer === '' ? doc.locate : (pointer, opts) => doc.locate(basePointer + pointer, opts),
  };
}

/** A non-JSON code (README Markdown, function JavaScript): the value is the text itself. */
export function makeTextCodeFile(codeType: CodeType, file: string, text: string): CodeFile {
  return {
    codeType,
    file,
    basePointer: '',
    text,
    value: text,
    locate: (pointer) => ({ file, line: 1, column: 1, pointer }),
  };
}

/** Code types whose content is text, not JSON. */
export const TEXT_CODE_TYPES: ReadonlySet<CodeType> = new Set<CodeType>([
  'readme',
  'code',
  'test',
  'context',
]);
