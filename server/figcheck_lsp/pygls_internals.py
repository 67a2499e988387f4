"""Every use of a pygls internal, each in one small function that says why (pygls is pinned to
``>=2.1,<2.2`` in pyproject.toml for these; a pygls upgrade means re-reading this module and the
one private method ``app.FigcheckProtocol`` overrides, ``_execute_handler``).

Where pygls has a public way, the server uses it instead: the workspace is read through
``LanguageServer.workspace`` (which raises before ``initialize``), and a message pygls cannot
answer (an invalid envelope, an id pygls would reject) is written with pygls's public
``protocol.writer``.
"""

from __future__ import annotations

import asyncio
import inspect
import json
from typing import Any


def forget_notification_future(protocol, msg_id, callback) -> None:
    """Drop the future pygls 2.1 files for a notification run by a generator, coroutine or
    thread handler (didOpen/didChange/didClose here, didSave, initialized): it goes under a
    fresh uuid in ``_request_futures`` and is never removed, ~2 kB a keystroke for ever
    (docs/reliability.md: found by the memory soak). Nothing looks such a future up (a client
    cannot cancel a notification). ``callback`` is what pygls passed to ``_execute_handler``:
    only notifications get ``_check_handler_result``."""
    if callback == protocol._check_handler_result:
        protocol._request_futures.pop(msg_id, None)


def server_of(protocol) -> Any:
    """The server a protocol belongs to (pygls keeps it as ``_server``, with no public name)."""
    return protocol._server


def send_response(protocol, msg_id, error) -> None:
    """Answer request ``msg_id`` with ``error`` (a ResponseError) in pygls's own order of
    writes; pygls has no public call to answer a request it did not dispatch."""
    protocol._send_response(msg_id, None, error)


def send_notification_json(protocol, method: str, params_json: str) -> None:
    """Send notification ``method`` whose params are already JSON, framed as pygls frames what
    it sends (``_send_data``: with or without headers, as the writer was set; an awaitable
    write scheduled). pygls has no public call to send JSON it did not serialise itself."""
    if protocol.writer is None:
        return
    body = f'{{"method": {json.dumps(method)}, "params": {params_json}, "jsonrpc": "2.0"}}'.encode("utf-8")
    if protocol._include_headers:
        header = (f"Content-Length: {len(body)}\r\n"
                  f"Content-Type: {protocol.CONTENT_TYPE}; charset={protocol.CHARSET}\r\n\r\n")
        body = header.encode("ascii") + body
    written = protocol.writer.write(body)
    if inspect.isawaitable(written):
        asyncio.ensure_future(written)
