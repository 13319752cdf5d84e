#!/usr/bin/env python3
"""Crash test for kamerzoek's commits (issue 7): SIGKILL `kamerzoek index` and
`kamerzoek optimize` at random moments and check that the index is always exactly the
state before or after the interrupted commit.

Each trial:
  1. restore a pristine copy of the index holding corpus state A;
  2. start `kamerzoek index <corpus B>` (or `optimize`) and kill it with SIGKILL after a
     random delay drawn from [0, duration of an uninterrupted run);
  3. `kamerzoek check` must pass, and the content fingerprint (`stats --json`: a hash over
     the live documents' ids and content hashes) must equal state A's or state B's;
  4. re-running the command must complete and reach state B (or A for optimize).

Usage: python3 bench/crash/crash_test.py [--trials 50] [--seed 1] [--binary PATH]
The corpus is generated from Corpus/ (no network, no ../shared needed): copies of the five
letters with numbered variations, enough for several flushes and merges per run.
"""
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(binary, *args, check=True):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"command failed: {' '.join(args)}\n{result.stdout}\n{result.stderr}")
    return result


def fingerprint(binary, index):
    return json.loads(run(binary, "stats", "--json", "--index", index).stdout)["fingerprint"]


def make_corpus(directory, letters, copies, variant, rng):
    """State A (variant 0) or B (variant 1): B changes a third of the files, deletes a
    sixth and adds a sixth, so that an index run adds, updates and removes."""
    os.makedirs(directory)
    for copy in range(copies):
        for name, text in letters:
            stem, ext = os.path.splitext(name)
            if variant == 1 and copy % 6 == 5:
                continue  # deleted in B
            body = text
            if variant == 1 and copy % 3 == 0:
                body = text + f"\n\nWijziging {copy}: aanvullende alinea over huiselijk geweld en de aanpak.\n"
            with open(os.path.join(directory, f"{stem}-{copy:04d}{ext}"), "w", encoding="utf-8") as out:
                out.write(f"Kopie {copy} van {stem}\n\n" + body)
    if variant == 1:
        for extra in range(copies // 6):
            name, text = letters[extra % len(letters)]
            with open(os.path.join(directory, f"nieuw-{extra:04d}.txt"), "w", encoding="utf-8") as out:
                out.write(f"Nieuw document {extra}\n\n" + text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kamerzoek"))
    options = parser.parse_args()
    if not os.path.exists(options.binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "kamerzoek"], cwd=ROOT, check=True)
    rng = random.Random(options.seed)
    letters = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        if not name.startswith("README"):
            with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as source:
                letters.append((name, source.read()))

    work = tempfile.mkdtemp(prefix="kamerzoek-crash-")
    try:
        corpus = os.path.join(work, "corpus")
        state_a, state_b = os.path.join(work, "a"), os.path.join(work, "b")
        make_corpus(state_a, letters, options.copies, 0, rng)
        make_corpus(state_b, letters, options.copies, 1, rng)
        pristine = os.path.join(work, "index-a")
        # The corpus path is the same in both states, so B's run updates A's documents.
        shutil.copytree(state_a, corpus)
        run(options.binary, "index", corpus, "--index", pristine, "--ram-budget", "16", "--json")
        fp_a = fingerprint(options.binary, pristine)
        # State B's fingerprint, and how long an uninterrupted run takes.
        shutil.rmtree(corpus)
        shutil.copytree(state_b, corpus)
        reference = os.path.join(work, "index-b")
        shutil.copytree(pristine, reference)
        started = time.monotonic()
        run(options.binary, "index", corpus, "--index", reference, "--ram-budget", "16", "--json")
        index_duration = time.monotonic() - started
        fp_b = fingerprint(options.binary, reference)
        started = time.monotonic()
        optimize_reference = os.path.join(work, "index-opt")
        shutil.copytree(pristine, optimize_reference)
        run(options.binary, "optimize", "--index", optimize_reference)
        optimize_duration = time.monotonic() - started
        assert fingerprint(options.binary, optimize_reference) == fp_a, "optimize changed the content"
        print(f"state A {fp_a}, state B {fp_b}; index run {index_duration:.2f} s, optimize {optimize_duration:.2f} s")

        outcomes = {"before": 0, "after": 0}
        for trial in range(options.trials):
            index = os.path.join(work, f"trial")
            shutil.rmtree(index, ignore_errors=True)
            shutil.copytree(pristine, index)
            optimizing = trial % 5 == 4
            command = ["optimize", "--index", index] if optimizing else ["index", corpus, "--index", index, "--ram-budget", "16", "--json"]
            # Up to 10% past the measured duration, so that late phases (merges, the last
            # manifest swap, clean-up) are hit too.
            delay = rng.uniform(0, 1.1 * (optimize_duration if optimizing else index_duration))
            process = subprocess.Popen([options.binary, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            check = run(options.binary, "check", "--index", index, check=False)
            if check.returncode != 0:
                raise SystemExit(f"trial {trial}: check failed after a kill at {delay:.3f} s:\n{check.stderr}")
            found = fingerprint(options.binary, index)
            expected_after = fp_a if optimizing else fp_b
            if found == fp_a and not (optimizing or found == fp_b):
                state = "before"
            elif found == expected_after:
                state = "after"
            else:
                raise SystemExit(f"trial {trial}: fingerprint {found} is neither state A {fp_a} nor B {fp_b}")
            outcomes[state] += 1
            run(options.binary, *command)
            run(options.binary, "check", "--index", index)
            if fingerprint(options.binary, index) != expected_after:
                raise SystemExit(f"trial {trial}: re-running {command[0]} did not complete the work")
            print(f"trial {trial:3d}: {'optimize' if optimizing else 'index   '} killed at {delay:6.3f} s -> state {state}; rerun ok")
        print(f"{options.trials} trials, seed {options.seed}: {outcomes['before']} left the state before the commit, "
              f"{outcomes['after']} the state after; every check passed and every rerun completed.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
