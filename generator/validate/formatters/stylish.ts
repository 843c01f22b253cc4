import { counts, type Formatter, groupByFile, plural } from './types.ts';

/** Human-readable output grouped by file (like ESLint's "stylish"), no colours. */
export const formatStylish: Formatter = (ds, opts) => {
  if (ds.length === 0)
    return opts?.suppressed
      ? `No problems (${plural(opts.suppressed, 'finding')} suppressed).\n`
      : 'No problems.\n';
  const byFile = groupByFile(ds);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(file);
    const posW = list.reduce((w, d) => Math.max(w, `${d.line}:${d.column}`.length), 0);
    for (const d of list)
      out.push(
        `  ${`${d.line}:${d.column}`.padEnd(posW)}  ${d.severity.padEnd(7)}  ${d.message}  ${d.ruleId}`,
      );
    out.push('');
  }
  const c = counts(ds);
  out.push(
    `${plural(ds.length, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)${
      opts?.suppressed ? `, ${opts.suppressed} suppressed` : ''
    }`,
  );
  return `${out.join('\n')}\n`;
};
