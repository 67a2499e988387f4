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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import Document
from ..text.lines import LineIndex

DIRECTIVE = re.compile(
    r"figcheck:[ \t]*(?P<verb>disable-file|disable|enable|ignore)\b(?P<codes>(?:[ \t,]+FC\d{3})*)",
    re.IGNORECASE,
)
_COMMENT_ONLY = re.compile(
    r"^\s*(?:<!--|%+|\.\.|#+|//+|;+)?\s*figcheck:.*?(?:-->)?\s*$", re.IGNORECASE
)
_CODE = re.compile(r"FC\d{3}", re.IGNORECASE)
# Formats whose directives live in comments only (``Document.comments``).
MARKUP_FORMATS = frozenset({"markdown", "html", "latex", "rst"})
ALL = "*"


@dataclass
class _Collector:
    """Directives in document order → the lines, regions and file-wide switch they give."""

    lines: dict[int, set[str]] = field(default_factory=dict)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    open_regions: dict[str, int] = field(default_factory=dict)
    whole_file: bool = False

    def add(self, m: re.Match[str], targets: list[int]) -> None:
        verb = m.group("verb").lower()
        codes = [c.upper() for c in _CODE.findall(m.group("codes"))] or [ALL]
        if verb == "disable-file":
            self.whole_file = True
        elif verb == "ignore":
            for t in targets:
                self.lines.setdefault(t, set()).update(codes)
        elif verb == "disable":
            for code in codes:
                self.open_regions.setdefault(code, m.start())
        else:  # enable
            for code in codes if codes != [ALL] else list(self.open_regions):
                start = self.open_regions.pop(code, None)
                if start is not None:
                    self.regions.append((start, m.end(), code))

    def close(self, length: int) -> None:
        self.regions.extend((start, length, code) for code, start in self.open_regions.items())
        self.open_regions.clear()


@dataclass
class Suppressions:
    whole_file: bool
    lines: dict[int, set[str]]  # 1-based line → codes ignored there (ALL for every rule)
    regions: list[tuple[int, int, str]]  # (start, end, code) offsets where a rule is disabled
    index: LineIndex | None  # None when the document has no directive at all

    @classmethod
    def parse(cls, document: Document) -> "Suppressions":
        if document.format in MARKUP_FORMATS:
            return cls._parse_comments(document)
        return cls._parse_lines(document)

    @classmethod
    def _parse_lines(cls, document: Document) -> "Suppressions":
        """Plain text: a directive anywhere counts."""
        text = document.source
        if "figcheck:" not in text.lower():
            return cls(False, {}, [], None)
        index = LineIndex(text)
        found = _Collector()
        for m in DIRECTIVE.finditer(text):
            line, _ = index.line_col(m.start())
            targets = [line]
            if m.group("verb").lower() == "ignore" and _COMMENT_ONLY.match(index.line_text(line)):
                nxt = _next_nonblank(index, line)
                if nxt:
                    targets.append(nxt)
            found.add(m, targets)
        found.close(len(text))
        return cls(found.whole_file, found.lines, found.regions, index)

    @classmethod
    def _parse_comments(cls, document: Document) -> "Suppressions":
        """Markup: only directives inside the document's comments count."""
        text = document.source
        comments = [
            c for c in document.comments if "figcheck:" in text[c.start : c.end].lower()
        ]
        if not comments:
            return cls(False, {}, [], None)
        index = LineIndex(text)
        found = _Collector()
        for c in sorted(comments, key=lambda c: (c.start, c.end)):
            first, _ = index.line_col(c.start)
            last, _ = index.line_col(max(c.start, c.end - 1))
            targets = list(range(first, last + 1))
            alone = (
                not text[index.starts[first - 1] : c.start].strip()
                and not text[c.end : _line_end(index, last)].strip()
            )
            if alone:
                nxt = _next_nonblank(index, last)
                if nxt:
                    targets.append(nxt)
            for m in DIRECTIVE.finditer(text, c.start, c.end):
                found.add(m, targets)
        found.close(len(text))
        return cls(found.whole_file, found.lines, found.regions, index)

    def suppressed(self, code: str, offset: int) -> bool:
        if self.whole_file:
            return True
        if self.lines and self.index is not None:
            codes = self.lines.get(self.index.line_col(offset)[0])
            if codes and (ALL in codes or code in codes):
                return True
        return any(s <= offset < e and c in (ALL, code) for s, e, c in self.regions)


def _next_nonblank(index: LineIndex, line: int) -> int | None:
    for n in range(line + 1, len(index.starts) + 1):
        if index.line_text(n).strip():
            return n
    return None


def _line_end(index: LineIndex, line: int) -> int:
    """Offset where a 1-based line's text ends (before its line break)."""
    return index.starts[line - 1] + len(index.line_text(line))
