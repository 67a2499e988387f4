"""Glob patterns written by someone else, matched in bounded time.

``include``/``exclude`` in a repository's configuration and its ``.gitignore`` files are input we
do not control. pathspec turns each glob into a regular expression for :mod:`re`, whose
backtracking makes a pattern such as ``*a*a*a*a*c`` take seconds to minutes on a long file name
(polynomial in the name's length, to the power of the number of ``*``): a hostile repository
could make ``figcheck check`` hang (docs/reliability.md). The same expressions are compiled here with the
:mod:`regex` module instead, which does not re-try the same backtracking states (those patterns
match in milliseconds), and every match has a time limit on top: a pattern that still takes too
long is reported once and treated as matching nothing.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

import regex

MATCH_TIMEOUT = 0.25  # seconds for one pattern against one path; real patterns take microseconds


class _GuardedRegex:
    """Stands in for a compiled :mod:`re` pattern inside a pathspec pattern (``search`` only)."""

    __slots__ = ("pattern", "_compiled", "_glob", "_tripped")

    def __init__(self, compiled, glob: str) -> None:
        self.pattern = compiled.pattern
        flags = regex.IGNORECASE if compiled.flags & re.IGNORECASE else 0
        self._compiled = regex.compile(compiled.pattern, flags | regex.V0)
        self._glob = glob
        self._tripped = False

    def search(self, text: str):
        return self._run(self._compiled.search, text)

    def match(self, text: str):
        return self._run(self._compiled.match, text)

    def _run(self, method, text: str):
        if self._tripped:
            return None
        try:
            return method(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            self._tripped = True
            sys.stderr.write(f"figcheck: warning: the pattern '{self._glob}' is too complex to match "
                             f"in time; it is ignored\n")
            return None


@lru_cache(maxsize=256)
def gitignore_spec(lines: tuple[str, ...]):
    """A :class:`pathspec.GitIgnoreSpec` of ``lines`` whose matching cannot hang."""
    import pathspec

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:  # GitIgnorePatternError: "!" or a lone "\\"; git skips such lines too
        spec = pathspec.GitIgnoreSpec.from_lines([line for line in lines if is_valid(line)])
    for pattern in spec.patterns:
        compiled = getattr(pattern, "regex", None)
        if compiled is not None and not isinstance(compiled, _GuardedRegex):
            pattern.regex = _GuardedRegex(compiled, getattr(pattern, "pattern", None) or compiled.pattern)
    return spec


def is_valid(glob: str) -> bool:
    """Whether ``glob`` is a pattern pathspec (and git) can use."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([glob])
    except ValueError:
        return False
    return True
