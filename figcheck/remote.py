"""Files named by URL, read through fsspec, and lists of files (``--files-from``).

A URL (``s3://bucket/a.md``, ``file:///srv/archive/a.md``, ``https://…``) is read with fsspec,
which is optional (the ``dask`` extra, ``INSTALL_HINT``): a cluster's workers read the files from
shared storage, not from the machine that started the run. Only this module imports fsspec,
and only when a URL is read.

A list of files can come from anyone, so a URL in it makes no request anywhere unasked (issue
#19): local paths and ``file://`` are read by default, every other scheme only when the user
names it (``--allow-url-scheme``). A ``file://`` URL is read as a local path (a FIFO is refused,
not waited on); any other read has a time limit, and a remote error is reported by its kind
only, never with the text the remote sent.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from .io import FileError, SourceFile, decode_bytes, file_error, read_source, too_large

T = TypeVar("T")

# Two letters at least (C:/ is a path); ``simplecache::s3://…`` chains count too.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+(?:://|::)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)(?:://|::)")
# figcheck is not on PyPI yet: the command that works today first, the published form after.
INSTALL_HINT = ("in figcheck's checkout: pip install -e '.[dask]' (or, into any environment with figcheck: "
                "pip install 'dask[distributed]' fsspec); once figcheck is on PyPI: pip install 'figcheck[dask]'")
DEFAULT_SCHEMES = frozenset({"file", "local"})
URL_TIMEOUT = 30.0  # seconds for one remote file, from connecting to the last byte


def is_url(path: str) -> bool:
    return _URL.match(path) is not None


def schemes(url: str) -> list[str]:
    """Every protocol a URL uses, chains included (``simplecache::s3://b/k`` → both)."""
    return [m.group(1).lower() for part in url.split("::") if (m := _SCHEME.match(part + "::"))]


def url_refusal(url: str, allowed: Iterable[str] = ()) -> str | None:
    """Why ``url`` may not be read (None when it may): its schemes must all be allowed."""
    allowed = DEFAULT_SCHEMES | {s.lower() for s in allowed}
    refused = [s for s in schemes(url) if s not in allowed]
    if not refused:
        return None
    names = ", ".join(dict.fromkeys(refused))
    return (f"URL scheme {names} not allowed: figcheck reads local files and file:// URLs unless "
            f"told otherwise (--allow-url-scheme {','.join(dict.fromkeys(refused))})")


def read_url(url: str, max_size: int, timeout: float = URL_TIMEOUT) -> SourceFile:
    """Read and decode the file at ``url``; raises :class:`FileError` on any failure."""
    try:
        import fsspec
    except ImportError:
        raise FileError("unsupported", f"reading URLs needs fsspec ({INSTALL_HINT})") from None
    # One deadline for the whole read: some filesystems connect when they are made (FTP does,
    # with its own 30 s limit), so making one is inside it too.
    deadline = time.monotonic() + timeout
    fs, path = _with_deadline(lambda: _filesystem(fsspec, url), timeout)
    if type(fs).__name__ == "LocalFileSystem":  # the local reader refuses FIFOs and devices
        source = read_source(path, max_size)
        return SourceFile(source.text, source.encoding, source.bom, None)  # never written back
    data = _with_deadline(lambda: _read_remote(fs, path, max_size), max(0.0, deadline - time.monotonic()))
    if len(data) > max_size:
        raise too_large("file is", None, max_size)
    text, encoding, bom = decode_bytes(data)
    return SourceFile(text, encoding, bom, None)  # no fingerprint: fixes are never written to a URL


def _filesystem(fsspec, url: str):
    """fsspec's filesystem for ``url`` and the path in it."""
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its package missing
        raise FileError("unsupported", f"cannot read this URL: {type(exc).__name__}") from None


def _read_remote(fs, path: str, max_size: int) -> bytes:
    with fs.open(path, "rb") as handle:
        size = getattr(handle, "size", None)
        if isinstance(size, int) and size > max_size:
            raise too_large("file is", size, max_size)
        return handle.read(max_size + 1)


def _with_deadline(read: Callable[[], T], timeout: float) -> T:
    """``read()`` on a daemon thread, given up after ``timeout`` seconds (a silent server); its
    errors as :class:`FileError` (a chained URL can fail as its filesystem is made)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["data"] = read()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="figcheck-url", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise FileError("timeout", f"no answer within {timeout:g} s; not checked")
    if "error" in outcome:
        raise _read_error(outcome["error"]) from None
    return outcome["data"]


def _read_error(exc: BaseException) -> FileError:
    """A per-file error naming the kind of failure only: a remote's own text is not echoed."""
    if isinstance(exc, FileError):
        return exc
    if isinstance(exc, TimeoutError):
        return FileError("timeout", "timed out; not checked")
    if isinstance(exc, OSError):  # the local system's words (strerror), never the remote's
        return file_error(exc)
    return FileError("io", f"cannot read: {type(exc).__name__}")


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
