#!/usr/bin/env python3
"""Reads every shipped plan file with PyYAML (a YAML 1.1 reader) and validates it
with python-jsonschema against its schema in schema/, as a team using Python
tools would. The packages come from Debian (python3-yaml, python3-jsonschema):
.ci/run installs them, so the check needs no access to PyPI.

Usage: python3 .ci/pyyaml-check.py REPO_ROOT   (exit 0: all pass; 1: some fail)
"""
import json
import pathlib
import sys

import jsonschema
import yaml


def schema_for(rel):
    parts = rel.parts
    if len(parts) == 3 and parts[0] == "countries" and parts[2].endswith(".yaml"):
        return parts[2][: -len(".yaml")] + ".schema.json"
    if len(parts) == 2 and parts[0] == "clusters" and parts[1].endswith(".yaml"):
        return "cluster.schema.json"
    if len(parts) == 1 and parts[0] == "publication.yaml":
        return "publication.schema.json"
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1])
    validators = {}
    for p in sorted((root / "schema").glob("*.schema.json")):
        schema = json.loads(p.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[p.name] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    files = sorted(list((root / "countries").glob("*/*.yaml")) + list((root / "clusters").glob("*.yaml")) + list(root.glob("publication.yaml")))
    failed = 0
    for f in files:
        rel = f.relative_to(root)
        name = schema_for(rel)
        if name is None:
            continue
        try:
            doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            failed += 1
            print(f"{rel}: PyYAML cannot read it: {e}")
            continue
        errors = sorted(validators[name].iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for e in errors:
                at = "/" + "/".join(str(p) for p in e.absolute_path)
                print(f"{rel}: {at}: {e.message}")
    print(f"pyyaml-check: {len(files)} files read with PyYAML {yaml.__version__}, validated with python-jsonschema; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
