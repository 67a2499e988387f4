"""Long-running fuzzing of figcheck's input-facing code (docs/reliability.md).

Targets (``--target``):
  extract   claims from arbitrary text: exact spans, document order, no overlap, bounds ordered
  readers   Markdown, LaTeX, reStructuredText and HTML readers: prose as long as the source,
            line breaks kept, then the whole check on the prose
  decode    bytes → text: decodes or fails with a kind, and re-encodes to the same bytes
  sync      the server's document store under random UTF-16 edits vs a reference string
  all       each of the above in turn (default)

With atheris installed (``pip install atheris``; coverage-guided, libFuzzer) the ``extract`` and
``readers`` targets run under it; otherwise hypothesis generates inputs for as long as asked.
Each input also has a time limit: ``--slow`` seconds, plus ``--slow-per-mb`` for each MB of it
(issue #15: no input may take more than 3x the time per MB of prose; a first check of prose takes
10-15 s/MB here); anything slower is reported as a hang candidate with the input saved under
fuzz/findings/.

    .venv/bin/python fuzz/fuzz_figcheck.py --minutes 10
    .venv/bin/python fuzz/fuzz_figcheck.py --target readers --examples 100000
    .venv/bin/python fuzz/fuzz_figcheck.py --atheris --target extract -- -max_total_time=600
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FINDINGS = Path(__file__).resolve().parent / "findings"
SLOW = 2.0
SLOW_PER_MB = 40.0
BATCH = 500


def _save(kind: str, data: bytes) -> Path:
    FINDINGS.mkdir(exist_ok=True)
    path = FINDINGS / f"{kind}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def _timed(kind: str, payload: str, func) -> None:
    start = time.perf_counter()
    try:
        func()
    except Exception:
        print(f"CRASH in {kind}; input saved to {_save(kind, payload.encode('utf-8', 'surrogatepass'))}")
        raise
    elapsed = time.perf_counter() - start
    if elapsed > SLOW + SLOW_PER_MB * len(payload) / 1e6:
        print(f"SLOW ({elapsed:.1f} s) in {kind}; input saved to "
              f"{_save(kind + '-slow', payload.encode('utf-8', 'surrogatepass'))}")


# --- properties ------------------------------------------------------------------------------
def check_extract(text: str) -> None:
    from figcheck.extract import extract_claims

    def run():
        claims = extract_claims(text)
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            if claim.low is not None and claim.high is not None:
                assert claim.low <= claim.high
        assert all(a.end <= b.start for a, b in zip(claims, claims[1:]))

    _timed("extract", text, run)


def check_readers(text: str) -> None:
    from figcheck.engine import check_document
    from figcheck.text import read_document

    for fmt in ("text", "markdown", "latex", "rst", "html"):
        def run(fmt=fmt):
            doc = read_document(text, fmt)
            assert len(doc.prose) == len(text)
            check_document(doc)

        _timed(f"reader-{fmt}", text, run)


def check_decode(data: bytes) -> None:
    from figcheck.io import FileError, decode_bytes

    try:
        text, encoding, bom = decode_bytes(data)
    except FileError as exc:
        assert exc.kind in ("binary", "decode")
        return
    assert bom + text.encode(encoding) == data


# --- hypothesis driver -----------------------------------------------------------------------
PIECES = ["1,000", "30\u2009000", "2.5", "½", "-", "–", " to ", " and ", "between ", "about ", "a ",
          "thousand", " million", "km", " square miles", "%", "$", "€", "(", ")", " ", "\n", "\n\n",
          "\r\n", "\r", "people", "one hundred ", "twenty-", "°F", "'", '"', "5", "12", "×10^", "±",
          "`", "**", "[", "](", "<", "</", "&amp;", "\\", "{", "}", "\\verb|", ":a:`", "- ", "> ",
          "|", "```\n", "<!--", "-->", "\\SI{5}{\\km}", "😀", "é", "\u0301", "\x00"]


def hypothesis_run(target: str, examples: int, deadline: float) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    text = st.one_of(st.text(max_size=400),
                     st.lists(st.sampled_from(PIECES), max_size=200).map("".join),
                     st.lists(st.sampled_from(PIECES), min_size=1, max_size=4)
                     .flatmap(lambda ps: st.integers(100, 20_000).map(lambda n: "".join(ps) * n)))
    def until_deadline(func):
        def wrapper(value):
            if time.monotonic() < deadline:
                func(value)
        return wrapper

    if target == "sync":
        sys.path.insert(0, str(ROOT / "tests"))
        import test_robust_properties as props

        inner = props.test_document_sync_matches_a_reference_and_the_cache_matches_extraction.hypothesis.inner_test
        strategy = st.tuples(st.sampled_from(["utf-16", "utf-8", "utf-32"]), props.TEXT,
                             st.lists(props.edit, max_size=30))
        prop = lambda args: inner(*args)  # noqa: E731
    else:
        strategy = st.binary(max_size=400) if target == "decode" else text
        prop = {"extract": check_extract, "readers": check_readers, "decode": check_decode}[target]
    done = 0
    while done < examples and time.monotonic() < deadline:  # batches, each with fresh random inputs
        batch = min(BATCH, examples - done)
        options = settings(max_examples=batch, deadline=None, database=None,
                           suppress_health_check=list(HealthCheck))
        given(strategy)(options(until_deadline(prop)))()
        done += batch
    return done


ATHERIS_MISSING = (
    "fuzz_figcheck.py: --atheris needs atheris, which is not installed ({error}).\n"
    "Install it with `pip install atheris` (on some platforms it needs a CPython built with Clang),\n"
    "or leave out --atheris to fuzz with hypothesis, which the test extra installs."
)


def atheris_run(target: str, argv: list[str]) -> int:
    try:
        import atheris
    except ImportError as exc:
        print(ATHERIS_MISSING.format(error=exc), file=sys.stderr)
        return 2

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
        (check_extract if target == "extract" else check_readers)(text)

    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    global SLOW, SLOW_PER_MB
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=("extract", "readers", "decode", "sync", "all"), default="all")
    parser.add_argument("--examples", type=int, default=10_000_000, help="inputs per target (hypothesis)")
    parser.add_argument("--minutes", type=float, default=5.0, help="time per target (hypothesis)")
    parser.add_argument("--slow", type=float, default=SLOW, help="seconds per input that count as a hang ...")
    parser.add_argument("--slow-per-mb", type=float, default=SLOW_PER_MB, help="... plus these a MB of the input")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided, with atheris")
    args, rest = parser.parse_known_args()
    SLOW, SLOW_PER_MB = args.slow, args.slow_per_mb
    if args.atheris:
        return atheris_run("readers" if args.target == "readers" else "extract", rest)
    targets = ["extract", "readers", "decode", "sync"] if args.target == "all" else [args.target]
    for target in targets:
        start = time.monotonic()
        print(f"fuzzing {target} for up to {args.minutes:g} min ...", flush=True)
        done = hypothesis_run(target, args.examples, start + args.minutes * 60)
        print(f"  {target}: no failure in about {done:,} inputs, {time.monotonic() - start:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
