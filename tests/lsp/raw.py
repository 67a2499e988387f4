"""A raw JSON-RPC client for the language server over stdio: it sends bytes exactly as given, so
tests can send what no well-behaved client would (bad JSON, bad headers, wrong types), and it
reads the server's messages on a thread so a test waits for one with a timeout, never sleeps
blindly. Used by tests/test_robust_server.py and benchmarks/robust_server_soak.py."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time


class RawServer:
    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "figcheck_lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self._next_id = 0
        self._stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # --- sending -----------------------------------------------------------------------------
    def send_bytes(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message) -> None:
        body = message if isinstance(message, bytes) else json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params=None) -> int:
        self._next_id += 1
        self.send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        return self._next_id

    def notify(self, method: str, params=None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def call(self, method: str, params=None, timeout: float = 20.0) -> dict:
        return self.response(self.request(method, params), timeout)

    # --- receiving ---------------------------------------------------------------------------
    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            message = json.loads(body)
            if message.get("method") in ("workspace/configuration", "client/registerCapability",
                                         "workspace/diagnostic/refresh", "window/workDoneProgress/create"):
                self.send({"jsonrpc": "2.0", "id": message["id"],
                           "result": [None] if message["method"] == "workspace/configuration" else None})
            self.messages.put(message)

    def _drain_stderr(self) -> None:
        for line in self.proc.stderr:
            self._stderr.append(line)

    @property
    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", errors="replace")

    def wait_for(self, predicate, timeout: float = 20.0) -> dict:
        for message in self.seen:
            if predicate(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no such message from the server")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                raise TimeoutError("no such message from the server") from None
            if message is None:
                raise ConnectionError(f"the server exited; stderr:\n{self.stderr}")
            if predicate(message):
                return message
            self.seen.append(message)
            del self.seen[:-2000]  # keep memory bounded in soak runs

    def response(self, msg_id, timeout: float = 20.0) -> dict:
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def diagnostics(self, uri: str, version: int, timeout: float = 20.0) -> dict:
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and m["params"].get("version") == version,
                             timeout)["params"]

    # --- the usual session -------------------------------------------------------------------
    def initialize(self) -> dict:
        result = self.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def change(self, uri: str, version: int, changes: list[dict]) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def rss_kb(self) -> int:
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def close(self) -> int:
        try:
            if self.proc.poll() is None:
                self.call("shutdown", None, timeout=10)
                self.notify("exit")
            return self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
            raise
