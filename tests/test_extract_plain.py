"""The common shapes read at once ("rose 5 pct", "rose 5%", "a loss of 3.5 mln dlrs", "paid 15 cts") give
the claims the full reading gives, for those shapes and their near misses (another word, sign,
scale, spacing or what follows), and a year ending a clause ("in 1987.") none; the shortcut is
taken where it should be."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import figcheck.extract.claims as claims
from figcheck.extract import extract_claims

LEADS = ["", "The ", "(", "5", "_", "x-", "\n", "$", "US", "about ", "Fig. ", "\n\n", "Figs. 7 ", "Figs. 7, 8 ", "phases 3 "]
WORDS = [
    "rose", "by", "of", "was", "fell", "paid", "were", "loss", "gain", "about", "some", "than", "to", "and",
    "between", "from", "minus", "may", "sunday", "us", "rs", "dlrs", "figure", "fig", "phase", "year",
    "week", "in", "pH", "Rose", "MAY", "x-ray", "up", "just", "approximately", "a", "no", "p", "pp", "sh",
    "averagedoverthirtyoddcharacters",
]
BEFORE = [" ", "  ", "\n", "", "-", " -", " $", " ~", " (", " US$", " \u00a0", "\t", " +"]
NUMBERS = ["5", "05", "0", "5.5", "0.25", "1,200", "1,200.5", "12,34", "1987", "2023", "300", "7.", "5/8", "3½", "10-", "4:1", "1987", "0987", "2101", "2100", "1000", "999", "1987.5"]
SCALES = ["", " mln", " bln", " billion", " million", " bn", "-mln", "\nmln", " mln mln", "m", " thousand"]
SUFFIXES = [" pct", " dlrs", " dlr", " cts", " percent", "%", " %", "%%", " pcts", " pct", " dlrs", " cts", "  pct", " Pct", "pct", " ct", "%", "", "", ""]
AFTERS = [
    "", ".", ",", ";", ":", ")", " ", "\n", " to 6 pct", " to 6 dlrs", "-7 pct", " ± 1", " +2", " and 7 pct",
    " or 8 pct", " of the", ", up", "-based", "'s", "s", "/yr", " in May", " a share", "\n\nNext 5 pct",
    " through 9", " until 9", ". 12 pct", " (3 pct)", " times", " GMT", " 1/2", "0", "_", ".5", ".x", ",5", ",\n",
    ".\n\n", "), 5", ", 3/4", ". 1/2 mile", ", 5 pct",
]

PLAIN_TEXTS = st.builds(
    lambda *parts: "".join(parts),
    st.sampled_from(LEADS), st.sampled_from(WORDS), st.sampled_from(BEFORE), st.sampled_from(NUMBERS),
    st.sampled_from(SCALES), st.sampled_from(SUFFIXES), st.sampled_from(AFTERS),
)


def _anchors(text: str) -> list[int]:
    return [m.start() for m in claims.DIGIT_ANCHOR.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(PLAIN_TEXTS, min_size=1, max_size=3).map(" ".join))
@example("Figs. 7 and 5 dlrs")  # the last item of a label's list (found by this test)
@example("and 5 dlrs")  # the list's test leaves the same answer in the reader's memo
def test_the_plain_reading_is_the_full_reading(text):
    for pos in _anchors(text):
        reader = claims._FigureReader(text)
        plain = claims._plain_claim(reader, pos)
        if plain is not claims._READ_IN_FULL:
            full_reader = claims._FigureReader(text)
            assert plain == claims._claim_or_none(full_reader, pos), (text, pos)
            assert (reader.label_lists, reader.list_steps) == (full_reader.label_lists, full_reader.list_steps)
    assert extract_claims(text) == extract_claims(text, memoise=False)  # (the latter reads in full)


@pytest.mark.parametrize(
    "text, figure",
    [
        ("it rose 5 pct from", "5 pct"),
        ("a loss of 3.5 mln dlrs.", "3.5 mln dlrs"),
        ("sales of 1,200 billion dlrs, up", "1,200 billion dlrs"),
        ("(paid 15 cts a share)", "15 cts"),
        ("net was 2.5 bln dlrs", "2.5 bln dlrs"),
        ("it rose 5.5%, up", "5.5%"),
    ],
)
def test_the_plain_shapes_are_read_at_once(text, figure):
    pos = text.index(figure)
    plain = claims._plain_claim(claims._FigureReader(text), pos)
    assert plain is not claims._READ_IN_FULL and plain.text == figure
    assert plain == claims._claim_or_none(claims._FigureReader(text), pos)


@pytest.mark.parametrize(
    "text",
    [
        "about 5 pct",  # a qualifier
        "from 5 pct to 6 pct",  # a range opener
        "rose 5 pct to 6 pct",  # a range may follow
        "rose 5 pct ± 1",  # a spread may follow
        "Gate 5 pct",  # a name
        "figure 5 dlrs",  # a label
        "in 1987 dlrs",  # a year
        "was 05 pct",  # not a figure
        "x-ray 5 pct",  # not a plain word
        "rose 5 mln pct",  # a scaled percentage
        "rose 5 mln%",  # a scaled percentage
        "rose 5%/yr",  # a rate
        "it rose 5 dlr.",  # a singular noun is not counted
        "minus 5 pct",  # a sign
        "in 2101.",  # not a year
        "Fig. 1987.",  # a label
    ],
)
def test_near_misses_are_read_in_full(text):
    pos = _anchors(text)[0]
    assert claims._plain_claim(claims._FigureReader(text), pos) is claims._READ_IN_FULL


@pytest.mark.parametrize("text", ["in 1987.", "since 1985, sales", "(late 1986)", "and 2001;"])
def test_a_year_ending_a_clause_is_no_claim_at_once(text):
    pos = _anchors(text)[0]
    assert claims._plain_claim(claims._FigureReader(text), pos) is None
    assert claims._claim_or_none(claims._FigureReader(text), pos) is None
