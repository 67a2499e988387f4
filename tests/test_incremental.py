"""figcheck.extract.incremental: the paragraph cache finds the same claims as a full read, reading
only the paragraphs that changed, after any sequence of edits (inserts and deletes, paragraphs
joined and split, non-ASCII and astral text); a check over its claims equals a full check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.engine import check_document
from figcheck.extract import extract_claims
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
    assert cache.claims(doc.prose) == extract_claims(doc.prose)


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


def test_a_keystroke_looks_up_only_its_paragraph():
    text = "\n\n".join(f"Paragraph {i} is {i} km (about {i} miles) long." for i in range(200))
    cache = ParagraphCache()
    cache.claims(text)
    assert cache.looked_up == 200
    at = text.index("Paragraph 120") + 3
    edited = text[:at] + "x" + text[at:]
    got = cache.claims(edited)
    assert cache.looked_up == 201
    assert got == extract_claims(edited)
    assert got[-1].converted_from == len(got) - 2 and edited[got[-1].start : got[-1].end] == got[-1].text


def test_cached_claims_are_shifted_after_an_edit_before_them():
    text = "The road is 12 kilometres (7.5 miles) long.\n\nThe bridge is 200 metres long.\n"
    cache = ParagraphCache()
    cache.claims(text)
    edited = "Intro.\n\n" + text
    got = cache.claims(edited)
    assert got == extract_claims(read_document(edited, "text").prose)
    assert all(edited[c.start : c.end] == c.text for c in got)


def test_shifted_moves_offsets_and_conversion_index():
    doc = read_document("It is 12 kilometres (7.5 miles) away.", "text")
    claims = extract_claims(doc.prose)
    restated = next(c for c in claims if c.converted_from is not None)
    moved = shifted(restated, 10, 3)
    assert (moved.start, moved.end) == (restated.start + 10, restated.end + 10)
    assert moved.converted_from == restated.converted_from + 3
    assert shifted(restated, 0, 0) is restated


def _replaced(claim, delta, index_base):
    """What ``shifted`` stands for, written with ``dataclasses.replace``."""
    def moved(offset, by):
        return None if offset is None else offset + by

    return replace(claim, start=claim.start + delta, end=claim.end + delta,
                   unit_start=moved(claim.unit_start, delta), unit_end=moved(claim.unit_end, delta),
                   converted_from=moved(claim.converted_from, index_base))


def test_shifted_equals_replace_on_every_field():
    """The generated ``shifted`` sets every field (those it does not move kept as they were) on
    claims with and without units, conversions and qualifiers; one moved by nothing is itself."""
    text = SEED.read_text(encoding="utf-8")[:20_000] + "\nAbout 5 km (3 miles), 40%, $2 million, 7 people."
    claims = extract_claims(read_document(text, "text").prose)
    assert any(c.unit_start is None for c in claims) and any(c.unit_start is not None for c in claims)
    assert any(c.converted_from is not None for c in claims)
    for delta, index_base in [(7, 0), (-3, 2), (0, 5), (123_456, -1)]:
        for claim in claims:
            got = shifted(claim, delta, index_base)
            assert got == _replaced(claim, delta, index_base)
            assert type(got) is type(claim)
            if delta == 0 and claim.converted_from is None:
                assert got is claim


# --- random edit sequences: the cache always agrees with a full read, and with a full check ---

PIECES = [
    "The road is 12 kilometres (7.5 miles) long.", " It cost $4.5 million", ", up 12% from 2019.",
    "Of the 42 passengers, 45 were hurt.", " About 3,000 people — 1,200 of them children.",
    "\n\n", "\n  \n", "\r\n\r\n", "\r\r", "\n", " ", "é", "🏔", "𝟓 km", "five", " 5 km (3 miles)",
    "Le pont mesure 200 mètres.", "x",
]
edits = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "join", "split"]), st.floats(0, 1), st.integers(0, 40),
              st.sampled_from(PIECES)),
    min_size=1, max_size=12)


def _edit(text: str, op: str, where: float, size: int, piece: str) -> str:
    at = int(where * len(text))
    if op == "insert":
        return text[:at] + piece + text[at:]
    if op == "delete":
        return text[:at] + text[at + size :]
    if op == "join":  # remove the paragraph break nearest after ``at``
        k = text.find("\n\n", at)
        return text if k < 0 else text[:k] + " " + text[k + 2 :]
    return text[:at] + "\n\n" + text[at:]  # split


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), edits)
def test_cache_equals_a_full_read_after_any_edits(start, steps):
    text = "".join(start)
    cache = ParagraphCache()
    assert cache.claims(text) == extract_claims(text)
    for step in steps:
        text = _edit(text, *step)
        claims = cache.claims(text)
        assert claims == extract_claims(text)
        doc = read_document(text, "text")
        assert check_document(doc, claims=claims) == check_document(doc)


@pytest.mark.parametrize("text", [
    # "five" must not read "of the" across the blank line as "five of the 42 passengers"
    "five\n\nOf the 42 passengers, 45 were hurt.",
    # "\r\r" is a blank line too: "9." starts a line (a list number) in both readings
    "It rose 12% from 201\r\r9. (7.5 miles) long.",
    # a bare number after a counted one refers back only within its paragraph
    "Five people were killed and\r\n\r\nnine injured.",
    # a month name ends its paragraph: "Two" after the blank line is not a day of March
    "They left in early March.\n\n Two Two weeks later, the force crossed the river.",
    "They arrived on the 5\n\nMarch 2020 was cold, and 12 km of road closed.",
    # money words in the next or previous paragraph do not make "lb" pounds sterling
    "She lost 10 lb.\n\nPrices rose again in May.",
    "Sales were $4 billion.\n\nThe parcel weighs 11 lb.",
    # a percentage in another paragraph does not make "points" percentage points
    "Unemployment rose 4 points\n\n to 7% by June.",
    "Turnout was 52%.\n\nIt fell 6 points later.",
    # a change word ending a paragraph does not make the next one's range a change
    "The river rose\n\n0 to 3m in an hour.",
    "Prices went\r\r0 to 6 overnight.",
    # "p." ending a paragraph does not make the next one's first number a page
    "See p.\r\r12 of the report.",
    # a conversion's index counts the claims of the paragraphs before it
    "It is 5 km (3 miles) long.\n\nThe track is 8 km (5 miles) long.\n\n",
])
def test_a_paragraph_reads_the_same_alone_as_in_its_document(text):
    assert ParagraphCache().claims(text) == extract_claims(text)
