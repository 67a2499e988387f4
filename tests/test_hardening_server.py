"""Issue #19, the language server: framing that cannot be wedged, JSON-RPC and LSP errors as the
specifications say, code actions that cost one line table, and work on a closed or superseded
document that stops. The real server runs over stdio through tests/lsp/raw.py."""

from __future__ import annotations


import time

import pytest

from fuzz import fuzz_lsp_framing as fuzz
from figcheck_lsp.framing import MAX_BODY, Framer
from tests.lsp.raw import RawServer
from tests.test_robust_server import HOVER, MISMATCH, URI, _alive, server  # noqa: F401 (fixture)
VALID = b'{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover"}'

# Each alone, then a valid message: (what is sent, whether its own body is read as a message).
MALFORMED = {
    "negative length": b"Content-Length: -5\r\n\r\n{}",
    "signed length": b"Content-Length: +2\r\n\r\n{}",
    "huge length": b"Content-Length: 9223372036854775808\r\n\r\n{}",
    "length over the limit": b"Content-Length: %d\r\n\r\n{}" % (MAX_BODY + 1),
    "not a number": b"Content-Length: many\r\n\r\n{}",
    "missing length": b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}",
    "garbage line": b"Garbage-Header\r\n\r\n",
    "garbage bytes": b"\x00\xff junk \r\n",
    "body longer than its length": b'Content-Length: 2\r\n\r\n{}{"extra": "bytes"}',
    "header line without end": b"Content-Type: " + b"x" * 10_000,
}
LENIENT = {  # accepted as they are: their body is a message
    "extra spaces": b"Content-Length:    17   \r\n\r\n",
    "LF-only line ends": b"Content-Length: 17\n\n",
    "lower case, type first": b"content-type: x\r\ncontent-length: 17\r\n\r\n",
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_the_framer_resynchronises_after_each_malformed_header(case: str):
    stream = MALFORMED[case] + b"\r\n" + b"Content-Length: %d\r\n\r\n" % len(VALID) + VALID
    for pieces in (1, len(stream)):  # all at once, and one byte at a time
        framer, frames = Framer(), []
        size = -(-len(stream) // pieces)
        for i in range(0, len(stream), size):
            frames += framer.feed(stream[i : i + size])
        bodies = [f.body for f in frames if f.body is not None]
        assert bodies[-1] == VALID, (case, frames)
        assert any(f.problem for f in frames) or case == "body longer than its length"


@pytest.mark.parametrize("case", sorted(LENIENT))
def test_the_framer_accepts_lenient_headers(case: str):
    body = b'{"jsonrpc":"2.0"}'
    assert [f.body for f in Framer().feed(LENIENT[case] + body)] == [body]


def test_framer_fuzz_short_run():
    """The fuzz target's framer property with fixed seeds (the long runs are fuzz/)."""
    assert fuzz.check_framer(1500, seed=19) == 1500


def test_framer_work_is_linear_in_the_input():
    """Count the bytes the framer's searches look at: junk without any header is scanned once."""
    from figcheck_lsp import framing

    seen = []
    real = framing._HEADER_START

    class Counting:
        def search(self, buffer, *args):
            seen.append(len(buffer))
            return real.search(buffer, *args)

    framing._HEADER_START = Counting()
    try:
        for n in (10_000, 20_000):
            seen.clear()
            framer = Framer()
            for i in range(0, n, 100):  # junk arriving in small reads
                framer.feed(b"x" * 100)
            assert sum(seen) <= 2 * n  # each byte looked at about once (plus a small overlap)
    finally:
        framing._HEADER_START = real


# --- the real server (the fixture and probe of tests/test_robust_server.py) -------------------

def test_each_malformed_header_alone_leaves_the_server_listening(server: RawServer):
    for case in sorted(MALFORMED):
        server.send_bytes(MALFORMED[case] + b"\r\n")
        _alive(server)
    assert server.proc.poll() is None


def test_json_rpc_errors_as_the_specification_says(server: RawServer):
    server.send(b"{not json")
    parse = server.wait_for(lambda m: m.get("error", {}).get("code") == -32700)
    assert parse["id"] is None
    server.send(b"[" * 100_000 + b"]" * 100_000)  # too deep to parse: a parse error too
    assert server.wait_for(lambda m: m.get("error", {}).get("code") == -32700)["id"] is None
    for bad_id in ({"a": 1}, [1], True):
        server.send({"jsonrpc": "2.0", "id": bad_id, "method": "textDocument/hover", "params": HOVER})
        answer = server.wait_for(lambda m: m.get("error", {}).get("code") == -32600)
        assert answer["id"] is None and "id" in answer["error"]["message"]
    server.send(b"[1, 2]")
    assert server.wait_for(lambda m: m.get("error", {}).get("code") == -32600)["id"] is None
    _alive(server)


def test_malformed_diagnostic_data_in_a_code_action_is_not_an_internal_error(server: RawServer):
    where = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 10}}
    for data in (5, [], {"fix": 5}, {"fix": {"edits": "x"}}, {"fix": {"message": "m", "edits": [{"range": 1}]}}):
        diagnostic = {"range": where, "message": "m", "source": "figcheck", "code": "FC101", "data": data}
        answer = server.call("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": where,
                                                          "context": {"diagnostics": [diagnostic]}})
        assert "error" not in answer, (data, answer)
        titles = [a["title"] for a in answer["result"]]
        assert "Ignore FC101 on this line" in titles  # the suppression actions are still offered


def test_requests_before_initialize_and_after_shutdown():
    srv = RawServer()
    try:
        early = srv.call("textDocument/hover", HOVER)
        assert early["error"]["code"] == -32002
        srv.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "plaintext",
                                                             "version": 1, "text": MISMATCH}})
        srv.initialize()
        assert srv.call("textDocument/hover", HOVER)["result"] is None  # the early didOpen was dropped
        assert srv.call("shutdown")["result"] is None
        late = srv.call("textDocument/hover", HOVER)
        assert late["error"]["code"] == -32600
        srv.notify("exit")
        assert srv.proc.wait(timeout=20) == 0
    finally:
        if srv.proc.poll() is None:
            srv.proc.kill()


def test_exit_without_shutdown_exits_1():
    srv = RawServer()
    srv.initialize()
    srv.notify("exit")
    assert srv.proc.wait(timeout=20) == 1


def test_server_fuzz_short_run():
    """Random headers and bodies, then a valid request that must be answered (fixed seed; the
    long run is ``fuzz/fuzz_lsp_framing.py --minutes N``)."""
    assert fuzz.check_server(60, seed=1919) == 60


# --- 11. code actions cost one line table, however many diagnostics -----------------------------
def test_code_actions_build_one_line_table_whatever_the_number_of_diagnostics(monkeypatch):
    from lsprotocol import types

    from figcheck_lsp import actions
    from figcheck_lsp.documents import DocumentStore
    from figcheck_lsp.positions import LineTable

    built = []
    real = LineTable.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(LineTable, "__init__", counting)
    for n in (200, 400):
        store = DocumentStore()
        text = MISMATCH * n
        store.open(types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=text))
        doc = store.get(URI)
        diags = [types.Diagnostic(range=types.Range(types.Position(i, 39), types.Position(i, 47)),
                                  message="m", source="figcheck", code="FC101") for i in range(n)]
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=types.Range(types.Position(0, 0), types.Position(n, 0)),
            context=types.CodeActionContext(diagnostics=diags))
        built.clear()
        found = actions.code_actions(URI, doc, params, None, False, "utf-16")
        assert len(found) == 2 * n
        assert len(built) <= 1, n  # not one (or two) per diagnostic


# --- 12. a large document does not stall the others --------------------------------------------
BIG = "Of the 42 passengers, 45 were hurt: 12 seriously and 40 lightly. " * 12_000  # ~0.8 MB, one line
OTHER = "file:///tmp/figcheck-harden/b.txt"


def test_a_small_document_is_checked_while_a_large_one_is(server: RawServer):
    server.open(URI.replace("a.txt", "big.txt"), BIG, version=1)
    server.open(OTHER, MISMATCH, version=1)
    small = server.diagnostics(OTHER, 1, timeout=120)  # answered first, not after the big one
    assert len(small["diagnostics"]) == 1
    assert not any(m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"].endswith("big.txt") for m in server.seen)


def test_work_on_a_closed_large_document_stops_inside_its_one_paragraph(server: RawServer):
    big = URI.replace("a.txt", "big.txt")
    how = []
    for attempt in range(1, 6):  # closed before extraction began: it stops too, but try again
        server.open(big, BIG, version=attempt)
        server.wait_for(lambda m: m.get("method") == "window/logMessage"
                        and f"checking {big} version {attempt} " in m["params"]["message"], timeout=120)
        time.sleep(0.3 * attempt)  # let it reach the paragraph (a retry, not a speed limit)
        server.notify("textDocument/didClose", {"textDocument": {"uri": big}})
        stopped = server.wait_for(lambda m: m.get("method") == "window/logMessage"
                                  and f"stopped checking {big} version {attempt}:" in m["params"]["message"],
                                  timeout=120)
        how.append(stopped["params"]["message"].rsplit("(", 1)[-1])
        if "interrupted" in how[-1]:
            break
    assert "interrupted" in how[-1], how
    server.change(URI, 2, [{"text": MISMATCH * 2}])
    assert len(server.diagnostics(URI, 2, timeout=120)["diagnostics"]) == 2
    _alive(server)
