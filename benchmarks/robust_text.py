"""Seconds per MB on pathological text (issue #8), for docs/reliability.md.

    .venv/bin/python benchmarks/robust_text.py [--size 1000000]

Runs every case of tests/test_robust_text.py at ``--size`` characters: extraction alone for the
extraction cases, reading plus the whole check for the markup cases. Prints the worst first.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from figcheck.engine import check_document  # noqa: E402
from figcheck.extract import extract_claims  # noqa: E402
from figcheck.text import read_document  # noqa: E402
from test_robust_text import EXTRACTION_CASES, MARKUP_CASES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    args = parser.parse_args()
    rows = []
    for name, make in EXTRACTION_CASES.items():
        text = make(args.size)
        start = time.perf_counter()
        extract_claims(text)
        rows.append((f"extract: {name}", len(text), time.perf_counter() - start))
    for fmt, cases in MARKUP_CASES.items():
        for name, make in cases.items():
            text = make(args.size)
            start = time.perf_counter()
            check_document(read_document(text, fmt))
            rows.append((f"{fmt}: {name}", len(text), time.perf_counter() - start))
    rows.sort(key=lambda r: r[2] / r[1], reverse=True)
    print("| case | characters | seconds | s/MB |\n|---|---:|---:|---:|")
    for name, n, seconds in rows:
        print(f"| {name} | {n:,} | {seconds:.2f} | {seconds / n * 1e6:.2f} |", flush=True)


if __name__ == "__main__":
    main()
