"""Line and column positions of the output contract, for every newline style."""

import re
from contextlib import contextmanager

import figcheck.text.lines as lines_module

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.text.lines import (
    KEPT_SIZE,
    PARAGRAPH_BREAK,
    LineIndex,
    TextVersions,
    common_ends,
    paragraph_breaks,
    paragraph_starts,
)


def test_lines_end_at_lf_crlf_and_lone_cr():
    index = LineIndex("a\nb\r\nc\rd")
    assert [index.line_col(o) for o in (0, 2, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert [index.line_text(n) for n in (1, 2, 3, 4)] == ["a", "b", "c", "d"]


def test_columns_count_code_points_with_astral_characters():
    text = "🏔🥾 8 miles\n🏔 20 km"
    index = LineIndex(text)
    assert index.position(text.index("8")) == {"line": 1, "column": 4, "offset": 3}
    assert index.position(text.index("20")) == {"line": 2, "column": 3, "offset": text.index("20")}


def test_offsets_past_the_end_are_clamped():
    assert LineIndex("abc").line_col(99) == (1, 4)


def test_line_starts_are_right_with_and_without_carriage_returns():
    # Text without "\r" takes the summed-lengths path, text with one the regex path.
    for text in ("", "\n", "a", "a\n", "\n\nb", "ab\ncd\n\nx\n", "é🏔\nx", "a\r\nb", "\r\r\n\n"):
        expected = [0] + [i + 1 for i, ch in enumerate(text)
                          if ch == "\n" or (ch == "\r" and not text.startswith("\n", i + 1))]
        assert LineIndex(text).starts == expected, repr(text)


def test_paragraph_breaks_are_the_paragraph_break_matches_in_every_newline_style():
    for text in ("a\n\nb\n \t\nc\n", "a\r\n\r\nb\n\nc", "a\r\rb", "no break\n", "\n\n\n"):
        assert [m.span() for m in paragraph_breaks(text)] == \
            [m.span() for m in PARAGRAPH_BREAK.finditer(text)], repr(text)


@given(st.text(alphabet="ab\n\r é", max_size=40), st.data())
def test_an_edited_index_equals_one_built_afresh(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new_text = data.draw(st.text(alphabet="ab\n\r", max_size=6))
    edited = text[:start] + new_text + text[end:]
    index = LineIndex(text).edited(start, end, new_text, edited)
    assert (index.text, index.starts) == (edited, LineIndex(edited).starts)


def _edited(text: str, edits, line_starts_too: bool = False):
    """Each version of a long text after each edit (at, length, piece): ``piece`` replaces
    ``length`` characters at ``at`` of the way through (at the start of that line, for an
    ``at`` below one half, when ``line_starts_too``)."""
    assert len(text) >= KEPT_SIZE
    for at, length, piece in edits:
        start = int(at * len(text))
        if line_starts_too and at < 0.5:
            start = text.rfind("\n", 0, start) + 1
        text = text[:start] + piece + text[start + length :]
        yield text


LONG = "".join(f"Line {k} of a long text.\n" + ("\n" if k % 7 == 0 else "") for k in range(6000))


def _edits(longest: int, pieces: list[str]):
    """Up to 8 edits (where, how many characters, what replaces them) for :func:`_edited`."""
    return st.lists(st.tuples(st.floats(0, 1), st.integers(0, longest), st.sampled_from(pieces)),
                    min_size=1, max_size=8)


@contextmanager
def _fresh_reads():
    """Counts of the whole-text reads a :class:`TextVersions` falls back on (line starts,
    paragraph starts), while the block runs."""
    counts = {"lines": 0, "paragraphs": 0}
    line_starts, starts_of = lines_module._line_starts, lines_module.paragraph_starts

    def counted_lines(text):
        counts["lines"] += len(text) >= KEPT_SIZE
        return line_starts(text)

    def counted_paragraphs(text):
        counts["paragraphs"] += len(text) >= KEPT_SIZE
        return starts_of(text)

    lines_module._line_starts, lines_module.paragraph_starts = counted_lines, counted_paragraphs
    try:
        yield counts
    finally:
        lines_module._line_starts, lines_module.paragraph_starts = line_starts, starts_of


@settings(max_examples=200, deadline=None)
@given(_edits(4, ["", "x", "\n", "\n\n", "\r", "\r\n", " \n", "é🏔"]))
def test_a_long_text_s_lines_and_paragraphs_after_edits_are_those_of_a_fresh_scan(edits):
    # (a long text's line index and paragraph starts are moved from the latest version's, kept
    # by the TextVersions of the text, and read afresh only when a "\r" is about)
    versions = TextVersions()
    versions.line_index(LONG), versions.paragraph_starts(LONG)
    with _fresh_reads() as fresh:
        for text in _edited(LONG, edits):
            assert versions.line_index(text).starts == [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
            assert versions.known_lines(text) is versions.line_index(text)
            starts = versions.paragraph_starts(text)
            assert versions.paragraph_starts(text) is starts
            assert starts == [0, *(m.start() for m in paragraph_breaks(text))]
    if not any("\r" in piece for _, _, piece in edits):
        assert fresh == {"lines": 0, "paragraphs": 0}


def test_text_versions_are_each_holder_s_own():
    """Two holders' texts do not displace each other's (nothing is kept process-wide), and the
    plain functions keep nothing."""
    one, other = TextVersions(), TextVersions()
    first, second = LONG, SPACED
    one.paragraph_starts(first), other.paragraph_starts(second)
    one.line_index(first), other.line_index(second)
    edited_first, edited_second = first + "x", "y" + second
    with _fresh_reads() as fresh:
        assert one.paragraph_starts(edited_first) == paragraph_starts(edited_first)
        assert other.paragraph_starts(edited_second) == paragraph_starts(edited_second)
        assert one.line_index(edited_first).starts == LineIndex(edited_first).starts
        assert other.line_index(edited_second).starts == LineIndex(edited_second).starts
    assert fresh == {"lines": 2, "paragraphs": 0}  # (only the two plain LineIndex above read afresh)
    assert paragraph_starts(first) is not paragraph_starts(first)


# Lines of spaces and tabs between blank lines: breaks that an edit can join, split or lengthen.
SPACED = "".join(f"Para {k}.\n" + ("\n \t\n" if k % 3 == 0 else "\n\n" if k % 3 == 1 else "")
                 for k in range(12000))


@settings(max_examples=200, deadline=None)
@given(_edits(6, ["", "x", "\n", "\n\n", " ", "\t\n", "\n \n", " \t"]))
def test_a_long_text_s_paragraph_starts_moved_across_edits_near_breaks_are_a_fresh_scan_s(edits):
    # (TextVersions moves the latest long text's starts and reads again only around the edit)
    versions = TextVersions()
    versions.paragraph_starts(SPACED)
    with _fresh_reads() as fresh:
        for text in _edited(SPACED, edits, line_starts_too=True):
            assert versions.paragraph_starts(text) == [0, *(m.start() for m in PARAGRAPH_BREAK.finditer(text))]
    assert fresh["paragraphs"] == 0


def test_common_ends_are_the_common_suffix_then_the_common_prefix_of_what_is_left():
    old = "ab" * 60_000
    for new in (old + "a", "b" + old, old[:500] + "x" + old[500:], old[:-3], old):
        head, tail = common_ends(old, new)
        limit = min(len(old), len(new))
        assert tail == next(n for n in range(limit, -1, -1) if old[len(old) - n :] == new[len(new) - n :])
        assert head == next(n for n in range(limit - tail, -1, -1) if old[:n] == new[:n])
        versions = TextVersions()
        assert versions.common_ends(old, new) == (head, tail)
        assert versions.common_ends(old, new) == (head, tail)  # (kept for the latest pair)
