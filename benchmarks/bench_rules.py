"""What the consistency rules add to extraction, on the generated news-like corpus.

    python benchmarks/bench_rules.py [--mb 2] [--repeat 3] [--one-document]

Bar (issue 12): running the rules adds at most 30 % to extraction time (CPU time, ``time.process_time``, so that
other work on a shared machine does not count). Prints the extraction time, the rules' time
(``figcheck.engine.check_document`` with the extracted claims), their ratio, and the time of each
rule. Per-rule times run the rules in registry order on one shared ``CheckContext``, as the engine
does, so work shared between rules (sentence splits, frames of claims) is charged to the first
rule that needs it. Best of ``--repeat`` runs, under the garbage collector's policy of the command
line (figcheck.gc_policy). A plain script, not a test.

What is measured: "first pass" is the first ``check_document`` pass over every document, each
read once, with nothing of them cached (only a warm-up on the first 20,000 characters of the
first document before it): what a batch run pays, measured once. "rules CPU" and the per-rule
times are the best of the passes, the later ones warm (sentences, words, frames and decisions
cached across documents by their text, as in an editor re-checking).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import corpus, documents  # noqa: E402

BAR = 0.30


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one-document", action="store_true")
    ap.add_argument("--news", type=Path, metavar="DIR",
                    help="real news instead of the generated corpus: every *.txt in DIR, one document a file "
                         "(e.g. ../shared/eval/news/reuters-dev; read at run time, never copied)")
    args = ap.parse_args()

    from figcheck.config import Settings
    from figcheck.engine import check_document
    from figcheck.gc_policy import collect_less_often
    from figcheck.extract import extract_claims
    from figcheck.rules import all_rules
    from figcheck.rules.context import CheckContext
    from figcheck.text import read_document

    collect_less_often()  # (the collector's policy of a `figcheck check` run, which the passes stand for)
    size = int(args.mb * 1_000_000)
    if args.news:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.news.glob("*.txt"))]
    else:
        texts = [corpus(size)] if args.one_document else documents(size)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    warm = texts[0][:20_000]
    check_document(read_document(warm, "text"), claims=extract_claims(warm))  # warm caches

    extract_cpu = rules_cpu = float("inf")
    first_rules_cpu = None  # the first pass: frames and referent decisions not yet cached
    per_rule: dict[str, float] = {}
    counts: dict[str, int] = {}
    n_claims = n_diagnostics = 0
    for _ in range(args.repeat):
        c = time.process_time()
        all_claims = [extract_claims(t) for t in texts]
        extract_cpu = min(extract_cpu, time.process_time() - c)
        n_claims = sum(map(len, all_claims))

        c = time.process_time()
        n_diagnostics = sum(
            len(check_document(read_document(t, "text"), claims=cl)) for t, cl in zip(texts, all_claims)
        )
        rules_cpu = min(rules_cpu, time.process_time() - c)
        if first_rules_cpu is None:
            first_rules_cpu = time.process_time() - c

        spent = dict.fromkeys(per_rule or (r.code for r in all_rules()), 0.0)
        found = dict.fromkeys(spent, 0)
        for t, cl in zip(texts, all_claims):
            ctx = CheckContext(document=read_document(t, "text"), claims=cl, settings=Settings())
            for rule in all_rules():
                c = time.process_time()
                found[rule.code] += len(list(rule.check(ctx)))
                spent[rule.code] += time.process_time() - c
        for code, seconds in spent.items():
            per_rule[code] = min(per_rule.get(code, float("inf")), seconds)
        counts = found

    ratio = rules_cpu / extract_cpu
    shape = "one document" if args.one_document and not args.news else f"{len(texts):,} documents"
    print(f"corpus             {size_mb:.2f} MB in {shape}, {n_claims:,} claims, {n_diagnostics:,} diagnostics")
    print(f"extraction CPU     {extract_cpu:.3f} s")
    print(f"rules CPU          {rules_cpu:.3f} s")
    print(f"rules / extraction {ratio:.1%}  (bar <= {BAR:.0%}: {'ok' if ratio <= BAR else 'FAIL'})")
    # What a batch run sees: every document read once, nothing of it cached yet.
    first = first_rules_cpu / extract_cpu
    print(f"first pass         rules {first_rules_cpu:.3f} s = {first:.1%} of extraction "
          f"(bar <= {BAR:.0%}: {'ok' if first <= BAR else 'FAIL'})")
    print("per rule (registry order, shared context):")
    for rule in all_rules():
        print(f"  {rule.code} {rule.name:<22} {per_rule[rule.code]:.3f} s  {counts[rule.code]:>6} found")


if __name__ == "__main__":
    main()
