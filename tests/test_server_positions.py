"""figcheck_lsp.positions: code-point offsets ↔ LSP positions in UTF-16, UTF-8 and UTF-32."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol.types import Position, Range

from figcheck_lsp.positions import UTF8, UTF16, UTF32, LineTable, code_points, negotiate, units

ASTRAL = "🏔🥾 8 miles (20 km)\nsecond 𝔘𝔫𝔦 line\r\nthird\rfourth é"


def test_negotiate_takes_the_clients_first_supported_choice():
    assert negotiate(None) == UTF16
    assert negotiate([]) == UTF16
    assert negotiate(["utf-8", "utf-16"]) == UTF8
    assert negotiate(["utf-32"]) == UTF32
    assert negotiate(["ebcdic", "utf-16", "utf-8"]) == UTF16


def test_units_per_encoding():
    assert units("🏔", UTF16) == 2 and units("🏔", UTF8) == 4 and units("🏔", UTF32) == 1
    assert units("é", UTF16) == 1 and units("é", UTF8) == 2
    assert units("plain", UTF16) == 5


def test_astral_characters_before_a_figure_utf16():
    table = LineTable(ASTRAL, UTF16)
    offset = ASTRAL.index("20 km")
    assert offset == 12
    assert table.position(offset) == Position(0, 14)  # two surrogate pairs before it
    assert table.offset(Position(0, 14)) == offset


def test_astral_characters_utf8_and_utf32():
    offset = ASTRAL.index("8 miles")
    assert LineTable(ASTRAL, UTF8).position(offset) == Position(0, 4 + 4 + 1)
    assert LineTable(ASTRAL, UTF32).position(offset) == Position(0, 3)


def test_line_breaks_crlf_and_lone_cr():
    table = LineTable(ASTRAL, UTF16)
    assert table.position(ASTRAL.index("third")) == Position(2, 0)
    assert table.position(ASTRAL.index("fourth")) == Position(3, 0)
    # a column past the end of a CRLF line stops before the break
    assert table.offset(Position(1, 999)) == ASTRAL.index("\r\nthird")


def test_clamping_out_of_range_positions():
    table = LineTable("ab\ncd", UTF16)
    assert table.offset(Position(9, 9)) == 5
    assert table.offset(Position(0, 99)) == 2
    assert not table.in_range(Position(0, 3)) and table.in_range(Position(0, 2))
    assert not table.in_range(Position(2, 0))


def test_a_column_inside_a_surrogate_pair_rounds_down():
    table = LineTable("a🏔b", UTF16)
    assert table.offset(Position(0, 2)) == 1  # between the two halves of 🏔
    assert code_points("🏔b", 1, UTF8) == 0


def test_span_orders_its_ends():
    table = LineTable("hello world")
    assert table.span(Range(Position(0, 6), Position(0, 1))) == (1, 6)


texts = st.text(alphabet=st.sampled_from(list("ab é\n\r🏔𝔘\u200d")), max_size=40)


@given(texts, st.sampled_from([UTF8, UTF16, UTF32]), st.data())
def test_round_trip(text, encoding, data):
    table = LineTable(text, encoding)
    offset = data.draw(st.integers(0, len(text)))
    if text[max(0, offset - 1) : offset + 1] == "\r\n":
        offset -= 1  # the middle of a CRLF is not a position
    assert table.offset(table.position(offset)) == offset
