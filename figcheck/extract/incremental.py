"""Incremental extraction: re-read only the paragraphs an edit touched.

Claims never cross a blank line (:data:`figcheck.text.lines.PARAGRAPH_BREAK`): the extractor
stops every window there, so reading a paragraph alone finds the same claims as reading it
inside the whole document. :class:`ParagraphCache` keeps each paragraph's claims keyed by its
text; after an edit the unchanged paragraphs' claims are only moved to their new offsets.
The language server keeps one cache per open document; the property tests compare it with
:func:`figcheck.extract.extract_claims` over random edit sequences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Claim
from ..text.lines import paragraph_breaks
from .claims import extract_claims
from .shift import shifted


class Superseded(Exception):
    """Work on a text that a newer text has replaced (``cancelled()`` turned true)."""


def paragraphs(prose: str) -> Iterable[tuple[int, str]]:
    """(start, text) of each paragraph; each runs up to the next paragraph break, which belongs
    to the paragraph after it (so the pieces put together are ``prose``)."""
    start = 0
    for m in paragraph_breaks(prose):
        yield start, prose[start : m.start()]
        start = m.start()
    yield start, prose[start:]


@dataclass
class _Entry:
    claims: tuple[Claim, ...]  # relative to the paragraph start, indexes within the paragraph
    start: int = -1  # where this paragraph was last placed ...
    base: int = -1  # ... with how many claims before it ...
    placed: tuple[Claim, ...] = ()  # ... and its claims as placed there


class ParagraphCache:
    """Prose paragraph text → its claims; only paragraphs of the latest run are kept."""

    def __init__(self, extract: Callable[[str], list[Claim]] | None = None) -> None:
        self._extract = extract or extract_claims
        self._entries: dict[str, _Entry] = {}
        self.misses = 0  # paragraphs read by the extractor (for tests and benchmarks)

    def __len__(self) -> int:
        return len(self._entries)

    def claims(self, prose: str, cancelled: Callable[[], bool] | None = None) -> list[Claim]:
        """Every claim in ``prose`` with document offsets, reading only new paragraphs; raises
        :class:`Superseded` before reading one when ``cancelled()`` is true."""
        old, new, out = self._entries, {}, []
        for start, text in paragraphs(prose):
            entry = new.get(text) or old.get(text)
            if entry is None:
                if cancelled is not None and cancelled():
                    raise Superseded()
                entry = _Entry(tuple(self._extract(text)))
                self.misses += 1
            if entry.start != start or entry.base != len(out):
                placed = tuple(shifted(c, start, len(out)) for c in entry.claims)
                entry = _Entry(entry.claims, start, len(out), placed)
            new[text] = entry
            out.extend(entry.placed)
        self._entries = new
        return out
