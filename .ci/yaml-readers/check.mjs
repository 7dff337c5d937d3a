// Loads every shipped YAML file of a plans repository as a YAML 1.1 reader
// would (PyYAML, js-yaml, ajv-cli, editors' plug-ins) and validates each plan
// file against its JSON Schema in schema/ with ajv. hwfplan reads YAML 1.2, where
// an unquoted 2024-06-28 or NO is text; to these readers it is a date or false,
// and a schema asking for text fails. This check keeps the shipped files text to
// every reader.
//
// Usage: node check.mjs REPO_ROOT     (exit 0: all pass; 1: some fail; 2: usage)
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import Ajv2020 from "ajv/dist/2020.js";

const root = process.argv[2];
if (!root || !fs.existsSync(path.join(root, "schema"))) {
  console.error("usage: node check.mjs REPO_ROOT (the folder that holds schema/ and countries/)");
  process.exit(2);
}

// js-yaml's default schema is YAML 1.2 plus timestamps (so dates already become
// Date objects). YAML 1.1 adds the booleans yes/no/on/off and numbers such as
// 0755 (octal) and 1:30 (base 60), as PyYAML reads them. js-yaml looks a
// resolved scalar up again by its tag, so these types replace the default
// bool and int types and must read every form those do.
const bool11 = new yaml.Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (s) => /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s),
  construct: (s) => /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s),
  predicate: (v) => typeof v === "boolean",
});
const int11 = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (s) => /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(?::[0-5]?[0-9])*)$/.test(s),
  construct: (s) => {
    const sign = s.startsWith("-") ? -1 : 1;
    const t = s.replace(/^[-+]/, "").replaceAll("_", "");
    if (t.startsWith("0b")) return sign * parseInt(t.slice(2), 2);
    if (t.startsWith("0x")) return sign * parseInt(t.slice(2), 16);
    if (t.includes(":")) return sign * t.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
    if (t.length > 1 && t.startsWith("0")) return sign * parseInt(t, 8);
    return sign * parseInt(t, 10);
  },
  predicate: (v) => Number.isInteger(v),
});
const YAML11 = yaml.DEFAULT_SCHEMA.extend({ implicit: [bool11, int11] });

// The schema of a file, as hwfplan assigns them (internal/schema.KindOf).
function schemaFor(rel) {
  const p = rel.split("/");
  if (p.length === 3 && p[0] === "countries" && p[2].endsWith(".yaml")) return p[2].replace(/\.yaml$/, "") + ".schema.json";
  if (p.length === 2 && p[0] === "clusters" && p[1].endsWith(".yaml")) return "cluster.schema.json";
  if (rel === "publication.yaml") return "publication.schema.json";
  return null;
}

function yamlFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

// A default Ajv for draft 2020-12 (strict mode on); .ci/schema-check makes sure
// the schemas compile in it.
const ajv = new Ajv2020({ allErrors: true });
const validators = {};
for (const f of fs.readdirSync(path.join(root, "schema")).filter((f) => f.endsWith(".schema.json"))) {
  validators[f] = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, "schema", f), "utf8")));
}

const files = [
  ...yamlFiles(path.join(root, "countries")),
  ...yamlFiles(path.join(root, "clusters")),
  ...["governance.yaml", "publication.yaml", "schema/framework.yaml"].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)),
].sort();

let failed = 0;
let checked = 0;
for (const file of files) {
  const rel = path.relative(root, file).split(path.sep).join("/");
  let doc;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"), { schema: YAML11, filename: rel });
  } catch (e) {
    failed++;
    console.log(`${rel}: cannot be read as YAML 1.1: ${e.message}`);
    continue;
  }
  const name = schemaFor(rel);
  if (!name) continue; // read, no schema to check against
  const validate = validators[name];
  if (!validate) {
    failed++;
    console.log(`${rel}: no schema/${name}`);
    continue;
  }
  checked++;
  if (!validate(doc)) {
    failed++;
    for (const e of validate.errors) {
      const at = e.instancePath || "/";
      let got = at.split("/").slice(1).reduce((v, k) => (v == null ? v : v[k.replaceAll("~1", "/").replaceAll("~0", "~")]), doc);
      got = got instanceof Date ? `a date (${got.toISOString().slice(0, 10)})` : JSON.stringify(got);
      console.log(`${rel}: ${at} ${e.message}; a YAML 1.1 reader reads ${got}`);
    }
  }
}
console.log(`yaml-readers: ${files.length} files read as YAML 1.1, ${checked} validated against schema/; ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
