"""Regular expressions compiled once per installation rather than once per process.

The unit phrases of :mod:`figcheck.extract.lexicon` make two alternations of some 4,000 branches,
and ``re`` parses and compiles a pattern in Python: ~40 ms of CPU at every start for those two,
a sixth of ``import figcheck`` plus the first check of an article. What ``re`` makes of a pattern,
the program its matching engine runs (a list of integers, the "SRE code"), depends only on the
pattern, its flags and the Python version, so it is kept in a file (by ``marshal``, as a ``.pyc``
keeps a module's code) and the pattern is built from it at the next start, as ``re`` itself
builds it (``_sre.compile``).

Exactness: an entry is kept only when the pattern built from it equals the one ``re.compile``
made (a pattern's equality compares its text, flags and code); the file names the interpreter
(cache tag) and holds its bytecode magic number and the engine's ``MAGIC``; anything unexpected
(a damaged file, an engine that refuses the code) means compiling with ``re``, as without a
cache. The file is kept as :mod:`figcheck.cache_files` says (like bytecode).
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import re
from pathlib import Path

import _sre

from .cache_files import path_beside, read_table, will_write, write_table

_re_compile = re.compile  # what ``compile`` falls back on, even while :meth:`installed` (below)


class PatternCache:
    """The compiled patterns of one module: ``compile`` for each, then ``save`` once."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known = read_table(path, _header())
        self.used: dict[tuple[str, int], tuple] = {}  # key → its engine arguments
        self.compiled: list[tuple[str, int, re.Pattern]] = []  # what ``re`` had to compile

    @classmethod
    def beside(cls, module_file: str, name: str | None = None) -> PatternCache:
        """The cache of the module at ``module_file`` (or of what it starts up: ``name``), in its
        ``__pycache__``."""
        return cls(path_beside(module_file, name or Path(module_file).stem, ".patterns"))

    def compile(self, pattern: str | bytes, flags: int = 0) -> re.Pattern:
        key = (pattern, int(flags))
        if (arguments := self.known.get(key)) is not None:
            try:
                made = _sre.compile(pattern, *arguments)
            except Exception:  # code this engine refuses: compile it afresh
                pass
            else:
                self.used[key] = arguments
                return made
        made = _re_compile(pattern, flags)
        self.compiled.append((*key, made))
        return made

    def compile_any(self, pattern, flags=0):
        """``re.compile``'s contract: a text or bytes pattern from this cache, anything else (a
        compiled pattern, ``re.DEBUG``'s printout) from ``re``."""
        if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
            return self.compile(pattern, flags)
        return _re_compile(pattern, flags)

    @contextlib.contextmanager
    def installed(self):
        """``re.compile`` answers from this cache inside the block: for the patterns other
        modules compile when imported (the rules', the language server's dependencies'). Only
        while one thread runs, at start-up; then :meth:`save`."""
        previous = re.compile  # (another cache's, in a block inside its)
        re.compile = self.compile_any
        try:
            yield self
        finally:
            re.compile = previous

    def save(self) -> None:
        """Write the file when some pattern had to be compiled (the first start, or a changed
        pattern) and the file can be written, keeping only the patterns used now; then let the
        tables go (the patterns made stay with their module). The SRE code of a compiled
        pattern is worked out only here: where the file is never written (bytecode not
        written, a read-only install) a start costs what it did without a cache."""
        if self.compiled and will_write(self.path):
            for pattern, flags, made in self.compiled:
                if (arguments := _engine_arguments(pattern, flags, made)) is not None:
                    self.used[(pattern, flags)] = arguments
            write_table(self.path, _header(), self.used)
        self.known, self.used, self.compiled = {}, {}, []


def _engine_arguments(pattern: str | bytes, flags: int, made: re.Pattern) -> tuple | None:
    """What ``re`` passes to ``_sre.compile`` after its flags and pattern, or None when the
    pattern built from them would not equal ``made``."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints, for marshal
        arguments = (int(flags | parsed.state.flags), code,
                     parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return arguments if _sre.compile(pattern, *arguments) == made else None
    except Exception:  # another Python's internals: no cache, nothing else changes
        return None


def _header() -> bytes:
    return importlib.util.MAGIC_NUMBER + marshal.dumps((_sre.MAGIC, _sre.CODESIZE))
