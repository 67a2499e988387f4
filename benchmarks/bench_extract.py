"""Extraction throughput on news-like prose and on real news, and the cost of the first extraction.

    python benchmarks/bench_extract.py [--mb 4] [--runs 3]

Bars (issue #2): >= 2 MB/s on one core; `import figcheck` plus the first extraction < 0.4 s.
Real news: the stories of ``../shared/eval/news/reuters-dev/``, each extracted alone, read at
run time and never copied into the repository (skipped with a message when absent).
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

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "news" / "reuters-dev"
FIRST_RUN = (
    "import time; t=time.perf_counter(); import figcheck.extract as e; "
    "e.extract_claims('They retook almost a thousand square miles (2,590 km²).'); "
    "print(time.perf_counter()-t)"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from figcheck.extract import extract_claims

    text = corpus(int(args.mb * 1_000_000))
    size_mb = len(text.encode("utf-8")) / 1e6
    extract_claims(text[:10_000])  # warm the registry and caches
    best = best_cpu = float("inf")
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        claims = extract_claims(text)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(
        f"extraction: {size_mb:.1f} MB, {len(claims):,} claims ({len(claims) / size_mb / 1000:.1f} per KB); "
        f"best of {args.runs}: {best:.2f} s wall = {size_mb / best:.2f} MB/s, {best_cpu:.2f} s CPU = {size_mb / best_cpu:.2f} MB/s"
    )
    _bench_news(args.runs)
    cold = sorted(
        float(subprocess.run([sys.executable, "-c", FIRST_RUN], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    )
    print(f"import figcheck + first extraction (median of 5 cold processes): {cold[2]:.3f} s")


def _bench_news(runs: int) -> None:
    """Extraction of each real story alone, best CPU time of ``runs`` passes."""
    from figcheck.extract import extract_claims

    if not NEWS.is_dir():
        print(f"real news: {NEWS} not found, skipped")
        return
    stories = [path.read_text(encoding="utf-8") for path in sorted(NEWS.glob("*.txt"))]
    size_mb = sum(len(story.encode("utf-8")) for story in stories) / 1e6
    best_cpu = float("inf")
    for _ in range(runs):
        c = time.process_time()
        found = sum(len(extract_claims(story)) for story in stories)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(
        f"real news: {len(stories):,} stories, {size_mb:.2f} MB, {found:,} claims; "
        f"best of {runs}: {best_cpu:.2f} s CPU = {size_mb / best_cpu:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
