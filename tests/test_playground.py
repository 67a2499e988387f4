"""``figcheck playground``, server side: the page's files over HTTP and the language server over
a WebSocket on one port; many tabs at once; hostile or careless clients. (The page itself, in a
real Chromium: tests/test_playground_browser.py.)"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import weakref

import pytest

from tests.playground_support import IN_CI, ROOT, SEED, LspSocket, start_playground

if not IN_CI:  # in CI the test extra installs it; a missing package must fail there
    pytest.importorskip("websockets", reason="the playground extra is not installed: pip install -e '.[playground]'")
import websockets  # noqa: E402

from figcheck.engine import check_text  # noqa: E402
from figcheck.playground import serve  # noqa: E402

URI = "playground:///document"
MISMATCH = "The embankment runs for 12 kilometres (15 miles).\n"


# One worker runs this module: its module-scoped fixtures are costly to set up twice.
pytestmark = pytest.mark.xdist_group("playground")


@pytest.fixture(scope="module")
def playground():
    pg = start_playground()
    yield pg
    stderr = pg.stop()
    assert "Traceback" not in stderr, stderr


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def run(coro):
    return asyncio.run(coro)


# --- HTTP ------------------------------------------------------------------------------------
def test_the_page_its_files_and_the_example_are_served_and_nothing_else(playground):
    status, headers, body = _get(playground.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<script src="playground.js">' in body
    assert "script-src 'self'" in headers["Content-Security-Policy"]  # no CDN, nothing remote
    status, headers, body = _get(playground.url + "playground.js")
    assert status == 200 and "javascript" in headers["Content-Type"] and len(body) > 10_000
    status, _, body = _get(playground.url + "example.txt")
    assert status == 200 and body == SEED.read_bytes()
    for path in ("../pyproject.toml", "..%2fpyproject.toml", "static/index.html", ".hidden", "nope.js",
                 "serve.py", "__init__.py"):
        assert _get(playground.url + path)[0] == 404, path
    # A plain GET of the WebSocket path is not a WebSocket: refused, not served.
    assert _get(playground.url + "lsp")[0] == 426


def test_a_websocket_opened_by_another_site_is_refused(playground):
    async def go():
        with pytest.raises(websockets.exceptions.InvalidStatus) as info:
            await LspSocket.connect(playground.ws_url, origin="http://evil.example")
        assert info.value.response.status_code == 403
        host = playground.url.split("/")[2]
        same = await LspSocket.connect(playground.ws_url, origin=f"http://{host}")
        assert "capabilities" in (await same.initialize())["result"]
        await same.close()

    run(go())


# --- the language server over the WebSocket -------------------------------------------------------
def test_a_session_gets_the_servers_diagnostics_hover_fixes_and_reports(playground, tmp_path):
    text = SEED.read_text(encoding="utf-8")

    async def go():
        client = await LspSocket.connect(playground.ws_url)
        init = await client.initialize()
        assert init["result"]["capabilities"]["positionEncoding"] == "utf-16"
        await client.open(URI, text)
        diagnostics = await client.wait_diagnostics(URI, 1)
        hover = await client.call("textDocument/hover", {"textDocument": {"uri": URI},
                                                         "position": diagnostics[0]["range"]["start"]})
        actions = await client.call("textDocument/codeAction", {
            "textDocument": {"uri": URI}, "range": diagnostics[0]["range"],
            "context": {"diagnostics": diagnostics, "only": ["quickfix"]}})
        as_json = await client.call("figcheck/report", {"textDocument": {"uri": URI}, "format": "json",
                                                        "path": "article.txt"})
        as_md = await client.call("figcheck/report", {"textDocument": {"uri": URI}, "format": "markdown"})
        bad = await client.call("figcheck/report", {"textDocument": {"uri": URI}, "format": "pdf"})
        unknown = await client.call("figcheck/report", {"textDocument": {"uri": "playground:///nope"}})
        await client.close()
        return diagnostics, hover, actions, as_json, as_md, bad, unknown

    diagnostics, hover, actions, as_json, as_md, bad, unknown = run(go())
    assert [d["code"] for d in diagnostics] == ["FC202", "FC202"]
    assert diagnostics[0]["data"]["name"] == "unit-mixup"
    assert "almost a thousand square miles" in hover["result"]["contents"]["value"]
    fixes = [a for a in actions["result"] if a["title"].startswith("Replace")]
    assert fixes and fixes[0]["edit"]["documentChanges"][0]["textDocument"]["version"] == 1
    # The JSON report is the `check --format json` contract, from the same writer: identical.
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", "article.txt"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert json.loads(as_json["result"]["content"]) == json.loads(cli.stdout)
    assert as_json["result"]["filename"] == "article-report.json"
    markdown = as_md["result"]["content"]
    assert markdown.count("**FC202 unit-mixup** (warning)") == 2
    assert "line 23, column 27" in markdown and as_md["result"]["mimeType"] == "text/markdown"
    assert bad["error"]["code"] == -32602 and "pdf" in bad["error"]["message"]
    assert unknown["error"]["code"] == -32602


def test_the_format_is_the_documents_language_id(playground):
    fenced = "Some prose.\n\n```\nThe embankment runs for 12 kilometres (15 miles).\n```\n"

    async def go():
        client = await LspSocket.connect(playground.ws_url)
        await client.initialize()
        await client.open("playground:///a", fenced, "plaintext")
        await client.open("playground:///b", fenced, "markdown")
        plain = await client.wait_diagnostics("playground:///a", 1)
        markdown = await client.wait_diagnostics("playground:///b", 1)
        await client.close()
        return plain, markdown

    plain, markdown = run(go())
    assert [d["code"] for d in plain] == ["FC101"]
    assert markdown == []  # a figure in a fenced code block is code, not prose


def _raw_partial_frame() -> bytes:
    """A masked text frame header announcing 1,000 bytes, followed by only 10 of them."""
    mask = os.urandom(4)
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(b'{"jsonrpc"'))
    return bytes([0x81, 0x80 | 126]) + struct.pack("!H", 1000) + mask + payload


def test_garbage_and_a_client_that_vanishes_mid_message_do_not_disturb_others(playground):
    async def go():
        good = await LspSocket.connect(playground.ws_url)
        await good.initialize()
        await good.open(URI, MISMATCH)
        assert [d["code"] for d in await good.wait_diagnostics(URI, 1)] == ["FC101"]

        rude = await LspSocket.connect(playground.ws_url)
        await rude.initialize()
        for junk in ("{not json", "[1, 2, 3]", '"a string"', "null", b"\xff\xfe\x00binary"):
            await rude.ws.send(junk)
        bad = await rude.call("textDocument/hover", {"textDocument": 5})
        huge = "x" * (serve.MAX_MESSAGE_BYTES + 10)
        vanished = await LspSocket.connect(playground.ws_url)
        await vanished.initialize()
        vanished.ws.transport.write(_raw_partial_frame())
        vanished.ws.transport.abort()
        too_big = await LspSocket.connect(playground.ws_url)
        await too_big.ws.send(huge)  # over max_size: that connection is closed, no one else's
        await too_big.reader
        await rude.notify("exit", None)  # ends rude's session, never the process
        await rude.reader

        # The good client's session carries on: an edit is checked, hover answers.
        await good.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 39},
                                          "end": {"line": 0, "character": 41}}, "text": "7.5"}]})
        after = await good.wait_diagnostics(URI, 2)
        hover = await good.call("textDocument/hover", {"textDocument": {"uri": URI},
                                                       "position": {"line": 0, "character": 26}})
        await good.close()
        return rude, bad, after, hover

    rude, bad, after, hover = run(go())
    assert len(rude.errors) == 5 and {e["error"]["code"] for e in rude.errors} <= {-32700, -32600}
    assert bad["error"]["code"] == -32602
    assert after == []
    assert "12 kilometres" in hover["result"]["contents"]["value"]
    assert playground.proc.poll() is None
    assert "Traceback" not in "".join(playground.stderr)


# --- many tabs ----------------------------------------------------------------------------------
TYPED = "Of the 42 passengers 🙂, 45 were taken to hospital. It runs 12 kilometres (15 miles).\n\n"


def _end(text: str) -> dict:
    line = text.split("\n")[-1]
    return {"line": text.count("\n"), "character": len(line.encode("utf-16-le")) // 2}


async def _type(url: str, i: int, seconds: float) -> tuple[str, list, list]:
    client = await LspSocket.connect(url)
    await client.initialize()
    uri = f"playground:///tab-{i}"
    text, version = f"Tab {i}.\n\n", 1
    await client.open(uri, text)
    deadline = time.monotonic() + seconds
    k = 0
    while time.monotonic() < deadline:
        ch = TYPED[k % len(TYPED)]
        k += 1
        version += 1
        position = _end(text)
        await client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position, "end": position}, "text": ch}]})
        text += ch
        await asyncio.sleep(0.02)
    diagnostics = await client.wait_diagnostics(uri, version, timeout=60)
    await client.close()
    return text, diagnostics, client.errors


@pytest.mark.slow
def test_twenty_tabs_typing_at_once_are_served_and_memory_returns_to_baseline():
    pg = start_playground()
    try:
        async def warm():  # the first session imports and builds what every later one shares
            return await _type(pg.ws_url, 99, 0.5)

        run(warm())
        time.sleep(0.5)
        baseline = pg.rss_kb()

        async def many():
            return await asyncio.gather(*(_type(pg.ws_url, i, 3.0) for i in range(20)))

        results = run(many())
        peak = pg.rss_kb()
        time.sleep(1.0)
        after = pg.rss_kb()
    finally:
        stderr = pg.stop()
    print(f"\nplayground RSS: baseline {baseline / 1024:.1f} MB, with 20 tabs {peak / 1024:.1f} MB, "
          f"after they closed {after / 1024:.1f} MB")
    for text, diagnostics, errors in results:
        assert errors == []
        expected = sorted((d.code, d.message) for d in check_text(text))
        assert expected, "each tab typed figures that cannot all be true"
        assert sorted((d["code"], d["message"]) for d in diagnostics) == expected
    assert "Traceback" not in stderr and "ERROR" not in stderr, stderr
    assert after - baseline < 40 * 1024, (baseline, peak, after)


def test_a_closed_tabs_session_is_released():
    async def go():
        pg = serve.Playground("127.0.0.1", 0)
        port = await pg.start()
        clients = []
        for n in range(3):
            client = await LspSocket.connect(f"ws://127.0.0.1:{port}/lsp")
            await client.initialize()
            await client.open(URI, MISMATCH)
            await client.wait_diagnostics(URI, 1)
            clients.append(client)
        refs = [weakref.ref(ls) for ls in pg.sessions]
        assert len(refs) == 3
        for client in clients:
            await client.close()
        for _ in range(50):
            gc.collect()
            if all(r() is None for r in refs):
                break
            await asyncio.sleep(0.05)
        alive = sum(r() is not None for r in refs)
        await pg.close()
        return alive

    assert run(go()) == 0


def test_sessions_over_the_limit_are_turned_away():
    async def go():
        pg = serve.Playground("127.0.0.1", 0, max_sessions=1)
        port = await pg.start()
        first = await LspSocket.connect(f"ws://127.0.0.1:{port}/lsp")
        await first.initialize()
        second = await LspSocket.connect(f"ws://127.0.0.1:{port}/lsp")
        await second.reader
        code = second.ws.close_code
        await first.close()
        await pg.close()
        return code

    assert run(go()) == 1013


# --- the page's colours ------------------------------------------------------------------------
def _luminance(hex_colour: str) -> float:
    if len(hex_colour) == 4:  # #abc
        hex_colour = "#" + "".join(c * 2 for c in hex_colour[1:])
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_page_is_built_and_its_javascript_is_under_1_mb_gzipped():
    import gzip

    for name in ("index.html", "playground.css", "playground.js"):
        assert (serve.STATIC / name).is_file(), f"{name} missing: cd editors/web && npm ci && npm run build"
    js = (serve.STATIC / "playground.js").read_bytes()
    assert len(gzip.compress(js, 9)) < 2**20
    assert b"http://" not in js.replace(b"http://www.w3.org", b"") and b"https://" not in js  # no CDN


def test_the_pages_colours_pass_wcag_aa():
    css = (serve.STATIC / "playground.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b", css))
    text = ["fg", "muted", "accent", "error", "warning", "info", "hint", "safe"]
    assert set(text) <= set(colours)
    for background in ("bg", "panel"):
        for name in text:  # text: 4.5:1
            assert _contrast(colours[name], colours[background]) >= 4.5, (name, background)
        for name in ("border", "focus"):  # focus rings, borders, underlines: 3:1
            assert _contrast(colours[name], colours[background]) >= 3, (name, background)


# --- the command ----------------------------------------------------------------------------------
def test_a_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "figcheck", "playground", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "--port 0" in proc.stderr


def test_bad_ports_are_usage_errors():
    proc = subprocess.run([sys.executable, "-m", "figcheck", "playground", "--port", "70000"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "outside 0-65535" in proc.stderr


def test_a_non_local_host_warns_that_anyone_can_use_it():
    pg = start_playground("--host", "0.0.0.0")
    try:
        assert pg.url.startswith("http://127.0.0.1:")
    finally:
        stderr = pg.stop()
    assert "anyone who can reach this address" in stderr


def test_without_websockets_it_says_which_extra_to_install():
    code = ("import sys; sys.modules['websockets'] = None\n"
            "from figcheck.cli import main; sys.exit(main(['playground']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2
    assert "pip install 'figcheck[playground]'" in proc.stderr


def test_help_lists_the_playground():
    out = subprocess.run([sys.executable, "-m", "figcheck", "--help"], capture_output=True, text=True,
                         timeout=60, cwd=ROOT).stdout
    assert "playground" in out
