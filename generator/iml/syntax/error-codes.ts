/**
 * Stable codes of IML syntax errors, so tests and rules assert a code rather than message text.
 * S01xx: the template and the lexer (characters); S02xx: the parser (structure). A code is never
 * reused for another meaning; a new error gets a new code.
 */
export const SYNTAX_ERROR_CODES = {
  S0101: "'{{' is never closed with '}}'",
  S0102: 'unterminated string literal',
  S0103: 'unterminated backtick name',
  S0104: 'invalid number',
  S0105: 'unexpected character',
  S0106: 'object literal (IML has none)',
  S0201: 'empty expression',
  S0202: 'unexpected token after a complete expression',
  S0203: 'expected a specific token (a closing bracket, a comma...)',
  S0204: 'expression nested too deep',
  S0205: 'array literal (IML has none)',
  S0206: 'expected a value',
  S0207: "expected a name after '.'",
} as const;

export type SyntaxErrorCode = keyof typeof SYNTAX_ERROR_CODES;
