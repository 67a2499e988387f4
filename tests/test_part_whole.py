"""What FC301 and FC302 read before comparing a part with its whole (figcheck.rules.part_whole),
and where their diagnostics point."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.rules.part_whole import common_base

from rules_support import check


def _pair(text: str, part: str, whole: str):
    claims = extract_claims(text)
    found = {}
    for c in claims:
        for key in (part, whole):
            if c.text.startswith(key) and key not in found:
                found[key] = c
    return found[part], found[whole]


@pytest.mark.parametrize(
    "text,part,whole,kind,factors",
    [
        ("Of the 42 passengers, 45 were taken to hospital.", "45", "42 passengers", "count", (1, 1)),
        ("Some 30 people were hurt, including 40 children.", "40 children", "Some 30", "count", (1, 1)),
        ("Of the 1.20 dlrs a share, 90 cts a share came from operations.", "90 cts", "1.20 dlrs",
         "money", (0.01, 1)),
        ("Of the 2 km of road, 500 metres were damaged.", "500 metres", "2 km", "quantity", (0.001, 1)),
    ],
)
def test_the_same_kind_of_thing_on_one_base(text, part, whole, kind, factors):
    p, w = _pair(text, part, whole)
    base = common_base(p, w, text)
    assert base is not None and base.kind == kind
    assert (base.part, base.whole) == pytest.approx(factors)


@pytest.mark.parametrize(
    "text,part,whole",
    [
        ("The charity sent 300 crates of 100 blankets each.", "300 crates", "100 blankets"),
        ("It will redeem 900,000 shares of its 2.50 dlrs preferred.", "900,000 shares", "2.50 dlrs"),
        ("The division had 1986 revenues of 3.4 billion dlrs.", "1986 revenues", "3.4 billion"),
        ("It will sell 400,000 shares of 6-7/8 pct preferred.", "400,000 shares", "6"),
        ("Of the 40 mln dlrs paid out, 52 cts a share went to holders.", "52 cts", "40 mln"),
        ("Of the 11 mln stg raised, 14 mln dlrs went abroad.", "14 mln", "11 mln"),
    ],
)
def test_different_kinds_are_not_parts_of_each_other(text, part, whole):
    p, w = _pair(text, part, whole)
    assert common_base(p, w, text) is None


def test_fc301_points_at_the_part_and_relates_the_whole():
    text = "The coach was carrying 42 passengers. Of the 42 passengers, 45 were taken to hospital."
    [d] = [d for d in check(text) if d.code == "FC301"]
    assert text[d.start : d.end] == "45"
    assert [text[r.start : r.end] for r in d.related] == ["42 passengers"]
    assert "both counts of passengers" in d.message


def test_a_part_over_the_whole_is_reported_once():
    text = "Of the 40 people on board, 45 were children and 30 were adults."
    assert [d.code for d in check(text)] == ["FC301"]


def test_open_breakdown_over_its_total_says_why():
    text = "The firm has 500 employees, 300 of them in France and 250 in Spain."
    [d] = check(text)
    assert d.code == "FC302"
    assert "550" in d.message and "“300 of them”" in d.message and "in France, in Spain" in d.message


@pytest.mark.parametrize(
    "text",
    [
        "In the poll, 80% of men and 70% of women backed the plan.",
        "Support stood at 80% of men and 70% of women.",
    ],
)
def test_shares_of_different_wholes_are_silent(text):
    assert check(text) == []


@pytest.mark.parametrize("text, flagged", [
    # shares with neither a whole nor an answer: rates of different things as often as parts
    ("Patients had a mean age of 45 and were 86% black, 66% male.", []),
    ("The common toxicities were neutropenia 54% and thrombocytopenia 51%.", []),
    ("Expression was reduced in 49% EOCs, 21.4% LMP, and 45% benign tumours.", []),
    # a whole named, an answer given, or a poll: shares of one whole
    ("Of the patients, 52% were white, 30% were black and 25% were Hispanic.", ["FC302"]),
    ("In the survey, 48% backed the plan, 39% opposed it and 21% were undecided.", ["FC302"]),
    ("Asked about the plan, 48% backed it, 39% opposed it and 21% were undecided.", ["FC302"]),
])
def test_shares_over_100_need_a_whole_an_answer_or_a_poll(text, flagged):
    assert [d.code for d in check(text)] == flagged


@pytest.mark.parametrize("text, flagged", [
    # "13 … out of a squad of 31": the second figure is the whole of the first, not a part
    ("That is eight players plus injuries - 13 players out of a squad of 31.", []),
    ("Ten players are away - 13 players out of a squad of 31.", []),
    # a list of parts still reads on past "and"
    ("Thirty people were injured: 12 seriously and 21 lightly.", ["FC302"]),
])
def test_a_figure_after_out_of_is_a_whole_not_another_part(text, flagged):
    assert [d.code for d in check(text)] == flagged


def test_the_whole_pointed_at_again_is_not_a_part_of_it():
    # (SQuAD's Ctenophora: "four branches … – two of these four branches terminate in anal pores")
    text = ("The canals reach four branches round the sensory complex at the far end from the "
            "mouth – two of these four branches terminate in anal pores.")
    assert [d.code for d in check(text)] == []
    assert [d.code for d in check("Thirty people were injured: 12 seriously and 25 lightly.")] == ["FC302"]
