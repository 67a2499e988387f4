"""Whole-process throughput of `figcheck check` on real news, one file a story (issue #15).

    .venv/bin/python benchmarks/bench_news.py [--runs 5] [--mb 2]

For each document set, runs ``figcheck check --jobs 1 --format json --no-config DIR`` as a
user would (a fresh process each time) and subtracts the run of a one-line file, which is the
start-up: what is left is the reading, extraction, rules and JSON writing. Prints MB/s from CPU
time (this process's children) and from wall time, best and median of ``--runs``, and the
start-up itself; then the cold cost of ``import figcheck`` plus checking one real article.

Document sets: ``../shared/eval/news/reuters-dev/`` (2,000 Reuters stories, read at run time and
never copied into the repository; skipped with a message when absent) and the generated corpus of
``benchmarks/corpus.py`` written as one file per document. Goals (issue #15): >= 5 MB/s on one
core; import plus the first check of a real article < 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import documents  # noqa: E402

REUTERS = ROOT.parent / "shared" / "eval" / "news" / "reuters-dev"
SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"
FIGCHECK = [sys.executable, "-m", "figcheck"]

# Prints the wall time from before the import, and the CPU time of the whole process (the
# interpreter's own start-up included), so a loaded machine cannot hide a regression.
FIRST_CHECK = (
    "import sys, time; t = time.perf_counter(); from figcheck.engine import check_text; "
    "check_text(open(sys.argv[1], encoding='utf-8').read()); print(time.perf_counter() - t, time.process_time())"
)


def timed_run(target: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole `figcheck check` process over ``target``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*FIGCHECK, "check", "--jobs", "1", "--format", "json", "--no-config", str(target)],
        stdout=subprocess.DEVNULL, check=False, cwd=ROOT, env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(target: Path, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = timed_run(target)
        walls.append(wall)
        cpus.append(cpu)
    return walls, cpus


def report(name: str, target: Path, size_mb: float, files: int, startup: tuple[list[float], list[float]], runs: int) -> None:
    walls, cpus = measure(target, runs)
    s_wall, s_cpu = min(startup[0]), min(startup[1])
    print(f"{name}: {files:,} files, {size_mb:.2f} MB")
    for label, values, base in (("CPU ", cpus, s_cpu), ("wall", walls, s_wall)):
        best, median = min(values), statistics.median(values)
        print(
            f"  {label}: best {best:.2f} s, median {median:.2f} s; minus start-up {base:.2f} s: "
            f"{size_mb / max(best - base, 1e-9):.2f} MB/s best, {size_mb / max(median - base, 1e-9):.2f} MB/s median"
        )


def write_corpus(directory: Path, size_mb: float) -> tuple[float, int]:
    docs = documents(int(size_mb * 1_000_000))
    for i, doc in enumerate(docs):
        (directory / f"doc{i:05d}.txt").write_text(doc, encoding="utf-8")
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6, len(docs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mb", type=float, default=2.0, help="size of the generated corpus")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one-line.txt"
        one_line.write_text("The bridge is 40 metres long.\n", encoding="utf-8")
        # The first run after an edit writes the bytecode caches, as an installed wheel has them,
        # and the lexicon's compiled patterns (figcheck.compiled_patterns), as a user's first run
        # does: even where PYTHONDONTWRITEBYTECODE is set, or every run would compile afresh.
        timed_run(one_line, {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        print("bytecode caches and figcheck's compiled patterns written by a first run (as installed)")
        startup = measure(one_line, args.runs)
        print(
            f"start-up (a one-line file, whole process): best {min(startup[0]):.3f} s wall, "
            f"{min(startup[1]):.3f} s CPU; median {statistics.median(startup[0]):.3f} s wall"
        )
        if REUTERS.is_dir():
            stories = sorted(REUTERS.glob("*.txt"))
            size = sum(p.stat().st_size for p in stories) / 1e6
            report("reuters-dev", REUTERS, size, len(stories), startup, args.runs)
        else:
            print(f"reuters-dev: skipped ({REUTERS} not found; it is never committed)")
        generated = Path(tmp) / "generated"
        generated.mkdir()
        size, count = write_corpus(generated, args.mb)
        report("generated corpus", generated, size, count, startup, args.runs)
    runs = [
        subprocess.run([sys.executable, "-c", FIRST_CHECK, str(SEED)], capture_output=True, text=True,
                       check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout.split()
        for _ in range(args.runs)
    ]
    wall, cpu = sorted(float(w) for w, _ in runs), sorted(float(c) for _, c in runs)
    print(
        f"import figcheck + first check of the seed article (cold process): wall best {wall[0]:.3f} s, "
        f"median {statistics.median(wall):.3f} s; whole-process CPU best {cpu[0]:.3f} s, median {statistics.median(cpu):.3f} s"
    )


if __name__ == "__main__":
    main()
