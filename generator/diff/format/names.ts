/** The diff report formats, by name: the CLI offers these without loading the formatters. */
export const DIFF_FORMATS = ['text', 'json', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
