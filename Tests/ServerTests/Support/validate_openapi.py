#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 document and real responses against it.

usage: validate_openapi.py OPENAPI.json SAMPLES.json

SAMPLES.json is a list of {"path": "/api/search", "method": "get", "status": 200,
"content_type": "application/json; charset=utf-8", "body": ... or null, "headers":
{"etag": "...", ...}}, where "path" is the document's path template; "response" instead
of path and method names a response of components/responses (for what no one operation
describes, such as 405). Each sample is checked against the response the document gives
for it:

- the response's media type must be one the document lists for it; the body (parsed
  JSON for JSON, else the text; null for what is not checked, such as HTML pages) is
  validated (JSON Schema 2020-12, with formats) against that media type's schema; a
  response documented without content must have no body;
- Atom feeds and CSV are also parsed and checked for what their RFCs require (RFC 4287's
  required elements, RFC 4180's records);
- every header of the API's own (Kamerzoek-*, ETag, Cache-Control, Vary, Content-Encoding,
  Allow, Access-Control-*) must be declared by that response, and its value must match
  the declared schema.

Prints every problem and exits 1 if there is any.
"""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as RFC 4287 section 3.3 requires.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# An absolute IRI starts with a scheme (RFC 3987).
ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def atom_problems(text):
    """What RFC 4287 requires of a feed and its entries (sections 4.1.1 and 4.1.2)."""
    problems = []
    try:
        feed = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if feed.tag != ATOM + "feed":
        return [f"the root is {feed.tag}, not an Atom feed"]

    def check(element, where, required):
        for name in required:
            count = len(element.findall(ATOM + name))
            if count != 1:
                problems.append(f"{where} has {count} atom:{name}, needs exactly one")
        for name in ("id",):
            for child in element.findall(ATOM + name):
                if not ABSOLUTE_IRI.match(child.text or ""):
                    problems.append(f"{where}: atom:id {child.text!r} is not an absolute IRI")
        for name in ("updated", "published"):
            for child in element.findall(ATOM + name):
                if not DATE_TIME.match(child.text or ""):
                    problems.append(f"{where}: atom:{name} {child.text!r} is not an RFC 3339 date-time")
        for link in element.findall(ATOM + "link"):
            if not link.get("href"):
                problems.append(f"{where}: a link without href")
        alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(ATOM + "link")
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            problems.append(f"{where}: two alternate links of the same type and language")

    check(feed, "feed", ["id", "title", "updated"])
    feed_has_author = feed.find(ATOM + "author") is not None
    for number, entry in enumerate(feed.findall(ATOM + "entry")):
        where = f"entry {number}"
        check(entry, where, ["id", "title", "updated"])
        if not feed_has_author and entry.find(ATOM + "author") is None:
            problems.append(f"{where} has no author, and neither has the feed")
        if entry.find(ATOM + "content") is None and not any(
                link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM + "link")):
            problems.append(f"{where} has neither content nor an alternate link")
    return problems


def csv_problems(text):
    """RFC 4180: CRLF after every record, every record as long as the header."""
    if not text.endswith("\r\n"):
        return ["the last record does not end in CRLF"]
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    problems = [f"record {number} has {len(row)} fields, the header {len(rows[0])}"
                for number, row in enumerate(rows) if len(row) != len(rows[0])]
    # Outside quoted fields, every line break is a CRLF.
    outside = re.sub(r'"(?:[^"]|"")*"', "", text)
    if re.search(r"(?<!\r)\n|\r(?!\n)", outside):
        problems.append("a line break that is not CRLF")
    return problems


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
        media = (sample.get("content_type") or "").split(";")[0].strip()
        if not content:
            if body is not None:
                problems.append(f"{where}: a body where none is documented")
        elif media not in content:
            problems.append(f"{where}: media type {media or '(none)'} not documented")
        elif body is not None:
            for error in validator(document, content[media]["schema"]).iter_errors(body):
                problems.append(f"{where}: {error.message} at {list(error.absolute_path)}")
            if media == "application/atom+xml":
                problems += [f"{where}: {problem}" for problem in atom_problems(body)]
            elif media == "text/csv":
                problems += [f"{where}: {problem}" for problem in csv_problems(body)]

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
