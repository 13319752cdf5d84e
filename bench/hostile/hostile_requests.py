#!/usr/bin/env python3
"""Hostile requests against `kamerzoek serve` (issue 7): while the server is flooded with
odd and hostile traffic, a well-behaved client keeps asking a normal query; its latency
must stay near what it is on a quiet server, and every hostile request must get a clean
answer (a 4xx with a JSON error, or a 200) — never a hang, a 500 or a dropped server.

Hostile traffic, all at once:
  - a 1 MB query string, 10,000 terms, 1,000 nested parentheses, `*` alone,
    limit=1000000000, invalid percent-encoding, a 100 KB path;
  - slow clients that trickle a request one byte every 0.5 s (slowloris);
  - hundreds of concurrent idle connections.

Usage: python3 bench/hostile/hostile_requests.py [--binary PATH] [--port 18090] [--seconds 20]
"""
import argparse, os, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def get(url, timeout=10.0, headers=None):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, time.monotonic() - started


def measure(base, rounds):
    latencies = []
    for _ in range(rounds):
        # A client of its own for the fair-use limits (issue 21): the hostile loops are the
        # loopback peer, this one an address that the trusted loopback proxy forwards.
        status, seconds = get(base + "/api/search?q=huiselijk+geweld", headers={"X-Forwarded-For": "192.0.2.2"})
        if status != 200:
            raise SystemExit(f"the normal query got {status}")
        latencies.append(seconds * 1000)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kamerzoek"))
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--idle", type=int, default=300)
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds between one kind's hostile requests (0: as fast as possible, a CPU flood)")
    options = parser.parse_args()
    if not os.path.exists(options.binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "kamerzoek"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="kamerzoek-hostile-")
    index = os.path.join(work, "index")
    subprocess.run([options.binary, "index", os.path.join(ROOT, "Corpus"), "--index", index, "--json"], check=True, capture_output=True)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([options.binary, "serve", "--index", index, "--port", str(options.port)], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{options.port}"
    try:
        for _ in range(100):
            try:
                if get(base + "/health", timeout=1)[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        quiet_p50, quiet_p99 = measure(base, 200)
        print(f"quiet server: normal query p50 {quiet_p50:.1f} ms, p99 {quiet_p99:.1f} ms")

        stop = threading.Event()
        outcomes = {}
        lock = threading.Lock()

        def record(kind, status):
            with lock:
                outcomes.setdefault(kind, {}).setdefault(status, 0)
                outcomes[kind][status] += 1

        hostile = {
            "1 MB query": "/api/search?q=" + "a" * (1 << 20),
            "10,000 terms": "/api/search?q=" + urllib.parse.quote(" ".join(f"w{i}" for i in range(10000))),
            "1,000 nested parentheses": "/api/search?q=" + urllib.parse.quote("(" * 1000 + "geweld" + ")" * 1000),
            "* alone": "/api/search?q=*",
            "limit=1000000000": "/api/search?q=geweld&limit=1000000000",
            "bad percent-encoding": "/api/search?q=%ZZ%",
            "100 KB path": "/api/documents/" + "x" * 100_000,
        }

        def hostile_loop(kind, path):
            while not stop.is_set():
                try:
                    status, _ = get(base + path, timeout=10)
                except (urllib.error.URLError, OSError) as error:
                    status = f"connection: {type(error).__name__}"
                record(kind, status)
                if options.pace:
                    time.sleep(options.pace)

        def slowloris():
            while not stop.is_set():
                try:
                    connection = socket.create_connection(("127.0.0.1", options.port), timeout=5)
                    record("slow client", "connected")
                    for byte in b"GET /api/search?q=geweld HTTP/1.1\r\nHost: x\r\n":
                        if stop.is_set():
                            break
                        connection.send(bytes([byte]))
                        time.sleep(0.5)
                    connection.close()
                    record("slow client", "trickled")
                except OSError as error:
                    record("slow client", f"closed by server: {type(error).__name__}")

        idle = []
        for _ in range(options.idle):
            try:
                idle.append(socket.create_connection(("127.0.0.1", options.port), timeout=5))
            except OSError:
                record("idle connection", "refused")
        record("idle connection", f"{len(idle)} open")
        threads = [threading.Thread(target=hostile_loop, args=item, daemon=True) for item in hostile.items()]
        threads += [threading.Thread(target=slowloris, daemon=True) for _ in range(options.slow)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        loaded_p50, loaded_p99 = measure(base, int(options.seconds * 10))
        stop.set()
        for connection in idle:
            connection.close()
        print(f"under hostile load: normal query p50 {loaded_p50:.1f} ms, p99 {loaded_p99:.1f} ms")
        for kind, statuses in sorted(outcomes.items()):
            print(f"  {kind}: {statuses}")
        bad = {kind: s for kind, s in outcomes.items() if any(str(status).startswith("5") for status in s)}
        if bad:
            raise SystemExit(f"server errors: {bad}")
        if server.poll() is not None:
            raise SystemExit("the server died")
        print("no 5xx, the server kept answering")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
