// validate.js SCHEMA DIR: validates every DIR/*.json against SCHEMA (JSON
// Schema draft-04, as the SARIF 2.1.0 and reviewdog schemas are) with ajv,
// formats included (uri-reference is what rejects an unencoded «ñ»).
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const [schemaPath, dir] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let invalid = 0;
for (const f of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  if (!validate(doc)) {
    invalid++;
    console.log(`FALLA ${f}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }
}
console.log(`${path.basename(schemaPath)}: ${files.length} documentos, ${invalid} no válidos`);
process.exit(invalid || files.length === 0 ? 1 : 0);
