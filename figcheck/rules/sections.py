"""Sections of a markup document, and which of them are parallel.

Reference documentation and changelogs describe one thing per section, each section headed to
the same pattern: "#### `buf.readInt32BE([offset])`" then "#### `buf.readInt16BE([offset])`",
"## 2018-02-13, Version 6.13.0" then "## 2018-01-02, Version 6.12.3". Their sentences are near
duplicates ("Reads a signed 32-bit integer", "Reads a signed 16-bit integer"; "This release
comes with 112 commits", "… with 115 commits") about different things, so a figure in one such
section never restates a figure in its sibling (FC201, FC202). Sections headed otherwise
("Summary" and "Results") may well restate each other and are judged as usual.

Encyclopedia articles do the same with things named or numbered: a season's storms ("Hurricane
One", "Tropical Cyclone Three"), a class's ships ("Sovetsky Soyuz", then "Sovetskaya Ukraina",
each section opening with its ship's name), so sibling sections are also parallel when both
headings end with a number, or when each is a name (two or more words, all capitalised) that
its section's first sentence starts with. Sections whose headings name years that do not meet
("Second Boer War, 1899–1902" and "First World War, 1914–18", read from where the two chains of
headings part) are about other times, and parallel too.

Descriptions of species, products or sites repeat one set of headings for each record
("Description", "Shell size", "Spire whorls" under each species' name, written once): a heading
that recurs under another record's name heads a parallel section.

Guides and references fill each entry in to one template ("Claim: …", "Proof: …", "Suggested
Dose: …"), whatever their headings say ("CHONDROITIN SULFATE", "FISH OIL"): sibling sections
whose lines open with the same labels are parallel, and so is the text before the first heading
when it holds the first entry (a title that reads as no heading).
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    # each heading's kind of title: "numbered", "named" (see the module's documentation) or ""
    titles: tuple[str, ...] = ()
    # the years each heading names, first and last ("Second Boer War, 1899–1902"), or None
    periods: tuple[tuple[int, int] | None, ...] = ()
    # the template the text before the first heading is filled in to (see _template), or ""
    preamble: str = ""
    # each heading's record: the nearest heading at or before it whose text is written once,
    # in a document where two or more headings recur (records filled in to one set of headings:
    # a species' "Description", "Shell size", "Spire whorls" under its name); else ""
    records: tuple[str, ...] = ()

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
        ends = (*(h.start for h in document.headings[1:]), len(document.prose))
        titles = tuple(_title_kind(document, h, t) or _template(document.prose, h.end, end)
                       for h, t, end in zip(document.headings, texts, ends))
        preamble = _template(document.prose, 0, starts[0]) if starts else ""
        return cls(tuple(starts), tuple(levels), tuple(texts),
                   tuple(heading_pattern(t) for t in texts), tuple(chains), titles,
                   tuple(map(heading_period, texts)), preamble, _records(texts))

    @property
    def may_part(self) -> bool:
        """Whether any two sections may be parallel: two headings of one level with other
        texts and the same pattern or kind of title (most documents with headings have none)."""
        seen: dict[tuple, str] = {}
        for level, text, pattern, title in zip(self.levels, self.texts, self.patterns, self.titles):
            for key in ((level, "pattern", pattern), (level, "title", title)):
                if key[2] and seen.setdefault(key, text) != text:
                    return True
        return len(set(filter(None, self.periods))) > 1 or (self.preamble != "" and self.preamble in self.titles) \
            or len(set(filter(None, self.records))) > 1

    def heading_at(self, offset: int) -> int:
        """The heading whose section holds ``offset`` (-1: before the first)."""
        return bisect_right(self.starts, offset) - 1

    def parallel(self, a: int, b: int) -> bool:
        """Whether offsets ``a`` and ``b`` lie in sibling sections headed to one pattern or titled
        alike (see :meth:`parting`)."""
        return self.parting(a, b) is not None

    def parting(self, a: int, b: int) -> tuple[int, int] | None:
        """Where the headings ``a`` and ``b`` sit under part, the two headings, when they are
        parallel: the same level, other texts, and the same pattern or kind of title."""
        ha, hb = self.heading_at(a), self.heading_at(b)
        if ha == hb:
            return None
        if ha < 0 or hb < 0:  # (one before the first heading: the first entry of a template?)
            top = self.chains[max(ha, hb)][0]
            if self.preamble == "" or self.preamble != self.titles[top]:
                return None
            return (-1, top) if ha < 0 else (top, -1)
        chain_a, chain_b = self.chains[ha], self.chains[hb]
        for n, (x, y) in enumerate(zip(chain_a, chain_b)):
            if x != y:
                alike = self.levels[x] == self.levels[y] and self.texts[x] != self.texts[y] and (
                    self.patterns[x] != "" and self.patterns[x] == self.patterns[y]
                    or self.titles[x] != "" and self.titles[x] == self.titles[y])
                return (x, y) if alike or self._other_times(chain_a[n:], chain_b[n:]) \
                    or self._other_records(chain_a[-1], chain_b[-1]) else None
        return None  # one section inside the other

    def _other_records(self, a: int, b: int) -> bool:
        """Whether headings ``a`` and ``b`` (each a section's own) are one recurring heading of
        two records ("Spire whorls" under one species, then under another)."""
        return self.records[a] != "" and self.records[b] != "" and self.records[a] != self.records[b] \
            and self.texts[a] == self.texts[b] and self.levels[a] == self.levels[b]

    def _other_times(self, under_a: tuple[int, ...], under_b: tuple[int, ...]) -> bool:
        """Whether two chains of headings (below where they part) name years that do not meet:
        a history's "First World War, 1914–18" and "Second Boer War, 1899–1902", a report's
        "2019" and "2020"."""
        pa = next((self.periods[x] for x in reversed(under_a) if self.periods[x]), None)
        pb = next((self.periods[x] for x in reversed(under_b) if self.periods[x]), None)
        return pa is not None and pb is not None and (pa[1] < pb[0] or pb[1] < pa[0])


# A year in a heading, a decade ("1980s") or a span ("1914–18", "1899–1902", "1950-1953").
_YEARS = re.compile(r"(?<![\d.])(1[0-9]{3}|20[0-9]{2})(s\b|\s*[\u2013\u2014-]\s*(\d{2}|\d{4})(?!\d))?(?![\d.:-])")


def _records(texts: list[str]) -> tuple[str, ...]:
    """Each heading's record (see :attr:`Sections.records`)."""
    seen: dict[str, int] = {}
    for t in texts:
        seen[t] = seen.get(t, 0) + 1
    if sum(1 for n in seen.values() if n > 1) < 2:
        return ("",) * len(texts)  # (no set of headings filled in again and again)
    out, record = [], ""
    for t in texts:
        if seen[t] == 1:
            record = t
        out.append(record)
    return tuple(out)


def heading_period(text: str) -> tuple[int, int] | None:
    """The first and last years a heading names, or None."""
    years: list[int] = []
    for m in _YEARS.finditer(text):
        first, tail, end = int(m.group(1)), m.group(2), m.group(3)
        years.append(first)
        if tail == "s":
            years.append(first + 9 if first % 10 == 0 else first)
        elif end:
            last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
            years.append(last if last >= first else first)
    return (min(years), max(years)) if years else None


# The last word of a numbered heading: "Hurricane Seven", "Day 3", "Part IV".
_NUMBERED = re.compile(r"\b(?:\d[\d.]*|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                       r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\Z", re.I)
_ARTICLE = re.compile(r"\s*(?:The\s+)?")


def _title_kind(document: Document, heading, text: str) -> str:
    """"numbered" for a heading ending with a number; "named" for a name of two or more
    capitalised words that its section's first sentence starts with; else ""."""
    words = text.split()
    if len(words) >= 2 and _NUMBERED.search(text):
        return "numbered"
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    opening = _ARTICLE.match(document.prose, heading.end).end()
    after = opening + len(text)
    if document.prose.startswith(text, opening) and not document.prose[after:after + 1].isalnum():
        return "named"
    return ""


# A label opening a line ("Suggested Dose:", "Proof:", "Returns:"): a few words and a colon.
_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Z][\w'’-]*(?:[ \t][\w'’-]+){0,3}):[ \t]")
_TEMPLATE_LABELS = 2  # labels a section's lines open with, at least, for it to be filled in to a template


def _template(prose: str, start: int, end: int) -> str:
    """"labels: …" for a section whose lines open with the same labels as a form's ("Claim:",
    "Proof:", "Suggested Dose:"; a guide's entries, a reference's functions): sections filled in
    to one template describe one thing each. Else ""."""
    labels = sorted({m.group(1).lower() for m in _LABEL.finditer(prose, start, end)})
    return "labels: " + "|".join(labels) if len(labels) >= _TEMPLATE_LABELS else ""


_SECTIONS: MemoKey[Sections | None] = MemoKey("sections")  # (None: no two may be parallel)


def in_parallel_sections(ctx: CheckContext, i: int, j: int) -> bool:
    """Whether claims ``i`` and ``j`` lie in parallel sections (see the module's documentation),
    neither sentence naming the other section's subject ("Connie" in a sentence under "Hurricane
    Diane", when the other is under "Hurricane Connie": it speaks of that storm); False at once for
    a document where no two sections may be."""
    sections = _sections(ctx)
    if sections is None:
        return False
    a, b = ctx.claims[i].start, ctx.claims[j].start
    parting = sections.parting(a, b)
    if parting is None:
        return False
    x, y = (sections.texts[k] if k >= 0 else "" for k in parting)  # (-1: the text before the first)
    return not (_names(ctx, b, x, y) or _names(ctx, a, y, x))


def _names(ctx: CheckContext, offset: int, heading: str, own_heading: str) -> bool:
    """Whether the sentence at ``offset`` (under ``own_heading``) names what ``heading`` does:
    a capitalised word of it, not a number, that its own heading lacks."""
    names = set(_WORD.findall(heading)) - set(_WORD.findall(own_heading))
    names = {w for w in names if w[0].isupper() and len(w) > 1 and not _NUMBERED.fullmatch(w)}
    if not names:
        return False
    start, end = ctx.sentence_span(offset)
    return not names.isdisjoint(_WORD.findall(ctx.text, start, end))


_WORD = re.compile(r"[^\W_]+")


def may_part(ctx: CheckContext) -> bool:
    """Whether any two of the document's sections may be parallel (see :attr:`Sections.may_part`)."""
    return _sections(ctx) is not None


def _sections(ctx: CheckContext) -> Sections | None:
    """The document's sections, None when no two of them may be parallel (plain text without
    headings, or a title over the whole)."""
    if len(ctx.document.headings) < 2:
        return None  # (no headings, or a title over the whole: most documents)
    return ctx.memo(_SECTIONS, lambda: _parting(Sections.of(ctx.document)))


def _parting(sections: Sections) -> Sections | None:
    return sections if sections.may_part else None


def claim_sections(ctx: CheckContext) -> list[tuple] | None:
    """What :func:`in_parallel_sections` reads of each claim, for an editor's held check to
    compare with its previous one: the headings the claim sits under (each one's level, text,
    pattern, kind of title and record), outermost first; None for a document where no two sections
    may be parallel. Whether two claims lie in parallel sections depends on these two alone, so
    a pair's verdict may be kept while both stand (typing a heading, or a plain-text line that
    reads as one, re-judges the figures of the sections it touches, not the document's)."""
    sections = _sections(ctx)
    if sections is None:
        return None
    heads = [tuple((sections.levels[x], sections.texts[x], sections.patterns[x], sections.titles[x],
                    sections.records[x]) for x in chain) for chain in sections.chains]
    before = ((0, "", "", sections.preamble, ""),) if sections.preamble else ()  # (the text before the first)
    return [heads[h] if h >= 0 else before for h in map(sections.heading_at, (c.start for c in ctx.claims))]
