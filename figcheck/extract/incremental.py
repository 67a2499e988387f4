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
from dataclasses import dataclass, fields
from operator import attrgetter

from ..model import Claim
from ..text.lines import paragraph_breaks
from .claims import extract_claims


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


_NAMES = tuple(f.name for f in fields(Claim))
# Every field of Claim is an __init__ parameter, in the order fields() gives: the values read
# by this getter can be passed back positionally.
_FIELD_VALUES = attrgetter(*_NAMES)
_OFFSETS = tuple(_NAMES.index(name) for name in ("start", "end", "unit_start", "unit_end"))
_CONVERTED_FROM = _NAMES.index("converted_from")


def shifted(claim: Claim, delta: int, index_base: int) -> Claim:
    """``claim`` moved by ``delta`` code points, and the claim it restates (``converted_from``,
    an index in the claim list) by ``index_base`` claims. Built from the field values read in
    one C call (``dataclasses.replace`` checks every field again and a dict of the fields costs
    twice as much; this runs for every claim after an edit, ~700 per keystroke in 1 MB)."""
    if delta == 0 and (index_base == 0 or claim.converted_from is None):
        return claim
    values = list(_FIELD_VALUES(claim))
    for i in _OFFSETS:
        if values[i] is not None:
            values[i] += delta
    if values[_CONVERTED_FROM] is not None:
        values[_CONVERTED_FROM] += index_base
    return Claim(*values)


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
