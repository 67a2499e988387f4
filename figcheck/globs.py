"""Glob patterns written by someone else, matched in bounded time.

``include``/``exclude`` in a repository's configuration and its ``.gitignore`` files are input we
do not control. pathspec turns each glob into a regular expression for :mod:`re`, whose
backtracking makes a pattern such as ``*a*a*a*a*c`` take seconds to minutes on a long file name
(polynomial in the name's length, to the power of the number of ``*``): a hostile repository
could make ``figcheck check`` hang (docs/reliability.md). The same expressions are compiled here with the
:mod:`regex` module instead, which does not re-try the same backtracking states (those patterns
match in milliseconds), and every pattern has a time budget for the whole run on top: a pattern
that spends it is reported once and treated as matching nothing from then on. (A limit per
match, as before, let patterns that stay just under it stall a run for minutes: 5 patterns ×
40 long paths took 27 s, issue #19. A budget bounds a pattern's cost whatever the number of
paths.)
"""

from __future__ import annotations

import re
import sys
import time
from functools import lru_cache

import regex

PATTERN_BUDGET = 0.5  # seconds one pattern may spend matching over a whole run, plus…
PER_MATCH_ALLOWANCE = 50e-6  # …this much per path: real patterns take about a microsecond


class _GuardedRegex:
    """Stands in for a compiled :mod:`re` pattern inside a pathspec pattern (``search`` only)."""

    __slots__ = ("pattern", "_compiled", "_glob", "_tripped", "spent", "calls")

    def __init__(self, compiled, glob: str) -> None:
        self.pattern = compiled.pattern
        flags = regex.IGNORECASE if compiled.flags & re.IGNORECASE else 0
        self._compiled = regex.compile(compiled.pattern, flags | regex.V0)
        self._glob = glob
        self._tripped = False
        self.spent = 0.0  # CPU seconds used of PATTERN_BUDGET
        self.calls = 0  # matches actually run (work, for tests)

    def search(self, text: str):
        return self._run(self._compiled.search, text)

    def match(self, text: str):
        return self._run(self._compiled.match, text)

    def _run(self, method, text: str):
        if self._tripped:
            return None
        self.calls += 1
        start = time.thread_time()  # CPU time: a process waiting for a core (a loaded machine,
        # its own workers checking files meanwhile) has not spent the budget
        try:
            allowed = PATTERN_BUDGET + PER_MATCH_ALLOWANCE * self.calls - self.spent
            return method(text, timeout=max(allowed, 0.001))
        except TimeoutError:
            self._tripped = True
            from .printable import printable

            sys.stderr.write(f"figcheck: warning: the pattern '{printable(self._glob)}' is too "
                             f"complex to match in time; it is ignored\n")
            return None
        finally:
            self.spent += time.thread_time() - start


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
