import type { FunctionSpec } from '../api.ts';
import { functionSignatures } from './registry.ts';
import { IML_TYPES } from './signature.ts';

const CATEGORY_ORDER: FunctionSpec['category'][] = [
  'general',
  'math',
  'text',
  'date',
  'array',
  'json',
  'crypto',
];

/**
 * Markdown reference of every built-in, rendered from the typed signatures (committed as
 * FUNCTIONS.md; a test keeps it in step with the code).
 */
export function renderFunctionReference(): string {
  const all = functionSignatures();
  const out = [
    '# IML built-in functions',
    '',
    'Generated from the signatures in `generator/iml/functions/` (`npx tsx generator/iml/functions/reference-doc.ts > generator/iml/FUNCTIONS.md`).',
    `Types: ${IML_TYPES.map((t) => `\`${t}\``).join(', ')}. \`name?\` may be left out; \`...name\` takes every remaining argument.`,
    'An argument of a single convertible type (text, number, integer, boolean, array) is converted before the function runs.',
    '',
  ];
  for (const category of CATEGORY_ORDER) {
    out.push(`## ${category}`, '');
    for (const f of all.filter((x) => x.category === category))
      out.push(`- \`${f.rendered}\` — ${f.description}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(renderFunctionReference());
