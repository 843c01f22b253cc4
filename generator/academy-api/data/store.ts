import type { Clock } from '../../model/clock.ts';
import type { IdSource } from '../ids.ts';
import type { UserKey, WebhookEvent } from '../types.ts';
import type { MovieFields, MovieRecord } from './movie.ts';
import { DEFAULT_MOVIES } from './seed.ts';

/** Confirmed limits of the API. */
export const LIMITS = { createdMovies: 14, pageSize: 5, maxRetrieved: 20, webhooks: 1 } as const;

export interface WebhookRecord {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: number;
}

/** What one (client, app user) pair owns: its created movies and its webhook. */
export interface Account {
  clientId: string;
  user: UserKey;
  movies: MovieRecord[];
  webhook: WebhookRecord | null;
}

/** All mutable data. v1 and v2 requests of the same (client, user) meet the same Account. */
export class DataStore {
  readonly defaults: readonly MovieRecord[] = DEFAULT_MOVIES.map((m, i) =>
    Object.freeze({
      id: m.id,
      name: m.name,
      genreIds: [...m.genreIds],
      directorId: m.directorId,
      releaseDate: m.releaseDate,
      length: m.length,
      topCast: m.topCast.map((c) => ({ ...c })),
      boxOffice: { ...m.boxOffice },
      premieres: { ...m.premieres },
      createdAt: Date.parse(m.createdAt),
      updatedAt: Date.parse(m.updatedAt),
      seq: i,
      isDefault: true,
    }),
  );
  private readonly accounts = new Map<string, Account>();
  private seq = DEFAULT_MOVIES.length;

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
  ) {}

  account(clientId: string, user: UserKey): Account {
    const key = `${clientId}\u0000${user}`;
    let account = this.accounts.get(key);
    if (!account) {
      account = { clientId, user, movies: [], webhook: null };
      this.accounts.set(key, account);
    }
    return account;
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  /** Default movies first, then the account's own, in creation order. */
  visibleMovies(account: Account): MovieRecord[] {
    return [...this.defaults, ...account.movies];
  }

  findMovie(account: Account, id: string): MovieRecord | undefined {
    return this.visibleMovies(account).find((m) => m.id === id);
  }

  createMovie(account: Account, fields: MovieFields): MovieRecord {
    const now = this.clock.now();
    const movie: MovieRecord = {
      ...fields,
      id: this.newMovieId(),
      createdAt: now,
      updatedAt: now,
      seq: this.seq++,
      isDefault: false,
    };
    account.movies.push(movie);
    return movie;
  }

  newId(purpose: string): string {
    return this.ids.hex(purpose, 12);
  }

  clear(): void {
    this.accounts.clear();
    this.seq = DEFAULT_MOVIES.length;
  }

  private newMovieId(): string {
    const taken = new Set([
      ...this.defaults.map((m) => m.id),
      ...this.allAccounts().flatMap((a) => a.movies.map((m) => m.id)),
    ]);
    for (;;) {
      const id = this.ids.hex('movie', 12);
      if (!taken.has(id)) return id;
    }
  }
}
