"""Suppression directives, in any format's comment syntax or on a plain line.

``figcheck: ignore`` (this line), ``figcheck: ignore FC201`` (one rule, this line),
``figcheck: disable FC201`` / ``figcheck: enable FC201`` (a region; no code means every rule),
``figcheck: disable-file`` (the whole file).

In a markup document (Markdown, HTML, LaTeX, reStructuredText) only directives inside the
document's comments count: an example directive in a code block or ``<pre>`` is not obeyed. An
``ignore`` covers the lines its comment spans, and, when the comment stands alone on its lines
(nothing but whitespace before it on its first line or after it on its last), also the first
non-blank line after the comment — comments in Markdown or HTML cannot share a line with every
paragraph, and a multi-line ``<!--\nfigcheck: ignore\n-->`` is about the line that follows it.
In plain text every line counts; a directive alone on its line (optionally after a comment
leader such as ``#``, ``%%`` or ``//``) also covers the next non-blank line.

:func:`ignore_edits` and :func:`disable_file_edits` write these directives (the editor's
"Ignore FC202 on this line" and "Disable FC202 for this file"), so the syntax read here and the
syntax written live in this one module:

- text, Markdown, HTML, LaTeX: the directive at the end of the line (``… figcheck: ignore
  FC202``, ``<!-- figcheck: ignore FC202 -->``, ``% figcheck: ignore FC202``);
- reStructuredText, whose comments must stand alone: ``disable``/``enable`` comment lines around
  the paragraph;
- for the whole file: ``figcheck: disable FC202`` on a first line of its own (a region that runs
  to the end of the file).

A code that names no rule (``figcheck: ignore FC999``) suppresses nothing; it is reported once
per file as an ``information`` diagnostic, :data:`UNKNOWN_CODE`, on the first such code.

Every step is linear in the document (issue #19): no pattern here can backtrack over a line,
each line's "directive alone" test is made once, each comment's directives are applied to its
lines once, and a region lookup is a binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Diagnostic, Edit
from ..text import COMMENT_SYNTAX, Document
from ..text.lines import KEPT_SIZE, LineIndex, TextVersions

DIRECTIVE = re.compile(
    r"figcheck:[ \t]*+(?P<verb>disable-file|disable|enable|ignore)\b"
    r"(?P<codes>(?:[ \t,]++FC\d{3})*+)(?:[ \t,]++(?P<stray>[A-Z]{1,4}\d{1,4})\b)?",
    re.IGNORECASE,
)
# Possessive (``++``, ``*+``): separators are never given back, so a long run of spaces after a
# directive is read once (issue #19).
# A directive alone on its line: only a comment leader may come before it. (What follows it was
# allowed to be anything; the old pattern's lazy tail re-scanned the line from every position.)
_COMMENT_ONLY = re.compile(r"[ \t\f\v]*(?:(?:<!--|%+|\.\.|#+|//+|;+)[ \t\f\v]*)?figcheck:", re.IGNORECASE)
_CODE = re.compile(r"FC\d{3}", re.IGNORECASE)
UNKNOWN_CODE = "unknown-code"  # the diagnostic's code: not a rule's, so no rule selection hides it
# Formats whose directives live in comments only (``Document.comments``).
MARKUP_FORMATS = frozenset({"markdown", "html", "latex", "rst"})
ALL = "*"
# "figcheck:" in any case, found from its colon (a literal: the search jumps from colon to colon)
# without lowering the text (a 1 MB document, on every keystroke in the editor). The letters
# are those that lower to the letters of "figcheck" (U+212A, the Kelvin sign, lowers to "k").
_COLON_OF_DIRECTIVE = re.compile(":(?<=[Ff][Ii][Gg][Cc][Hh][Ee][Cc][Kk\u212a]:)")


def has_directive(text: str) -> bool:
    """``"figcheck:" in text.lower()``, without the lowered copy."""
    return _COLON_OF_DIRECTIVE.search(text) is not None


# How far before an edit a directive's "figcheck:" may start and still reach into it.
_DIRECTIVE_REACH = len("figcheck:")


class DirectiveSearch:
    """:func:`has_directive` for the versions of one text across its edits (kept by its holder):
    a long text whose previous version had no directive has one only if the edit wrote one, so
    only the edit and the few characters around it are searched (a keystroke in 1 MB)."""

    def __init__(self, versions: TextVersions) -> None:
        self._versions = versions
        self._latest: tuple[str, bool] | None = None  # a long text, and whether it has one
        self.searched = 0  # characters searched (for tests)

    def __call__(self, text: str) -> bool:
        latest = self._latest
        if latest is not None and latest[0] is text:
            return latest[1]
        found = None
        if latest is not None and not latest[1] and len(text) >= KEPT_SIZE:
            ends = self._versions.short_edit(latest[0], text)
            if ends is not None:
                head, tail = ends
                found = self._search(text, max(0, head - _DIRECTIVE_REACH), len(text) - tail + _DIRECTIVE_REACH)
        if found is None:
            found = self._search(text, 0, len(text))
        if len(text) >= KEPT_SIZE:
            self._latest = (text, found)
        return found

    def _search(self, text: str, start: int, end: int) -> bool:
        self.searched += min(end, len(text)) - start
        return has_directive(text[start:end] if start or end < len(text) else text)


@dataclass
class _Collector:
    """Directives in document order → the lines, regions and file-wide switch they give."""

    lines: dict[int, set[str]] = field(default_factory=dict)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    open_regions: dict[str, int] = field(default_factory=dict)
    whole_file: bool = False
    unknown: tuple[int, int, str] | None = None  # the first code that names no rule

    def add(self, m: re.Match[str], targets: list[int]) -> None:
        verb = m.group("verb").lower()
        codes = self.codes_of(m)
        if verb == "disable-file":
            self.whole_file = True
        elif verb == "ignore":
            self.ignore_codes(codes, targets)
        elif verb == "disable":
            for code in codes:
                self.open_regions.setdefault(code, m.start())
        else:  # enable
            for code in codes if codes != [ALL] else list(self.open_regions):
                start = self.open_regions.pop(code, None)
                if start is not None:
                    self.regions.append((start, m.end(), code))

    def codes_of(self, m: re.Match[str]) -> list[str]:
        """The codes a directive names (ALL when none), noting the first unknown one."""
        from ..codes import REGISTRY

        codes = []
        for c in _CODE.finditer(m.string, m.start("codes"), m.end("codes")):
            code = c.group().upper()
            codes.append(code)
            if code not in REGISTRY and self.unknown is None:
                self.unknown = (c.start(), c.end(), code)
        if m.group("stray") and self.unknown is None:
            self.unknown = (m.start("stray"), m.end("stray"), m.group("stray"))
        return codes or [ALL]

    def ignore_codes(self, codes: list[str], targets: list[int]) -> None:
        for t in targets:
            self.lines.setdefault(t, set()).update(codes)

    def close(self, length: int) -> None:
        self.regions.extend((start, length, code) for code, start in self.open_regions.items())
        self.open_regions.clear()


@dataclass
class Suppressions:
    whole_file: bool
    lines: dict[int, set[str]]  # 1-based line → codes ignored there (ALL for every rule)
    regions: list[tuple[int, int, str]]  # (start, end, code) offsets where a rule is disabled
    index: LineIndex | None  # None when the document has no directive at all
    unknown: tuple[int, int, str] | None = None  # (start, end, code): a code naming no rule
    _by_code: dict[str, tuple[list[int], list[int]]] | None = None  # merged regions per code

    @classmethod
    def parse(cls, document: Document, line_index: Callable[[str], LineIndex] = LineIndex,
              any_directive: Callable[[str], bool] = has_directive) -> "Suppressions":
        """The document's directives. ``line_index`` and ``any_directive``: how the source's line
        index is had and whether it holds a directive (a holder of the document across edits
        moves the previous version's index, and searches only the edit: see
        :class:`DirectiveSearch`)."""
        if document.format in MARKUP_FORMATS:
            return cls._parse_comments(document, line_index)
        return cls._parse_lines(document, line_index, any_directive)

    @classmethod
    def _parse_lines(cls, document: Document, line_index: Callable[[str], LineIndex],
                     any_directive: Callable[[str], bool]) -> "Suppressions":
        """Plain text: a directive anywhere counts."""
        text = document.source
        if not any_directive(text):
            return cls(False, {}, [], None)
        index = line_index(text)
        found = _Collector()
        alone: dict[int, bool] = {}  # once a line, however many directives it holds
        for m in DIRECTIVE.finditer(text):
            line, _ = index.line_col(m.start())
            targets = [line]
            if m.group("verb").lower() == "ignore":
                if line not in alone:
                    alone[line] = _COMMENT_ONLY.match(text, index.starts[line - 1]) is not None
                if alone[line] and (nxt := _next_nonblank(index, line)):
                    targets.append(nxt)
            found.add(m, targets)
        found.close(len(text))
        return cls(found.whole_file, found.lines, found.regions, index, found.unknown)

    @classmethod
    def _parse_comments(cls, document: Document, line_index: Callable[[str], LineIndex]) -> "Suppressions":
        """Markup: only directives inside the document's comments count."""
        text = document.source
        comments = [
            c for c in document.comments if "figcheck:" in text[c.start : c.end].lower()
        ]
        if not comments:
            return cls(False, {}, [], None)
        index = line_index(text)
        found = _Collector()
        comments.sort(key=lambda c: (c.start, c.end))
        spans = [(index.line_col(c.start)[0], index.line_col(max(c.start, c.end - 1))[0]) for c in comments]
        for i, c in enumerate(comments):
            first, last = spans[i]
            targets = list(range(first, last + 1))
            # Alone on its lines: nothing but whitespace around it there. A neighbouring comment
            # on the same line settles it without looking at the line (linear in the text).
            alone = (
                not (i > 0 and spans[i - 1][1] == first)
                and not (i + 1 < len(comments) and spans[i + 1][0] == last)
                and not text[index.starts[first - 1] : c.start].strip()
                and not text[c.end : _line_end(index, last)].strip()
            )
            if alone:
                nxt = _next_nonblank(index, last)
                if nxt:
                    targets.append(nxt)
            ignored: list[str] = []  # a comment's ignores, applied to its lines once
            for m in DIRECTIVE.finditer(text, c.start, c.end):
                if m.group("verb").lower() == "ignore":
                    ignored.extend(found.codes_of(m))
                else:
                    found.add(m, targets)
            if ignored:
                found.ignore_codes(sorted(set(ignored)), targets)
        found.close(len(text))
        return cls(found.whole_file, found.lines, found.regions, index, found.unknown)

    def suppressed(self, code: str, offset: int) -> bool:
        if self.whole_file:
            return True
        if self.lines and self.index is not None:
            codes = self.lines.get(self.index.line_col(offset)[0])
            if codes and (ALL in codes or code in codes):
                return True
        if not self.regions:
            return False
        if self._by_code is None:
            self._by_code = _merged(self.regions)
        return any(_covers(self._by_code.get(c), offset) for c in (ALL, code))

    def unknown_code_diagnostic(self) -> Diagnostic | None:
        """The once-a-file note about a code in a directive that names no rule."""
        if self.unknown is None:
            return None
        from ..codes import REGISTRY

        start, end, code = self.unknown
        return Diagnostic(
            code=UNKNOWN_CODE, name="unknown-suppression-code", severity="information",
            message=(f"“{code}” in a figcheck suppression comment is not a rule code, so it "
                     f"suppresses nothing (rule codes: {', '.join(REGISTRY)}; `figcheck rules` "
                     "lists them)."),
            start=start, end=end,
        )


def _merged(regions: list[tuple[int, int, str]]) -> dict[str, tuple[list[int], list[int]]]:
    """Regions per code as sorted, non-overlapping (starts, ends), for a binary search."""
    by_code: dict[str, list[tuple[int, int]]] = {}
    for start, end, code in regions:
        by_code.setdefault(code, []).append((start, end))
    merged = {}
    for code, spans in by_code.items():
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        merged[code] = (starts, ends)
    return merged


def _covers(spans: tuple[list[int], list[int]] | None, offset: int) -> bool:
    if spans is None:
        return False
    starts, ends = spans
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def _next_nonblank(index: LineIndex, line: int) -> int | None:
    for n in range(line + 1, len(index.starts) + 1):
        if index.line_text(n).strip():
            return n
    return None


def _line_end(index: LineIndex, line: int) -> int:
    """Offset where a 1-based line's text ends (before its line break)."""
    return index.starts[line - 1] + len(index.line_text(line))


# --- writing directives ----------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\r?\n[ \t]*(?=\r?\n)")


def ignore_edits(text: str, fmt: str, offset: int, code: str, index: LineIndex | None = None) -> list[Edit]:
    """Edits that make :meth:`Suppressions.parse` ignore ``code`` where ``offset`` is: on its line,
    or (reStructuredText) in its paragraph. ``index``: the text's line index, when the caller has
    one (building one costs the whole text)."""
    if fmt == "rst":
        start = _paragraph_start(text, offset)
        end = _paragraph_end(text, offset)
        return [Edit(start, start, f".. figcheck: disable {code}\n\n"),
                Edit(end, end, f"\n\n.. figcheck: enable {code}")]
    opening, closing = COMMENT_SYNTAX.get(fmt, ("", ""))
    index = index if index is not None else LineIndex(text)
    end = index.line_end(offset)
    line = text[index.line_start(offset) : end]
    pad = "" if not line or line[-1].isspace() else " "
    return [Edit(end, end, f"{pad}{opening}figcheck: ignore {code}{closing}")]


def disable_file_edits(fmt: str, code: str) -> list[Edit]:
    """Edits that disable ``code`` for the whole file: a region from the first line to the end."""
    opening, closing = COMMENT_SYNTAX.get(fmt, ("", ""))
    gap = "\n\n" if fmt in ("rst", "text") else "\n"
    return [Edit(0, 0, f"{opening}figcheck: disable {code}{closing}{gap}")]


def _paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` starts (after the previous blank line), looking
    back over that paragraph only (a code action must not cost the whole text per diagnostic)."""
    start = text.rfind("\n", 0, offset) + 1
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if not text[previous : start - 1].rstrip("\r").strip(" \t"):
            break
        start = previous
    return min(start, offset)


def _paragraph_end(text: str, offset: int) -> int:
    m = _BLANK_LINE.search(text, offset)
    return m.start() if m else len(text.rstrip("\r\n"))
