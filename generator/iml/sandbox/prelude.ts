/**
 * JavaScript run inside the QuickJS sandbox before the app's functions: the `iml` object (built-ins
 * forwarded to the host, custom functions by name), `environment`, `debug`, and the entry point
 * the host calls, and a small `Buffer` (Make documents Buffer as available to custom functions)
 * whose encodings are done by the host. Written for QuickJS (ES2020, no Node APIs).
 */
export const PRELUDE = `
(function () {
  const host = globalThis.__imlHost;
  const codec = globalThis.__imlCodec;
  delete globalThis.__imlHost;
  delete globalThis.__imlCodec;
  class Buffer extends Uint8Array {
    static from(value, encoding) {
      if (typeof value === 'string') return new Buffer(JSON.parse(codec('encode', value, encoding || 'utf8')));
      if (value instanceof ArrayBuffer) return new Buffer(new Uint8Array(value));
      return new Buffer(value);
    }
    static alloc(size, fill) {
      const b = new Buffer(size);
      if (fill !== undefined) b.fill(typeof fill === 'number' ? fill : Buffer.from(String(fill))[0]);
      return b;
    }
    static isBuffer(v) { return v instanceof Buffer; }
    static byteLength(v, encoding) { return typeof v === 'string' ? Buffer.from(v, encoding).length : v.byteLength; }
    static concat(list) {
      let n = 0;
      for (const b of list) n += b.length;
      const out = new Buffer(n);
      let o = 0;
      for (const b of list) { out.set(b, o); o += b.length; }
      return out;
    }
    toString(encoding) { return codec('decode', JSON.stringify(Array.from(this)), encoding || 'utf8'); }
    toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  }
  globalThis.Buffer = Buffer;
  const enc = (value) => JSON.stringify({ v: value }, function (key, x) {
    const raw = this[key];
    if (raw instanceof Date) return { $iml: 'date', v: raw.getTime() };
    if (raw instanceof Uint8Array) return { $iml: 'bytes', v: Array.from(raw) };
    if (x === undefined || typeof x === 'function') return { $iml: 'undef' };
    return x;
  });
  const dec = (text) => {
    const parsed = JSON.parse(text, (key, x) => {
      if (x && typeof x === 'object' && typeof x.$iml === 'string') {
        if (x.$iml === 'date') return new Date(x.v);
        if (x.$iml === 'bytes') return new Buffer(x.v);
        return undefined;
      }
      return x;
    });
    return parsed ? parsed.v : undefined;
  };
  const iml = {};
  for (const name of JSON.parse(globalThis.__imlBuiltins)) {
    iml[name] = (...args) => dec(host(name, enc(args)));
  }
  delete globalThis.__imlBuiltins;
  globalThis.iml = iml;
  globalThis.environment = { timezone: 'UTC' };
  globalThis.debug = () => undefined;
  globalThis.__imlRegister = (name) => {
    if (typeof globalThis[name] !== 'function') return false;
    iml[name] = globalThis[name];
    return true;
  };
  globalThis.__imlCall = (name, argsJson, timezone) => {
    globalThis.environment.timezone = timezone;
    const fn = iml[name];
    const result = fn.apply({ timezone }, dec(argsJson));
    // No event loop runs here: a Promise (async function, dynamic import) can never settle.
    if (result && typeof result.then === 'function') throw new TypeError('a custom IML function must return a value, not a Promise');
    return enc(result);
  };
})();
`;
