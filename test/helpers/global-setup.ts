/** Runs once per test run: says, in one line, when the tests that need the shared corpus are skipped. */
import { CORPUS, corpusAvailable } from './shared.ts';

export default function setup(): void {
  if (!corpusAvailable)
    console.log(
      `skipped: tests over real apps and Make's official schema (no corpus at ${CORPUS}; set MAKE_APP_CORPUS)`,
    );
}
