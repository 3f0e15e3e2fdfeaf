// Decodes Arrow schemas with the vendored apache-arrow bundle (tests/Vendor/apache-arrow) and prints their fields.
// Input (standard input): a JSON array of base64 strings, each the value of a Parquet file's ARROW:schema key, i.e. an
// IPC stream holding the schema message. Output (standard output): a JSON array with, per schema, its fields in order
// as {name, type, nullable}, the type as apache-arrow names it (e.g. "Dictionary<Int32, Utf8>", "Date32<DAY>").
'use strict';
const path = require('path');
const Arrow = require(path.join(__dirname, '..', 'Vendor', 'apache-arrow', 'Arrow.es2015.min.js'));

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const schemas = JSON.parse(input).map(base64 => {
    const table = Arrow.tableFromIPC(new Uint8Array(Buffer.from(base64, 'base64')));
    return table.schema.fields.map(f => ({ name: f.name, type: String(f.type), nullable: f.nullable }));
  });
  process.stdout.write(JSON.stringify(schemas));
});
