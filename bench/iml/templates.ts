/**
 * Realistic template shapes from app definitions (URLs, headers, bodies with several expressions),
 * written once in IML and once in the equivalent Handlebars syntax (helpers for function calls).
 */
export interface BenchTemplate {
  name: string;
  iml: string;
  handlebars: string;
}

export const BENCH_TEMPLATES: BenchTemplate[] = [
  {
    name: 'url with two parameters',
    iml: '/movies/{{parameters.movieId}}/cast?limit={{parameters.limit}}&page={{pagination.page}}',
    handlebars: '/movies/{{parameters.movieId}}/cast?limit={{parameters.limit}}&page={{pagination.page}}',
  },
  {
    name: 'authorization header',
    iml: 'Bearer {{connection.accessToken}}',
    handlebars: 'Bearer {{connection.accessToken}}',
  },
  {
    name: 'user agent header',
    iml: 'academy-app/{{common.version}} ({{connection.account.email}}; {{connection.account.id}})',
    handlebars: 'academy-app/{{common.version}} ({{connection.account.email}}; {{connection.account.id}})',
  },
  {
    name: 'JSON body text with five fields',
    iml: '{"title":"{{parameters.title}}","year":{{parameters.year}},"genre":"{{parameters.genre}}","director":"{{parameters.director.name}}","owner":"{{connection.account.id}}"}',
    handlebars:
      '{"title":"{{parameters.title}}","year":{{parameters.year}},"genre":"{{parameters.genre}}","director":"{{parameters.director.name}}","owner":"{{connection.account.id}}"}',
  },
  {
    name: 'body with function calls',
    iml: 'name={{lower(parameters.title)}}&tags={{join(parameters.tags, ",")}}&first={{parameters.cast[1].name}}',
    handlebars:
      'name={{lower parameters.title}}&tags={{join parameters.tags ","}}&first={{parameters.cast.[0].name}}',
  },
];

export const BENCH_CONTEXT = {
  parameters: {
    movieId: 'tt0111161',
    limit: 25,
    title: 'The Shawshank Redemption',
    year: 1994,
    genre: 'drama',
    director: { name: 'Frank Darabont' },
    tags: ['prison', 'hope', 'friendship'],
    cast: [{ name: 'Tim Robbins' }, { name: 'Morgan Freeman' }],
  },
  connection: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.token', account: { email: 'ada@example.com', id: 42 } },
  common: { version: '2.1.0' },
  pagination: { page: 3 },
};
