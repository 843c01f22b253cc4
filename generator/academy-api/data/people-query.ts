import { badRequest } from '../errors.ts';

export type QueryOperator = 'contains' | 'startsWith' | 'endsWith' | 'equals';
export interface QueryCondition {
  op: QueryOperator;
  value: string;
}

const OPERATORS: Record<string, QueryOperator> = {
  contains: 'contains',
  startswith: 'startsWith',
  endswith: 'endsWith',
  equals: 'equals',
  equal: 'equals', // the docs spell it both ways
};

/**
 * Parses the People `q` filter: `op = "value"` conditions joined by `AND`, for example
 * `contains= "Rob" AND startsWith = "Rob" AND endsWith = "Jr."`. Whitespace around `=` is free,
 * operator names and AND are case-insensitive, `\"` escapes a quote. Errors name the column.
 */
export function parsePeopleQuery(q: string): QueryCondition[] {
  if (q.length > 2000) throw badRequest('Query parameter "q" is longer than 2000 characters');
  const conditions: QueryCondition[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw badRequest(`Query parameter "q" at column ${i + 1}: ${what}`);
  };
  const skipSpace = () => {
    while (i < q.length && /\s/.test(q[i]!)) i++;
  };
  skipSpace();
  if (i === q.length) return conditions;
  for (;;) {
    skipSpace();
    const start = i;
    while (i < q.length && /[A-Za-z]/.test(q[i]!)) i++;
    const word = q.slice(start, i);
    const op = OPERATORS[word.toLowerCase()];
    if (!op) {
      i = start;
      fail(
        `expected an operator (contains, startsWith, endsWith, equals), found ${word ? `"${word}"` : describe(q, i)}`,
      );
    }
    skipSpace();
    if (q[i] !== '=') fail(`expected "=" after ${word}, found ${describe(q, i)}`);
    i++;
    skipSpace();
    if (q[i] !== '"') fail(`expected a double-quoted value, found ${describe(q, i)}`);
    i++;
    let value = '';
    for (;;) {
      if (i >= q.length) fail('the quoted value is not closed');
      const c = q[i]!;
      if (c === '\\' && i + 1 < q.length) {
        value += q[i + 1];
        i += 2;
      } else if (c === '"') {
        i++;
        break;
      } else {
        value += c;
        i++;
      }
    }
    conditions.push({ op: op!, value });
    skipSpace();
    if (i === q.length) return conditions;
    const andStart = i;
    while (i < q.length && /[A-Za-z]/.test(q[i]!)) i++;
    if (q.slice(andStart, i).toUpperCase() !== 'AND') {
      i = andStart;
      fail(`expected AND between conditions, found ${describe(q, i)}`);
    }
  }
}

function describe(q: string, i: number): string {
  return i >= q.length ? 'the end of the query' : `"${q.slice(i, i + 12)}"`;
}

/** Case-insensitive match of every condition against a name. */
export function matchesAll(name: string, conditions: QueryCondition[]): boolean {
  const n = name.toLowerCase();
  return conditions.every(({ op, value }) => {
    const v = value.toLowerCase();
    if (op === 'contains') return n.includes(v);
    if (op === 'startsWith') return n.startsWith(v);
    if (op === 'endsWith') return n.endsWith(v);
    return n === v;
  });
}
