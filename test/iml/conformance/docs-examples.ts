/** Expressions as they appear in the reference's documented examples (§2–§7, evidence file). */
import type { ImlCase } from './case.ts';

export const DOCS_CASES: ImlCase[] = [
  {
    t: "{{if(connection.accessToken, 'Bearer ' + connection.accessToken, undefined)}}",
    want: 'Bearer tok123',
    note: 'a corpus app Pipedrive base header',
  },
  { t: "{{if(connection.apiKey, 'Bearer ' + connection.apiKey, undefined)}}", want: undefined },
  {
    t: "{{join(distinct(merge(oauth.scope, ifempty(parameters.scopes, emptyarray))), ' ')}}",
    ctx: { oauth: { scope: ['read', 'write', 'read'] } },
    want: 'read write',
    note: 'Make docs: oauth2.md',
  },
  {
    t: "{{join(oauth.scope, ',')}}",
    ctx: { oauth: { scope: ['connect', 'read'] } },
    want: 'connect,read',
    note: '[MODEL] scaffold',
  },
  {
    t: '{{body.TotalPages >= pagination.page}}',
    ctx: { body: { TotalPages: 2 }, pagination: { page: 2 } },
    want: true,
    note: 'Make docs: pagination.md',
  },
  {
    t: '{{body.TotalPages >= pagination.page}}',
    ctx: { body: { TotalPages: 2 }, pagination: { page: 3 } },
    want: false,
  },
  {
    t: '{{ifempty(temp.page, 0) + 1}}',
    ctx: { temp: {} },
    want: 1,
    note: 'the 2019 Integromat docs page counter',
  },
  { t: '{{ifempty(temp.page, 0) + 1}}', ctx: { temp: { page: 1 } }, want: 2 },
  {
    t: '{{if(data.accessToken, data.expires < addMinutes(now, 1), true)}}',
    ctx: { data: {} },
    want: true,
    note: '[MODEL] token condition',
  },
  {
    t: '{{if(data.accessToken, data.expires < addMinutes(now, 1), true)}}',
    ctx: { data: { accessToken: 'a', expires: '2030-01-01T00:00:00Z' } },
    want: false,
  },
  {
    t: "{{omit(parameters, 'date')}}",
    ctx: { parameters: { date: 'x', name: 'n' } },
    want: { name: 'n' },
    note: 'Make docs: action types.md body spread',
  },
  {
    t: "{{formatDate(parameters.date, 'YYYY-MM-DD')}}",
    ctx: { parameters: { date: '2021-10-23T07:00:00.000Z' } },
    want: '2021-10-23',
    note: 'Make docs: date.md',
  },
  {
    t: "{{formatDate(body.createdAt, 'X')}}",
    ctx: { body: { createdAt: '2021-10-21T14:30:00.000Z' } },
    want: '1634826600',
    note: 'Make docs: date.md createdAt',
  },
  {
    t: '{{addDays(now, 60)}}',
    want: new Date('2026-05-14T12:34:56.789Z'),
    note: 'a corpus app refresh-token window',
  },
  { t: '{{statusCode == 200}}', ctx: { statusCode: 200 }, want: true, note: 'a corpus app corpus equality' },
  { t: '{{floor(body.total / 10) == 0}}', ctx: { body: { total: 5 } }, want: true },
  {
    t: '{{body.items}}',
    want: [
      { id: 1, name: 'one', type: 'a' },
      { id: 2, name: 'two', type: 'b' },
      { id: 3, name: 'three', type: 'a' },
    ],
    note: 'Make docs: iterate',
  },
  { t: '{{parameters.limit}}', want: '10', note: 'Make docs: qs keeps the type' },
  { t: '{{item.id}}', ctx: { item: { id: 7 } }, want: 7 },
  { t: '{{headers.link}}', want: '<x>', note: 'Make docs: lower-case header names' },
  { t: '{{length(body.items) > 0}}', want: true },
  {
    t: '{{ifempty(parameters.x, undefined)}}',
    want: undefined,
    note: 'Make docs: processing of input parameters',
  },
  {
    t: '{{if(length(parameters.list) > 0, parameters.list, undefined)}}',
    ctx: { parameters: { list: [] } },
    want: undefined,
  },
  {
    t: '{{body.access_token}}',
    ctx: { body: { access_token: 'at' } },
    want: 'at',
    note: 'Make docs: token response',
  },
  {
    t: '{{addSeconds(now, body.expires_in)}}',
    ctx: { body: { expires_in: 3600 } },
    want: new Date('2026-03-15T13:34:56.789Z'),
    note: 'Make docs: token expiry',
  },
  {
    t: '{{webhook.url}}',
    ctx: { webhook: { url: 'https://hook.example/x' } },
    want: 'https://hook.example/x',
    note: 'Make docs: attach',
  },
  {
    t: "{{parseDate(body.date, 'YYYY-MM-DD')}}",
    ctx: { body: { date: '2016-12-28' } },
    want: new Date('2016-12-28T00:00:00.000Z'),
    note: '[HELP] ISO results',
  },
];
