/**
 * IML engine throughput vs Handlebars precompiled templates of the same shapes, measured in one run.
 * Run: npx tsx bench/iml/run.ts   (prints renders/second and the ratio; goal: ratio >= 1)
 */
import Handlebars from 'handlebars';
import { compileTemplate, evaluateTemplate } from '../../generator/iml/index.ts';
import { BENCH_CONTEXT, BENCH_TEMPLATES } from './templates.ts';

const ROUNDS = Number(process.env.IML_BENCH_ROUNDS ?? 200_000);

/** A precompiled Handlebars template: precompile to source, then load it (no compile on first use). */
function precompiled(src: string): Handlebars.TemplateDelegate {
  const spec = Handlebars.precompile(src, { noEscape: true, strict: false });
  return Handlebars.template(new Function(`return ${spec}`)());
}

Handlebars.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
Handlebars.registerHelper('join', (a: unknown[], sep: unknown) => a.join(String(sep)));

function timeIt(render: () => unknown): number {
  for (let i = 0; i < 5_000; i++) render();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) render();
  const ns = Number(process.hrtime.bigint() - start);
  return (ROUNDS / ns) * 1e9;
}

const hbs = BENCH_TEMPLATES.map((t) => precompiled(t.handlebars));
const compiled = BENCH_TEMPLATES.map((t) => compileTemplate(t.iml));

// Both engines must render the same text, or the comparison means nothing.
BENCH_TEMPLATES.forEach((t, i) => {
  const a = compiled[i].evaluate(BENCH_CONTEXT);
  const b = hbs[i](BENCH_CONTEXT);
  if (String(a) !== b) throw new Error(`outputs differ for "${t.name}":\n  iml: ${a}\n  hbs: ${b}`);
});

const rows: string[][] = [];
let imlTotal = 0;
let cachedTotal = 0;
let hbsTotal = 0;
BENCH_TEMPLATES.forEach((t, i) => {
  const imlRate = timeIt(() => compiled[i].evaluate(BENCH_CONTEXT));
  const cachedRate = timeIt(() => evaluateTemplate(t.iml, BENCH_CONTEXT));
  const hbsRate = timeIt(() => hbs[i](BENCH_CONTEXT));
  imlTotal += 1 / imlRate;
  cachedTotal += 1 / cachedRate;
  hbsTotal += 1 / hbsRate;
  rows.push([t.name, fmt(imlRate), fmt(cachedRate), fmt(hbsRate), (imlRate / hbsRate).toFixed(2)]);
});

function fmt(rate: number): string {
  return `${(rate / 1e6).toFixed(2)} M/s`;
}

console.log(`IML vs Handlebars (precompiled, noEscape), ${ROUNDS} renders per template per engine\n`);
const header = ['template', 'IML compiled', 'IML by source', 'Handlebars', 'ratio'];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
for (const r of [header, ...rows]) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log(
  `\nwhole set: IML compiled / Handlebars = ${(hbsTotal / imlTotal).toFixed(2)}x, IML by source (cache lookup) / Handlebars = ${(hbsTotal / cachedTotal).toFixed(2)}x`,
);
