#!/usr/bin/env python3
"""Several `kamerzoek serve` processes behind nginx, under load, while the index changes
and a backend dies (issue 21, docs/DEPLOY.md).

What it does, all on 127.0.0.1 and inside one temporary folder:

1. builds release kamerzoek (skip with --no-build);
2. checks the nginx site file docs/deploy/nginx-kamerzoek.conf inside Debian's own
   /etc/nginx/nginx.conf (nginx -t), and that docs/DEPLOY.md shows docs/deploy/ as it is;
3. copies a corpus (Corpus/ and every 3rd file of ../shared/corpus when that exists) and
   indexes it;
4. starts --backends `kamerzoek serve` processes on that one index and nginx in front of
   them, in the foreground with its own prefix, pid and logs, running the site file as it
   is (only its ports and log folder replaced);
5. runs wrk through nginx for --duration seconds (queries.lua, the queries of
   queries.txt), while in parallel
   (a) round after round, the corpus is changed (files added, removed, changed, and a new
       file with a marker word, so that every commit answers differently) and
       `kamerzoek index` run again, with one worker at nice 10 as kamerzoek-index.service
       does, and
   (b) one backend is killed with SIGKILL at --kill-at and started again --down seconds
       later (or --rolling-at: every backend in turn stopped with SIGTERM and started);
6. reports requests/s, p50/p99, every error the client saw (socket errors, timeouts,
   non-2xx), what nginx retried and why, request times during the rounds and the outage,
   the timeline, and whether every answer came from a committed generation and says what
   that generation says: after each indexing run `kamerzoek search --batch` on the index
   gives each query's total, and every answer's (Kamerzoek-Generation, total) must agree.
   Exit status 0 when all is clean, 2 when not.

Everything it started is stopped and the folder removed at the end, also on Ctrl-C or
SIGTERM (--keep leaves the folder for a look at the logs).

    python3 bench/deploy/run.py                      # 30 s, 2 backends, 32 connections
    python3 bench/deploy/run.py --kill-signal TERM --backends 3
    python3 bench/deploy/run.py --rounds 0 --kill-at -1        # the same load, undisturbed
    python3 bench/deploy/run.py --direct --backends 1 --rounds 0   # one backend, no nginx
    python3 bench/deploy/run.py --kill-at -1 --rolling-at 5        # a rolling restart
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SITE_FILE = ROOT / "docs" / "deploy" / "nginx-kamerzoek.conf"
MARKER = "kzmerkteken"


def parse_arguments() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--duration", type=float, default=30, help="seconds of measured load (default 30)")
    p.add_argument("--warmup", type=float, default=3, help="seconds of load before, not counted (default 3)")
    p.add_argument("--backends", type=int, default=2, help="kamerzoek serve processes (default 2)")
    p.add_argument("--port", type=int, default=18480, help="nginx's port; the backends take the next ones (default 18480)")
    p.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    p.add_argument("--wrk-threads", type=int, default=1, help="wrk threads (default 1)")
    p.add_argument("--timeout", type=float, default=2, help="wrk's per-request timeout in seconds (default 2)")
    p.add_argument("--corpus", action="append", type=Path, help="a folder to copy into the corpus (repeatable; default Corpus/)")
    p.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus", help="the shared corpus (default ../shared/corpus)")
    p.add_argument("--shared-every", type=int, default=3, help="index every Nth file of the shared corpus at the start, 0 for none (default 3)")
    p.add_argument("--first-round", type=float, default=2, help="seconds into the run of the first indexing round (default 2)")
    p.add_argument("--pause", type=float, default=3, help="seconds between the end of a round and the next (default 3)")
    p.add_argument("--rounds", type=int, default=-1, help="at most this many indexing rounds, 0 for none, -1: as many as fit (default -1)")
    p.add_argument("--add", type=int, default=400, help="files added per round, from the shared corpus files not indexed yet (default 400)")
    p.add_argument("--remove", type=int, default=100, help="files removed per round (default 100)")
    p.add_argument("--change", type=int, default=100, help="text and Markdown files changed per round (default 100)")
    p.add_argument("--index-threads", type=int, default=1,
                   help="`kamerzoek index --threads` of the rounds, 0: its default, the cores (default 1, as kamerzoek-index.service)")
    p.add_argument("--index-nice", type=int, default=10, help="niceness of the rounds' `kamerzoek index` (default 10, as kamerzoek-index.service)")
    p.add_argument("--kill-at", type=float, default=10, help="seconds into the run when a backend gets SIGKILL, negative for never (default 10)")
    p.add_argument("--down", type=float, default=4, help="seconds the killed backend stays down (default 4)")
    p.add_argument("--kill-signal", default="KILL", help="KILL (default) or TERM, INT")
    p.add_argument("--rolling-at", type=float, default=-1,
                   help="seconds into the run of a rolling restart: each backend in turn stopped with SIGTERM, started, "
                        "and waited for as DEPLOY.md's loop does; negative for none (default)")
    p.add_argument("--rolling-gap", type=float, default=3,
                   help="seconds between one backend answering /health again and stopping the next (default 3, "
                        "more than the site's fail_timeout)")
    p.add_argument("--direct", action="store_true", help="wrk straight to the first backend, not through nginx (a baseline; no kill)")
    p.add_argument("--seed", type=int, default=21)
    p.add_argument("--no-build", action="store_true", help="use the release binary as it is")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, index)")
    p.add_argument("--json", type=Path, help="also write the report as JSON to this file")
    a = p.parse_args()
    if a.backends < 1:
        p.error("--backends must be at least 1")
    if a.corpus is None:
        a.corpus = [ROOT / "Corpus"]
    return a


class Run:
    """The processes and files of one run, and what happened when."""

    def __init__(self, args: argparse.Namespace, binary: Path, work: Path):
        self.args = args
        self.binary = binary
        self.work = work
        self.index = work / "index"
        self.corpus = work / "corpus"
        self.backend_ports = [args.port + 1 + i for i in range(args.backends)]
        self.backends: dict[int, subprocess.Popen] = {}
        self.nginx: subprocess.Popen | None = None
        self.wrk: subprocess.Popen | None = None
        self.calls: set[subprocess.Popen] = set()  # `kamerzoek index` and `search` running now
        self.lock = threading.Lock()
        self.events: list[tuple[float, str]] = []
        self.t0 = time.monotonic()
        # generation -> {query: total}: what each committed generation answers.
        self.expected: dict[int, dict[str, int]] = {}
        self.last_generation = 0
        self.rounds: list[dict] = []
        self.outage: list[float | None] | None = None  # [killed, healthy again], seconds into the run
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.random = random.Random(args.seed)
        self.queries = [q for q in (HERE / "queries.txt").read_text().splitlines() if q.strip()]
        self.pool: list[Path] = []  # shared corpus files not copied yet
        self.backend_generations: dict[int, list[tuple[float, int]]] = {p: [] for p in self.backend_ports}

    # --- bookkeeping -------------------------------------------------------------------

    def now(self) -> float:
        return time.monotonic() - self.t0

    def event(self, text: str) -> None:
        with self.lock:
            self.events.append((self.now(), text))

    def wall(self, at: float) -> float:
        """A time of the run (seconds since t0) as epoch seconds, as nginx logs $msec."""
        return time.time() - (time.monotonic() - self.t0 - at)

    # --- corpus and index ---------------------------------------------------------------

    def prepare_corpus(self) -> None:
        for folder in self.args.corpus:
            shutil.copytree(folder, self.corpus / folder.resolve().name, dirs_exist_ok=True)
        shared = self.args.shared
        if self.args.shared_every > 0 and shared.is_dir():
            files = sorted(p for p in shared.rglob("*") if p.is_file())
            for n, source in enumerate(files):
                if n % self.args.shared_every == 0:
                    self.copy_shared(source)
                else:
                    self.pool.append(source)
            self.random.shuffle(self.pool)

    def copy_shared(self, source: Path) -> None:
        target = self.corpus / "shared" / source.relative_to(self.args.shared)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)

    def index_once(self, first: bool = False) -> dict:
        command = [str(self.binary), "index", str(self.corpus), "--index", str(self.index), "--json"]
        if not first:  # the first run, before the servers start, as fast as it goes
            if self.args.index_threads:
                command += ["--threads", str(self.args.index_threads)]
            if self.args.index_nice:
                command = ["nice", "-n", str(self.args.index_nice)] + command
        code, output, errors = self.call(command)
        ended = self.now()
        if code != 0:
            raise RuntimeError(f"kamerzoek index failed ({code}): {errors.strip()[-2000:]}")
        summary = json.loads(output)
        summary["ended"] = ended
        generation = summary["generation"]
        # Only this script writes the index, so the index is at `generation` until the
        # next round: what a search gives now is what every commit of this run gives (the
        # merges after a run's first commit change segments, not content).
        totals = self.totals_now()
        with self.lock:
            for g in range(self.last_generation + 1, generation + 1):
                self.expected[g] = totals
            self.last_generation = max(self.last_generation, generation)
        return summary

    def totals_now(self) -> dict[str, int]:
        batch = self.work / "queries.txt"
        if not batch.exists():
            batch.write_text("\n".join(self.queries) + "\n")
        code, output, errors = self.call([str(self.binary), "search", "--index", str(self.index), "--batch", str(batch), "--json"])
        if code != 0:
            raise RuntimeError(f"kamerzoek search failed ({code}): {errors.strip()[-2000:]}")
        totals = {}
        for line in output.splitlines():
            answer = json.loads(line)
            totals[answer["query"]] = answer["total"]
        return totals

    def change_corpus(self, round_number: int) -> str:
        shared_root = self.corpus / "shared"
        present = sorted(p for p in shared_root.rglob("*") if p.is_file()) if shared_root.exists() else []
        added = 0
        for _ in range(min(self.args.add, len(self.pool))):
            self.copy_shared(self.pool.pop())
            added += 1
        removable = [p for p in present if p.name != "MANIFEST.tsv"]
        removed = self.random.sample(removable, min(self.args.remove, len(removable)))
        for path in removed:
            path.unlink()
        texts = [p for p in present if p.suffix in (".txt", ".md") and p not in set(removed)]
        changed = self.random.sample(texts, min(self.args.change, len(texts)))
        for path in changed:
            with path.open("a", encoding="utf-8") as f:
                f.write(f"\n\nAanvulling in ronde {round_number}: {MARKER} bij de aanpak van huiselijk geweld.\n")
        marker = self.corpus / "markers" / f"ronde-{round_number}.txt"
        marker.parent.mkdir(exist_ok=True)
        marker.write_text(
            f"Ronde {round_number}\n\nDeze brief van ronde {round_number} noemt {MARKER} "
            + "en geweld " * round_number + "om de zoekresultaten per generatie te onderscheiden.\n")
        return f"+{added} -{len(removed)} ~{len(changed)} files, marker file {marker.name}"

    def reindex_loop(self, start_at: float, end_at: float) -> None:
        next_round = start_at
        number = 0
        while not self.stop.is_set():
            if self.args.rounds >= 0 and number >= self.args.rounds:
                return
            if self.stop.wait(max(0.0, next_round - self.now())):
                return
            if self.now() > end_at:
                return
            number += 1
            what = self.change_corpus(number)
            started = self.now()
            before = self.last_generation
            try:
                summary = self.index_once()
            except Exception as error:  # reported, and the run fails
                self.failures.append(f"indexing round {number}: {error}")
                self.event(f"indexing round {number} failed: {error}")
                return
            finished = summary["ended"]
            self.rounds.append({"round": number, "started": started, "finished": finished, "changes": what,
                                "generations": [before + 1, summary["generation"]], "seconds": summary["seconds"]})
            gens = f"generation {summary['generation']}" if summary["generation"] == before + 1 else \
                f"generations {before + 1}-{summary['generation']} (merges)"
            self.event(f"indexing round {number}: {what}; `kamerzoek index` {started:.1f}-{finished:.1f} s, "
                       f"committed {gens}")
            next_round = self.now() + self.args.pause

    # --- processes ---------------------------------------------------------------------

    def call(self, command: list[str]) -> tuple[int, str, str]:
        """Runs a command to its end, as a child that stop_all() ends if the run is stopped first."""
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                   text=True, start_new_session=True)
        with self.lock:
            self.calls.add(process)
        try:
            output, errors = process.communicate()
        finally:
            with self.lock:
                self.calls.discard(process)
        return process.returncode, output, errors

    def start_backend(self, port: int) -> None:
        log = open(self.work / f"backend-{port}.log", "a")
        self.backends[port] = subprocess.Popen(
            [str(self.binary), "serve", "--index", str(self.index), "--host", "127.0.0.1", "--port", str(port), "--threads", "1"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()

    def wait_healthy(self, port: int, seconds: float = 20) -> float:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self.now()
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"nothing healthy on port {port} after {seconds:.0f} s")

    def write_nginx_config(self) -> Path:
        """The site file as it is, with the run's ports and log folder; a main file around it."""
        prefix = self.work / "nginx"
        for sub in ("logs", "tmp"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        site = render_site(SITE_FILE.read_text(), self.args.port, self.backend_ports, prefix / "logs")
        (prefix / "kamerzoek.conf").write_text(site)
        user = "user root root;\n" if os.geteuid() == 0 else ""  # workers as the caller, not nobody
        temp = prefix / "tmp"
        main = f"""{user}daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {prefix}/kamerzoek.conf;
}}
"""
        (prefix / "nginx.conf").write_text(main)
        return prefix

    def check_in_debian_config(self) -> str:
        """nginx -t of the site file inside Debian's own /etc/nginx/nginx.conf (log paths moved)."""
        debian = Path("/etc/nginx/nginx.conf")
        if not debian.exists():
            return "no /etc/nginx/nginx.conf: not checked inside Debian's configuration"
        folder = self.work / "debian-check"
        (folder / "logs").mkdir(parents=True, exist_ok=True)
        site = SITE_FILE.read_text().replace("/var/log/nginx/", f"{folder}/logs/")
        (folder / "kamerzoek.conf").write_text(site)
        main = debian.read_text().replace("include /etc/nginx/sites-enabled/*;", f"include {folder}/kamerzoek.conf;")
        main = main.replace("/var/log/nginx/", f"{folder}/logs/")
        main = re.sub(r"(?m)^(\s*pid\s+)\S+;", f"\\g<1>{folder}/nginx.pid;", main)  # -t opens it, /run needs root
        (folder / "nginx.conf").write_text(main)
        done = subprocess.run(["nginx", "-t", "-q", "-p", str(folder), "-e", str(folder / "logs" / "error.log"),
                               "-c", str(folder / "nginx.conf")], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"nginx -t of the site file in Debian's nginx.conf failed:\n{done.stderr}")
        return "nginx -t: the site file inside Debian's nginx.conf is valid"

    def compression(self) -> str:
        """One search page through nginx, plain and with Accept-Encoding: gzip."""
        sizes = []
        for encoding in ("identity", "gzip"):
            request = urllib.request.Request(f"http://127.0.0.1:{self.args.port}/api/search?q=geweld&limit=10",
                                             headers={"Accept-Encoding": encoding})
            with urllib.request.urlopen(request, timeout=5) as answer:
                sizes.append((len(answer.read()), answer.headers.get("Content-Encoding")))
        (plain, _), (packed, used) = sizes
        head = urllib.request.Request(f"http://127.0.0.1:{self.args.port}/api/search?q=geweld&limit=10", method="HEAD")
        with urllib.request.urlopen(head, timeout=5) as answer:
            head_status, head_body = answer.status, len(answer.read())
            head_length = answer.headers.get("Content-Length")
        # The same search's length, give or take took_ms's digits.
        if head_status != 200 or head_body != 0 or not (head_length or "").isdigit() or abs(int(head_length) - plain) > 16:
            self.failures.append(f"HEAD through nginx: status {head_status}, {head_body} bytes of body, Content-Length {head_length}")
        return (f"gzip through nginx: /api/search?q=geweld {plain} bytes, {packed} bytes with gzip (Content-Encoding: {used}); "
                f"HEAD: {head_status}, Content-Length {head_length}, no body")

    def start_nginx(self) -> None:
        prefix = self.write_nginx_config()
        base = ["nginx", "-p", str(prefix), "-e", str(prefix / "logs" / "error.log"), "-c", str(prefix / "nginx.conf")]
        test = subprocess.run(base + ["-t", "-q"], capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{test.stderr}")
        log = open(self.work / "nginx" / "logs" / "stderr.log", "a")
        self.nginx = subprocess.Popen(base, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                      start_new_session=True)
        log.close()

    def kill_and_restart(self, port: int, at: float, down: float, signal_name: str) -> None:
        if self.stop.wait(max(0.0, at - self.now())):
            return
        process = self.backends[port]
        process.send_signal(getattr(signal, "SIG" + signal_name))
        self.outage = [self.now(), None]
        self.event(f"backend :{port} sent SIG{signal_name}")
        process.wait()
        self.event(f"backend :{port} exited ({process.returncode})")
        if self.stop.wait(max(0.0, at + down - self.now())):
            return
        self.start_backend(port)
        self.event(f"backend :{port} started again")
        try:
            self.outage[1] = self.wait_healthy(port)
            self.event(f"backend :{port} answers /health again")
        except RuntimeError as error:
            self.failures.append(str(error))

    def rolling_restart(self, at: float, gap: float) -> None:
        if self.stop.wait(max(0.0, at - self.now())):
            return
        for n, port in enumerate(self.backend_ports):
            if n and self.stop.wait(gap):
                return
            process = self.backends[port]
            process.terminate()
            process.wait()
            self.event(f"rolling restart: backend :{port} stopped (SIGTERM, exit {process.returncode})")
            self.start_backend(port)
            try:
                self.wait_healthy(port)
            except RuntimeError as error:
                self.failures.append(str(error))
                return
            self.event(f"rolling restart: backend :{port} answers /health again")

    def watch_generations(self) -> None:
        """Each backend's generation on /health, asked directly, 4 times a second."""
        while not self.stop.wait(0.25):
            for port in self.backend_ports:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
                        generation = json.load(answer)["generation"]
                except (OSError, ValueError, KeyError):
                    continue
                history = self.backend_generations[port]
                if not history or history[-1][1] != generation:
                    history.append((self.now(), generation))

    def run_wrk(self, seconds: float, results: Path, url: str) -> str:
        encoded = self.work / "queries.encoded"
        encoded.write_text("\n".join(urllib.parse.quote_plus(q) for q in self.queries) + "\n")
        environment = dict(os.environ, DEPLOY_QUERIES=str(encoded), DEPLOY_RESULTS=str(results))
        self.wrk = subprocess.Popen(
            ["wrk", f"-t{self.args.wrk_threads}", f"-c{self.args.connections}", f"-d{seconds:g}s",
             f"--timeout", f"{self.args.timeout:g}s", "-s", str(HERE / "queries.lua"), url],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment, start_new_session=True)
        output, _ = self.wrk.communicate()
        code = self.wrk.returncode
        self.wrk = None
        if code != 0:
            raise RuntimeError(f"wrk failed ({code}):\n{output}")
        return output

    def stop_all(self) -> None:
        self.stop.set()
        with self.lock:
            calls = list(self.calls)
        processes = [self.wrk, self.nginx, *self.backends.values(), *calls]
        for process in processes:
            if process is not None and process.poll() is None:
                process.terminate()  # nginx: fast shutdown; kamerzoek serve: graceful; index: its commit or none
        for process in processes:
            if process is None:
                continue
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def docs_show_deploy_files() -> list[str]:
    """The files of docs/deploy/ that docs/DEPLOY.md does not show as they are."""
    text = (ROOT / "docs" / "DEPLOY.md").read_text()
    return [path.name for path in sorted((ROOT / "docs" / "deploy").iterdir()) if path.read_text().strip() not in text]


def render_site(text: str, listen: int, backends: list[int], logs: Path) -> str:
    """docs/deploy/nginx-kamerzoek.conf with other ports and log folder, otherwise unchanged."""
    lines = text.splitlines()
    upstream_lines = [i for i, line in enumerate(lines) if re.match(r"\s*server 127\.0\.0\.1:\d+\b", line)]
    if not upstream_lines or upstream_lines != list(range(upstream_lines[0], upstream_lines[-1] + 1)):
        raise RuntimeError(f"{SITE_FILE}: expected consecutive `server 127.0.0.1:PORT` lines in the upstream block")
    template = lines[upstream_lines[0]]
    servers = [re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{port}", template) for port in backends]
    lines[upstream_lines[0]:upstream_lines[-1] + 1] = servers
    site = "\n".join(lines) + "\n"
    site, listens = re.subn(r"listen 127\.0\.0\.1:\d+;", f"listen 127.0.0.1:{listen};", site)
    if listens != 1:
        raise RuntimeError(f"{SITE_FILE}: expected one `listen 127.0.0.1:PORT;`")
    return site.replace("/var/log/nginx/", f"{logs}/")


def read_wrk_results(path: Path) -> dict:
    result = {"status": {}, "seen": [], "nogen": 0, "unparsed": 0}
    for line in path.read_text().splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "summary":
            n = [int(x) for x in rest.split()]
            result["requests"], result["duration_us"] = n[0], n[1]
            result["errors"] = dict(zip(["connect", "read", "write", "status", "timeout"], n[2:]))
        elif kind == "latency":
            n = [float(x) for x in rest.split()]
            result["latency_us"] = dict(zip(["p50", "p90", "p99", "p99.9", "max", "mean"], n))
        elif kind == "status":
            code, count = rest.split()
            result["status"][int(code)] = int(count)
        elif kind in ("nogen", "unparsed"):
            result[kind] = int(rest)
        elif kind == "seen":
            generation, total, count, query = rest.split(" ", 3)
            result["seen"].append((int(generation), int(total), int(count), query))
    return result


def nginx_error_summary(path: Path) -> dict[str, int]:
    """nginx's complaints about the backends, by kind (connection refused, reset, ...)."""
    kinds: dict[str, int] = {}
    if path.exists():
        for line in path.open():
            match = re.search(r"\[(?:error|warn)\] [0-9#]+: (?:\*\d+ )?(.*?)(?:, client: .*)?$", line)
            if match:
                kinds[match.group(1)] = kinds.get(match.group(1), 0) + 1
    return kinds


def nginx_log_summary(path: Path) -> dict:
    """Statuses clients got, requests nginx answered only after a second backend, and each
    request's end (epoch seconds) and time taken, for the look at reloads."""
    statuses: dict[str, int] = {}
    retried: dict[str, int] = {}
    examples: list[str] = []
    timings: list[tuple[float, float]] = []
    if not path.exists():
        return {"statuses": statuses, "retried": retried, "examples": examples, "timings": timings}
    for line in path.open():
        match = re.search(r'" (\d{3}) \d+ rt=(\S+) up=(.*) ups=(.*) urt=.* end=(\S+)$', line.rstrip("\n"))
        if not match:
            continue
        statuses[match.group(1)] = statuses.get(match.group(1), 0) + 1
        if match.group(1) != "499":
            timings.append((float(match.group(5)), float(match.group(2))))
        upstream_statuses = match.group(4)
        if "," in upstream_statuses or ":" in upstream_statuses:
            retried[upstream_statuses] = retried.get(upstream_statuses, 0) + 1
            if len(examples) < 5:
                examples.append(line.strip())
    return {"statuses": statuses, "retried": retried, "examples": examples, "timings": timings}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> int:
    args = parse_arguments()
    if shutil.which("nginx") is None:
        os.environ["PATH"] += ":/usr/sbin"  # Debian's nginx, for a caller without sbin in PATH
    for tool in ("nginx", "wrk"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed (Debian: apt-get install {tool}).", file=sys.stderr)
            return 1

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "kamerzoek"], cwd=ROOT, check=True)
    binary = ROOT / ".build" / "release" / "kamerzoek"
    if not (args.no_build and binary.exists()):  # with --no-build, no need for swift at all
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        binary = Path(bin_path) / "kamerzoek"

    work = Path(tempfile.mkdtemp(prefix="kamerzoek-deploy-"))
    run = Run(args, binary, work)

    def on_signal(number, _frame):
        raise KeyboardInterrupt(f"signal {number}")
    signal.signal(signal.SIGINT, on_signal)  # also when started with SIGINT ignored (a background job)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    try:
        return measure(run)
    except KeyboardInterrupt:
        print("\nInterrupted; stopping everything.", file=sys.stderr)
        return 130
    finally:
        run.stop_all()
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def measure(run: Run) -> int:
    args = run.args
    print(run.check_in_debian_config())
    for name in docs_show_deploy_files():
        print(f"warning: docs/DEPLOY.md does not show docs/deploy/{name} as it is")
    run.prepare_corpus()
    started = time.monotonic()
    first = run.index_once(first=True)
    print(f"corpus: {first['added']} documents, {first['bytes'] / 1e6:.1f} MB, indexed in {time.monotonic() - started:.1f} s "
          f"(generation {first['generation']})")
    for port in run.backend_ports:
        run.start_backend(port)
    for port in run.backend_ports:
        run.wait_healthy(port)
    run.start_nginx()
    run.wait_healthy(args.port)
    print(run.compression())
    url = f"http://127.0.0.1:{run.backend_ports[0] if args.direct else args.port}"
    print(f"{args.backends} backends on :{run.backend_ports[0]}-{run.backend_ports[-1]}, nginx on :{args.port}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    if args.warmup > 0:
        run.run_wrk(args.warmup, work_file(run, "warmup.txt"), url)
    # Served before the measured run: the initial generation(s) count as committed.

    # From here on the nginx logs hold the measured run only (nginx appends, so truncating is
    # safe), once nginx has logged the warm-up's last requests (499: wrk closed them).
    time.sleep(0.5)
    for name in ("kamerzoek.access.log", "kamerzoek.error.log"):
        os.truncate(run.work / "nginx" / "logs" / name, 0)
    run.t0 = time.monotonic()
    threads = [threading.Thread(target=run.reindex_loop, args=(args.first_round, args.duration - 4), daemon=True),
               threading.Thread(target=run.watch_generations, daemon=True)]
    if args.direct:
        print(f"--direct: wrk asks :{run.backend_ports[0]} itself; nobody is killed")
    elif args.kill_at >= 0 and args.backends >= 2:
        threads.append(threading.Thread(
            target=run.kill_and_restart, args=(run.backend_ports[0], args.kill_at, args.down, args.kill_signal), daemon=True))
    elif args.kill_at >= 0:
        print("one backend only: not killing it (nothing could answer meanwhile)")
    if args.rolling_at >= 0:
        threads.append(threading.Thread(target=run.rolling_restart, args=(args.rolling_at, args.rolling_gap), daemon=True))
    for thread in threads:
        thread.start()
    results_path = work_file(run, "wrk.txt")
    output = run.run_wrk(args.duration, results_path, url)
    run.event("wrk finished")
    run.stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return report(run, read_wrk_results(results_path), output)


def work_file(run: Run, name: str) -> Path:
    return run.work / name


def report(run: Run, wrk: dict, wrk_output: str) -> int:
    args = run.args
    seconds = wrk["duration_us"] / 1e6
    non_2xx = {code: count for code, count in wrk["status"].items() if not 200 <= code <= 299}
    errors = wrk["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"]
    # Every 2xx answer: its generation committed, and its total that generation's total.
    wrong_generation, wrong_total, checked = 0, 0, 0
    mismatches: list[str] = []
    generations_seen: dict[int, int] = {}
    for generation, total, count, query in wrk["seen"]:
        generations_seen[generation] = generations_seen.get(generation, 0) + count
        expected = run.expected.get(generation)
        if expected is None:
            wrong_generation += count
            mismatches.append(f"generation {generation} was never committed ({count} answers to {query!r})")
            continue
        checked += count
        if expected.get(query) != total:
            wrong_total += count
            mismatches.append(f"generation {generation}, {query!r}: total {total}, the commit gives {expected.get(query)} ({count} answers)")
    log = nginx_log_summary(run.work / "nginx" / "logs" / "kamerzoek.access.log")

    print()
    print(f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration:g}s --timeout {args.timeout:g}s "
          + (f"straight to :{run.backend_ports[0]}, " if args.direct else "through nginx, ") +
          f"{args.backends} backends; rounds: `kamerzoek index --threads {args.index_threads or 'default'}` at nice {args.index_nice}")
    lat = wrk["latency_us"]
    print(f"requests: {wrk['requests']} in {seconds:.1f} s = {wrk['requests'] / seconds:.0f} requests/s; "
          f"latency p50 {lat['p50'] / 1000:.1f} ms, p90 {lat['p90'] / 1000:.1f} ms, p99 {lat['p99'] / 1000:.1f} ms, "
          f"max {lat['max'] / 1000:.1f} ms")
    print(f"client errors: socket connect {errors['connect']}, read {errors['read']}, write {errors['write']}, "
          f"timeouts {errors['timeout']}, non-2xx {sum(non_2xx.values())} {non_2xx or ''}")
    print(f"generations: committed {min(run.expected)}-{max(run.expected)}; answers per generation "
          + ", ".join(f"{g}: {c}" for g, c in sorted(generations_seen.items())))
    print(f"consistency: {checked} answers checked against their commit's totals; {wrong_generation} from a "
          f"generation never committed, {wrong_total} with another total, {wrk['nogen']} without Kamerzoek-Generation, "
          f"{wrk['unparsed']} unreadable")
    for line in mismatches[:10]:
        print("  " + line)
    retried = sum(log["retried"].values())
    print(f"nginx: {sum(log['statuses'].values())} requests logged, statuses {log['statuses']}; "
          f"{retried} answered after trying more than one backend {log['retried'] or ''}")
    for line in log["examples"]:
        print("  " + line)
    complaints = nginx_error_summary(run.work / "nginx" / "logs" / "kamerzoek.error.log")
    if complaints:
        print("nginx error log (the retries' causes):")
        for kind, count in sorted(complaints.items(), key=lambda item: -item[1]):
            print(f"  {count:6}  {kind}")
    # What clients waited during each round's `kamerzoek index` and the second after it (the
    # reload), and while a backend was down, against the rest of the run (nginx's request
    # times, which include any retry).
    windows = [(f"round {r['round']} indexing + 1 s", r["started"], r["finished"] + 1) for r in run.rounds]
    if run.outage:
        killed, back = run.outage
        windows.append(("backend down + 1 s", killed, (back if back is not None else seconds) + 1))
    timings = [(end - run.wall(0), took) for end, took in log["timings"]]
    inside = set()
    print("request time at nginx (ms) by part of the run: requests, p50, p99, max")
    for name, start, stop in windows:
        part = [i for i, (end, _) in enumerate(timings) if start <= end <= stop]
        inside.update(part)
        took = [timings[i][1] * 1000 for i in part]
        print(f"  {name:24} {start:5.1f}-{stop:5.1f} s  {len(took):6}  {percentile(took, 0.5):6.1f}  "
              f"{percentile(took, 0.99):6.1f}  {max(took, default=float('nan')):6.1f}")
    rest = [took * 1000 for i, (_, took) in enumerate(timings) if i not in inside]
    print(f"  {'the rest':24} {'':13}  {len(rest):6}  {percentile(rest, 0.5):6.1f}  {percentile(rest, 0.99):6.1f}  "
          f"{max(rest, default=float('nan')):6.1f}")
    print("timeline (seconds into the measured run):")
    events = list(run.events)
    for port, history in run.backend_generations.items():
        for at, generation in history[1:] if history else []:
            events.append((at, f"backend :{port} serves generation {generation} (seen on /health)"))
    for at, text in sorted(events):
        print(f"  {at:6.2f}  {text}")
    for failure in run.failures:
        print(f"FAILURE: {failure}")

    clean = (socket_errors == 0 and errors["timeout"] == 0 and not non_2xx and wrong_generation == 0 and wrong_total == 0
             and wrk["nogen"] == 0 and wrk["unparsed"] == 0 and not run.failures)
    print("result: " + ("0 errors seen by clients, every answer from a committed generation" if clean else "NOT CLEAN"))
    if args.json:
        args.json.write_text(json.dumps({
            "requests": wrk["requests"], "seconds": seconds, "requests_per_second": wrk["requests"] / seconds,
            "latency_ms": {k: v / 1000 for k, v in lat.items()}, "errors": errors, "non_2xx": non_2xx,
            "generations_seen": generations_seen, "wrong_generation": wrong_generation, "wrong_total": wrong_total,
            "nogen": wrk["nogen"], "nginx_statuses": log["statuses"], "nginx_retried": log["retried"], "rounds": run.rounds,
            "events": [(round(at, 2), text) for at, text in sorted(events)], "failures": run.failures, "clean": clean,
        }, indent=1, default=str))
    return 0 if clean else 2


if __name__ == "__main__":
    sys.exit(main())
