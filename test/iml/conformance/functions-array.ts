/** §11.5 array functions. */
import type { ImlCase } from './case.ts';

const people = [
  { name: 'bob', age: 30, team: 'x' },
  { name: 'Alice', age: 25, team: 'y' },
  { name: 'carol', age: 35, team: 'x' },
];

export const ARRAY_CASES: ImlCase[] = [
  { t: '{{first(temp.list)}}', want: 3 },
  { t: '{{last(temp.list)}}', want: 2 },
  { t: '{{first(emptyarray)}}', want: undefined },
  { t: '{{add(temp.list, 4, 5)}}', want: [3, 1, 2, 4, 5] },
  { t: "{{add(emptyarray, 'a')}}", want: ['a'], note: '[3P-RT] how arrays are built' },
  { t: '{{length(add(temp.list, 9))}}', want: 4 },
  {
    t: '{{temp.list}}',
    want: [3, 1, 2],
    note: 'functions never mutate their input (checked after add/sort above)',
  },
  { t: '{{remove(temp.list, 1, 3)}}', want: [2] },
  { t: "{{remove(parameters.tags, 'b')}}", want: ['a', 'c'] },
  { t: '{{merge(temp.list, parameters.tags)}}', want: [3, 1, 2, 'a', 'b', 'c'] },
  {
    t: "{{merge(temp.list, 'x', temp.empty)}}",
    want: [3, 1, 2],
    note: '[3P-RT] non-array arguments ignored',
  },
  {
    t: '{{distinct(merge(oauth.scope, ifempty(parameters.scopes, emptyarray)))}}',
    ctx: { oauth: { scope: ['a', 'b'] }, parameters: { scopes: ['b', 'c'] } },
    want: ['a', 'b', 'c'],
    note: '[DOC] OAuth scope merge',
  },
  { t: '{{slice(temp.list, 1)}}', want: [1, 2], note: '0-based' },
  { t: '{{slice(temp.list, 0, 2)}}', want: [3, 1] },
  { t: '{{slice(temp.list, -1)}}', want: [2] },
  { t: '{{flatten(nested)}}', ctx: { nested: [1, [2, [3, [4]]]] }, want: [1, 2, [3, [4]]] },
  { t: '{{flatten(nested, 2)}}', ctx: { nested: [1, [2, [3, [4]]]] }, want: [1, 2, 3, [4]] },
  { t: '{{reverse(temp.list)}}', want: [2, 1, 3] },
  { t: '{{length(shuffle(temp.list))}}', want: 3 },
  { t: '{{sort(shuffle(temp.list))}}', want: [1, 2, 3] },
  { t: '{{sort(temp.list)}}', want: [1, 2, 3] },
  { t: "{{sort(temp.list, 'desc')}}", want: [3, 2, 1] },
  { t: '{{sort(temp.words)}}', want: ['A', 'b', 'c'] },
  { t: "{{sort(lower, 'asc ci')}}", ctx: { lower: ['b', 'A', 'c'] }, want: ['A', 'b', 'c'] },
  {
    t: "{{sort(mixed, 'asc')}}",
    ctx: { mixed: ['b', 'C', 'a'] },
    want: ['C', 'a', 'b'],
    note: 'case-sensitive by default',
  },
  { t: "{{sort(mixed, 'asc ci')}}", ctx: { mixed: ['b', 'C', 'a'] }, want: ['a', 'b', 'C'] },
  { t: "{{sort(mixed, 'desc ci')}}", ctx: { mixed: ['b', 'C', 'a'] }, want: ['C', 'b', 'a'] },
  {
    t: "{{map(sort(people, 'asc', 'age'), 'name')}}",
    ctx: { people },
    want: ['Alice', 'bob', 'carol'],
    note: 'sort by a key',
  },
  { t: "{{map(sort(people, 'desc', 'age'), 'age')}}", ctx: { people }, want: [35, 30, 25] },
  { t: "{{map(people, 'name')}}", ctx: { people }, want: ['bob', 'Alice', 'carol'] },
  {
    t: "{{map(people, 'name', 'team', 'x')}}",
    ctx: { people },
    want: ['bob', 'carol'],
    note: 'filter by key',
  },
  { t: "{{map(people, 'age', 'name', 'bob,carol')}}", ctx: { people }, want: [30, 35] },
  { t: "{{map(body.items, 'id')}}", want: [1, 2, 3] },
  {
    t: '{{distinct(dups)}}',
    ctx: { dups: [1, 2, 1, '2', 3] },
    want: [1, 2, 3],
    note: 'primitives compared as text',
  },
  {
    t: '{{distinct(objs)}}',
    ctx: { objs: [{ a: 1 }, { a: 1 }, { a: 2 }] },
    want: [{ a: 1 }, { a: 2 }],
    note: 'objects by content',
  },
  {
    t: "{{distinct(body.items, 'type')}}",
    want: [
      { id: 1, name: 'one', type: 'a' },
      { id: 2, name: 'two', type: 'b' },
    ],
  },
  { t: '{{deduplicate(dups)}}', ctx: { dups: ['a', 'b', 'a'] }, want: ['a', 'b'] },
  { t: '{{keys(temp.obj)}}', want: ['a', 'b'] },
  { t: '{{keys(parameters.tags)}}', want: ['0', '1', '2'] },
  {
    t: '{{toArray(temp.obj)}}',
    want: [
      { key: 'a', value: 1 },
      { key: 'b', value: { c: 2 } },
    ],
  },
  {
    t: '{{toArray(parameters.tags)}}',
    want: [
      { key: 0, value: 'a' },
      { key: 1, value: 'b' },
      { key: 2, value: 'c' },
    ],
  },
  {
    t: "{{toCollection(pairs, 'k', 'v')}}",
    ctx: {
      pairs: [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
    },
    want: { x: 1, y: 2 },
  },
  { t: "{{toCollection(toArray(temp.obj), 'key', 'value')}}", want: { a: 1, b: { c: 2 } } },
  { t: '{{contains(temp.list, 3)}}', want: true },
  { t: "{{contains(temp.list, '3')}}", want: false, note: 'array membership is strict' },
  { t: "{{contains(temp.words, 'a', true)}}", want: true },
  { t: '{{isArray(temp.list)}}', want: true },
  { t: '{{isArray(temp.obj)}}', want: false },
  { t: '{{pop(temp.list)}}', want: 2, note: 'unconfirmed: pop gives the removed (last) item' },
  { t: '{{shift(temp.list)}}', want: 3 },
  { t: "{{join(map(body.items, 'name'), ', ')}}", want: 'one, two, three' },
  { t: '{{length(split(parameters.name, space))}}', want: 2 },
  {
    t: '{{if(length(temp.empty) > 0, temp.empty, undefined)}}',
    want: undefined,
    note: '[DOC] drop empty arrays',
  },
];
