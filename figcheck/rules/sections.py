"""Sections of a markup document, and which of them are parallel.

Reference documentation and changelogs describe one thing per section, each section headed to
the same pattern: "#### `buf.readInt32BE([offset])`" then "#### `buf.readInt16BE([offset])`",
"## 2018-02-13, Version 6.13.0" then "## 2018-01-02, Version 6.12.3". Their sentences are near
duplicates ("Reads a signed 32-bit integer", "Reads a signed 16-bit integer"; "This release
comes with 112 commits", "… with 115 commits") about different things, so a figure in one such
section never restates a figure in its sibling (FC201, FC202). Sections headed otherwise
("Summary" and "Results") may well restate each other and are judged as usual.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text import Document
from .context import CheckContext, MemoKey
from .words import STOP_WORDS

# A heading's words: a code span whole, an HTML tag, a word with its inner dots, hyphens and
# colons ("6.13.0", "2018-02-13", "buf.readInt32BE"), or one other character.
_TOKEN = re.compile(r"`[^`]*`?|<[^<>]*>|[^\W_]+(?:[-.:][^\W_]+)*|\S")


def heading_pattern(text: str) -> str:
    """What a heading is written to: its first word that is not a stop word, with a code span
    read as "`" (in Markdown's backticks or HTML's <code>) and a word with a digit as "0" ("Version 6.13.0" → "version", "2018-02-13, …"
    → "0", "`buf.read()`" → "`"); "" for a heading without one."""
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0] == "`" or word[:5].lower() == "<code":
            return "`"
        if word[0] == "<":
            continue  # markup around the heading's words
        if any(ch.isdigit() for ch in word):
            return "0"
        lower = word.lower()
        if word[0].isalnum() and lower not in STOP_WORDS:
            return lower
    return ""


@dataclass(frozen=True, slots=True)
class Sections:
    """The headings of a document: where each starts, its level, text and pattern, and the
    headings it sits under (its chain: the outermost first, itself last)."""

    starts: tuple[int, ...]
    levels: tuple[int, ...]
    texts: tuple[str, ...]
    patterns: tuple[str, ...]
    chains: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, document: Document) -> Sections:
        starts, levels, texts, chains = [], [], [], []
        open_chain: list[int] = []  # the headings in force, outermost first
        for k, h in enumerate(document.headings):
            while open_chain and levels[open_chain[-1]] >= h.level:
                open_chain.pop()
            open_chain.append(k)
            starts.append(h.start)
            levels.append(h.level)
            texts.append(document.source[h.start:h.end])
            chains.append(tuple(open_chain))
        return cls(tuple(starts), tuple(levels), tuple(texts),
                   tuple(heading_pattern(t) for t in texts), tuple(chains))

    def heading_at(self, offset: int) -> int:
        """The heading whose section holds ``offset`` (-1: before the first)."""
        return bisect_right(self.starts, offset) - 1

    def parallel(self, a: int, b: int) -> bool:
        """Whether offsets ``a`` and ``b`` lie in sibling sections headed to one pattern (where
        the headings they sit under part, the two headings have the same level and pattern)."""
        ha, hb = self.heading_at(a), self.heading_at(b)
        if ha == hb or ha < 0 or hb < 0:
            return False
        for x, y in zip(self.chains[ha], self.chains[hb]):
            if x != y:
                return (self.levels[x] == self.levels[y] and self.patterns[x] != ""
                        and self.patterns[x] == self.patterns[y] and self.texts[x] != self.texts[y])
        return False  # one section inside the other


_SECTIONS: MemoKey[Sections] = MemoKey("sections")


def in_parallel_sections(ctx: CheckContext, i: int, j: int) -> bool:
    """Whether claims ``i`` and ``j`` lie in parallel sections (see the module's documentation);
    False at once for a document without headings (plain text)."""
    if not ctx.document.headings:
        return False
    sections = ctx.memo(_SECTIONS, lambda: Sections.of(ctx.document))
    return sections.parallel(ctx.claims[i].start, ctx.claims[j].start)


def layout(document: Document, claim_starts: list[int]) -> tuple:
    """What :func:`in_parallel_sections` reads of a document, for an editor's held check to
    compare with its previous one: each heading's level and text, and how many claims come
    before it (a heading edited, added or moved past a figure changes it)."""
    return tuple((h.level, document.source[h.start:h.end], bisect_left(claim_starts, h.start))
                 for h in document.headings)
