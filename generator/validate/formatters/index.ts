import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { type FormatName, LINT_FORMATS } from './names.ts';
import { formatSarif } from './sarif.ts';
import { formatStylish } from './stylish.ts';
import type { Formatter } from './types.ts';

export type { FormatOptions, Formatter } from './types.ts';
export { formatGithub, formatJson, formatJunit, formatMarkdown, formatSarif, formatStylish };

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
} as const satisfies Record<FormatName, Formatter>;

export type { FormatName };
export const FORMAT_NAMES: readonly FormatName[] = LINT_FORMATS;
