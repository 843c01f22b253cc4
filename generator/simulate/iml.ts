/**
 * The simulator's only door to IML: every directive is evaluated by the shared engine
 * (generator/iml), with the fake clock, the chosen equality and a seeded random source.
 */
import type { CustomFunctions, EvalOptions, ImlContext } from '../iml/api.ts';
import { createCustomFunctionsAsync, evaluate } from '../iml/index.ts';
import { type AppModel, type Clock, setOwn } from '../model/index.ts';

export interface ImlEnv {
  eval(value: unknown, ctx: ImlContext): unknown;
  dispose(): void;
}

/** Small deterministic PRNG (mulberry32) so `uuid`/`random` repeat across runs with one seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createImlEnv(
  app: AppModel,
  clock: Clock,
  opts: { equality: 'loose' | 'strict'; seed: number },
): Promise<ImlEnv> {
  let functions: CustomFunctions | undefined;
  const sources: Record<string, string> = {};
  for (const [name, fn] of Object.entries(app.components.function)) {
    const code = fn.codes.code?.value ?? fn.codes.code?.text;
    if (typeof code === 'string') setOwn(sources, name, code);
  }
  if (Object.keys(sources).length > 0) {
    try {
      // Custom functions run in the engine's QuickJS sandbox with Make's 10 s limit.
      functions = await createCustomFunctionsAsync(sources, { timeoutMs: 10_000 });
    } catch {
      functions = undefined; // a function that does not load surfaces when IML calls it (unknown function)
    }
  }
  const evalOpts: EvalOptions = {
    equality: opts.equality,
    now: () => new Date(clock.now()),
    random: seededRandom(opts.seed),
    timezone: 'UTC',
    ...(functions ? { functions } : {}),
  };
  return {
    eval: (value, ctx) => evaluate(value, { now: new Date(clock.now()), ...ctx }, evalOpts),
    dispose: () => functions?.dispose(),
  };
}
