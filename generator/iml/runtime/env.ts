/**
 * The per-evaluation environment: EvalOptions resolved once (clock, zone, equality, random,
 * custom functions) so compiled closures read plain fields.
 */
import type Moment from 'moment-timezone';
import { lazyRequire } from '../../model/lazy-require.ts';

const moment = lazyRequire<typeof Moment>('moment-timezone');

import type { CustomFunctions, EvalOptions } from '../api.ts';

export interface Env {
  strict: boolean;
  now: () => Date;
  timezone: string;
  random: () => number;
  functions: CustomFunctions | undefined;
  options: EvalOptions;
}

/** Make ignores time zone names it does not know; so do we (falling back to UTC). */
export function resolveZone(name: unknown, fallback = 'UTC'): string {
  return typeof name === 'string' && moment.tz.zone(name) ? name : fallback;
}

const realNow = () => new Date();
const DEFAULT_ENV: Env = {
  strict: false,
  now: realNow,
  timezone: 'UTC',
  random: Math.random,
  functions: undefined,
  options: {},
};

export function makeEnv(options: EvalOptions | undefined): Env {
  if (!options) return DEFAULT_ENV;
  return {
    strict: options.equality === 'strict',
    now: options.now ?? realNow,
    timezone: resolveZone(options.timezone),
    random: options.random ?? Math.random,
    functions: options.functions,
    options,
  };
}
