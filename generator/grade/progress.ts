/**
 * Progress on stderr (stdout may carry the report): a redrawn bar with count, rate and ETA on a
 * terminal; a plain line every few seconds (and at the end) in CI, where redrawing makes noise.
 */
export interface Progress {
  tick(): void;
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export function createProgress(
  total: number,
  stream: ProgressStream = process.stderr,
  opts: { intervalMs?: number; now?: () => number; quiet?: boolean } = {},
): Progress {
  if (opts.quiet || total === 0) return { tick() {}, done() {} };
  const now = opts.now ?? Date.now;
  const started = now();
  const interval = opts.intervalMs ?? (stream.isTTY ? 100 : 5000);
  let count = 0;
  let last = Number.NEGATIVE_INFINITY;
  const render = (final: boolean) => {
    const elapsed = Math.max(1, now() - started) / 1000;
    const rate = count / elapsed;
    const eta = rate > 0 ? (total - count) / rate : 0;
    const stats = `${count}/${total} students · ${rate.toFixed(1)}/s · ${final ? `done in ${clock(elapsed)}` : `ETA ${clock(eta)}`}`;
    if (!stream.isTTY) return stream.write(`grade: ${stats}\n`);
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - stats.length - 4));
    const full = Math.round((width * count) / total);
    stream.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${stats}${final ? '\n' : ''}`);
  };
  return {
    tick() {
      count++;
      if (now() - last >= interval) {
        last = now();
        render(false);
      }
    },
    done() {
      render(true);
    },
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
