import type { ErrorObject } from 'ajv';
import { escapePointerSegment, fromPointer } from '../../model/location.ts';
import { explainingValidatorFor, fragmentValidator, validatorFor } from './compile.ts';
import type { SchemaName } from './registry.ts';

/** One plain-words finding: where (instance pointer, on the key or the value) and what. */
export interface SchemaFinding {
  pointer: string;
  key: boolean;
  message: string;
  /** True when the value has the wrong kind altogether (used to rank anyOf branches). */
  mismatch: boolean;
  /** From the failing sub-schema's `x-severity`: 'warning' where Make accepts the value but it does not do what was meant. */
  severity: 'error' | 'warning';
}

type Schema = Record<string, unknown>;

/** Keywords that mean "the value is not of this branch's kind" when failing at the branch's own path. */
const KIND_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
]);
const COMPOSITES = new Set(['anyOf', 'oneOf']);
const MAX_DEPTH = 8;

/**
 * Validates `data` against schema `name` and explains every failure at its root cause: anyOf/oneOf
 * noise collapses to the branch the value was meant for (or to the schema's `x-errorMessage` when
 * no branch fits), unknown keys use the place's `x-notAllowedHere` reasons.
 */
export function explain(name: SchemaName, data: unknown, title: string): SchemaFinding[] {
  // The fast (precompiled) check first; only a failing value pays for the run-time validator, whose
  // errors point at the bundle's own schema objects, which explaining needs.
  if (validatorFor(name)(data)) return [];
  const validate = explainingValidatorFor(name);
  validate(data);
  const findings = collapse(name, validate.errors ?? [], '', title, 0);
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.pointer}\u0000${f.key}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface Node {
  instancePath: string;
  schemaPath: string;
  /** Resolved only if the node survives (a composite swallowed by an outer one is never explained). */
  findings: () => SchemaFinding[];
}

const under = (p: string, base: string) => base === '' || p === base || p.startsWith(`${base}/`);

function collapse(
  name: SchemaName,
  errors: ErrorObject[],
  base: string,
  title: string,
  depth: number,
): SchemaFinding[] {
  // ajv (allErrors) emits a composite's branch errors right before the composite itself, so a
  // stack rebuilds the nesting: a composite swallows the run of errors under its instance path.
  const stack: Node[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue; // the `then` error carries the reason
    const path = base + e.instancePath;
    if (COMPOSITES.has(e.keyword)) {
      const children: Node[] = [];
      while (stack.length && under(stack[stack.length - 1].instancePath, path))
        children.unshift(stack.pop() as Node);
      stack.push({
        instancePath: path,
        schemaPath: e.schemaPath,
        findings: () => resolveComposite(name, e, path, title, depth, children),
      });
    } else if (e.keyword === 'propertyNames') {
      // Only the inner errors about the names themselves belong to it.
      const top = () => stack[stack.length - 1];
      while (stack.length && top().instancePath === path && top().schemaPath.includes('/propertyNames/'))
        stack.pop();
      stack.push({
        instancePath: path,
        schemaPath: e.schemaPath,
        findings: () => [propertyNameFinding(e, path)],
      });
    } else {
      const f = leafFinding(e, path, title);
      stack.push({ instancePath: path, schemaPath: e.schemaPath, findings: () => [f] });
    }
  }
  return stack.flatMap((n) => n.findings());
}

/** Picks the anyOf/oneOf branch the value was meant for and explains only its errors. */
function resolveComposite(
  name: SchemaName,
  e: ErrorObject,
  path: string,
  title: string,
  depth: number,
  children: Node[],
): SchemaFinding[] {
  const parent = (e.parentSchema ?? {}) as Schema;
  const branches = Array.isArray(e.schema) ? (e.schema as unknown[]) : [];
  const fallback = (): SchemaFinding[] => [
    {
      pointer: path,
      key: false,
      mismatch: true,
      severity: 'error',
      message: sentence(
        path,
        title,
        (parent['x-errorMessage'] as string | undefined) ?? describeBranches(branches),
      ),
    },
  ];
  if (depth >= MAX_DEPTH) {
    // Deep nesting: no more re-validation (it costs a pass per level); keep the errors ajv gave
    // that are not about the value's kind at this very place.
    const specific = children.flatMap((c) => c.findings()).filter((f) => !(f.mismatch && f.pointer === path));
    return specific.length ? specific : fallback();
  }
  const candidates: SchemaFinding[][] = [];
  for (const branch of branches) {
    const v = fragmentValidator(branch);
    if (!v) return fallback();
    if (v(e.data)) {
      // oneOf failing because several branches match: say so plainly.
      return [
        {
          pointer: path,
          key: false,
          mismatch: false,
          severity: 'error',
          message: sentence(path, title, 'matches more than one allowed form; make it match exactly one'),
        },
      ];
    }
    const found = collapse(name, v.errors ?? [], path, title, depth + 1);
    if (!found.some((f) => f.mismatch && f.pointer === path)) candidates.push(found);
  }
  if (candidates.length === 0) return fallback();
  candidates.sort((a, b) => a.length - b.length);
  return candidates[0];
}

function leafFinding(e: ErrorObject, path: string, title: string): SchemaFinding {
  const parent = (e.parentSchema ?? {}) as Schema;
  const place = (parent['x-place'] as string | undefined) ?? title;
  const own = parent['x-errorMessage'] as string | undefined;
  const mismatch = KIND_KEYWORDS.has(e.keyword);
  const severity = parent['x-severity'] === 'warning' ? 'warning' : 'error';
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const reasons = (parent['x-notAllowedHere'] ?? {}) as Record<string, string>;
      const allowed = Object.keys((parent.properties ?? {}) as object);
      const guess = closest(prop, allowed);
      const message = Object.hasOwn(reasons, prop)
        ? reasons[prop]
        : guess
          ? `\`${prop}\` is not allowed in ${place}; did you mean \`${guess}\`?`
          : `\`${prop}\` is not allowed in ${place}${allowed.length && allowed.length <= 12 ? `; allowed here: ${allowed.join(', ')}` : ''}`;
      return {
        pointer: `${path}/${escapePointerSegment(prop)}`,
        key: true,
        mismatch: false,
        severity,
        message: capitalize(message),
      };
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      const special = (parent['x-requiredMessage'] as Record<string, string> | undefined)?.[prop];
      return {
        pointer: path,
        key: false,
        mismatch: false,
        severity,
        message: capitalize(special ?? own ?? `\`${prop}\` is required in ${place}`),
      };
    }
    default:
      return {
        pointer: path,
        key: false,
        mismatch,
        severity,
        message: sentence(path, title, own ?? generic(e)),
      };
  }
}

function propertyNameFinding(e: ErrorObject, path: string): SchemaFinding {
  const prop = String((e.params as { propertyName: string }).propertyName);
  const inner = ((e.parentSchema as Schema | undefined)?.propertyNames ?? {}) as Schema;
  const why = (inner['x-errorMessage'] as string | undefined) ?? 'is not an allowed name here';
  return {
    pointer: `${path}/${escapePointerSegment(prop)}`,
    key: true,
    mismatch: false,
    severity: 'error',
    message: `"${prop}" ${why}`,
  };
}

/** "`response.limit` must be ..." — or the message as is when it already names its subject. */
function sentence(path: string, title: string, message: string): string {
  if (/^(must|is |cannot|does|should|has|matches)/.test(message)) return `${subject(path, title)} ${message}`;
  return capitalize(message);
}

function subject(path: string, title: string): string {
  const segs = fromPointer(path);
  if (segs.length === 0) return title;
  let s = '';
  for (const seg of segs) s += /^\d+$/.test(seg) ? `[${seg}]` : s ? `.${seg}` : seg;
  return `\`${s}\``;
}

function generic(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${describeType(p.type)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `must be ${e.keyword === 'minimum' ? 'at least' : 'more than'} ${p.limit}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `must be ${e.keyword === 'maximum' ? 'at most' : 'less than'} ${p.limit}`;
    case 'minItems':
      return `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'pattern':
      return `does not have the expected form (${p.pattern})`;
    case 'format':
      return `must be a valid ${p.format}`;
    case 'contains':
      return 'has no item of the required kind';
    case 'not':
      return 'has a value that is not allowed here';
    default:
      return e.message ?? 'is not valid here';
  }
}

function describeType(t: unknown): string {
  const names: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'text (a string)',
    boolean: 'true or false',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => names[String(x)] ?? String(x)).join(' or ');
}

/** "must be text or an object" from the branches' own types when a schema gives no message. */
function describeBranches(branches: unknown[]): string {
  const kinds = branches
    .map((b) =>
      b && typeof b === 'object'
        ? ((b as Schema).type ?? ((b as Schema).enum ? 'enum' : undefined))
        : undefined,
    )
    .filter((k) => k !== undefined && k !== 'enum');
  return kinds.length ? `must be ${describeType(kinds.flat())}` : 'does not have any of the allowed forms';
}

function capitalize(s: string): string {
  return s.charAt(0) === '`' || s.charAt(0) === '"' ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** The allowed name within edit distance 2 of a misspelt key (case-insensitive), if any (also for quick fixes). */
export function closest(word: string, candidates: string[]): string | undefined {
  if (word.length < 3) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
