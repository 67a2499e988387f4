"""What the installed figcheck's metadata says, read straight from its ``.dist-info`` folder.

These are the files :mod:`importlib.metadata` would find first on ``sys.path``, read without
importing it: that import (email, zipfile, csv, …) and its search of every distribution cost a
language server's path to its first diagnostics ~50 ms of CPU, of ~0.5 s. Where the metadata found
first is not one plain ``figcheck-*.dist-info`` folder (an egg-info, a zip, two of them), or a file
cannot be read, these answer None and the caller asks importlib.metadata, which decides.
"""

from __future__ import annotations

import os
import sys
from functools import cache


@cache
def dist_info() -> str | None:
    """The ``figcheck-*.dist-info`` folder importlib.metadata would read, or None (see above)."""
    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        found = [n for n in names if n.lower().startswith(("figcheck-", "figcheck."))
                 and n.lower().endswith((".dist-info", ".egg-info"))]
        if not found:
            continue
        if len(found) != 1 or not found[0].startswith("figcheck-") or not found[0].endswith(".dist-info"):
            return None
        return os.path.join(entry or ".", found[0])
    return None


def _lines(name: str, until_blank: bool = False) -> list[str] | None:
    """The lines of file ``name`` of the dist-info folder (up to the first blank one), or None."""
    folder = dist_info()
    if folder is None:
        return None
    try:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            if not until_blank:
                return f.read().splitlines()
            return list(iter(lambda: f.readline().rstrip("\r\n"), ""))
    except OSError:
        return None


def header_values(name: str) -> list[str] | None:
    """Every value of header ``name`` in ``METADATA`` (``Version``, ``Project-URL``), in order;
    None where importlib.metadata must be asked."""
    lines = _lines("METADATA", until_blank=True)  # the headers, not the description after them
    if lines is None:
        return None
    reading = False
    values: list[list[str]] = []  # each value's lines: a long one continues on indented lines
    for line in lines:
        if line[:1] in " \t":
            if values and reading:
                values[-1].append(line.strip())
            continue
        key, sep, value = line.partition(":")
        reading = bool(sep) and key.strip().lower() == name.lower()
        if reading:
            values.append([value.strip()])
    return [" ".join(parts) for parts in values]


def entry_point(group: str, name: str) -> str | None:
    """The value (``module:attribute``) of entry point ``name`` in ``group`` of
    ``entry_points.txt``; None where it is not there or importlib.metadata must be asked."""
    lines = _lines("entry_points.txt")
    section = None
    for line in lines or ():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            key, _, value = line.partition("=")
            if key.strip() == name:
                return value.strip()
    return None
