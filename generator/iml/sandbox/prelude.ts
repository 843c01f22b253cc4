/**
 * JavaScript run inside the QuickJS sandbox before the app's functions: the `iml` object (built-ins
 * forwarded to the host, custom functions by name), `environment`, `debug`, and the entry point
 * the host calls. Written for QuickJS (ES2020, no Node APIs).
 */
export const PRELUDE = `
(function () {
  const host = globalThis.__imlHost;
  delete globalThis.__imlHost;
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
        if (x.$iml === 'bytes') return new Uint8Array(x.v);
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
