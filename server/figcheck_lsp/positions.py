"""Code-point offsets ↔ LSP positions: the only module that knows about UTF-16, UTF-8 and UTF-32.

The engine speaks in code-point offsets (Python ``str`` indexes). LSP speaks in 0-based lines and
columns counted in code units of the negotiated position encoding (UTF-16 unless the client
offers another). Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as the LSP specification says.

Out-of-range positions are clamped, as the specification asks: a column past the end of its line
means the end of that line, a line past the last line means the end of the document, and a
column that falls inside a surrogate pair (or inside a UTF-8 sequence) rounds down to the start
of that character.
"""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from figcheck.text.lines import LineIndex

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value
SUPPORTED = (UTF16, UTF8, UTF32)
_CODEC = {UTF8: "utf-8", UTF16: "utf-16-le", UTF32: "utf-32-le"}
_UNIT_BYTES = {UTF8: 1, UTF16: 2, UTF32: 4}


def negotiate(offered: Iterable[str] | None) -> str:
    """The position encoding to use: the client's first supported choice, else UTF-16.

    The client lists encodings in its order of preference (LSP 3.17); a client that lists none
    only speaks UTF-16, the mandatory default.
    """
    for name in offered or ():
        if str(name) in SUPPORTED:
            return str(name)
    return UTF16


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    return len(text.encode(_CODEC[encoding], "surrogatepass")) // _UNIT_BYTES[encoding]


def code_points(text: str, count: int, encoding: str = UTF16) -> int:
    """How many whole code points of ``text`` fit in its first ``count`` code units."""
    if count <= 0:
        return 0
    if encoding == UTF32 or text.isascii():
        return min(count, len(text))
    data = text.encode(_CODEC[encoding], "surrogatepass")[: count * _UNIT_BYTES[encoding]]
    return len(data.decode(_CODEC[encoding], "ignore"))


class LineTable:
    """One version of a text with the engine's line index, converting code-point offsets to and
    from LSP positions in the negotiated encoding."""

    __slots__ = ("lines", "encoding")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.lines = LineIndex(text)
        self.encoding = encoding

    @property
    def text(self) -> str:
        return self.lines.text

    def edited(self, start: int, end: int, new_text: str, text: str) -> LineTable:
        """The table of ``text``, this table's text with ``[start, end)`` replaced by
        ``new_text`` (see :meth:`LineIndex.edited`)."""
        table = LineTable.__new__(LineTable)
        table.lines, table.encoding = self.lines.edited(start, end, new_text, text), self.encoding
        return table

    def position(self, offset: int) -> types.Position:
        """The LSP position of a code-point offset (clamped to the text)."""
        line = self.lines.line_of(offset)
        start = self.lines.starts[line]
        offset = max(start, min(offset, len(self.text)))
        return types.Position(line=line, character=units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of an LSP position, clamped as the specification says."""
        line, character = position.line, position.character
        if line < 0:
            return 0
        if line >= len(self.lines.starts):
            return len(self.text)
        start, end = self.lines.line_bounds(line)
        return start + code_points(self.text[start:end], character, self.encoding)

    def span(self, range_: types.Range) -> tuple[int, int]:
        start, end = self.offset(range_.start), self.offset(range_.end)
        return (start, end) if start <= end else (end, start)

    def in_range(self, position: types.Position) -> bool:
        """Whether ``position`` names a real place (no clamping needed)."""
        if position.line < 0 or position.character < 0 or position.line >= len(self.lines.starts):
            return False
        start, end = self.lines.line_bounds(position.line)
        return position.character <= units(self.text[start:end], self.encoding)
