"""The registry of format readers; each returns a :class:`figcheck.text.Document`."""

from __future__ import annotations

from collections.abc import Callable

from .document import Document
from .plain import plain_headings, plain_headings_after_edit


def read_plain(source: str) -> Document:
    return Document(source=source, prose=source, format="text", headings=plain_headings(source))


def read_plain_after_edit(source: str, previous: Document, head: int, tail: int) -> Document:
    """:func:`read_plain` of ``source``, which is ``previous.source`` with an edit between
    ``head`` code points at its start and ``tail`` at its end: its headings read again only
    near the edit."""
    headings = plain_headings_after_edit(source, previous.source, previous.headings, head, tail)
    return Document(source=source, prose=source, format="text", headings=headings)


READERS: dict[str, Callable[[str], Document]] = {
    "text": read_plain,
}


def _read_markdown(source: str) -> Document:
    from .markdown import read_markdown

    return read_markdown(source)


def _read_latex(source: str) -> Document:
    from .latex import read_latex

    return read_latex(source)


def _read_rst(source: str) -> Document:
    from .rst import read_rst

    return read_rst(source)


def _read_html(source: str) -> Document:
    from .html import read_html

    return read_html(source)


READERS.update(
    {
        "markdown": _read_markdown,
        "latex": _read_latex,
        "rst": _read_rst,
        "html": _read_html,
    }
)
