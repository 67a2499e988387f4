"""What a process does once, before its first check: import the engine and warm it up, quickly.

Both faces start the same way. The imports and the warm-up check make some hundred thousand
objects that live as long as the process; they compile ~100 regular expressions and write the
methods of ~100 dataclasses as text to compile. So while a process starts up (:func:`starting_up`):

- the garbage collector is paused (the collections those objects would trigger cost ~0.1 s of
  the server's cold start), and once it is over they are frozen (``gc.freeze``: later full
  collections do not walk them again; the young generation is collected less often, as
  :mod:`figcheck.gc_policy` says);
- ``compile``/``exec`` answer from a :class:`~figcheck.code_cache.CodeCache` and ``re.compile``
  from a :class:`~figcheck.compiled_patterns.PatternCache`, both kept beside the module that
  starts up, as bytecode is: ~25 ms of each command line run, more of the server's.

Only at start-up, while no other thread runs: freezing later would also freeze whatever is
alive then (a frozen cycle is never collected), and the caches stand in for builtins.
No dataclass here: ``figcheck server`` imports this before the engine's dataclasses.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from .code_cache import CodeCache
from .compiled_patterns import PatternCache
from .gc_policy import collect_less_often


@contextlib.contextmanager
def starting_up(module_file: str, name: str, keep_code: bool = False) -> Iterator[CodeCache]:
    """Run the block (imports, a warm-up) as this module's documentation says, with the caches
    ``__pycache__/<name>.*`` beside ``module_file``. Yields the code cache; it is saved after the
    block unless ``keep_code`` (the caller saves it once it has compiled the rest of its start:
    the server, after the client's ``initialize``)."""
    code = CodeCache.beside(module_file, name)
    patterns = PatternCache.beside(module_file, name)
    gc.disable()
    try:
        with code.installed(), patterns.installed():
            yield code
        patterns.save()
        if not keep_code:
            code.save()
    finally:
        gc.freeze()
        collect_less_often()
        gc.enable()
