"""The command line at scale: start-up, and `figcheck check` over a directory with 1 and 2 jobs.

    python benchmarks/bench_cli.py [--files 2000] [--kb 5] [--seed-copies] [--repeat 1] [--keep]

Generates --files documents of news-like prose (about --kb KB each, ~10 MB by default, from
benchmarks/corpus.py's varied templates with figures), or with --seed-copies that many copies of
the seed article (issue 15's parallel goal: `--files 400 --seed-copies --repeat 5`), into a
temporary directory, then times `figcheck --version`, `figcheck check --jobs 1` and
`figcheck check --jobs 2` as subprocesses (JSON output to /dev/null), and prints the figures:
wall time and CPU time (the process and its workers), each the best of --repeat runs, and the
ratio of the 2-job wall time to the 1-job one (the goal: at most 0.6 on 2 free cores). A plain
script, not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import document  # noqa: E402

FIGCHECK = [sys.executable, "-m", "figcheck"]
SEED = Path(__file__).resolve().parent.parent / "seeds" / "kharkiv-counteroffensive-2022.txt"


def generate(folder: Path, files: int, kb: float, seed: int = 7) -> int:
    """Write ``files`` documents into nested folders; returns the total size in bytes."""
    rng = random.Random(seed)
    total = 0
    paragraphs = max(1, round(kb * 1024 / 380))  # a generated paragraph is ~380 bytes
    for i in range(files):
        sub = folder / f"section{i % 20:02d}"
        sub.mkdir(exist_ok=True)
        suffix = ".md" if i % 3 == 0 else ".txt"
        data = document(rng, paragraphs=rng.randint(max(1, paragraphs - 3), paragraphs + 3)).encode()
        (sub / f"article{i:05d}{suffix}").write_bytes(data)
        total += len(data)
    return total


def copies_of_the_seed(folder: Path, files: int) -> int:
    data = SEED.read_bytes()
    for i in range(files):
        (folder / f"copy{i:04d}.txt").write_bytes(data)
    return len(data) * files


def timed(args: list[str], repeat: int) -> tuple[float, int, float]:
    """Best wall time of ``repeat`` runs, the exit status, and the best CPU time (user + system,
    the process and every process it started)."""
    best, status, best_cpu = float("inf"), 0, float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        status = proc.returncode
        if status not in (0, 1):
            sys.exit(f"{' '.join(args[:6])} ... failed ({status}):\n{proc.stderr.decode()[-2000:]}")
    return best, status, best_cpu


def startup(repeat: int) -> float:
    times = [timed([*FIGCHECK, "--version"], 1)[0] for _ in range(max(5, repeat))]
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--kb", type=float, default=5.0, help="average size of a document in KB")
    ap.add_argument("--seed-copies", action="store_true", help="copies of the seed article instead")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (best is kept)")
    ap.add_argument("--keep", action="store_true", help="keep the generated directory")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    try:
        if args.seed_copies:
            total = copies_of_the_seed(folder, args.files)
        else:
            total = generate(folder, args.files, args.kb)
        mb = total / 1e6
        print(f"corpus: {args.files} files, {mb:.1f} MB in {folder}")
        print(f"start-up (figcheck --version, median): {startup(args.repeat) * 1000:.0f} ms")
        base = [*FIGCHECK, "check", "--format", "json", "--no-config", "--no-progress", str(folder)]
        results = {}
        for jobs in (1, 2):
            seconds, status, cpu = timed([*base, "--jobs", str(jobs)], args.repeat)
            results[jobs] = seconds
            print(f"check --jobs {jobs}: {seconds:.2f} s wall, {cpu:.2f} s CPU  ({mb / seconds:.2f} MB/s, "
                  f"{args.files / seconds:.0f} files/s, exit {status})")
        print(f"--jobs 2 takes {results[2] / results[1]:.2f}x the time of --jobs 1 "
              f"(speed-up {results[1] / results[2]:.2f}x)")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
