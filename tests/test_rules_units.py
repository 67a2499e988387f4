"""Unit tests of the consistency rules' parts, on claims built by hand (no extractor)."""

from __future__ import annotations

import math

from rules_support import claim

from figcheck.config import Settings
from figcheck.figures import decimals_written, format_significant, minus_sign
from figcheck.rules import conversion_dimension, conversion_mismatch, rounding
from figcheck.rules.context import CheckContext
from figcheck.rules.words import stem
from figcheck.text import read_document


def ctx_for(text, claims, **settings):
    return CheckContext(document=read_document(text, "text"), claims=claims,
                        settings=Settings(**settings))


def test_sig_range_reads_trailing_zeros_generously():
    assert rounding.sig_range("1000") == (1, 4)
    assert rounding.sig_range("90") == (1, 2)
    assert rounding.sig_range("386") == (3, 3)
    assert rounding.sig_range("42.20") == (4, 4)


def test_rounding_interval_is_finer_just_below_a_power_of_ten():
    assert rounding.rounding_interval(1000, 1) == (950, 1500)
    lo, hi = rounding.rounding_interval(42.2, 3)
    assert math.isclose(lo, 42.15) and math.isclose(hi, 42.25)


def test_format_significant_follows_the_writers_separators():
    assert format_significant(2204.62, 4, "1,205") == "2,205"
    assert format_significant(7.456, 2, "15") == "7.5"
    # thousands set off by a space of any width, as papers print them
    for space in (" ", "\u00a0", "\u2009", "\u202f"):
        assert format_significant(6213.7, 2, f"2{space}000") == f"6{space}200"



def test_a_negative_is_written_with_the_writers_minus_sign():
    assert minus_sign("−20 °C", "4 °F") == "\u2212" and minus_sign("-20 °C", "(4 °F)") == "-"
    assert format_significant(-4, 2, "6", minus_sign("−20 °C")) == "\u22124.0"
    assert format_significant(-4, 2, "6") == "-4.0"


def test_stems_and_synonyms():
    assert stem("retaken") == stem("recaptured") == stem("liberated") == stem("took")
    assert stem("territory") == stem("land")
    assert stem("killed") == stem("died") == stem("deaths")
    assert stem("fighters") == stem("troops")
    assert stem("homes") == stem("houses")


def _conversion(text, a, b):
    return [claim(text, *a[:2], **a[2]), claim(text, *b[:2], converted_from=0, **b[2])]


def test_fc101_currency_needs_both_rates():
    text = "It cost $100 (£20)."
    claims = [
        claim(text, "$100", 100, kind="money", dimension="currency:USD", number_text="100"),
        claim(text, "£20", 20, kind="money", dimension="currency:GBP", number_text="20",
              converted_from=0),
    ]
    assert list(conversion_mismatch.check(ctx_for(text, claims))) == []
    rates = {"USD": 1.0, "GBP": 1.25}
    got = list(conversion_mismatch.check(ctx_for(text, claims, currency_rates=rates)))
    assert [d.code for d in got] == ["FC101"] and "£20" in got[0].message


def test_fc101_tolerance_adds_slack():
    text = "The path is 10 km (6.9 miles) long."
    claims = [claim(text, "10 km", 10, "kilometer", unit_text="km"),
              claim(text, "6.9 miles", 6.9, "mile", unit_text="miles", converted_from=0)]
    assert len(list(conversion_mismatch.check(ctx_for(text, claims)))) == 1
    assert list(conversion_mismatch.check(ctx_for(text, claims, tolerance=0.15))) == []


def test_fc101_temperature_difference_uses_delta_units():
    text = "Temperatures rose by 1.5C (2.7F)."
    # Even when the extractor reads both as absolute temperatures, a matching difference is fine.
    claims = [claim(text, "1.5C", 1.5, "degree_Celsius", unit_text="C"),
              claim(text, "2.7F", 2.7, "degree_Fahrenheit", unit_text="F", converted_from=0)]
    assert list(conversion_mismatch.check(ctx_for(text, claims))) == []


def test_fc101_fix_is_safe_only_for_an_exact_source():
    text = "The embankment is 12 kilometres (15 miles) long."
    claims = [claim(text, "12 kilometres", 12, "kilometer", unit_text="kilometres"),
              claim(text, "15 miles", 15, "mile", unit_text="miles", converted_from=0)]
    (d,) = conversion_mismatch.check(ctx_for(text, claims))
    assert d.fix.applicability == "safe" and d.fix.edits[0].new_text == "7.5"
    text2 = "The embankment is about 12 kilometres (15 miles) long."
    claims2 = [claim(text2, "about 12 kilometres", 12, "kilometer", unit_text="kilometres",
                     qualifier="about", is_estimate=True),
               claim(text2, "15 miles", 15, "mile", unit_text="miles", converted_from=0)]
    (d2,) = conversion_mismatch.check(ctx_for(text2, claims2))
    assert d2.fix.applicability == "unsafe"


def test_fc102_only_for_two_quantities_with_units():
    text = "The stadium seats 60,000 (about 60,000 people were there)."
    claims = [claim(text, "60,000", 60000), claim(text, "about 60,000 people", 60000,
                                                  converted_from=0, counted="person")]
    assert list(conversion_dimension.check(ctx_for(text, claims))) == []
    text = "It carried 18 tonnes (40 miles) of grain."
    claims = [claim(text, "18 tonnes", 18, "metric_ton", unit_text="tonnes"),
              claim(text, "40 miles", 40, "mile", unit_text="miles", converted_from=0)]
    (d,) = conversion_dimension.check(ctx_for(text, claims))
    assert d.code == "FC102" and "a length" in d.message and "a mass" in d.message


def test_the_decimals_a_number_was_written_with_are_kept_by_a_fix():
    assert [decimals_written(t) for t in ("35", "34.7", "13.10", "1,200", "1,234.5", "", None)] == \
        [0, 1, 2, 0, 1, 0, 0]
