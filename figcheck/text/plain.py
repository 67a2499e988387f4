"""Headings of plain text: a short line standing alone between blank lines, written as a title.

Plain-text articles (encyclopedia dumps, reports pasted from elsewhere) keep their section
headings as lines of their own: "Hurricane One", "Sovetskaya Ukraina", "Early life". They are read
so that sections describing one thing each (a storm, a ship) are not taken to restate each other
(:mod:`figcheck.rules.sections`). A line is a heading only when it cannot be a sentence: it ends
without punctuation, is short, starts with a capital or a digit, and prose follows it; every
heading is at level 1, since plain text does not say how headings nest.
"""

from __future__ import annotations

import re
from itertools import chain

from .document import Heading

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10
# A blank line: where a line standing alone may start, and what must follow it.
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_PROSE_AFTER = re.compile(r"\s*\S")


def plain_headings(source: str) -> tuple[Heading, ...]:
    """The headings of a plain-text document, in order (a line is looked at only at the text's
    start and after a blank line: one scan for blank lines, then a few characters each)."""
    headings = []
    for at in chain((0,), (m.end() for m in _BLANK_LINE.finditer(source))):
        end = source.find("\n", at, at + MAX_HEADING_CHARS + 8)
        if end < 0 or not _BLANK_LINE.match(source, end):
            continue  # a longer line, the text's last, or a paragraph's first line (the cheap tests first)
        line = source[at:end]
        start = at + len(line) - len(line.lstrip())
        stop = at + len(line.rstrip())
        if start < stop and _titled(source[start:stop]) and _PROSE_AFTER.match(source, end):
            headings.append(Heading(start, stop, 1))
    return tuple(headings)


def _titled(line: str) -> bool:
    """A line written as a title: a capital or a digit first, a letter or digit last (no
    sentence's end, no quotation), a letter somewhere, and few words."""
    first, last = line[0], line[-1]
    return (len(line) <= MAX_HEADING_CHARS and (first.isupper() or first.isdigit()) and last.isalnum()
            and any(ch.isalpha() for ch in line) and len(line.split()) <= MAX_HEADING_WORDS)
