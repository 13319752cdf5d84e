#!/usr/bin/env python3
"""The assessor's manual run, the second source of the judging pool (docs/EVALUATION.md).

For every topic, the case-insensitive regular expression in manual-patterns.tsv (written
before the first search) is counted over each document's whitespace-flattened text; the
10 documents with the most matches go to pool-manual.tsv. It reads the files directly and
knows nothing of kamerzoek's analyzer, so it finds documents no stemming variant matches.

    python3 bench/eval/manual-pool.py
"""
import os
import re

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
folders = ["Corpus", "bench/eval/corpus/kamervragen"]

documents = {}
for folder in folders:
    for name in sorted(os.listdir(os.path.join(root, folder))):
        path = os.path.join(folder, name)
        if name in ("README.md", "SOURCES.md") or not os.path.isfile(os.path.join(root, path)):
            continue
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            documents[name.rsplit(".", 1)[0]] = (path, " ".join(f.read().split()))

lines = ["# topic\tdoc_id\tsource\thits (assessor's manual run: top 10 documents by matches of the pattern in manual-patterns.tsv)"]
with open(os.path.join(here, "manual-patterns.tsv"), encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        topic, pattern = line.rstrip("\n").split("\t")
        expression = re.compile(pattern, re.I)
        counts = sorted((-len(expression.findall(text)), doc, path) for doc, (path, text) in documents.items())
        lines += [f"{topic}\t{doc}\t{path}\t{-count}" for count, doc, path in counts[:10] if count < 0]
with open(os.path.join(here, "pool-manual.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines) - 1} (topic, document) pairs → bench/eval/pool-manual.tsv")
