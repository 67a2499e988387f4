"""Claims read once per distinct surroundings and moved (issue #15) are the claims read afresh.

``extract_claims(text, memoise=False)`` reads every figure itself; the default path reads a
figure in digits once per distinct text around it and moves the claim to each repeat. Repeats
are what make the two paths differ, so the generated texts repeat a random stretch many times.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figcheck.extract.claims as claims_module
from figcheck.extract import extract_claims

PIECES = st.sampled_from(
    [
        "1", "5", "12", "42", "2022", "1,000", "2.5", "½", " km", " miles", "(", ")", " (", "%",
        " per cent", "$", "£", " million", "bn", " to ", " and ", ", ", "; ", ". ", "-", "–",
        "between ", "about ", "more than ", "Figs. ", "phases ", "Article ", "No. ", " people",
        " troops", "Of the ", " were hurt", "\n", "\n\n", " ", "\u00a0", "°C", " ft", " in",
        "x", ":", "/", "±", " times", " of them", "Shr ", " cts vs ", " mln", "Voyager ",
        " " * 20, "a" * 45, "twenty", " three",
    ]
)
# A stretch repeated until it fills a few windows of the memo, with something else before and after.
REPEATED = st.tuples(
    st.lists(PIECES, max_size=6).map("".join),
    st.lists(PIECES, min_size=1, max_size=8).map("".join),
    st.integers(min_value=20, max_value=400),
    st.lists(PIECES, max_size=6).map("".join),
).map(lambda parts: parts[0] + parts[1] * max(1, min(parts[2], 8000 // max(1, len(parts[1])))) + parts[3])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPEATED)
def test_memoised_claims_are_the_claims_read_afresh(text):
    assert extract_claims(text) == extract_claims(text, memoise=False)


def test_a_long_list_after_a_label_reads_the_same():
    # Whether a label's list holds a figure is kept for the figures after it: a figure deep in a
    # long list depends on text far before its surroundings (the first list gives counts, the
    # second none), though both lists hold stretches of "1, " longer than those surroundings.
    text = "Of those " + "1, " * 1000 + "and 1 people. In phases " + "1, " * 1000 + "and 1."
    found = extract_claims(text)
    assert found == extract_claims(text, memoise=False)
    second_list = text.index("phases")
    assert len(found) == 1001 and all(claim.end < second_list for claim in found)


def test_long_runs_in_reach_are_read_afresh():
    text = ("It is 5 km" + " " * 30 + "(3 miles) long. ") * 300 + ("12 " + "x" * 50 + " 7 km. ") * 300
    assert extract_claims(text) == extract_claims(text, memoise=False)


def _reads(monkeypatch) -> list[int]:
    """Where the extractor reads a figure afresh, from now on (a list that grows)."""
    reads: list[int] = []
    real = claims_module._claim_at
    monkeypatch.setattr(claims_module, "_claim_at", lambda reader, pos: reads.append(pos) or real(reader, pos))
    return reads


def test_repeated_surroundings_are_read_once(monkeypatch):
    reads = _reads(monkeypatch)
    text = "5 km (3 miles) " * 6000
    found = extract_claims(text)
    assert len(found) == 12000
    # Read afresh: the figures near either end (whose surroundings reach past the text) and
    # each distinct surrounding twice; every other figure is a moved copy.
    assert len(reads) < 1000
    reads.clear()
    assert extract_claims(text, memoise=False) == found
    assert len(reads) == 12000


def test_the_figures_cut_by_the_end_are_not_stored_in_turn(monkeypatch):
    # Surroundings cut by the end of the text are the same only with as much text after them:
    # the last 2 KB of a run of numbers are 1,000 such surroundings, each met once. Storing each
    # one (and testing its 3 KB for long runs) bought nothing: the work counted is those tests.
    tested = []
    real = claims_module._LONG_RUN

    class CountedLongRun:
        def search(self, window):
            tested.append(len(window))
            return real.search(window)

    monkeypatch.setattr(claims_module, "_LONG_RUN", CountedLongRun())
    text = "The " + "1 " * 20_000
    found = extract_claims(text)
    assert len(found) == 20_000
    assert len(tested) < 20
    monkeypatch.undo()
    assert found == extract_claims(text, memoise=False)


def test_a_series_that_no_label_holds_is_read_once_per_surroundings(monkeypatch):
    # Each figure of "12 - 12 - …" steps back to the one before it (a label's list may be
    # written "6–7"); finding no label there rests on the items in reach alone, so the memo keeps
    # the reading (it read every figure afresh: 16 s/MB).
    reads = _reads(monkeypatch)
    text = "12 - " * 4000
    found = extract_claims(text)
    assert len(found) == 4000 and len(reads) < 1000
    assert extract_claims(text, memoise=False) == found


def test_a_long_series_after_a_label_reads_the_same():
    text = "In phases " + "1 - " * 1000 + "and 1. We saw " + "12 - " * 1000 + "12 people."
    assert extract_claims(text) == extract_claims(text, memoise=False)
