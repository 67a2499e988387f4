"""HTML → prose: text content only, entities decoded in place, block elements kept apart.

A small hand-written tokenizer (not ``html.parser``) so every tag, comment and entity is known by
its exact offset. Masked: tags with their attributes, ``<script>``, ``<style>``, ``<pre>``,
``<code>`` and other code or embedded-language elements, comments (listed in the document's
comments, where suppression directives live), declarations and processing instructions.
``<sup>2</sup>`` after a unit becomes ``²``. Malformed markup never raises: a ``<`` that does not
start a tag is text, an unclosed comment or ``<pre>`` runs to the end of the region.
"""

from __future__ import annotations

import html as _html
import re
from bisect import bisect_left
from functools import lru_cache

from .document import Document, Heading
from .finder import Finder
from .prose import Prose, decode_align

BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption center col colgroup dd details dialog dir
    div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header
    hgroup hr html iframe legend li link main menu meta nav noframes ol optgroup option p
    param search section source summary table tbody td tfoot th thead title tr track ul
    img video audio canvas object embed picture input button select label""".split()
)
# Elements whose whole content is not prose.
SKIP_TAGS = frozenset(
    "script style pre code kbd samp textarea svg math template noscript iframe object".split()
)

_START_TAG = re.compile(r"<([A-Za-z][^\s/>\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_END_TAG = re.compile(r"</([A-Za-z][^\s/>\x00]*)[^>]*>")
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_SUP = re.compile(r"<sup>\s*([23])\s*</sup>", re.IGNORECASE)
_SUPERSCRIPT = {"2": "\u00b2", "3": "\u00b3"}


def read_html(source: str) -> Document:
    prose = Prose(source)
    hard = scan_html(prose, 0, len(source))
    fill_paragraph_lines(prose, 0, len(source), hard)
    return prose.build("html")


@lru_cache(maxsize=64)
def _closing(name: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(name) + r"[\s/>]", re.IGNORECASE)


def scan_html(prose: Prose, start: int, end: int) -> list[tuple[int, int]]:
    """Read ``source[start:end]`` as HTML into ``prose``.

    Returns the spans of block-level markup (block tags and skipped elements), which are
    boundaries between blocks rather than pieces of a sentence.
    """
    src = prose.source
    lt = Finder(src, "<")
    gt = Finder(src, ">")
    comment_end = Finder(src, "-->")
    hard: list[tuple[int, int]] = []
    heading = ("", 0)  # the heading tag open ("h2") and where its content starts
    pos = start
    while pos < end:
        i = lt.find(pos)
        if i < 0 or i >= end:
            keep_text(prose, pos, end)
            break
        keep_text(prose, pos, i)
        nxt = src[i + 1 : i + 2]
        if src.startswith("<!--", i):
            j = comment_end.find(i + 4)
            stop = end if j < 0 or j + 3 > end else j + 3
            inner_end = stop - 3 if j >= 0 and j + 3 <= end else stop
            prose.comment(i, stop, src[i + 4 : inner_end].strip())
            pos = stop
            continue
        if nxt == "!" or nxt == "?":
            if src.startswith("<![CDATA[", i):
                j = src.find("]]>", i + 9, end)
                stop = end if j < 0 else j + 3
            else:
                j = gt.find(i + 2)
                stop = end if j < 0 or j >= end else j + 1
            hard.append((i, stop))
            pos = stop
            continue
        if nxt == "/":
            m = _END_TAG.match(src, i, end) if gt.find(i) >= 0 else None
            if m is None:
                prose.keep(i, i + 1)  # a lone "</" is text
                pos = i + 1
                continue
            name = m.group(1).lower()
            if name in BLOCK_TAGS:
                prose.separator(i)
                hard.append((i, m.end()))
            heading = _heading_closed(prose, heading, name, i)
            pos = m.end()
            continue
        if nxt.isalpha() and gt.find(i) >= 0:
            m = _START_TAG.match(src, i, end)
            if m is None:
                prose.keep(i, i + 1)
                pos = i + 1
                continue
            name = m.group(1).lower()
            pos = m.end()
            if name == "sup":
                sup = _SUP.match(src, i, end)
                if sup:
                    prose.put(i, sup.end(), _SUPERSCRIPT[sup.group(1)])
                    pos = sup.end()
                    continue
            if name in SKIP_TAGS and not m.group(2).rstrip().endswith("/"):
                stop = _skipped_to(src, gt, name, pos, end)
                prose.separator(i)
                hard.append((i, stop))
                pos = stop
                continue
            if name in BLOCK_TAGS:
                prose.separator(i)
                hard.append((i, m.end()))
            if name in _HEADING_TAGS:
                heading = (name, m.end())
            continue
        prose.keep(i, i + 1)  # "<" that starts no tag: "a < b", "<5 km"
        pos = i + 1
    return hard


def _heading_closed(prose: Prose, heading: tuple[str, int], name: str, at: int) -> tuple[str, int]:
    """At an end tag ``name`` (at ``at``): the heading open, when it is this one, is listed in
    ``prose`` and closed."""
    if name != heading[0]:
        return heading
    prose.headings.append(Heading(heading[1], at, int(name[1])))
    return ("", 0)


def _skipped_to(src: str, gt: Finder, name: str, pos: int, end: int) -> int:
    """Where an element skipped whole (``<script>``, ``<style>``, …) whose start tag ends at
    ``pos`` ends: past its closing tag, or at ``end`` without one."""
    close = _closing(name).search(src, pos, end)
    if close is None:
        return end
    j = gt.find(close.end() - 1)
    return end if j < 0 or j >= end else j + 1


def keep_text(prose: Prose, start: int, end: int) -> None:
    """Keep ``source[start:end]`` as prose, with character references decoded in place."""
    if start >= end:
        return
    src = prose.source
    if "&" not in src[start:end]:
        prose.keep_text(start, end)
        return
    pos = start
    for m in _ENTITY.finditer(src, start, end):
        prose.keep_text(pos, m.start())
        decoded = _html.unescape(m.group())
        if decoded == m.group():
            prose.keep(m.start(), m.end())
        else:
            if decoded in ("\r", "\n", "\r\n"):
                decoded = " "
            before = src[m.start() - 1] if m.start() > 0 else ""
            after = src[m.end()] if m.end() < len(src) else ""
            prose.put(m.start(), m.end(), decoded, decode_align(before, after, decoded))
        pos = m.end()
    prose.keep_text(pos, end)


_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t]*(?=\r\n?|\n)")


def fill_paragraph_lines(prose: Prose, start: int, end: int, hard: list[tuple[int, int]]) -> None:
    """Fill lines that masking blanked inside a paragraph, except lines of block markup."""
    src = prose.source
    starts = [a for a, _ in hard]

    def block_markup(a: int, b: int) -> bool:
        # ``hard`` spans are disjoint and in order: the last one starting before the line's end
        # is the only one that can overlap it.
        k = bisect_left(starts, b + 1) - 1
        return k >= 0 and hard[k][1] > a

    pos = start
    for m in _BLANK_LINE.finditer(src, start, end):
        prose.fill_masked_lines(pos, m.start(), block_markup)
        pos = m.end()
    prose.fill_masked_lines(pos, end, block_markup)
