"""The language server under hostile or careless clients (issue #8), driven over stdio by a raw
JSON-RPC client (tests/lsp/raw.py) so that malformed messages can be sent as bytes. After each
abuse the server must still answer, and answer correctly."""

from __future__ import annotations


import pytest

from tests.lsp.raw import RawServer

URI = "file:///tmp/figcheck-robust/a.txt"
MISMATCH = "The embankment runs for 12 kilometres (15 miles).\n"
HOVER = {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 25}}


@pytest.fixture
def server():
    srv = RawServer()
    srv.initialize()
    srv.open(URI, MISMATCH)
    assert len(srv.diagnostics(URI, 1)["diagnostics"]) == 1
    yield srv
    if srv.proc.poll() is None:
        assert srv.close() == 0


def _alive(srv: RawServer) -> None:
    hover = srv.call("textDocument/hover", HOVER)
    assert "12 kilometres" in hover["result"]["contents"]["value"]


def test_malformed_messages_get_errors_and_the_server_goes_on(server: RawServer):
    server.send(b"{not json at all")
    server.send(b"[1, 2, 3]")
    server.send(b'"a string"')
    server.send(b'{"jsonrpc": "2.0", "id": 901, "method": "textDocument/hover", "params": {"textDocument": 5}}')
    assert server.response(901)["error"]["code"] == -32602  # invalid params
    server.send(b'{"jsonrpc": "2.0", "id": 902, "method": "textDocument/hover", "params": [1, "x"]}')
    assert server.response(902)["error"]["code"] == -32602
    assert server.call("figcheck/no-such-method", {})["error"]["code"] == -32601
    server.send(b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
                b'{"uri": "' + URI.encode() + b'", "version": 2}, "contentChanges": [{"range": '
                b'{"start": {"line": "a"}}, "text": 5}]}}')
    server.send(b'{"jsonrpc": "2.0", "id": 903, "method": "textDocument/hover", "params": '
                + b"[" * 100_000 + b"]" * 100_000 + b"}")  # the JSON parser's recursion limit
    _alive(server)
    # Framing: a Content-Length too short, one that is not a number, a header-less blob.
    server.send_bytes(b'Content-Length: 5\r\n\r\n{"a": 1234567}')
    server.send_bytes(b"Content-Length: many\r\n\r\n{}")
    server.send_bytes(b"Garbage-Header\r\n\r\n")
    _alive(server)
    server.change(URI, 3, [{"text": MISMATCH + MISMATCH}])
    assert len(server.diagnostics(URI, 3)["diagnostics"]) == 2


def test_out_of_range_edits_are_clamped(server: RawServer):
    far = {"line": 10_000, "character": 10**9}
    server.change(URI, 2, [{"range": {"start": far, "end": far}, "text": MISMATCH}])
    assert len(server.diagnostics(URI, 2)["diagnostics"]) == 2  # appended at the end
    server.change(URI, 3, [{"range": {"start": {"line": 0, "character": 10**6},
                                      "end": {"line": 0, "character": 10**7}}, "text": ""}])
    assert len(server.diagnostics(URI, 3)["diagnostics"]) == 2
    backwards = {"start": {"line": 1, "character": 0}, "end": {"line": 0, "character": 0}}
    server.change(URI, 4, [{"range": backwards, "text": "x"}])
    server.diagnostics(URI, 4)
    warning = server.wait_for(lambda m: m.get("method") == "window/logMessage"
                              and "outside the document; clamped" in m["params"]["message"])
    assert "10000:1000000000" in warning["params"]["message"]
    _alive(server)


def test_unknown_documents(server: RawServer):
    other = {"uri": "file:///tmp/figcheck-robust/never-opened.txt"}
    position = {"line": 0, "character": 0}
    everything = {"start": position, "end": {"line": 5, "character": 0}}
    assert server.call("textDocument/hover", {"textDocument": other, "position": position})["result"] is None
    assert server.call("textDocument/codeAction", {"textDocument": other, "range": everything,
                                                    "context": {"diagnostics": []}})["result"] is None
    pulled = server.call("textDocument/diagnostic", {"textDocument": other})
    assert pulled["result"]["items"] == []
    assert server.call("textDocument/inlayHint", {"textDocument": other, "range": everything})["result"] is None
    server.change(other["uri"], 2, [{"text": MISMATCH}])
    server.notify("textDocument/didClose", {"textDocument": other})
    server.notify("textDocument/didSave", {"textDocument": other})
    _alive(server)


def test_a_10_mb_change_then_an_oversized_one(server: RawServer):
    paragraph = ("The river runs past old mills and new houses while people walk along its "
                 "banks in spring. " * 10 + "\n\n")
    big = (paragraph * 9 + MISMATCH + "\n") * (9_900_000 // (len(paragraph) * 9 + 52))
    server.change(URI, 2, [{"text": big}])
    found = server.diagnostics(URI, 2, timeout=180)["diagnostics"]  # a hang guard, not a speed test
    assert len(found) == big.count(MISMATCH)
    server.change(URI, 3, [{"text": big + big[:200_000]}])  # over max-file-size (10,000,000)
    too_large = server.diagnostics(URI, 3, timeout=30)["diagnostics"]
    assert [d["code"] for d in too_large] == ["too-large"]
    server.change(URI, 4, [{"text": MISMATCH}])
    assert len(server.diagnostics(URI, 4)["diagnostics"]) == 1
    _alive(server)


def test_a_burst_of_1000_edits_ends_in_the_right_text(server: RawServer):
    # Type "Later it is 5 km (9 miles) long." one character at a time at the end, then undo it
    # with one deletion and type it again: only the last version's diagnostics matter.
    line = "Later it is 5 km (9 miles) long. "
    version = 1
    for round_ in range(15):
        for i, ch in enumerate(line * 2):
            version += 1
            at = {"line": 1, "character": i}
            server.change(URI, version, [{"range": {"start": at, "end": at}, "text": ch}])
        if round_ < 14:
            version += 1
            server.change(URI, version, [{"range": {"start": {"line": 1, "character": 0},
                                                    "end": {"line": 1, "character": 2 * len(line)}},
                                          "text": ""}])
    assert version > 1000
    final = server.diagnostics(URI, version, timeout=30)["diagnostics"]
    assert sorted(d["range"]["start"]["line"] for d in final) == [0, 1, 1]


def test_cancelled_requests_are_answered_and_the_server_goes_on(server: RawServer):
    paragraph = "The embankment runs for 12 kilometres (15 miles) and cost $2.5bn. " * 20 + "\n\n"
    server.change(URI, 2, [{"text": paragraph * 300}])  # ~0.4 MB: a second or two of work
    ids = [server.request("textDocument/hover", HOVER) for _ in range(5)]
    ids.append(server.request("textDocument/codeAction", {
        "textDocument": {"uri": URI}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 10}}}))
    for msg_id in ids:
        server.notify("$/cancelRequest", {"id": msg_id})
    server.notify("$/cancelRequest", {"id": 123456})  # nothing by that id
    server.notify("$/cancelRequest", {"id": None})
    for msg_id in ids:
        answer = server.response(msg_id, timeout=60)
        assert "result" in answer or answer["error"]["code"] == -32800  # RequestCancelled
    server.change(URI, 3, [{"text": MISMATCH}])
    assert len(server.diagnostics(URI, 3)["diagnostics"]) == 1
    _alive(server)


def test_memory_stays_flat_over_3000_edits(server: RawServer):
    """~3 s. pygls kept every notification's future (~2 kB a keystroke: +6 MB here, for ever);
    the soak (benchmarks/robust_server_soak.py) does 10,000 edits and records the curve."""
    text = MISMATCH * 200
    server.change(URI, 2, [{"text": text}])
    server.diagnostics(URI, 2)
    version = 2

    def edits(n: int) -> None:
        nonlocal version
        for i in range(n):
            version += 1
            at = {"line": i % 200, "character": 4}
            server.change(URI, version, [{"range": {"start": at, "end": {"line": i % 200, "character": 5}},
                                          "text": "abc"[i % 3]}])
        server.diagnostics(URI, version, timeout=60)

    edits(1000)  # warm-up: caches, allocator arenas
    before = server.rss_kb()
    edits(3000)
    growth = server.rss_kb() - before
    assert growth < 3_000, f"RSS grew by {growth} kB over 3,000 edits"
