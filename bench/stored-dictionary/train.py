#!/usr/bin/env python3
"""Trains the zstd dictionary that kamerzoek compresses stored records with (format 9).

The samples are the uncompressed stored records (.sto) of indexes that `kamerzoek index`
wrote, one file per document, with each record's absolute source path cut down to the
path below the folder that was indexed, so that the dictionary learns no machine's paths.

    python3 bench/stored-dictionary/train.py --out Sources/CStoredRecordDictionary/stored-records.zdict \
        INDEX_DIR=INDEXED_FOLDER [INDEX_DIR=INDEXED_FOLDER ...]

Needs the `zstd` command (Debian: zstd). Records compressed with an earlier dictionary
are decoded with `--previous FILE`. The dictionary ID is fixed (DICTIONARY_ID below): a
frame names the dictionary it needs, and readers look the ID up; a new dictionary must
get a new ID, and readers must keep the old one. Sources of the shipped dictionary:
docs/INDEX_FORMAT.md, "Compressed blocks".
"""
import argparse
import glob
import os
import subprocess
import tempfile

DICTIONARY_ID = 0x4B5A5301  # "KZS" 1
DICTIONARY_BYTES = 256 * 1024
HEADER_BYTES, FOOTER_BYTES = 24, 12


def varint(data, offset):
    value, shift = 0, 0
    while True:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, offset


def encode_varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def records(index_dir, previous):
    for path in sorted(glob.glob(os.path.join(index_dir, "_*.sto"))):
        data = open(path, "rb").read()
        offset, end = HEADER_BYTES, len(data) - FOOTER_BYTES
        while offset < end:
            uncompressed, offset = varint(data, offset)
            compressed, offset = varint(data, offset)
            frame = data[offset:offset + compressed]
            offset += compressed
            command = ["zstd", "-d", "-q", "-c"] + (["-D", previous] if previous else [])
            record = subprocess.run(command, input=frame, capture_output=True, check=True).stdout
            if len(record) != uncompressed:
                raise SystemExit(f"{path}: a record decoded to {len(record)} bytes, not {uncompressed}")
            yield record


def relative_source(record, folder):
    """The record with its source (its first field, a varint-prefixed string) made relative."""
    length, start = varint(record, 0)
    source = record[start:start + length].decode("utf-8")
    prefix = folder.rstrip("/") + "/"
    if source.startswith(prefix):
        source = source[len(prefix):]
    encoded = source.encode("utf-8")
    return encode_varint(len(encoded)) + encoded + record[start + length:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--previous", help="the dictionary the indexes' records were compressed with, if any")
    parser.add_argument("pairs", nargs="+", metavar="INDEX_DIR=INDEXED_FOLDER")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as samples:
        count = 0
        for pair in arguments.pairs:
            index_dir, folder = pair.split("=", 1)
            for record in records(index_dir, arguments.previous):
                with open(os.path.join(samples, f"{count:07d}"), "wb") as sample:
                    sample.write(relative_source(record, os.path.abspath(folder)))
                count += 1
        files = sorted(glob.glob(os.path.join(samples, "*")))
        subprocess.run(["zstd", "-q", "--train", *files, "-o", arguments.out,
                        f"--maxdict={DICTIONARY_BYTES}", f"--dictID={DICTIONARY_ID}"], check=True)
        print(f"{count} records, dictionary {os.path.getsize(arguments.out)} bytes → {arguments.out}")


if __name__ == "__main__":
    main()
