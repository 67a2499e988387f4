"""Headings of plain text: a short line standing alone between blank lines, written as a title.

Plain-text articles (encyclopedia dumps, reports pasted from elsewhere) keep their section
headings as lines of their own: "Hurricane One", "Sovetskaya Ukraina", "Early life". They are read
so that sections describing one thing each (a storm, a ship) are not taken to restate each other
(:mod:`figcheck.rules.sections`). A line is a heading only when it cannot be a sentence: it ends
without punctuation, is short, starts with a capital or a digit, and prose follows it; every
heading is at level 1, since plain text does not say how headings nest.

Whether a line is a heading depends on it, the lines just before and after it, and whether any
prose follows: after an edit (an editor's keystroke) only the lines near it are read again
(:func:`plain_headings_after_edit`), the others' headings kept or moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from .document import Heading

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10
_LONGEST_LINE = MAX_HEADING_CHARS + 8  # (with the white space around a heading's words)
# A blank line after a line's end: what must follow a heading; and a blank line before a line's
# start, its last line break left to the next match (each of several blank lines is found).
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_BLANK_BEFORE = re.compile(r"\n[ \t]*\r?(?=\n)")
_PROSE_AFTER = re.compile(r"\s*\S")
_NEAR = 2  # lines each side of an edit read again (a heading reads the line before and after it)


def plain_headings(source: str) -> tuple[Heading, ...]:
    """The headings of a plain-text document, in order (only the lines after a blank line, or
    the text's first, are looked at: one scan for blank lines, then a few characters each)."""
    first_end = source.find("\n")
    # (the text's first line, or the line after it when it is blank: no line break before it)
    starts = (0,) if first_end < 0 or not _blank(source[:first_end]) else (first_end + 1,)
    found = (_heading_at(source, at) for at in chain(starts, (m.end() + 1 for m in _BLANK_BEFORE.finditer(source))))
    return tuple(h for h in found if h is not None)


def plain_headings_after_edit(source: str, old: str, before: tuple[Heading, ...], head: int,
                              tail: int) -> tuple[Heading, ...]:
    """:func:`plain_headings` of ``source``, which is ``old`` (whose headings were ``before``)
    with ``old[head:len(old) - tail]`` replaced: the lines near the edit are read again, the
    headings before them kept and those after them moved."""
    lo = _line_start(source, head, _NEAR)
    hi = _line_end(source, len(source) - tail, _NEAR)
    if _PROSE_AFTER.match(source, lo) is None or _PROSE_AFTER.match(old, lo) is None:
        # (a heading before the edit may have lost its prose, or a line there gained the prose
        # that makes it one: "Hurricane One" and blank lines, then a first line of text typed)
        return plain_headings(source)
    delta = len(source) - len(old)
    kept = [h for h in before if h.start < lo]
    kept.extend(_scan(source, lo, hi))
    kept.extend(Heading(h.start + delta, h.end + delta, h.level) for h in before if h.start > hi - delta)
    return tuple(kept)


def _scan(source: str, start: int, stop: int) -> Iterator[Heading]:
    """The headings on the lines that start from ``start`` (a line's start) to ``stop``."""
    blank_before = start == 0 or _blank(source[source.rfind("\n", 0, start - 1) + 1 : start - 1])
    at, size = start, len(source)
    while at <= stop and at < size:
        end = source.find("\n", at)
        if end < 0:
            return  # the text's last line: no blank line after it
        if blank_before and (heading := _heading_at(source, at)) is not None:
            yield heading
        blank_before = _blank(source[at:end])
        at = end + 1


def _heading_at(source: str, at: int) -> Heading | None:
    """The heading on the line starting at ``at``, which follows a blank line (or starts the
    text), if it is one: short, a blank line after it, written as a title, prose after it."""
    end = source.find("\n", at, at + _LONGEST_LINE)
    if end < 0 or not _BLANK_LINE.match(source, end):
        return None  # a longer line, the text's last, or a paragraph's first line (the cheap tests first)
    line = source[at:end]
    stripped = line.strip()
    if not stripped or not _titled(stripped) or not _PROSE_AFTER.match(source, end):
        return None
    first = at + len(line) - len(line.lstrip())
    return Heading(first, first + len(stripped), 1)


def _blank(line: str) -> bool:
    """A line of nothing but spaces and tabs (and the "\\r" of a "\\r\\n" last), as the
    patterns read one (a stray "\\r" before a space is not a blank line to them)."""
    return _BLANK.fullmatch(line) is not None


_BLANK = re.compile(r"[ \t]*\r?")


def _line_start(source: str, pos: int, back: int) -> int:
    """The start of the line ``back`` lines before the one holding ``pos``."""
    start = source.rfind("\n", 0, pos) + 1
    for _ in range(back):
        if start == 0:
            break
        start = source.rfind("\n", 0, start - 1) + 1
    return start


def _line_end(source: str, pos: int, on: int) -> int:
    """The end (its line break, or the text's end) of the line ``on`` lines after the one
    holding ``pos``."""
    end = source.find("\n", pos)
    for _ in range(on):
        if end < 0:
            break
        end = source.find("\n", end + 1)
    return len(source) if end < 0 else end


def _titled(line: str) -> bool:
    """A line written as a title: a capital or a digit first, a letter or digit last (no
    sentence's end, no quotation), a letter somewhere, and few words."""
    first, last = line[0], line[-1]
    return (len(line) <= MAX_HEADING_CHARS and (first.isupper() or first.isdigit()) and last.isalnum()
            and any(ch.isalpha() for ch in line) and len(line.split()) <= MAX_HEADING_WORDS)
