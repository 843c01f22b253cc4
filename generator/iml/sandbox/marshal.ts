/**
 * Values cross the sandbox boundary as JSON text with tags for what JSON lacks (Date, bytes,
 * undefined). The same tags are understood by the in-sandbox prelude (prelude.ts).
 */
type Tagged = { $iml: 'date'; v: number } | { $iml: 'bytes'; v: number[] } | { $iml: 'undef' };

export function encodeValue(value: unknown): string {
  return JSON.stringify(
    { v: value },
    function (this: Record<string, unknown>, key: string, x: unknown): unknown {
      const raw = this[key];
      if (raw instanceof Date) return { $iml: 'date', v: raw.getTime() };
      if (raw instanceof Uint8Array) return { $iml: 'bytes', v: Array.from(raw) };
      if (raw instanceof String) return raw.valueOf();
      if (x === undefined) return { $iml: 'undef' };
      return x;
    },
  );
}

export function decodeValue(text: string): unknown {
  const parsed = JSON.parse(text, function (this: Record<string, unknown>, key: string, x: unknown): unknown {
    if (key === '__proto__') {
      Object.defineProperty(this, key, { value: x, enumerable: true, writable: true, configurable: true });
      return x;
    }
    if (x && typeof x === 'object' && typeof (x as Tagged).$iml === 'string') {
      const t = x as Tagged;
      if (t.$iml === 'date') return new Date(t.v);
      if (t.$iml === 'bytes') return Buffer.from(t.v);
      return undefined;
    }
    return x;
  }) as { v?: unknown } | null;
  return parsed?.v;
}
