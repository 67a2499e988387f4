"""reStructuredText → prose with exact positions (a line-based reader; no docutils).

Prose: paragraphs, section titles (their over/underlines masked), list items (bullets,
enumerators and field names masked), table cells (grid borders and ``|`` masked; a separator is
written between cells of grid and simple tables), footnote bodies, the content of admonitions and
other prose directives. Masked: literal blocks (a paragraph ending in ``::`` and the indented
block after it), doctest blocks, the content of code/code-block/math/raw/… directives, directive
arguments and options, hyperlink targets, substitution definitions, and comments (``..`` blocks,
listed in the document's comments, where ``.. figcheck: …`` directives live). Inline: ````code````
and code-like roles (``:code:``, ``:math:``, ``:file:`` …) are masked; emphasis markers,
backquotes, ``<url>`` of links, footnote references and ``word_`` underscores are masked;
``:sup:`2``` becomes ``²``.
"""

from __future__ import annotations

import re

from .document import Document, Heading
from .prose import Prose, decode_align

_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|\Z)")
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1+[ \t]*\Z")
_EXPLICIT = re.compile(r"\.\.(?:[ \t]|\Z)")
_DIRECTIVE = re.compile(r"\.\.[ \t]+(\|[^|]+\|[ \t]+)?([\w:.+-]+)::(?:[ \t]|\Z)")
_FOOTNOTE = re.compile(r"\.\.[ \t]+\[(?:\d+|#[\w-]*|\*|[\w.-]+)\](?:[ \t]|\Z)")
_TARGET = re.compile(r"\.\.[ \t]+_")
_OPTION = re.compile(r"[ \t]+:[\w .-]+:(?:[ \t]|\Z)")
_GRID_BORDER = re.compile(r"[ \t]*\+(?:[-=]+\+)+[ \t]*\Z")
_GRID_LINE = re.compile(r"[ \t]*[+|]")
_SIMPLE_BORDER = re.compile(r"[ \t]*=+(?:[ \t]+=+)+[ \t]*\Z")
_SIMPLE_RULE = re.compile(r"[ \t]*-+(?:[ \t]+-+)*[ \t]*\Z")
_BULLET = re.compile(r"[ \t]*([-*+\u2022\u2023\u2043])(?:[ \t]+|\Z)")
_ENUMERATOR = re.compile(r"[ \t]*(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)](?:[ \t]+|\Z)|[ \t]*\((?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\)(?:[ \t]+|\Z)")
_FIELD = re.compile(r"[ \t]*:(?![ \t])[^:`\r\n]+(?<![ \t]):(?:[ \t]+|\Z)")
_LINE_BLOCK = re.compile(r"[ \t]*\|(?:[ \t]+|\Z)")
_DOCTEST = re.compile(r"[ \t]*>>>")

NON_PROSE_DIRECTIVES = frozenset(
    """code code-block sourcecode math raw literalinclude include highlight image toctree
    autosummary automodule autoclass autofunction automethod autodata autoattribute autoexception
    graphviz digraph graph plot ipython doctest testcode testoutput testsetup testcleanup
    jupyter-execute index meta default-role role mermaid uml plantuml productionlist
    tabularcolumns sectionauthor codeauthor program-output command-output bibliography
    footbibliography contents sectnum header footer target-notes class unicode date replace
    parsed-literal literal code-cell jupyter-input jupyter-output""".split()
)
PROSE_ARG_DIRECTIVES = frozenset(
    """admonition topic sidebar rubric table csv-table list-table centered note warning tip
    important attention caution danger error hint seealso todo epigraph""".split()
)

_PRE = r"(?<![^\s\-:/'\"<(\[{\u2018\u201c])"
_POST = r"(?=[\s\-.,:;!?\\/'\")\]}>\u2019\u201d]|\Z)"
# Role names are at most 64 characters ("py:func", "math"): unbounded, ":a:a:a:…" made every
# ':' re-scan the rest of the run, quadratic in its length (robustness, docs/reliability.md).
_INLINE = re.compile(
    r"(?P<sup>(?:\\ )?:su(?:p|perscript):`(?P<suptext>[23])`)"
    + r"|" + _PRE + r"(?P<literal>``(?=\S)[\s\S]{0,500}?(?<=\S)``)" + _POST
    + r"|" + _PRE + r"(?P<role>:(?P<rname>[\w.+:-]{1,64}):`(?P<rtext>(?:[^`\\]|\\[\s\S]){1,500}?)`)" + _POST
    + r"|" + _PRE + r"(?P<rolepost>`(?P<ptext>(?:[^`\\]|\\[\s\S]){1,500}?)`:(?P<pname>[\w.+:-]{1,64}):)" + _POST
    + r"|" + _PRE + r"(?P<ref>_?`(?P<reftext>(?:[^`\\]|\\[\s\S]){1,500}?)`(?:__?)?)" + _POST
    + r"|" + _PRE + r"(?P<strong>\*\*(?=\S)(?P<stext>[\s\S]{0,500}?\S)\*\*)" + _POST
    + r"|" + _PRE + r"(?P<emph>\*(?=[^\s*])(?P<etext>[\s\S]{0,500}?[^\s\\*])\*)" + _POST
    + r"|" + _PRE + r"(?P<fnref>\[(?:\d+|#[\w-]*|\*|[A-Za-z][\w.-]*)\]_)" + _POST
    + r"|" + _PRE + r"(?P<subst>\|(?=\S)[^|\r\n]{1,200}?(?<=\S)\|(?:__?)?)" + _POST
    + r"|(?P<simpleref>(?<=\w)__?)(?![\w])"
    + r"|(?P<escape>\\[\s\S])"
)
# Every inline construct starts with one of these; searching for them first is much faster than
# trying the whole alternation at every character.
_TRIGGER = re.compile(r"[`*|\\_:\[]")


def _inline_matches(src: str, start: int, end: int):
    at = start
    while True:
        t = _TRIGGER.search(src, at, end)
        if t is None:
            return
        m = _INLINE.match(src, t.start(), end)
        if m is None or m.end() == m.start():
            at = t.start() + 1
            continue
        yield m
        at = m.end()


_LINK_TARGET = re.compile(r"\s*<[^<>]*>\s*\Z")
PROSE_ROLES = frozenset(
    """emphasis strong sup superscript sub subscript title-reference title t abbr term guilabel
    menuselection dfn""".split()
)
LINK_ROLES = frozenset("ref doc download numref term any".split())
_SUPERSCRIPT = {"2": "\u00b2", "3": "\u00b3"}


def read_rst(source: str) -> Document:
    prose = Prose(source)
    _Reader(prose).run()
    return prose.build("rst")


class _Line:
    __slots__ = ("start", "end", "text", "indent")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.indent = len(text) - len(text.lstrip(" \t")) if text.strip() else -1


class _Reader:
    def __init__(self, prose: Prose) -> None:
        self.prose = prose
        # Section title styles (adornment character, overlined?) in the order first met: a
        # style's place is its level, as reStructuredText reads them.
        self.styles: list[tuple[str, bool]] = []
        src = prose.source
        self.lines: list[_Line] = []
        for m in _LINE.finditer(src):
            if m.start() == len(src) and self.lines:
                break
            text = m.group().rstrip("\r\n")
            self.lines.append(_Line(m.start(), m.start() + len(text), text))

    def blank(self, i: int) -> bool:
        return i >= len(self.lines) or self.lines[i].indent < 0

    def block_end(self, i: int, indent: int) -> int:
        """The first line after ``i`` that is not blank and not indented more than ``indent``,
        backed off over trailing blank lines."""
        j = i + 1
        last = i
        while j < len(self.lines):
            line = self.lines[j]
            if line.indent >= 0:
                if line.indent <= indent:
                    break
                last = j
            j += 1
        return last + 1

    def run(self) -> None:
        lines, n = self.lines, len(self.lines)
        i = 0
        while i < n:
            line = lines[i]
            if line.indent < 0:
                i += 1
                continue
            body = line.text[line.indent :]
            if _EXPLICIT.match(body):
                i = self.explicit(i)
            elif _DOCTEST.match(line.text):
                while not self.blank(i):
                    i += 1
            elif _GRID_BORDER.match(line.text):
                i = self.grid_table(i)
            elif _SIMPLE_BORDER.match(line.text):
                i = self.simple_table(i)
            elif (
                _ADORNMENT.match(body)
                and i + 2 < n
                and not self.blank(i + 1)
                and _ADORNMENT.match(lines[i + 2].text)
                and lines[i + 2].text.strip()[0] == body[0]
            ):
                self.title(i + 1, (body[0], True))
                i += 3
            elif (
                not _ADORNMENT.match(body)
                and i + 1 < n
                and _ADORNMENT.match(lines[i + 1].text)
                and lines[i + 1].indent == 0
                and len(lines[i + 1].text.strip()) >= min(4, len(body.rstrip()))
            ):
                self.title(i, (lines[i + 1].text.strip()[0], False))
                i += 2
            elif _ADORNMENT.match(body) and len(body.strip()) >= 4:
                i += 1  # a transition
            else:
                i = self.paragraph(i)

    # -- blocks ----------------------------------------------------------------------------
    def title(self, i: int, style: tuple[str, bool]) -> None:
        line = self.lines[i]
        if style not in self.styles:
            self.styles.append(style)
        start = line.start + max(line.indent, 0)
        self.prose.headings.append(Heading(start, start + len(line.text.strip()), self.styles.index(style) + 1))
        self.inline(line.start + line.indent, line.end)

    def paragraph(self, i: int) -> int:
        lines, prose = self.lines, self.prose
        first = i
        enumerated = bool(_ENUMERATOR.match(lines[i].text))
        j = i
        while j < len(lines) and lines[j].indent >= 0:
            if j > i and _EXPLICIT.match(lines[j].text[lines[j].indent :]):
                break
            j += 1
        start, end = lines[first].start, lines[j - 1].end
        self.inline(start, end)
        for k in range(first, j):
            line = lines[k]
            if _ADORNMENT.match(line.text[max(line.indent, 0) :]):
                prose.mask(line.start, line.end)
                continue
            m = (
                _BULLET.match(line.text)
                or (enumerated and _ENUMERATOR.match(line.text))
                or _FIELD.match(line.text)
                or _LINE_BLOCK.match(line.text)
            )
            if m and (k == first or m.re is not _FIELD or _FIELD.match(lines[first].text)):
                marker_start = line.start + line.indent
                prose.mask(marker_start, line.start + m.end())
                prose.separator(marker_start)
        last = lines[j - 1]
        literal_next = last.text.rstrip().endswith("::")
        if literal_next:
            stripped = last.text.rstrip()
            colons = line_end = last.start + len(stripped)
            if stripped == last.text.strip() == "::" or stripped[:-2].endswith((" ", "\t")):
                prose.mask(colons - 2, line_end)
            else:
                prose.mask(colons - 1, line_end)
        self.prose.fill_masked_lines(start, end)
        if literal_next:
            return self.literal_block(j, lines[first].indent)
        return j

    def literal_block(self, j: int, indent: int) -> int:
        lines = self.lines
        k = j
        while k < len(lines) and lines[k].indent < 0:
            k += 1
        if k >= len(lines):
            return k
        if lines[k].indent > indent:
            return self.block_end(k, indent)  # indented literal block: left masked
        quote = lines[k].text[:1]
        if quote and not quote.isalnum() and not quote.isspace():
            while k < len(lines) and lines[k].text[:1] == quote:
                k += 1  # quoted literal block
        return k

    def explicit(self, i: int) -> int:
        lines, prose = self.lines, self.prose
        line = lines[i]
        body = line.text[line.indent :]
        end = self.block_end(i, line.indent)
        d = _DIRECTIVE.match(body)
        if d and not d.group(1):
            name = d.group(2).lower()
            if name in NON_PROSE_DIRECTIVES:
                return end
            if name in PROSE_ARG_DIRECTIVES:
                arg_start = line.start + line.indent + d.end()
                self.inline(arg_start, line.end)
                prose.fill_masked_lines(arg_start, line.end)
            k = i + 1
            while k < end and lines[k].indent >= 0 and _OPTION.match(lines[k].text):
                k += 1  # options stay masked
            return k
        if d:  # substitution definition
            return end
        if _FOOTNOTE.match(body):
            label_end = body.index("]") + 1
            text_start = line.start + line.indent + label_end
            prose.separator(line.start + line.indent)
            if text_start < line.end:
                self.inline(text_start, line.end)
            return i + 1
        if _TARGET.match(body):
            return end
        # A comment: everything indented under it belongs to it.
        text = self.prose.source[line.start + line.indent + 2 : lines[end - 1].end]
        prose.comment(line.start + line.indent, lines[end - 1].end, " ".join(text.split()))
        return end

    def grid_table(self, i: int) -> int:
        lines, prose = self.lines, self.prose
        j = i
        while j < len(lines) and lines[j].indent >= 0 and _GRID_LINE.match(lines[j].text):
            line = lines[j]
            if not _GRID_BORDER.match(line.text) and not re.fullmatch(r"[ \t]*[+|][-=+|: \t]*", line.text):
                self.inline(line.start, line.end)
                for m in re.finditer(r"[|+]", line.text):
                    pos = line.start + m.start()
                    prose.mask(pos, pos + 1)
                    prose.separator(pos)
            j += 1
        return j

    def simple_table(self, i: int) -> int:
        lines, prose = self.lines, self.prose
        border = lines[i].text
        gaps = [m.start() for m in re.finditer(r"(?<==)[ \t]+(?==)", border)]
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if line.indent < 0:
                # A blank line ends the table once it follows a closing border.
                if _SIMPLE_BORDER.match(lines[j - 1].text) and j - 1 > i:
                    break
                j += 1
                continue
            if _SIMPLE_BORDER.match(line.text) or _SIMPLE_RULE.match(line.text):
                j += 1
                continue
            self.inline(line.start, line.end)
            for g in gaps:
                if g < len(line.text) and line.text[g] in " \t":
                    prose.separator(line.start + g)
            j += 1
        return j

    # -- inline ----------------------------------------------------------------------------
    def inline(self, start: int, end: int) -> None:
        prose, src = self.prose, self.prose.source
        pos = start
        for m in _inline_matches(src, start, end):
            prose.keep_text(pos, m.start())
            pos = m.end()
            kind = m.lastgroup
            if kind == "sup" or m.group("sup"):
                prose.put(m.start(), m.end(), _SUPERSCRIPT[m.group("suptext")])
            elif m.group("literal") or m.group("subst") or m.group("fnref"):
                pass
            elif m.group("role") or m.group("rolepost"):
                name = (m.group("rname") or m.group("pname")).lower()
                text_group = "rtext" if m.group("role") else "ptext"
                self.role(name, m.start(text_group), m.end(text_group))
            elif m.group("ref"):
                self.link_text(m.start("reftext"), m.end("reftext"))
            elif m.group("strong"):
                self.inline(m.start("stext"), m.end("stext"))
            elif m.group("emph"):
                self.inline(m.start("etext"), m.end("etext"))
            elif m.group("escape"):
                ch = m.group()[1]
                if not ch.isspace():
                    before = src[m.start() - 1] if m.start() > 0 else ""
                    after = src[m.end()] if m.end() < len(src) else ""
                    prose.put(m.start(), m.end(), ch, decode_align(before, after, ch))
            # simpleref: the underscore stays masked
        prose.keep_text(pos, end)

    def role(self, name: str, start: int, end: int) -> None:
        if name in PROSE_ROLES:
            self.inline(start, end)
        elif name in LINK_ROLES:
            text = self.prose.source[start:end]
            target = re.search(r"\s*<[^<>]*>\s*\Z", text)
            if target:
                self.prose.keep_text(start, start + target.start())
            elif name == "term":
                self.prose.keep_text(start, end)
        # code-like and unknown roles stay masked

    def link_text(self, start: int, end: int) -> None:
        text = self.prose.source[start:end]
        target = _LINK_TARGET.search(text)
        self.inline(start, start + target.start() if target else end)
