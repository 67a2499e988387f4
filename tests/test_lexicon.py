"""Every unit the extractor knows is a unit pint knows, of the kind its table says."""

from __future__ import annotations

import pytest

from figcheck import units
from figcheck.extract import lexicon as L

ALL_UNITS = sorted(set(L.WORD_UNITS.values()) | set(L.SYMBOL_UNITS.values()))


@pytest.mark.parametrize("unit", ALL_UNITS)
def test_lexicon_units_parse_in_pint(unit):
    if unit in L.UNIT_FACTORS:
        unit = L.UNIT_FACTORS[unit][0]
    assert units.canonical(unit)
    assert units.dimension(unit)


# Every symbol the extractor knows, in a rate and in a product, and as the denominator of one:
# what pint cannot combine ("dB/km" once asked it for "delta_decibel") must never stop a file.
_SYMBOLS = sorted(L.SYMBOL_UNITS)


@pytest.mark.parametrize("form", ["It was 5 {}/km.", "It was 5 {} m⁻¹.", "It was 5 {} per metre.",
                                  "It was 5 m/{}.", "It was 5 kg {}⁻¹."])
def test_every_symbol_combined_with_another_unit_reads_without_error(form):
    from figcheck.extract import extract_claims

    for symbol in _SYMBOLS:
        for claim in extract_claims(form.format(symbol)):
            assert claim.dimension, (symbol, claim)


@pytest.mark.parametrize(
    "written, dimension",
    [
        ("square miles", "[length] ** 2"), ("hectares", "[length] ** 2"), ("km²", "[length] ** 2"),
        ("tonnes", "[mass]"), ("lb", "[mass]"), ("mph", "[length] / [time]"),
        ("knots", "[length] / [time]"), ("litres", "[length] ** 3"), ("°F", "[temperature]"),
        ("months", "[time]"), ("GB", "[information]"),
    ],
)
def test_written_units_have_the_expected_kind(written, dimension):
    unit = L.WORD_UNITS.get(written.lower()) or L.SYMBOL_UNITS[written]
    assert units.dimension(unit) == dimension


def test_conversions_use_offsets_for_temperatures():
    assert units.convert(30, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(86)
    assert units.convert(1, "delta_degree_Fahrenheit", "delta_degree_Celsius") == pytest.approx(5 / 9)


def test_trie_pattern_is_shaped_as_a_trie():
    # The text itself matters: figcheck.compiled_patterns keys the compiled form by it.
    assert L.trie_pattern(["ten", "two", "three"]) == "t(?:en|hree|wo)"
    assert L.trie_pattern(["km", "kms"]) == "km(?:s)?"
    assert L.trie_pattern(["sq mi", "sq. mi", "sq"]) == r"sq(?:\ mi|\.\ mi)?"
    assert L.trie_pattern(["mi", "mile", "miles", "mm"]) == "m(?:i(?:le(?:s)?)?|m)"
    assert L.trie_pattern(["a"]) == "a" and L.trie_pattern([]) == ""


def test_trie_pattern_matches_exactly_its_words():
    import re

    words = ["six", "sixteen", "sixty", "seven", "a", "an", "ten"]
    pattern = re.compile(r"\b(?:" + L.trie_pattern(words) + r")\b")
    for word in words:
        assert pattern.fullmatch(word), word
    for other in ["si", "sixt", "sevens", "te", "seventy"]:
        assert not pattern.fullmatch(other), other


def test_no_currency_form_after_a_figure_starts_with_a_digit():
    # claims.py's money_word_after returns at once at a digit: that is exact only while this holds.
    forms = [*L.CURRENCY_WORDS, *L.CURRENCY_CODES_AFTER, *L.CURRENCY_SYMBOLS_AFTER, *L.SUBUNIT_WORDS]
    assert forms and not [form for form in forms if form[0].isdecimal()]
