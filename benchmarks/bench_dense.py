"""Seconds per MB of dense and odd input, relative to ordinary prose (issue #15: within 3×).

    .venv/bin/python benchmarks/bench_dense.py [--kb 200] [--runs 3] [--first]

Each case is read and checked whole (extraction and every rule), in one process, best CPU time
of ``--runs``; prose is the generated corpus of benchmarks/corpus.py. A second table gives
extraction alone, where the rules engineer's and the extractor's shares can be told apart.
``--first`` adds a third: each case checked once, in a fresh process (a first check).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import corpus  # noqa: E402

from figcheck.engine import check_document  # noqa: E402
from figcheck.extract import extract_claims  # noqa: E402
from figcheck.text import read_document  # noqa: E402


def _repeat(unit: str):
    return lambda n: unit * max(1, n // len(unit))


CASES = {
    "prose (generated corpus)": corpus,
    "dense conversions": _repeat("5 km (3 miles) "),
    "sizes and their conversions": _repeat("a 10 by 12 feet (3.0 by 3.7 m) room, "),
    "products without a unit": _repeat("5 by 3 "),
    "run of numbers": lambda n: "The " + "1 " * (n // 2),
    "numbers a line": _repeat("12\n"),
    "part and breakdown": _repeat("Of the 42 passengers, 45 were hurt: 12 seriously and 40 lightly. "),
    # one sentence whose every figure may start a breakdown (each was quadratic; found by fuzzing)
    "series set off by dashes": _repeat("12 - "),
    "totals and parts, one sentence": _repeat("30 people, 12 of them "),
    "of whom, one sentence": _repeat("12, of whom "),
    "one number in two units, one sentence": _repeat("12 km and 12 miles "),
    "one figure in many paragraphs": _repeat("The bridge is 40 metres long.\n\n"),
    "long line of prose": lambda n: corpus(n).replace("\n", " "),
    "percent list": _repeat("Shares rose 5%, 7%, 9% and 12%; "),
    "money table": _repeat("Shr 35 cts vs 18 cts\nNet 4.5 mln vs 2.1 mln\nRevs 80.3 mln vs 70.0 mln\n"),
    # every count after the first conflicts with the one before: FC201's diagnostics, dense
    "a count restated, changed": _repeat("The storm killed 310 people. Later the storm killed 930 people. "),
    # one sentence given again and again with a new figure each time (a generated report): every
    # pair in a window is nearly the same sentence; pairs of figures the list filter silences
    # anyway are left unjudged, but each new sentence is still read (about 5x prose: NOT within 3x)
    "one sentence, a new figure each time": lambda n: "".join(
        f"The factory added {1000 + k * 7919 % 9000} jobs in May.\n\n" for k in range(max(1, n // 36))),
    # change sentences run on without a full stop, with numbers between them: one long sentence,
    # read by FC303 in windows around each percentage, the sentence's figures read once for all
    # its windows. A first check (--first): about 13 s/MB (21 s/MB with varied numbers), where a
    # first check of the prose corpus as one document takes 11-15 s/MB
    "run-on change sentences": _repeat("Sales rose 5% to 7 from 8 " + "19 " * 30),
    # changes run on, each stated wrongly (a rise from 10 to 12 is 20%): one diagnostic a change;
    # each binding is kept once a document (overlapping windows bound each about ten times: a
    # first check took 40 s/MB, 4x prose)
    "run-on changes, each wrong": _repeat("a 5% rise to $12 from $10, "),
    # plain-text sections numbered alike, each giving the figure anew: every pair is judged up to
    # the parallel-sections veto (and the walk by window shapes is off where sections may part)
    "numbered sections, a figure each": lambda n: "".join(
        f"Item {k}\n\nThe bridge is {40 + k % 7} metres long.\n\n" for k in range(max(1, n // 42))),
}
# Markdown cases (read as Markdown): sections headed alike, each restating the others' count.
MARKDOWN_CASES = {
    "Markdown changelog": lambda n: "".join(
        f"## Version 1.{k}\n\nThis release comes with {(112, 115, 263)[k % 3]} commits.\n\n"
        for k in range(max(1, n // 60))),
}


def best_cpu(func, text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        func(text)
        best = min(best, time.process_time() - start)
    return best


def first_check(name: str, size: int) -> float:
    """Seconds per MB of one check of case ``name`` in this process, after a check of one line
    (what a batch run or an editor's first check of the document pays: nothing of it cached)."""
    make, fmt = CASES.get(name), "text"
    if make is None:
        make, fmt = MARKDOWN_CASES[name], "markdown"
    text = make(size)
    check_document(read_document("It is 5 km (3 miles) long.", "text"))
    start = time.process_time()
    check_document(read_document(text, fmt))
    return (time.process_time() - start) / (len(text.encode("utf-8")) / 1e6)


def first_checks(names: list[str], kb: int) -> None:
    """Each case checked once, each in a fresh process."""
    print(f"\nfirst check (extraction + rules) in a fresh process, {kb} KB each, CPU")
    print("| case | s/MB | × prose |\n|---|---:|---:|")
    prose = None
    for name in names:
        out = subprocess.run([sys.executable, __file__, "--kb", str(kb), "--case", name],
                             capture_output=True, text=True, check=True).stdout
        per_mb = float(out.split()[-1])
        prose = prose or per_mb
        print(f"| {name} | {per_mb:.2f} | {per_mb / prose:.1f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--first", action="store_true",
                    help="also each case checked once in a fresh process: a first check, with nothing "
                         "cached across checks (the best of --runs finds sentences and their readings "
                         "cached, and generated text repeats them)")
    ap.add_argument("--case", help=argparse.SUPPRESS)  # (one case's first check: for --first)
    args = ap.parse_args()
    size = args.kb * 1000
    if args.case:
        print(first_check(args.case, size))
        return
    check_document(read_document(corpus(20_000), "text"))  # build what is built once
    cases = [(name, make, "text") for name, make in CASES.items()]
    cases += [(name, make, "markdown") for name, make in MARKDOWN_CASES.items()]
    for label, func in (("check (extraction + rules)", lambda t, fmt: check_document(read_document(t, fmt))),
                        ("extraction alone", lambda t, fmt: extract_claims(read_document(t, fmt).prose))):
        print(f"\n{label}, {args.kb} KB each, best CPU of {args.runs}")
        print("| case | s/MB | × prose |\n|---|---:|---:|")
        prose = None
        for name, make, fmt in cases:
            text = make(size)
            per_mb = best_cpu(lambda t: func(t, fmt), text, args.runs) / (len(text.encode("utf-8")) / 1e6)
            prose = prose or per_mb
            print(f"| {name} | {per_mb:.2f} | {per_mb / prose:.1f} |", flush=True)
    if args.first:
        first_checks([name for name, _, _ in cases], args.kb)


if __name__ == "__main__":
    main()
