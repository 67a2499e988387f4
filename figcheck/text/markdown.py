"""Markdown (CommonMark + GFM tables and strikethrough) → prose with exact positions.

A hand-written scanner, linear in the size of the document, in two passes:

* **Blocks**, line by line, with CommonMark's container/leaf algorithm: block quotes and list
  items are containers whose markers are masked (with lazy continuation lines); fenced and
  indented code, front matter, thematic breaks, setext underlines, link reference definitions and
  table delimiter rows are masked; headings, paragraphs and table cells become *inline regions*;
  HTML blocks are read by the HTML reader (so their comments are listed and their text is prose).
  Runs of lines that can only be paragraph text — the bulk of any document — are taken by one
  regular-expression match instead of one Python step per line.
* **Inline**, per region, left to right: code spans (backtick runs of equal length), TeX math
  between dollars (``$…$`` as pandoc reads it, ``$$…$$``; money stays prose) or backslashed
  brackets holding TeX (``\\(…\\)``, ``\\[…\\]``), emphasis and
  strikethrough markers, links and images (text kept; destination, title and reference label
  masked), autolinks, raw HTML and comments, backslash escapes and entities (decoded in place,
  padded with spaces).

Only what is recognised as prose is kept. On rare constructs the result may differ from a full
CommonMark parser; every such difference errs towards masking, so code and URLs never become
prose, and offsets are exact by construction (every piece written has the length it replaces).
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from enum import IntEnum

from .document import SEPARATOR, Comment, Document, Heading
from .finder import Finder
from .prose import PURE_NUMBER, Prose, decode_align, find_urls, masked, math_symbol, place_separators
from .html import BLOCK_TAGS, fill_paragraph_lines, scan_html

_FRONT_MATTER = re.compile(
    r"\A(?:(---)[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)|(\+\+\+)[ \t]*\n.*?\n\+\+\+[ \t]*(?:\n|\Z))",
    re.DOTALL,
)

# -- blocks ---------------------------------------------------------------------------------------
# Lines that can only continue or start a paragraph at the top level (no container open), or are
# blank: at most three spaces of indentation, then a character no block construct starts with.
_PLAIN_RUN = re.compile(r"(?:[ \t]*\n|[ ]{0,3}[^\s#`~>*+\-_=<|\[0-9][^\n]*\n)*")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_LIST_MARKER = re.compile(r"(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_ATX = re.compile(r"#{1,6}(?=[ \t]|$)")
_FENCE_OPEN = re.compile(r"(?:`{3,}(?=[^`]*$)|~{3,})")
_FENCE_CLOSE = {
    "`": re.compile(r"^ {0,3}(`{3,})[ \t]*$", re.M),
    "~": re.compile(r"^ {0,3}(~{3,})[ \t]*$", re.M),
}
_FENCE_CLOSE_AT = {c: re.compile("(" + re.escape(c) + r"{3,})[ \t]*$") for c in "`~"}
_DELIMITER_ROW = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_DELIMITER_CELL = re.compile(r":?-+:?")
_BLANK_AHEAD = re.compile(r"\n[ \t]*(?=\n|\Z)")
_LINK_DEF = re.compile(
    r"\[((?:[^\\\[\]\n]|\\.){0,999})\]:"  # the label: at most 999 characters
    r"[ \t]*\n?[ \t]*(?:<[^<>\n]*>|(?!<)(?:\\[()]|[^\s()]|\((?:\\[()]|[^\s()])*\))+)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|\((?:[^()\\\n]|\\.)*\)))?"
    r"[ \t]*(?:\n|\Z)"
)
# CommonMark's HTML block start conditions 1–7 and the ends of 1–5 (6 and 7 end at a blank line).
_HTML_RAW = re.compile(r"<(script|pre|style|textarea)(?=[ \t>]|$)", re.I)
_HTML_RAW_END = re.compile(r"</(?:script|pre|style|textarea)>", re.I)
_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|"
    "h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_HTML_BLOCK_TAG = re.compile(r"</?(?:" + _HTML_BLOCK_NAMES + r")(?=[ \t>]|/>|$)", re.I)
_ATTRIBUTE = r"(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)"
_OPEN_TAG = r"<[A-Za-z][A-Za-z0-9-]*" + _ATTRIBUTE + r"*\s*/?>"
_CLOSE_TAG = r"</[A-Za-z][A-Za-z0-9-]*\s*>"
_HTML_ANY_TAG_LINE = re.compile(r"(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + r")[ \t]*$")


class HtmlBlock(IntEnum):
    """CommonMark's seven kinds of HTML block, by their start condition."""

    RAW = 1  # <script>, <pre>, <style>, <textarea>
    COMMENT = 2
    PROCESSING_INSTRUCTION = 3
    DECLARATION = 4
    CDATA = 5
    BLOCK_TAG = 6  # a tag of a block-level element
    ANY_TAG = 7  # any other complete tag alone on its line

    @property
    def ends_at_blank_line(self) -> bool:
        """Kinds 6 and 7 end at a blank line, the others at their end marker."""
        return self >= HtmlBlock.BLOCK_TAG


_HTML_END = {
    HtmlBlock.COMMENT: "-->",
    HtmlBlock.PROCESSING_INSTRUCTION: "?>",
    HtmlBlock.DECLARATION: ">",
    HtmlBlock.CDATA: "]]>",
}

CODE_INDENT = 4  # columns of indentation that make a line indented code
TAB_STOP = 4

# -- inline ---------------------------------------------------------------------------------------
_SPECIAL = re.compile(r"[\\`*_\[\]<&~$]|!\[")
# What only TeX writes between two dollars: a command, a superscript, a subscript, a group.
_TEX = re.compile(r"\\[A-Za-z]+|[\^_{}]")
_SPACE = re.compile(r"\s")
_RUN = {c: re.compile(re.escape(c) + "+") for c in "`*_~"}
_BACKTICKS = re.compile(r"`+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_INLINE_TAG = re.compile(r"(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + ")")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_SUP = re.compile(r"<sup>[ \t]*([23])[ \t]*</sup>", re.I)
_SUPERSCRIPT = {"2": "\u00b2", "3": "\u00b3"}
_DEST_RUN = re.compile(r"[^\x00-\x20()\\<]+")
_ROW_TOKEN = re.compile(r"\\.|`+|\|")
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TAG_WINDOW = 1024  # a raw HTML tag longer than this is read as text (keeps the scan linear)
_MAX_LABEL = 999  # CommonMark: a link label has at most 999 characters
_MAX_PAREN_DEPTH = 32  # CommonMark: a link destination nests parentheses at most 32 deep


def read_markdown(source: str) -> Document:
    text = source
    if "\r" in text or "\0" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    blocks = _Blocks(text)
    blocks.read()
    reader = _Reader(text, blocks)
    prose = reader.render()
    if text is not source:
        prose = _restore(source, prose)
    if reader.candidates:
        prose = place_separators(prose, reader.candidates)
    comments = tuple(sorted(reader.comments, key=lambda c: (c.start, c.end)))
    return Document(source=source, prose=prose, format="markdown", comments=comments,
                    headings=tuple(blocks.headings))


def _restore(source: str, prose: str) -> str:
    """Put back the ``\\r`` and NUL characters the scan read as ``\\n``/spaces and U+FFFD."""
    buf = list(prose)
    for m in re.finditer(r"[\r\0]", source):
        i = m.start()
        if source[i] == "\r":
            buf[i] = "\r"
        elif buf[i] == "\ufffd":
            buf[i] = "\0"
    return "".join(buf)


def _indent(text: str, i: int, col: int, eol: int) -> tuple[int, int]:
    """The first character at or after ``i`` that is not a space or tab, and its column."""
    while i < eol:
        c = text[i]
        if c == " ":
            col += 1
        elif c == "\t":
            col += TAB_STOP - col % TAB_STOP
        else:
            break
        i += 1
    return i, col


def _advance(text: str, i: int, col: int, target: int, eol: int) -> tuple[int, int]:
    """Consume indentation up to column ``target``; a tab that straddles it is half consumed
    (``i`` stays on it, ``col`` moves), as CommonMark's tab stops require."""
    while col < target and i < eol:
        c = text[i]
        if c == " ":
            col += 1
            i += 1
        elif c == "\t":
            w = TAB_STOP - col % TAB_STOP
            if col + w > target:
                return i, target
            col += w
            i += 1
        else:
            break
    return i, col


def _html_start(text: str, j: int, eol: int, in_paragraph: bool) -> HtmlBlock | None:
    """The kind of HTML block starting at ``j``, if one does."""
    if _HTML_RAW.match(text, j, eol):
        return HtmlBlock.RAW
    if text.startswith("<!--", j):
        return HtmlBlock.COMMENT
    if text.startswith("<?", j):
        return HtmlBlock.PROCESSING_INSTRUCTION
    if text.startswith("<![CDATA[", j):
        return HtmlBlock.CDATA
    if text.startswith("<!", j) and j + 2 < eol and text[j + 2].isascii() and text[j + 2].isalpha():
        return HtmlBlock.DECLARATION
    if _HTML_BLOCK_TAG.match(text, j, eol):
        return HtmlBlock.BLOCK_TAG
    if not in_paragraph and _HTML_ANY_TAG_LINE.match(text, j, eol):
        return HtmlBlock.ANY_TAG
    return None


def _html_ends(text: str, kind: HtmlBlock, start: int, eol: int) -> bool:
    if kind == HtmlBlock.RAW:
        return _HTML_RAW_END.search(text, start, eol) is not None
    return text.find(_HTML_END[kind], start, eol) >= 0


def _interrupts(text: str, j: int, eol: int, lazy: bool = False) -> bool:
    """Whether the line at ``j`` (indented at most three columns) starts a block that ends a
    paragraph, rather than continuing it. ``lazy``: the line does not continue every container
    the paragraph is in, so the paragraph-only restrictions (an ordered item must start at 1, an
    item must not be empty, HTML of kind 7) do not apply."""
    c = text[j]
    if c == ">":
        return True
    if c == "#":
        return _ATX.match(text, j, eol) is not None
    if c == "`" or c == "~":
        return _FENCE_OPEN.match(text, j, eol) is not None
    if c == "<":
        return _html_start(text, j, eol, not lazy) is not None
    if c in "-*_" and _THEMATIC.match(text, j, eol):
        return True
    if c in "-+*" or "0" <= c <= "9":
        m = _LIST_MARKER.match(text, j, eol)
        if m is None:
            return False
        if lazy:
            return True
        if m.group(1) is not None and m.group(1) != "1":
            return False
        return text[m.end() : eol].strip(" \t") != ""  # an empty item does not interrupt
    return False


def _label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _row_pipes(text: str, start: int, end: int) -> list[int]:
    """Offsets of the cell-separating pipes of a table row: not escaped, not in a code span."""
    pipes: list[int] = []
    ticks: _Backticks | None = None
    pos = start
    while True:
        m = _ROW_TOKEN.search(text, pos, end)
        if m is None:
            return pipes
        tok = m.group()
        if tok == "|":
            pipes.append(m.start())
        elif tok[0] == "`":
            if ticks is None:
                ticks = _Backticks(text, start, end)
            close = ticks.closer(m.end(), len(tok), end)
            if close >= 0:
                pos = close + len(tok)
                continue
        pos = m.end()


def _cell_count(text: str, start: int, end: int, pipes: list[int]) -> int:
    line = text[start:end].strip(" \t")
    count = len(pipes) + 1
    if line.startswith("|"):
        count -= 1
    if line.endswith("|") and not line.endswith("\\|") and len(line) > 1:
        count -= 1
    return count


class _Backticks:
    """The maximal backtick runs of ``text[start:end]`` by length: the closer of a code span
    is found by bisection, so a paragraph of unmatched runs stays linear."""

    __slots__ = ("by_length",)

    def __init__(self, text: str, start: int, end: int) -> None:
        self.by_length: dict[int, list[int]] = {}
        for m in _BACKTICKS.finditer(text, start, end):
            self.by_length.setdefault(m.end() - m.start(), []).append(m.start())

    def closer(self, after: int, length: int, limit: int) -> int:
        starts = self.by_length.get(length)
        if not starts:
            return -1
        k = bisect_left(starts, after)
        if k < len(starts) and starts[k] + length <= limit:
            return starts[k]
        return -1


class Leaf(IntEnum):
    """The leaf block a line may continue (CommonMark's open leaf), or none."""

    NONE = 0
    PARAGRAPH = 1
    FENCED_CODE = 2
    INDENTED_CODE = 3
    HTML = 4
    TABLE = 5


class RegionKind(IntEnum):
    """How pass 2 reads a region of the source."""

    INLINE = 0  # a paragraph or heading: inline Markdown
    HTML = 1  # an HTML block: the HTML reader
    TABLE_ROW = 2  # a table row: inline Markdown per cell


@dataclass(slots=True)
class _Region:
    """A span of the source read in pass 2; pass 1 extends ``end`` line by line.

    ``masks`` are the container prefixes (``"> "``) of its lines after the first, masked
    before the region is read.
    """

    kind: RegionKind
    start: int
    end: int
    masks: list[tuple[int, int]] | None = None


@dataclass(slots=True)
class _Container:
    """An open block quote or list item."""

    quote: bool
    width: int = 0  # a list item: the columns its content is indented by
    fresh: bool = False  # a list item begun on a blank line, still without content


def _after_quote_marker(text: str, i: int, col: int, eol: int) -> tuple[int, int]:
    """After a ``>`` (``i`` and ``col`` just past it): its one optional space is part of it."""
    if i < eol and text[i] == " ":
        return i + 1, col + 1
    if i < eol and text[i] == "\t":
        return _advance(text, i, col, col + 1, eol)
    return i, col


def _atx_content(text: str, start: int, eol: int) -> tuple[int, int]:
    """The content of an ATX heading whose ``#`` run ends at ``start``: without its closing
    ``#`` run and the spaces around it."""
    cs, _ = _indent(text, start, 0, eol)
    ce = eol
    while ce > cs and text[ce - 1] in " \t":
        ce -= 1
    k = ce
    while k > cs and text[k - 1] == "#":
        k -= 1
    if k == cs or text[k - 1] in " \t":
        ce = k
        while ce > cs and text[ce - 1] in " \t":
            ce -= 1
    return cs, ce


class _Blocks:
    """Pass 1: CommonMark's line-by-line container/leaf algorithm over the whole text.

    Leaves ``regions`` (what pass 2 reads, in order), ``definitions`` (link reference labels)
    and ``candidates`` (separator positions: where a block starts right after another).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.regions: list[_Region] = []
        self.headings: list[Heading] = []
        self.candidates: list[int] = []
        self.definitions: set[str] = set()
        self.containers: list[_Container] = []
        self.leaf = Leaf.NONE
        self.para: _Region | None = None  # the open paragraph, while leaf is PARAGRAPH
        self.para_last = (0, 0)  # content start and end of the paragraph's last line
        self.fence_char, self.fence_len = "`", 0  # the open fence's, while leaf is FENCED_CODE
        self.html_kind = HtmlBlock.RAW  # the open HTML block's kind, while leaf is HTML
        self.html_region: _Region | None = None  # the open HTML block, while leaf is HTML
        self.prev_blank = True  # the previous line was blank (or began the document)

    def read(self) -> None:
        text = self.text
        n = len(text)
        m = _FRONT_MATTER.match(text)
        pos = m.end() if m else 0
        no_leaf, paragraph = Leaf.NONE, Leaf.PARAGRAPH  # (an enum member's lookup is slow)
        containers = self.containers  # changed in place only
        while pos < n:
            # The fast path: top-level paragraph text and blank lines, many lines at once.
            if not containers and (self.leaf == no_leaf or self.leaf == paragraph):
                e = _PLAIN_RUN.match(text, pos).end()
                if e > pos:
                    self._plain_run(pos, e)
                    pos = e
                    continue
            pos = self._line(pos)

    def _plain_run(self, pos: int, e: int) -> None:
        """Take the lines ``text[pos:e]``, paragraph text and blank lines at the top level."""
        text = self.text
        last = max(pos, text.rfind("\n", pos, e - 1) + 1)
        last_blank = text[last : e - 1].strip(" \t") == ""
        para = self.para
        if self.leaf == Leaf.PARAGRAPH and para is not None and not para.masks:
            para.end = e - 1
        else:
            para = _Region(RegionKind.INLINE, pos, e - 1)
            self.regions.append(para)
        if last_blank:
            self.leaf, self.para = Leaf.NONE, None
        else:
            self.leaf, self.para, self.para_last = Leaf.PARAGRAPH, para, (last, e - 1)
        self.prev_blank = last_blank

    def _line(self, pos: int) -> int:
        """Read the line at ``pos``; the offset to read from next."""
        text = self.text
        eol = text.find("\n", pos)
        if eol < 0:
            eol = len(text)
        if self.containers:
            i, col, matched = self._continue_containers(pos, eol)
        else:
            i, col, matched = pos, 0, 0
        j, jcol = _indent(text, i, col, eol)
        blank = j >= eol
        indent = jcol - col
        if matched == len(self.containers):
            proceed = _CONTINUE_LEAF.get(self.leaf)
            if proceed is not None:
                after = proceed(self, pos, i, j, eol, indent, blank)
                if after >= 0:
                    return after
                self.leaf, self.para = Leaf.NONE, None
        elif self._lazy_continuation(pos, j, eol, indent, blank):
            return eol + 1
        else:
            del self.containers[matched:]
            self.leaf, self.para = Leaf.NONE, None  # it was open inside them
        return self._open_blocks(i, col, eol, blank)

    def _continue_containers(self, pos: int, eol: int) -> tuple[int, int, int]:
        """How many open containers the line continues, and the offset and column after
        their markers and indentation."""
        text = self.text
        i, col, matched = pos, 0, 0
        j, jcol = -1, 0  # the first non-space at or after i, while i has not passed it
        for container in self.containers:
            if j < i:
                j, jcol = _indent(text, i, col, eol)
            if container.quote:
                if jcol - col < CODE_INDENT and j < eol and text[j] == ">":
                    i, col = _after_quote_marker(text, j + 1, jcol + 1, eol)
                    matched += 1
                    continue
                break
            if j >= eol:
                if container.fresh:
                    break  # an item can begin with at most one blank line
                matched += 1  # a blank line continues a list item
                continue
            if jcol - col >= container.width:
                i, col = _advance(text, i, col, col + container.width, eol)
                container.fresh = False
                matched += 1
                continue
            break
        return i, col, matched

    def _continue_fence(self, pos: int, i: int, j: int, eol: int, indent: int, blank: bool) -> int:
        text = self.text
        self.prev_blank = False
        if not self.containers:
            # Top level: jump straight to the closing fence (or the end).
            closing = _FENCE_CLOSE[self.fence_char]
            close = closing.search(text, pos)
            while close is not None and len(close.group(1)) < self.fence_len:
                close = closing.search(text, close.end())
            self.leaf = Leaf.NONE
            return len(text) if close is None else close.end() + 1
        if indent < CODE_INDENT and not blank and text[j] == self.fence_char:
            close = _FENCE_CLOSE_AT[self.fence_char].match(text, j, eol)
            if close is not None and len(close.group(1)) >= self.fence_len:
                self.leaf = Leaf.NONE
        return eol + 1

    def _continue_indented_code(self, pos: int, i: int, j: int, eol: int, indent: int,
                                blank: bool) -> int:
        if blank or indent >= CODE_INDENT:
            self.prev_blank = blank
            return eol + 1
        return -1

    def _continue_html(self, pos: int, i: int, j: int, eol: int, indent: int, blank: bool) -> int:
        if self.html_kind.ends_at_blank_line:
            if blank:
                return -1
        elif _html_ends(self.text, self.html_kind, i, eol):
            self.leaf = Leaf.NONE  # after this line, which is part of the block
        self._extend(self.html_region, pos, i, eol)
        self.prev_blank = False
        return eol + 1

    def _continue_table(self, pos: int, i: int, j: int, eol: int, indent: int, blank: bool) -> int:
        if blank or (indent < CODE_INDENT and _interrupts(self.text, j, eol)):
            return -1
        self.regions.append(_Region(RegionKind.TABLE_ROW, j, eol))
        self.prev_blank = False
        return eol + 1

    def _continue_paragraph(self, pos: int, i: int, j: int, eol: int, indent: int,
                            blank: bool) -> int:
        """A line after a paragraph line: a setext underline, a table's delimiter row, a
        continuation line, or (-1) a blank line or the start of another block."""
        text = self.text
        if blank:
            return -1
        if indent < CODE_INDENT and text[j] in "=-" and _SETEXT.match(text, j, eol):
            # The paragraph was a heading; its underline is masked.
            # (its last line: a run of plain lines may hold paragraphs before it)
            self.headings.append(Heading(*self.para_last, 1 if text[j] == "=" else 2))
            self.leaf, self.para = Leaf.NONE, None
        elif indent < CODE_INDENT and text[j] in "|:-" and self._table(j, eol):
            self.leaf, self.para = Leaf.TABLE, None
        elif indent >= CODE_INDENT or not _interrupts(text, j, eol):
            self._extend(self.para, pos, j, eol)
            self.para_last = (j, eol)
        else:
            return -1
        self.prev_blank = False
        return eol + 1

    def _lazy_continuation(self, pos: int, j: int, eol: int, indent: int, blank: bool) -> bool:
        """Whether a line that does not continue every open container continues the open
        paragraph all the same (CommonMark's lazy continuation line)."""
        if self.leaf != Leaf.PARAGRAPH or blank:
            return False
        if indent < CODE_INDENT and _interrupts(self.text, j, eol, True):
            return False
        self._extend(self.para, pos, j, eol)
        self.para_last = (j, eol)
        self.prev_blank = False
        return True

    def _open_blocks(self, i: int, col: int, eol: int, blank: bool) -> int:
        """Open the line's new containers, then at most one leaf; the offset to read from next."""
        text = self.text
        resume = -1
        no_break = ""  # marker characters that do not make a thematic break on this line
        while True:
            j, jcol = _indent(text, i, col, eol)
            if j >= eol:
                break
            if not self.prev_blank:
                self.candidates.append(j)
            if jcol - col >= CODE_INDENT:
                self.leaf = Leaf.INDENTED_CODE
                break
            c = text[j]
            if c in "-*_" and c not in no_break:
                if _THEMATIC.match(text, j, eol):
                    break
                no_break += c  # nor does any later run of it on this line (nested items)
            opened = None
            if c == ">" or c in "-+*" or "0" <= c <= "9":
                opened = self._open_container(c, j, jcol, col, eol)
            if opened is None:
                resume = self._open_leaf(c, j, eol)
                break
            i, col = opened
            self.prev_blank = True  # no separator needed again inside the same marker run
        self.prev_blank = blank
        return resume if resume > eol else eol + 1

    def _open_container(self, c: str, j: int, jcol: int, col: int, eol: int) -> tuple[int, int] | None:
        """Open the block quote or list item whose marker (``>``, a bullet or a digit) is at
        ``j``; the offset and column of its content, or None when no container starts there."""
        text = self.text
        if c == ">":
            self.containers.append(_Container(quote=True))
            return _after_quote_marker(text, j + 1, jcol + 1, eol)
        lm = _LIST_MARKER.match(text, j, eol)
        if lm is None:
            return None
        mend = lm.end()
        mcol = jcol + (mend - j)
        k, kcol = _indent(text, mend, mcol, eol)
        fresh = k >= eol
        if fresh or kcol - mcol > CODE_INDENT:
            # Empty, or indented code inside the item: its content starts a column after the marker.
            width = mcol - col + 1
            i, col = _advance(text, mend, mcol, mcol + 1, eol)
        else:
            width = kcol - col
            i, col = k, kcol
        self.containers.append(_Container(quote=False, width=width, fresh=fresh))
        return i, col

    def _open_leaf(self, c: str, j: int, eol: int) -> int:
        """Open the leaf block starting at ``j``: a heading, fence, HTML block, link reference
        definition or paragraph; the offset to read from next, or -1 for the next line."""
        text = self.text
        if c == "#":
            hm = _ATX.match(text, j, eol)
            if hm is not None:
                cs, ce = _atx_content(text, hm.end(), eol)
                self.headings.append(Heading(cs, ce, hm.end() - hm.start()))
                if ce > cs:
                    self.regions.append(_Region(RegionKind.INLINE, cs, ce))
                return -1
        if c == "`" or c == "~":
            fm = _FENCE_OPEN.match(text, j, eol)
            if fm is not None:
                self.leaf = Leaf.FENCED_CODE
                self.fence_char, self.fence_len = c, fm.end() - fm.start()
                return -1
        if c == "<":
            kind = _html_start(text, j, eol, False)
            if kind is not None:
                return self._open_html(kind, j, eol)
        if c == "[":
            dm = _LINK_DEF.match(text, j, eol if self.containers else len(text))
            if dm is not None and dm.group(1).strip():
                self.definitions.add(_label(dm.group(1)))
                return dm.end()
        para = _Region(RegionKind.INLINE, j, eol)
        self.regions.append(para)
        self.leaf, self.para, self.para_last = Leaf.PARAGRAPH, para, (j, eol)
        return -1

    def _open_html(self, kind: HtmlBlock, j: int, eol: int) -> int:
        text = self.text
        region = _Region(RegionKind.HTML, j, eol)
        self.regions.append(region)
        self.html_kind, self.html_region, self.leaf = kind, region, Leaf.HTML
        start = j + 2  # the end marker is looked for from here: "<!-->" is a whole comment
        if not kind.ends_at_blank_line and _html_ends(text, kind, start, eol):
            self.leaf = Leaf.NONE
            return -1
        if self.containers:
            return -1
        # Top level: the block ends at its end marker or a blank line.
        if kind.ends_at_blank_line:
            bm = _BLANK_AHEAD.search(text, eol)
            end = bm.start() if bm else len(text)
        else:
            if kind == HtmlBlock.RAW:
                em = _HTML_RAW_END.search(text, start)
                stop = em.end() if em else len(text)
            else:
                stop = text.find(_HTML_END[kind], start)
                stop = len(text) if stop < 0 else stop + len(_HTML_END[kind])
            end = text.find("\n", stop)
        end = len(text) if end < 0 else end
        region.end = end
        self.leaf = Leaf.NONE
        return end + 1

    def _extend(self, region: _Region, line_start: int, content: int, eol: int) -> None:
        """Add a line to a paragraph or HTML block; a container prefix on it is masked."""
        if content > line_start and self.text[line_start:content].strip():
            if region.masks is None:
                region.masks = []
            region.masks.append((line_start, content))
        region.end = eol

    def _table(self, j: int, eol: int) -> bool:
        """If the line at ``j`` is a delimiter row matching the paragraph's last line, make that
        line a table header (the lines above stay a paragraph)."""
        para = self.para
        if para is None or _DELIMITER_ROW.match(self.text, j, eol) is None:
            return False
        text = self.text
        hs, he = self.para_last
        pipes = _row_pipes(text, hs, he)
        if not pipes and "|" not in text[j:eol]:
            return False
        if _cell_count(text, hs, he, pipes) != len(_DELIMITER_CELL.findall(text, j, eol)):
            return False
        if hs <= para.start:
            if self.regions and self.regions[-1] is para:
                self.regions.pop()
        else:
            line_start = text.rfind("\n", 0, hs)
            para.end = line_start
            if para.masks:
                para.masks = [(a, b) for a, b in para.masks if a < line_start]
        self.regions.append(_Region(RegionKind.TABLE_ROW, hs, he))
        return True


# How an open leaf block takes the next line: the offset to read from next, or -1 when the
# leaf ends before it (and the line opens blocks of its own).
_CONTINUE_LEAF = {
    Leaf.PARAGRAPH: _Blocks._continue_paragraph,
    Leaf.FENCED_CODE: _Blocks._continue_fence,
    Leaf.INDENTED_CODE: _Blocks._continue_indented_code,
    Leaf.HTML: _Blocks._continue_html,
    Leaf.TABLE: _Blocks._continue_table,
}


class _Reader:
    """Pass 2: the prose of each region pass 1 found, and the comments in them."""

    def __init__(self, text: str, blocks: _Blocks) -> None:
        self.text = text
        self.regions = blocks.regions
        self.definitions = blocks.definitions
        self.candidates = blocks.candidates
        self.comments: list[Comment] = []

    # -- pass 2: inline -------------------------------------------------------------------------
    def render(self) -> str:
        text = self.text
        out: list[str] = []
        prev = 0
        for region in self.regions:
            start, end = region.start, region.end
            if start < prev or end <= start:
                continue
            out.append(_mask_gap(text[prev:start]))
            if region.kind == RegionKind.INLINE:
                out.append(self._region(start, end, region.masks))
            elif region.kind == RegionKind.TABLE_ROW:
                out.append(self._row(start, end))
            else:
                out.append(self._html(start, end, region.masks))
            prev = end
        out.append(_mask_gap(text[prev:]))
        return "".join(out)

    def _masked_text(self, start: int, end: int, masks) -> str:
        text = self.text
        pieces, pos = [], start
        for a, b in masks:
            pieces.append(text[pos:a])
            pieces.append(" " * (b - a))
            pos = b
        pieces.append(text[pos:end])
        return "".join(pieces)

    def _region(self, start: int, end: int, masks) -> str:
        if masks:
            t = self._masked_text(start, end, masks)
            return self._inline(t, 0, len(t), start)
        return self._inline(self.text, start, end, 0)

    def _row(self, start: int, end: int) -> str:
        text = self.text
        out, pos = [], start
        for p in _row_pipes(text, start, end):
            out.append(self._inline(text, pos, p, 0))
            out.append(" ")
            self.candidates.append(p)
            pos = p + 1
        out.append(self._inline(text, pos, end, 0))
        return "".join(out)

    def _html(self, start: int, end: int, masks) -> str:
        t = self._masked_text(start, end, masks) if masks else self.text[start:end]
        if t.startswith("<!--"):
            close = t.find("-->", 4)
            if close >= 0 and not t[close + 3 :].strip():
                self.comments.append(Comment(start, start + close + 3, t[4:close].strip()))
                return masked(t)
        sub = Prose(t)
        hard = scan_html(sub, 0, len(t))
        fill_paragraph_lines(sub, 0, len(t), hard)
        self.comments.extend(Comment(c.start + start, c.end + start, c.text) for c in sub.comments)
        self.candidates.extend(p + start for p in sub.candidates)
        return "".join(sub.buf)

    def _inline(self, t: str, a: int, b: int, base: int) -> str:
        """Prose for ``t[a:b]`` read as inline Markdown (``base`` maps ``t`` to the source)."""
        if a >= b:
            return ""
        m = _SPECIAL.search(t, a, b)
        if m is None:
            masked_spans: list[tuple[int, int]] = []
            prose = _keep(t[a:b], masked_spans, a)
            if masked_spans and "\n" in prose:
                prose = _fill_blanked_lines(t, a, prose, masked_spans)
            return prose
        return _Inline(self, t, a, b, base).read(m)


class _Inline:
    """Pass 2 for one region: ``t[a:b]`` read left to right, from one markup character
    (``_SPECIAL``) to the next, into pieces of prose of the exact length they replace."""

    __slots__ = ("reader", "t", "a", "b", "base", "out", "masked_spans", "pos", "scan", "limit",
                 "openers", "barrier", "ticks", "finders")

    def __init__(self, reader: _Reader, t: str, a: int, b: int, base: int) -> None:
        self.reader = reader
        self.t, self.a, self.b, self.base = t, a, b, base
        self.out: list[str] = []
        self.masked_spans: list[tuple[int, int]] = []  # spans of t masked, to find lines left blank
        self.pos = a  # t[a:pos] is written to out
        self.scan = a  # where the search for the next markup character resumes
        self.limit = -1  # the end of the paragraph the scan is in
        self.openers: list[tuple[int, int, int]] = []  # "[" or "![": (offset, length, index in out)
        self.barrier = -1  # "[" before this offset can no longer open a link (links do not nest)
        self.ticks: _Backticks | None = None
        self.finders: dict[str | re.Pattern[str], Finder] = {}

    def read(self, m: re.Match[str]) -> str:
        t, b = self.t, self.b
        # Bare URLs are read as a whole, so markup characters in them (``_``, ``*``, ``[``,
        # ``&``) never split them into pieces of prose.
        urls = _bare_urls(t, self.a, b)
        u = 0
        while m is not None:
            i = m.start()
            if u < len(urls):
                while u < len(urls) and urls[u][0] < self.scan:
                    u += 1
                if u < len(urls) and urls[u][0] <= i:
                    us, ue = urls[u]
                    u += 1
                    self.text(self.pos, us)
                    self.mask(us, ue)
                    self.pos = self.scan = ue
                    m = _SPECIAL.search(t, ue, b)
                    continue
            if i >= self.limit:
                bm = _BLANK_AHEAD.search(t, i, b)
                self.limit = bm.start() if bm else b
                self.openers.clear()
            self.markup(i, t[i])
            m = _SPECIAL.search(t, self.scan, b)
        self.text(self.pos, b)
        prose = "".join(self.out)
        if self.masked_spans and "\n" in prose:
            prose = _fill_blanked_lines(t, self.a, prose, self.masked_spans)
        return prose

    def markup(self, i: int, c: str) -> None:
        """Read the markup character ``c`` at ``i``; moves ``pos`` past what it writes and
        ``scan`` to where the next markup character may be."""
        if c == "`":
            self.code_span(i)
        elif c == "\\":
            self.escape(i)
        elif c == "&":
            self.entity(i)
        elif c == "*" or c == "_" or c == "~":
            self.emphasis(i, c)
        elif c == "<":
            if not self.angle(i):
                self.scan = i + 1  # a "<" that is text
        elif c == "[" or c == "!":
            self.link_opener(i, 1 if c == "[" else 2)
        elif c == "$":
            self.math(i)
        else:
            self.link_closer(i)

    # -- writing ------------------------------------------------------------------------------
    def text(self, s: int, e: int) -> None:
        if s < e:
            self.out.append(_keep(self.t[s:e], self.masked_spans, s))

    def mask(self, s: int, e: int) -> None:
        self.out.append(masked(self.t[s:e]))
        self.masked_spans.append((s, e))

    def put(self, s: int, e: int, decoded: str) -> None:
        """Write ``decoded`` (an escape's or entity's meaning) in ``t[s:e]``, padded."""
        t = self.t
        before = t[s - 1] if s > 0 else ""
        after = t[e] if e < len(t) else ""
        if decoded in ("\n", "\r", "\r\n"):
            decoded = " "
        width = e - s
        if len(decoded) > width:
            self.mask(s, e)
        elif decode_align(before, after, decoded) == "right":
            self.out.append(" " * (width - len(decoded)) + decoded)
        else:
            self.out.append(decoded + " " * (width - len(decoded)))

    def replace(self, s: int, e: int, decoded: str | None = None) -> None:
        """The markup ``t[s:e]`` after the text before it: masked, or ``decoded`` in its place."""
        self.text(self.pos, s)
        if decoded is None:
            self.mask(s, e)
        else:
            self.put(s, e, decoded)
        self.pos = self.scan = e

    # -- the markup characters ----------------------------------------------------------------
    def code_span(self, i: int) -> None:
        run_end = _RUN["`"].match(self.t, i, self.b).end()
        if self.ticks is None:
            self.ticks = _Backticks(self.t, self.a, self.b)
        close = self.ticks.closer(run_end, run_end - i, self.limit)
        if close < 0:
            self.scan = run_end  # literal backticks
        else:
            self.replace(i, close + run_end - i)

    def math(self, i: int) -> None:
        """``$…$`` or ``$$…$$`` in one paragraph: TeX math, masked (its numbers are symbols, not
        figures). One dollar opens math as pandoc reads it (a non-space after it, and a closing
        dollar with a non-space before it and no digit after it), or when what the two hold is
        TeX ("$ r \\geq 1 $"): "$5 and $10" and "US$5-$6" stay money."""
        t, limit = self.t, max(self.limit, i)
        if t.startswith("$$", i):
            close = t.find("$$", i + 2, limit)
            if close < 0:
                self.scan = i + 2
            else:
                self.replace(i, close + 2)
            return
        close = t.find("$", i + 1, limit)
        if close <= i + 1 or t[close - 1] == "\\":
            self.scan = i + 1  # a dollar sign
        elif _TEX.search(t, i + 1, close) or (
                not t[close + 1 : close + 2].isdigit() and not t[i + 1].isspace() and not t[close - 1].isspace()
                and (not t[i + 1].isdigit() or not _SPACE.search(t, i + 1, close))):
            # (a figure after a dollar and a space before the next one: money, "$9,310 per … US$ 5")
            self.math_span(i, close + 1)
        else:
            self.scan = i + 1

    def math_span(self, s: int, e: int) -> None:
        """Inline math ``t[s:e]``: a number alone kept ("$300$ metres"), a symbol of prose in
        its place ("22 $\\mu$m"), anything else masked."""
        body = self.t[s + 1 : e - 1]
        if PURE_NUMBER.match(body):
            self.text(self.pos, s)
            self.mask(s, s + 1)
            self.text(s + 1, e - 1)
            self.mask(e - 1, e)
            self.pos = self.scan = e
        else:
            self.replace(s, e, math_symbol(body))

    def escape(self, i: int) -> None:
        t = self.t
        nc = t[i + 1] if i + 1 < self.b else ""
        if (nc == "(" or nc == "[") and self.backslash_math(i, nc):
            return
        if nc in _PUNCT:
            self.replace(i, i + 2, nc)
        elif nc == "\n" and i + 1 < self.limit:
            self.replace(i, i + 1)  # a hard line break
        else:
            self.scan = i + 1

    def backslash_math(self, i: int, opener: str) -> bool:
        """``\\(…\\)`` or ``\\[…\\]`` in one paragraph, holding TeX: math as MathJax and KaTeX
        read it by default, masked (or the symbol of prose it stands for). Without TeX inside
        they are escaped brackets ("\\[12\\]", as pandoc writes a citation's)."""
        t = self.t
        # (where the next closer and the next TeX are, found once for many openers: a paragraph
        # of openers without a closer reads in linear time)
        close = _finder(self.finders, t, "\\" + (")" if opener == "(" else "]")).find(i + 2)
        if close < 0 or close >= max(self.limit, i):
            return False
        tex = _finder(self.finders, t, _TEX).find(i + 2)
        if tex < 0 or tex >= close:
            return False
        self.replace(i, close + 2, math_symbol(t[i + 2 : close]))
        return True

    def entity(self, i: int) -> None:
        em = _ENTITY.match(self.t, i, self.b)
        decoded = _html.unescape(em.group()) if em else None
        if em and decoded != em.group():
            self.replace(i, em.end(), decoded)
        else:
            self.scan = i + 1

    def emphasis(self, i: int, c: str) -> None:
        t = self.t
        e = _RUN[c].match(t, i, self.b).end()
        if (c != "~" or e - i == len("~~")) and _delimiter(t, i, e, self.a, self.b, c):
            self.text(self.pos, i)
            self.mask(i, e)
            self.pos = e
        self.scan = e

    def link_opener(self, i: int, length: int) -> None:
        """``[`` or ``![``: kept as text until a ``]`` makes it a link."""
        self.text(self.pos, i)
        self.out.append(self.t[i : i + length])
        self.openers.append((i, length, len(self.out) - 1))
        self.pos = self.scan = i + length

    def link_closer(self, i: int) -> None:
        """``]``: if it closes a link, its opener and its destination or label are masked."""
        self.scan = i + 1
        if not self.openers:
            return
        o, length, index = self.openers.pop()
        if length == 1 and o < self.barrier:
            return
        t = self.t
        e = _link_tail(t, i + 1, self.limit, t[o + length : i], self.reader.definitions,
                       self.finders)
        if e <= 0:
            return
        self.text(self.pos, i)
        self.out[index] = " " * length
        self.masked_spans.append((o, o + length))
        self.mask(i, e)
        self.pos = self.scan = e
        if length == 1:
            self.barrier = o

    def angle(self, i: int) -> bool:
        """Read the ``<`` at ``i``: autolink, comment, raw HTML or ``<sup>2</sup>``; False when
        the ``<`` is text."""
        t, limit = self.t, self.limit
        if t.startswith("<!--", i):
            return self.comment(i)
        m = _AUTOLINK.match(t, i, limit)
        if m is not None:
            self.replace(i, m.end())
            return True
        m = _SUP.match(t, i, limit)
        if m is not None:
            self.replace(i, m.end(), _SUPERSCRIPT[m.group(1)])
            return True
        for opener, closer in (("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">")):
            if t.startswith(opener, i):
                letter = t[i + 2] if i + 2 < limit else ""
                if opener == "<!" and not (letter.isascii() and letter.isalpha()):
                    return False
                j = _finder(self.finders, t, closer).find(i + len(opener))
                if j < 0 or j + len(closer) > limit:
                    return False
                self.replace(i, j + len(closer))
                return True
        m = _INLINE_TAG.match(t, i, min(limit, i + _TAG_WINDOW))
        if m is None:
            return False
        name = _TAG_NAME.match(t, i)
        if name and name.group(1).lower() in BLOCK_TAGS:
            self.reader.candidates.append(self.base + i)
        self.replace(i, m.end())
        return True

    def comment(self, i: int) -> bool:
        """An HTML comment at ``i``, listed with the document's comments; False when it is not
        closed in the paragraph."""
        t = self.t
        if t.startswith("<!-->", i):
            end, inner = i + len("<!-->"), ""
        elif t.startswith("<!--->", i):
            end, inner = i + len("<!--->"), ""
        else:
            j = _finder(self.finders, t, "-->").find(i + len("<!--"))
            if j < 0 or j + len("-->") > self.limit:
                return False
            end, inner = j + len("-->"), t[i + len("<!--") : j].strip()
        self.reader.comments.append(Comment(self.base + i, self.base + end, inner))
        self.replace(i, end)
        return True


def _bare_urls(t: str, a: int, b: int) -> list[tuple[int, int]]:
    if t.find("://", a, b) < 0 and t.find("www.", a, b) < 0:
        return []
    return find_urls(t, a, b)


def _mask_gap(gap: str) -> str:
    if not gap.strip(" \n"):
        return gap
    return masked(gap)


def _keep(chunk: str, masked_spans: list | None, offset: int) -> str:
    """``chunk`` as prose, with bare URLs in it masked."""
    if "://" not in chunk and "www." not in chunk:
        return chunk
    pieces, pos = [], 0
    for url_start, url_end in find_urls(chunk):
        pieces.append(chunk[pos:url_start])
        pieces.append(" " * (url_end - url_start))
        if masked_spans is not None:
            masked_spans.append((offset + url_start, offset + url_end))
        pos = url_end
    pieces.append(chunk[pos:])
    return "".join(pieces)


def _is_punct(ch: str) -> bool:
    if ch < "\x80":
        return ch in _PUNCT
    return unicodedata.category(ch)[0] in "PS"


def _delimiter(t: str, i: int, e: int, a: int, b: int, c: str) -> bool:
    """Whether the run ``t[i:e]`` of ``*``, ``_`` or ``~`` can open or close emphasis
    (CommonMark's flanking rules; an unmatched marker is masked too — never a figure)."""
    before = t[i - 1] if i > a else " "
    after = t[e] if e < b else " "
    b_space, a_space = before.isspace(), after.isspace()
    b_punct, a_punct = _is_punct(before), _is_punct(after)
    left = not a_space and (not a_punct or b_space or b_punct)
    right = not b_space and (not b_punct or a_space or a_punct)
    if c == "_":
        return (left and (not right or b_punct)) or (right and (not left or a_punct))
    return left or right


def _finder(finders: dict, t: str, needle: str | re.Pattern[str]) -> Finder:
    f = finders.get(needle)
    if f is None or f.text is not t:
        f = finders[needle] = Finder(t, needle)
    return f


def _link_tail(t: str, j: int, limit: int, label: str, definitions: set, finders: dict) -> int:
    """After a link's ``]`` at ``j - 1``: the offset after its ``(destination "title")``,
    ``[label]`` or nothing (shortcut reference); 0 if the brackets are not a link."""
    if j < limit and t[j] == "(":
        e = _skip_destination(t, j, limit, finders)
        if e > j:
            return e
    if not definitions:
        return 0
    if j < limit and t[j] == "[":
        k = t.find("]", j + 1, min(limit, j + 1 + _MAX_LABEL + 1))
        if k >= 0 and "[" not in t[j + 1 : k]:
            ref = t[j + 1 : k]
            if _label(ref if ref.strip() else label) in definitions:
                return k + 1
    if _label(label) in definitions:
        return j
    return 0


def _skip_destination(t: str, pos: int, limit: int, finders: dict) -> int:
    """Offset after ``(destination "title")`` at ``pos``; ``pos`` if there is none.

    CommonMark's shape: a destination in ``<…>`` on one line, or without spaces and with at most
    32 levels of balanced parentheses; then an optional quoted title; then ``)``.
    """
    i = _skip_space(t, pos + 1, limit)
    if i < limit and t[i] == "<":
        e = _finder(finders, t, ">").find(i + 1)
        nl = _finder(finders, t, "\n").find(i + 1)
        if e < 0 or e >= limit or (0 <= nl < e):
            return pos
        i = e + 1
    else:
        depth = 0
        while i < limit:
            m = _DEST_RUN.match(t, i, limit)
            if m is not None:
                i = m.end()
                if i >= limit:
                    break
            ch = t[i]
            if ch == "\\":
                i += 2
            elif ch == "(":
                depth += 1
                if depth > _MAX_PAREN_DEPTH:
                    return pos
                i += 1
            elif ch == ")":
                if depth == 0:
                    return i + 1
                depth -= 1
                i += 1
            elif ch == "<":
                i += 1
            else:
                break  # a space or control character ends the destination
    i = _skip_space(t, i, limit)
    if i < limit and t[i] in "\"'(":
        e = _finder(finders, t, ")" if t[i] == "(" else t[i]).find(i + 1)
        if e < 0 or e >= limit:
            return pos
        i = _skip_space(t, e + 1, limit)
    if i < limit and t[i] == ")":
        return i + 1
    return pos


def _skip_space(t: str, i: int, limit: int) -> int:
    while i < limit and t[i] in " \t\n":
        i += 1
    return i


def _fill_blanked_lines(t: str, a: int, prose: str, masked_spans: list[tuple[int, int]]) -> str:
    """Write SEPARATOR on lines of a paragraph that masking left blank (a line holding only a
    code span, say), so they do not read as a paragraph break; ``prose`` is ``t[a:…]``."""
    end = a + len(prose)

    def line_of(k: int) -> tuple[int, int]:
        s = t.rfind("\n", a, k) + 1
        s = max(s, a)
        e = t.find("\n", k, end)
        return s, (end if e < 0 else e)

    blanked: dict[int, int] = {}
    for s, e in masked_spans:
        ls, _ = line_of(s)
        while ls <= e and ls < end:
            le = t.find("\n", ls, end)
            le = end if le < 0 else le
            if ls not in blanked and not prose[ls - a : le - a].strip() and t[ls:le].strip():
                blanked[ls] = le
            ls = le + 1
    if not blanked:
        return prose
    buf = None
    starts = sorted(blanked)
    k = 0
    while k < len(starts):
        # A run of consecutive blanked lines, filled if the lines around it hold prose of the
        # same paragraph.
        first = starts[k]
        last = k
        while last + 1 < len(starts) and starts[last + 1] == blanked[starts[last]] + 1:
            last += 1
        last_end = blanked[starts[last]]
        run = starts[k : last + 1]
        k = last + 1
        if first <= a or last_end >= end:
            continue
        ps, pe = line_of(first - 1)
        ns, ne = line_of(last_end + 1)
        if not prose[ps - a : pe - a].strip() or not prose[ns - a : ne - a].strip():
            continue
        if buf is None:
            buf = list(prose)
        for ls in run:
            j = ls
            while j < blanked[ls] and t[j] in " \t":
                j += 1
            buf[j - a] = SEPARATOR
    return prose if buf is None else "".join(buf)
