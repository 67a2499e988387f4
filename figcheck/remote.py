"""Files named by URL, read through fsspec, and lists of files (``--files-from``).

A URL (``s3://bucket/a.md``, ``file:///srv/archive/a.md``, ``https://…``) is read with fsspec,
which is optional (the ``dask`` extra, ``INSTALL_HINT``): a cluster's workers read the files from
shared storage, not from the machine that started the run. Only this module imports fsspec,
and only when a URL is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from .io import FileError, SourceFile, decode_bytes, file_error, too_large

_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+://")  # two letters at least: C:/ is a path
# figcheck is not on PyPI yet: the command that works today first, the published form after.
INSTALL_HINT = ("in figcheck's checkout: pip install -e '.[dask]' (or, into any environment with figcheck: "
                "pip install 'dask[distributed]' fsspec); once figcheck is on PyPI: pip install 'figcheck[dask]'")


def is_url(path: str) -> bool:
    return _URL.match(path) is not None


def read_url(url: str, max_size: int) -> SourceFile:
    """Read and decode the file at ``url``; raises :class:`FileError` on any failure."""
    try:
        import fsspec
    except ImportError:
        raise FileError("unsupported", f"reading URLs needs fsspec ({INSTALL_HINT})") from None
    try:
        fs, path = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package missing
        raise FileError("unsupported", f"cannot read this URL: {exc}") from None
    try:
        with fs.open(path, "rb") as handle:
            size = getattr(handle, "size", None)
            if isinstance(size, int) and size > max_size:
                raise too_large("file is", size, max_size)
            data = handle.read(max_size + 1)
    except FileError:
        raise
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise file_error(exc) from None
    except Exception as exc:  # remote file systems raise their own errors
        raise FileError("io", f"cannot read: {type(exc).__name__}: {exc}") from None
    if len(data) > max_size:
        raise too_large("file is", None, max_size)
    text, encoding, bom = decode_bytes(data)
    return SourceFile(text, encoding, bom, None)  # no fingerprint: fixes are never written to a URL


def open_list(name: str, stdin) -> TextIO:
    """The ``--files-from`` list: a local file, a URL (fsspec), or ``-`` for standard input.

    Opened now, so a list that cannot be read stops the run before anything is checked; raises
    OSError (or ImportError for a URL without fsspec).
    """
    import io

    if name == "-":
        return io.TextIOWrapper(stdin.buffer, encoding="utf-8", errors="surrogateescape")
    if is_url(name):
        import fsspec

        return fsspec.open(name, "rt", encoding="utf-8", errors="surrogateescape").open()
    return open(name, encoding="utf-8", errors="surrogateescape")


def list_entries(stream: TextIO) -> Iterator[str]:
    """The paths and URLs of a list, one a line, read as needed (a list can be huge).

    Surrounding white space is dropped; blank lines and lines starting with ``#`` are skipped.
    """
    with stream:
        for line in stream:
            entry = line.strip()
            if entry and not entry.startswith("#"):
                yield entry
