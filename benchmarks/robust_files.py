"""Figures for docs/reliability.md: the CLI on hostile files at scale (issue #8).

    .venv/bin/python benchmarks/robust_files.py            # everything (~5 min on 2 cores)
    .venv/bin/python benchmarks/robust_files.py --quick    # skips the 50 MB dense check

Each run is a subprocess of the installed command; wall time and peak RSS (of the largest process,
from getrusage) are printed as a Markdown table. Files are generated in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIGCHECK = [sys.executable, "-m", "figcheck"]
DENSE = "The embankment runs for 12 kilometres (15 miles) and cost $2.5bn, about 40% of the 12,000-strong budget.\n\n"
SPARSE = ("The river runs past old mills and new houses while people walk along its banks in spring, "
          "and the town council meets on its shore. " * 12 + "\n\n") * 9 + DENSE


def timed(args, cwd) -> tuple[float, int, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    proc = subprocess.run(FIGCHECK + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.monotonic() - start
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, proc.returncode, peak if peak > before else -1


def write(path: Path, unit: str, size: int) -> Path:
    path.write_text(unit * (size // len(unit) + 1))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--files", type=int, default=100_000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write(root / "dense50.txt", DENSE, 50_000_000)
        rows.append(("50 MB, default max-file-size", *timed(["check", "-q", "dense50.txt"], root)))
        write(root / "sparse50.txt", SPARSE, 50_000_000)
        rows.append(("50 MB ordinary prose, limit raised", *timed(
            ["check", "-q", "--config", "max-file-size = 60000000", "sparse50.txt"], root)))
        for mb in (1, 10):
            write(root / f"dense{mb}.txt", DENSE, mb * 1_000_000)
            rows.append((f"{mb} MB dense figures", *timed(["check", "-q", "--format", "concise",
                                                           "--config", "max-file-size = 60000000",
                                                           f"dense{mb}.txt"], root)))
        if not args.quick:
            rows.append(("50 MB dense figures, limit raised", *timed(
                ["check", "-q", "--format", "concise", "--config", "max-file-size = 60000000",
                 "dense50.txt"], root)))
        sentence = "The embankment runs for 12 kilometres (15 miles) and it is old. "
        write(root / "line.txt", sentence, 1_000_000)
        for fmt in ("full", "json"):
            rows.append((f"1 MB line, 15,000 diagnostics, {fmt}", *timed(["check", "--format", fmt, "line.txt"], root)))
        many = root / "many"
        start = time.monotonic()
        per_dir = 1000
        for d in range(args.files // per_dir):
            sub = many / f"d{d:03}"
            sub.mkdir(parents=True)
            for i in range(per_dir):
                (sub / f"f{i:04}.txt").write_text(DENSE if i % 10 == 0 else "Nothing to check here.\n")
        print(f"(generated {args.files:,} files in {time.monotonic() - start:.0f} s)")
        rows.append((f"{args.files:,} small files, --jobs 2, jsonl", *timed(
            ["check", "-q", "--format", "jsonl", "--jobs", "2", "many"], root)))
    print("| input | seconds | exit | peak RSS (MB) |\n|---|---:|---:|---:|")
    for name, seconds, status, rss in rows:
        print(f"| {name} | {seconds:.1f} | {status} | {rss / 1024:.0f} |" if rss > 0 else
              f"| {name} | {seconds:.1f} | {status} | (below an earlier run) |")


if __name__ == "__main__":
    main()
