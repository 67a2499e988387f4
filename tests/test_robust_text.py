"""Pathological text (issue #8): extraction and every reader stay linear in the input size.

Each case is timed at two sizes, 4x apart, as the best of several runs (tests/growth.py):
linear code shows a ratio near 4, quadratic code near 16, and the bound is 10. No absolute time
is asserted (issue #15): absolute figures are in benchmarks/robust_text.py.
Found this way and fixed: number words ("one hundred one hundred …"), thin-space thousands
("1 000 000 …" with U+2009), reStructuredText roles (":a:a:a:…"), LaTeX ``\\verb`` on a long
line, bare figures on one long line ("12😀people and …", found by fuzz/fuzz_figcheck.py), and
the full report format on a long line.
"""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.text import read_document
from tests.growth import assert_linear

SMALL = 10_000  # characters; the large size is 4x


def _repeat(unit: str):
    return lambda n: unit * max(1, n // len(unit))


EXTRACTION_CASES = {
    "digits": lambda n: "1" * n,
    "ones-commas": _repeat("1,"),
    "ones-spaces": _repeat("1 "),
    "nested-parentheses": lambda n: "(" * (n // 2) + "5 km" + ")" * (n // 2),
    "about-about": lambda n: "about " * (n // 6) + "5 km",
    "km-km": lambda n: "5 " + "km " * (n // 3),
    "square-square": lambda n: "5 " + "square " * (n // 7) + "miles",
    "a-a": _repeat("a "),
    "dashes": lambda n: "-" * n,
    "one-hundred": _repeat("one hundred "),  # was quadratic: 17 s at 50,000 characters
    "a-thousand": _repeat("a thousand "),
    "twenty-": _repeat("twenty-"),
    "thin-space-groups": lambda n: "1" + "\u2009000" * (n // 4),  # was quadratic: 94 s at 100,000
    "nbsp-groups": lambda n: "1" + "\u00a0000" * (n // 4),
    "comma-groups": lambda n: "1" + ",000" * (n // 4),
    "ranges": _repeat("5 to "),
    "between": _repeat("between 5 and "),
    "plus-minus": _repeat("5 ± "),
    "scientific": _repeat("1 × 10^"),
    "feet-inches": _repeat("5 ft 6 in "),
    "per-per": lambda n: "5 km per " + "per " * (n // 4),
    "half-a": _repeat("half a "),
    "and-a-half": _repeat("one and a half "),
    "money": _repeat("$2.5bn "),
    "percent": lambda n: "5" + "%" * n,
    "phone-like": _repeat("+1 "),
    "degrees": _repeat("1° "),
    "spaces": lambda n: "5" + " " * n + "km",
    "bare-figures-one-line": _repeat("12😀people and "),  # was quadratic; found by fuzzing
    "prose": _repeat("The 5 km (3 miles) road cost $2.5bn, about 40% of 12,000 people's budget. "),
}


def _assert_linear(func, make) -> None:
    assert_linear(func, make, SMALL)


@pytest.mark.parametrize("name", sorted(EXTRACTION_CASES))
def test_extraction_time_is_linear(name: str):
    _assert_linear(extract_claims, EXTRACTION_CASES[name])


MARKUP_CASES = {
    "markdown": {
        "quotes": lambda n: "> " * (n // 2) + "5 km",
        "nested-list-markers": lambda n: "- " * (n // 2) + "5 km",
        "nested-ordered-markers": lambda n: "1. " * (n // 3) + "5 km",
        "links": lambda n: "[" * (n // 2) + "5 km" + "]" * (n // 2),
        "link-parens": lambda n: "[a](" + "(" * n,
        "emphasis": lambda n: "*" * (n // 2) + "5 km" + "*" * (n // 2),
        "table": lambda n: "|a|b|\n|-|-|\n" + "|5 km|3|\n" * (n // 9),
        "html": _repeat("<div>"),
        "backticks": _repeat("`a"),
        "fences": _repeat("```\n"),
        "entity": lambda n: "&#" + "9" * n + ";",
        "thin-space-groups": _repeat("1\u2009000 "),
    },
    "latex": {
        "braces": lambda n: "{" * (n // 2) + "5 km" + "}" * (n // 2),
        "environments": _repeat("\\begin{itemize}"),
        "commands": _repeat("\\x"),
        "verb": _repeat("\\verb"),  # was quadratic on one long line
        "verb-unclosed": lambda n: "".join(f"\\verb{chr(0x4e00 + i)}" for i in range(n // 6)),
        "siunitx": lambda n: "\\SI{5}{" + "\\kilo" * (n // 5) + "}",
        "math": _repeat("$5$ "),
        "backslashes": lambda n: "\\" * n,
    },
    "rst": {
        "roles": _repeat(":a:"),  # was quadratic: 15 s at 100,000 characters
        "roles-backticks": _repeat(":a:`"),
        "directives": _repeat(".. a::\n"),
        "grid": _repeat("+--+\n"),
        "underline": lambda n: "5 km\n" + "=" * n,
        "bullets": lambda n: "- " * (n // 2) + "x",
        "literal-blocks": _repeat("::\n\n"),
    },
    "html": {
        "nested-divs": lambda n: "<div>" * (n // 5) + "5 km",
        "attributes": lambda n: "<a " + "b=c " * (n // 4) + ">",
        "unclosed-attribute": lambda n: "<a title='" + "5 km " * (n // 5),
        "entities": _repeat("&#1234;"),
        "comments": _repeat("<!-- "),
        "scripts": _repeat("<script>"),
        "less-than": _repeat("< 5 km "),
    },
}
MARKUP_PARAMS = [(fmt, name) for fmt, cases in MARKUP_CASES.items() for name in sorted(cases)]


@pytest.mark.parametrize("fmt, name", MARKUP_PARAMS, ids=[f"{f}-{n}" for f, n in MARKUP_PARAMS])
def test_reading_and_checking_markup_is_linear(fmt: str, name: str):
    from figcheck.engine import check_document

    _assert_linear(lambda text: check_document(read_document(text, fmt)), MARKUP_CASES[fmt][name])


def test_full_report_of_a_long_line_is_cut_around_each_span(monkeypatch):
    """Work counted: the characters measured per crop do not grow with the line (a 1 MB line
    measured whole for each of its diagnostics took minutes)."""
    from figcheck.report import full

    measured = []
    real_width = full.width
    monkeypatch.setattr(full, "width", lambda text: measured.append(len(text)) or real_width(text))
    per_crop = {}
    for size in (2_000, 8_000):
        line = ("x" * 500 + "\t5 km 東") * size
        measured.clear()
        crops = 0
        for first in range(0, len(line), len(line) // 200):
            shown, before, span = full.crop(line, first, first + 4)
            assert len(shown) <= 102 and shown.endswith("…")
            crops += 1
        per_crop[size] = sum(measured) / crops
    assert per_crop[8_000] < 1.5 * per_crop[2_000] and per_crop[8_000] < 10 * full.MAX_WIDTH


def test_every_unit_symbol_in_a_rate_against_a_bracketed_figure_checks_without_error():
    # (a level in a rate, "5 ppm/dB (7 dB)", once stopped the file with pint's error)
    from figcheck.engine import check_text
    from figcheck.extract import lexicon

    symbols = sorted(lexicon.SYMBOL_UNITS)
    for top in ("km", "ppm", "GB", "°", "%", "dB", "kg", "s", "mph", "‰"):
        for symbol in symbols:
            for text in (f"It was 5 {top}/{symbol} (7 {symbol}).", f"It was 5 {symbol}/{top} (7 {top})."):
                check_text(text)
