"""How messages name a figure's unit (figcheck.rules.unit_names): plural after a number even where
the writer made the measure an adjective, and a replacement spelled for where it stands."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.extract.lexicon import plural_unit_word, singular_unit_word
from figcheck.rules.unit_names import after_a_number, as_an_adjective, in_place_of


def _claim(text: str):
    (claim,) = extract_claims(text)
    return claim


@pytest.mark.parametrize("text, adjective, named", [
    ("a 300-foot tower", True, "feet"),
    ("a 1,000-kilometre pipeline", True, "kilometres"),
    ("a 3,000-square-foot house", True, "square feet"),
    ("it is 300 feet tall", False, "feet"),
    ("it covers 40 km2", False, "km2"),
])
def test_a_unit_after_a_number_is_plural_even_from_an_adjective(text, adjective, named):
    claim = _claim(text)
    assert as_an_adjective(claim) is adjective
    assert after_a_number(claim, claim.unit_text) == named


@pytest.mark.parametrize("text, other, replacement", [
    ("a 300-foot tower", "metres", "metre"),  # (an adjective takes the singular)
    ("it is 300 metres tall", "foot", "feet"),  # (after 300, the plural)
    ("it is 1 metre tall", "foot", "foot"),
    ("a 300-foot tower", "m", "m"),  # (a symbol stays as it is)
    ("it covers 300 square miles", "square kilometres", "square kilometres"),
])
def test_a_replacement_unit_takes_the_number_of_the_one_it_replaces(text, other, replacement):
    assert in_place_of(_claim(text), other) == replacement


def test_singular_and_plural_words_go_both_ways():
    for one, many in (("metre", "metres"), ("foot", "feet"), ("square mile", "square miles"), ("inch", "inches")):
        assert plural_unit_word(one) == many and singular_unit_word(many) == one
    assert plural_unit_word("km") is None and singular_unit_word("km") is None
