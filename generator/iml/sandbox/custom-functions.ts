/**
 * The app's own IML functions, run in a QuickJS WebAssembly isolate: no `require`, no file system,
 * no network (QuickJS has none unless a host adds them), a per-call time limit enforced by the
 * interrupt handler, and a memory cap. Built-ins are reachable as `iml.<name>(...)`, and so are the
 * app's other functions.
 *
 * Loading the WASM module is asynchronous: `await initImlSandbox()` once, then
 * `createCustomFunctions(...)` is synchronous (or use `createCustomFunctionsAsync`).
 */
import {
  getQuickJS,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import type { CustomFunctions, EvalOptions } from '../api.ts';
import { ImlError, ImlSandboxError } from '../errors.ts';
import { encodingName } from '../functions/binary.ts';
import { BUILTINS } from '../functions/registry.ts';
import { makeEnv } from '../runtime/env.ts';
import { decodeValue, encodeValue } from './marshal.ts';
import { PRELUDE } from './prelude.ts';

/** Make's documented limit is 10 s per call; tests and tools pass smaller values. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * Known limits of the isolate (measured, see README): QuickJS polls the interrupt handler every
 * ~10,000 interpreter steps, so plain JS loops stop within milliseconds of the limit but a loop
 * whose few steps each run a heavy native call (filling 100k-element arrays, 1 MB `repeat`) can
 * overrun it by seconds before the step count or WebAssembly memory runs out. The memory cap is
 * approximate in this WebAssembly build (allocation sizes are estimated).
 */
export const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
const MAX_STACK_BYTES = 512 * 1024;

let wasm: QuickJSWASMModule | undefined;

/** Loads the QuickJS WebAssembly module (once). Must be awaited before createCustomFunctions. */
export async function initImlSandbox(): Promise<void> {
  wasm ??= await getQuickJS();
}

export function isImlSandboxReady(): boolean {
  return wasm !== undefined;
}

export async function createCustomFunctionsAsync(
  sources: Record<string, string>,
  opts?: { timeoutMs?: number },
): Promise<CustomFunctions> {
  await initImlSandbox();
  return createCustomFunctions(sources, opts);
}

export function createCustomFunctions(
  sources: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): CustomFunctions {
  if (!wasm) throw new ImlSandboxError('the IML sandbox is not loaded: call `await initImlSandbox()` first');
  return new SandboxFunctions(wasm, sources, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

class SandboxFunctions implements CustomFunctions {
  private readonly runtime: QuickJSRuntime;
  private readonly vm: QuickJSContext;
  private readonly registered: string[] = [];
  private deadline = 0;
  private options: EvalOptions = {};
  private disposed = false;

  constructor(
    module: QuickJSWASMModule,
    sources: Record<string, string>,
    private readonly timeoutMs: number,
  ) {
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(MEMORY_LIMIT_BYTES);
    this.runtime.setMaxStackSize(MAX_STACK_BYTES);
    this.runtime.setInterruptHandler(() => Date.now() > this.deadline);
    this.vm = this.runtime.newContext();
    try {
      this.installHost();
      this.run(() => this.vm.evalCode(PRELUDE, 'iml-prelude.js'), 'the sandbox prelude').dispose();
      for (const [name, code] of Object.entries(sources)) this.load(name, code);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /** `__imlHost(name, argsJson)`: runs a built-in on the host with the current call's options. */
  private installHost(): void {
    const vm = this.vm;
    const host = vm.newFunction('__imlHost', (nameH: QuickJSHandle, argsH: QuickJSHandle) => {
      const name = vm.getString(nameH);
      const f = BUILTINS.get(name);
      try {
        if (!f) throw new ImlSandboxError(`iml.${name} is not a function`);
        const args = decodeValue(vm.getString(argsH)) as unknown[];
        if (args.length < f.minArity || args.length > f.maxArity)
          throw new ImlSandboxError(
            `iml.${name}() takes ${f.minArity}..${f.maxArity} arguments, got ${args.length}`,
          );
        const env = makeEnv(this.options);
        const result = f.lazy
          ? f.impl(
              args.map((a) => () => a),
              env,
            )
          : f.impl(args, env);
        return vm.newString(encodeValue(result));
      } catch (e) {
        return { error: vm.newError(e instanceof Error ? e.message : String(e)) };
      }
    });
    vm.setProp(vm.global, '__imlHost', host);
    host.dispose();
    // `__imlCodec('encode', text, enc)` → JSON byte array; `('decode', bytesJson, enc)` → text.
    const codec = vm.newFunction(
      '__imlCodec',
      (opH: QuickJSHandle, valueH: QuickJSHandle, encH: QuickJSHandle) => {
        try {
          const encoding = encodingName(vm.getString(encH), 'utf8');
          const value = vm.getString(valueH);
          if (vm.getString(opH) === 'encode')
            return vm.newString(JSON.stringify(Array.from(Buffer.from(value, encoding))));
          return vm.newString(Buffer.from(JSON.parse(value) as number[]).toString(encoding));
        } catch (e) {
          return { error: vm.newError(e instanceof Error ? e.message : String(e)) };
        }
      },
    );
    vm.setProp(vm.global, '__imlCodec', codec);
    codec.dispose();
    const names = vm.newString(JSON.stringify([...BUILTINS.keys()]));
    vm.setProp(vm.global, '__imlBuiltins', names);
    names.dispose();
  }

  private load(name: string, code: string): void {
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
      throw new ImlSandboxError(`custom function name '${name}' is not a valid identifier`);
    this.run(() => this.vm.evalCode(String(code), `${name}.js`), `custom function ${name}`).dispose();
    const ok = this.run(
      () => this.vm.evalCode(`__imlRegister(${JSON.stringify(name)})`),
      `custom function ${name}`,
    );
    const found = this.vm.dump(ok);
    ok.dispose();
    if (found !== true)
      throw new ImlSandboxError(
        `custom function ${name}: the code does not declare \`function ${name}(...)\``,
      );
    this.registered.push(name);
  }

  /** Runs one VM operation under the deadline and turns failures into typed errors. */
  private run(op: () => ReturnType<QuickJSContext['evalCode']>, what: string): QuickJSHandle {
    this.deadline = Date.now() + this.timeoutMs;
    const result = op();
    const timedOut = Date.now() > this.deadline;
    this.deadline = 0;
    if (result.error) {
      const err = this.vm.dump(result.error) as { name?: string; message?: string } | string;
      result.error.dispose();
      const message =
        typeof err === 'object' && err ? `${err.name ?? 'Error'}: ${err.message ?? ''}` : String(err);
      if (/out of memory/.test(message)) throw new ImlSandboxError(`${what} ran out of memory`);
      if (timedOut || /interrupted/.test(message))
        throw new ImlSandboxError(`${what} timed out after ${this.timeoutMs} ms`);
      throw new ImlSandboxError(`${what} failed: ${message}`);
    }
    return result.value;
  }

  names(): string[] {
    return [...this.registered];
  }

  call(name: string, args: unknown[], opts: EvalOptions = {}): unknown {
    if (this.disposed) throw new ImlSandboxError('the custom functions were disposed');
    if (!this.registered.includes(name)) throw new ImlSandboxError(`unknown custom function ${name}`);
    this.options = opts;
    const vm = this.vm;
    const entry = vm.getProp(vm.global, '__imlCall');
    const handles = [
      vm.newString(name),
      vm.newString(encodeValue(args)),
      vm.newString(makeEnv(opts).timezone),
    ];
    try {
      const out = this.run(
        () => vm.callFunction(entry, vm.undefined, ...handles),
        `custom function ${name}()`,
      );
      const text = vm.getString(out);
      out.dispose();
      return decodeValue(text);
    } catch (e) {
      if (e instanceof ImlError) throw e;
      throw new ImlSandboxError(
        `custom function ${name}() failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      for (const h of handles) h.dispose();
      entry.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.vm.dispose();
      this.runtime.dispose();
    } catch {
      // A context that hit its memory limit may refuse a clean teardown; nothing else to free.
    }
  }
}
