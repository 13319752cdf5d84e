#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 document and real responses against it.

usage: validate_openapi.py OPENAPI.json SAMPLES.json

SAMPLES.json is a list of {"path": "/api/search", "status": 200, "content_type":
"application/json; charset=utf-8", "body": ...}, where "path" is the document's path
template. The response's media type must be one the document lists for that path's GET
response and status; the body (parsed JSON for JSON, else the text) is validated (JSON
Schema 2020-12, with formats) against that media type's schema. Atom feeds and CSV are
also parsed and checked for what their RFCs require (RFC 4287's required elements, RFC
4180's records). Prints every problem and exits 1 if there is any.
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
        media = sample.get("content_type", "application/json").split(";")[0].strip()
        if media not in response["content"]:
            problems.append(f"{where}: media type {media} not documented")
            continue
        schema = response["content"][media]["schema"]
        if media == "application/atom+xml":
            problems += [f"{where}: {problem}" for problem in atom_problems(sample["body"])]
        elif media == "text/csv":
            problems += [f"{where}: {problem}" for problem in csv_problems(sample["body"])]
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
