"""Reading LSP messages from a byte stream: ``Content-Length`` framing that cannot be wedged.

pygls 2.1 reads stdin with one fixed pattern (``^Content-Length: (\\d+)\\r\\n$``) and keeps any
length it once matched. A single malformed header (``Content-Length: -5``, ``+2``, extra
spaces, LF-only line ends, a missing length, a body longer than its length) left the server
running but deaf to every later message, and ``Content-Length: 9223372036854775808`` killed it
(issue #19). pygls offers no hook to replace its reader, so the server runs this loop instead
of ``pygls.io_.run_async`` (see :func:`figcheck_lsp.app.FigcheckServer.start_io`).

:class:`Framer` is sans-I/O: bytes in, :class:`Frame` events out, in time and memory linear in
the input. It accepts what a lenient reader should (any header order and case, spaces around
the value, LF line ends) and, after anything else, resynchronises on the next
``Content-Length``/``Content-Type`` header in the stream, discarding what came before it. A
body that is not JSON is answered with ``-32700`` by :func:`envelope_error`'s caller, as
JSON-RPC asks; a frame whose header is unusable has no body to answer and is logged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MAX_BODY = 256 * 1024 * 1024  # bytes; a larger length is refused rather than waited for
MAX_HEADER_LINE = 8192
# Where a header block can start; searched for anywhere while out of step.
_HEADER_START = re.compile(rb"content-(?:length|type)[ \t]*:", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)[ \t]*", re.DOTALL)
_LENGTH = re.compile(rb"[0-9]{1,12}")
_KEEP = 32  # bytes kept after a failed search: a header name cut between two reads


@dataclass(frozen=True, slots=True)
class Frame:
    """A message body (``body``), or a reason the bytes before it were dropped (``problem``)."""

    body: bytes | None = None
    problem: str | None = None


class Framer:
    """``feed(bytes)`` → the complete frames and problems found so far, in order."""

    def __init__(self, max_body: int = MAX_BODY) -> None:
        self.max_body = max_body
        self._buffer = bytearray()
        self._length: int | None = None  # header read: waiting for this many body bytes
        self._headers: dict[bytes, bytes] = {}
        self._in_header = False  # between a header start and its blank line
        self._skipped = 0  # bytes dropped while out of step, not yet reported

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer += data
        out: list[Frame] = []
        while self._step(out):
            pass
        return out

    # One state transition; False when more input is needed.
    def _step(self, out: list[Frame]) -> bool:
        if self._length is not None:
            if len(self._buffer) < self._length:
                return False
            body = bytes(self._buffer[: self._length])
            del self._buffer[: self._length]
            self._length = None
            out.append(Frame(body=body))
            return True
        if not self._in_header:
            return self._find_header(out)
        return self._header_line(out)

    def _find_header(self, out: list[Frame]) -> bool:
        match = _HEADER_START.search(self._buffer)
        if match is None:
            drop = max(0, len(self._buffer) - _KEEP)
            self._skip(drop)
            return False
        self._skip(match.start())
        if self._skipped:
            out.append(Frame(problem=f"{self._skipped} byte(s) outside any message skipped"))
            self._skipped = 0
        self._in_header, self._headers = True, {}
        return True

    def _skip(self, n: int) -> None:
        if n:
            stripped = bytes(self._buffer[:n]).strip()
            del self._buffer[:n]
            self._skipped += len(stripped)  # blank lines between messages are not junk

    def _header_line(self, out: list[Frame]) -> bool:
        end = self._buffer.find(b"\n")
        if end < 0:
            if len(self._buffer) > MAX_HEADER_LINE:
                return self._fail(out, "a header line longer than 8,192 bytes", len(self._buffer))
            return False
        line = bytes(self._buffer[:end]).rstrip(b"\r")
        if not line.strip():  # the blank line: the header block is complete
            del self._buffer[: end + 1]
            self._in_header = False
            return self._headers_done(out)
        match = _HEADER_LINE.fullmatch(line)
        if match is None or end > MAX_HEADER_LINE:
            return self._fail(out, f"malformed header line {_show(line)}", end + 1)
        name, value = match.group(1).lower(), match.group(2)
        if name == b"content-length":
            if _LENGTH.fullmatch(value) is None:
                return self._fail(out, f"invalid Content-Length {_show(value)}", end + 1)
            if int(value) > self.max_body:
                return self._fail(out, f"Content-Length {int(value):,} is over the limit "
                                       f"({self.max_body:,} bytes)", end + 1)
        self._headers[name] = value
        del self._buffer[: end + 1]
        return True

    def _headers_done(self, out: list[Frame]) -> bool:
        value = self._headers.get(b"content-length")
        if value is None:
            out.append(Frame(problem="a header without Content-Length; message skipped"))
            return True
        self._length = int(value)
        return True

    def _fail(self, out: list[Frame], problem: str, consumed: int) -> bool:
        """Drop the offending line and look for the next header (its body is skipped as junk)."""
        del self._buffer[:consumed]
        self._in_header = False
        out.append(Frame(problem=problem))
        return True


def _show(raw: bytes) -> str:
    text = raw[:40].decode("ascii", "backslashreplace")
    return repr(text + ("…" if len(raw) > 40 else ""))


# --- message envelopes ---------------------------------------------------------------------------
PARSE_ERROR, INVALID_REQUEST, SERVER_NOT_INITIALIZED = -32700, -32600, -32002


def decode(body: bytes):
    """The JSON value of a body, or raise ValueError (also for nesting too deep to parse)."""
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason})") from None


def envelope_error(message) -> tuple[int, str] | None:
    """(code, text) when ``message`` is not a JSON-RPC 2.0 request, notification or response."""
    if not isinstance(message, dict):
        return INVALID_REQUEST, f"a message must be a JSON object, not {type(message).__name__}"
    if message.get("jsonrpc") != "2.0":
        return INVALID_REQUEST, 'a message must have "jsonrpc": "2.0"'
    if "id" in message and not valid_id(message["id"]):
        return INVALID_REQUEST, "a message id must be a string, a number or null"
    if "method" in message and not isinstance(message["method"], str):
        return INVALID_REQUEST, "a method must be a string"
    if "method" not in message and "id" not in message:
        return INVALID_REQUEST, "neither a request, a notification nor a response"
    return None


def valid_id(value) -> bool:
    """Whether ``value`` may be a JSON-RPC id (a string, a number or null)."""
    return value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))


def error_response(msg_id, code: int, text: str) -> dict:
    return {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": text}}


def frame(message: dict) -> bytes:
    """``message`` as the bytes of one LSP message: its ``Content-Length`` header and JSON body."""
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
