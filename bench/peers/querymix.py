#!/usr/bin/env python3
"""Turn bench/queries-by-type.tsv into the neutral query list every peer reads.

The TSV holds `type<TAB>query` lines in kamerzoek's query syntax (a subset of
docs/QUERY.md).  Each line becomes one object:

    {"type": "or", "query": "gemeenten OR provincies", "operator": "or",
     "items": [{"word": "gemeenten"}, {"word": "provincies"}],
     "filter": {"doc_type": null, "date_from": null, "date_to": null}}

Supported syntax: bare words (all required, operator "and"), `a OR b OR c`
(operator "or"), `"an exact phrase"` (an item {"phrase": [words]}), and the
filters `soort:TYPE`, `jaar:YYYY` and `datum:YYYY-MM-DD..YYYY-MM-DD`.  Words
stay as typed: each engine analyses them with its own analyzer.  A line that
mixes AND and OR, or uses anything else (NOT, fields, wildcards), is refused so
that no engine silently runs a different query.

Usage:  querymix.py bench/queries-by-type.tsv > queries.json
As a module:  load_tsv(path) -> list of dicts, parse_query(text) -> dict.
"""
import json
import re
import sys

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class QueryError(ValueError):
    pass


def _lex(text):
    """Split a query into tokens: ('phrase', [words]) or ('bare', word)."""
    tokens = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError("unclosed quote in %r" % text)
            words = text[i + 1:end].split()
            if not words:
                raise QueryError("empty phrase in %r" % text)
            tokens.append(("phrase", words))
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] != '"':
            j += 1
        tokens.append(("bare", text[i:j]))
        i = j
    return tokens


def parse_query(text):
    flt = {"doc_type": None, "date_from": None, "date_to": None}
    items = []
    joins = []          # separator seen before each item after the first
    pending_or = False
    for kind, value in _lex(text):
        if kind == "bare" and value == "OR":
            if not items or pending_or:
                raise QueryError("misplaced OR in %r" % text)
            pending_or = True
            continue
        if kind == "bare" and ":" in value:
            key, _, arg = value.partition(":")
            key = key.lower()
            if key == "soort":
                flt["doc_type"] = arg.lower()
            elif key == "jaar":
                if not re.fullmatch(r"\d{4}", arg):
                    raise QueryError("bad year %r" % arg)
                flt["date_from"] = arg + "-01-01"
                flt["date_to"] = arg + "-12-31"
            elif key == "datum":
                lo, sep, hi = arg.partition("..")
                if not sep or (lo and not _DATE.match(lo)) or (hi and not _DATE.match(hi)):
                    raise QueryError("bad date range %r" % arg)
                flt["date_from"] = lo or None
                flt["date_to"] = hi or None
            else:
                raise QueryError("unsupported filter %r" % value)
            continue
        if kind == "bare" and value.startswith("-"):
            raise QueryError("NOT is not in the neutral subset: %r" % text)
        if items:
            joins.append("or" if pending_or else "and")
        pending_or = False
        items.append({"phrase": value} if kind == "phrase" else {"word": value})
    if pending_or:
        raise QueryError("trailing OR in %r" % text)
    if not items:
        raise QueryError("no search terms in %r" % text)
    ops = set(joins)
    if len(ops) > 1:
        raise QueryError("mixed AND/OR is not in the neutral subset: %r" % text)
    return {"operator": ops.pop() if ops else "and", "items": items, "filter": flt}


def load_tsv(path):
    queries = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            qtype, tab, text = line.partition("\t")
            if not tab:
                raise QueryError("%s:%d: expected type<TAB>query" % (path, lineno))
            parsed = parse_query(text.strip())
            entry = {"type": qtype.strip(), "query": text.strip()}
            entry.update(parsed)
            queries.append(entry)
    return queries


def dumps(queries):
    """One query object per line inside a JSON list: diff-friendly and valid JSON."""
    body = ",\n".join(json.dumps(q, ensure_ascii=False) for q in queries)
    return "[\n" + body + "\n]\n"


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: querymix.py QUERIES.tsv > queries.json\n")
        return 2
    try:
        queries = load_tsv(argv[1])
    except QueryError as err:
        sys.stderr.write("querymix: %s\n" % err)
        return 1
    sys.stdout.write(dumps(queries))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
