#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 document and real responses against it.

usage: validate_openapi.py OPENAPI.json SAMPLES.json

SAMPLES.json is a list of {"path": "/api/search", "method": "get", "status": 200,
"body": {...} or null, "headers": {"etag": "...", ...}}, where "path" is the document's
path template; "response" instead of path and method names a response of
components/responses (for what no one operation describes, such as 405). Each sample is
checked against the response the document gives for it:

- the body (JSON Schema 2020-12, with formats) against its application/json schema; a
  response documented without content must have no body;
- every header of the API's own (Kamerzoek-*, ETag, Cache-Control, Vary, Content-Encoding,
  Allow, Access-Control-*) must be declared by that response, and its value must match
  the declared schema.

Prints every problem and exits 1 if there is any.
"""
import json
import sys

from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate

CHECKED_HEADERS = {"etag", "cache-control", "vary", "content-encoding", "allow"}


def checked(name):
    return name in CHECKED_HEADERS or name.startswith("kamerzoek-") or name.startswith("access-control-")


def resolve(document, item):
    while "$ref" in item:
        parts = item["$ref"].lstrip("#/").split("/")
        item = document
        for part in parts:
            item = item[part]
    return item


def validator(document, schema):
    # Local "#/components/..." references resolve against this root.
    return Draft202012Validator(dict(schema, components=document["components"]), format_checker=FormatChecker())


def main() -> int:
    with open(sys.argv[1]) as f:
        document = json.load(f)
    with open(sys.argv[2]) as f:
        samples = json.load(f)
    validate(document)  # the document itself is valid OpenAPI 3.1

    problems = []
    for sample in samples:
        if "response" in sample:
            where = f'components/responses/{sample["response"]} {sample["status"]}'
            response = document["components"]["responses"][sample["response"]]
        else:
            method = sample.get("method", "get")
            where = f'{method.upper()} {sample["path"]} {sample["status"]}'
            operation = document["paths"][sample["path"]].get(method)
            if operation is None:
                problems.append(f"{where}: method not documented")
                continue
            response = operation["responses"].get(str(sample["status"]))
            if response is None:
                problems.append(f"{where}: status not documented")
                continue
            response = resolve(document, response)

        content = response.get("content", {})
        body = sample.get("body")
        if "application/json" in content:
            for error in validator(document, content["application/json"]["schema"]).iter_errors(body):
                problems.append(f"{where}: {error.message} at {list(error.absolute_path)}")
        elif not content and body is not None:
            problems.append(f"{where}: a body where none is documented")

        declared = {name.lower(): resolve(document, header) for name, header in response.get("headers", {}).items()}
        for name, value in sample.get("headers", {}).items():
            name = name.lower()
            if not checked(name):
                continue
            if name not in declared:
                problems.append(f"{where}: header {name} is not documented")
                continue
            for error in validator(document, declared[name]["schema"]).iter_errors(value):
                problems.append(f"{where}: header {name}: {error.message}")
    for problem in problems:
        print(problem)
    print(f"{len(samples)} responses checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
