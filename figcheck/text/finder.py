"""Searching a text from ever-increasing positions in amortised linear time: what the markup
readers find their markup with, and the rules their words in a long sentence."""

from __future__ import annotations

import re


class Finder:
    """``str.find`` for a needle (a string, or a compiled pattern: where its next match starts)
    searched from ever-increasing positions, in amortised linear time.

    A failed search is remembered, so a document with ten thousand ``<`` and no ``>`` does not
    scan its tail ten thousand times.
    """

    __slots__ = ("text", "needle", "_at", "_found")

    def __init__(self, text: str, needle: str | re.Pattern[str]) -> None:
        self.text = text
        self.needle = needle
        self._at = -1  # the position the cached answer was computed from
        self._found = -1

    def find(self, start: int) -> int:
        if self._at >= 0 and self._at <= start and (self._found < 0 or self._found >= start):
            return self._found
        self._at = start
        if isinstance(self.needle, str):
            self._found = self.text.find(self.needle, start)
        else:
            m = self.needle.search(self.text, start)
            self._found = m.start() if m else -1
        return self._found
