"""The playground's transport: static files over HTTP and LSP over a WebSocket, on one port.

``websockets`` serves both: its ``process_request`` hook answers plain HTTP GETs with the
page's files, and a request for ``/lsp`` becomes a WebSocket carrying one JSON-RPC message a
text frame (no ``Content-Length`` headers, as pygls's own WebSocket transport does).

Each connection gets a fresh :class:`FigcheckServer` whose handlers are the very functions
registered on ``figcheck server``'s (``figcheck_lsp.app``), re-registered on the new instance: pygls's
``start_ws`` serves one client with one server object, and a browser playground has many
tabs. A session's server is dropped when its socket closes, so memory returns to where it was.

A browser's document is never tied to a file on this machine: sessions read no configuration
files, and the only file served besides the page is the example article.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import mimetypes
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

log = logging.getLogger("figcheck.playground")

STATIC = Path(__file__).with_name("static")
EXAMPLE_NAME = "example.txt"
# The seed article: packaged as static/example.txt in a wheel (pyproject's force-include); in a
# checkout (an editable install), read from seeds/.
SEED = Path(__file__).resolve().parents[2] / "seeds" / "kharkiv-counteroffensive-2022.txt"
LSP_PATH = "/lsp"
REPORT_METHOD = "figcheck/report"
REPORT_FORMATS = {"json": ("application/json", ".json"), "markdown": ("text/markdown", ".md")}
MAX_MESSAGE_BYTES = 16 * 2**20  # one didOpen of a large document; the engine caps what it checks
MAX_SESSIONS = 64
PARSE_ERROR = -32700
INVALID_REQUEST = -32600


def _lsp():
    """The language server module: the playground's one import of it."""
    from ..faces import load_server_part

    return load_server_part("app")


# --------------------------------------------------------------------------- sessions


def new_language_server():
    """A language server for one browser tab: ``figcheck server``'s handlers on a new instance."""
    app = _lsp()
    ls = app.FigcheckServer()
    ls.documents = _browser_documents()()
    features, options = app.server.protocol.fm.features, app.server.protocol.fm.feature_options
    for method, handler in features.items():
        # pygls bound each handler to the module's server (functools.partial, or a wrapper
        # with ``func``); register the original function on this instance instead.
        ls.feature(method, options.get(method))(getattr(handler, "func", handler))
    ls.feature(REPORT_METHOD)(report)
    return ls


@functools.cache
def _browser_documents():
    """The server's document store, except that a document has no path on this machine (so no
    configuration file near some path a browser named is read)."""

    class BrowserDocuments(_lsp().DocumentStore):
        def open(self, item):
            doc = super().open(item)
            doc.path = None
            return doc

    return BrowserDocuments


async def report(ls, params) -> dict:
    """``figcheck/report``: the document's diagnostics as ``figcheck check`` reports them.

    Params ``{"textDocument": {"uri"}, "format": "json" | "markdown", "path"?: str}``; result
    ``{"content", "mimeType", "filename"}``. The report comes from the engine's reporters, over
    the same analysis the page shows (so the JSON is the output contract, written by the same
    writer as ``figcheck check --format json``).
    """
    from pygls.exceptions import JsonRpcInvalidParams

    from figcheck.report import render
    from figcheck.results import file_result

    # pygls hands a custom method's params over as nested namedtuples.
    uri = getattr(getattr(params, "textDocument", None), "uri", None)
    fmt = getattr(params, "format", None) or "json"
    if fmt not in REPORT_FORMATS:
        raise JsonRpcInvalidParams(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
    path = str(getattr(params, "path", None) or "playground.txt")
    analysis = await ls.analysis(uri) if isinstance(uri, str) else None
    if analysis is None:
        raise JsonRpcInvalidParams(f"document not open: {uri}")
    content = render(file_result(path, analysis.text, analysis.diagnostics), fmt)
    mime, suffix = REPORT_FORMATS[fmt]
    return {"content": content, "mimeType": mime, "filename": f"{Path(path).stem or 'figcheck'}-report{suffix}"}


class _Writer:
    """pygls's writer interface on a WebSocket; a message to a closed socket is dropped."""

    def __init__(self, ws: ServerConnection) -> None:
        self._ws = ws

    def close(self) -> None:  # not awaitable, so pygls's `exit` handler does not call sys.exit
        asyncio.ensure_future(self._ws.close())

    def write(self, data: bytes):
        return self._send(data.decode("utf-8"))

    async def _send(self, text: str) -> None:
        try:
            await self._ws.send(text)
        except ConnectionClosed:
            pass


class Playground:
    """The HTTP + WebSocket server. ``start()`` binds and returns the port; ``sessions`` holds
    weak references to the live sessions' language servers (for tests and the status line)."""

    def __init__(self, host: str, port: int, static: Path = STATIC,
                 max_sessions: int = MAX_SESSIONS) -> None:
        self.host, self.port = host, port
        self.static = static
        self.max_sessions = max_sessions
        self.sessions: weakref.WeakSet = weakref.WeakSet()
        self._open = 0
        self._server = None
        self._warm: asyncio.Future | None = None

    async def start(self) -> int:
        self._server = await serve(self._session, self.host, self.port, process_request=self._http,
                                   max_size=MAX_MESSAGE_BYTES, ping_interval=30)
        self.port = self._server.sockets[0].getsockname()[1]
        # The server and the engine take a second or two to import: do it now, off the event
        # loop, so the page is served at once and the first check does not wait for it.
        self._warm = asyncio.get_running_loop().run_in_executor(None, warm_up)
        return self.port

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    # --- HTTP ------------------------------------------------------------------------
    def _http(self, connection: ServerConnection, request: Request) -> Response | None:
        path = request.path.split("?", 1)[0]
        if path == LSP_PATH:
            return self._check_origin(request)
        if path == "/":
            path = "/index.html"
        file = self._file(path.lstrip("/"))
        if file is None:
            return _response(404, "Not Found", b"not found\n", "text/plain; charset=utf-8")
        try:
            body = file.read_bytes()
        except OSError as exc:
            return _response(500, "Internal Server Error", f"{exc}\n".encode(), "text/plain; charset=utf-8")
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "text/javascript"):
            kind += "; charset=utf-8"
        return _response(200, "OK", body, kind)

    def _file(self, name: str) -> Path | None:
        """The file served for ``name``: one of the page's files, never a path outside them."""
        if name == EXAMPLE_NAME:
            packaged = self.static / EXAMPLE_NAME
            return packaged if packaged.is_file() else (SEED if SEED.is_file() else None)
        if "/" in name or "\\" in name or name.startswith("."):
            return None
        file = self.static / name
        return file if file.is_file() else None

    @staticmethod
    def _check_origin(request: Request) -> Response | None:
        """Refuse a WebSocket opened by a page of another site (cross-site WebSocket hijacking):
        a browser's Origin must name the host the request was sent to."""
        origin, host = request.headers.get("Origin"), request.headers.get("Host")
        if origin is None:  # not a browser
            return None
        if origin.split("://", 1)[-1].rstrip("/") == host:
            return None
        return _response(403, "Forbidden", b"cross-origin WebSocket refused\n", "text/plain; charset=utf-8")

    # --- WebSocket: one language server session a connection ------------------------------
    async def _session(self, ws: ServerConnection) -> None:
        if self._open >= self.max_sessions:
            await ws.close(1013, "too many sessions; try again later")
            return
        self._open += 1
        ls = None
        try:
            if self._warm is not None:
                await self._warm
            ls = new_language_server()
            self.sessions.add(ls)
            ls.protocol.set_writer(_Writer(ws), include_headers=False)
            async for data in ws:
                if not self._receive(ls, ws, data):
                    break
        except ConnectionClosed:
            pass
        finally:
            self._open -= 1
            if ls is not None:
                end_session(ls)

    def _receive(self, ls, ws: ServerConnection, data: str | bytes) -> bool:
        """Hand one message to the session's protocol; False when the session is over."""
        protocol = ls.protocol
        try:
            message = json.loads(data, object_hook=protocol.structure_message)
        except Exception as exc:  # not JSON, or not a JSON-RPC message pygls can read
            _send_error(ws, None, PARSE_ERROR, f"cannot read the message: {exc}")
            return True
        if not hasattr(message, "jsonrpc"):
            _send_error(ws, None, INVALID_REQUEST, "not a JSON-RPC 2.0 message")
            return True
        if getattr(message, "method", None) == "exit":
            asyncio.ensure_future(ws.close())
            return False
        try:
            protocol.handle_message(message)
        except Exception:  # a bug: log it, keep the session and the others going
            log.exception("handling a message failed")
        return True


def end_session(ls) -> None:
    """Stop a session's pending checks and its worker thread, and let it be collected."""
    for doc in list(ls.documents):
        ls.forget(doc.uri)
    try:
        ls.shutdown()
    except Exception:
        log.exception("closing a session failed")
    ls.protocol.set_writer(_Closed(), include_headers=False)
    # pygls memoizes get_message_type/get_result_type with a class-level lru_cache whose keys
    # hold the protocol (so its server) until 128 newer entries push them out: forget them.
    for name in ("get_message_type", "get_result_type"):
        if hasattr(cached := getattr(type(ls.protocol), name, None), "cache_clear"):
            cached.cache_clear()


class _Closed:
    def close(self) -> None:
        pass

    def write(self, data: bytes) -> None:
        pass


def _send_error(ws: ServerConnection, msg_id, code: int, message: str) -> None:
    error = {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}}
    asyncio.ensure_future(_Writer(ws)._send(json.dumps(error)))


def _response(status: int, reason: str, body: bytes, kind: str) -> Response:
    headers = Headers([
        ("Content-Type", kind),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-cache"),
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy",
         "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
         "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    ])
    return Response(status, reason, headers, body)


def warm_up() -> None:
    """Import the language server and build the unit registry (what the first check needs)."""
    _lsp()
    from figcheck import engine, units  # noqa: F401

    units.registry()
    engine.check_text("It is 12 kilometres (7.5 miles) long.")


def _not_client_errors(record: logging.LogRecord) -> bool:
    """pygls logs a traceback for every message it could not read and every request a handler
    refused; a browser's bad message (already answered with an error) is not the playground's
    error, and a hostile tab must not be able to flood the terminal."""
    from pygls.exceptions import JsonRpcInvalidParams

    if record.exc_info and isinstance(record.exc_info[1], JsonRpcInvalidParams):
        return False
    return not str(record.msg).startswith("Unable to deserialize message")


def url_of(host: str, port: int) -> str:
    shown = host if host not in ("0.0.0.0", "::", "") else "127.0.0.1"
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def main(host: str, port: int, open_browser: bool = False,
         on_ready: Callable[[str], None] | None = None) -> int:
    """Serve until interrupted; 2 when the address cannot be bound."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="figcheck-playground %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_not_client_errors)

    async def run() -> int:
        playground = Playground(host, port)
        try:
            bound = await playground.start()
        except OSError as exc:
            sys.stderr.write(f"figcheck: error: cannot listen on {host}:{port}: {exc.strerror or exc}"
                             f" (choose another --port, or --port 0 for any free one)\n")
            return 2
        url = url_of(host, bound)
        sys.stdout.write(f"figcheck playground: serving {url} (Ctrl-C to stop)\n")
        sys.stdout.flush()
        if open_browser:
            threading.Thread(target=_open, args=(url,), daemon=True).start()
        if on_ready is not None:
            on_ready(url)
        try:
            await asyncio.Event().wait()
        finally:
            await playground.close()
        return 0

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        sys.stderr.write("figcheck playground: stopped\n")
        return 0


def _open(url: str) -> None:
    import webbrowser

    webbrowser.open(url)
