// Checks the published JSON Schemas with a stock validator nobody on the project
// wrote: every schema/*.schema.json must compile in a default Ajv (strict mode,
// draft 2020-12) and in Ajv with every strict option turned on, without a single
// warning; then every shipped plan file (countries/<CC>/<kind>.yaml,
// clusters/<id>.yaml) must validate against its schema.
//
// YAML is read with js-yaml's JSON schema (the YAML 1.2 JSON rules), so an
// unquoted date stays text here, as it does in hwfplan; how YAML 1.1 readers see
// such a date is a separate question this check does not answer.
//
// Usage: node check.mjs <repository root>
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import yaml from "js-yaml";

const root = path.resolve(process.argv[2] ?? "../..");
const schemaDir = path.join(root, "schema");
let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(`FAIL ${msg}`);
};

// Collects Ajv's warnings (strict options set to "log") so that they fail too.
function newAjv(options) {
  const warnings = [];
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(" ")), error: (...a) => warnings.push(a.join(" ")) };
  return { ajv: new Ajv2020({ ...options, logger }), warnings };
}

const files = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
if (files.length === 0) fail(`no schemas in ${schemaDir}`);
const validators = new Map(); // kind -> validate function of the default Ajv
const refused = new Set(); // kinds whose schema did not compile
for (const file of files) {
  const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8"));
  for (const [name, options] of [["default Ajv", {}], ["Ajv with strict: true", { strict: true }]]) {
    const { ajv, warnings } = newAjv(options);
    try {
      const validate = ajv.compile(schema);
      if (name === "default Ajv") validators.set(file.replace(/\.schema\.json$/, ""), validate);
    } catch (e) {
      fail(`${file}: ${name} refuses the schema: ${e.message}`);
      refused.add(file.replace(/\.schema\.json$/, ""));
      continue;
    }
    for (const w of warnings) fail(`${file}: ${name} warns: ${w}`);
  }
}

// The plan files and their kinds, as hwfplan's schema.KindOf maps them.
function planFiles() {
  const out = [];
  const countries = path.join(root, "countries");
  for (const cc of fs.existsSync(countries) ? fs.readdirSync(countries).sort() : []) {
    const dir = path.join(countries, cc);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith(".yaml")) out.push({ file: path.join(dir, f), kind: f.replace(/\.yaml$/, "") });
    }
  }
  const clusters = path.join(root, "clusters");
  for (const f of fs.existsSync(clusters) ? fs.readdirSync(clusters).sort() : []) {
    if (f.endsWith(".yaml")) out.push({ file: path.join(clusters, f), kind: "cluster" });
  }
  const publication = path.join(root, "publication.yaml");
  if (fs.existsSync(publication)) out.push({ file: publication, kind: "publication" });
  return out;
}

let checked = 0;
for (const { file, kind } of planFiles()) {
  const rel = path.relative(root, file);
  const validate = validators.get(kind);
  if (refused.has(kind)) continue; // reported above
  if (!validate) {
    fail(`${rel}: no schema for kind ${kind}`);
    continue;
  }
  let doc;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"), { schema: yaml.JSON_SCHEMA, filename: rel });
  } catch (e) {
    fail(`${rel}: ${e.message}`);
    continue;
  }
  checked++;
  if (!validate(doc)) {
    for (const e of validate.errors) fail(`${rel}: ${e.instancePath || "/"} ${e.message}`);
  }
}
if (checked === 0) fail(`no plan files under ${root}`);

console.log(`schema-check: ${files.length - refused.size} of ${files.length} schemas compiled, ${checked} plan files validated, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
