"""The sample documents in seeds/: the seed article gets exactly its two FC202 diagnostics, and
the clean articles (real-world shapes of reporting, many figures about different things) none."""

from pathlib import Path

import pytest

from figcheck.engine import check_document
from figcheck.text import format_for_path, read_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def check(path: Path):
    text = path.read_text(encoding="utf-8")
    return text, check_document(read_document(text, format_for_path(path)), path=str(path))


@pytest.mark.parametrize("name", ["kharkiv-counteroffensive-2022.txt", "kharkiv-counteroffensive-2022.md"])
def test_seed_article_has_exactly_the_two_unit_mixups(name):
    text, diagnostics = check(SEEDS / name)
    assert [(d.code, text[d.start : d.end]) for d in diagnostics] == [
        ("FC202", "almost a thousand square miles"),
        ("FC202", "almost a thousand square miles"),
    ]
    for d in diagnostics:
        assert "2,590" in d.message and "386" in d.message
        (related,) = d.related
        assert text[related.start : related.end].startswith("more than 1,000 square kilometres")
        assert d.fix is not None and d.fix.applicability == "unsafe"
        assert [e.new_text for e in d.fix.edits] == ["square kilometres"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("clean-*")), ids=lambda p: p.name)
def test_clean_articles_raise_nothing(path):
    text, diagnostics = check(path)
    assert [(d.code, text[d.start : d.end], d.message) for d in diagnostics] == []


def test_conversions_sample_flags_its_three_mistakes():
    text, diagnostics = check(SEEDS / "conversions.md")
    assert [(d.code, text[d.start : d.end]) for d in diagnostics] == [
        ("FC101", "15 miles"),
        ("FC101", "260km/h"),
        ("FC102", "40 miles"),
    ]
