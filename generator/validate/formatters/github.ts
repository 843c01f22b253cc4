import { type Formatter, repositoryPath } from './types.ts';

const KIND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of GitHub workflow commands: data and property values differ. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations: `::error file=…,line=…,col=…,title=…::message`. GitHub places them by
 * repository-relative path, so app-relative paths are re-based when both roots are given.
 */
export const formatGithub: Formatter = (ds, opts) =>
  ds
    .map((d) => {
      const props = [`file=${prop(repositoryPath(d.file, opts))}`, `line=${d.line}`, `col=${d.column}`];
      if (d.endLine && d.endLine >= d.line) props.push(`endLine=${d.endLine}`);
      if (d.endColumn && d.endLine === d.line && d.endColumn > d.column)
        props.push(`endColumn=${d.endColumn}`);
      props.push(`title=${prop(d.ruleId)}`);
      return `::${KIND[d.severity]} ${props.join(',')}::${data(d.message)}\n`;
    })
    .join('');
