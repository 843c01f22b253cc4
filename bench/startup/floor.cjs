// The floor of a lint process: start Node, load the precompiled schema validators, then read,
// JSON-parse and validate every file once. Usage: node floor.cjs <files.json>
// (files.json: [{ file, schema }], written by run.ts).
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { validators } = require(
  path.resolve(__dirname, '../../build/generator/validate/schema/precompiled/validators.cjs'),
);
let ok = 0;
for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8')))
  if (validators[f.schema](JSON.parse(readFileSync(f.file, 'utf8')))) ok++;
process.stdout.write(`${ok}\n`);
