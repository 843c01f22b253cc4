import type { Connection } from 'vscode-languageserver';

/** Runs `f`; on an error logs it as `what` failed and gives `fallback` (the server never crashes). */
export type Guard = <T>(what: string, fallback: T, f: () => T) => T;

/** The guard logging to the client's console. */
export function guardFor(connection: Connection): Guard {
  return <T>(what: string, fallback: T, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      connection.console.error(
        `make-app: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return fallback;
    }
  };
}
