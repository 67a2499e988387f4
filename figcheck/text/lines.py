"""Lines and paragraphs of a text: code-point offsets ↔ lines, and the one paragraph break.

:class:`LineIndex` is the one line index: the reports use its 1-based (line, column), the
language server's ``LineTable`` adds UTF-16/UTF-8 columns over the same line starts, and the
rules and suppressions ask it for line numbers and line ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate

_LINE_END = re.compile(r"\r\n|\r|\n")
# A blank line (spaces and tabs allowed on it) in any of the three line-ending styles: claims,
# sentences and paragraphs never cross one, so incremental extraction and the rules' paragraph
# split both cut the text here.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n|\r[ \t]*\r")
# How an indented line starts: two spaces or a tab (one space is a hard-wrapped line's slip). In
# newswire and typewritten layouts such a line starts a paragraph or a table's row ("Net
# 48,741,000\n    Revs 184,649,000"): a figure's unit, noun or inherited noun is not read across it.
INDENTS = ("  ", "\t")
INDENTED_LINE = re.compile(r"\n(?:  |\t)")
# White space within one paragraph: at most one line break, in any style (a blank line ends the
# paragraph); a hard-wrapped line breaks a phrase anywhere ("six mln units per\nyear").
SPACE_IN_PARAGRAPH = r"(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n?|\n)[^\S\r\n]*)"
# The same break in text without a "\r": one literal first character lets the regex engine jump
# from newline to newline instead of trying three alternatives at every character (several times
# faster on a 1 MB document, which the language server splits on every keystroke).
_LF_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraph_breaks(text: str) -> Iterator[re.Match]:
    """The matches of :data:`PARAGRAPH_BREAK` in ``text``, found faster when it has no ``\\r``."""
    return (PARAGRAPH_BREAK if "\r" in text else _LF_PARAGRAPH_BREAK).finditer(text)


# Below this length a text is read afresh every time (a few hundred microseconds at most): a
# :class:`TextVersions` keeps what it learnt of longer texts only.
KEPT_SIZE = 100_000


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of ``text`` starts as extraction reads it: 0, then each paragraph
    break (a break belongs to the paragraph after it, so the paragraphs put together are
    ``text``)."""
    return [0, *(m.start() for m in paragraph_breaks(text))]


class TextVersions:
    """What was found of the latest long version of one text being edited, by whoever holds the
    text across its edits (the language server's open document gives one to its extraction cache,
    its held check and its line tables): the latest version's paragraph starts and line index,
    the latest pair of versions' common ends, and which paragraphs that edit left alone. Each
    is kept by the identity of its texts, found from the previous version's by the edit (its
    unchanged head and tail), and asked for again by several parts of one check. Holders share
    the lists it gives: they must not be changed."""

    __slots__ = ("_paragraphs", "_lines", "_ends", "_unchanged")

    def __init__(self) -> None:
        self._paragraphs: tuple[str, list[int]] | None = None
        self._lines: LineIndex | None = None
        self._ends: tuple[str, str, int, int] | None = None
        self._unchanged: tuple | None = None  # (old, old_starts, new, starts, the answer)

    def paragraph_starts(self, text: str) -> list[int]:
        """:func:`paragraph_starts`; a long text's moved from the latest one's."""
        latest = self._paragraphs
        if latest is not None and latest[0] is text:
            return latest[1]
        if len(text) < KEPT_SIZE:
            return paragraph_starts(text)
        ends = None if latest is None else self.short_edit(latest[0], text)
        starts = None if ends is None else _edited_starts(latest[0], latest[1], text, *ends)
        if starts is None:
            starts = paragraph_starts(text)
        self._paragraphs = (text, starts)
        return starts

    def line_index(self, text: str) -> LineIndex:
        """``LineIndex(text)``; a long text's moved from the latest one's."""
        latest = self._lines
        if latest is not None and latest.text is text:
            return latest
        if len(text) < KEPT_SIZE:
            return LineIndex(text)
        ends = None if latest is None else self.short_edit(latest.text, text)
        if ends is None:
            index = LineIndex(text)
        else:
            head, tail = ends
            index = latest.edited(head, len(latest.text) - tail, text[head : len(text) - tail], text)
        self._lines = index
        return index

    def known_lines(self, text: str) -> LineIndex | None:
        """The kept line index of ``text``, if it is the latest one (nothing is read)."""
        latest = self._lines
        return latest if latest is not None and latest.text is text else None

    def keep_lines(self, index: LineIndex) -> None:
        """Keep ``index`` as the latest (one its holder moved by an edit it knows)."""
        if len(index.text) >= KEPT_SIZE:
            self._lines = index

    def common_ends(self, old: str, new: str) -> tuple[int, int]:
        """:func:`common_ends`, kept for the latest pair of long texts."""
        latest = self._ends
        if latest is not None and latest[0] is old and latest[1] is new:
            return latest[2], latest[3]
        found = common_ends(old, new)
        if len(new) >= KEPT_SIZE:
            self._ends = (old, new, *found)
        return found

    def short_edit(self, old: str, new: str) -> tuple[int, int] | None:
        """:meth:`common_ends` of ``old`` and ``new`` when ``new`` is ``old`` with one short
        stretch replaced (an edit), so what was read of ``old`` can be moved; None when most of
        the text is new, or a "\r" is about (a "\r\n" may be split or joined by the edit):
        then read afresh."""
        if "\r" in old or "\r" in new:
            return None
        head, tail = self.common_ends(old, new)
        if len(new) - tail - head > len(new) // 16 or len(old) - tail - head > len(old) // 16:
            return None
        return head, tail

    def unchanged_paragraphs(self, old: str, old_starts: list[int], new: str, starts: list[int],
                             ) -> tuple[int, int, int] | None:
        """:func:`unchanged_paragraphs`, kept for the latest long texts' call (by identity): the
        extraction cache and the held check ask it with the same texts and starts."""
        latest = self._unchanged
        if latest is not None and latest[0] is old and latest[1] is old_starts and latest[2] is new \
                and latest[3] is starts:
            return latest[4]
        found = _unchanged_paragraphs(old, old_starts, new, starts, self.common_ends(old, new))
        if len(new) >= KEPT_SIZE:
            self._unchanged = (old, old_starts, new, starts, found)
        return found


def _edited_starts(old: str, old_starts: list[int], new: str, head: int, tail: int) -> list[int]:
    """The paragraph starts of ``new``, ``old`` with one short stretch replaced (an edit), from
    ``old``'s: the breaks before the edit kept, those after it moved, and the text between read
    again, from the last break before the edit (where the scan of ``old`` stood, on the same
    text) to the first break past the edit that ``old``'s scan also found (from there on both
    scans read the same text from the same place). ``head`` and ``tail``: the texts' common
    ends, around a short edit with no "\r" about (:meth:`TextVersions.short_edit`)."""
    kept = bisect_left(old_starts, head, 1)  # breaks [1, kept) start before the edit
    resume = old_starts[kept - 1] if kept > 1 else 0  # a break's start: not inside a match
    starts = old_starts[: kept - 1] if kept > 1 else [0]
    delta, unchanged_from = len(new) - len(old), len(new) - tail
    for m in _LF_PARAGRAPH_BREAK.finditer(new, resume):
        at = m.start()
        if at >= unchanged_from:
            k = bisect_left(old_starts, at - delta, 1)
            if k < len(old_starts) and old_starts[k] == at - delta:
                starts.extend([s + delta for s in old_starts[k:]])
                return starts
        starts.append(at)
    return starts


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text`` (see :func:`paragraph_starts`)."""
    return _bounds(text, paragraph_starts(text))


def _bounds(text: str, starts: list[int]) -> list[tuple[int, int]]:
    return list(zip(starts, [*starts[1:], len(text)]))


def unchanged_paragraphs(old: str, old_starts: list[int], new: str, starts: list[int],
                         ) -> tuple[int, int, int] | None:
    """(a, b, b_old) for a text ``old`` edited into ``new``, given where their paragraphs start:
    paragraphs [0, a) of ``new`` are ``old``'s [0, a), and [b, n) its [b_old, n_old), moved; None
    when the edit is not one changed run of paragraphs between unchanged ones."""
    return _unchanged_paragraphs(old, old_starts, new, starts, common_ends(old, new))


def _unchanged_paragraphs(old: str, old_starts: list[int], new: str, starts: list[int],
                          ends_in_common: tuple[int, int]) -> tuple[int, int, int] | None:
    # The tail first (common_ends): a paragraph starts with its break, so text inserted before
    # a break is best read as ending at it (the paragraph after it is then left whole).
    head, tail = ends_in_common
    ends = [*starts[1:], len(new)]
    a = bisect_right(ends, head)  # paragraphs [0, a) lie in the unchanged head ...
    b = max(a, bisect_left(starts, len(new) - tail))  # ... and [b, n) in the unchanged tail
    b_old = len(old_starts) - (len(starts) - b)
    if b_old < a or (b < len(starts) and (b == 0 or b_old == 0)):
        return None
    delta = len(new) - len(old)
    old_ends = [*old_starts[1:], len(old)]
    if ends[:a] != old_ends[:a] or starts[b:] != [s + delta for s in old_starts[b_old:]]:
        return None  # (paragraph breaks found differently around the edit)
    return a, b, b_old


def common_ends(old: str, new: str) -> tuple[int, int]:
    """(head, tail): the longest common suffix of ``old`` and ``new`` (``tail``), then the
    longest common prefix of what is left of the shorter (``head``), so an edit turned
    ``old[head:len(old) - tail]`` into ``new[head:len(new) - tail]`` (:meth:`TextVersions.common_ends`
    keeps the latest pair's)."""
    limit = min(len(old), len(new))
    tail = common_suffix(old, new, limit)
    return common_prefix(old, new, limit - tail), tail


def common_prefix(a: str, b: str, n: int) -> int:
    """The length of the longest common prefix of ``a`` and ``b``, at most ``n`` (compared by
    blocks, in C)."""
    lo, size = 0, 1024
    while True:
        hi = min(n, lo + size)
        if a[lo:hi] != b[lo:hi]:
            break
        if hi == n:
            return n
        lo, size = hi, size * 2
    while hi - lo > 1:  # the first difference is in [lo, hi)
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """The length of the longest common suffix of ``a`` and ``b``, at most ``limit``."""
    la, lb = len(a), len(b)
    lo, size = 0, 1024
    while True:
        hi = min(limit, lo + size)
        if a[la - hi : la - lo] != b[lb - hi : lb - lo]:
            break
        if hi == limit:
            return limit
        lo, size = hi, size * 2
    while hi - lo > 1:  # the last difference is ``hi`` or fewer characters from the end
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def _line_starts(text: str) -> list[int]:
    """Where each line starts. Without a ``\\r`` the starts are running sums of the line lengths
    (plus one for each ``\\n``), summed in C: on a 1 MB document, which the language server
    indexes on every keystroke, several times faster than a match object per line."""
    if "\r" in text:
        return [0, *(m.end() for m in _LINE_END.finditer(text))]
    starts = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
    starts.pop()  # the end of the text plus one, not a line start
    return starts


class LineIndex:
    """Line starts of a text; lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = _line_starts(text)

    def edited(self, start: int, end: int, new_text: str, text: str) -> LineIndex:
        """The index of ``text``: this index's text with ``[start, end)`` replaced by
        ``new_text``. Line starts before the edit are kept and those after it moved, found
        afresh only where a ``\r`` could pair across the edit (an editor's keystroke in 1 MB:
        no scan of the whole text for line ends)."""
        if "\r" in new_text or "\r" in self.text:
            return LineIndex(text)
        starts = self.starts
        head, tail = bisect_right(starts, start), bisect_right(starts, end)
        delta = len(new_text) - (end - start)
        inserted = [start + m.end() for m in _LINE_END.finditer(new_text)] if "\n" in new_text else []
        index = LineIndex.__new__(LineIndex)
        index.text = text
        # (a comprehension: int.__add__ called through map is several times slower)
        index.starts = [*starts[:head], *inserted, *[s + delta for s in starts[tail:]]]
        return index

    def line_of(self, offset: int) -> int:
        """0-based line of a code-point offset (clamped to the text)."""
        return bisect_right(self.starts, max(0, min(offset, len(self.text)))) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def position(self, offset: int) -> dict:
        line, column = self.line_col(offset)
        return {"line": line, "column": column, "offset": offset}

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Start and end (before the line break) of a 0-based line."""
        start = self.starts[line]
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            end -= 2 if self.text.startswith("\r\n", end - 2) and end - 2 >= start else 1
        else:
            end = len(self.text)
        return start, end

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start, end = self.line_bounds(line - 1)
        return self.text[start:end]

    def line_start(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self.starts[self.line_of(offset)]

    def line_end(self, offset: int) -> int:
        """The offset of the end of the line holding ``offset`` (before its line break)."""
        return self.line_bounds(self.line_of(offset))[1]
