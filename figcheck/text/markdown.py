"""Markdown (CommonMark + GFM tables and strikethrough) → prose with exact positions.

markdown-it-py gives block tokens with *line* maps and inline tokens without offsets, so each
inline token is located in the source by walking its line range left to right: a text token's
content is a literal slice of the source (escapes and entities come as separate ``text_special``
tokens once the ``text_join`` rule is off), and every piece of markup between two texts (emphasis
runs, backtick runs, ``[``, ``](destination "title")``, inline HTML) is found and skipped in
order. Only what is located as text is kept; everything else stays masked (code blocks, fences,
front matter, link reference definitions, HTML tags). HTML blocks are read by the HTML reader,
so their comments are listed and their text is prose.
"""

from __future__ import annotations

import html as _html
import re
from functools import cache

from . import Document
from ._prose import Prose, decode_align
from .html import BLOCK_TAGS, fill_paragraph_lines, scan_html

_FRONT_MATTER = re.compile(
    r"\A(?:(---)[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)|(\+\+\+)[ \t]*\n.*?\n\+\+\+[ \t]*(?:\n|\Z))",
    re.DOTALL,
)
_HTML_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_SUP_OPEN = re.compile(r"<sup>\Z", re.IGNORECASE)
_SUPERSCRIPT = {"2": "\u00b2", "3": "\u00b3"}
_NOT_NEWLINE = re.compile(r"[^\n]")
_INDENT = re.compile(r"[ \t]*")
# A character that can start inline markup (CommonMark + strikethrough); "!" only before "[".
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<&~]|!\[")


# A GFM table needs a delimiter row; without one, the (costly) table rule is left out.
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.M)


@cache
def _parser(tables: bool = True):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    if not tables:
        md.disable("table")
    md.core.ruler.disable("text_join")  # keep escapes/entities as tokens with their markup
    # Inline parsing is run by the reader itself, and only on inline content that has markup:
    # most paragraphs of prose have none, and their text maps to the source line by line.
    md.core.ruler.disable("inline")
    return md


def _normalise(source: str) -> str:
    """A same-length copy markdown-it reads as the source: ``\\n`` line ends, no NUL, no front
    matter (blanked to spaces so its lines stay lines)."""
    text = source.replace("\r\n", " \n").replace("\r", "\n").replace("\0", "\ufffd")
    m = _FRONT_MATTER.match(text)
    if m:
        text = _NOT_NEWLINE.sub(" ", m.group()) + text[m.end() :]
    return text


def read_markdown(source: str) -> Document:
    prose = Prose(source)
    text = _normalise(source)
    md = _parser(tables="|" in text and _TABLE_DELIMITER.search(text) is not None)
    env: dict = {}
    _Walker(prose, text, md, env).run(md.parse(text, env))
    return prose.build("markdown")


class _Walker:
    def __init__(self, prose: Prose, text: str, md, env: dict) -> None:
        self.prose = prose
        self.md = md
        self.env = env
        self.text = text  # same length as the source; offsets are shared
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.line_cursor: dict[int, int] = {}  # line → offset after block markers consumed on it
        self.quote_depth = 0

    def line_start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def run(self, tokens) -> None:
        text = self.text
        for tok in tokens:
            if tok.type == "blockquote_close":
                self.quote_depth -= 1
            if tok.map is None:
                continue
            first, last = tok.map
            begin = self.line_cursor.get(first, self.line_start(first))
            t = tok.type
            if t.endswith("_open") or t in ("hr", "fence", "code_block", "html_block"):
                # Block markup at the start of a line separates this block from the one above.
                m = _INDENT.match(text, begin)
                self.prose.separator(m.end())
            if t == "inline":
                end = self.inline(tok, begin, self.line_start(last))
                if last == first + 1:
                    # The next inline on this line (a table cell) starts after this one's cell.
                    bar = text.find("|", end, self.line_start(last))
                    self.line_cursor[first] = bar + 1 if bar >= 0 else end
            elif t == "list_item_open":
                marker = (tok.info or "") + tok.markup
                j = text.find(marker, begin, self.line_start(first + 1)) if marker else -1
                if j >= 0:
                    self.line_cursor[first] = j + len(marker)
            elif t == "blockquote_open":
                self.quote_depth += 1
                j = text.find(">", begin, self.line_start(first + 1))
                if j >= 0:
                    self.line_cursor[first] = j + 1
            elif t == "heading_open" and tok.markup.startswith("#"):
                j = text.find(tok.markup, begin, self.line_start(first + 1))
                if j >= 0:
                    self.line_cursor[first] = j + len(tok.markup)
            elif t == "html_block":
                a, b = self.line_start(first), self.line_start(last)
                hard = scan_html(self.prose, a, b)
                fill_paragraph_lines(self.prose, a, b, hard)
            elif t == "table_open":
                a, b = self.line_start(first), self.line_start(last)
                pipe = text.find("|", a, b)
                while pipe >= 0:
                    self.prose.separator(pipe)
                    pipe = text.find("|", pipe + 1, b)

    # -- inline ----------------------------------------------------------------------------
    def inline(self, tok, start: int, limit: int) -> int:
        """Read one inline token; returns the offset after the last of its source consumed."""
        content = tok.content
        text = self.text
        if _INLINE_MARKUP.search(content) is None:
            # Plain text: each line of the content is a literal slice of its source line.
            pos = start
            for piece in content.split("\n"):
                piece = piece.strip(" \t")
                if piece:
                    j = text.find(piece, pos, limit)
                    if j >= 0:
                        self.prose.keep_text(j, j + len(piece))
                        pos = j + len(piece)
            return pos
        if not self.quote_depth and _NEEDS_PARSER.search(content) is None:
            # Simple markup (emphasis, code spans, inline links, escapes, entities) outside block
            # quotes: the content's lines are the source's lines from its first character on,
            # so the source region is scanned directly, without markdown-it's inline parser.
            span = self._region(content, start, limit)
            if span is not None:
                _scan_simple(self.prose, text, span[0], span[1])
                self.prose.fill_masked_lines(span[0], span[1])
                return span[1]
        children: list = []
        self.md.inline.parse(content, self.md, self.env, children)
        pos = self.walk(children, start, limit)
        self.prose.fill_masked_lines(start, limit)
        return pos

    def _region(self, content: str, start: int, limit: int) -> tuple[int, int] | None:
        text, pos, first = self.text, start, -1
        for piece in content.split("\n"):
            piece = piece.strip(" \t")
            if not piece:
                continue
            j = text.find(piece, pos, limit)
            if j < 0 or (first >= 0 and text[pos:j].strip(" \t\n")):
                return None  # something between the lines that is not indentation
            if first < 0:
                first = j
            pos = j + len(piece)
        return (first, pos) if first >= 0 else None

    def walk(self, children, pos: int, limit: int) -> int:
        text, prose = self.text, self.prose
        skip_autolink = False
        k = 0
        n = len(children)
        while k < n:
            c = children[k]
            k += 1
            t = c.type
            if skip_autolink:
                if t == "link_close":
                    skip_autolink = False
                continue
            if t == "text":
                if c.content:
                    j = text.find(c.content, pos, limit)
                    if j >= 0:
                        prose.keep_text(j, j + len(c.content))
                        pos = j + len(c.content)
            elif t == "text_special":
                markup = c.markup or c.content
                j = text.find(markup, pos, limit)
                if j >= 0:
                    end = j + len(markup)
                    before = text[j - 1] if j > 0 else ""
                    after = text[end] if end < len(text) else ""
                    decoded = c.content if c.content not in ("\n", "\r") else " "
                    prose.put(j, end, decoded, decode_align(before, after, decoded))
                    pos = end
            elif t == "softbreak" or t == "hardbreak":
                j = text.find("\n", pos, limit)
                if j >= 0:
                    pos = j + 1
            elif t == "code_inline":
                pos = self._code_span(c.markup or "`", pos, limit)
            elif t in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
                j = text.find(c.markup, pos, limit) if c.markup else -1
                if j >= 0:
                    pos = j + len(c.markup)
            elif t == "link_open":
                if c.markup == "autolink":
                    j = text.find("<", pos, limit)
                    e = text.find(">", j + 1, limit) if j >= 0 else -1
                    if e >= 0:
                        pos = e + 1
                    skip_autolink = True
                else:
                    j = text.find("[", pos, limit)
                    if j >= 0:
                        pos = j + 1
            elif t == "link_close":
                j = text.find("]", pos, limit)
                if j >= 0:
                    pos = self._destination(j + 1, limit)
            elif t == "image":
                j = text.find("![", pos, limit)
                if j >= 0:
                    pos = self.walk(c.children or [], j + 2, limit)
                    e = text.find("]", pos, limit)
                    if e >= 0:
                        pos = self._destination(e + 1, limit)
            elif t == "html_inline":
                raw = c.content
                j = text.find(raw, pos, limit) if raw else -1
                if j < 0:
                    continue
                end = j + len(raw)
                if raw.startswith("<!--"):
                    inner = raw[4:-3] if raw.endswith("-->") else raw[4:]
                    prose.comment(j, end, inner.strip())
                elif (
                    _SUP_OPEN.match(raw)
                    and k + 1 < n
                    and children[k].type == "text"
                    and children[k].content.strip() in _SUPERSCRIPT
                    and children[k + 1].type == "html_inline"
                    and children[k + 1].content.lower() == "</sup>"
                ):
                    close = text.find(children[k + 1].content, end, limit)
                    if close >= 0:
                        sup_end = close + len(children[k + 1].content)
                        prose.put(j, sup_end, _SUPERSCRIPT[children[k].content.strip()])
                        pos = sup_end
                        k += 2
                        continue
                else:
                    m = _HTML_TAG_NAME.match(raw)
                    if m and m.group(1).lower() in BLOCK_TAGS:
                        prose.separator(j)
                pos = end
            # Anything else (unknown plugin tokens) is left masked.
        return pos

    def _code_span(self, ticks: str, pos: int, limit: int) -> int:
        text = self.text
        j = text.find(ticks, pos, limit)
        if j < 0:
            return pos
        close = _backtick_run(len(ticks)).search(text, j + len(ticks), limit)
        return close.end() if close else j + len(ticks)

    def _destination(self, pos: int, limit: int) -> int:
        """Skip a link's ``(destination "title")`` or ``[label]`` after its ``]``."""
        text = self.text
        if pos < limit and text[pos] == "[":
            e = text.find("]", pos + 1, limit)
            return e + 1 if e >= 0 else pos
        return _skip_destination(text, pos, limit)


@cache
def _backtick_run(n: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)" + "`" * n + r"(?!`)")


# Inline content the direct scanner leaves to markdown-it: HTML and autolinks, reference-style
# or nested links, brackets that do not open an inline link.
_NEEDS_PARSER = re.compile(r"<|\][ \t]*\[|\[[^\]\n]*\[|\](?!\()")
_SIMPLE = re.compile(
    r"`+|!?\[|\*+|_+|~~|\\[!-/:-@\[-`{-~]|\\(?=\n)"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _scan_simple(prose: Prose, text: str, start: int, end: int) -> None:
    """Read ``text[start:end]`` as inline Markdown that has no HTML and no reference links."""
    pos = start
    for m in _SIMPLE.finditer(text, start, end):
        i = m.start()
        if i < pos:
            continue  # inside a code span or a link already read
        tok = m.group()
        c = tok[0]
        if c == "`":
            close = _backtick_run(len(tok)).search(text, m.end(), end)
            if close is None:
                continue  # literal backticks
            prose.keep_text(pos, i)
            pos = close.end()
        elif c == "[" or c == "!":
            close = text.find("]", m.end(), end)
            if close < 0 or text[close + 1 : close + 2] != "(":
                continue
            dest_end = _skip_destination(text, close + 1, end)
            if dest_end == close + 1:
                continue
            prose.keep_text(pos, i)
            _scan_simple(prose, text, m.end(), close)
            pos = dest_end
        elif c == "\\":
            prose.keep_text(pos, i)
            if tok != "\\":
                before = text[i - 1] if i > 0 else ""
                after = text[m.end()] if m.end() < len(text) else ""
                prose.put(i, m.end(), tok[1], decode_align(before, after, tok[1]))
            pos = m.end()
        elif c == "&":
            decoded = _html.unescape(tok)
            prose.keep_text(pos, i)
            if decoded == tok:
                prose.keep(i, m.end())
            else:
                before = text[i - 1] if i > 0 else ""
                after = text[m.end()] if m.end() < len(text) else ""
                prose.put(i, m.end(), decoded, decode_align(before, after, decoded))
            pos = m.end()
        else:  # a run of * or _ or ~~: masked when it can open or close emphasis
            before = text[i - 1] if i > start else " "
            after = text[m.end()] if m.end() < end else " "
            b_space, a_space = before.isspace(), after.isspace()
            b_punct, a_punct = before in _PUNCT, after in _PUNCT
            left = not a_space and (not a_punct or b_space or b_punct)
            right = not b_space and (not b_punct or a_space or a_punct)
            if c == "_":
                delimiter = (left and (not right or b_punct)) or (right and (not left or a_punct))
            else:
                delimiter = left or right
            if delimiter:
                prose.keep_text(pos, i)
                pos = m.end()
    prose.keep_text(pos, end)


_MISSES: dict[tuple[str, int], int] = {}


def _find(text: str, ch: str, start: int, limit: int) -> int:
    """``text.find(ch, start, limit)`` that remembers failures, so unclosed titles do not make
    a paragraph of many links quadratic."""
    key = (ch, limit)
    missed = _MISSES.get(key)
    if missed is not None and missed <= start:
        return -1
    j = text.find(ch, start, limit)
    if j < 0:
        if len(_MISSES) > 256:
            _MISSES.clear()
        _MISSES[key] = start
    return j


def _skip_destination(text: str, pos: int, limit: int) -> int:
    """Offset after ``(destination "title")`` at ``pos``; ``pos`` if there is none.

    Follows CommonMark's shape: a destination has no whitespace (unless in ``<…>``), so the scan
    stops at the first space; a title is quoted; then only ``)`` may follow.
    """
    if pos >= limit or text[pos] != "(":
        return pos
    i = _skip_space(text, pos + 1, limit)
    if i < limit and text[i] == "<":
        e = text.find(">", i + 1, min(limit, _line_end(text, i)))
        if e < 0:
            return pos
        i = e + 1
    else:
        depth = 0
        while i < limit:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch in " \t\n" or ord(ch) < 32:
                break
            if ch == "(":
                depth += 1
                if depth > 32:
                    return pos  # CommonMark's limit on nested parentheses in a destination
            elif ch == ")":
                if depth == 0:
                    return i + 1
                depth -= 1
            i += 1
    i = _skip_space(text, i, limit)
    if i < limit and text[i] in "\"'(":
        e = _find(text, ")" if text[i] == "(" else text[i], i + 1, limit)
        if e < 0:
            return pos
        i = _skip_space(text, e + 1, limit)
    if i < limit and text[i] == ")":
        return i + 1
    return pos


def _skip_space(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \t\n":
        i += 1
    return i


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j
