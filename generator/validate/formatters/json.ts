import { counts, type Formatter } from './types.ts';

/** Machine-readable: `{ version, summary, diagnostics }`, diagnostics exactly as the model has them. */
export const formatJson: Formatter = (ds, opts) =>
  `${JSON.stringify({ version: 1, summary: { ...counts(ds), suppressed: opts?.suppressed ?? 0 }, diagnostics: ds }, null, 2)}\n`;
