"""Code-point offsets ↔ 1-based line and column, the positions of the output contract."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Line starts of a text; lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        i, n = 0, len(text)
        find_cr, find_lf = text.find, text.find
        while True:
            lf = find_lf("\n", i)
            cr = find_cr("\r", i)
            if lf < 0 and cr < 0:
                break
            if cr >= 0 and (lf < 0 or cr < lf):
                nxt = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
            else:
                nxt = lf + 1
            starts.append(nxt)
            i = nxt
        self.starts = starts

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
