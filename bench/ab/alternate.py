#!/usr/bin/env python3
"""Alternating A/B runs of SearchBenchmark builds, for changes smaller than this VM's noise.

    python3 bench/ab/alternate.py ROUNDS ALTERNATIONS QUERIES.tsv BINARY:INDEX [BINARY:INDEX ...]

Runs `BINARY --index INDEX --by-type QUERIES.tsv --rounds ROUNDS` for each pair in turn,
ALTERNATIONS times over, and prints per pair and query type the median of the runs' p50
(µs). Wall clock on the project machine drifts by up to 30% within minutes; alternating
the builds and taking the median keeps a drift from landing on one side only.
Example (docs/BENCHMARKS.md, "What session 5 changed"): copy each build's
bench/.build/release/SearchBenchmark to its own folder, then
    python3 bench/ab/alternate.py 5 8 bench/queries-by-type.tsv /tmp/a/SearchBenchmark:/tmp/idx /tmp/b/SearchBenchmark:/tmp/idx
"""
import collections
import statistics
import subprocess
import sys


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    rounds, alternations, queries = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    pairs = [argument.split(':', 1) for argument in sys.argv[4:]]
    medians = collections.defaultdict(lambda: collections.defaultdict(list))
    types: list[str] = []
    for _ in range(alternations):
        for binary, index in pairs:
            run = subprocess.run([binary, '--index', index, '--by-type', queries, '--rounds', str(rounds)],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f'{binary} failed: {run.stderr.strip()}')
            # Lines: type, n, mean, p50, p95, p99 (µs), after a header line.
            for line in run.stdout.splitlines()[1:]:
                fields = line.split()
                if len(fields) == 6 and fields[1].isdigit():
                    medians[(binary, index)][fields[0]].append(int(fields[3]))
                    if fields[0] not in types:
                        types.append(fields[0])
    print('build @ index'.ljust(48) + ''.join(name.rjust(12) for name in types))
    for binary, index in pairs:
        runs = medians[(binary, index)]
        print(f'{binary} @ {index}'[-48:].ljust(48) + ''.join(str(int(statistics.median(runs[name]))).rjust(12) for name in types))


if __name__ == '__main__':
    main()
