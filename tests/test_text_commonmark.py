"""The Markdown reader against a CommonMark parser: which characters of the source are prose.

markdown-it-py (CommonMark preset, with GFM tables and strikethrough as our reader has them) is
the oracle. Its inline tokens carry no offsets, so each inline token's content is located in the
source line by line, and its children are walked left to right: ``text`` tokens are prose (but
the text of an autolink), escapes and entities are prose when what they stand for is not a
space, and everything else (markers, code spans, raw HTML, link destinations and titles, code
blocks, HTML blocks) is not. An example agrees when the set of non-space source characters the
oracle calls prose is the set our reader keeps in ``Document.prose`` (a decoded escape or entity
counts as kept when its decoding is written anywhere in its span; separators are not prose).

The spec examples come from the npm package ``commonmark-spec`` (a devDependency of
``editors/web``, installed by ``npm ci`` there, as CI does); they are not copied into this
repository. Without them the spec test skips and says how to get them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from figcheck.text import SEPARATOR, read_document

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is in the test extra")

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "editors" / "web" / "node_modules" / "commonmark-spec" / "spec.txt"
_EXAMPLE = re.compile(r"^`{32} example\n([\s\S]*?)^\.\n[\s\S]*?^`{32}$", re.M)

_ORACLE = (
    markdown_it.MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .disable("text_join")  # keep escapes and entities as tokens of their own
)

# Examples of our own: the constructs figcheck's documents are made of. All must agree.
OWN_EXAMPLES = [
    "The army advanced **30 km** in *two* days.\n",
    "# Kharkiv, 2022\n\nTroops moved 50 km.\n",
    "- 5 km north\n- 8 km south\n  continued\n",
    "1. first 10%\n2. second 20%\n",
    "> quoted 3 miles\n> more text\n",
    "Use `5 km` as code, not prose.\n",
    "```\ncode 5 km\n```\nafter 6 km\n",
    "    indented code 7 km\n\npara 8 km\n",
    "| Place | Distance |\n|---|---|\n| Kupiansk | 45 miles |\n",
    "A [link 5 km](https://example.com/5km \"title 9\") here.\n",
    "An ![image 4 km](pic.png) here.\n",
    "Struck ~~12 km~~ out.\n",
    "Fifty&nbsp;km and &pound;5 and \\*literal\\*.\n",
    "<!-- figcheck: ignore FC202 -->\nText 3 km.\n",
    "Inline <span>html 3</span> text.\n",
    "Setext heading 5\n================\n\nbody\n",
    "Line one  \nline two\\\nline three\n",
    "[ref]: https://example.com\n\nA [ref] link, and [text][ref].\n",
    "<https://example.com/a> and <me@example.com>.\n",
]

# Measured with markdown-it-py 4.x over commonmark-spec 0.31.2: the agreement must not fall.
SPEC_AGREEMENT_AT_LEAST = 549  # of 652

# Known disagreements by spec example number, grouped by why. Anything not listed here must
# agree; an example that comes to agree may be removed from its list.
KNOWN_DISAGREEMENTS: dict[str, frozenset[int]] = {
    # Deliberate: an HTML block's text is read by the HTML reader and is prose (documents put
    # prose in <div>s and tables), where CommonMark passes the block through as raw HTML.
    "HTML block text is prose": frozenset({
        149, 150, 151, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 174, 177,
        178, 180, 185, 186, 189, 190,
    }),
    # Deliberate: a "*", "_" or "~~" run that can open or close emphasis is masked even when it
    # is left unmatched, so a marker is never read as part of a figure; CommonMark keeps it.
    "unmatched emphasis markers are masked": frozenset({
        14, 194, 341, 351, 352, 354, 358, 359, 360, 362, 363, 365, 366, 367, 368, 371, 372, 374,
        375, 379, 380, 383, 384, 385, 386, 388, 391, 392, 397, 398, 400, 401, 412, 417, 438, 441,
        442, 443, 444, 445, 446, 447, 450, 453, 454, 455, 456, 457, 458, 459, 469, 470, 471, 472,
        473, 474, 475, 476, 477, 480, 481, 521, 522, 534, 535, 564, 618, 619,
    }),
    # Deliberate: URLs are never prose, bare or in brackets that are not an autolink.
    "URLs are masked": frozenset({602, 608, 611}),
    # Deliberate: a document that opens with "---" lines has YAML front matter, not a heading.
    "front matter is masked": frozenset({96}),
    # Limitation: a link reference definition whose label or title spans lines is read as a
    # paragraph.
    "link reference definitions over several lines": frozenset({196, 208, 541}),
    # Limitation: rare link forms (an escaped ">" in "<destination>", an escaped quote in a
    # title, "[" escaped in a label, three bracket pairs in a row).
    "rare link forms": frozenset({493, 506, 549, 571}),
    # Test limitation: a shortcut reference followed by "(text)" is taken for an inline link's
    # destination when the oracle's tokens are located in the source.
    "oracle tokens not located": frozenset({568}),
}


class Unmappable(Exception):
    """The oracle's tokens could not be located in the source."""


def spec_examples() -> list[str]:
    text = SPEC.read_text(encoding="utf-8").replace("\r\n", "\n")
    text = re.sub(r"^<!-- END TESTS -->[\s\S]*", "", text, flags=re.M)
    return [m.group(1).replace("\u2192", "\t") for m in _EXAMPLE.finditer(text)]


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    return starts


def _locate(source: str, starts: list[int], first_line: int, content: str, in_cell: bool,
            cursors: dict[int, int]) -> list[tuple[int, int]]:
    """(content offset, source offset) of each line of an inline token's content."""
    pieces = []
    at = 0
    for k, line in enumerate(content.split("\n")):
        number = first_line + k
        if number >= len(starts):
            raise Unmappable(f"line {number}")
        begin = starts[number]
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(source)
        src_line = source[begin:end]
        cursor = cursors.get(number, 0)
        if not in_cell and line and src_line.endswith(line) and len(src_line) - len(line) >= cursor:
            pos = len(src_line) - len(line)
        else:
            pos = src_line.find(line, cursor)
        if pos < 0:
            raise Unmappable(f"{line!r} not in {src_line!r}")
        cursors[number] = pos + len(line)
        pieces.append((at, begin + pos))
        at += len(line) + 1
    return pieces


def _skip_link_tail(content: str, c: int) -> int:
    """After a link's text: past ``]`` and its ``(destination "title")`` or ``[label]``."""
    k = content.find("]", c)
    if k < 0:
        raise Unmappable("no ] after link text")
    c = k + 1
    if content.startswith("[", c):
        return content.index("]", c) + 1
    if not content.startswith("(", c):
        return c
    depth, i = 0, c
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 1
        elif ch == "<" and depth == 1:
            i = content.index(">", i)
        elif ch in "\"'" and depth == 1:
            i += 1
            while content[i] != ch:  # an IndexError when unclosed: Unmappable below
                i += 2 if content[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise Unmappable("unclosed link destination")


def _walk(children, content: str, c: int, prose: list, decoded: list) -> int:
    """Walk inline tokens from content offset ``c``; collect prose and decoded spans."""
    autolink = False

    def find(needle: str, start: int) -> int:
        k = content.find(needle, start)
        if k < 0:
            raise Unmappable(f"{needle!r} after {start}")
        return k

    for tok in children:
        kind = tok.type
        if kind == "text":
            k = find(tok.content, c)
            if not autolink and tok.content:
                prose.append((k, k + len(tok.content)))
            c = k + len(tok.content)
        elif kind == "text_special":
            k = find(tok.markup, c)
            if not tok.content.isspace():
                decoded.append((k, k + len(tok.markup)))
            c = k + len(tok.markup)
        elif kind == "code_inline":
            k = find(tok.markup, c) + len(tok.markup)
            close = re.compile(r"(?<!`)" + tok.markup + r"(?!`)").search(content, k)
            if close is None:
                raise Unmappable("code span without its closer")
            c = close.end()
        elif kind.endswith(("_open", "_close")) and kind[:-6 if kind.endswith("_close") else -5] in (
            "em", "strong", "s"
        ):
            c = find(tok.markup, c) + len(tok.markup)
        elif kind == "link_open":
            autolink = tok.markup == "autolink"
            if autolink:
                c = find("<", c) + 1
        elif kind == "link_close":
            c = find(">", c) + 1 if autolink else _skip_link_tail(content, c)
            autolink = False
        elif kind == "image":
            c = _walk(tok.children or [], content, find("![", c) + 2, prose, decoded)
            c = _skip_link_tail(content, c)
        elif kind == "html_inline":
            c = find(tok.content, c) + len(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            c = find("\n", c) + 1
        else:
            raise Unmappable(f"token {kind}")
    return c


def oracle(source: str) -> tuple[set[int], list[tuple[int, int]]]:
    """The non-space source offsets markdown-it-py reads as prose, and the spans of decoded
    escapes and entities among them."""
    starts = _line_starts(source)
    cursors: dict[int, int] = {}
    prose_set: set[int] = set()
    decoded_spans: list[tuple[int, int]] = []
    tokens = _ORACLE.parse(source)
    for n, tok in enumerate(tokens):
        if tok.type != "inline" or not tok.content:
            continue
        in_cell = n > 0 and tokens[n - 1].type in ("th_open", "td_open")
        pieces = _locate(source, starts, tok.map[0], tok.content, in_cell, cursors)

        def to_source(c: int) -> int:
            for at, src in reversed(pieces):
                if c >= at:
                    return src + c - at
            raise Unmappable("before the content")

        prose: list[tuple[int, int]] = []
        decoded: list[tuple[int, int]] = []
        _walk(tok.children or [], tok.content, 0, prose, decoded)
        for a, b in prose + decoded:
            for c in range(a, b):
                if tok.content[c] != "\n":
                    prose_set.add(to_source(c))
        decoded_spans.extend((to_source(a), to_source(b - 1) + 1) for a, b in decoded)
    return {i for i in prose_set if not source[i].isspace()}, decoded_spans


def ours(source: str, decoded_spans: list[tuple[int, int]]) -> set[int]:
    """The non-space source offsets our reader keeps as prose."""
    prose = read_document(source, "markdown").prose
    kept = {i for i, ch in enumerate(prose) if not ch.isspace() and ch != SEPARATOR}
    for a, b in decoded_spans:  # a decoded escape counts wherever in its span it is written
        span = {i for i in range(a, b) if not source[i].isspace()}
        if kept & set(range(a, b)):
            kept |= span
        else:
            kept -= span
    return kept


def agrees(source: str) -> bool:
    try:
        expected, decoded = oracle(source)
    except (Unmappable, ValueError, IndexError):
        return False
    return ours(source, decoded) == expected


@pytest.mark.parametrize("source", OWN_EXAMPLES)
def test_own_examples_agree_with_commonmark(source):
    expected, decoded = oracle(source)
    got = ours(source, decoded)
    assert got == expected, (
        f"kept but not prose: {sorted(source[i] for i in got - expected)}; "
        f"prose but masked: {sorted(source[i] for i in expected - got)}"
    )


def test_spec_examples_agree_with_commonmark():
    if not SPEC.exists():
        pytest.skip(f"{SPEC.relative_to(ROOT)} is absent: run `cd editors/web && npm ci` "
                    "(CI does) to install the CommonMark spec examples")
    examples = spec_examples()
    disagree = {number for number, source in enumerate(examples, 1) if not agrees(source)}
    known = set().union(*KNOWN_DISAGREEMENTS.values())
    agreement = len(examples) - len(disagree)
    print(f"CommonMark spec: {agreement} of {len(examples)} examples agree")
    assert sorted(disagree - known) == [], "new disagreements (see the module docstring)"
    assert agreement >= SPEC_AGREEMENT_AT_LEAST
