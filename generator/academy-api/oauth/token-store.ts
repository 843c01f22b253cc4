import type { Clock } from '../../model/clock.ts';
import { ApiError } from '../errors.ts';
import type { IdSource } from '../ids.ts';
import type { Scope } from '../scopes.ts';
import type { UserKey } from '../types.ts';
import { type PkceChallenge, pkceVerifierProblem } from './pkce.ts';

/** Token and code lifetimes, in minutes (the docs give lifetimes in minutes). */
export interface Lifetimes {
  accessMinutes: number;
  refreshMinutes: number;
  codeMinutes: number;
}

export const DEFAULT_LIFETIMES: Lifetimes = { accessMinutes: 60, refreshMinutes: 1440, codeMinutes: 10 };

export interface AuthorizationCode {
  code: string;
  clientId: string;
  user: UserKey;
  redirectUri: string;
  scopes: Scope[];
  /** RFC 7636 challenge sent at authorize; the token request must prove it. */
  pkce: PkceChallenge | null;
  expiresAt: number;
  usedAt: number | null;
}

/** An access token and the refresh token issued with it. */
export interface TokenPair {
  clientId: string;
  user: UserKey;
  scopes: Scope[];
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  /** The code this pair descends from (through refreshes); reuse of that code revokes the pair. */
  lineage: string;
  revoked: string | null;
}

const MINUTE = 60_000;
const ROTATED = 'rotated by refresh';

/** Codes and tokens, with every time rule read from the injected clock. */
export class TokenStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly byAccess = new Map<string, TokenPair>();
  private readonly byRefresh = new Map<string, TokenPair>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
    readonly lifetimes: Lifetimes,
  ) {}

  issueCode(
    clientId: string,
    user: UserKey,
    redirectUri: string,
    scopes: Scope[],
    pkce: PkceChallenge | null = null,
  ): AuthorizationCode {
    const record: AuthorizationCode = {
      code: this.ids.secret('ac_'),
      clientId,
      user,
      redirectUri,
      scopes,
      pkce,
      expiresAt: this.clock.now() + this.lifetimes.codeMinutes * MINUTE,
      usedAt: null,
    };
    this.codes.set(record.code, record);
    return record;
  }

  /**
   * Exchanges a code once. A second use fails and revokes every token that descends from the
   * code (RFC 6749 §4.1.2). Issuing ends every earlier connection of the same (client, user).
   */
  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string | undefined,
    codeVerifier?: unknown,
  ): TokenPair {
    const record = this.codes.get(code);
    if (!record || record.clientId !== clientId) throw invalidGrant(400, 'Invalid authorization code');
    if (record.usedAt !== null) {
      this.revokeWhere((p) => p.lineage === record.code, 'authorization code reused');
      throw invalidGrant(400, 'Authorization code was already used; the tokens issued from it are revoked');
    }
    if (this.clock.now() >= record.expiresAt) throw invalidGrant(400, 'Authorization code expired');
    if (redirectUri !== record.redirectUri) {
      throw invalidGrant(400, 'redirect_uri does not match the one used to obtain the authorization code');
    }
    // Checked before the code is spent: a thief without the verifier cannot burn the user's code.
    const pkceProblem = pkceVerifierProblem(record.pkce, codeVerifier);
    if (pkceProblem) throw invalidGrant(400, pkceProblem);
    record.usedAt = this.clock.now();
    this.revokeWhere(
      (p) => p.clientId === clientId && p.user === record.user,
      'replaced by a new connection',
    );
    return this.issuePair(record.clientId, record.user, record.scopes, record.code);
  }

  /**
   * Rotation: the old access and refresh tokens stop working at once. Presenting a refresh token
   * that was already rotated away means two parties hold it (one stole it): the whole family
   * descending from the same code is revoked, the legitimate newest tokens included (Security BCP).
   */
  refresh(refreshToken: string, clientId: string): TokenPair {
    const pair = this.byRefresh.get(refreshToken);
    if (!pair || pair.clientId !== clientId) throw invalidGrant(401, 'Invalid refresh token');
    if (pair.revoked === ROTATED) {
      this.revokeWhere((p) => p.lineage === pair.lineage, 'refresh token reused');
      throw invalidGrant(401, 'Refresh token was already used; every token issued from it is revoked');
    }
    if (pair.revoked) throw invalidGrant(401, `Refresh token revoked (${pair.revoked})`);
    if (this.clock.now() >= pair.refreshExpiresAt) throw invalidGrant(401, 'Refresh token expired');
    pair.revoked = ROTATED;
    return this.issuePair(pair.clientId, pair.user, pair.scopes, pair.lineage);
  }

  /** Finds the live pair of an access token, or throws 401 saying why it is not usable. */
  authenticate(accessToken: string): TokenPair {
    const pair = this.byAccess.get(accessToken);
    if (!pair) throw invalidToken('Invalid access token');
    if (pair.revoked) throw invalidToken(`Access token revoked (${pair.revoked})`);
    if (this.clock.now() >= pair.accessExpiresAt) throw invalidToken('Access token expired');
    return pair;
  }

  /** Revokes the access token and its refresh token. */
  invalidate(pair: TokenPair): void {
    pair.revoked = 'invalidated';
  }

  /** Pairs that are still usable (for inspection by tests and the simulator). */
  livePairs(): TokenPair[] {
    const now = this.clock.now();
    return [...this.byAccess.values()].filter((p) => !p.revoked && now < p.refreshExpiresAt);
  }

  clear(): void {
    this.codes.clear();
    this.byAccess.clear();
    this.byRefresh.clear();
  }

  private issuePair(clientId: string, user: UserKey, scopes: Scope[], lineage: string): TokenPair {
    const now = this.clock.now();
    const pair: TokenPair = {
      clientId,
      user,
      scopes,
      accessToken: this.ids.secret('at_'),
      accessExpiresAt: now + this.lifetimes.accessMinutes * MINUTE,
      refreshToken: this.ids.secret('rt_'),
      refreshExpiresAt: now + this.lifetimes.refreshMinutes * MINUTE,
      lineage,
      revoked: null,
    };
    this.byAccess.set(pair.accessToken, pair);
    this.byRefresh.set(pair.refreshToken, pair);
    return pair;
  }

  private revokeWhere(match: (p: TokenPair) => boolean, reason: string): void {
    for (const pair of this.byAccess.values()) if (!pair.revoked && match(pair)) pair.revoked = reason;
  }
}

function invalidGrant(status: number, message: string): ApiError {
  return new ApiError(status, message, 'invalid_grant');
}

function invalidToken(message: string): ApiError {
  return new ApiError(401, message, 'invalid_token', {
    'www-authenticate': `Bearer error="invalid_token", error_description="${message}"`,
  });
}
