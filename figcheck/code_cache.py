"""The code objects compiled while a process starts up, kept for the next start.

Importing ``lsprotocol.types`` (the language server's) makes about 600 attrs classes, and attrs
writes the methods of each (``__init__``, ``__repr__``, ``__eq__``, …) as source text and passes
it to ``compile``: about a third of the CPU a cold start of the server spends before its first
diagnostics (0.25–0.35 s of ~0.8 s). :mod:`dataclasses` does the same for the engine's ~100
classes (~15 ms of every command line run). That text is the same at every start, so its code
objects are kept in a file (by ``marshal``, as a ``.pyc`` keeps a module's) and loaded at the next
start instead of compiled again. Installed by :mod:`figcheck.start_up`.

A code object is looked up by everything ``compile`` reads (source, file name, mode, flags,
optimization level, the future features it inherits): a different text, from another version of
attrs or lsprotocol, is compiled as usual, and only the entries used by this start are written
back. The file sits in ``__pycache__`` beside the module that starts up (one file for each way
of starting: the server's code is not the command line's), is named by the interpreter's cache tag
and starts with its bytecode magic number, so another Python never reads it; it is kept as
:mod:`figcheck.cache_files` says (like bytecode: not under ``PYTHONDONTWRITEBYTECODE``, nor where
the folder is read-only; then every start compiles, as before).
"""

from __future__ import annotations

import __future__

import builtins
import contextlib
import importlib.util
import sys
from pathlib import Path

from figcheck.cache_files import path_beside, read_table, write_table


def _future_flags() -> int:
    flags = 0
    for name in __future__.all_feature_names:
        flags |= getattr(__future__, name).compiler_flag
    return flags


# The future features a plain ``compile(...)`` call inherits from the code that calls it.
FUTURE_FLAGS = _future_flags()
_builtin_compile = builtins.compile
TO_COUNT = -1  # the usual misses of a file just written: counted by the next start
_builtin_exec = builtins.exec


class CodeCache:
    """Code objects by what compiled them: ``compile`` for the duration of :meth:`installed`."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known = read_table(path, _header())
        self.usual_misses = _usual_misses(path) if self.known else None  # see stale()
        self.used: dict[tuple, object] = {}
        self.compiled = 0  # misses

    @classmethod
    def beside(cls, module_file: str, name: str) -> CodeCache:
        """The cache ``__pycache__/<name>.<cache tag>.marshal`` beside ``module_file``."""
        return cls(path_beside(module_file, name, ".marshal"))

    def compile(self, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
        if not dont_inherit:  # what the caller's compile would inherit, made explicit
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        original = _builtin_compile
        if kwargs or not isinstance(source, str) or not isinstance(filename, str) or \
                flags & ~FUTURE_FLAGS:  # an AST, bytes, or a flag asking for something other than code
            return original(source, filename, mode, flags, True, optimize, **kwargs)
        key = (source, filename, mode, flags, optimize)
        code = self.known.get(key)
        if code is None:
            code = original(source, filename, mode, flags, True, optimize)
            self.compiled += 1
        self.used[key] = code
        return code

    def exec(self, source, globals=None, locals=None, /, **kwargs):
        """``exec``, running a source text's code from this cache: :mod:`dataclasses` writes
        each class's ``__init__``, ``__repr__``, ``__eq__``… as text and execs it (the engine's
        ~100 dataclasses and pygls's: ~50 ms of a cold start). The text is compiled as ``exec``
        compiles it: file name ``<string>``, the caller's future features."""
        frame = sys._getframe(1)
        if globals is None:  # the caller's namespace, which exec called here would not see
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        if isinstance(source, str):
            source = self.compile(source, "<string>", "exec", frame.f_code.co_flags & FUTURE_FLAGS, True)
        return _builtin_exec(source, globals, locals, **kwargs)

    @contextlib.contextmanager
    def installed(self):
        """``builtins.compile`` and ``builtins.exec`` answer from this cache inside the block
        (start-up only, when no other thread compiles: one that did would get the same code,
        from the cache)."""
        previous = builtins.compile, builtins.exec  # (another cache's, in a block inside its)
        builtins.compile, builtins.exec = self.compile, self.exec
        try:
            yield self
        finally:
            builtins.compile, builtins.exec = previous

    def save(self) -> None:
        """Bring the file up to date with the code used, once start-up is over; then let the
        tables go (~2 MB the server would otherwise hold for its whole life)."""
        if self.stale():
            write_table(self.path, _header(), self.used)
            _keep_usual_misses(self.path, TO_COUNT)
        elif self.usual_misses == TO_COUNT:
            _keep_usual_misses(self.path, self.compiled)
        self.known, self.used, self.compiled = {}, {}, 0

    def stale(self) -> bool:
        """Whether the file is worth writing again: when more than a tenth of the code used had
        to be compiled (the first start, or new versions of the dependencies), or more than the
        usual misses. A few texts differ at every start and never hit (attrs writes
        ``hash(name)`` of a class into its ``__hash__``, and string hashes change from one
        process to the next): rewriting the file for those alone would cost every start ~10 ms.
        So the first start after the file is written counts its misses, kept beside the file,
        and a later start with more (a few new texts: figcheck's own dataclasses changed, or
        imported with the cache installed for the first time) writes the file again; so does a
        start with a file whose misses were never counted (written by an older figcheck)."""
        if self.compiled * 10 > len(self.used):
            return True
        if self.usual_misses is None:
            return self.compiled > 0
        return self.usual_misses != TO_COUNT and self.compiled > self.usual_misses


def _misses_path(path: Path) -> Path:
    return path.with_suffix(".misses")


def _usual_misses(path: Path | None) -> int | None:
    """How many texts missed at the first start after the file was written: :data:`TO_COUNT`
    until that start, None for a file written without the count."""
    if path is None:
        return None
    count = read_table(_misses_path(path), _header()).get("misses")
    return count if isinstance(count, int) else None


def _keep_usual_misses(path: Path | None, count: int) -> None:
    if path is not None:
        write_table(_misses_path(path), _header(), {"misses": count})


def _header() -> bytes:
    return importlib.util.MAGIC_NUMBER
