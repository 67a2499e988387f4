"""The registry of format readers; each returns a :class:`figcheck.text.Document`."""

from __future__ import annotations

from collections.abc import Callable

from . import Document


def read_plain(source: str) -> Document:
    return Document(source=source, prose=source, format="text")


READERS: dict[str, Callable[[str], Document]] = {
    "text": read_plain,
}
