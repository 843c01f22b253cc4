// The QuickJS isolate for an app's custom IML functions, inside its own worker thread so the host
// can stop it for good (terminate) when the in-isolate interrupt is not enough. Plain JavaScript:
// a worker does not inherit the TypeScript loader. Protocol (see custom-functions.ts): strict
// ping-pong over a MessagePort, each side woken with Atomics on a shared Int32Array.
import { Buffer } from 'node:buffer';
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC } from 'quickjs-emscripten';

const {
  port,
  signal: shared,
  prelude,
  builtins,
  encodings,
  sources,
  timeoutMs,
  memoryLimit,
  wasmMemoryLimit,
  maxStack,
} = workerData;
const WASM_PAGE = 64 * 1024;
// QuickJS's own allocation limit counts estimated sizes only (malloc_usable_size is missing in this
// build), so a function making many small objects would pass it many times over. The isolate's
// whole WebAssembly memory is therefore created here with a hard maximum: past it, every
// allocation inside QuickJS fails and the call ends with "out of memory".
const wasmMemory = new WebAssembly.Memory({
  initial: Math.min(256, Math.ceil(wasmMemoryLimit / WASM_PAGE)),
  maximum: Math.ceil(wasmMemoryLimit / WASM_PAGE),
});
/** True once the WebAssembly memory cannot grow any more. */
const memoryExhausted = () => wasmMemory.buffer.byteLength + WASM_PAGE > wasmMemoryLimit;
const signal = new Int32Array(shared);
const TO_HOST = 0;
const TO_WORKER = 1;
// The host passes model/encodings.ts's list: one list of encodings for IML and the sandbox.
const ENCODINGS = new Set(encodings);

function send(message) {
  port.postMessage(message);
  Atomics.store(signal, TO_HOST, 1);
  Atomics.notify(signal, TO_HOST);
}

function awaitHost() {
  Atomics.wait(signal, TO_WORKER, 0);
  Atomics.store(signal, TO_WORKER, 0);
  return receiveMessageOnPort(port)?.message;
}

let deadline = 0;
let vm;

/** Runs one VM operation under the deadline; returns { value } (a handle) or { error, kind }. */
function run(op) {
  deadline = Date.now() + timeoutMs;
  const result = op();
  const late = Date.now() > deadline;
  deadline = 0;
  if (!result.error) return { value: result.value };
  const err = vm.dump(result.error);
  result.error.dispose();
  const message =
    err && typeof err === 'object' ? `${err.name ?? 'Error'}: ${err.message ?? ''}` : String(err);
  // At the cap QuickJS may not even manage to build the error object (it then throws nothing useful).
  const kind = /out of memory/.test(message) || memoryExhausted()
    ? 'memory'
    : late || /interrupted/.test(message)
      ? 'timeout'
      : 'error';
  return { error: message, kind };
}

function start(QuickJS) {
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(memoryLimit);
  runtime.setMaxStackSize(maxStack);
  runtime.setInterruptHandler(() => deadline !== 0 && Date.now() > deadline);
  vm = runtime.newContext();

  // Built-ins run on the host (with the caller's clock, zone and random source).
  const host = vm.newFunction('__imlHost', (nameH, argsH) => {
    send({ type: 'host', name: vm.getString(nameH), args: vm.getString(argsH) });
    const reply = awaitHost();
    if (reply?.ok) return vm.newString(reply.value);
    return { error: vm.newError(reply ? reply.error : 'no answer from the host') };
  });
  vm.setProp(vm.global, '__imlHost', host);
  host.dispose();

  // Byte encodings for the in-isolate Buffer.
  const codec = vm.newFunction('__imlCodec', (opH, valueH, encH) => {
    const encoding = vm.getString(encH).toLowerCase();
    if (!ENCODINGS.has(encoding)) return { error: vm.newError(`unknown encoding '${encoding}'`) };
    const value = vm.getString(valueH);
    if (vm.getString(opH) === 'encode')
      return vm.newString(JSON.stringify(Array.from(Buffer.from(value, encoding))));
    return vm.newString(Buffer.from(JSON.parse(value)).toString(encoding));
  });
  vm.setProp(vm.global, '__imlCodec', codec);
  codec.dispose();

  const names = vm.newString(JSON.stringify(builtins));
  vm.setProp(vm.global, '__imlBuiltins', names);
  names.dispose();

  const init = run(() => vm.evalCode(prelude, 'iml-prelude.js'));
  if (init.error) return { error: `the sandbox prelude failed: ${init.error}` };
  init.value.dispose();

  // Warm up, before any app code can change `iml`: V8 compiles code (the WebAssembly functions,
  // the QuickJS glue) on first use, and a first call paying for that could overrun a short time
  // limit. One built-in call through the whole path, into the isolate, out to the host and back.
  if (builtins.includes('upper'))
    call({ name: 'upper', args: JSON.stringify({ v: ['warm'] }), timezone: 'UTC' });

  const registered = [];
  for (const [name, code] of Object.entries(sources)) {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
      return { error: `custom function name '${name}' is not a valid identifier` };
    const loaded = run(() => vm.evalCode(String(code), `${name}.js`));
    if (loaded.error)
      return {
        error:
          loaded.kind === 'timeout'
            ? `custom function ${name} timed out while loading`
            : `custom function ${name} failed: ${loaded.error}`,
      };
    loaded.value.dispose();
    const check = run(() => vm.evalCode(`__imlRegister(${JSON.stringify(name)})`));
    if (check.error) return { error: `custom function ${name} failed: ${check.error}` };
    const found = vm.dump(check.value);
    check.value.dispose();
    if (found !== true)
      return { error: `custom function ${name}: the code does not declare \`function ${name}(...)\`` };
    registered.push(name);
  }
  return { names: registered };
}

function call(message) {
  const entry = vm.getProp(vm.global, '__imlCall');
  const handles = [vm.newString(message.name), vm.newString(message.args), vm.newString(message.timezone)];
  try {
    const out = run(() => vm.callFunction(entry, vm.undefined, ...handles));
    if (out.error) return { type: 'error', kind: out.kind, error: out.error };
    // The encoded result must fit in the memory cap on this side too.
    const lengthHandle = vm.getProp(out.value, 'length');
    const length = vm.getNumber(lengthHandle);
    lengthHandle.dispose();
    if (!(length <= memoryLimit)) {
      out.value.dispose();
      return { type: 'error', kind: 'memory', error: `the result has ${length} characters` };
    }
    const text = vm.getString(out.value);
    out.value.dispose();
    return { type: 'result', value: text };
  } finally {
    for (const h of handles) h.dispose();
    entry.dispose();
  }
}

try {
  const ready = start(await newQuickJSWASMModuleFromVariant(newVariant(RELEASE_SYNC, { wasmMemory })));
  send({ type: 'ready', ...ready });
  // Calls are taken the same way as the host's answers (Atomics, then the port read directly):
  // waiting for them on the event loop instead delayed each first call by up to half a second.
  // terminate() still ends the thread while it waits here.
  if (!ready.error)
    for (;;) {
      const message = awaitHost();
      if (message?.type !== 'call') continue;
      try {
        send(call(message));
      } catch (e) {
        // An allocation failure outside QuickJS's own checks aborts the WebAssembly module.
        const error = e instanceof Error ? e.message : String(e);
        send({
          type: 'error',
          kind: memoryExhausted() || /\bOOM\b|out of memory/i.test(error) ? 'memory' : 'error',
          error,
        });
      }
    }
} catch (e) {
  send({
    type: 'ready',
    error: `the sandbox could not start: ${e instanceof Error ? e.message : String(e)}`,
  });
}
