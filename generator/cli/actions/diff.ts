import type { DiffFormat } from '../../diff/format/names.ts';
import { formatHtml, formatJson, formatText } from '../../diff/index.ts';
import { diff } from '../../workflow/diff.ts';
import { writeOutput } from '../../workflow/output-guard.ts';
import { EXIT } from '../errors.ts';

export interface DiffFlags {
  against: string;
  format: DiffFormat;
  output?: string;
  behaviour: boolean;
  scenario?: string;
  assignment?: string;
}

const FORMAT: Record<DiffFormat, typeof formatText> = {
  text: formatText,
  json: formatJson,
  html: formatHtml,
};

export async function runDiff(theirs: string, o: DiffFlags): Promise<number> {
  const report = await diff({
    theirs,
    against: o.against,
    behaviour: o.behaviour,
    scenario: o.scenario,
    output: o.output,
    assignment: o.assignment,
  });
  const text = FORMAT[o.format](report);
  if (o.output) writeOutput(o.output, text);
  else process.stdout.write(text);
  return report.behaviourEquivalent ? EXIT.ok : EXIT.findings;
}
