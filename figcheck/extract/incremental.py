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
from ..text.lines import TextVersions, paragraph_bounds
from .claims import extract_claims
from .shift import shifted


class Superseded(Exception):
    """Work on a text that a newer text has replaced (``cancelled()`` turned true)."""


def paragraphs(prose: str) -> Iterable[tuple[int, str]]:
    """(start, text) of each paragraph; each runs up to the next paragraph break, which belongs
    to the paragraph after it (so the pieces put together are ``prose``)."""
    for start, end in paragraph_bounds(prose):
        yield start, prose[start:end]


@dataclass
class _Entry:
    claims: tuple[Claim, ...]  # relative to the paragraph start, indexes within the paragraph
    start: int = -1  # where this paragraph was last placed ...
    base: int = -1  # ... with how many claims before it ...
    placed: tuple[Claim, ...] = ()  # ... and its claims as placed there


@dataclass
class _Run:
    """The latest run: its prose, where each paragraph starts, how many claims lie before each
    paragraph (one more entry: all of them), and its claims."""

    prose: str
    starts: list[int]
    bases: list[int]
    claims: list[Claim]


class ParagraphCache:
    """Prose paragraph text → its claims; only paragraphs of the latest run are kept.

    After an edit, the paragraphs before and after it (found by the text's unchanged head and
    tail) take their claims from the latest run's list, those after it moved; only the
    paragraphs in between are looked up (a keystroke in 1 MB: one of ~5,500)."""

    def __init__(self, extract: Callable[[str], list[Claim]] | None = None,
                 versions: TextVersions | None = None) -> None:
        self._extract = extract or extract_claims
        # the text's versions, shared with other holders of the same document (its own if none)
        self.versions = TextVersions() if versions is None else versions
        self._entries: dict[str, _Entry] = {}
        self._run: _Run | None = None
        self.misses = 0  # paragraphs read by the extractor (for tests and benchmarks)
        self.looked_up = 0  # paragraphs looked up by their text (the others were moved whole)

    def __len__(self) -> int:
        return len(self._entries)

    def claims(self, prose: str, cancelled: Callable[[], bool] | None = None) -> list[Claim]:
        """Every claim in ``prose`` with document offsets, reading only new paragraphs; raises
        :class:`Superseded` before reading one when ``cancelled()`` is true."""
        versions = self.versions
        starts = versions.paragraph_starts(prose)
        run = self._run
        moved = None if run is None else versions.unchanged_paragraphs(run.prose, run.starts, prose, starts)
        if moved is None:
            old, new, out = self._entries, {}, []
            bases = self._place(prose, starts, range(len(starts)), old, new, out, cancelled)
            self._entries, self._run = new, _Run(prose, starts, bases, out)
            return out
        a, b, b_old = moved
        out = run.claims[: run.bases[a]]
        middle_entries: dict[str, _Entry] = {}
        bases = run.bases[:a]
        bases += self._place(prose, starts, range(a, b), self._entries, middle_entries, out, cancelled)
        bases.pop()  # (the end of the middle: the tail's first base)
        delta, index_delta = len(prose) - len(run.prose), len(out) - run.bases[b_old]
        out.extend(shifted(c, delta, index_delta) for c in run.claims[run.bases[b_old] :])
        bases += [n + index_delta for n in run.bases[b_old:]]
        entries = self._entries
        for n in range(a, b_old):  # the texts the edit replaced
            entries.pop(run.prose[run.starts[n] : _end(run.starts, n, len(run.prose))], None)
        entries.update(middle_entries)
        self._run = _Run(prose, starts, bases, out)
        return out

    def _place(self, prose: str, starts: list[int], which: range, old: dict[str, _Entry],
               new: dict[str, _Entry], out: list[Claim], cancelled) -> list[int]:
        """Append the claims of paragraphs ``which`` to ``out`` (from ``new`` or ``old`` by
        text, else read), keeping each one's entry in ``new``; returns how many claims lie
        before each of them, and after the last."""
        bases = []
        for n in which:
            self.looked_up += 1
            start = starts[n]
            text = prose[start : _end(starts, n, len(prose))]
            entry = new.get(text) or old.get(text)
            if entry is None:
                if cancelled is not None and cancelled():
                    raise Superseded()
                entry = _Entry(tuple(self._extract(text)))
                self.misses += 1
            bases.append(len(out))
            if entry.start != start or entry.base != len(out):
                placed = tuple(shifted(c, start, len(out)) for c in entry.claims)
                entry = _Entry(entry.claims, start, len(out), placed)
            new[text] = entry
            out.extend(entry.placed)
        bases.append(len(out))
        return bases


def _end(starts: list[int], n: int, length: int) -> int:
    return starts[n + 1] if n + 1 < len(starts) else length
