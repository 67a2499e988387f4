"""The extractor's cheap tests before its patterns decide as the patterns do (issue #15).

Each shortcut skips a regex where a cheap look at one or two characters shows it cannot match.
The sets of characters are checked against every code point (ignoring case as the patterns do,
which lets "ſ" match "s"); the shortcuts are checked against the patterns on generated text.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck.extract.claims as claims
import figcheck.extract.numbers as numbers
from figcheck.extract import lexicon
from figcheck.text.lines import PARAGRAPH_BREAK

PIECES = st.sampled_from(
    [
        "1", "5", "12", "42", "2022", "020", "7946", "(555)", ")", "(", " ", "  ", "\t", "\n", "\r\n",
        "\r", "\u00a0", "\u2009", ".", ",", "-", "–", "—", "/", ":", "'", "′", "±", "+", "x", "_",
        "between", "Between", "BETWEEN", "from", "From", "minus", "MINUS", "minuſ", "ſ", "pm", "a.m.",
        "GMT", "Gmt", "o'clock", "hrs", "h30", "to", "To", "and", "or", "until", "through", "mln",
        "bn", "k", "K", "m", "M", "tr", "million", "Thousand", "hundreds", "lakh", "jan", "March",
        "Sept.", "Sept.,", "may", "Monday", "tues", "sat.", "of", "st", "th", "one", "Two", "twenty",
        "a", "an", "A", "An", "half", "dozen", "mile", "miles", "thousand", "é", "İ", "K", "½", "2½", "⅓", "٣", "²", ".5", "3.", "×", "−", "ª", "\u2014", "$", "US$", "Rs.", "CHF", "€", "£", "KSh", "Rp",
    ]
)
TEXTS = st.lists(PIECES, max_size=24).map("".join)


def _code_points_matching(pattern: str) -> set[str]:
    compiled = re.compile(pattern)
    return {chr(i) for i in range(sys.maxunicode + 1) if compiled.fullmatch(chr(i))}


@pytest.mark.parametrize(
    "chars, pattern",
    [
        (claims._MINUS_LAST_LETTERS, r"(?i)[se]"),  # the last letter of "minus", "negative"
        (claims._BETWEEN_LAST_LETTERS, r"(?i)[nm]"),  # of "between", "from"
        (claims._TIME_FIRST, r"(?i)[apogbuceh]"),  # "pm", "o'clock", "GMT", "BST", "UTC", "CET", "EST", "hrs"
        (claims._RANGE_SEP_FIRST, r"(?i)[taou]|[-–—]"),  # "to", "and", "or", "until", dashes
        (claims._ORDINAL_SUFFIX_FIRST, r"(?i)[snrt]"),  # "st", "nd", "rd", "th" before a month
        (claims._MONTH_OR_OF_FIRST, r"(?i)[jfmasond]"),  # a month's first letter, or "of"
    ],
)
def test_each_set_of_characters_is_all_that_the_pattern_allows(chars, pattern):
    assert _code_points_matching(pattern) == set(chars)


def test_the_scales_first_letters_are_all_that_start_one():
    # the scale words ignore case; the suffixes ("k", "bn", "M", "tr") do not
    assert _code_points_matching(r"(?i)[htmblc]") | set("kKmMbBt") == numbers._SCALE_FIRST_LETTERS


def test_a_plain_digit_run_ends_only_where_no_figure_goes_on():
    # no digit (of any script), separator, decimal point, fraction or scientific mark
    goes_on = _code_points_matching(r"\d|[.,\- \u00a0\u2009\u202f⁄∕]|[" + "".join(lexicon.VULGAR_FRACTIONS) + "]")
    assert not goes_on & numbers._RUN_ENDS
    assert not numbers._SCIENTIFIC_MARKS & numbers._RUN_ENDS
    assert numbers._SCALE_SEPARATORS == set(" \u00a0\u2009\u202f-\n")


def _original_word_anchors(text: str) -> list[int]:
    """The anchor pattern as it was: a leading "\\b" and the spaces after "a" consumed."""
    words = claims._ANCHOR_WORDS + [w.capitalize() for w in claims._ANCHOR_WORDS]
    pattern = re.compile(
        r"\b(?:" + lexicon.trie_pattern(words) + r")\b|\b(?:a|an|A|An)[ \t]+(?="
        + lexicon.trie_pattern(claims._A_FOLLOWERS.split("|")) + r"\b)"
    )
    return [m.start() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_word_anchors_are_where_the_leading_boundary_pattern_finds_them(text):
    assert claims.word_anchors(text) == _original_word_anchors(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_month_and_weekday_tries_match_where_the_word_lists_do(text):
    months, weekdays = lexicon.MONTHS, lexicon.WEEKDAYS
    before = re.compile(rf"\b(?:{months})\.?,?\s*$", re.IGNORECASE)
    after = re.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{months})\b\.?", re.IGNORECASE)
    days = re.compile(rf"\b(?:{weekdays})\.?,?\s*$", re.IGNORECASE)
    for i in range(len(text) + 1):
        assert bool(lexicon.MONTH_BEFORE_RE.search(text[:i])) == bool(before.search(text[:i]))
        assert bool(lexicon.MONTH_AFTER_RE.match(text[i:])) == bool(after.match(text[i:]))
        assert bool(lexicon.WEEKDAYS_RE.search(text[:i])) == bool(days.search(text[:i]))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_words_and_times_before_and_after_a_figure(text):
    for i in range(len(text) + 1):
        window = text[max(0, i - claims._BETWEEN_WINDOW) : i]
        expected = claims._BETWEEN_BEFORE.search(window)
        found = claims._between_before(text, i)
        assert (found and found.span()) == (expected and expected.span())
        minus_window = text[max(0, i - claims._MINUS_WINDOW) : i]
        if claims._MINUS_BEFORE.search(minus_window):
            assert minus_window[-1:].isspace() and minus_window.rstrip()[-1:] in claims._MINUS_LAST_LETTERS
        assert claims.time_of_day_after(text, i) == bool(claims._TIME_AFTER.match(text[i : i + 8]))
        if claims._RANGE_SEP.match(text[i : i + 16]):
            first = text[i : i + 16].lstrip(claims._RANGE_SPACE)[:1]
            assert first in claims._RANGE_SEP_FIRST
        if lexicon.MONTH_AFTER_RE.match(text[i : i + 16]):
            assert claims._may_name_month_after(text[i : i + 16])
        currency_window = text[max(0, i - 6) : i]
        if lexicon.CURRENCY_PREFIX_RE.search(currency_window):
            assert currency_window.rstrip(" \u00a0\n")[-1:] in lexicon.CURRENCY_PREFIX_LAST
        assert numbers.parse_scale_word(text, i) == _scale_word_matched(text, i)
        if i < len(text) and text[i] in "0123456789":
            assert _outcome(numbers.parse_digits, text, i) == _outcome(numbers.parse_digits_matched, text, i)
        if lexicon.MONTH_BEFORE_RE.search(text[:i]):
            assert claims._may_end_with_name(text[:i], claims._MONTH_NAMES)
        if lexicon.WEEKDAYS_RE.search(text[:i]):
            assert claims._may_end_with_name(text[:i], claims._WEEKDAY_NAMES)


def _scale_word_matched(text: str, pos: int):
    """``parse_scale_word`` by its patterns alone, with no test of the first letter."""
    m = numbers._SCALE_WORD.match(text, pos, pos + 14)
    if m:
        return float(lexicon.SCALES[m.group(1).lower()]), m.end()
    m = numbers._SCALE_SUFFIX.match(text, pos, pos + 6)
    if m and not (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "_")):
        return lexicon.SCALE_SUFFIXES[m.group(1) or m.group(2)], m.end()
    return None


def _outcome(parse, text: str, pos: int):
    """What ``parse`` returns, or the kind of error it raises ("1 × 10^999" overflows)."""
    try:
        return parse(text, pos)
    except (ValueError, OverflowError, ZeroDivisionError) as error:
        return type(error)


# Digits with all that may go on a figure after them: separators, decimals, fractions, powers.
DIGIT_PIECES = st.sampled_from(
    [
        "1", "7", "12", "305", "2022", "0", "٣", "²", ",", ",000", ".", ".5", " ", "  ", "\u00a0", "\u2009", "\u202f",
        "-", "/", "⁄", "∕", "½", "¾", "e", "E", "e5", "e-3", "x", "×", "·", " × 10^6", "10⁶", " x 10", "\n", "\r\n",
        "\r", "\t", "a", "m", "mln", "Million", "-billion", " bn", "k", "K", "ſ", ")", ";", "%", "$", "'", "Jan.", "Mon,",
        "ſept", "SEPT.,", " Dec ", "thurs", "İ", "ı",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(DIGIT_PIECES, max_size=16).map("".join))
def test_plain_digit_runs_and_scales_read_as_their_patterns_read_them(text):
    for i in range(len(text) + 1):
        assert numbers.parse_scale_word(text, i) == _scale_word_matched(text, i)
        if i < len(text) and text[i] in "0123456789":
            assert _outcome(numbers.parse_digits, text, i) == _outcome(numbers.parse_digits_matched, text, i)
        window = text[max(0, i - 16) : i]
        assert bool(lexicon.MONTH_BEFORE_RE.search(window)) <= claims._may_end_with_name(window, claims._MONTH_NAMES)
        assert bool(lexicon.WEEKDAYS_RE.search(window)) <= claims._may_end_with_name(window, claims._WEEKDAY_NAMES)


def _in_digit_chain_searched(text: str, s: int, e: int) -> bool:
    """The digit-chain test with the search alone after its first cheap test."""
    if text[s : s + 1].isdecimal() and not ((s > 0 and text[s - 1].isdecimal()) or text[s + 1 : s + 2].isdecimal()):
        return False
    window_end = min(len(text), e + 24)
    return any(m.start() <= s < m.end() for m in claims._DIGIT_CHAIN.finditer(text, max(0, s - 24), window_end))


# Runs of digits with what may open, close and join them: phone numbers, dates, lists, prose.
CHAIN_GROUP = st.tuples(
    st.sampled_from(["", "(", "a", ",", " ", "."]),
    st.text("0123456789", min_size=1, max_size=6),
    st.sampled_from(["", ")", ") ", ")-", " ", ".", "-", "/", ",", "a", "\n"]),
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.lists(CHAIN_GROUP, min_size=1, max_size=6).map("".join), st.data())
def test_digit_chains_are_found_as_the_search_finds_them(text, data):
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s, len(text)))
    assert claims._in_digit_chain(text, s, e) == _in_digit_chain_searched(text, s, e)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_gaps_and_breaks_skipped_are_ones_the_patterns_would_not_take(text):
    if PARAGRAPH_BREAK.search(text):
        assert claims._may_hold_break(text)
    if len(claims._PADDING.sub(" ", text)) <= 12:
        assert claims._short_gap(text)


def test_claims_built_field_by_field_are_the_claims_claim_builds():
    # _build_claim lists Claim's fields in their order (claim_of sets them so, twice as fast)
    from dataclasses import astuple, fields

    from figcheck.extract import extract_claims
    from figcheck.extract.shift import claim_of
    from figcheck.model import Claim

    assert [f.name for f in fields(Claim)][11:16] == ["converted_from", "unit_text", "unit_start", "unit_end", "number_text"]
    for claim in extract_claims("About 5 km (3 miles) of road, 12 people and $4 bn; 40-50% of 7 tonnes."):
        assert claim_of(list(astuple(claim))) == Claim(*astuple(claim)) == claim


# Words, codes and signs after and before a figure, with the cases and spaces they may take.
MONEY_PIECES = st.sampled_from(
    [
        "5", " ", "  ", "\t", "\n", "\u00a0", "-", "‑", "dollars", "Dollars", "DOLLARS", "dlrs", "yen", "Yen", "won",
        "wonder", "euro", "euros", "ſterling", "sterling", "u.s. dollars", "U.S.  dollars", "us", "US", "hong", "kong",
        "Hong Kong", "new zealand", "cents", "cent", "pence", "p", "pct", "c", "USD", "EUR", "usd", "Eur", "€", "£", "zł",
        "Kč", "₽", "₺", "z", "K", "k", "shares", "sh", "shillings", "about", "About", "ABOUT", "more than", "more  than",
        "more\nthan", "up to", "of", "in excess of", "(", "[", "'", "‘", "—", "–", "~", "∼", "≈", "≤", "c.", "ca.", "approx.",
        "at least", "at", "least", "only", "just", "İ", "ı", "é",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(MONEY_PIECES, max_size=12).map("".join))
def test_money_words_and_qualifiers_are_looked_for_only_where_they_may_be(text):
    patterns = (lexicon.CURRENCY_WORD_RE, lexicon.CURRENCY_CODE_AFTER_RE, claims._CURRENCY_AFTER)
    for i in range(len(text) + 1):
        if any(p.match(text, i) for p in patterns) or claims._SUBUNIT.match(text[i : i + 6]):
            assert claims._may_start_money_word(text, i)
        window = text[max(0, i - 24) : i]
        if lexicon.QUALIFIER_PATTERN.search(window):
            assert claims._may_end_with_qualifier(window)


def test_currency_words_start_with_two_ascii_characters_and_no_space():
    # (what the two-letter test before CURRENCY_WORD_RE rests on)
    assert all(len(w) >= 2 and w[:2].isascii() and not w[:2].isspace() and " " not in w[:2] for w in lexicon.CURRENCY_WORDS)
    for word in lexicon.CURRENCY_WORDS:
        for written in (word, word.upper(), word.title()):
            assert claims._may_start_money_word(written + " ", 0)
    for code in lexicon.CURRENCY_CODES_AFTER:
        assert claims._may_start_money_word(code + " ", 0)


def test_the_word_lists_read_from_the_patterns_are_plain_words():
    for pattern in (lexicon.CHANGE_WORDS, lexicon.MONEY_CONTEXT):
        assert pattern.pattern.startswith(r"\b(?:") and pattern.pattern.endswith(r")\b")
        words = claims._words_of(pattern)
        assert all(re.fullmatch(r"[a-z]+", w) for w in words)
        for word in words:
            assert pattern.fullmatch(word) and pattern.fullmatch(word.upper())


CONTEXT_PIECES = st.sampled_from(
    [
        " ", "\n", "-", ".", "5", "_", "rose", "Rose", "ROSE", "rise", "risen", "increase", "increased", "increasedx",
        "up", "upgraded", "go", "goes", "gone", "cost", "costs", "costly", "price", "million", "bn", "Sterling", "value",
        "valued", "ſold", "ſ", "K", "İ", "é", "fell", "falling", "one", "seventy", "seven", "Seventeen", "dozen", "half",
        "quarter", "of them", "people", "\r", "\r\n", "\t",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(CONTEXT_PIECES, max_size=14).map("".join))
def test_tries_and_literal_breaks_find_what_the_lists_and_the_break_pattern_find(text):
    assert bool(claims._CHANGE_WORDS.search(text)) == bool(lexicon.CHANGE_WORDS.search(text))
    assert bool(claims._MONEY_CONTEXT.search(text)) == bool(lexicon.MONEY_CONTEXT.search(text))
    counted = re.compile(r"(?:\d|\b(?:" + claims._NUMBER_WORD_ALT + r"))\s+[A-Za-z-]+", re.IGNORECASE)
    assert bool(claims._COUNTED_BEFORE.search(text)) == bool(counted.search(text))
    breaks = claims._break_pattern(text)
    assert [m.span() for m in breaks.finditer(text)] == [m.span() for m in PARAGRAPH_BREAK.finditer(text)]
    for i in range(len(text) + 1):
        if claims._BRACKET_SYMBOL.match(text, i):
            assert text.startswith("in", i)


def test_a_month_name_is_a_word_in_the_set_of_them():
    month_word = re.compile(rf"(?:{lexicon.MONTHS})\.?")
    for word in ["jan", "sept", "september", "may", "mays", "ma", "", "june", "dec", "deck", "ſept", "İ", "oct"]:
        assert (word in claims._MONTH_NAME_SET) == bool(month_word.fullmatch(word))
