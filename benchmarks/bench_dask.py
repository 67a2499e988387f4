"""`figcheck check --executor dask` (a 2-worker LocalCluster) vs `--jobs 1`: throughput, and the
client's peak memory at two archive sizes.

    python benchmarks/bench_dask.py [--sizes 10000 40000] [--kb 5] [--workers 2] [--quick] [--keep]

Generates max(--sizes) news-like documents (benchmarks/corpus.py, about --kb KB each) into a
temporary directory, in parts of min(--sizes) files, so that each size is a set of whole parts.
For each size it runs, as subprocesses, with jsonl output to /dev/null:

  - `figcheck check --jobs 1` (local, serial),
  - `figcheck check --jobs 2` (local process pool, for reference), and
  - `figcheck check --executor dask --jobs 2` (figcheck starts a LocalCluster of 2 worker
    processes; its scheduler and nannies live in the client process and count as its memory),

and prints the wall time, files/s and MB/s, the client process's CPU time and its peak resident
memory (`resource.getrusage(RUSAGE_SELF)`, read in the figcheck process itself as it exits, so
worker processes are not counted). Flat client memory means the same peak at every size.
The load average is printed too: on a shared machine, other work skews the throughput figures.
`--quick` is 1,000 and 4,000 files. A plain script, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cli import generate  # noqa: E402

# The figcheck command line, reporting the process's own peak RSS on its last line of stderr.
CLIENT = (
    "import resource, sys\n"
    "from figcheck.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
    "sys.stderr.write(f'peak-rss-kb {usage.ru_maxrss} cpu-s {usage.ru_utime + usage.ru_stime}\\n')\n"
    "sys.exit(status)\n"
)


def run_client(args: list[str]) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in KB, CPU seconds) of one `figcheck` run (the client process)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CLIENT, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    err = proc.stderr.decode(errors="replace")
    if proc.returncode not in (0, 1) or "peak-rss-kb" not in err:
        sys.exit(f"figcheck {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    fields = err.rsplit("peak-rss-kb", 1)[1].split()
    return seconds, int(fields[0]), float(fields[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000])
    ap.add_argument("--kb", type=float, default=5.0, help="average size of a document in KB")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--format", default="jsonl", help="output format (default: jsonl, streamed)")
    ap.add_argument("--quick", action="store_true", help="1,000 and 4,000 files")
    ap.add_argument("--keep", action="store_true", help="keep the generated directory")
    args = ap.parse_args()
    sizes = [1_000, 4_000] if args.quick else sorted(args.sizes)
    part = sizes[0]
    if any(size % part for size in sizes):
        sys.exit("every size must be a multiple of the smallest")

    folder = Path(tempfile.mkdtemp(prefix="figcheck-bench-dask-"))
    try:
        start = time.perf_counter()
        part_bytes = []
        for i in range(sizes[-1] // part):
            (folder / f"part{i}").mkdir()
            part_bytes.append(generate(folder / f"part{i}", part, args.kb, seed=7 + i))
        print(f"corpus: {sizes[-1]:,} files, {sum(part_bytes) / 1e6:.0f} MB in {folder} "
              f"({time.perf_counter() - start:.0f} s to generate)")
        common = ["check", "--no-config", "--no-progress", "--format", args.format]
        runs = {
            "--jobs 1": ["--jobs", "1"],
            f"--jobs {args.workers} (pool)": ["--jobs", str(args.workers)],
            f"dask LocalCluster x{args.workers}": ["--executor", "dask", "--jobs", str(args.workers)],
        }
        table: dict[tuple[str, int], tuple[float, int, float]] = {}
        for size in sizes:
            parts = [str(folder / f"part{i}") for i in range(size // part)]
            mb = sum(part_bytes[: size // part]) / 1e6
            for name, extra in runs.items():
                load = os.getloadavg()[0]
                seconds, rss, cpu = table[name, size] = run_client([*common, *extra, *parts])
                print(f"{size:>7,} files  {name:<22} {seconds:7.1f} s  {size / seconds:6.0f} files/s  "
                      f"{mb / seconds:5.2f} MB/s  client CPU {cpu:6.1f} s  peak RSS {rss / 1024:6.1f} MB  "
                      f"(load before {load:.1f})", flush=True)
        print()
        local, _, dask = runs
        for size in sizes:
            ratio = table[local, size][0] / table[dask, size][0]
            print(f"{size:>7,} files: dask/--jobs 1 throughput {ratio:.2f}x")
        for name in runs:
            low, high = table[name, sizes[0]][1], table[name, sizes[-1]][1]
            print(f"client peak RSS, {name}: {low / 1024:.1f} MB at {sizes[0]:,} files, "
                  f"{high / 1024:.1f} MB at {sizes[-1]:,} ({(high - low) / 1024:+.1f} MB)")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
