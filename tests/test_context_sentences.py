"""The rules' paragraph and sentence split (``figcheck.rules.context``) is what the plain
definitions say: the faster scans (one look-behind regex for indented lines in text without "\\r"
or trailing blanks, the sentence ends without the blank-line branch in a paragraph with no blank
line before its end, the word before a period found by one search) give the same offsets as the
reference below on random text built from the characters that decide them."""

from __future__ import annotations

import random
import re

from figcheck.rules.context import CheckContext, sentence_starts
from figcheck.text import Document
from figcheck.text.lines import paragraph_breaks

# The definitions, read the slow way.
_INDENTED_LINE = re.compile(r"(?<=\S)[ \t]*(?:\r\n|\n|\r)[ \t]+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+|\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no vs etc e.g i.e approx est c ca jan feb mar apr jun jul aug sep sept"
    " oct nov dec gen col lt sgt capt rep sen gov u.s u.k a.m p.m".split()
)


def reference_paragraph_starts(text: str) -> list[int]:
    return [0] + sorted([m.end() for m in paragraph_breaks(text)] + [m.end() for m in _INDENTED_LINE.finditer(text)])


def reference_sentence_starts(paragraph: str) -> tuple[int, ...]:
    starts = [0]
    for m in _SENTENCE_END.finditer(paragraph):
        end = m.start()
        if paragraph[end] == "." and _abbreviation(paragraph, end):
            continue
        if m.end() < len(paragraph):
            starts.append(m.end())
    return tuple(starts)


def _abbreviation(paragraph: str, end: int) -> bool:
    lo = max(0, end - 12)
    stop = end - 1 if end > lo and paragraph[end - 1] == "\n" else end
    k = stop
    while k > lo and (paragraph[k - 1].isalnum() or paragraph[k - 1] in "_."):
        k -= 1
    word = paragraph[k:stop]
    return bool(word) and (word.lower().rstrip(".") in _ABBREVIATIONS or len(word) == 1)


# Pieces that decide a split: line breaks of three kinds, indentation, trailing blanks, sentence
# punctuation and closing quotes, abbreviations, initials, long words, other white space.
_PIECES = (" ", " ", "\t", "\n", "\n", "\n    ", "\r\n", "\r", " \n", ".", ". ", "!", "?", "\"", "’", ")",
           "Mr", "U.S", "e.g", "approx", "Jan", "A", "x", "word", "sentence", "1987", "4.5", "_",
           "é", "\u00a0", "\u2028", "\x0b")


def _random_text(rng: random.Random, lf_only: bool) -> str:
    pieces = [p for p in _PIECES if not (lf_only and "\r" in p)]
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(60)))


def test_paragraph_starts_are_the_breaks_and_the_indented_lines():
    rng = random.Random(12)
    for i in range(6000):
        text = _random_text(rng, lf_only=i % 2 == 0)
        ctx = CheckContext(document=Document(text, text, "text"), claims=[])
        assert ctx.paragraph_starts == reference_paragraph_starts(text), repr(text)


def test_sentence_starts_are_the_sentence_ends_outside_abbreviations():
    rng = random.Random(13)
    texts = [_random_text(rng, lf_only=i % 2 == 0) for i in range(20000)]
    found = 0
    for text in texts:
        expected = reference_sentence_starts(text)
        assert sentence_starts.__wrapped__(text) == expected, repr(text)
        found += len(expected) > 1
    assert found > 5000  # the comparison is not vacuous


def test_a_sentence_span_is_read_within_its_paragraph():
    text = "Sales rose 5% to $3m.  Mr. Smith said so.\n    Profit fell.\n\nNew paragraph here. End."
    ctx = CheckContext(document=Document(text, text, "text"), claims=[])
    spans = {ctx.sentence_span(text.index(word)) for word in ("rose", "Smith", "Profit", "New", "End")}
    assert sorted(text[a:b] for a, b in spans) == [
        "End.", "Mr. Smith said so.\n    ", "New paragraph here. ", "Profit fell.\n\n", "Sales rose 5% to $3m.  "]


def test_a_paragraph_with_full_stops_only_splits_as_the_definition_says():
    # (the scan from full stop to full stop, taken when there is no "!", no "?" and no blank line)
    rng = random.Random(14)
    pieces = [p for p in _PIECES if p not in ("!", "?")] + [". ", ".\u00a0", ".’ ", ".)\n"]
    compared = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        expected = reference_sentence_starts(text)
        assert sentence_starts.__wrapped__(text) == expected, repr(text)
        compared += len(expected) > 1 and not re.search(r"\n[ \t]*\n", text)
    assert compared > 3000  # the comparison is not vacuous
