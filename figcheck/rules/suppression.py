"""Suppression directives, in any format's comment syntax or on a plain line.

``figcheck: ignore`` (this line), ``figcheck: ignore FC201`` (one rule, this line),
``figcheck: disable FC201`` / ``figcheck: enable FC201`` (a region; no code means every rule),
``figcheck: disable-file`` (the whole file). A directive alone on its line (a comment line)
also covers the next non-blank line, since comments in Markdown or HTML cannot share a line
with every paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import Document
from ..text.lines import LineIndex

DIRECTIVE = re.compile(
    r"figcheck:[ \t]*(?P<verb>disable-file|disable|enable|ignore)\b(?P<codes>(?:[ \t,]+FC\d{3})*)",
    re.IGNORECASE,
)
_COMMENT_ONLY = re.compile(r"^\s*(?:<!--|%|\.\.|#|//|;)?\s*figcheck:.*?(?:-->)?\s*$", re.IGNORECASE)
ALL = "*"


@dataclass
class Suppressions:
    whole_file: bool
    lines: dict[int, set[str]]  # 1-based line → codes ignored there (ALL for every rule)
    regions: list[tuple[int, int, str]]  # (start, end, code) offsets where a rule is disabled
    index: LineIndex | None  # None when the document has no directive at all

    @classmethod
    def parse(cls, document: Document) -> "Suppressions":
        text = document.source
        lines: dict[int, set[str]] = {}
        regions: list[tuple[int, int, str]] = []
        open_regions: dict[str, int] = {}
        whole_file = False
        if "figcheck:" not in text.lower():
            return cls(False, lines, regions, None)
        index = LineIndex(text)
        for m in DIRECTIVE.finditer(text):
            verb = m.group("verb").lower()
            codes = [c.upper() for c in re.findall(r"FC\d{3}", m.group("codes"), re.I)] or [ALL]
            line, _ = index.line_col(m.start())
            if verb == "disable-file":
                whole_file = True
            elif verb == "ignore":
                targets = [line]
                if _COMMENT_ONLY.match(index.line_text(line)):
                    nxt = _next_nonblank(index, line)
                    if nxt:
                        targets.append(nxt)
                for t in targets:
                    lines.setdefault(t, set()).update(codes)
            elif verb == "disable":
                for code in codes:
                    open_regions.setdefault(code, m.start())
            else:  # enable
                for code in codes if codes != [ALL] else list(open_regions):
                    start = open_regions.pop(code, None)
                    if start is not None:
                        regions.append((start, m.end(), code))
        regions.extend((start, len(text), code) for code, start in open_regions.items())
        return cls(whole_file, lines, regions, index)

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
