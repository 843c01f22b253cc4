/** The lint output formats, by name: the CLI offers these (without loading the formatters) and index.ts maps each to its formatter. */
export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type FormatName = (typeof LINT_FORMATS)[number];
