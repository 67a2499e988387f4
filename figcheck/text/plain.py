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

from .document import Heading

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10
# A single line with a blank line (or the text's start) before it and a blank line after it.
_LONE_LINE = re.compile(r"(?:\A|(?<=\n\n)|(?<=\n\r\n))[ \t]*([^\s][^\n]{0,%d}?)[ \t]*(?=\r?\n[ \t]*\r?\n)"
                        % (MAX_HEADING_CHARS - 1))
_PROSE_AFTER = re.compile(r"\s*\S")


def plain_headings(source: str) -> tuple[Heading, ...]:
    """The headings of a plain-text document, in order."""
    if "\n\n" not in source and "\n\r\n" not in source:
        return ()  # (no blank line: no line stands alone)
    headings = []
    for m in _LONE_LINE.finditer(source):
        line = m.group(1)
        if _titled(line) and _PROSE_AFTER.match(source, m.end()):
            headings.append(Heading(m.start(1), m.end(1), 1))
    return tuple(headings)


def _titled(line: str) -> bool:
    """A line written as a title: a capital or a digit first, a letter or digit last (no
    sentence's end, no quotation), a letter somewhere, and few words."""
    first, last = line[0], line[-1]
    return ((first.isupper() or first.isdigit()) and last.isalnum()
            and any(ch.isalpha() for ch in line) and len(line.split()) <= MAX_HEADING_WORDS)
