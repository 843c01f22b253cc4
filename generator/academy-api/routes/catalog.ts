import { matchesAll, parsePeopleQuery } from '../data/people-query.ts';
import { AWARDS, GENRES, ORGANIZATIONS, PEOPLE } from '../data/seed.ts';
import { notFound } from '../errors.ts';
import { hasMoreOf, intParam, offsetOf } from '../pagination.ts';
import type { DataContext, Route } from '../router.ts';

/** Read-only reference data: people (offset paging + `q`), organizations (has-more), genres, awards. */
export const catalogRoutes: Route<DataContext>[] = [
  {
    method: 'GET',
    pattern: '/people',
    handle: ({ query }) => {
      const conditions = parsePeopleQuery(query.get('q') ?? '');
      const offset = intParam(query, 'offset', 0, 0);
      const limit = intParam(query, 'limit', 5, 1);
      const slice = offsetOf(
        PEOPLE.filter((p) => matchesAll(p.name, conditions)),
        offset,
        limit,
      );
      return {
        status: 200,
        json: { people: slice.items, offset: slice.offset, limit: slice.limit, total: slice.total },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/organizations',
    handle: ({ query }) => {
      const slice = hasMoreOf(ORGANIZATIONS, intParam(query, 'page', 1, 1));
      return { status: 200, json: { organizations: slice.items, hasMore: slice.hasMore } };
    },
  },
  { method: 'GET', pattern: '/genres', handle: () => ({ status: 200, json: { genres: GENRES } }) },
  {
    method: 'GET',
    pattern: '/awards/:movieId',
    handle: ({ params, state, auth }) => {
      const account = state.data.account(auth.client.clientId, auth.user.key);
      const movie = state.data.findMovie(account, params.movieId!);
      if (!movie) throw notFound();
      return { status: 200, json: { awards: AWARDS[movie.id] ?? [] } };
    },
  },
];
