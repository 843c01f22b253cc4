/**
 * Regular expressions written in apps and templates (`replace(t; "/re/g"; ...)`, a scenario's
 * `$matches`) must run in bounded time whatever their shape. Two engines, both with exact
 * JavaScript semantics:
 *
 * 1. V8's linear-time engine (the opt-in `l` flag) for every pattern it accepts. It has no case
 *    folding, so a case-insensitive pattern is first rewritten with explicit classes (`a` → `[Aa]`,
 *    `[a-c]` → `[A-Ca-c]`) built from the same canonicalisation JavaScript uses.
 * 2. Everything else (backreferences, lookaround, `u`/`v` mode, huge counted repeats) runs on the
 *    normal backtracking engine inside a `vm` context with a hard deadline: past it V8 stops the
 *    match and the caller gets a clear error instead of a process that hangs.
 *
 * Linear-time engines from the registry were measured and left out: `re2-wasm` differs from
 * JavaScript (`\s`, `.` and `$` see only `\n` as a line end, the `u` flag is compulsory) and loops
 * for ever on a global empty match; `re2` needs a native build at install time.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { ImlEvalError } from '../errors.ts';

/** How long one backtracking match may run. */
export const REGEXP_DEADLINE_MS = 1000;

/** V8's flag for its linear-time engine (a variable, so no tool rewrites the probe into a literal). */
const LINEAR_FLAG = 'l';

let linearAvailable = false;
try {
  // Only enables the opt-in `l` flag; the default engine and every other RegExp are unaffected.
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  new RegExp('a', LINEAR_FLAG);
  linearAvailable = true;
} catch {
  linearAvailable = false;
}

/** A compiled app-supplied pattern; every method runs in bounded time or throws ImlEvalError. */
export interface SafeRegExp {
  readonly source: string;
  readonly flags: string;
  /** `'linear'` when it runs on the linear-time engine, `'deadline'` when on the guarded fallback. */
  readonly engine: 'linear' | 'deadline';
  replace(text: string, replacement: string): string;
  test(text: string): boolean;
}

const CACHE_SIZE = 256;
const cache = new Map<string, SafeRegExp>();

/** Compiles `/source/flags`; a syntax error is an ImlEvalError naming the pattern. */
export function safeRegExp(source: string, flags = ''): SafeRegExp {
  const key = `${flags}/${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new ImlEvalError(`invalid regular expression /${source}/${flags}: ${(e as Error).message}`);
  }
  const linear = linearRegExp(source, flags);
  const compiled = linear ? linearPattern(source, flags, linear) : deadlinePattern(source, flags);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

function linearRegExp(source: string, flags: string): RegExp | undefined {
  if (!linearAvailable) return undefined;
  try {
    return new RegExp(source, flags + LINEAR_FLAG);
  } catch {
    // not expressible in linear time as written
  }
  if (!flags.includes('i') || /[uv]/.test(flags)) return undefined;
  const folded = foldCase(source);
  if (folded === undefined) return undefined;
  try {
    return new RegExp(folded, flags.replace('i', '') + LINEAR_FLAG);
  } catch {
    return undefined;
  }
}

function linearPattern(source: string, flags: string, re: RegExp): SafeRegExp {
  return {
    source,
    flags,
    engine: 'linear',
    replace: (text, replacement) => {
      re.lastIndex = 0;
      return text.replace(re, replacement);
    },
    test: (text) => {
      re.lastIndex = 0;
      return re.test(text);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The guarded fallback: the normal engine in a vm context, stopped by V8 at the deadline.

let sandbox: vm.Context | undefined;
const RUN = new vm.Script(
  `"use strict"; (() => { const a = globalThis.args; const re = new RegExp(a.source, a.flags);
   return a.op === 'test' ? re.test(a.text) : a.text.replace(re, a.replacement); })()`,
  { filename: 'app-regexp.js' },
);

function deadlinePattern(source: string, flags: string): SafeRegExp {
  const run = (op: 'test' | 'replace', text: string, replacement = ''): unknown => {
    sandbox ??= vm.createContext(Object.create(null));
    sandbox.args = { op, source, flags, text, replacement };
    try {
      return RUN.runInContext(sandbox, { timeout: REGEXP_DEADLINE_MS });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
        throw new ImlEvalError(
          `the regular expression /${source}/${flags} was stopped after ${REGEXP_DEADLINE_MS} ms on a text of ${text.length} characters: it backtracks too much (simplify it, e.g. without backreferences or nested repeats)`,
        );
      throw new ImlEvalError(`regular expression /${source}/${flags}: ${(e as Error).message}`);
    } finally {
      sandbox.args = undefined;
    }
  };
  return {
    source,
    flags,
    engine: 'deadline',
    replace: (text, replacement) => run('replace', text, replacement) as string,
    test: (text) => run('test', text) === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Case folding for the linear engine: JavaScript's non-unicode `i` matches two characters when
// their Canonicalize values are equal (ECMA-262 §22.2.2.7.3: upper case of a single code unit,
// except that nothing outside ASCII folds into ASCII). Each cased literal becomes the class of
// every code unit with the same canonical value; a class gets the closure of its members.

let canonical: Uint16Array | undefined;
let variants: Map<number, number[]> | undefined;

function canonTables(): { canon: Uint16Array; groups: Map<number, number[]> } {
  if (!canonical || !variants) {
    const canon = new Uint16Array(0x10000);
    const byCanon = new Map<number, number[]>();
    for (let c = 0; c < 0x10000; c++) {
      const upper = String.fromCharCode(c).toUpperCase();
      let cu = upper.length === 1 ? upper.charCodeAt(0) : c;
      if (c >= 128 && cu < 128) cu = c;
      canon[c] = cu;
      const list = byCanon.get(cu);
      if (list) list.push(c);
      else byCanon.set(cu, [c]);
    }
    for (const [k, list] of byCanon) if (list.length < 2) byCanon.delete(k);
    canonical = canon;
    variants = byCanon;
  }
  return { canon: canonical, groups: variants };
}

const hex4 = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** Sorted code units as class ranges (`\u0041-\u005a\u0061`). */
function rangesText(units: number[]): string {
  let out = '';
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j] + 1) j++;
    out += j > i ? `${hex4(units[i])}-${hex4(units[j])}` : hex4(units[i]);
    i = j + 1;
  }
  return out;
}

/** A literal code unit: itself, or a class of its case variants. */
function foldedChar(c: number, raw: string): string {
  const { canon, groups } = canonTables();
  const group = groups.get(canon[c]);
  return group ? `[${rangesText(group)}]` : raw;
}

interface Escape {
  end: number;
  /** The code unit it stands for; undefined for a set escape or an assertion (kept as written). */
  unit?: number;
}

/**
 * One escape at `i` (the backslash), in a class or not; undefined when it is one this rewrite does
 * not handle (backreferences, legacy octal, `\k`, `\p`, malformed `\x`/`\u`/`\c`): the pattern then
 * takes the guarded engine.
 */
function readEscape(src: string, i: number, inClass: boolean): Escape | undefined {
  const c = src[i + 1];
  if (c === undefined) return undefined;
  if ('dDsSwW'.includes(c)) return { end: i + 2 };
  if (c === 'b') return inClass ? { end: i + 2, unit: 8 } : { end: i + 2 };
  if (c === 'B') return inClass ? undefined : { end: i + 2 };
  const controls: Record<string, number> = { f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (Object.hasOwn(controls, c)) return { end: i + 2, unit: controls[c] };
  if (c === '0') return /[0-9]/.test(src[i + 2] ?? '') ? undefined : { end: i + 2, unit: 0 };
  if (/[1-9]/.test(c) || c === 'k' || c === 'p' || c === 'P') return undefined;
  if (c === 'c') {
    const l = src[i + 2] ?? '';
    return /[A-Za-z]/.test(l) ? { end: i + 3, unit: l.charCodeAt(0) % 32 } : undefined;
  }
  if (c === 'x') {
    const h = src.slice(i + 2, i + 4);
    return /^[0-9A-Fa-f]{2}$/.test(h) ? { end: i + 4, unit: Number.parseInt(h, 16) } : undefined;
  }
  if (c === 'u') {
    const h = src.slice(i + 2, i + 6);
    return /^[0-9A-Fa-f]{4}$/.test(h) ? { end: i + 6, unit: Number.parseInt(h, 16) } : undefined;
  }
  return { end: i + 2, unit: c.charCodeAt(0) }; // identity escape
}

/** A class `[...]` at `i` with every member's case variants added; undefined when not handled. */
function foldClass(src: string, i: number): { end: number; text: string } | undefined {
  let j = i + 1;
  const negated = src[j] === '^';
  if (negated) j++;
  const sets: string[] = [];
  const units: [number, number][] = [];
  const atom = (): { unit?: number; set?: string } | undefined => {
    if (src[j] === '\\') {
      const e = readEscape(src, j, true);
      if (!e) return undefined;
      const raw = src.slice(j, e.end);
      j = e.end;
      return e.unit === undefined ? { set: raw } : { unit: e.unit };
    }
    return { unit: src.charCodeAt(j++) };
  };
  while (j < src.length && src[j] !== ']') {
    const a = atom();
    if (!a) return undefined;
    if (src[j] === '-' && src[j + 1] !== ']' && j + 1 < src.length) {
      j++;
      const b = atom();
      if (!b) return undefined;
      if (a.unit === undefined || b.unit === undefined) {
        // Annex B: a set escape at either end makes the dash a literal
        for (const x of [a, b, { unit: 45 }])
          if (x.set) sets.push(x.set);
          else units.push([x.unit!, x.unit!]);
      } else units.push([a.unit, b.unit]);
    } else if (a.set) sets.push(a.set);
    else units.push([a.unit!, a.unit!]);
  }
  if (src[j] !== ']') return undefined;
  const { canon, groups } = canonTables();
  const members = new Set<number>();
  for (const [lo, hi] of units)
    for (let c = lo; c <= hi; c++) {
      members.add(c);
      for (const v of groups.get(canon[c]) ?? []) members.add(v);
    }
  const sorted = [...members].sort((x, y) => x - y);
  return { end: j + 1, text: `[${negated ? '^' : ''}${sets.join('')}${rangesText(sorted)}]` };
}

/**
 * The pattern with case-insensitivity spelled out, for use without the `i` flag; undefined when
 * it uses a construct this rewrite does not handle.
 */
export function foldCase(src: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const e = readEscape(src, i, false);
      if (!e) return undefined;
      const raw = src.slice(i, e.end);
      out += e.unit === undefined ? raw : foldedChar(e.unit, raw);
      i = e.end;
    } else if (c === '[') {
      const cls = foldClass(src, i);
      if (!cls) return undefined;
      out += cls.text;
      i = cls.end;
    } else if (c === '(' && src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!') {
      const close = src.indexOf('>', i);
      if (close < 0) return undefined;
      out += src.slice(i, close + 1); // a group name is not text to match
      i = close + 1;
    } else {
      out += foldedChar(src.charCodeAt(i), c);
      i++;
    }
  }
  return out;
}
