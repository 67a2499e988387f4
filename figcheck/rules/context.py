"""What every rule sees: the document, its claims, settings, and the prose split into
paragraphs and sentences (built once, shared by all rules)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from ..config import Settings
from ..model import Claim
from ..text import Document
from ..text.lines import LineIndex, paragraph_breaks
from .words import WORD

# In plain text, a line that starts indented after a line of text starts a paragraph too
# (newswire and typewritten layouts, results tables): the break is at the line's first letter.
_INDENTED_LINE = re.compile(r"(?<=\S)[ \t]*(?:\r\n|\n|\r)[ \t]+(?=\S)")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and white space,
# unless the period belongs to a common abbreviation or an initial.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+|\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no vs etc e.g i.e approx est c ca jan feb mar apr jun jul aug sep sept"
    " oct nov dec gen col lt sgt capt rep sen gov u.s u.k a.m p.m".split()
)


# The same breaks as ``_INDENTED_LINE``, found from the line break (a regex that starts with
# ``(?<=\S)[ \t]*`` is tried at every offset of the text, which is slow on long documents).
_LINE_INDENT = re.compile(r"(?:\r\n|\n|\r)[ \t]+(?=\S)")
# In text with no "\r" and no blank before a line break (newswire), the same breaks in one scan:
# a literal "\n" lets the engine jump from line break to line break, and the look-behind checks
# the line before (trying three alternatives at every character and checking each indented line
# in Python cost ~2 µs a line).
_LF_INDENT_AFTER_TEXT = re.compile(r"\n(?<=\S\n)[ \t]+(?=\S)")
_LF_LINE_INDENT = re.compile(r"\n[ \t]+(?=\S)")  # ``_LINE_INDENT`` in text with no "\r"


# In such text, where a paragraph starts in plain text, in one scan: after a blank line (a paragraph
# break) or an indented line's indentation (``_LF_INDENT_AFTER_TEXT``). The two never overlap (a
# blank line is no line of text, and its second line break follows no non-space), so their
# matches are those of both, in order.
_LF_PARAGRAPH_START = re.compile(r"\n(?:[ \t]*\n|(?<=\S\n)[ \t]+(?=\S))")


def _newswire(text: str) -> bool:
    """Text with no "\r" and no blank before a line break (see ``_LF_INDENT_AFTER_TEXT``)."""
    return "\r" not in text and " \n" not in text and "\t\n" not in text


def _indented_line_starts(text: str) -> list[int]:
    """The ends of the matches of ``_INDENTED_LINE`` in ``text``: after a line break and its
    indentation, when the line before ends in a non-space (trailing blanks allowed)."""
    breaks = _LINE_INDENT
    if "\r" not in text:
        if _newswire(text):
            return [m.end() for m in _LF_INDENT_AFTER_TEXT.finditer(text)]
        breaks = _LF_LINE_INDENT
    out = []
    for m in breaks.finditer(text):
        k = m.start()
        while k and text[k - 1] in " \t":
            k -= 1
        if k and not text[k - 1].isspace():
            out.append(m.end())
    return out

# ``_SENTENCE_END`` without its blank-line branch, for a paragraph with no blank line before its
# end (a blank line is a paragraph break, so a paragraph of a document has none): its matches are
# the same there (the branches start at different characters, and a blank line at the very end
# starts no sentence), and the engine tries it at three characters instead of four (a line break
# is more common than a full stop in newswire).
_END_PUNCTUATION = re.compile(r"[.!?][\"'’”)\]]*\s+")
# ``_END_PUNCTUATION`` in a paragraph with no "!" and no "?" (most of them): starting with a
# literal, it is looked for from full stop to full stop, where the class is tested at every character.
_END_PERIOD = re.compile(r"\.[\"'’”)\]]*\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# The word before a period as ``_abbreviation_before`` reads it: its leftmost start in the window.
_WORD_AT_END = re.compile(r"[\w.]+\Z")


@lru_cache(maxsize=8192)
def sentence_starts(paragraph: str) -> tuple[int, ...]:
    """Offsets where the sentences of ``paragraph`` start (0 first)."""
    n = len(paragraph)
    blank = _BLANK_LINE.search(paragraph)
    if blank is not None and blank.end() < n:
        ends = _SENTENCE_END
    else:
        ends = _END_PUNCTUATION if "!" in paragraph or "?" in paragraph else _END_PERIOD
    starts = [0]
    for m in ends.finditer(paragraph):
        end, after = m.span()
        # (only a period can end an abbreviation or an initial)
        if after < n and (paragraph[end] != "." or not _abbreviation_before(paragraph, end)):
            starts.append(after)
    return tuple(starts)


def _abbreviation_before(paragraph: str, end: int) -> bool:
    """Whether the word right before the period at ``end`` (letters, digits, "_" and periods,
    within 12 characters, a line break before the period allowed) is an abbreviation or an
    initial (found by one search of the window, not a character at a time)."""
    lo = max(0, end - 12)
    stop = end - 1 if end > lo and paragraph[end - 1] == "\n" else end
    m = _WORD_AT_END.search(paragraph, lo, stop)
    if m is None:
        return False
    word = m.group()
    return word.lower().rstrip(".") in _ABBREVIATIONS or len(word) == 1


T = TypeVar("T")


class MemoKey(Generic[T]):
    """A key of :meth:`CheckContext.memo`, typed by what is kept under it; keys are compared by
    identity, so each is a module constant of the module that owns the cache."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"MemoKey({self.name!r})"


@dataclass
class CheckContext:
    document: Document
    claims: list[Claim]
    settings: Settings = field(default_factory=Settings)
    # Per-document caches (plain fields: a cached_property takes a lock on its first use, and
    # the rules ask for these in every document).
    _span_at: dict[int, tuple[int, int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _local_sentences: dict[int, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _memo: dict[MemoKey, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.document.prose

    @cached_property
    def paragraph_starts(self) -> list[int]:
        text = self.text
        if self.document.format == "text" and _newswire(text):
            return [0, *[m.end() for m in _LF_PARAGRAPH_START.finditer(text)]]
        starts = [m.end() for m in paragraph_breaks(text)]
        if self.document.format == "text":
            starts.extend(_indented_line_starts(text))
            starts.sort()
        return [0] + starts

    def sentence_of(self, offset: int) -> int:
        """An identifier of the sentence holding ``offset``: where it starts."""
        return self.sentence_span(offset)[0]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``. Sentences never cross a paragraph
        break, so they are found per paragraph, and only in paragraphs that are asked about;
        the split of a paragraph's text is cached across documents, so an editor re-checking
        after a keystroke re-splits only the paragraph that changed. Rules ask about the same
        offsets (their claims' starts) again and again: the answer is kept per offset."""
        found = self._span_at.get(offset)
        if found is not None:
            return found
        found = self._span_at[offset] = self._sentence_span(offset)
        return found

    def _sentence_span(self, offset: int) -> tuple[int, int]:
        # (paragraph_of and _paragraph_bounds read inline: every claim of a rule's pairs asks)
        starts = self.paragraph_starts
        p = bisect_right(starts, offset) - 1
        p_start = starts[p]
        p_end = starts[p + 1] if p + 1 < len(starts) else len(self.text)
        local = self._local_sentences.get(p)
        if local is None:
            local = self._local_sentences[p] = sentence_starts(self.text[p_start:p_end])
        i = bisect_right(local, offset - p_start) - 1
        end = p_start + local[i + 1] if i + 1 < len(local) else p_end
        return p_start + local[i], end

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        return self._paragraph_bounds(self.paragraph_of(offset))

    def _paragraph_bounds(self, i: int) -> tuple[int, int]:
        starts = self.paragraph_starts
        return starts[i], starts[i + 1] if i + 1 < len(starts) else len(self.text)


    # --- What the consistency rules share (built lazily, once per document). ---------------

    @cached_property
    def index_of(self) -> dict[int, int]:
        """id(claim) → its index in ``claims`` (claims are frozen; identity is stable)."""
        return {id(c): i for i, c in enumerate(self.claims)}

    @cached_property
    def converted_into(self) -> dict[int, list[int]]:
        """Index of a claim → indexes of the claims converted from it (its stated equivalents)."""
        out: dict[int, list[int]] = {}
        n = len(self.claims)
        for i, c in enumerate(self.claims):
            f = c.converted_from
            if f is not None and 0 <= f < n and f != i:
                out.setdefault(f, []).append(i)
        return out

    def converted_source(self, claim: Claim) -> Claim | None:
        """The figure ``claim`` is converted from, when the extractor linked one."""
        f = claim.converted_from
        if f is None or not 0 <= f < len(self.claims) or self.claims[f] is claim:
            return None
        return self.claims[f]

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The words of ``text[start:end]`` as (start, end, lower-case word)."""
        start, end = max(0, start), min(len(self.text), end)
        return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(self.text, start, end)]

    @cached_property
    def lines(self) -> LineIndex:
        """The text's line index (a holder of the document may give it, moved by an edit)."""
        return LineIndex(self.text)

    def line_of(self, offset: int) -> int:
        """1-based line number of an offset (for messages that point elsewhere)."""
        return self.lines.line_col(offset)[0]

    def memo(self, key: MemoKey[T], compute: Callable[[], T]) -> T:
        """Per-document memo for what several rules need (frames of claims, buckets)."""
        cache = self._memo
        try:
            return cache[key]
        except KeyError:
            found = cache[key] = compute()
            return found



