"""Whole-process throughput of `figcheck check` on real news, one file a story (issue #15).

    .venv/bin/python benchmarks/bench_news.py [--runs 5] [--mb 2] [--against DIR]

For each document set, runs ``figcheck check --jobs 1 --format json --no-config DIR`` as a
user would (a fresh process each time) and subtracts the run of a one-line file, which is the
start-up: what is left is the reading, extraction, rules and JSON writing. Prints MB/s from CPU
time (this process's children) and from wall time, best and median of ``--runs``, and the
start-up itself; then the cold cost of ``import figcheck`` plus checking one real article.

With ``--against DIR`` (another checkout, e.g. ``git archive main | tar -x -C DIR``), each run of
this checkout alternates with one of DIR's, by the same interpreter (``PYTHONPATH=DIR``), so that
a loaded machine slows both alike; both are reported.

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


def timed_run(target: Path, env: dict[str, str] | None = None, tree: Path = ROOT) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole `figcheck check` process over ``target``, with the
    figcheck of ``tree``."""
    if tree != ROOT:  # run from there: `python -m` looks in the working directory first
        env = {**(env or os.environ), "PYTHONPATH": os.pathsep.join((str(tree), str(tree / "server")))}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*FIGCHECK, "check", "--jobs", "1", "--format", "json", "--no-config", str(target)],
        stdout=subprocess.DEVNULL, check=False, cwd=tree, env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Times = dict[Path, tuple[list[float], list[float]]]  # checkout → (walls, CPUs)


def measure(target: Path, runs: int, trees: list[Path]) -> Times:
    """``runs`` runs over ``target`` with each checkout of ``trees``, in alternation."""
    times: Times = {tree: ([], []) for tree in trees}
    for _ in range(runs):
        for tree in trees:
            wall, cpu = timed_run(target, tree=tree)
            times[tree][0].append(wall)
            times[tree][1].append(cpu)
    return times


def report(name: str, target: Path, size_mb: float, files: int, startup: Times, runs: int) -> None:
    times = measure(target, runs, list(startup))
    print(f"{name}: {files:,} files, {size_mb:.2f} MB")
    for tree, (walls, cpus) in times.items():
        s_wall, s_cpu = min(startup[tree][0]), min(startup[tree][1])
        if len(times) > 1:
            print(f"  {tree}:")
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
    ap.add_argument("--against", type=Path, help="another checkout, measured in alternation with this one")
    args = ap.parse_args()
    trees = [ROOT] + ([args.against.resolve()] if args.against else [])
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one-line.txt"
        one_line.write_text("The bridge is 40 metres long.\n", encoding="utf-8")
        # The first run after an edit writes the bytecode caches, as an installed wheel has them,
        # and the lexicon's compiled patterns (figcheck.compiled_patterns), as a user's first run
        # does: even where PYTHONDONTWRITEBYTECODE is set, or every run would compile afresh.
        for tree in trees:
            timed_run(one_line, {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, tree)
        print("bytecode caches and figcheck's compiled patterns written by a first run (as installed)")
        startup = measure(one_line, args.runs, trees)
        for tree, (walls, cpus) in startup.items():
            print(
                f"start-up (a one-line file, whole process){f' of {tree}' if len(trees) > 1 else ''}: "
                f"best {min(walls):.3f} s wall, {min(cpus):.3f} s CPU; median {statistics.median(walls):.3f} s wall"
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
