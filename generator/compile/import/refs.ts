/**
 * Turns IML strings that are plain paths (`"{{parameters.id}}"`, `"/movies/{{parameters.id}}"`)
 * into the typed references a person would write (`parameters.id`, `` `/movies/${parameters.id}` ``),
 * but only where the reference type-checks: declared parameters, stored connection data, known
 * roots. Everything else stays the string it was.
 */
import { RESERVED_PROPERTY_NAMES } from '../authoring/iml.ts';
import { Code, templateLiteral } from './literal.ts';

/** What a root variable allows: any path below it, one of some names, or only itself. */
export type RootRule = { any: true } | { names: ReadonlySet<string> } | { leaf: true };
export type Scope = ReadonlyMap<string, RootRule>;

const PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const TEMPLATE_PART = /\{\{([^{}]*)\}\}/g;
/** Names a reference proxy keeps for JavaScript (see authoring/iml.ts): never turned into refs. */
const UNSAFE: ReadonlySet<string | symbol> = new Set([...RESERVED_PROPERTY_NAMES, '__proto__']);
/** Keys whose TypeScript type is an enum or IML: a mixed template (type string) would not fit. */
const ENUM_KEYS = new Set([
  'method',
  'type',
  'order',
  'sign_version',
  'signature_method',
  'transport_method',
]);

function allowed(path: string, scope: Scope): boolean {
  if (!PATH.test(path)) return false;
  const [root, ...rest] = path.split('.');
  if (rest.some((s) => UNSAFE.has(s))) return false;
  const rule = scope.get(root!);
  if (!rule) return false;
  if ('any' in rule) return true;
  if ('leaf' in rule) return rest.length === 0;
  return rest.length === 1 && rule.names.has(rest[0]!);
}

/** Converted value plus the roots it now uses (for the builder's parameter list). */
export function convertRefs(value: unknown, scope: Scope, used: Set<string>, key?: string): unknown {
  if (typeof value === 'string') return convertString(value, scope, used, key);
  if (Array.isArray(value)) return value.map((v) => convertRefs(v, scope, used, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = k === 'sanitize' ? v : convertRefs(v, scope, used, k);
    return out;
  }
  return value;
}

function convertString(s: string, scope: Scope, used: Set<string>, key?: string): unknown {
  if (!s.includes('{{')) return s;
  const whole = /^\{\{([^{}]*)\}\}$/.exec(s);
  if (whole) {
    const path = whole[1]!;
    if (!allowed(path, scope)) return s;
    used.add(path.split('.')[0]!);
    return new Code(path);
  }
  if (key && ENUM_KEYS.has(key)) return s;
  const parts: { text: string; path?: string }[] = [];
  let last = 0;
  for (const m of s.matchAll(TEMPLATE_PART)) {
    if (!allowed(m[1]!, scope)) return s;
    parts.push({ text: s.slice(last, m.index) }, { text: '', path: m[1]! });
    last = m.index! + m[0].length;
  }
  parts.push({ text: s.slice(last) });
  // Stray braces outside {{...}} make the template ambiguous: keep the string.
  if (parts.some((p) => !p.path && /\{\{|\}\}/.test(p.text))) return s;
  let text = '`';
  for (const p of parts) {
    if (p.path) {
      used.add(p.path.split('.')[0]!);
      text += `\${${p.path}}`;
    } else text += templateLiteral(p.text).slice(1, -1);
  }
  return new Code(`${text}\``);
}

/** `({ parameters, body }) => (...)` around a converted section, or the plain literal when nothing was converted. */
export function builderText(printed: string, used: ReadonlySet<string>): string {
  if (used.size === 0) return printed;
  const roots = [...used].sort();
  const body = printed.startsWith('{') ? `(${printed})` : printed;
  return `({ ${roots.join(', ')} }) => ${body}`;
}
