import { writeFileSync } from 'node:fs';
import { formatHtml, formatJson, formatText } from '../../diff/index.ts';
import { diff } from '../../workflow/diff.ts';
import { EXIT, InputError } from '../errors.ts';

export interface DiffFlags {
  against: string;
  format: 'text' | 'json' | 'html';
  output?: string;
  behaviour: boolean;
  scenario?: string;
  assignment?: string;
}

const FORMAT = { text: formatText, json: formatJson, html: formatHtml } as const;

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
  if (o.output) {
    try {
      writeFileSync(o.output, text);
    } catch (e) {
      throw new InputError(`cannot write the report: ${(e as Error).message}`, { file: o.output });
    }
  } else process.stdout.write(text);
  return report.behaviourEquivalent ? EXIT.ok : EXIT.findings;
}
