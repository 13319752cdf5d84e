#!/usr/bin/env python3
"""Deterministic ~1 GB Dutch corpus for kamerzoek's scale benchmarks.

    python3 bench/corpus1g/generate.py --source ../shared/corpus --out /tmp/corpus1g \
        --bytes 1000000000 --seed 1

Reads the plain-text and Markdown folders of the shared corpus (letters,
kamervragen-txt, sgd-ocr-txt, wetten-md: every *.txt / *.md file) and writes
new .txt / .md files until --bytes is reached.  Each new file:

  * takes a base document from a folder picked in proportion to that folder's
    number of source files (so the share of bytes and files of laws, OCR'd
    papers, questions and letters stays as in the real corpus), visiting the
    folder's documents in a shuffled order so all of them are used before any
    is used again;
  * keeps the base's head in place (its first block; for a law the `<meta>`
    line and the `##` title; for OCR text the first 6 lines), replaces about a
    quarter of the other paragraphs (blocks separated by a blank line) with
    paragraphs of other documents from the same folder, swaps some neighbouring paragraphs, and drops or adds a few so
    the length varies by up to about +-20 %.  In a folder whose texts mostly
    have no blank lines at all (sgd-ocr-txt: OCR output, one line per printed
    line or paragraph), lines take the place of paragraphs;
  * varies some numbers: about one in three digit runs gets new digits of the
    same length (years 1800-2039 are shifted by up to 6 years instead, and
    one- and two-digit numbers become 1-31 so day numbers stay plausible), which
    adds new number terms and dates but leaves the words alone.

So term statistics and document lengths follow the real corpus, the vocabulary
grows only by numbers, and no two files are the same (a file whose text was
already written gets one more paragraph until it is new).  Everything random
comes from one random.Random(seed) and the source files are read in sorted
order, so the same arguments give byte-identical output.

Layout: OUT/<source folder>/<NNNN>/<base name>-g<NNNNNNN>.<ext>, at most 1,000
files per leaf folder.  The base name is kept as a prefix because kamerzoek
reads a document's kind from prefixes such as kv- and ah-.
"""
import argparse
import hashlib
import os
import random
import re
import sys
import time

FOLDERS = ["letters", "kamervragen-txt", "sgd-ocr-txt", "wetten-md"]
EXTENSIONS = (".txt", ".md")
FILES_PER_DIR = 1000
REPLACE_FRACTION = 0.25
SWAP_FRACTION = 0.15
NUMBER_CHANGE = 0.33
HEAD_LINES = 6          # line-mode texts: the first lines (chamber, session, number, title) stay

_BLOCK_SPLIT = re.compile(r"\n[ \t\r]*\n")
_NUMBER = re.compile(r"\d+")


class Source:
    __slots__ = ("folder", "docs", "pool", "order", "next", "bytes", "joiner")

    def __init__(self, folder):
        self.folder = folder
        self.docs = []       # list of (name, ext, [blocks])
        self.pool = []       # every non-first block of every document, for mixing
        self.order = []
        self.next = 0
        self.bytes = 0
        self.joiner = "\n\n"   # "\n" when the folder's texts are one block of lines (OCR)


def load_sources(root):
    sources = []
    for folder in FOLDERS:
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            continue
        src = Source(folder)
        texts = []
        for name in sorted(os.listdir(path)):
            stem, ext = os.path.splitext(name)
            if ext not in EXTENSIONS or not os.path.isfile(os.path.join(path, name)):
                continue
            with open(os.path.join(path, name), "rb") as fh:
                raw = fh.read()
            src.bytes += len(raw)
            texts.append((stem, ext, raw.decode("utf-8", "replace").replace("\r\n", "\n")))
        split = [(stem, ext, [b.strip("\n") for b in _BLOCK_SPLIT.split(text) if b.strip()])
                 for stem, ext, text in texts]
        if sum(1 for _s, _e, blocks in split if len(blocks) <= 1) * 2 > len(split):
            # Mostly texts without blank lines (the OCR folder): mix lines instead of paragraphs.
            src.joiner = "\n"
            split = [(stem, ext, [l for l in text.split("\n") if l.strip()]) for stem, ext, text in texts]
        for stem, ext, blocks in split:
            if not blocks:
                continue
            nhead = head_length(blocks, src.joiner == "\n")
            src.docs.append((stem, ext, blocks, nhead))
            src.pool.extend(blocks[nhead:])
        if src.docs:
            if not src.pool:
                src.pool = [blocks[0] for _s, _e, blocks, _n in src.docs]
            sources.append(src)
    return sources


def head_length(blocks, lines):
    """How many leading blocks stay in place: the title block(s) kamerzoek reads metadata from."""
    if lines:
        return min(len(blocks), HEAD_LINES)
    n = 0
    while n < len(blocks) - 1 and blocks[n].lstrip().startswith("<"):    # wetten-md: the <meta> line
        n += 1
    return n + 1


def pick_base(src, rng):
    if src.next >= len(src.order):
        src.order = list(range(len(src.docs)))
        rng.shuffle(src.order)
        src.next = 0
    doc = src.docs[src.order[src.next]]
    src.next += 1
    return doc


def vary_numbers(text, rng):
    def repl(match):
        digits = match.group(0)
        if rng.random() >= NUMBER_CHANGE:
            return digits
        n = len(digits)
        if n == 4 and 1800 <= int(digits) <= 2039:
            return str(min(2039, max(1800, int(digits) + rng.randint(-6, 6))))
        if n > 9:                       # long ids: change the last few digits only
            return digits[:-4] + "%04d" % rng.randrange(10000)
        if n <= 2:                      # days, article and list numbers: stay in 1-31
            return str(rng.randint(1, 31))
        lead = digits[0] == "0"
        value = rng.randrange(10 ** (n - 1), 10 ** n)
        out = str(value)
        return ("0" + out[1:]) if lead else out
    return _NUMBER.sub(repl, text)


def make_document(src, rng):
    stem, ext, blocks, nhead = pick_base(src, rng)
    head, body = blocks[:nhead], list(blocks[nhead:])
    pool = src.pool
    # replace some paragraphs with paragraphs of other documents of the same folder
    for i in range(len(body)):
        if rng.random() < REPLACE_FRACTION:
            body[i] = pool[rng.randrange(len(pool))]
    # swap some neighbours
    for i in range(len(body) - 1):
        if rng.random() < SWAP_FRACTION:
            body[i], body[i + 1] = body[i + 1], body[i]
    # vary the length by up to about 20 %
    change = int(round(len(body) * rng.uniform(-0.2, 0.2)))
    if change < 0:
        for _ in range(-change):
            if len(body) <= 1:
                break
            del body[rng.randrange(len(body))]
    else:
        for _ in range(change):
            body.insert(rng.randrange(len(body) + 1), pool[rng.randrange(len(pool))])
    if not body and rng.random() < 0.5:
        body.append(pool[rng.randrange(len(pool))])
    text = src.joiner.join(head + body) + "\n"
    return stem, ext, vary_numbers(text, rng)


def generate(source_root, out_root, target_bytes, seed, quiet=False):
    rng = random.Random(seed)
    sources = load_sources(source_root)
    if not sources:
        raise SystemExit("no .txt/.md files under %s/{%s}" % (source_root, ",".join(FOLDERS)))
    weights = [len(s.docs) for s in sources]     # per file picked, so bytes follow the source's shares
    cumulative = []
    acc = 0
    for w in weights:
        acc += w
        cumulative.append(acc)
    per_folder_files = {s.folder: 0 for s in sources}
    per_folder_bytes = {s.folder: 0 for s in sources}
    total = files = 0
    serial = 0
    start = time.time()
    made_dirs = set()
    seen = set()
    while total < target_bytes:
        r = rng.random() * acc
        src = sources[next(i for i, c in enumerate(cumulative) if r < c)]
        stem, ext, text = make_document(src, rng)
        data = text.encode("utf-8")
        digest = hashlib.blake2b(data, digest_size=16).digest()
        while digest in seen:          # never write the same text twice: add one more paragraph
            text = text + src.joiner + src.pool[rng.randrange(len(src.pool))] + "\n"
            data = text.encode("utf-8")
            digest = hashlib.blake2b(data, digest_size=16).digest()
        seen.add(digest)
        count = per_folder_files[src.folder]
        leaf = os.path.join(out_root, src.folder, "%04d" % (count // FILES_PER_DIR))
        if leaf not in made_dirs:
            os.makedirs(leaf, exist_ok=True)
            made_dirs.add(leaf)
        name = "%s-g%07d%s" % (stem, serial, ext)
        with open(os.path.join(leaf, name), "wb") as fh:
            fh.write(data)
        serial += 1
        per_folder_files[src.folder] = count + 1
        per_folder_bytes[src.folder] += len(data)
        total += len(data)
        files += 1
        if not quiet and files % 20000 == 0:
            sys.stderr.write("  %d files, %.0f MB, %.0f s\n" % (files, total / 1e6, time.time() - start))
    return {"files": files, "bytes": total, "seconds": round(time.time() - start, 1),
            "by_folder": {f: {"files": per_folder_files[f], "bytes": per_folder_bytes[f]} for f in per_folder_files}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", required=True, help="the shared corpus folder (../shared/corpus)")
    ap.add_argument("--out", required=True, help="output folder (must be empty or absent)")
    ap.add_argument("--bytes", type=int, default=1000000000, help="stop once this many bytes are written")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if os.path.isdir(args.out) and os.listdir(args.out):
        raise SystemExit("--out %s is not empty; remove it first (output must not mix with older runs)" % args.out)
    summary = generate(args.source, args.out, args.bytes, args.seed)
    print("generated %d files, %d bytes (%.1f MB) in %s s into %s"
          % (summary["files"], summary["bytes"], summary["bytes"] / 1e6, summary["seconds"], args.out))
    for folder, s in summary["by_folder"].items():
        print("  %-16s %7d files %13d bytes" % (folder, s["files"], s["bytes"]))


if __name__ == "__main__":
    main()
