"""figcheck.extract.incremental: the paragraph cache finds the same claims as a full read, reading
only the paragraphs that changed."""

from __future__ import annotations

from pathlib import Path

from figcheck.engine import extract
from figcheck.extract.incremental import ParagraphCache, paragraphs, shifted
from figcheck.text import read_document

SEED = Path(__file__).resolve().parent.parent / "seeds" / "kharkiv-counteroffensive-2022.txt"


def test_paragraphs_cover_the_text():
    text = "one\n\ntwo\n  \nthree"
    parts = list(paragraphs(text))
    assert "".join(p for _, p in parts) == text
    assert [s for s, _ in parts] == [0, 3, 8]


def test_cache_matches_a_full_read_of_the_seed():
    doc = read_document(SEED.read_text(encoding="utf-8"), "text")
    cache = ParagraphCache()
    assert cache.claims(doc.prose) == extract(doc)


def test_only_changed_paragraphs_are_read_again():
    calls: list[str] = []

    def fake_extract(text):
        calls.append(text)
        return []

    cache = ParagraphCache(fake_extract)
    text = "\n\n".join(f"paragraph {i}" for i in range(50))
    cache.claims(text)
    assert cache.misses == 50
    calls.clear()
    cache.claims(text.replace("paragraph 25", "paragraph twenty-five"))
    assert len(calls) == 1 and "twenty-five" in calls[0]


def test_cached_claims_are_shifted_after_an_edit_before_them():
    text = "The road is 12 kilometres (7.5 miles) long.\n\nThe bridge is 200 metres long.\n"
    cache = ParagraphCache()
    cache.claims(text)
    edited = "Intro.\n\n" + text
    got = cache.claims(edited)
    assert got == extract(read_document(edited, "text"))
    assert all(edited[c.start : c.end] == c.text for c in got)


def test_shifted_moves_offsets_and_conversion_index():
    doc = read_document("It is 12 kilometres (7.5 miles) away.", "text")
    claims = extract(doc)
    restated = next(c for c in claims if c.converted_from is not None)
    moved = shifted(restated, 10, 3)
    assert (moved.start, moved.end) == (restated.start + 10, restated.end + 10)
    assert moved.converted_from == restated.converted_from + 3
    assert shifted(restated, 0, 0) is restated
