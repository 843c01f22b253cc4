import { groupBy } from '../model/index.ts';
import { ALL_RULES } from './rules/index.ts';

/** Markdown reference of every rule (committed as RULES.md; a test keeps it in step with the code). */
export function renderRulesDoc(): string {
  const families = groupBy(ALL_RULES, (r) => r.id.split('/')[0]);
  const out = [
    '# make-app lint rules',
    '',
    'Generated from `generator/validate/rules/` (`npx tsx generator/validate/rules-doc.ts > generator/validate/RULES.md`).',
    'Severities can be changed per rule or family in `make-app.config.json` (`"rules": { "oauth/*": "warning" }`);',
    'findings can be silenced inline with `// make-app-disable-next-line <rule>`.',
    'Each rule lists its messages by id (the `messageId` of a JSON finding); `{name}` stands for a value filled in per finding.',
    '',
    ...ALL_RULES.map((r) => `- [\`${r.id}\`](#${anchor(r.id)}) (${r.defaultSeverity}): ${r.description}`),
    '',
  ];
  for (const [fam, rules] of families) {
    out.push(`## ${fam}`, '');
    for (const r of rules)
      out.push(
        `### ${r.id}`,
        '',
        `_${r.defaultSeverity}_ — ${r.description}`,
        '',
        r.docs,
        '',
        'Messages:',
        '',
        ...Object.entries(r.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
        '',
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(renderRulesDoc());
