import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface GeneratedFile {
  file: string;
  /** Name of the project schema (schemas/<name>.schema.json) this file is checked against. */
  schema: string;
}

/** Writes a local-development app with `count` modules (5 code files each) and returns its files. */
export function generateApp(dir: string, count: number): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const write = (rel: string, value: unknown) => {
    const schemaName = schemaFor(rel, value);
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, `${JSON.stringify(value, null, 2)}\n`);
    files.push({ file: f, schema: schemaName });
  };
  const modules: Record<string, unknown> = {};
  write('general/base.iml.json', {
    baseUrl: 'https://app-academy.make.com/api/v2',
    headers: { authorization: 'Bearer {{connection.accessToken}}' },
    response: { error: { message: '[{{statusCode}}] {{body.error.message}}' } },
    log: { sanitize: ['request.headers.authorization'] },
  });
  write('connections/academy/academy.params.iml.json', []);
  write('connections/academy/academy.scope-list.iml.json', {
    connect: 'Connect',
    read: 'Read',
    write: 'Write',
    delete: 'Delete',
  });
  write('connections/academy/academy.default-scope.iml.json', ['connect']);
  write('connections/academy/academy.oauth-communication.iml.json', {
    authorize: {
      url: 'https://app-academy.make.com/api/v2/authorize',
      qs: {
        client_id: '{{common.clientId}}',
        redirect_uri: '{{oauth.redirectUri}}',
        response_type: 'code',
        scope: "{{join(oauth.scope, ' ')}}",
      },
      response: { temp: { code: '{{query.code}}' } },
    },
    token: {
      url: 'https://app-academy.make.com/api/v2/token',
      method: 'POST',
      type: 'urlencoded',
      body: {
        grant_type: 'authorization_code',
        code: '{{temp.code}}',
        client_id: '{{common.clientId}}',
        client_secret: '{{common.clientSecret}}',
        redirect_uri: '{{oauth.redirectUri}}',
      },
      response: {
        data: {
          accessToken: '{{body.access_token}}',
          refreshToken: '{{body.refresh_token}}',
          expires: '{{addMinutes(now, body.expires_in)}}',
        },
        expires: '{{addMinutes(now, body.refresh_expires_in)}}',
      },
      log: {
        sanitize: [
          'request.body.code',
          'request.body.client_secret',
          'response.body.access_token',
          'response.body.refresh_token',
        ],
      },
    },
  });
  for (let i = 0; i < count; i++) {
    const id = `module${i}`;
    const dirRel = `modules/module-${i}`;
    const search = i % 2 === 0;
    write(`${dirRel}/${id}.communication.iml.json`, {
      url: search ? '/movies' : `/movies/{{parameters.id}}`,
      method: 'GET',
      qs: search
        ? {
            since: '{{formatDate(parameters.since, "YYYY-MM-DD")}}',
            order: '{{ifempty(parameters.order, "asc")}}',
          }
        : {},
      response: search
        ? {
            iterate: '{{body.movies}}',
            output: { id: '{{item.id}}', name: '{{upper(item.name)}}' },
            limit: '{{parameters.limit}}',
          }
        : { output: { id: '{{body.id}}', name: '{{body.name}}' } },
      ...(search
        ? {
            pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.page < body.totalPages}}' },
          }
        : {}),
    });
    write(
      `${dirRel}/${id}.mappable-params.iml.json`,
      search
        ? [
            { name: 'since', type: 'date', label: 'Since' },
            {
              name: 'order',
              type: 'select',
              label: 'Order',
              default: 'asc',
              options: [
                { label: 'Asc', value: 'asc' },
                { label: 'Desc', value: 'desc' },
              ],
            },
            { name: 'limit', type: 'uinteger', label: 'Limit', default: 10 },
          ]
        : [{ name: 'id', type: 'text', label: 'Movie ID', required: true }],
    );
    write(`${dirRel}/${id}.interface.iml.json`, [
      { name: 'id', type: 'text', label: 'ID' },
      { name: 'name', type: 'text', label: 'Name' },
    ]);
    write(`${dirRel}/${id}.samples.iml.json`, { id: '1', name: 'Iron Man' });
    write(`${dirRel}/${id}.scope.iml.json`, ['read']);
    modules[id] = {
      label: `Module ${i}`,
      description: 'Returns movies.',
      moduleType: search ? 'search' : 'action',
      actionCrud: search ? null : 'read',
      connection: 'academy',
      codeFiles: {
        communication: `${dirRel}/${id}.communication.iml.json`,
        mappableParams: `${dirRel}/${id}.mappable-params.iml.json`,
        interface: `${dirRel}/${id}.interface.iml.json`,
        samples: `${dirRel}/${id}.samples.iml.json`,
        scope: `${dirRel}/${id}.scope.iml.json`,
      },
    };
  }
  write('makecomapp.json', {
    fileVersion: 1,
    generalCodeFiles: { base: 'general/base.iml.json', common: null, readme: null, groups: null },
    components: {
      connection: {
        academy: {
          label: 'Academy',
          connectionType: 'oauth',
          codeFiles: {
            communication: 'connections/academy/academy.oauth-communication.iml.json',
            params: 'connections/academy/academy.params.iml.json',
            scopeList: 'connections/academy/academy.scope-list.iml.json',
            defaultScope: 'connections/academy/academy.default-scope.iml.json',
          },
        },
      },
      webhook: {},
      module: modules,
      rpc: {},
      function: {},
      endpoint: {},
    },
    origins: [
      {
        label: 'Bench',
        baseUrl: 'https://eu1.make.com/api',
        appId: 'bench-app',
        appVersion: 1,
        idMapping: {},
        apikeyFile: '.secrets/apikey',
      },
    ],
  });
  return files;
}

/** The project schema a generated file is validated against in the baseline. */
function schemaFor(rel: string, value: unknown): string {
  const suffixes: [RegExp, string][] = [
    [/base\.iml\.json$/, 'base'],
    [/oauth-communication\.iml\.json$/, 'connection-communication-oauth'],
    [/connections\/.*\.params\.iml\.json$/, 'connection-params'],
    [/scope-list\.iml\.json$/, 'connection-scope-list'],
    [/default-scope\.iml\.json$/, 'connection-default-scope'],
    [/mappable-params\.iml\.json$/, 'module-mappable-params'],
    [/interface\.iml\.json$/, 'module-interface'],
    [/samples\.iml\.json$/, 'module-samples'],
    [/\.scope\.iml\.json$/, 'module-scope'],
    [/makecomapp\.json$/, 'makecomapp'],
  ];
  for (const [re, name] of suffixes) if (re.test(rel)) return name;
  const iterates = JSON.stringify(value).includes('"iterate"');
  return iterates ? 'module-communication-search' : 'module-communication-action';
}
