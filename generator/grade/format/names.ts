/** The class report formats, by name: the CLI offers these without loading the formatters. */
export const CLASS_FORMATS = ['text', 'json', 'csv', 'html', 'junit'] as const;
export type ClassFormat = (typeof CLASS_FORMATS)[number];
