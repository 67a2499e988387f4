"""The command line at scale: start-up, and `figcheck check` over a directory with 1 and 2 jobs.

    python benchmarks/bench_cli.py [--files 2000] [--kb 5] [--repeat 1] [--keep]

Generates --files documents of news-like prose (about --kb KB each, ~10 MB by default, from
benchmarks/corpus.py's varied templates with figures) into a temporary directory, then times
`figcheck --version`, `figcheck check --jobs 1` and `figcheck check --jobs 2` as subprocesses
(JSON output to /dev/null), and prints the figures. A plain script, not a test.
"""

from __future__ import annotations

import argparse
import random
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


def timed(args: list[str], repeat: int) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs, and the exit status."""
    best, status = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        status = proc.returncode
        if status not in (0, 1):
            sys.exit(f"{' '.join(args[:6])} ... failed ({status}):\n{proc.stderr.decode()[-2000:]}")
    return best, status


def startup(repeat: int) -> float:
    times = [timed([*FIGCHECK, "--version"], 1)[0] for _ in range(max(5, repeat))]
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--kb", type=float, default=5.0, help="average size of a document in KB")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement (best is kept)")
    ap.add_argument("--keep", action="store_true", help="keep the generated directory")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    try:
        total = generate(folder, args.files, args.kb)
        mb = total / 1e6
        print(f"corpus: {args.files} files, {mb:.1f} MB in {folder}")
        print(f"start-up (figcheck --version, median): {startup(args.repeat) * 1000:.0f} ms")
        base = [*FIGCHECK, "check", "--format", "json", "--no-config", "--no-progress", str(folder)]
        results = {}
        for jobs in (1, 2):
            seconds, status = timed([*base, "--jobs", str(jobs)], args.repeat)
            results[jobs] = seconds
            print(f"check --jobs {jobs}: {seconds:.2f} s  ({mb / seconds:.2f} MB/s, "
                  f"{args.files / seconds:.0f} files/s, exit {status})")
        print(f"speed-up with 2 jobs: {results[1] / results[2]:.2f}x")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
