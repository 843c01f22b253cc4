/** Duration text like `61m`, `25h`, `90s`, `2d`, `500ms`, `1h30m` → milliseconds; undefined when malformed. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const units: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
  };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let pos = 0;
  const src = text.trim();
  if (!src) return undefined;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) break;
    total += Number(m[1]) * units[m[2]];
    pos = re.lastIndex;
  }
  return pos === src.length ? total : undefined;
}
