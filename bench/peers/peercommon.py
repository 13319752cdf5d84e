"""Shared plumbing for the peer scripts: command line, JSONL reading, timing protocol.

Each peer module provides
    ENGINE                      name in the JSON output
    build_index(passages, dirpath) -> dict with index_bytes_postings_positions and
                                  index_bytes_stored (either may be None); passages is
                                  an iterator of (ordinal, record) pairs
    open_searcher(dirpath)     -> object with run(query) -> (hits, hits_exact);
                                  run must build the query, execute it, take the top
                                  10 passages and their ids, and count all matches.
and calls peercommon.main(sys.modules[__name__]).

Works on Python 3.9+ (xapian's peer runs on Debian's /usr/bin/python3).
"""
import argparse
import json
import os
import sys
import time

TOP_K = 10


def read_passages(path, counters):
    """Yield (ordinal, record) for every line of the passages JSONL.

    counters["passages"] and counters["text_bytes"] (UTF-8 bytes of "text") are
    updated as the file is read, so the caller knows the totals afterwards.
    """
    with open(path, "rb") as fh:
        for ordinal, line in enumerate(fh):
            if not line.strip():
                continue
            rec = json.loads(line)
            counters["passages"] += 1
            counters["text_bytes"] += len(rec["text"].encode("utf-8"))
            yield ordinal, rec


def tree_bytes(dirpath):
    total = 0
    for root, _dirs, files in os.walk(dirpath):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return None
    rank = max(1, int(-(-fraction * len(sorted_values) // 1)))   # ceil
    return sorted_values[min(rank, len(sorted_values)) - 1]


def summarize(samples_ns):
    values = sorted(samples_ns)
    us = lambda ns: round(ns / 1000.0, 1)
    return {
        "n": len(values),
        "mean_us": us(sum(values) / len(values)) if values else None,
        "p50_us": us(percentile(values, 0.50)),
        "p95_us": us(percentile(values, 0.95)),
        "p99_us": us(percentile(values, 0.99)),
    }


def run_protocol(engine, searcher, queries, rounds):
    """One warm-up round over all queries, then `rounds` timed rounds."""
    results = [None] * len(queries)
    for i, q in enumerate(queries):                      # warm-up
        results[i] = searcher.run(q)
    samples = [[] for _ in queries]
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for i, q in enumerate(queries):
            start = clock()
            searcher.run(q)
            samples[i].append(clock() - start)
    by_type = {}
    per_type_samples = {}
    for q, s in zip(queries, samples):
        per_type_samples.setdefault(q["type"], []).extend(s)
    for qtype, s in per_type_samples.items():
        by_type[qtype] = summarize(s)
    out_queries = []
    for q, (hits, exact), s in zip(queries, results, samples):
        out_queries.append({
            "type": q["type"], "query": q["query"], "hits": hits,
            "hits_exact": bool(exact), "p50_us": summarize(s)["p50_us"],
        })
    return {"engine": engine, "rounds": rounds, "by_type": by_type, "queries": out_queries}


def cmd_index(module, args):
    counters = {"passages": 0, "text_bytes": 0}
    if os.path.exists(args.dir) and os.listdir(args.dir):
        sys.exit("%s: --dir %s is not empty; give a fresh directory" % (module.ENGINE, args.dir))
    os.makedirs(args.dir, exist_ok=True)
    start = time.perf_counter()
    split = module.build_index(read_passages(args.passages, counters), args.dir)
    seconds = time.perf_counter() - start
    out = {
        "engine": module.ENGINE,
        "passages": counters["passages"],
        "text_bytes": counters["text_bytes"],
        "seconds": round(seconds, 3),
        "index_bytes_total": tree_bytes(args.dir),
        "index_bytes_postings_positions": split.get("index_bytes_postings_positions"),
        "index_bytes_stored": split.get("index_bytes_stored"),
    }
    for key, value in split.items():       # engine-specific extras, e.g. a table breakdown
        out.setdefault(key, value)
    print(json.dumps(out, ensure_ascii=False))


def cmd_search(module, args):
    with open(args.queries, encoding="utf-8") as fh:
        queries = json.load(fh)
    searcher = module.open_searcher(args.dir)
    result = run_protocol(module.ENGINE, searcher, queries, args.rounds)
    print(json.dumps(result, ensure_ascii=False))


def main(module, argv=None):
    parser = argparse.ArgumentParser(description="%s peer for the kamerzoek benchmark" % module.ENGINE)
    sub = parser.add_subparsers(dest="command", required=True)
    p_index = sub.add_parser("index", help="index a passages JSONL")
    p_index.add_argument("--passages", required=True)
    p_index.add_argument("--dir", required=True)
    p_search = sub.add_parser("search", help="time the neutral query mix")
    p_search.add_argument("--dir", required=True)
    p_search.add_argument("--queries", required=True)
    p_search.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    if args.command == "index":
        cmd_index(module, args)
    else:
        cmd_search(module, args)
