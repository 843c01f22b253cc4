/**
 * Time source shared by the embedded API and the simulator, so a scenario can "advance 61 minutes"
 * instantly and both sides agree on what time it is.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  advance(ms: number): void;
  set(epochMs: number): void;
}

/** A clock that starts at `start` and only moves when told to. */
export function createFakeClock(start: number | string | Date = '2026-01-01T09:00:00Z'): Clock {
  let t = typeof start === 'number' ? start : new Date(start).getTime();
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

/** Real time, with an offset that `advance` grows (for manual sessions that still want to jump ahead). */
export function createSystemClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (ms) => {
      offset = ms - Date.now();
    },
  };
}
