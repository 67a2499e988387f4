"""Markup readers: prose masking with exact positions (issue #7)."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from figcheck.engine import check_document
from figcheck.extract import extract_claims
from figcheck.rules.suppression import Suppressions
from figcheck.text import (
    SEPARATOR,
    format_for_language_id,
    format_for_path,
    path_suffix,
    read_document,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
S = SEPARATOR


def prose(text: str, fmt: str) -> str:
    doc = read_document(text, fmt)
    assert len(doc.prose) == len(text)
    return doc.prose


# -- format selection ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path,fmt",
    [
        ("a.md", "markdown"), ("a.MARKDOWN", "markdown"), ("a.tex", "latex"), ("a.rst", "rst"),
        ("a.html", "html"), ("a.htm", "html"), ("a.txt", "text"), ("a.docx", "text"), (None, "text"),
    ],
)
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


@pytest.mark.parametrize(
    "path",
    ["a.md", "dir/a.tar.gz", ".md", "a.", "a..md", "dir.d/name", "a.md/", "a.md/.", "a/..", "..", ".",
     "", "/", "a/.b.c", "C:a.txt", "dir\\a.rst", "a.d\\b"],
)
def test_path_suffix_is_pathlibs(path):
    assert path_suffix(path) == PurePath(path).suffix


def test_format_for_language_id():
    assert format_for_language_id("markdown") == "markdown"
    assert format_for_language_id("latex") == "latex"
    assert format_for_language_id("restructuredtext") == "rst"
    assert format_for_language_id("html") == "html"
    assert format_for_language_id("unknown", "x.tex") == "latex"


def test_unknown_format_reads_as_plain_text():
    doc = read_document("**5 km**", "docx")
    assert doc.prose == "**5 km**" and doc.format == "text"


# -- Markdown -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source,expected",
    [
        ("**1,000** square miles", "  1,000   square miles"),
        ("# Title 5 km #", "  Title 5 km  "),
        ("A `5 km` b", "A        b"),
        ("[the 5 km](http://x/7km \"9 km\") end", " the 5 km" + " " * 23 + "end"),
        ("![a 3 m photo](p.png)", "  a 3 m photo" + " " * 8),
        ("x <https://a.b/5km> y", "x                   y"),
        ("1,000&nbsp;km", "1,000\u00a0     km"),
        ("\\*5\\* km", " *5*  km"),
        ("&pound;5", "      £5"),
        ("Area 9 km<sup>2</sup>", "Area 9 km²" + " " * 11),
        ("See https://example.com/5km.", "See                        ."),
        ("~~5 km~~ x", "  5 km   x"),
    ],
)
def test_markdown_inline(source, expected):
    assert prose(source, "markdown") == expected


def test_markdown_blocks():
    source = "---\ntitle: 5 km\n---\n\n- 5\n- km\n\n```\n5 km\n```\n\n    7 km\n\n> quote 3 m\n"
    expected = "   \n           \n   \n\n  5\n" + S + " km\n\n   \n    \n   \n\n        \n\n  quote 3 m\n"
    assert prose(source, "markdown") == expected


def test_markdown_table_cells_are_separated():
    source = "| a | b |\n|---|---|\n| 50 | km |\n"
    assert prose(source, "markdown") == "  a " + S + " b  \n         \n  50 " + S + " km  \n"


def test_markdown_comments_are_listed_and_masked():
    source = "<!-- figcheck: ignore FC101 -->\nText 5 km <!-- inline 7 -->.\n"
    doc = read_document(source, "markdown")
    assert doc.prose == " " * 31 + "\nText 5 km" + " " * 18 + ".\n"
    assert [c.text for c in doc.comments] == ["figcheck: ignore FC101", "inline 7"]
    assert source[doc.comments[0].start : doc.comments[0].end] == "<!-- figcheck: ignore FC101 -->"


def test_markdown_masked_line_inside_paragraph_is_not_a_paragraph_break():
    source = "The wall is 12\n`code`\nkm long.\n"
    assert prose(source, "markdown") == "The wall is 12\n" + S + "     \nkm long.\n"


def test_markdown_html_block_text_is_prose():
    source = "<div>\nhtml <b>5</b> km\n</div>\n"
    assert prose(source, "markdown") == "     \nhtml    5     km\n      \n"


def test_markdown_crlf_and_nul():
    source = "**5** km\r\nnext\x00 line\r\n"
    assert prose(source, "markdown") == "  5   km\r\nnext\x00 line\r\n"


# -- Markdown: the hand-written block and inline scanner ------------------------------------------
@pytest.mark.parametrize(
    "source,expected",
    [
        # front matter, YAML and TOML, only at the start of the file
        ("---\ntitle: 5 km\n---\nText 7 km\n", "   \n           \n   \nText 7 km\n"),
        ("+++\nlen = 5\n+++\nText\n", "   \n       \n   \nText\n"),
        # ATX headings (closing sequence masked) and setext headings (underline masked)
        ("## Title 5 km ##\n", "   Title 5 km   \n"),
        ("Title 5 km\n==========\n\nSub 7 m\n---\n", "Title 5 km\n          \n\nSub 7 m\n   \n"),
        # fenced code with an info string, tildes, a longer closing fence, unclosed to the end
        ('```python title="x"\nspan = 5\n```\nafter\n', " " * 19 + "\n        \n   \nafter\n"),
        ("~~~\n5 km\n~~~~\nafter\n", "   \n    \n    \nafter\n"),
        ("````\n```\n5 km\n", "    \n   \n    \n"),
        ("```not closed", " " * 13),
        # indented code after a blank line; an indented line after a paragraph line continues it
        ("Text 5\n\n    code 7 km\n", "Text 5\n\n             \n"),
        ("The wall is 12\n    kilometres long.\n", "The wall is 12\n    kilometres long.\n"),
        ("- item 5\n\n      code 7 km\n", "  item 5\n\n               \n"),
        ("1. \n\n    code 7 km\n", "   \n\n             \n"),  # an empty item ends at a blank line
        # block quotes, nested, with a lazy continuation line
        ("> a 5\n> > b 7\nlazy 9 km\n", "  a 5\n  " + S + " b 7\nlazy 9 km\n"),
        # list items of every marker; a second ordered item is an item, not a continuation
        ("- a\n* b\n+ c\n1. d\n2) e\n", "  a\n" + S + " b\n" + S + " c\n" + S + "  d\n" + S + "  e\n"),
        # thematic break
        ("Text\n***\nmore\n", "Text\n   \nmore\n"),
        # HTML block: its text is prose, its tags are not
        ("<div>\n5 km\n</div>\n\nafter 7\n", "     \n5 km\n      \n\nafter 7\n"),
        # GFM table: pipes masked and cells separated, escaped pipe decoded, pipe in code kept
        ("A | B\n--|--\n1 \\| 2 | `x|y`\n", "A " + S + " B\n     \n1 |  2        \n"),
        # link reference definitions masked; reference and shortcut links keep their text
        (
            '[ref]: http://x.y/7km "9 km"\n\nSee [the 5 km][ref] and [ref].\n',
            " " * 28 + "\n\nSee  the 5 km       and  ref .\n",
        ),
        ("[not defined] 5", "[not defined] 5"),
        # code spans: backtick runs of matching length; unmatched runs are text
        ("``a ` b`` c `` d", " " * 10 + "c `` d"),
        ("a `` b ` c", "a `` b ` c"),
        # emphasis markers, not arithmetic or intraword underscores
        ("*5* and _7_ and 2 * 3 and snake_case", " 5  and  7  and 2 * 3 and snake_case"),
        # links and images: text and alt kept, destination and title masked; nested brackets
        ("[a [b] c](u) ![x](y 'z')", " a [b] c       x        "),
        ('[x](<a b> "t") y', " x" + " " * 13 + "y"),
        # autolinks, e-mail autolinks, raw inline HTML
        ("a <user@example.com> b", "a" + " " * 20 + "b"),
        ('<b>5</b> <span class="x">km</span>', "   5" + " " * 21 + "km       "),
        # escapes and entities, decoded and padded; an unknown entity is text
        ("\\_5\\_", " _5_ "),
        ("&nbsp;&amp;&#8217;&#x41; &bogus;", "\u00a0     &    \u2019      A      &bogus;"),
        ("a\\\nb\n", "a \nb\n"),  # a hard line break
        # a bare URL is masked whole, markup characters in it included
        ("text https://x.y/a_b_c*d* end", "text" + " " * 22 + "end"),
        # TeX math between dollars is masked: as pandoc reads it, or when it holds TeX
        ("Let $N \\geq 1$ and $x^2 = 4$ hold.", "Let " + " " * 10 + " and " + " " * 9 + " hold."),
        ("with $ r \\geq p - 1 $ here", "with" + " " * 18 + "here"),
        ("The sum $$x = 3 + 4$$ holds.", "The sum " + " " * 13 + " holds."),
        # ... and so is TeX between backslashed brackets, inline or displayed (MathJax's)
        ("for \\( t \\geq 1 \\), let", "for " + " " * 14 + ", let"),
        ("There are \\[ 7^{2} \\] groups.", "There are " + " " * 11 + " groups."),
        # (without TeX inside they are escaped brackets, as pandoc writes a citation's)
        ("See \\[12\\] and \\(3\\).", "See  [12]  and  (3) ."),
        # ... and money stays prose: a closing dollar before a digit, or spaces inside
        ("It costs $5 and $10, or US$5-$6.", "It costs $5 and $10, or US$5-$6."),
        ("A fee of $5 (about 4 dollars) or $ 6.", "A fee of $5 (about 4 dollars) or $ 6."),
        ("Pay $5 now.\n\nThen $6 later.", "Pay $5 now.\n\nThen $6 later."),
    ],
)
def test_markdown_constructs(source, expected):
    assert prose(source, "markdown") == expected


def test_markdown_multiline_html_comment_is_listed():
    source = "<!--\nfigcheck: ignore\n-->\nText 5\n"
    doc = read_document(source, "markdown")
    assert doc.prose == "    \n                \n   \nText 5\n"
    assert [(c.start, c.end, c.text) for c in doc.comments] == [(0, 25, "figcheck: ignore")]


def test_markdown_code_in_containers_is_masked():
    source = "> ```\n> x = 5 km\n> ```\n> after 7\n\n- item\n\n  ~~~\n  9 km\n  ~~~\n"
    p = prose(source, "markdown")
    assert "5 km" not in p and "9 km" not in p and "~" not in p
    assert "after 7" in p and "item" in p


@pytest.mark.parametrize(
    "source,fmt,grouping",
    [
        ("1\\,000 km", "latex", "\u2009"),
        ("1&thinsp;000 km", "html", "\u2009"),
        ("1&#8239;000 km", "html", "\u202f"),
        ("1&nbsp;000 km", "html", "\u00a0"),
        ("1&thinsp;000 km", "markdown", "\u2009"),
        ("1&#x202F;000 km", "markdown", "\u202f"),
    ],
)
def test_thin_space_grouping_reads_as_one_number(source, fmt, grouping):
    doc = read_document(source, fmt)
    # The grouping character, then padding spaces, then the next group of digits.
    assert doc.prose.startswith("1" + grouping + " ") and doc.prose.endswith("000 km")
    claims = extract_claims(doc.prose)
    assert [(c.value, c.unit) for c in claims] == [(1000.0, "kilometer")]


def test_thin_space_grouping_thirty_thousand():
    claims = extract_claims(read_document("30&#8239;000 people", "html").prose)
    assert [c.value for c in claims] == [30000.0]


# -- LaTeX --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source,expected",
    [
        ("\\emph{1,000} square miles", "      1,000  square miles"),
        ("1,000~km", "1,000 km"),
        ("1\\,000 km", "1\u2009 000 km"),  # a thin space between digits groups them
        ("5\\,km", "5  km"),
        ("50\\% of \\$5", "50%  of  $5"),
        ("\\SI{5}{\\kilo\\metre}", "    5 km           "),
        ("\\qty{15}{mi}", "     15 mi  "),
        ("\\num{1000} people", "     1000  people"),
        ("\\SI{50}{\\percent}", "    50%          "),
        ("\\SI{1000}{\\square\\kilo\\metre}", "    1000 km²" + " " * 17),
        ("\\SIrange{5}{10}{\\km}", "         5 to 10 km "),
        ("\\ang{30} east", "     30° east"),  # raised IndexError before
        ("a $x = 5$ km", "a         km"),
        ("$300$ metres", " 300  metres"),
        ("text % comment 5 km", "text               "),
        ("see \\ref{fig:5km} and \\cite[p.~5]{x}", "see" + " " * 15 + "and" + " " * 15),
        ("\\href{http://a/5km}{link 5}", "                    link 5 "),
        ("Izi\\'um", "Iziú  m"),
        ("\\verb|5 km| x", " " * 12 + "x"),
    ],
)
def test_latex_inline(source, expected):
    assert prose(source, "latex") == expected


def test_latex_environments_and_preamble():
    source = (
        "\\documentclass{article}\n\\setlength{\\parskip}{5pt}\n\\title{The 7 km wall}\n"
        "\\begin{document}\n\\section{Bridges}\nText.\n\n\\begin{equation}\nE = 5 km\n\\end{equation}\n"
        "\n\\begin{verbatim}\n9 km\n\\end{verbatim}\n\\end{document}\nafter 3 km\n"
    )
    p = prose(source, "latex")
    assert "7 km wall" in p and "Bridges" in p and "Text." in p
    for hidden in ("article", "5pt", "5 km", "9 km", "3 km", "document", "equation"):
        assert hidden not in p


def test_latex_tabular_cells_are_separated():
    source = "\\begin{tabular}{|l|r|}\n50 & km \\\\ \\hline\n\\end{tabular}\n"
    p = prose(source, "latex")
    assert p.splitlines()[1] == "50 " + S + " km          "


def test_latex_comment_is_listed():
    doc = read_document("x % figcheck: disable FC101\n", "latex")
    assert [(c.start, c.end, c.text) for c in doc.comments] == [(2, 27, "figcheck: disable FC101")]


# -- reStructuredText ---------------------------------------------------------------------------
def test_rst_title_and_inline():
    source = "Title 5 km\n==========\n\nThe **12** km and ``7 km`` and :math:`3 km` x.\n"
    expected = "Title 5 km\n          \n\nThe   12   km and" + " " * 10 + "and" + " " * 14 + "x.\n"
    assert prose(source, "rst") == expected


@pytest.mark.parametrize(
    "source,expected",
    [
        ("`link 5 <http://a/9km>`_ x", " link 5                  x"),
        ("Area 9 km\\ :sup:`2` x", "Area 9 km²          x"),
        ("See [1]_ and ref_ here", "See      and ref  here"),
        (":ref:`Guide 5 <guide>` x", "      Guide 5          x"),
        (":code:`5 km` x", "             x"),
    ],
)
def test_rst_inline(source, expected):
    assert prose(source, "rst") == expected


def test_rst_blocks():
    source = (
        ".. figcheck: ignore FC101\n\nExample::\n\n    5 km\n\n.. code-block:: python\n\n   x = '7 km'\n\n"
        "- 50\n- km\n\n.. note:: Note 3 km.\n"
    )
    doc = read_document(source, "rst")
    lines = doc.prose.split("\n")
    assert lines[0].strip() == ""
    assert lines[2] == "Example: "
    assert "5 km" not in doc.prose and "7 km" not in doc.prose
    assert lines[10] == "  50" and lines[11] == S + " km"
    assert lines[13] == "          Note 3 km."
    assert [c.text for c in doc.comments] == ["figcheck: ignore FC101"]


def test_rst_tables_separate_cells():
    grid = "+----+----+\n| 50 | km |\n+----+----+\n"
    assert prose(grid, "rst").split("\n")[1] == "  50 " + S + " km  "
    simple = "====  ====\n50    km\n====  ====\n"
    assert prose(simple, "rst").split("\n")[1] == "50  " + S + " km"


# -- HTML ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "source,expected",
    [
        ("<p>300&nbsp;metres</p>", "   300\u00a0     metres    "),
        ("<td>50</td><td>km</td>", "    50" + S + "        km     "),
        ("<b>1,000</b> km", "   1,000     km"),
        ("a < b <5 km", "a < b <5 km"),
        ("<a href='http://x/5km' title='7 km'>link</a>", "                                    link    "),
        ("<script>x='5 km'</script>y", " " * 25 + "y"),
        ("<pre>5 km</pre><code>7 km</code>", " " * 32),
        ("9 km<sup>2</sup>", "9 km²           "),
        ("&pound;5 &amp; 50&percnt;", "      £5 &     50%       "),
        ("<p>unclosed <!-- c 5 km", "   unclosed            "),
    ],
)
def test_html(source, expected):
    assert prose(source, "html") == expected


def test_html_comment_is_listed():
    doc = read_document("<p>x</p>\n<!-- figcheck: ignore -->\n", "html")
    assert [c.text for c in doc.comments] == ["figcheck: ignore"]


# -- the same article in every format -----------------------------------------------------------
EXPECTED_CLAIMS = [
    (300.0, "meter"), (984.0, "foot"), (12.0, "kilometer"), (15.0, "mile"), (40.0, None),
    (300.0, "meter"),
]
FIXTURE_FILES = ["article.md", "article.tex", "article.rst", "article.html"]


def _read(name: str):
    path = FIXTURES / name
    return read_document(path.read_text(encoding="utf-8"), format_for_path(path))


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_claims(name):
    doc = _read(name)
    claims = extract_claims(doc.prose)
    assert [(c.value, c.unit) for c in claims] == EXPECTED_CLAIMS
    for c in claims:
        assert doc.prose[c.start : c.end] == c.text
        # The figure itself lands on its own digits in the source.
        digits = c.number_text or c.text.split()[0]
        assert doc.source[c.start : c.start + len(digits)] == digits
    # Code, math, URLs, attributes and preambles hold figures that must never be read.
    for hidden in ("66", "55", "44", "77", "88", "33"):
        assert hidden not in doc.prose


@pytest.mark.parametrize("name", ["article.md", "article.rst", "article.html"])
def test_fixture_claim_spans_are_source_text(name):
    doc = _read(name)
    for c in extract_claims(doc.prose):
        if "&" not in doc.source[c.start : c.end]:
            assert doc.source[c.start : c.end] == c.text


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_wrong_conversion_is_flagged_on_the_source(name):
    doc = _read(name)
    found = [d for d in check_document(doc) if d.code == "FC101"]
    assert len(found) == 1
    assert doc.source[found[0].start : found[0].start + 2] == "15"
    if found[0].fix:
        for edit in found[0].fix.edits:
            assert doc.source[edit.start : edit.end] == "15"


# -- suppression directives in each format's comment syntax -------------------------------------
WALL = "The wall is 12 kilometres (15 miles) long."
SUPPRESSED = {
    "markdown": f"<!-- figcheck: ignore FC101 -->\n{WALL}\n",
    "html": f"<!-- figcheck: ignore FC101 -->\n<p>{WALL}</p>\n",
    "latex": f"% figcheck: ignore FC101\n{WALL}\n",
    "rst": f".. figcheck: ignore FC101\n\n{WALL}\n",
}


@pytest.mark.parametrize("fmt", sorted(SUPPRESSED))
def test_suppression_directive_in_comment(fmt):
    source = SUPPRESSED[fmt]
    doc = read_document(source, fmt)
    assert "figcheck" not in doc.prose  # the directive is not prose ...
    assert any("figcheck: ignore FC101" in c.text for c in doc.comments)  # ... but a comment
    assert Suppressions.parse(doc).lines  # and the engine's parser finds it
    assert [d.code for d in check_document(doc)] == []
    unsuppressed = read_document(source.replace("figcheck: ignore FC101", "a remark"), fmt)
    assert [d.code for d in check_document(unsuppressed)] == ["FC101"]


# -- the seed article as Markdown ---------------------------------------------------------------
def test_seed_markdown_gives_the_plain_text_diagnostics():
    txt = (ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt").read_text(encoding="utf-8")
    md = (ROOT / "seeds" / "kharkiv-counteroffensive-2022.md").read_text(encoding="utf-8")

    def diagnostics(text: str, fmt: str):
        doc = read_document(text, fmt)
        return [(d.code, " ".join(doc.prose[d.start : d.end].split())) for d in check_document(doc)]

    plain = diagnostics(txt, "text")
    assert plain, "the seed raises diagnostics once the rules are in"
    assert diagnostics(md, "markdown") == plain


@pytest.mark.parametrize("fmt", ["markdown", "latex"])
@pytest.mark.parametrize(
    "source, expected",
    [
        # math that stands for a symbol is read as it (masked, "22 $\mu$m" read as 22 metres)
        ("sizes of 12 and 22 $\\mu$m", [("12", "micrometer"), ("22     µm", "micrometer")]),
        ("at 20$^\\circ$C", [("20       °C", "degree_Celsius")]),
        ("a road of $\\sim$5 km", [("~5 km", "kilometer")]),
        # a number alone typeset as math is a figure
        ("in $3$ cases", [("3  cases", None)]),
    ],
)
def test_math_for_a_symbol_or_a_number_is_read(fmt, source, expected):
    claims = extract_claims(read_document(source, fmt).prose)
    assert [(c.text, c.unit) for c in claims] == expected
