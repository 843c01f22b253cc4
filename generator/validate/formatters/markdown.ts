import { counts, type Formatter, plural } from './types.ts';

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A Markdown report (PR comments, job summaries): a summary line and one table row per finding. */
export const formatMarkdown: Formatter = (ds, opts) => {
  const c = counts(ds);
  const head = `## make-app lint\n\n${ds.length === 0 ? 'No problems.' : `${plural(ds.length, 'problem')}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info.`}${
    opts?.suppressed ? ` ${opts.suppressed} suppressed.` : ''
  }\n`;
  if (ds.length === 0) return head;
  const rows = ds.map(
    (d) =>
      `| ${d.severity} | \`${cell(d.file)}:${d.line}:${d.column}\` | \`${cell(d.ruleId)}\` | ${cell(d.message)} |`,
  );
  return `${head}\n| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
};
