import { readJsonObject } from '../body.ts';
import { isIsoDateTime, type MovieRecord, readMovieInput, renderMovie } from '../data/movie.ts';
import { LIMITS } from '../data/store.ts';
import { ApiError, badRequest, notFound } from '../errors.ts';
import { intParam, pageOf } from '../pagination.ts';
import type { DataContext, Reply, Route } from '../router.ts';

const SORT_FIELDS = ['createdAt', 'updatedAt', 'name', 'originalPremiere', 'czechPremiere'] as const;
type SortField = (typeof SORT_FIELDS)[number];

/** The value a movie is sorted (and `since`-filtered) by; premieres may be missing. */
function sortValue(m: MovieRecord, field: SortField): number | string | null {
  switch (field) {
    case 'createdAt':
      return m.createdAt;
    case 'updatedAt':
      return m.updatedAt;
    case 'name':
      return m.name.toLowerCase();
    default: {
      const v = m.premieres?.[field];
      return v ? Date.parse(v) : null;
    }
  }
}

/** GET /movies: page pagination with `since`, `sortBy`, `order`. */
function listMovies(ctx: DataContext): Reply {
  const { query, state, auth } = ctx;
  const page = intParam(query, 'page', 1, 1);
  const sortBy = (query.get('sortBy') || 'createdAt') as SortField;
  if (!SORT_FIELDS.includes(sortBy))
    throw badRequest(`Query parameter "sortBy" must be one of ${SORT_FIELDS.join(', ')}`);
  const order = query.get('order') || 'asc';
  if (order !== 'asc' && order !== 'desc')
    throw badRequest('Query parameter "order" must be "asc" or "desc"');
  let movies = state.data.visibleMovies(state.data.account(auth.client.clientId, auth.user.key));
  const since = query.get('since');
  if (since) {
    if (!isIsoDateTime(since))
      throw badRequest(`Query parameter "since" must be an ISO date-time, got "${since.slice(0, 40)}"`);
    const t = Date.parse(since);
    // `since` compares with the sort field; for `name` (not a date) it compares with createdAt.
    const field: SortField = sortBy === 'name' ? 'createdAt' : sortBy;
    movies = movies.filter((m) => {
      const v = sortValue(m, field);
      return typeof v === 'number' && v >= t;
    });
  }
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...movies].sort((a, b) => {
    const va = sortValue(a, sortBy);
    const vb = sortValue(b, sortBy);
    if (va === vb) return sign * (a.seq - b.seq);
    if (va === null) return 1; // missing values last in either order
    if (vb === null) return -1;
    return sign * (va < vb ? -1 : 1);
  });
  const slice = pageOf(sorted, page);
  return {
    status: 200,
    json: { movies: slice.items.map(renderMovie), page: slice.page, totalPages: slice.totalPages },
  };
}

function findOrThrow(ctx: DataContext): { movie: MovieRecord; own: boolean } {
  const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
  const movie = ctx.state.data.findMovie(account, ctx.params.id!);
  if (!movie) throw notFound();
  return { movie, own: !movie.isDefault };
}

function ownOrThrow(ctx: DataContext): MovieRecord {
  const { movie, own } = findOrThrow(ctx);
  if (!own) throw new ApiError(403, 'Default records cannot be changed or deleted');
  return movie;
}

async function createMovie(ctx: DataContext): Promise<Reply> {
  const body = await readJsonObject(ctx.req);
  const fields = readMovieInput(body, false);
  const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
  if (account.movies.length >= LIMITS.createdMovies) {
    throw badRequest(
      `Limit reached: a user can create at most ${LIMITS.createdMovies} movies; delete one first`,
    );
  }
  const movie = ctx.state.data.createMovie(account, fields);
  const out = renderMovie(movie);
  await ctx.state.webhooks.notify(account, 'create', out);
  return { status: 200, json: out };
}

async function changeMovie(ctx: DataContext, partial: boolean): Promise<Reply> {
  const movie = ownOrThrow(ctx);
  const body = await readJsonObject(ctx.req);
  const fields = readMovieInput(body, partial, movie);
  Object.assign(movie, fields, { updatedAt: ctx.state.clock.now() });
  const out = renderMovie(movie);
  const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
  await ctx.state.webhooks.notify(account, 'update', out);
  return { status: 200, json: out };
}

async function deleteMovie(ctx: DataContext): Promise<Reply> {
  const movie = ownOrThrow(ctx);
  const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
  account.movies = account.movies.filter((m) => m !== movie);
  await ctx.state.webhooks.notify(account, 'delete', renderMovie(movie));
  return { status: 204 };
}

export const movieRoutes: Route<DataContext>[] = [
  { method: 'GET', pattern: '/movies', handle: listMovies },
  { method: 'POST', pattern: '/movies', handle: createMovie },
  {
    method: 'GET',
    pattern: '/movies/:id',
    handle: (ctx) => ({ status: 200, json: renderMovie(findOrThrow(ctx).movie) }),
  },
  { method: 'PUT', pattern: '/movies/:id', handle: (ctx) => changeMovie(ctx, false) },
  { method: 'PATCH', pattern: '/movies/:id', handle: (ctx) => changeMovie(ctx, true) },
  { method: 'DELETE', pattern: '/movies/:id', handle: deleteMovie },
];
