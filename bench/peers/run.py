#!/usr/bin/env python3
"""Run kamerzoek and the peer engines on one corpus, one after another, and compare.

    python3 bench/peers/run.py --corpus ../shared/corpus --work /tmp/peers/shared --rounds 20

Steps (never two engines at once):
  1. kamerzoek index CORPUS (timed, peak RSS via /usr/bin/time), then the same
     command again: the nothing-changed re-index.
  2. PassageExport: kamerzoek's retrieval units as JSONL, so every peer indexes
     exactly the same passages.  (--passages FILE skips steps 1-2 for kamerzoek
     and uses that file instead; kamerzoek is then only searched if --kz-index is given.)
  3. querymix: bench/queries-by-type.tsv -> WORK/queries.json.
  4. For each peer: `index` (peak RSS) and `search`.
  5. kamerzoek search: SearchBenchmark --by-type (engine `kamerzoek`: a search may share
     its segments out among the machine's cores; engine `kamerzoek-1t`: the same index
     searched on one thread, as every peer here searches).
Writes WORK/results.json (or --out) and WORK/tables.md, and prints the tables.
Expects kamerzoek and the bench tools to have been built in release (bench/peers/README.md,
"Install"); builds nothing.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import querymix  # noqa: E402

ALL_ENGINES = ["kamerzoek", "kamerzoek-1t", "fts5", "xapian", "tantivy", "lucene"]
TYPE_ORDER = ["term", "and", "or", "phrase", "filtered", "common-and"]
DEBIAN_PYTHON = "/usr/bin/python3"
KZ_STORED_EXT = {".sto"}
KZ_POSTINGS_EXT = {".pst", ".pos", ".tdc", ".tdx"}


def log(msg):
    sys.stderr.write("[run] %s\n" % msg)
    sys.stderr.flush()


def peer_command(engine, action_args):
    if engine == "fts5":
        return [sys.executable, os.path.join(HERE, "fts5_peer.py")] + action_args
    if engine == "tantivy":
        return [sys.executable, os.path.join(HERE, "tantivy_peer.py")] + action_args
    if engine == "xapian":
        return [DEBIAN_PYTHON, os.path.join(HERE, "xapian_peer.py")] + action_args
    if engine == "lucene":
        return ["bash", os.path.join(HERE, "lucene", "lucene_peer.sh")] + action_args
    raise ValueError(engine)


def run_measured(cmd, work, label, timeout):
    """Run cmd under /usr/bin/time; return (stdout, wall seconds, peak RSS in KB)."""
    rss_file = os.path.join(work, ".rss-%s" % label)
    full = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
    log("$ " + " ".join(cmd))
    start = time.perf_counter()
    proc = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    wall = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError("%s exited %d: %s" % (" ".join(cmd[:3]), proc.returncode, stderr.strip()[-2000:]))
    rss = None
    try:
        with open(rss_file) as fh:
            lines = [l for l in fh.read().split() if l.strip().isdigit()]
            rss = int(lines[-1]) if lines else None
        os.remove(rss_file)
    except OSError:
        pass
    return proc.stdout.decode("utf-8", "replace"), wall, rss


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    # The search output may be pretty-printed over several lines.
    start = text.find("{")
    if start >= 0:
        return json.loads(text[start:])
    raise ValueError("no JSON object in output: %r" % text[-500:])


def kz_split(index_dir):
    postings = stored = other = 0
    for root, _dirs, files in os.walk(index_dir):
        for name in files:
            size = os.path.getsize(os.path.join(root, name))
            ext = os.path.splitext(name)[1]
            if ext in KZ_POSTINGS_EXT:
                postings += size
            elif ext in KZ_STORED_EXT:
                stored += size
            else:
                other += size
    return postings, stored, other


def kz_format_versions(index_dir):
    """The index format versions of the segments kamerzoek wrote (bytes 4-5 of every
    `.seg` header, little-endian): a run must say which format it measured. Session 2's
    tables came from binaries older than the commit they were labelled with, and only the
    headers showed it."""
    versions = set()
    for name in os.listdir(index_dir):
        if name.endswith(".seg"):
            with open(os.path.join(index_dir, name), "rb") as fh:
                header = fh.read(6)
            if len(header) == 6 and header[:4] == b"KZIX":
                versions.add(int.from_bytes(header[4:6], "little"))
    return sorted(versions)


def passages_stats(path):
    n = text = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
                text += len(json.loads(line)["text"].encode("utf-8"))
    return n, text


def fresh_dir(path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)


def kamerzoek_index(args, results):
    kz = os.path.join(args.build_dir, "kamerzoek")
    index_dir = os.path.join(args.work, "kamerzoek")
    if os.path.exists(index_dir):
        shutil.rmtree(index_dir)
    cmd = [kz, "index", args.corpus, "--index", index_dir, "--json"]
    out, wall, rss = run_measured(cmd, args.work, "kamerzoek", args.timeout)
    first = last_json(out)
    out2, wall2, rss2 = run_measured(cmd, args.work, "kamerzoek-reindex", args.timeout)
    second = last_json(out2)
    postings, stored, other = kz_split(index_dir)
    entry = {
        "engine": "kamerzoek",
        "input_bytes": first.get("bytes"),
        "seconds": first.get("seconds"),
        "wall_seconds": round(wall, 3),
        "peak_rss_kb": rss,
        "index_bytes_total": postings + stored + other,
        "index_bytes_postings_positions": postings,
        "index_bytes_stored": stored,
        "index_bytes_other": other,
        "reindex_seconds": second.get("seconds"),
        "reindex_wall_seconds": round(wall2, 3),
        "reindex_peak_rss_kb": rss2,
        "reindex_unchanged": second.get("unchanged"),
        "kamerzoek_json": first,
        "kamerzoek_reindex_json": second,
        "format_versions": kz_format_versions(index_dir),
    }
    results["index"]["kamerzoek"] = entry
    return index_dir


def export_passages(args, kz_index):
    out_path = os.path.join(args.work, "passages.jsonl")
    cmd = [os.path.join(args.bench_build_dir, "PassageExport"), "--index", kz_index, "--out", out_path]
    out, wall, _rss = run_measured(cmd, args.work, "export", args.timeout)
    log("PassageExport: %s (%.1f s)" % (out.strip().splitlines()[-1] if out.strip() else "done", wall))
    return out_path


def peer_index(engine, args, passages, results):
    if engine == "lucene":      # compile first, outside the measured run
        subprocess.run(peer_command(engine, ["build"]), stdout=subprocess.DEVNULL, timeout=args.timeout, check=True)
    index_dir = os.path.join(args.work, engine)
    if os.path.exists(index_dir):
        shutil.rmtree(index_dir)
    cmd = peer_command(engine, ["index", "--passages", passages, "--dir", index_dir])
    out, wall, rss = run_measured(cmd, args.work, engine, args.timeout)
    entry = last_json(out)
    entry["wall_seconds"] = round(wall, 3)
    entry["peak_rss_kb"] = rss
    results["index"][engine] = entry
    return index_dir


def peer_search(engine, index_dir, args, queries_json, results):
    extra = []
    if engine == "lucene":
        # The JVM compiles the hot paths only after many calls: 3 rounds of warm-up leave
        # it measuring the interpreter (bench/peers/lucene/README.md). A server is warm.
        extra = ["--warmup", "100"]
    cmd = peer_command(engine, ["search", "--dir", index_dir, "--queries", queries_json,
                                "--rounds", str(args.rounds)] + extra)
    out, wall, rss = run_measured(cmd, args.work, engine + "-search", args.timeout)
    entry = last_json(out)
    entry["wall_seconds"] = round(wall, 3)
    entry["peak_rss_kb"] = rss
    results["search"][engine] = entry


def kamerzoek_search(kz_index, args, results, engine="kamerzoek"):
    cmd = [os.path.join(args.bench_build_dir, "SearchBenchmark"), "--index", kz_index,
           "--by-type", args.queries_tsv, "--rounds", str(args.rounds), "--json"]
    if engine == "kamerzoek-1t":
        cmd += ["--threads", "1"]
    out, wall, rss = run_measured(cmd, args.work, engine + "-search", args.timeout)
    entry = last_json(out)
    entry["wall_seconds"] = round(wall, 3)
    entry["peak_rss_kb"] = rss
    results["search"][engine] = entry


def attempt(results, engine, stage, fn, *fn_args):
    results.setdefault("loadavg", {})["%s %s" % (engine, stage)] = round(os.getloadavg()[0], 2)
    try:
        return fn(*fn_args)
    except Exception as err:   # record and go on with the next engine
        msg = "%s: %s" % (type(err).__name__, err)
        log("%s %s FAILED: %s" % (engine, stage, msg))
        results["failures"].append({"engine": engine, "stage": stage, "error": msg})
        return None


# ---------------------------------------------------------------- tables

def mb(value):
    return "" if value is None else "%.1f" % (value / 1e6)


def fmt(value, digits=1):
    if value is None:
        return ""
    if isinstance(value, float) and digits == 0:
        return "%.0f" % value
    return ("%%.%df" % digits) % value


def index_table(results, engines, text_bytes, n_passages):
    rows = ["| engine | passages | input MB | text MB | seconds | text MB/s | peak RSS MB | index MB | postings+positions MB | stored MB | nothing-changed re-index s |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for engine in engines:
        if engine == "kamerzoek-1t":
            continue    # the same index as kamerzoek's
        e = results["index"].get(engine)
        if e is None:
            rows.append("| %s | failed or skipped | | | | | | | | | |" % engine)
            continue
        passages = e.get("passages", n_passages)
        tb = e.get("text_bytes", text_bytes)
        inp = e.get("input_bytes", tb)
        secs = e.get("seconds")
        rate = (tb / 1e6 / secs) if (tb and secs) else None
        rss = e.get("peak_rss_kb")
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            engine, "" if passages is None else passages, mb(inp), mb(tb), fmt(secs, 2), fmt(rate, 2),
            "" if rss is None else "%.0f" % (rss / 1024.0), mb(e.get("index_bytes_total")),
            mb(e.get("index_bytes_postings_positions")), mb(e.get("index_bytes_stored")),
            fmt(e.get("reindex_seconds"), 3) if engine == "kamerzoek" else "n/a"))
    return "\n".join(rows)


def search_table(results, engines):
    types = []
    for engine in engines:
        for t in results["search"].get(engine, {}).get("by_type", {}):
            if t not in types:
                types.append(t)
    types.sort(key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t))
    rows = ["| engine | " + " | ".join(types) + " |", "|---|" + "---:|" * len(types)]
    for engine in engines:
        s = results["search"].get(engine)
        if s is None:
            rows.append("| %s | " % engine + " | ".join("failed or skipped" if i == 0 else "" for i in range(len(types))) + " |")
            continue
        cells = []
        for t in types:
            bt = s["by_type"].get(t)
            cells.append("" if not bt else "%s / %s / %s" % (fmt(bt.get("p50_us"), 0), fmt(bt.get("p95_us"), 0), fmt(bt.get("p99_us"), 0)))
        rows.append("| %s | %s |" % (engine, " | ".join(cells)))
    return "\n".join(rows)


def hits_table(results, engines, queries):
    present = [e for e in engines if e in results["search"]]
    rows = ["| type | query | " + " | ".join(present) + " |", "|---|---|" + "---:|" * len(present)]
    lookup = {}
    for engine in present:
        for q in results["search"][engine].get("queries", []):
            lookup[(engine, q["type"], q["query"])] = q
    for q in queries:
        cells = []
        for engine in present:
            r = lookup.get((engine, q["type"], q["query"]))
            if r is None:
                cells.append("")
            elif r.get("hits_exact", True):
                cells.append("%d" % r["hits"])
            elif r.get("count") is not None:      # Lucene: lower bound while timed, exact count untimed
                cells.append("≈%d (%d)" % (r["hits"], r["count"]))
            else:
                cells.append("≈%d" % r["hits"])
        rows.append("| %s | %s | %s |" % (q["type"], q["query"].replace("|", "\\|"), " | ".join(cells)))
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder kamerzoek indexes (needed unless --passages is given)")
    ap.add_argument("--work", required=True, help="scratch folder for indexes and results")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--engines", default=",".join(ALL_ENGINES))
    ap.add_argument("--out", help="combined JSON (default WORK/results.json)")
    ap.add_argument("--queries-tsv", default=os.path.join(REPO, "bench", "queries-by-type.tsv"))
    ap.add_argument("--build-dir", help="folder with the kamerzoek binary (default .build/release)")
    ap.add_argument("--bench-build-dir",
                    help="folder with PassageExport and SearchBenchmark, which bench/Package.swift builds "
                         "(default: --build-dir when it is given, else bench/.build/release)")
    ap.add_argument("--passages", help="use this passages JSONL instead of kamerzoek's export (skips kamerzoek indexing)")
    ap.add_argument("--kz-index", help="with --passages: an existing kamerzoek index to search")
    ap.add_argument("--timeout", type=float, default=4 * 3600, help="seconds allowed per subprocess")
    args = ap.parse_args()
    # One folder given is taken to hold all three binaries (copies of one commit's builds, as
    # docs/BENCHMARKS.md makes them); by default each comes from the package that builds it.
    args.bench_build_dir = args.bench_build_dir or args.build_dir or os.path.join(REPO, "bench", ".build", "release")
    args.build_dir = args.build_dir or os.path.join(REPO, ".build", "release")

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ALL_ENGINES]
    if unknown:
        ap.error("unknown engines: %s" % ", ".join(unknown))
    if not args.passages and not args.corpus:
        ap.error("--corpus is required unless --passages is given")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)
    out_path = args.out or os.path.join(args.work, "results.json")

    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "corpus": args.corpus,
               "rounds": args.rounds, "engines": engines, "index": {}, "search": {}, "failures": []}
    if not os.path.exists("/usr/bin/time"):
        sys.exit("run.py needs /usr/bin/time (apt-get install -y time)")

    kz_index = args.kz_index
    if args.passages:
        passages = os.path.abspath(args.passages)
    else:
        results.setdefault("loadavg", {})["kamerzoek index"] = round(os.getloadavg()[0], 2)
        kz_index = kamerzoek_index(args, results)     # a failure here stops the run: peers need the export
        passages = export_passages(args, kz_index)
    n_passages, text_bytes = passages_stats(passages)
    results["passages_file"] = passages
    results["passages"] = n_passages
    results["text_bytes"] = text_bytes
    if "kamerzoek" in results["index"]:
        results["index"]["kamerzoek"]["passages"] = n_passages
        results["index"]["kamerzoek"]["text_bytes"] = text_bytes

    queries = querymix.load_tsv(args.queries_tsv)
    queries_json = os.path.join(args.work, "queries.json")
    with open(queries_json, "w", encoding="utf-8") as fh:
        fh.write(querymix.dumps(queries))

    for engine in engines:
        if engine in ("kamerzoek", "kamerzoek-1t"):
            if kz_index:
                attempt(results, engine, "search", kamerzoek_search, kz_index, args, results, engine)
            continue
        if engine == "lucene" and not os.path.exists(os.path.join(HERE, "lucene", "lucene_peer.sh")):
            log("lucene: bench/peers/lucene/lucene_peer.sh is missing; skipped")
            results["failures"].append({"engine": "lucene", "stage": "index", "error": "lucene_peer.sh missing"})
            continue
        index_dir = attempt(results, engine, "index", peer_index, engine, args, passages, results)
        if index_dir:
            attempt(results, engine, "search", peer_search, engine, index_dir, args, queries_json, results)

    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(results, fh, ensure_ascii=False, indent=1)

    tables = []
    tables.append("### Indexing (%d passages, %.1f MB of passage text)\n" % (n_passages, text_bytes / 1e6))
    tables.append(index_table(results, engines, text_bytes, n_passages))
    tables.append("\n### Search latency, µs: p50 / p95 / p99 (%d rounds after one warm-up round)\n" % args.rounds)
    tables.append(search_table(results, engines))
    tables.append("\n### Matching passages per query (≈N = the engine's timed count is an estimate or lower bound; (M) = its exact count, taken untimed)\n")
    tables.append(hits_table(results, engines, queries))
    kz = results["index"].get("kamerzoek")
    if kz and kz.get("format_versions"):
        tables.append("\nkamerzoek's index: format version %s (segment headers); binaries from %s."
                      % (", ".join(map(str, kz["format_versions"])),
                         " and ".join(sorted({args.build_dir, args.bench_build_dir}))))
    loads = results.get("loadavg", {})
    if loads:
        # The previous step of this run counts too (the 1-minute average lags), so about 1-2 is
        # normal here; clearly more means other work shared the 2 cores.
        tables.append("\n1-minute load average before each step: %s"
                      % ", ".join("%s %.1f" % kv for kv in loads.items()))
    if results["failures"]:
        tables.append("\n### Failures\n")
        for f in results["failures"]:
            tables.append("- %s %s: %s" % (f["engine"], f["stage"], f["error"][:300].replace("\n", " ")))
    text = "\n".join(tables) + "\n"
    with open(os.path.join(args.work, "tables.md"), "w", encoding="utf-8") as fh:
        fh.write(text)
    sys.stdout.write(text)
    log("results: %s" % out_path)
    return 1 if results["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
