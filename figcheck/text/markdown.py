"""Markdown (CommonMark + GFM tables and strikethrough) → prose with exact positions.

A hand-written scanner, linear in the size of the document, in two passes:

* **Blocks**, line by line, with CommonMark's container/leaf algorithm: block quotes and list
  items are containers whose markers are masked (with lazy continuation lines); fenced and
  indented code, front matter, thematic breaks, setext underlines, link reference definitions and
  table delimiter rows are masked; headings, paragraphs and table cells become *inline regions*;
  HTML blocks are read by the HTML reader (so their comments are listed and their text is prose).
  Runs of lines that can only be paragraph text — the bulk of any document — are taken by one
  regular-expression match instead of one Python step per line.
* **Inline**, per region, left to right: code spans (backtick runs of equal length), emphasis and
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

from .document import SEPARATOR, Comment, Document
from .prose import URL, Finder, Prose, decode_align, masked, place_separators
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
    r"\[((?:[^\\\[\]\n]|\\.){0,999})\]:"
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
_HTML_END = {2: "-->", 3: "?>", 4: ">", 5: "]]>"}

QUOTE, ITEM = 0, 1
PARA, FENCE, ICODE, HTML, TABLE = 1, 2, 3, 4, 5
INLINE, HTML_OP, ROW = 0, 1, 2

# -- inline ---------------------------------------------------------------------------------------
_SPECIAL = re.compile(r"[\\`*_\[\]<&~]|!\[")
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


def read_markdown(source: str) -> Document:
    text = source
    if "\r" in text or "\0" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    reader = _Reader(text)
    reader.blocks()
    prose = reader.render()
    if text is not source:
        prose = _restore(source, prose)
    if reader.candidates:
        prose = place_separators(prose, reader.candidates)
    comments = tuple(sorted(reader.comments, key=lambda c: (c.start, c.end)))
    return Document(source=source, prose=prose, format="markdown", comments=comments)


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
            col += 4 - col % 4
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
            w = 4 - col % 4
            if col + w > target:
                return i, target
            col += w
            i += 1
        else:
            break
    return i, col


def _html_start(text: str, j: int, eol: int, in_paragraph: bool) -> int:
    """CommonMark's HTML block kind (1–7) starting at ``j``, or 0."""
    if _HTML_RAW.match(text, j, eol):
        return 1
    if text.startswith("<!--", j):
        return 2
    if text.startswith("<?", j):
        return 3
    if text.startswith("<![CDATA[", j):
        return 5
    if text.startswith("<!", j) and j + 2 < eol and text[j + 2].isascii() and text[j + 2].isalpha():
        return 4
    if _HTML_BLOCK_TAG.match(text, j, eol):
        return 6
    if not in_paragraph and _HTML_ANY_TAG_LINE.match(text, j, eol):
        return 7
    return 0


def _html_ends(text: str, kind: int, start: int, eol: int) -> bool:
    if kind == 1:
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
        return _html_start(text, j, eol, not lazy) != 0
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


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        # (kind, start, end, masks): regions read as inline Markdown, HTML or a table row, in
        # order; ``masks`` are container prefixes ("> ") inside a region, masked before reading.
        self.ops: list[list] = []
        self.candidates: list[int] = []
        self.comments: list[Comment] = []
        self.definitions: set[str] = set()

    # -- pass 1: blocks -----------------------------------------------------------------------
    def blocks(self) -> None:  # noqa: C901 - one state machine, kept in one place for speed
        text = self.text
        n = len(text)
        ops = self.ops
        cand = self.candidates.append
        # [QUOTE, 0, False] or [ITEM, content width, started empty and still without content]
        containers: list[list] = []
        leaf = 0
        leaf_depth = 0
        para: list | None = None
        para_last = (0, 0)  # content start and end of the paragraph's last line
        fence_char, fence_len = "`", 0
        html_kind = 0
        html_op: list | None = None
        prev_blank = True
        m = _FRONT_MATTER.match(text)
        pos = m.end() if m else 0

        while pos < n:
            # -- the fast path: top-level paragraph text and blank lines, many lines at once.
            if not containers and (leaf == 0 or leaf == PARA):
                e = _PLAIN_RUN.match(text, pos).end()
                if e > pos:
                    last = max(pos, text.rfind("\n", pos, e - 1) + 1)
                    last_blank = text[last : e - 1].strip(" \t") == ""
                    if leaf == PARA and para is not None and not para[3]:
                        para[2] = e - 1
                    else:
                        para = [INLINE, pos, e - 1, None]
                        ops.append(para)
                    if last_blank:
                        leaf, para = 0, None
                    else:
                        leaf, leaf_depth = PARA, 0
                        para_last = (last, e - 1)
                    prev_blank = last_blank
                    pos = e
                    continue

            eol = text.find("\n", pos)
            if eol < 0:
                eol = n
            nxt = eol + 1

            # -- 1. which open containers does this line continue?
            i, col = pos, 0
            matched = 0
            depth = len(containers)
            j = -1  # the first non-space at or after i, while i has not passed it
            while matched < depth:
                kind, width, fresh = containers[matched]
                if j < i:
                    j, jcol = _indent(text, i, col, eol)
                if kind == QUOTE:
                    if jcol - col <= 3 and j < eol and text[j] == ">":
                        i, col = j + 1, jcol + 1
                        if i < eol and text[i] == " ":
                            i, col = i + 1, col + 1
                        elif i < eol and text[i] == "\t":
                            i, col = _advance(text, i, col, col + 1, eol)
                        matched += 1
                        continue
                    break
                if j >= eol:
                    if fresh:
                        break  # an item can begin with at most one blank line
                    matched += 1  # a blank line continues a list item
                    continue
                if jcol - col >= width:
                    i, col = _advance(text, i, col, col + width, eol)
                    containers[matched][2] = False
                    matched += 1
                    continue
                break
            j, jcol = _indent(text, i, col, eol)
            blank = j >= eol
            indent = jcol - col

            # -- 2. does the open leaf block take the line?
            if matched == depth:
                if leaf == FENCE:
                    if not depth:
                        # Top level: jump straight to the closing fence (or the end).
                        close = _FENCE_CLOSE[fence_char].search(text, pos)
                        while close is not None and len(close.group(1)) < fence_len:
                            close = _FENCE_CLOSE[fence_char].search(text, close.end())
                        pos = n if close is None else close.end() + 1
                        leaf, prev_blank = 0, False
                        continue
                    if indent <= 3 and not blank and text[j] == fence_char:
                        close = _FENCE_CLOSE_AT[fence_char].match(text, j, eol)
                        if close is not None and len(close.group(1)) >= fence_len:
                            leaf = 0
                    prev_blank, pos = False, nxt
                    continue
                if leaf == ICODE:
                    if blank or indent >= 4:
                        prev_blank, pos = blank, nxt
                        continue
                    leaf = 0
                elif leaf == HTML:
                    if html_kind >= 6:
                        if not blank:
                            self._extend(html_op, pos, i, eol)
                            prev_blank, pos = False, nxt
                            continue
                        leaf = 0
                    else:
                        self._extend(html_op, pos, i, eol)
                        if _html_ends(text, html_kind, i, eol):
                            leaf = 0
                        prev_blank, pos = False, nxt
                        continue
                elif leaf == TABLE:
                    if not blank and (indent >= 4 or not _interrupts(text, j, eol)):
                        ops.append([ROW, j, eol, None])
                        prev_blank, pos = False, nxt
                        continue
                    leaf = 0
                elif leaf == PARA:
                    if blank:
                        leaf, para = 0, None
                    elif indent <= 3 and text[j] in "=-" and _SETEXT.match(text, j, eol):
                        leaf, para = 0, None  # the paragraph was a heading; its underline is masked
                        prev_blank, pos = False, nxt
                        continue
                    elif indent <= 3 and text[j] in "|:-" and self._table(para, para_last, j, eol):
                        leaf, leaf_depth, para = TABLE, depth, None
                        prev_blank, pos = False, nxt
                        continue
                    elif indent >= 4 or not _interrupts(text, j, eol):
                        self._extend(para, pos, j, eol)
                        para_last = (j, eol)
                        prev_blank, pos = False, nxt
                        continue
                    else:
                        leaf, para = 0, None
            else:
                lazy = leaf == PARA and not blank
                if lazy and (indent >= 4 or not _interrupts(text, j, eol, True)):
                    self._extend(para, pos, j, eol)  # a lazy continuation line
                    para_last = (j, eol)
                    prev_blank, pos = False, nxt
                    continue
                del containers[matched:]
                if leaf and leaf_depth > matched:
                    leaf, para = 0, None

            # -- 3. new blocks: containers first, then one leaf.
            if leaf == ICODE or leaf == FENCE or leaf == HTML or leaf == TABLE:
                leaf = 0
            para = None if leaf != PARA else para
            jump = -1
            no_break = ""  # marker characters that do not make a thematic break on this line
            while True:
                j, jcol = _indent(text, i, col, eol)
                if j >= eol:
                    leaf = 0
                    break
                if not prev_blank:
                    cand(j)
                if jcol - col >= 4:
                    leaf, leaf_depth = ICODE, len(containers)
                    break
                c = text[j]
                if c == ">":
                    containers.append([QUOTE, 0, False])
                    i, col = j + 1, jcol + 1
                    if i < eol and text[i] == " ":
                        i, col = i + 1, col + 1
                    elif i < eol and text[i] == "\t":
                        i, col = _advance(text, i, col, col + 1, eol)
                    prev_blank = True  # no separator needed again inside the same marker run
                    continue
                if c in "-*_" and c not in no_break:
                    if _THEMATIC.match(text, j, eol):
                        leaf = 0
                        break
                    no_break += c  # nor does any later run of it on this line (nested items)
                if c in "-+*" or "0" <= c <= "9":
                    lm = _LIST_MARKER.match(text, j, eol)
                    if lm is not None:
                        mend = lm.end()
                        mcol = jcol + (mend - j)
                        k, kcol = _indent(text, mend, mcol, eol)
                        fresh = k >= eol
                        if fresh or kcol - mcol >= 5:
                            width = mcol - col + 1
                            i, col = _advance(text, mend, mcol, mcol + 1, eol)
                        else:
                            width = kcol - col
                            i, col = k, kcol
                        containers.append([ITEM, width, fresh])
                        prev_blank = True
                        continue
                if c == "#":
                    hm = _ATX.match(text, j, eol)
                    if hm is not None:
                        cs, _ = _indent(text, hm.end(), 0, eol)
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
                        if ce > cs:
                            ops.append([INLINE, cs, ce, None])
                        leaf = 0
                        break
                if c == "`" or c == "~":
                    fm = _FENCE_OPEN.match(text, j, eol)
                    if fm is not None:
                        leaf, leaf_depth = FENCE, len(containers)
                        fence_char, fence_len = c, fm.end() - fm.start()
                        break
                if c == "<":
                    kind = _html_start(text, j, eol, False)
                    if kind:
                        html_op = [HTML_OP, j, eol, None]
                        ops.append(html_op)
                        html_kind = kind
                        leaf, leaf_depth = HTML, len(containers)
                        start = j + 2
                        if kind <= 5 and _html_ends(text, kind, start, eol):
                            leaf = 0
                        elif not containers:
                            # Top level: the block ends at its end marker or a blank line.
                            if kind <= 5:
                                if kind == 1:
                                    em = _HTML_RAW_END.search(text, start)
                                    stop = em.end() if em else n
                                else:
                                    stop = text.find(_HTML_END[kind], start)
                                    stop = n if stop < 0 else stop + len(_HTML_END[kind])
                                end = text.find("\n", stop)
                            else:
                                bm = _BLANK_AHEAD.search(text, eol)
                                end = bm.start() if bm else n
                            end = n if end < 0 else end
                            html_op[2] = end
                            jump = end + 1
                            leaf = 0
                        break
                if c == "[" and leaf != PARA:
                    dm = _LINK_DEF.match(text, j, n if not containers else eol)
                    if dm is not None and dm.group(1).strip():
                        self.definitions.add(_label(dm.group(1)))
                        leaf = 0
                        if dm.end() > nxt:
                            jump = dm.end()
                        break
                para = [INLINE, j, eol, None]
                ops.append(para)
                para_last = (j, eol)
                leaf, leaf_depth = PARA, len(containers)
                break
            prev_blank = blank
            pos = jump if jump > nxt else nxt

    def _extend(self, op: list, line_start: int, content: int, eol: int) -> None:
        """Add a line to a paragraph or HTML block; a container prefix on it is masked."""
        if content > line_start and self.text[line_start:content].strip():
            if op[3] is None:
                op[3] = []
            op[3].append((line_start, content))
        op[2] = eol

    def _table(self, para: list | None, last: tuple[int, int], j: int, eol: int) -> bool:
        """If the line at ``j`` is a delimiter row matching the paragraph's last line, make that
        line a table header (the lines above stay a paragraph)."""
        if para is None or _DELIMITER_ROW.match(self.text, j, eol) is None:
            return False
        text = self.text
        hs, he = last
        pipes = _row_pipes(text, hs, he)
        if not pipes and "|" not in text[j:eol]:
            return False
        if _cell_count(text, hs, he, pipes) != len(_DELIMITER_CELL.findall(text, j, eol)):
            return False
        if hs <= para[1]:
            if self.ops and self.ops[-1] is para:
                self.ops.pop()
        else:
            line_start = text.rfind("\n", 0, hs)
            para[2] = line_start
            if para[3]:
                para[3] = [(a, b) for a, b in para[3] if a < line_start]
        self.ops.append([ROW, hs, he, None])
        return True

    # -- pass 2: inline -------------------------------------------------------------------------
    def render(self) -> str:
        text = self.text
        out: list[str] = []
        prev = 0
        for kind, start, end, masks in self.ops:
            if start < prev or end <= start:
                continue
            out.append(_mask_gap(text[prev:start]))
            if kind == INLINE:
                out.append(self._region(start, end, masks))
            elif kind == ROW:
                out.append(self._row(start, end))
            else:
                out.append(self._html(start, end, masks))
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

    def _inline(self, t: str, a: int, b: int, base: int) -> str:  # noqa: C901
        """Prose for ``t[a:b]`` read as inline Markdown (``base`` maps ``t`` to the source)."""
        if a >= b:
            return ""
        m = _SPECIAL.search(t, a, b)
        masked_spans: list[tuple[int, int]] = []  # spans of t masked, to find lines left blank
        if m is None:
            prose = _keep(t[a:b], masked_spans, a)
            if masked_spans and "\n" in prose:
                prose = _fill_blanked_lines(t, a, prose, masked_spans)
            return prose
        out: list[str] = []

        def text_(s: int, e: int) -> None:
            if s < e:
                out.append(_keep(t[s:e], masked_spans, s))

        def mask(s: int, e: int) -> None:
            out.append(masked(t[s:e]))
            masked_spans.append((s, e))

        def put(s: int, e: int, decoded: str) -> None:
            before = t[s - 1] if s > 0 else ""
            after = t[e] if e < len(t) else ""
            if decoded in ("\n", "\r", "\r\n"):
                decoded = " "
            width = e - s
            if len(decoded) > width:
                mask(s, e)
            elif decode_align(before, after, decoded) == "right":
                out.append(" " * (width - len(decoded)) + decoded)
            else:
                out.append(decoded + " " * (width - len(decoded)))

        pos = scan = a
        limit = -1  # end of the paragraph the scan is in
        openers: list[tuple[int, int, int]] = []  # "[" or "![": (offset, length, index in out)
        barrier = -1  # "[" before this offset can no longer open a link (links do not nest)
        ticks: _Backticks | None = None
        finders: dict[str, Finder] = {}
        definitions = self.definitions
        # Bare URLs are read as a whole, so markup characters in them (``_``, ``*``, ``[``,
        # ``&``) never split them into pieces of prose.
        urls = _bare_urls(t, a, b)
        u = 0
        while m is not None:
            i = m.start()
            if u < len(urls):
                while u < len(urls) and urls[u][0] < scan:
                    u += 1
                if u < len(urls) and urls[u][0] <= i:
                    us, ue = urls[u]
                    u += 1
                    text_(pos, us)
                    mask(us, ue)
                    pos = scan = ue
                    m = _SPECIAL.search(t, scan, b)
                    continue
            if i >= limit:
                bm = _BLANK_AHEAD.search(t, i, b)
                limit = bm.start() if bm else b
                openers.clear()
            c = t[i]
            if c == "`":
                run_end = _RUN["`"].match(t, i, b).end()
                if ticks is None:
                    ticks = _Backticks(t, a, b)
                close = ticks.closer(run_end, run_end - i, limit)
                if close < 0:
                    scan = run_end  # literal backticks
                else:
                    text_(pos, i)
                    mask(i, close + run_end - i)
                    pos = scan = close + run_end - i
            elif c == "\\":
                nc = t[i + 1] if i + 1 < b else ""
                if nc in _PUNCT:
                    text_(pos, i)
                    put(i, i + 2, nc)
                    pos = scan = i + 2
                elif nc == "\n" and i + 1 < limit:
                    text_(pos, i)
                    mask(i, i + 1)  # a hard line break
                    pos = scan = i + 1
                else:
                    scan = i + 1
            elif c == "&":
                em = _ENTITY.match(t, i, b)
                decoded = _html.unescape(em.group()) if em else None
                if em and decoded != em.group():
                    text_(pos, i)
                    put(i, em.end(), decoded)
                    pos = scan = em.end()
                else:
                    scan = i + 1
            elif c == "*" or c == "_" or c == "~":
                e = _RUN[c].match(t, i, b).end()
                if (c != "~" or e - i == 2) and _delimiter(t, i, e, a, b, c):
                    text_(pos, i)
                    mask(i, e)
                    pos = e
                scan = e
            elif c == "<":
                e = self._angle(t, i, limit, base, finders, out, text_, mask, pos, put)
                if e > 0:
                    pos = scan = e
                else:
                    scan = i + 1
            elif c == "[" or c == "!":
                length = 1 if c == "[" else 2
                text_(pos, i)
                out.append(t[i : i + length])
                openers.append((i, length, len(out) - 1))
                pos = scan = i + length
            else:  # "]"
                scan = i + 1
                if openers:
                    o, length, index = openers.pop()
                    if length == 2 or o >= barrier:
                        e = _link_tail(t, i + 1, limit, t[o + length : i], definitions, finders)
                        if e > 0:
                            text_(pos, i)
                            out[index] = " " * length
                            masked_spans.append((o, o + length))
                            mask(i, e)
                            pos = scan = e
                            if length == 1:
                                barrier = o
            m = _SPECIAL.search(t, scan, b)
        text_(pos, b)
        prose = "".join(out)
        if masked_spans and "\n" in prose:
            prose = _fill_blanked_lines(t, a, prose, masked_spans)
        return prose

    def _angle(self, t, i, limit, base, finders, out, text_, mask, pos, put) -> int:
        """Read the ``<`` at ``i``: autolink, comment, raw HTML or ``<sup>2</sup>``; the offset
        after it, or 0 when the ``<`` is text."""
        if t.startswith("<!--", i):
            if t.startswith("<!-->", i) or t.startswith("<!--->", i):
                end, inner = (i + 5, "") if t.startswith("<!-->", i) else (i + 6, "")
            else:
                j = _finder(finders, t, "-->").find(i + 4)
                if j < 0 or j + 3 > limit:
                    return 0
                end, inner = j + 3, t[i + 4 : j].strip()
            self.comments.append(Comment(base + i, base + end, inner))
            text_(pos, i)
            mask(i, end)
            return end
        m = _AUTOLINK.match(t, i, limit)
        if m is not None:
            text_(pos, i)
            mask(i, m.end())
            return m.end()
        m = _SUP.match(t, i, limit)
        if m is not None:
            text_(pos, i)
            put(i, m.end(), _SUPERSCRIPT[m.group(1)])
            return m.end()
        for opener, closer in (("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">")):
            if t.startswith(opener, i):
                letter = t[i + 2] if i + 2 < limit else ""
                if opener == "<!" and not (letter.isascii() and letter.isalpha()):
                    return 0
                j = _finder(finders, t, closer).find(i + len(opener))
                if j < 0 or j + len(closer) > limit:
                    return 0
                text_(pos, i)
                mask(i, j + len(closer))
                return j + len(closer)
        m = _INLINE_TAG.match(t, i, min(limit, i + _TAG_WINDOW))
        if m is None:
            return 0
        name = _TAG_NAME.match(t, i)
        if name and name.group(1).lower() in BLOCK_TAGS:
            self.candidates.append(base + i)
        text_(pos, i)
        mask(i, m.end())
        return m.end()


def _bare_urls(t: str, a: int, b: int) -> list[tuple[int, int]]:
    if t.find("://", a, b) < 0 and t.find("www.", a, b) < 0:
        return []
    return [m.span() for m in URL.finditer(t, a, b)]


def _mask_gap(gap: str) -> str:
    if not gap.strip(" \n"):
        return gap
    return masked(gap)


def _keep(chunk: str, masked_spans: list | None, offset: int) -> str:
    """``chunk`` as prose, with bare URLs in it masked."""
    if "://" not in chunk and "www." not in chunk:
        return chunk
    pieces, pos = [], 0
    for m in URL.finditer(chunk):
        pieces.append(chunk[pos : m.start()])
        pieces.append(" " * (m.end() - m.start()))
        if masked_spans is not None:
            masked_spans.append((offset + m.start(), offset + m.end()))
        pos = m.end()
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


def _finder(finders: dict, t: str, needle: str) -> Finder:
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
        k = t.find("]", j + 1, min(limit, j + 1001))
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
                if depth > 32:
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
