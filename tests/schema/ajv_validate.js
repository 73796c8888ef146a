// Validates JSON files against a JSON Schema (draft 2020-12) with ajv, with ajv's default
// options, as its users run it.
//
//   node ajv_validate.js NODE_MODULES SCHEMA [FILE...]
//
// Prints one JSON object: {"version": ajv's, "warnings": what compiling the schema logged,
// "files": {FILE: [error, ...]}} (an empty list: the file is valid). A file's byte order
// mark is dropped first: JSON.parse refuses it, editors do not.
"use strict";

const fs = require("fs");
const path = require("path");

const [moduleFolder, schemaPath, ...files] = process.argv.slice(2);
const modules = path.resolve(moduleFolder);
const Ajv2020 = require(path.join(modules, "ajv", "dist", "2020")).default;
const version = require(path.join(modules, "ajv", "package.json")).version;

const read = (file) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));

const warnings = [];
const note = (...args) => warnings.push(args.join(" "));
const ajv = new Ajv2020({ allErrors: true, logger: { log: note, warn: note, error: note } });
const validate = ajv.compile(read(schemaPath));

const results = {};
for (const file of files) {
  let data;
  try {
    data = read(file);
  } catch (error) {
    results[file] = [`not JSON: ${error.message}`];
    continue;
  }
  results[file] = validate(data)
    ? []
    : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`);
}
process.stdout.write(JSON.stringify({ version, warnings, files: results }) + "\n");
