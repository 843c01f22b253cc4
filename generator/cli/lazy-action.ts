/**
 * Commands register their flags up front (cheap: `--help` needs them) but load the code that does
 * the work only when they run, so `make-app --help` or `lint` never pay for the simulator,
 * ts-morph or the sandbox.
 */

/** A command reports its exit code through `setExit` (0 clean, 1 findings, 2 error). */
export type SetExit = (code: number) => void;

// commander passes the arguments each command declares
type Run = (...args: any[]) => Promise<number> | number;

export function lazy(setExit: SetExit, load: () => Promise<Run>): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const run = await load();
    setExit(await run(...args));
  };
}
