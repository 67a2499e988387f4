"""Extraction throughput on news-like prose, and the cost of the first extraction.

    python benchmarks/bench_extract.py [--mb 4]

Bars (issue #2): >= 2 MB/s on one core; `import figcheck` plus the first extraction < 0.4 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import corpus  # noqa: E402

FIRST_RUN = (
    "import time; t=time.perf_counter(); import figcheck.extract as e; "
    "e.extract_claims('They retook almost a thousand square miles (2,590 km²).'); "
    "print(time.perf_counter()-t)"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    args = ap.parse_args()
    from figcheck.extract import extract_claims

    text = corpus(int(args.mb * 1_000_000))
    size_mb = len(text.encode("utf-8")) / 1e6
    extract_claims(text[:10_000])  # warm the registry and caches
    best = best_cpu = float("inf")
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        claims = extract_claims(text)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(
        f"extraction: {size_mb:.1f} MB, {len(claims):,} claims ({len(claims) / size_mb / 1000:.1f} per KB); "
        f"best of 3: {best:.2f} s wall = {size_mb / best:.2f} MB/s, {best_cpu:.2f} s CPU = {size_mb / best_cpu:.2f} MB/s"
    )
    cold = sorted(
        float(subprocess.run([sys.executable, "-c", FIRST_RUN], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    )
    print(f"import figcheck + first extraction (median of 5 cold processes): {cold[2]:.3f} s")


if __name__ == "__main__":
    main()
