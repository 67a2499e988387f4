"""Files of things expensive to make at every start, kept like bytecode: in the ``__pycache__``
beside a module, named by the interpreter's cache tag, starting with a header that says what
made them (a file with another header is ignored), written by ``marshal``, and not written under
``PYTHONDONTWRITEBYTECODE`` or where the folder is read-only. Used by
:mod:`figcheck.compiled_patterns` and :mod:`figcheck.code_cache`."""

from __future__ import annotations

import importlib.util
import marshal
import os
import sys
from pathlib import Path


def path_beside(module_file: str, name: str, suffix: str) -> Path | None:
    """``__pycache__/<name>.<cache tag><suffix>`` beside ``module_file`` (honouring
    ``PYTHONPYCACHEPREFIX``), or None where this interpreter keeps no bytecode caches."""
    try:
        pyc = importlib.util.cache_from_source(str(Path(module_file).with_name(name + ".py")))
    except NotImplementedError:  # no sys.implementation.cache_tag
        return None
    return Path(pyc).with_suffix(suffix)


def read_table(path: Path | None, header: bytes) -> dict:
    """The table kept in ``path``; empty when there is none, or it was made by something else
    (another header), or it is damaged."""
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(header):
        return {}
    try:
        table = marshal.loads(data[len(header):])
    except (EOFError, ValueError, TypeError):  # truncated or foreign: made afresh
        return {}
    return table if isinstance(table, dict) else {}


def will_write(path: Path | None) -> bool:
    """Whether :func:`write_table` can be expected to write ``path``: bytecode is written here,
    and the nearest folder of it that exists can be written to."""
    if path is None or sys.dont_write_bytecode:
        return False
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def write_table(path: Path | None, header: bytes, table: dict) -> None:
    """Keep ``table`` in ``path``: written whole under another name, then renamed, so a process
    reading it at the same moment sees the old file or the new one, never half of one."""
    if not will_write(path):
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(header + marshal.dumps(table))
        os.replace(temporary, path)
    except (OSError, ValueError):  # a read-only install (or a value marshal cannot write):
        # every start makes it afresh, as without the file
        try:
            temporary.unlink()
        except OSError:
            pass
