"""Document formats → prose the engine reads, with positions that map back to the source.

A reader returns a :class:`Document` whose ``prose`` has exactly the length of ``source``:
characters that are not prose (markup, code, comments, URLs) are replaced by spaces, and
entities or escapes are replaced by what they stand for padded with spaces. The offset map from
prose to source is therefore the identity, which keeps every span, diagnostic and fix on the
exact characters of the original file without a translation table to get wrong.

Markup readers write :data:`SEPARATOR` where two blocks of prose touch without a blank line
between them (table cells, list items, ``<td>50</td><td>km</td>``), and on a line of a paragraph
that masking would otherwise leave blank, so that no claim is joined across blocks and no
paragraph break appears that is not in the source. It is never part of a claim.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from .document import SEPARATOR, Comment, Document
from .readers import READERS  # the markup readers themselves are imported when first used

__all__ = [
    "COMMENT_SYNTAX",
    "FORMAT_BY_LANGUAGE_ID",
    "FORMAT_BY_SUFFIX",
    "SEPARATOR",
    "Comment",
    "Document",
    "format_for_language_id",
    "format_and_refusal",
    "format_for_path",
    "path_suffix",
    "read_document",
    "unsupported_format",
]


FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".tex": "latex",
    ".latex": "latex",
    ".rst": "rst",
    ".rest": "rst",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

# Document formats people try that figcheck does not read: named in the error, rather than
# "binary file" or an invalid UTF-8 byte.
UNSUPPORTED_SUFFIXES: dict[str, str] = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "rich text",
    ".pdf": "a PDF",
    ".epub": "an EPUB book",
    ".pages": "a Pages document",
}
READ_FORMATS = ("plain text (.txt), Markdown (.md), LaTeX (.tex), reStructuredText (.rst) "
                "and HTML (.html)")


def unsupported_format(path: str | PurePath | None) -> str | None:
    """Why a file with this name is not read (a ``.docx``, a ``.pdf``), or None."""
    return _refusal(path_suffix(str(path or "")).lower())


def format_and_refusal(path: str) -> tuple[str, str | None]:
    """``(format_for_path(path), unsupported_format(path))``, the name looked at once."""
    suffix = path_suffix(path).lower()
    return FORMAT_BY_SUFFIX.get(suffix, "text"), _refusal(suffix)


def _refusal(suffix: str) -> str | None:
    what = UNSUPPORTED_SUFFIXES.get(suffix)
    if what is None:
        return None
    return (f"format not supported ({suffix}, {what}); figcheck reads {READ_FORMATS}: convert it "
            "to one of these (pandoc does) and check that")


FORMAT_BY_LANGUAGE_ID: dict[str, str] = {
    "plaintext": "text",
    "text": "text",
    "markdown": "markdown",
    "latex": "latex",
    "tex": "latex",
    "restructuredtext": "rst",
    "rst": "rst",
    "html": "html",
}

# The comment syntax of each format, for suppression code actions.
COMMENT_SYNTAX: dict[str, tuple[str, str]] = {
    "text": ("", ""),
    "markdown": ("<!-- ", " -->"),
    "html": ("<!-- ", " -->"),
    "latex": ("% ", ""),
    "rst": (".. ", ""),
}


def format_for_path(path: str | PurePath | None) -> str:
    """The format a file is read as, by its extension; unknown extensions are plain text."""
    if path is None:
        return "text"
    return FORMAT_BY_SUFFIX.get(path_suffix(str(path)).lower(), "text")


def path_suffix(path: str) -> str:
    """``PurePath(path).suffix`` without building a path object, which costs more per file
    than the rest of choosing its reader (issue #15)."""
    name = os.path.basename(path)
    if name in ("", ".", ".."):  # a trailing separator or dot: pathlib's normalisation decides
        return PurePath(path).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def format_for_language_id(language_id: str | None, path: str | None = None) -> str:
    if language_id and language_id.lower() in FORMAT_BY_LANGUAGE_ID:
        return FORMAT_BY_LANGUAGE_ID[language_id.lower()]
    return format_for_path(path)


def read_document(source: str, format: str = "text") -> Document:
    """Read ``source`` in ``format`` into a :class:`Document`."""
    return READERS.get(format, READERS["text"])(source)
