#!/usr/bin/env python3
"""Wall time of one `kamerzoek search` process, as a staffer runs it (warm page cache).

    python3 bench/cli/wall.py BINARY INDEX [QUERY ...]

Runs `BINARY search QUERY --index INDEX --limit 10` five times per query (default query:
stikstof) and prints the median, the 90th percentile and the maximum in milliseconds.
Peak memory of one search: `/usr/bin/time -f "%e s %M KB" BINARY search minister --index INDEX`.
"""
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
binary, index = sys.argv[1], sys.argv[2]
queries = sys.argv[3:] or ["stikstof"]
times = []
for _ in range(5):
    for query in queries:
        started = time.perf_counter()
        subprocess.run([binary, "search", query, "--index", index, "--limit", "10"], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - started) * 1000)
times.sort()
print(f"n={len(times)} median {statistics.median(times):.1f} ms  p90 {times[int(len(times) * 0.9)]:.1f} ms  max {times[-1]:.1f} ms")
