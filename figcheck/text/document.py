"""The reader's result: a document's source and its same-length prose, with its comments."""

from __future__ import annotations

from dataclasses import dataclass


# A boundary between blocks of prose in a markup document (never in plain-text prose unless the
# text itself holds a pilcrow): claims never span it; it is not a paragraph break.
SEPARATOR = "\u00b6"


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the source (where suppression directives live).

    ``start``/``end`` span the whole comment with its delimiters; ``text`` is its content.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading of a markup document: its text's span in the source (without its
    markers) and its level (1 for the top)."""

    start: int
    end: int
    level: int


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    prose: str  # same length as ``source``; non-prose masked with spaces
    format: str  # "text", "markdown", "latex", "rst", "html"
    comments: tuple[Comment, ...] = ()
    headings: tuple[Heading, ...] = ()  # in order (none in plain text)

    def __post_init__(self) -> None:
        if len(self.prose) != len(self.source):
            raise ValueError("prose must have the same length as source")
