/**
 * The app's own IML functions, run in a QuickJS WebAssembly isolate inside a dedicated worker
 * thread: no `require`, no file system, no network (QuickJS has none unless a host adds them), a
 * per-call time limit enforced twice — QuickJS's interrupt handler stops ordinary loops, and the
 * host terminates the worker when even that does not answer (a loop of heavy native calls) — and a
 * memory cap. Built-ins are reachable as `iml.<name>(...)`, and so are the app's other functions.
 *
 * Calls are synchronous: the host blocks on Atomics.wait while the worker runs, answering the
 * worker's `iml.<builtin>` requests in between (they run here, with the caller's options).
 */

import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { BUFFER_ENCODINGS } from '../../model/index.ts';
import type { CustomFunctions, EvalOptions } from '../api.ts';
import { ImlError, ImlSandboxError } from '../errors.ts';
import { BUILTINS } from '../functions/registry.ts';
import { makeEnv } from '../runtime/env.ts';
import { decodeValue, encodeValue } from './marshal.ts';
import { PRELUDE } from './prelude.ts';

/** Make's documented limit is 10 s per call; tests and tools pass smaller values. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** What a custom function may allocate (QuickJS's limit, and the cap on values crossing over). */
const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * Hard cap on the isolate's whole WebAssembly memory: the function's 32 MB plus QuickJS's own
 * static data, stack and allocator overhead (measured: about 34 MB stay usable for the function).
 */
const WASM_MEMORY_LIMIT_BYTES = MEMORY_LIMIT_BYTES + 8 * 1024 * 1024;
/**
 * The worker thread's own V8 heap (the QuickJS glue code and the texts passed in and out, each
 * at most MEMORY_LIMIT_BYTES characters); past it Node ends the thread.
 */
const WORKER_RESOURCE_LIMITS = {
  maxOldGenerationSizeMb: 160,
  maxYoungGenerationSizeMb: 16,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};
const MAX_STACK_BYTES = 512 * 1024;
/** Extra time the in-isolate interrupt gets before the host terminates the worker. */
const HARD_KILL_GRACE_MS = 500;
/** Starting a worker and loading QuickJS takes ~0.2 s; allow for a busy machine. */
const STARTUP_TIMEOUT_MS = 30_000;
const TO_HOST = 0;
const TO_WORKER = 1;

/** Kept for callers written against the first version; the worker loads QuickJS itself. */
export async function initImlSandbox(): Promise<void> {}

export function isImlSandboxReady(): boolean {
  return true;
}

export async function createCustomFunctionsAsync(
  sources: Record<string, string>,
  opts?: { timeoutMs?: number },
): Promise<CustomFunctions> {
  return createCustomFunctions(sources, opts);
}

/** Starts the isolate and loads every function; throws ImlSandboxError when one does not load. */
export function createCustomFunctions(
  sources: Record<string, string>,
  opts: { timeoutMs?: number } = {},
): CustomFunctions {
  return new WorkerFunctions({ ...sources }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

interface WorkerMessage {
  type: 'ready' | 'host' | 'result' | 'error';
  names?: string[];
  name?: string;
  args?: string;
  value?: string;
  error?: string;
  kind?: 'timeout' | 'memory' | 'error';
}

class WorkerFunctions implements CustomFunctions {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal = new Int32Array(new SharedArrayBuffer(8));
  private registered: string[] = [];
  private disposed = false;

  constructor(
    private readonly sources: Record<string, string>,
    private readonly timeoutMs: number,
  ) {
    this.start();
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(8));
    this.port = port1;
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: {
        port: port2,
        signal: this.signal.buffer,
        prelude: PRELUDE,
        builtins: [...BUILTINS.keys()],
        encodings: [...BUFFER_ENCODINGS],
        sources: this.sources,
        timeoutMs: this.timeoutMs,
        memoryLimit: MEMORY_LIMIT_BYTES,
        wasmMemoryLimit: WASM_MEMORY_LIMIT_BYTES,
        maxStack: MAX_STACK_BYTES,
      },
      transferList: [port2],
      resourceLimits: WORKER_RESOURCE_LIMITS,
    });
    // The isolate must never keep the process alive on its own.
    this.worker.unref();
    // A thread that ends on its own (its heap limit) is noticed by the call waiting for it; an
    // 'error' event nobody listens to would otherwise end the whole process.
    this.worker.on('error', () => undefined);
    const ready = this.exchange(STARTUP_TIMEOUT_MS, {});
    if (ready?.type !== 'ready' || ready.error) {
      this.stop();
      throw new ImlSandboxError(ready?.error ?? 'the custom-function sandbox did not start');
    }
    this.registered = ready.names ?? [];
  }

  /** Waits for the worker's next answer, serving its built-in requests meanwhile. */
  private exchange(limitMs: number, options: EvalOptions): WorkerMessage | undefined {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return undefined;
      if (Atomics.wait(this.signal, TO_HOST, 0, remaining) === 'timed-out') return undefined;
      Atomics.store(this.signal, TO_HOST, 0);
      const message = receiveMessageOnPort(this.port!)?.message as WorkerMessage | undefined;
      if (!message) continue;
      if (message.type !== 'host') return message;
      this.port!.postMessage(runBuiltin(message.name ?? '', message.args ?? '[]', options));
      Atomics.store(this.signal, TO_WORKER, 1);
      Atomics.notify(this.signal, TO_WORKER);
    }
  }

  names(): string[] {
    return [...this.registered];
  }

  call(name: string, args: unknown[], opts: EvalOptions = {}): unknown {
    if (this.disposed) throw new ImlSandboxError('the custom functions were disposed');
    if (!this.registered.includes(name)) throw new ImlSandboxError(`unknown custom function ${name}`);
    if (!this.worker) this.start();
    let encoded: string;
    try {
      encoded = encodeValue(args);
    } catch (e) {
      throw new ImlSandboxError(
        `custom function ${name}(): arguments cannot be passed (${(e as Error).message})`,
      );
    }
    if (encoded.length > MEMORY_LIMIT_BYTES)
      throw new ImlSandboxError(
        `custom function ${name}(): the arguments take ${megabytes(encoded.length)} MB; they cannot exceed the ${megabytes(MEMORY_LIMIT_BYTES)} MB memory limit`,
      );
    this.port!.postMessage({ type: 'call', name, args: encoded, timezone: makeEnv(opts).timezone });
    Atomics.store(this.signal, TO_WORKER, 1);
    Atomics.notify(this.signal, TO_WORKER);
    const answer = this.exchange(this.timeoutMs + HARD_KILL_GRACE_MS, opts);
    if (!answer) {
      // The isolate did not stop itself: end the thread; the next call starts a fresh one.
      this.stop();
      throw new ImlSandboxError(
        `custom function ${name}() timed out after ${this.timeoutMs} ms (isolate stopped)`,
      );
    }
    if (answer.type === 'result') return decodeValue(answer.value ?? '{}');
    if (answer.kind === 'timeout')
      throw new ImlSandboxError(`custom function ${name}() timed out after ${this.timeoutMs} ms`);
    if (answer.kind === 'memory') {
      // The WebAssembly memory never shrinks: the next call gets a fresh isolate.
      this.stop();
      throw new ImlSandboxError(
        `custom function ${name}() ran out of memory (limit ${megabytes(MEMORY_LIMIT_BYTES)} MB)`,
      );
    }
    throw new ImlSandboxError(`custom function ${name}() failed: ${answer.error}`);
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    if (worker) void worker.terminate().catch(() => undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stop();
  }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** An `iml.<builtin>(...)` call from inside the isolate, run here with the caller's options. */
function runBuiltin(
  name: string,
  argsJson: string,
  options: EvalOptions,
): { ok: boolean; value?: string; error?: string } {
  try {
    const f = BUILTINS.get(name);
    if (!f) throw new ImlSandboxError(`iml.${name} is not a function`);
    const args = decodeValue(argsJson) as unknown[];
    if (args.length < f.minArity || args.length > f.maxArity)
      throw new ImlSandboxError(
        `iml.${name}() takes ${f.minArity}..${f.maxArity} arguments, got ${args.length}`,
      );
    const env = makeEnv(options);
    const result = f.lazy
      ? f.impl(
          args.map((a) => () => a),
          env,
        )
      : f.impl(args, env);
    return { ok: true, value: encodeValue(result) };
  } catch (e) {
    return { ok: false, error: e instanceof ImlError || e instanceof Error ? e.message : String(e) };
  }
}
