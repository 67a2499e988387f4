"""Reading files as figcheck sees them: bytes → text, with every failure a clear per-file error.

Newlines are never translated, so offsets index the text exactly as it is on disk, and a file
written back after fixes keeps its line endings, encoding and byte-order mark.
"""

from __future__ import annotations

import codecs
import errno
import os
from dataclasses import dataclass, field
from stat import S_ISDIR, S_ISREG

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_FIRST_BYTES = frozenset(bom[0] for bom, _ in _BOMS)


class FileError(Exception):
    """A file that cannot be checked; ``kind`` is a stable word for tools, ``message`` is for people."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def as_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file was when we read it, to refuse writing over someone else's change."""

    size: int
    mtime_ns: int
    data: bytes = field(repr=False)  # compared with the file again before it is written over


@dataclass(frozen=True, slots=True)
class SourceFile:
    text: str
    encoding: str  # a Python codec name
    bom: bytes  # written back in front of the text, b"" for none
    fingerprint: Fingerprint | None  # None for standard input

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def read_source(path: str, max_size: int) -> SourceFile:
    """Read and decode ``path``; raises :class:`FileError` on any failure."""
    data, stat = _read_bytes(path, max_size)
    text, encoding, bom = decode_bytes(data)
    return SourceFile(text, encoding, bom, Fingerprint(stat.st_size, stat.st_mtime_ns, data))


def source_from_bytes(data: bytes, max_size: int) -> SourceFile:
    """Standard input (read by the caller, at most ``max_size + 1`` bytes)."""
    if len(data) > max_size:
        raise too_large("standard input is", None, max_size)
    text, encoding, bom = decode_bytes(data)
    return SourceFile(text, encoding, bom, None)


# Non-blocking, so that opening a FIFO cannot wait forever for a writer (docs/reliability.md); it makes no
# difference to reading a regular file, and anything else is refused before it is read.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _read_bytes(path: str, max_size: int) -> tuple[bytes, os.stat_result]:
    # The descriptor is read with os.read: a file object over it would cost three more system
    # calls (a second fstat, isatty, lseek) and two objects a file (issue #15).
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise file_error(exc) from None
    except ValueError:  # os.open refuses a path with a NUL byte
        raise FileError("invalid-path", "the path contains a NUL byte") from None
    try:
        stat = os.fstat(fd)
        if S_ISDIR(stat.st_mode):
            raise FileError("is-directory", "is a directory")
        if not S_ISREG(stat.st_mode):
            raise FileError("not-a-file", "not a regular file (a FIFO, socket or device); not checked")
        if stat.st_size > max_size:
            raise too_large("file is", stat.st_size, max_size)
        data = _read_up_to(fd, stat.st_size, max_size + 1)
    except OSError as exc:
        raise file_error(exc) from None
    finally:
        os.close(fd)
    if len(data) > max_size:
        raise too_large("file is", None, max_size)
    return data, stat


_READ_CHUNK = 65_536  # after the size looked at: what a file that grew (or /proc's) is read by


def _read_up_to(fd: int, size: int, limit: int) -> bytes:
    """At most ``limit`` bytes of a file ``size`` bytes long when it was looked at, to its end.

    A read of ``limit`` bytes at once would allocate a buffer of ``limit`` (10 MB by default)
    for every file, more than reading a short file costs (issue #15): ask for the size known,
    plus one byte that tells whether the file grew while we read, and then for the rest, a
    chunk at a time, until the end (a read that returns nothing) or ``limit``.
    """
    chunks: list[bytes] = []
    total, want = 0, min(size + 1, limit)
    while want > 0 and (chunk := os.read(fd, want)):
        chunks.append(chunk)
        total += len(chunk)
        want = min(limit - total, max(total, _READ_CHUNK))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def too_large(what: str, size: int | None, max_size: int) -> FileError:
    """The ``too-large`` error, saying how to raise the limit."""
    amount = f" {size:,} bytes," if size is not None else ""
    return FileError(
        "too-large",
        f"{what}{amount} over max-file-size ({max_size:,} bytes); to check it, raise the limit: "
        f"max-file-size = {_suggested_limit(size, max_size)} in [tool.figcheck] (pyproject.toml) or "
        "figcheck.toml, or --config 'max-file-size = N' for one run",
    )


def _suggested_limit(size: int | None, max_size: int) -> int:
    # A round number above the file's size (or twice the limit when the size is not known).
    target = size if size is not None else 2 * max_size
    step = 10 ** max(0, len(str(target)) - 1)
    return min(2**31, (target // step + 1) * step)


def file_error(exc: OSError) -> FileError:
    """The per-file error a reader reports for an operating-system error."""
    if isinstance(exc, FileNotFoundError):
        return FileError("not-found", "no such file")
    if isinstance(exc, IsADirectoryError):
        return FileError("is-directory", "is a directory")
    if isinstance(exc, PermissionError):
        return FileError("permission", "permission denied")
    if exc.errno == errno.ENAMETOOLONG:
        return FileError("invalid-path", "the path (or a part of it) is too long")
    return FileError("io", exc.strerror or type(exc).__name__)


def decode_bytes(data: bytes) -> tuple[str, str, bytes]:
    """(text, codec, bom): UTF-8 by default, UTF-16/32 only with a byte-order mark."""
    if data and data[0] in _BOM_FIRST_BYTES:  # most files: no mark to look for
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                return _decode(data[len(bom) :], encoding, len(bom)), encoding, bom
    if b"\x00" in data:
        raise FileError("binary", "binary file (contains NUL bytes); not checked")
    return _decode(data, "utf-8", 0), "utf-8", b""


def _decode(data: bytes, encoding: str, skipped: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end].hex(" ")
        name = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise FileError(
            "decode",
            f"invalid {name} at byte offset {offset} (line {line}): byte(s) {bad}; "
            "figcheck reads UTF-8, or UTF-16/UTF-32 with a byte-order mark",
        ) from None


def newline_style(text: str) -> str:
    """The file's line ending: the first one found, LF when there is none."""
    lf, cr = text.find("\n"), text.find("\r")
    if cr < 0:
        return "\n"
    if lf == cr + 1:
        return "\r\n"
    if lf < 0 or cr < lf:
        return "\r"
    return "\n"
