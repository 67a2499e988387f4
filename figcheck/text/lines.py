"""Code-point offsets ↔ 1-based line and column, the positions of the output contract."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text; lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.starts.extend(m.end() for m in _LINE_END.finditer(text))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def position(self, offset: int) -> dict:
        line, column = self.line_col(offset)
        return {"line": line, "column": column, "offset": offset}

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
