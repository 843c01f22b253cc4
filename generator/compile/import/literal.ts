/**
 * Prints JSON values as TypeScript literals a person would write: identifier keys unquoted, single
 * quotes, short collections on one line, multi-line strings as template literals.
 */
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_INLINE = 90;

/** A string literal: single quotes, or double quotes when that avoids escaping (IML uses `'`). */
export function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === q) out += `\\${q}`;
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || code === 0x7f)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}${q}`;
}

/** A template literal for long multi-line text (code, Markdown). */
export function templateLiteral(s: string): string {
  return `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r')}\``;
}

export function propertyKey(key: string): string {
  if (key === '__proto__') return `['__proto__']`;
  return IDENT.test(key) ? key : quote(key);
}

/** `value` as a TS expression, indented for a position at `indent` spaces. */
export function printLiteral(value: unknown, indent = 0): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Code) return value.text;
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? (Object.is(value, -0) ? '-0' : String(value)) : 'null';
  if (typeof value === 'string')
    return value.includes('\n') && value.length > 80 ? templateLiteral(value) : quote(value);
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => printLiteral(v, indent + 2));
    const inline = `[${items.join(', ')}]`;
    if (inline.length + indent <= MAX_INLINE && !inline.includes('\n')) return inline;
    return `[\n${items.map((i) => `${pad}${i},`).join('\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${propertyKey(k)}: ${printLiteral(v, indent + 2)}`);
    const inline = `{ ${items.join(', ')} }`;
    if (inline.length + indent <= MAX_INLINE && !inline.includes('\n')) return inline;
    return `{\n${items.map((i) => `${pad}${i},`).join('\n')}\n${end}}`;
  }
  return 'undefined';
}

/** TypeScript code placed as is inside a printed literal (a typed reference or template). */
export class Code {
  constructor(readonly text: string) {}
}
