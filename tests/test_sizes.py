"""Sizes written as products ("10 by 12 feet", "60 × 10 × 3 mm3"): each side is a figure in the
size's unit, a bracketed size restates it side by side, and repetitions are not sizes."""

from __future__ import annotations

import pytest

from figcheck.engine import check_text
from figcheck.extract import extract_claims, products
from work_support import CountingPattern


def sides(text: str) -> list[tuple[str, float, str | None]]:
    return [(c.text, c.value, c.unit) for c in extract_claims(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The room is 10 by 12 feet.", [("10", 10, "foot"), ("12 feet", 12, "foot")]),
        ("Specimens 60 × 10 × 3 mm3 in size.",
         [("60", 60, "millimeter"), ("10", 10, "millimeter"), ("3 mm3", 3, "millimeter")]),
        ("A 20 × 30 ft hall.", [("20", 20, "foot"), ("30 ft", 30, "foot")]),
        ("Plates of 10x10 cm were cut.", [("10", 10, "centimeter"), ("10 cm", 10, "centimeter")]),
        ("They average 37 mm × 26 mm.", [("37 mm", 37, "millimeter"), ("26 mm", 26, "millimeter")]),
        ("The 30-by-40-foot frame.", [("30", 30, "foot"), ("40-foot", 40, "foot")]),
        ("Set to 20 × 20 degrees of visual field.", [("20", 20, "degree"), ("20 degrees", 20, "degree")]),
        ("A 10 × 10 cm2 plate.", [("10", 10, "centimeter"), ("10 cm2", 10, "centimeter")]),
        ("An area of 1,200 × 800 m.", [("1,200", 1200, "meter"), ("800 m", 800, "meter")]),
    ],
)
def test_each_side_of_a_size_is_a_figure_in_its_unit(text, expected):
    assert sides(text) == expected


def test_a_qualifier_before_a_size_qualifies_every_side():
    first, second = extract_claims("An area of about 10 × 12 m was cleared.")
    assert (first.text, first.qualifier, second.qualifier) == ("about 10", "about", "about")
    assert second.low < 12 < second.high


@pytest.mark.parametrize(
    "text, expected",
    [
        # legs, doses and spans of time are repetitions, not sizes
        ("She ran the 4 × 100 m relay.", []),
        ("Two halves of 2 × 45 minutes.", []),
        ("Take 3 x 500 mg daily.", [("500 mg", 500, "milligram")]),
        ("Armed with 2 × 12.7 mm machine guns.", []),
        # scientific notation and products of numbers are not sizes
        ("A rate of 3 × 10^6 m a year.", [("3 × 10^6 m", 3e6, "meter")]),
        ("A 5×10−4 m film.", [("5×10−4 m", 5e-4, "meter")]),
        # no unit at the end, or too many sides
        ("The 4x4 vehicle was parked.", []),
        ("A 1 x 2 x 3 x 4 m stack.", [("4 m", 4, "meter")]),
    ],
)
def test_what_is_not_a_size(text, expected):
    assert sides(text) == expected


def _linked(text: str) -> list[tuple[str, str | None]]:
    claims = extract_claims(text)
    return [(c.text, None if c.converted_from is None else claims[c.converted_from].text) for c in claims]


def test_a_bracketed_size_restates_each_side():
    assert _linked("The room is 10 by 12 feet (3.0 by 3.7 m).") == [
        ("10", None), ("12 feet", None), ("3.0", "10"), ("3.7 m", "12 feet")]
    assert _linked("A cabinet of 382 × 215 × 199 millimetres (15.0 × 8.5 × 7.8 in).")[3:] == [
        ("15.0", "382"), ("8.5", "215"), ("7.8 in", "199 millimetres")]
    assert _linked("Eggs of 37 mm × 26 mm (1.5 in × 1.0 in).")[2:] == [("1.5 in", "37 mm"), ("1.0 in", "26 mm")]


def test_an_area_after_a_size_is_not_its_last_side_converted():
    assert _linked("A 2 × 3 m (65 sq ft) plot.") == [("2", None), ("3 m", None), ("65 sq ft", None)]
    assert check_text("A 2 × 3 m (65 sq ft) plot was dug.") == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The room is 10 by 12 feet (3.0 by 3.7 m).", []),
        ("The room is 10 by 12 feet (5.0 by 3.7 m).", ["5.0"]),
        ("The room is 10 by 12 feet (3.0 by 4.7 m).", ["4.7 m"]),
        ("A 20 × 30 ft (6.1 × 19.1 m) hall.", ["19.1 m"]),
        ("Eggs of 37 mm × 26 mm (1.5 in × 1.3 in).", ["1.3 in"]),
    ],
)
def test_each_side_of_a_converted_size_is_checked(text, flagged):
    found = [d for d in check_text(text) if d.code == "FC101"]
    assert [text[d.start:d.end] for d in found] == flagged


@pytest.mark.parametrize("unit", ["1 x ", "5 by 3 ", "2 m × "])
def test_a_long_run_of_products_reads_each_join_a_bounded_number_of_times(monkeypatch, unit):
    # (work, not time: a run read again from each of its sides is quadratic)
    joins = CountingPattern(products.SIDE_JOIN)
    monkeypatch.setattr(products, "SIDE_JOIN", joins)
    text = unit * 3000 + "5 m"
    extract_claims(text)
    assert 0 < joins.calls <= 2 * text.count(unit.split()[1]) + 10


def test_a_count_of_things_of_one_size_is_no_size():
    assert sides("Armed with 2 × 7.62 mm guns.") == []
    assert sides("Two 10 x 12 feet rooms.") == [("10", 10, "foot"), ("12 feet", 12, "foot")]
