"""figcheck_lsp.documents: applying edits, and the paragraph cache (same claims as a full read, with
only changed paragraphs re-read)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from figcheck.engine import extract
from figcheck.text import read_document
from figcheck_lsp.documents import ParagraphCache, apply_change, paragraphs, shift_claim

SEED = Path(__file__).resolve().parent.parent / "seeds" / "kharkiv-counteroffensive-2022.txt"


def _edit(line, char, end_line, end_char, text):
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, char), types.Position(end_line, end_char)), text=text)


def test_apply_incremental_and_whole_changes():
    text = "🏔 one\ntwo\n"
    assert apply_change(text, _edit(0, 3, 0, 6, "1"), "utf-16") == "🏔 1\ntwo\n"
    assert apply_change(text, _edit(1, 0, 2, 0, ""), "utf-16") == "🏔 one\n"
    assert apply_change(text, types.TextDocumentContentChangeWholeDocument(text="new"), "utf-16") == "new"


def test_out_of_range_edit_is_clamped_and_reported():
    warnings: list[str] = []
    assert apply_change("abc", _edit(5, 0, 9, 0, "!"), "utf-16", warnings) == "abc!"
    assert warnings and "outside" in warnings[0]


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


def test_shift_claim_moves_offsets_and_conversion_index():
    doc = read_document("It is 12 kilometres (7.5 miles) away.", "text")
    claims = extract(doc)
    restated = next(c for c in claims if c.converted_from is not None)
    moved = shift_claim(restated, 10, 3)
    assert (moved.start, moved.end) == (restated.start + 10, restated.end + 10)
    assert moved.converted_from == restated.converted_from + 3
    assert shift_claim(restated, 0, 0) is restated
