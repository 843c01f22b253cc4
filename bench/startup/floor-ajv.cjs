// The floor as a plain program would do it (the "read + parse + ajv"): start Node, compile
// the schemas it needs with ajv, then read, JSON-parse and validate every file once.
// Usage: node floor-ajv.cjs <files.json>   (files.json: [{ file, schema }], written by run.ts)
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { Ajv } = require('ajv');

const bundle = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../schemas/bundled/code-schemas.json'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
ajv.addSchema(bundle, 'bundle');
const validators = new Map();
let ok = 0;
for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  let v = validators.get(f.schema);
  if (!v) validators.set(f.schema, (v = ajv.getSchema(`bundle#/definitions/${f.schema}`)));
  if (v(JSON.parse(readFileSync(f.file, 'utf8')))) ok++;
}
process.stdout.write(`${ok}\n`);
