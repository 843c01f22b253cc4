/**
 * Make evaluates arithmetic with arbitrary precision (Decimal.js, per a third-party summary of Make's runtime), so `0.1 + 0.2` is
 * `0.3`. We do the same exactly with BigInt over each number's shortest decimal spelling;
 * division keeps 25 significant digits, then everything rounds once to the nearest double.
 */
interface Dec {
  m: bigint;
  e: number;
}

function toDec(n: number): Dec {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n))!;
  const frac = match[3] ?? '';
  return { m: BigInt(`${match[1]}${match[2]}${frac}`), e: Number(match[4] ?? 0) - frac.length };
}

const fromDec = (d: Dec): number => Number(`${d.m}e${d.e}`);

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e), e];
}

const digits = (m: bigint): number => (m < 0n ? -m : m).toString().length;

/** Beyond 1e±60 exact integers get large for no visible gain; those fall back to doubles. */
const inRange = (n: number): boolean =>
  Number.isFinite(n) && (n === 0 || Math.abs(Math.log10(Math.abs(n))) < 60);
const usable = (a: number, b: number): boolean => inRange(a) && inRange(b);

export function decimalOp(op: '+' | '-' | '*' | '/' | '%', a: number, b: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && op !== '/') {
    const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a % b;
    if (Number.isSafeInteger(r) || Number.isNaN(r)) return r;
  }
  if (!usable(a, b) || ((op === '/' || op === '%') && b === 0)) {
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
  }
  const x = toDec(a);
  const y = toDec(b);
  switch (op) {
    case '+':
    case '-': {
      const [p, q, e] = align(x, y);
      return fromDec({ m: op === '+' ? p + q : p - q, e });
    }
    case '*':
      return fromDec({ m: x.m * y.m, e: x.e + y.e });
    case '%': {
      const [p, q, e] = align(x, y);
      return fromDec({ m: p % q, e });
    }
    default: {
      const k = Math.max(0, 25 + digits(y.m) - digits(x.m));
      return fromDec({ m: (x.m * 10n ** BigInt(k)) / y.m, e: x.e - y.e - k });
    }
  }
}
