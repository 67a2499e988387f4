"""Helpers for the playground's tests and benchmark: start ``figcheck playground`` as a process,
talk LSP to it over its WebSocket, read its memory, launch the system's Chromium."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
# Root in a container: no sandbox; and nothing that would reach the network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                 "--disable-extensions"]
IN_CI = os.environ.get("CI") == "true"


@dataclass
class Playground:
    proc: subprocess.Popen
    url: str
    started: float  # seconds from spawning the process to the page being served
    stderr: list[str] = field(default_factory=list)

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://", 1) + "lsp"

    def rss_kb(self) -> int:
        return rss_kb(self.proc.pid)

    def stop(self) -> str:
        """Stop it (Ctrl-C) and return what it wrote on stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(2)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return "".join(self.stderr)


def start_playground(*args: str, timeout: float = 30) -> Playground:
    """``figcheck playground --port 0``; returns once ``GET /`` answers."""
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "playground", "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    err: list[str] = []
    threading.Thread(target=lambda: err.extend(iter(proc.stderr.readline, "")), daemon=True).start()
    match = re.search(r"http://\S+/", first[0]) if first else None
    if match is None:
        proc.kill()
        raise RuntimeError(f"figcheck playground did not start: {first!r} {''.join(err)}")
    url = match.group(0)
    with urllib.request.urlopen(url, timeout=timeout) as response:
        assert response.status == 200
    return Playground(proc, url, time.monotonic() - t0, err)


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class LspSocket:
    """A JSON-RPC client on the playground's WebSocket (one message a text frame)."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.responses: dict[int, asyncio.Future] = {}
        self.diagnostics: dict[tuple[str, int | None], list] = {}  # by (uri, version)
        self.errors: list[dict] = []  # error responses without an id (unreadable messages)
        self.changed = asyncio.Event()
        self.reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def connect(cls, url: str, **kwargs) -> LspSocket:
        from websockets.asyncio.client import connect

        return cls(await connect(url, **kwargs))

    async def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for data in self.ws:
                message = json.loads(data)
                if "id" in message and "method" not in message:
                    if message["id"] is None:
                        self.errors.append(message)
                    elif (fut := self.responses.pop(message["id"], None)) is not None:
                        fut.set_result(message)
                elif message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    self.diagnostics[params["uri"], params.get("version")] = params["diagnostics"]
                self.changed.set()
        except ConnectionClosed:
            pass

    async def send(self, message: dict) -> None:
        await self.ws.send(json.dumps(message))

    async def call(self, method: str, params, timeout: float = 30) -> dict:
        self.next_id += 1
        fut = self.responses[self.next_id] = asyncio.get_running_loop().create_future()
        await self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return await asyncio.wait_for(fut, timeout)

    async def notify(self, method: str, params) -> None:
        await self.send({"jsonrpc": "2.0", "method": method, "params": params})

    async def initialize(self) -> dict:
        result = await self.call("initialize", {
            "processId": None, "rootUri": None,
            "capabilities": {"textDocument": {"hover": {"contentFormat": ["plaintext"]}},
                             "workspace": {"workspaceEdit": {"documentChanges": True}}},
        })
        await self.notify("initialized", {})
        return result

    async def open(self, uri: str, text: str, language_id: str = "plaintext", version: int = 1) -> None:
        await self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language_id, "version": version, "text": text}})

    async def wait_diagnostics(self, uri: str, version: int, timeout: float = 30) -> list:
        async def until():
            while (uri, version) not in self.diagnostics:
                self.changed.clear()
                await self.changed.wait()
            return self.diagnostics[uri, version]

        return await asyncio.wait_for(until(), timeout)

    async def close(self) -> None:
        await self.ws.close()
        await self.reader


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
