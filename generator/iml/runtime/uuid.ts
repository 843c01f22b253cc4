/** A v4 UUID from the evaluation's random source, so seeded runs are reproducible. */
export function uuidV4(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) {
    let n = Math.floor(random() * 16) & 15;
    if (i === 12) n = 4;
    else if (i === 16) n = (n & 3) | 8;
    hex += n.toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
