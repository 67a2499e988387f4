"""Suppression directives: where they are read, and which lines or regions they cover."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.engine import check_text
from figcheck.rules.suppression import Suppressions, has_directive
from figcheck.text import read_document

WALL = "The wall is 12 kilometres (15 miles) long."


def codes(text: str, fmt: str = "text") -> list[str]:
    return [d.code for d in check_text(text, fmt)]


def test_the_sentence_is_flagged_without_a_directive():
    for fmt in ("text", "markdown", "html", "latex", "rst"):
        assert codes(f"{WALL}\n", fmt) == ["FC101"], fmt


# -- plain text: every line counts ----------------------------------------------------------------
def test_text_ignore_on_the_same_line():
    assert codes(f"{WALL} figcheck: ignore\n") == []


def test_text_ignore_one_code():
    assert codes(f"{WALL} figcheck: ignore FC101\n") == []
    assert codes(f"{WALL} figcheck: ignore FC202\n") == ["FC101"]


def test_text_directive_alone_on_its_line_covers_the_next_nonblank_line():
    assert codes(f"# figcheck: ignore FC101\n\n{WALL}\n") == []
    assert codes(f"figcheck: ignore\n{WALL}\n") == []


def test_text_disable_enable_region():
    source = f"figcheck: disable FC101\n\n{WALL}\n\nfigcheck: enable FC101\n\n{WALL}\n"
    diags = check_text(source)
    assert [d.code for d in diags] == ["FC101"]
    assert diags[0].start > source.index("enable")


def test_text_disable_without_a_code_disables_every_rule_until_enable():
    source = f"figcheck: disable\n{WALL}\nfigcheck: enable\n{WALL}\n"
    assert codes(source) == ["FC101"]


def test_text_disable_file():
    assert codes(f"{WALL}\n\nfigcheck: disable-file\n") == []


# -- markup: only directives inside comments count ----------------------------------------------
@pytest.mark.parametrize(
    "fmt,source",
    [
        ("markdown", f"```\nfigcheck: disable-file\n```\n\n{WALL}\n"),
        ("markdown", f"`figcheck: ignore` {WALL}\n"),
        ("markdown", f"    figcheck: disable-file\n\n{WALL}\n"),
        ("html", f"<pre>figcheck: disable-file</pre>\n<p>{WALL}</p>\n"),
        ("html", f"<p>{WALL} <code>figcheck: ignore</code></p>\n"),
        ("latex", f"\\begin{{verbatim}}\nfigcheck: disable-file\n\\end{{verbatim}}\n\n{WALL}\n"),
        ("latex", f"{WALL} \\verb|figcheck: ignore|\n"),
        ("rst", f"::\n\n    figcheck: disable-file\n\n{WALL}\n"),
    ],
)
def test_markup_directive_outside_a_comment_is_not_obeyed(fmt, source):
    assert codes(source, fmt) == ["FC101"]


@pytest.mark.parametrize(
    "fmt,source",
    [
        ("markdown", f"{WALL} <!-- figcheck: ignore FC101 -->\n"),
        ("markdown", f"<!-- figcheck: ignore -->\n{WALL}\n"),
        ("markdown", f"<!-- figcheck: disable-file -->\n\n{WALL}\n"),
        ("html", f"<p>{WALL}</p> <!-- figcheck: ignore FC101 -->\n"),
        ("latex", f"{WALL} % figcheck: ignore FC101\n"),
        ("latex", f"% figcheck: ignore\n{WALL}\n"),
        ("rst", f".. figcheck: disable FC101\n\n{WALL}\n\n.. figcheck: enable FC101\n"),
    ],
)
def test_markup_directive_in_a_comment_is_obeyed(fmt, source):
    assert codes(source, fmt) == []


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_multiline_comment_covers_the_first_nonblank_line_after_it(fmt):
    body = WALL if fmt == "markdown" else f"<p>{WALL}</p>"
    assert codes(f"<!--\nfigcheck: ignore\n-->\n\n{body}\n", fmt) == []
    assert codes(f"<!--\n  figcheck: ignore FC101\n-->\n{body}\n", fmt) == []
    # ... and only that line.
    assert codes(f"<!--\nfigcheck: ignore\n-->\n{body}\n\n{body}\n", fmt) == ["FC101"]


def test_comment_sharing_its_line_with_text_covers_only_that_line():
    source = f"Intro. <!-- figcheck: ignore -->\n{WALL}\n"
    assert codes(source, "markdown") == ["FC101"]


def test_markdown_disable_enable_region_in_comments():
    source = (
        f"<!-- figcheck: disable FC101 -->\n\n{WALL}\n\n<!-- figcheck: enable FC101 -->\n\n{WALL}\n"
    )
    diags = check_text(source, "markdown")
    assert [d.code for d in diags] == ["FC101"]
    assert diags[0].start > source.index("enable")


@pytest.mark.parametrize(
    "source",
    [
        f"%% figcheck: ignore\n{WALL}\n",
        f"%%% figcheck: ignore FC101\n\n{WALL}\n",
        f"{WALL} %% figcheck: ignore FC101\n",
        f"%% figcheck: disable-file\n\n{WALL}\n",
    ],
)
def test_latex_double_percent_comment(source):
    assert codes(source, "latex") == []


def test_text_double_percent_line_covers_the_next_line():
    assert codes(f"%% figcheck: ignore\n{WALL}\n") == []


def test_parse_without_directives_is_empty():
    for fmt in ("text", "markdown", "latex"):
        parsed = Suppressions.parse(read_document(f"{WALL}\n", fmt))
        assert not parsed.whole_file and not parsed.lines and not parsed.regions


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("fFiIİıgGcChHeEkKK: x"), max_size=14), st.integers(0, 9))
def test_a_directive_is_found_without_lowering_the_text_as_with_it(tail, head):
    # (U+212A, the Kelvin sign, lowers to "k"; "İ" lowers to "i" and a combining dot)
    text = "figcheck:"[:head] + tail
    assert has_directive(text) == ("figcheck:" in text.lower())


# --- the directive search of a held document: only the edit is searched ----------------------

_LONG_PLAIN = "".join(f"Line {k}: it is 5 km (3 miles) long, check {k}.\n" for k in range(3000))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12),
                          st.sampled_from(["", "x", "figcheck:", "figch", "eck:", "FIGCHEC\u212a:", ":", "\n"])),
                min_size=1, max_size=8))
def test_directive_search_across_edits_is_a_search_of_the_whole_text(edits):
    from figcheck.rules.suppression import DirectiveSearch, has_directive
    from figcheck.text.lines import TextVersions

    search = DirectiveSearch(TextVersions())
    text = _LONG_PLAIN
    assert not search(text)
    for at, length, piece in edits:
        start = int(at * len(text))
        had, before = search(text), search.searched
        text = text[:start] + piece + text[start + length :]
        assert search(text) == has_directive(text)
        if not had:  # (a text with none: only the edit and its reach were searched)
            assert search.searched - before <= len(piece) + 2 * len("figcheck:")


def test_a_held_check_finds_a_directive_typed_into_a_long_document():
    from figcheck.engine import check_document
    from figcheck.incremental_check import HeldDocument
    from figcheck.text import read_document

    held = HeldDocument()
    text = _LONG_PLAIN
    check_document(read_document(text, "text"), held=held)
    at = text.index("Line 1500:")
    for piece in ("figch", "eck: ignore FC101 "):
        text = text[:at] + piece + text[at:]
        at += len(piece)
        document = read_document(text, "text")
        assert check_document(document, held=held) == check_document(document)
    assert held.directives(text) and held.directives.searched < 2 * len(_LONG_PLAIN)
