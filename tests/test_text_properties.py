"""Every reader, on any input: prose as long as the source, line breaks where they were, no crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.text import read_document
from figcheck.text.prose import URL, find_urls

FORMATS = ["markdown", "latex", "rst", "html"]

# Pieces of markup of every format, so the generator reaches the interesting states quickly.
PIECES = [
    "\n", "\r\n", "\r", " ", "\t", "5", "1,000", "km", "**", "*", "_", "`", "``", "```", "~", "~~",
    "[", "]", "(", ")", "![", "](", "<", ">", "</", "<!--", "-->", "&", "&amp;", "&nbsp;", "&#8239;",
    "\\", "{", "}", "$", "$$", "%", "#", "# ", "- ", "1. ", "> ", "|", "---\n", "+++\n", "::", ".. ",
    ":math:`", ":sup:`2`", "\\begin{equation}", "\\end{equation}", "\\SI{5}{\\kilo\\metre}",
    "\\qty{", "\\emph{", "\\verb|", "\\'", "\\\\", "<p>", "</p>", "<td>", "<pre>", "<script>",
    "<sup>2</sup>", "=====", "+----+", "\x00", "\u00a0", "é",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=TEXT)
def test_reader_keeps_length_and_line_breaks(fmt, source):
    doc = read_document(source, fmt)
    assert len(doc.prose) == len(source)
    for i, ch in enumerate(source):
        if ch in "\r\n":
            assert doc.prose[i] == ch
        else:
            assert doc.prose[i] not in "\r\n"
    for c in doc.comments:
        assert 0 <= c.start <= c.end <= len(source)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=200, deadline=None)
@given(source=st.text(max_size=200))
def test_reader_on_arbitrary_text(fmt, source):
    doc = read_document(source, fmt)
    assert len(doc.prose) == len(source)
    assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == [
        i for i, c in enumerate(source) if c in "\r\n"
    ]


# Inputs that make a naive reader quadratic (an unclosed construct re-scanned from every start).
PATHOLOGICAL = {
    "markdown": ["[a](" * 10000, "![a](b " * 10000, "*a " * 10000, "`" * 20000 + "\n", "<" * 20000],
    "latex": ["\\SI{" * 10000, "{" * 30000, "$" * 30000, "\\label{" * 10000, "\\foo[" * 10000],
    "rst": ["*a " * 10000, "``a " * 10000, ":a:`" * 10000, "`" * 30000, "- x\n" * 10000],
    "html": ["<a title=\"" * 10000, "<!--" * 10000, "&amp" * 10000, "<pre>" * 10000, "</" * 20000],
}


@pytest.mark.parametrize(
    "fmt,source", [(fmt, s) for fmt, xs in PATHOLOGICAL.items() for s in xs],
    ids=lambda v: v if v in PATHOLOGICAL else repr(v[:12]),
)
def test_reader_stays_linear_on_pathological_input(fmt, source):
    from tests.growth import assert_linear

    doc = read_document(source, fmt)
    assert len(doc.prose) == len(source)
    # Four copies of the pattern cost about four times one (issue #15: no absolute time limit).
    assert_linear(lambda text: read_document(text, fmt), lambda n: source * n, 1)


# The Markdown scanner on inputs built to defeat it (issue #7): each must read in linear time.
MARKDOWN_PATHOLOGICAL = {
    "100k backticks": "`" * 100_000,
    "backtick runs of every length": "".join("`" * k + "a" for k in range(1, 450)),
    "nested brackets": "[" * 50_000 + "a" + "]" * 50_000,
    "unclosed destinations": "[a](" * 25_000,
    "unclosed angle destinations": "[a](<" * 20_000,
    "unclosed titles": "![a](b \"" * 15_000,
    "10k quote levels": ">" * 10_000 + " deep 5 km\n",
    "deepening quotes": "".join(">" * k + " x\n" for k in range(400)),
    "deepening lists": "".join("  " * k + "- x\n" for k in range(700)),
    "10k nested items on a line": "- " * 10_000 + "x\n",
    "emphasis runs": "*a " * 30_000 + "_b " * 30_000,
    "unclosed tags": "<a title=\"" * 10_000,
    "unclosed comments": "x <!--" * 20_000,
    "backslashes": "\\" * 100_000,
    "unclosed definition titles": "[a]: /u \"\n" * 10_000,
    "a row of pipes": "a|b\n-|-\n" + "|" * 50_000 + "\n",
    "fences": "```\n" * 20_000,
    "unclosed math brackets": "\\( a " * 25_000,
    "math brackets without TeX": "\\[ a " * 25_000 + "\\]",
}


@pytest.mark.parametrize("source", MARKDOWN_PATHOLOGICAL.values(), ids=list(MARKDOWN_PATHOLOGICAL))
def test_markdown_reader_is_linear_on_pathological_input(source):
    import time

    start = time.process_time()  # CPU time: the machine is shared
    doc = read_document(source, "markdown")
    assert len(doc.prose) == len(source)
    assert time.process_time() - start < 2.0  # each takes well under 0.3 s


URL_PIECES = ["http", "https", "ftp", "://", "www.", ".", "x", " ", "\n", ")", "]", "_", "\"", "w",
              ":", "/", "é", "<", "`", ","]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(URL_PIECES), max_size=30).map("".join), data=st.data())
def test_find_urls_is_the_url_pattern_found_faster(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert find_urls(text, start, end) == [m.span() for m in URL.finditer(text, start, end)]
