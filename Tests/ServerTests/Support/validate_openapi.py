#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 document and real responses against it.

usage: validate_openapi.py OPENAPI.json SAMPLES.json

SAMPLES.json is a list of {"path": "/api/search", "status": 200, "body": {...}}, where
"path" is the document's path template. Each body is validated (JSON Schema 2020-12, with
formats) against the schema of that path's GET response for that status. Prints every
problem and exits 1 if there is any.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate


def main() -> int:
    with open(sys.argv[1]) as f:
        document = json.load(f)
    with open(sys.argv[2]) as f:
        samples = json.load(f)
    validate(document)  # the document itself is valid OpenAPI 3.1

    problems = []
    for sample in samples:
        where = f'{sample["path"]} {sample["status"]}'
        operation = document["paths"][sample["path"]]["get"]
        response = operation["responses"].get(str(sample["status"]))
        if response is None:
            problems.append(f"{where}: status not documented")
            continue
        if "$ref" in response:
            name = response["$ref"].rsplit("/", 1)[-1]
            response = document["components"]["responses"][name]
        schema = response["content"]["application/json"]["schema"]
        # Local "#/components/..." references resolve against this root.
        root = dict(schema, components=document["components"])
        validator = Draft202012Validator(root, format_checker=FormatChecker())
        for error in validator.iter_errors(sample["body"]):
            problems.append(f"{where}: {error.message} at {list(error.absolute_path)}")
    for problem in problems:
        print(problem)
    print(f"{len(samples)} responses checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
