import { ParseErrorCode } from 'jsonc-parser';

/** Plain-words message for a jsonc-parser error code, quoting what was found at the offset. */
export function describeParseError(code: ParseErrorCode, text: string, offset: number): string {
  const found =
    offset >= text.length
      ? 'the end of the file'
      : `\`${text.slice(offset, offset + 12).split(/\r?\n/)[0]}\``;
  switch (code) {
    case ParseErrorCode.InvalidSymbol:
      return `Unexpected character: found ${found}; JSON values are objects, arrays, strings in double quotes, numbers, true, false or null.`;
    case ParseErrorCode.InvalidNumberFormat:
      return `Invalid number at ${found}.`;
    case ParseErrorCode.PropertyNameExpected:
      return `A property name in double quotes was expected, found ${found}.`;
    case ParseErrorCode.ValueExpected:
      return offset >= text.length && text.trim() === ''
        ? 'The file is empty; a JSON value (for example `{}` or `[]`) was expected.'
        : `A value was expected, found ${found}.`;
    case ParseErrorCode.ColonExpected:
      return `A colon after the property name was expected, found ${found}.`;
    case ParseErrorCode.CommaExpected:
      return `A comma was expected before ${found}.`;
    case ParseErrorCode.CloseBraceExpected:
      return `A closing \`}\` was expected, found ${found}.`;
    case ParseErrorCode.CloseBracketExpected:
      return `A closing \`]\` was expected, found ${found}.`;
    case ParseErrorCode.EndOfFileExpected:
      return `Extra content after the JSON value: ${found}.`;
    case ParseErrorCode.InvalidCommentToken:
      return 'Invalid comment.';
    case ParseErrorCode.UnexpectedEndOfComment:
      return 'A block comment is not closed (missing `*/`).';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'A string is not closed (missing `"` before the end of the line or file).';
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'A number ends unexpectedly.';
    case ParseErrorCode.InvalidUnicode:
      return 'Invalid `\\u` escape: four hexadecimal digits are required.';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'Invalid escape in a string (only \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are allowed).';
    case ParseErrorCode.InvalidCharacter:
      return 'Invalid character in a string (control characters such as raw tabs or line breaks must be escaped).';
    default:
      return `JSON syntax error at ${found}.`;
  }
}
