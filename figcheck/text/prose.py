"""Shared machinery of the markup readers: a same-length prose buffer and block separators.

Every reader starts from a fully masked copy of the source (spaces, with every ``\\r`` and
``\\n`` kept), then *keeps* the characters that are prose and *puts* replacements (decoded
entities, rendered unit macros) into the spans they stand for. Keeping is a whitelist: whatever
a reader does not recognise as prose stays masked, which is the safe failure.

Two blocks of prose that touch without a blank line between them (table cells, list items,
``<td>50</td><td>km</td>``) would read as one run of words once their markup is masked. Readers
mark *separator candidates* (positions of block markup); :meth:`Prose.build` writes
:data:`figcheck.text.SEPARATOR` at one candidate of every such gap that is not already a blank
line, so no claim can be joined across two blocks. A line of a paragraph that masking leaves
blank (a line holding only inline code or a comment) would read as a paragraph break that is not
in the source; :meth:`Prose.fill_masked_lines` writes the separator on such lines instead.
"""

from __future__ import annotations

import re

from .document import SEPARATOR, Comment, Document, Heading

_LINE_BREAK = re.compile(r"\r\n?|\n")
_WORD_CHAR = re.compile(r"\w")
# A bare URL, without the punctuation that usually ends the sentence around it.
URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]")
# Where a URL can start, back from the "://" after its scheme: "https", "http", "ftp".
_SCHEME_LENGTHS = (5, 4, 3)


def find_urls(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``URL.finditer(text, start, end)``, found many times faster: the pattern is
    tried only where a URL can start (before a ``://`` or at a ``www.``), not at every character."""
    if end is None:
        end = len(text)
    starts: set[int] = set()
    p = text.find("://", start, end)
    while p >= 0:
        starts.update(p - back for back in _SCHEME_LENGTHS if p - back >= start)
        p = text.find("://", p + 1, end)
    p = text.find("www.", start, end)
    while p >= 0:
        starts.add(p)
        p = text.find("www.", p + 1, end)
    spans: list[tuple[int, int]] = []
    done = start
    for s in sorted(starts):
        if s < done:
            continue  # inside the URL before it, as finditer would skip it
        m = URL.match(text, s, end)
        if m is not None:
            spans.append(m.span())
            done = m.end()
    return spans


class Prose:
    """A mutable, same-length prose buffer over ``source``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.buf: list[str] = list(masked(source))
        self.comments: list[Comment] = []
        self.candidates: list[int] = []
        self.headings: list[Heading] = []  # in order, as a reader finds them

    # -- writing ---------------------------------------------------------------------------
    def keep(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` into the prose unchanged."""
        if start < end:
            self.buf[start:end] = self.source[start:end]

    def keep_text(self, start: int, end: int) -> None:
        """Keep ``source[start:end]`` as prose, but for bare URLs in it (which stay masked)."""
        if start >= end:
            return
        chunk = self.source[start:end]
        if "://" not in chunk and "www." not in chunk:
            self.buf[start:end] = chunk
            return
        pos = start
        for url_start, url_end in find_urls(self.source, start, end):
            self.buf[pos:url_start] = self.source[pos:url_start]
            pos = url_end
        self.buf[pos:end] = self.source[pos:end]

    def mask(self, start: int, end: int) -> None:
        if start < end:
            self.buf[start:end] = masked(self.source[start:end])

    def put(self, start: int, end: int, text: str, align: str = "left") -> bool:
        """Write ``text`` into ``[start, end)``, padded with spaces, newlines left where they are.

        ``align="right"`` pads before the text (for a prefix symbol such as ``$`` or ``£`` that
        must touch the figure after it). Returns False (and masks the span) if it does not fit.
        """
        slots = [i for i in range(start, end) if self.source[i] not in "\r\n"]
        if len(text) > len(slots):
            self.mask(start, end)
            return False
        self.mask(start, end)
        offset = len(slots) - len(text) if align == "right" else 0
        for ch, i in zip(text, slots[offset:]):
            self.buf[i] = ch
        return True

    def put_char(self, pos: int, ch: str) -> None:
        if self.source[pos] not in "\r\n":
            self.buf[pos] = ch

    def separator(self, pos: int) -> None:
        """Mark ``pos`` (a masked position) as a place a block boundary may be written."""
        if 0 <= pos < len(self.source):
            self.candidates.append(pos)

    def comment(self, start: int, end: int, text: str) -> None:
        self.comments.append(Comment(start, end, text))

    # -- finishing -------------------------------------------------------------------------
    def fill_masked_lines(self, start: int, end: int, exclude=None) -> None:
        """Within one block of prose, mark lines that masking left blank (but the source did not).

        Only lines strictly between the first and last line that hold prose are filled, so the
        block's own edges are untouched. Lines for which ``exclude(line_start, line_end)`` is
        true are left blank (block markup: a boundary, not a piece of the sentence).
        """
        if start >= end:
            return
        src = self.source
        lines = []  # (line start, line end) of [start, end)
        pos = src.rfind("\n", 0, start) + 1
        for m in _LINE_BREAK.finditer(src, start, end):
            lines.append((pos, m.start()))
            pos = m.end()
        if len(lines) < 2:
            return  # one or two lines: none lies between two others
        lines.append((pos, _line_end(src, pos)))
        has_prose = ["".join(self.buf[a:b]).strip() != "" for a, b in lines]
        try:
            first = has_prose.index(True)
        except ValueError:
            return
        last = len(has_prose) - 1 - has_prose[::-1].index(True)
        for k in range(first + 1, last):
            if has_prose[k]:
                continue
            a, b = lines[k]
            if exclude is not None and exclude(a, b):
                continue
            stripped = len(src[a:b]) - len(src[a:b].lstrip())
            if a + stripped < b:
                self.buf[a + stripped] = SEPARATOR

    def build(self, format: str) -> Document:
        prose = "".join(self.buf)
        if self.candidates:
            prose = place_separators(prose, self.candidates)
        comments = tuple(sorted(self.comments, key=lambda c: (c.start, c.end)))
        return Document(source=self.source, prose=prose, format=format, comments=comments,
                        headings=tuple(self.headings))


def masked(text: str) -> str:
    """``text`` with every character but ``\\r`` and ``\\n`` replaced by a space."""
    if "\n" not in text and "\r" not in text:
        return " " * len(text)
    return _NOT_LINE_BREAKS.sub(_spaces, text)


_NOT_LINE_BREAKS = re.compile(r"[^\r\n]+")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _line_end(text: str, pos: int) -> int:
    m = _LINE_BREAK.search(text, pos)
    return m.start() if m else len(text)


def _line_breaks(gap: str) -> int:
    return len(_LINE_BREAK.findall(gap))


_NON_SPACE = re.compile(r"\S")


_BACKWARD_CHUNK = 512  # how much is stripped at a time, looking back over white space


def _last_non_space(text: str, before: int) -> int:
    """Index of the last non-whitespace character before ``before``, or -1."""
    end = before
    while end > 0:
        start = max(0, end - _BACKWARD_CHUNK)
        chunk = text[start:end].rstrip()
        if chunk:
            return start + len(chunk) - 1
        end = start
    return -1


def place_separators(prose: str, candidates: list[int]) -> str:
    """Write SEPARATOR at one candidate in each gap between prose that has no blank line."""
    chosen: list[int] = []
    done_until = -1
    for p in sorted(set(candidates)):
        if p <= done_until or not prose[p].isspace() or prose[p] in "\r\n":
            continue
        a = _last_non_space(prose, p)
        m = _NON_SPACE.search(prose, p + 1)
        b = m.start() if m else len(prose)
        done_until = b
        if a < 0 or b >= len(prose):
            continue  # nothing before or after: no two blocks to keep apart
        if prose[a] == SEPARATOR or prose[b] == SEPARATOR:
            continue
        if _line_breaks(prose[a + 1 : b]) >= 2:
            continue  # already a blank line: a paragraph break
        chosen.append(p)
    if not chosen:
        return prose
    pieces, prev = [], 0
    for p in chosen:
        pieces.append(prose[prev:p])
        pieces.append(SEPARATOR)
        prev = p + 1
    pieces.append(prose[prev:])
    return "".join(pieces)


def decode_align(before: str, after: str, decoded: str) -> str:
    """Where a decoded escape goes in its padded span: against the figure it belongs to.

    A symbol that starts a word (``&pound;5``, ``\\$5``, ``&minus;3``) is right-aligned so it
    touches what follows, as is a unit's prefix or degree sign before the rest of the unit
    (``15$\\mu$eV``); everything else is left-aligned (``50\\%`` → ``50%``).
    """
    if (
        decoded
        and not decoded.isspace()
        and after
        and _WORD_CHAR.match(after)
        and (decoded in _UNIT_HEADS or not (before and _WORD_CHAR.match(before)))
    ):
        return "right"
    return "left"


# What starts a unit and is written apart from the rest of it ("$\mu$m", "&micro;m", "$^\circ$C").
_UNIT_HEADS = frozenset("\u00b5\u03bc\u00b0")
# TeX math that stands for one character of prose ("22 $\mu$m", "$\sim$5 km", "20$^\circ$C"):
# rendered in its place (masked, "22 $\mu$m" would read as 22 metres).
_MATH_SYMBOLS = {
    "\\mu": "\u00b5", "\\sim": "~", "\\approx": "\u2248", "\\times": "\u00d7", "\\pm": "\u00b1",
    "^\\circ": "\u00b0", "^{\\circ}": "\u00b0", "\\circ": "\u00b0", "\\%": "%",
    "\\le": "\u2264", "\\leq": "\u2264", "\\ge": "\u2265", "\\geq": "\u2265", "<": "<", ">": ">",
}


# Inline math that is a number alone ("$300$ metres"): a figure typeset as math, read as one.
PURE_NUMBER = re.compile(r"\s*-?\d[\d,.]*\s*\Z")


def math_symbol(body: str) -> str | None:
    """The character of prose that inline math ``body`` (between its delimiters) stands for, if
    it stands for one."""
    return _MATH_SYMBOLS.get(body.strip())
