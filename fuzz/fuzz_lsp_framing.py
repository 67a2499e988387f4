"""Fuzzing the language server's framing: random headers and bodies, then a valid request that
must be answered (issue #19).

Each round sends junk — header blocks built from right and wrong pieces (negative, signed,
spaced, huge and non-numeric lengths, LF-only lines, missing blank lines, unknown headers,
garbage lines), bodies shorter or longer than their header says, invalid JSON, JSON that is
not JSON-RPC, ids of every type — then a separator and one valid request. The property: the
valid request is answered, every round, and the server never dies.

The separator (``SEPARATOR``) is what lets any reader find its feet again: it ends a header
line and a header block, and its spaces satisfy any body the junk announced (junk lengths are
at most ``MAX_JUNK_LENGTH``), so what follows it is read from a clean start. Without it a
junk header announcing 60 bytes would rightly swallow the first 60 bytes of the next message.

    .venv/bin/python fuzz/fuzz_lsp_framing.py --minutes 10          # the real server, over stdio
    .venv/bin/python fuzz/fuzz_lsp_framing.py --framer --rounds 100000   # the framer alone, fast

``tests/test_hardening_server.py`` runs both briefly with fixed seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

MAX_JUNK_LENGTH = 64
SEPARATOR = b"\r\n\r\n" + b" " * (MAX_JUNK_LENGTH + 36) + b"\r\n"
_METHODS = ["textDocument/hover", "textDocument/codeAction", "textDocument/inlayHint",
            "textDocument/diagnostic", "figcheck/unknown", "$/cancelRequest", "initialized",
            "textDocument/didSave", "workspace/didChangeConfiguration"]
_IDS = [1, -1, 0, 2**63, 1.5, "x", "", None, True, [1], {"a": 1}]


def _length_line(rng: random.Random, body_len: int) -> bytes:
    fine = rng.randint(0, min(body_len, MAX_JUNK_LENGTH))
    value = rng.choice([
        str(fine), f" {fine} ", f"{fine}   ", f"+{fine}", f"-{fine}", "9223372036854775808",
        "1" * 40, "", "many", f"{fine}.0", f"0x{fine:x}", f"{fine} {fine}", f"00{fine}",
    ])
    name = rng.choice(["Content-Length", "content-length", "CONTENT-LENGTH", "Content-Length ",
                       "Content-Lenght", "Content-Length:"])
    return f"{name}:{value}".encode()


def _header_block(rng: random.Random, body_len: int) -> bytes:
    lines = []
    for _ in range(rng.randint(0, 4)):
        lines.append(rng.choice([
            lambda: _length_line(rng, body_len),
            lambda: b"Content-Type: application/vscode-jsonrpc; charset=utf-8",
            lambda: b"X-Junk: " + bytes(rng.randrange(32, 127) for _ in range(rng.randint(0, 20))),
            lambda: b"no colon here",
            lambda: b":",
            lambda: bytes(rng.randrange(256) for _ in range(rng.randint(0, 30))).replace(b"\n", b""),
            lambda: b"Content-Type" + b" " * rng.randint(0, 3) + b":",
        ])())
    newline = rng.choice([b"\r\n", b"\n", b"\r"])
    block = newline.join(lines)
    return block + rng.choice([newline + newline, newline, b"", b"\r\n\r\n"])


def _body(rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 80)))
    if kind == 1:
        return b"[" * rng.randint(1, 3000) + b"]" * rng.randint(0, 3000)
    if kind == 2:
        return json.dumps(rng.choice([[1, 2], "s", 3, None, {}, {"jsonrpc": "1.0"}])).encode()
    message = {"jsonrpc": rng.choice(["2.0", "2.0", "2.0", "1.0", 2]), "method": rng.choice(_METHODS),
               "params": rng.choice([None, {}, [], {"textDocument": 5}, {"textDocument": {"uri": 7}},
                                     {"context": {"diagnostics": [{"data": rng.choice([1, [], "x", {"fix": 5}])}]}}])}
    if rng.random() < 0.7:
        message["id"] = rng.choice(_IDS)
    text = json.dumps(message).encode()
    return text[: rng.randint(0, len(text))] if rng.random() < 0.3 else text


def junk(rng: random.Random) -> bytes:
    """One round of hostile bytes; any length it announces is at most MAX_JUNK_LENGTH."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        body = _body(rng)
        parts.append(_header_block(rng, len(body)) + body)
    return b"".join(parts)


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


# --- the framer alone --------------------------------------------------------------------------
def check_framer(rounds: int, seed: int) -> int:
    """Junk, separator, a valid message: the framer must yield exactly that message's body."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from figcheck_lsp.framing import Framer

    rng = random.Random(seed)
    framer = Framer()
    for i in range(rounds):
        valid = json.dumps({"jsonrpc": "2.0", "id": f"probe-{i}", "method": "textDocument/hover"}).encode()
        stream = junk(rng) + SEPARATOR + b"Content-Length: %d\r\n\r\n" % len(valid) + valid
        cut = sorted(rng.randrange(len(stream) + 1) for _ in range(rng.randint(0, 3)))
        bodies = []
        for a, b in zip([0, *cut], [*cut, len(stream)]):  # delivered in random pieces
            bodies += [f.body for f in framer.feed(stream[a:b]) if f.body is not None]
        if not bodies or bodies[-1] != valid:
            raise AssertionError(f"round {i} (seed {seed}): the valid message was not read; "
                                 f"input {stream!r}")
    return rounds


# --- the real server ----------------------------------------------------------------------------
def check_server(rounds: int, seed: int, deadline: float | None = None, timeout: float = 30.0) -> int:
    """Rounds against ``python -m server`` over stdio; returns how many ran."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.lsp.raw import RawServer

    rng = random.Random(seed)
    server = RawServer()
    try:
        server.initialize()
        uri = "file:///tmp/figcheck-fuzz/a.txt"
        server.open(uri, "The embankment runs for 12 kilometres (15 miles).\n")
        done = 0
        for i in range(rounds):
            if deadline is not None and time.monotonic() > deadline:
                break
            server.send_bytes(junk(rng) + SEPARATOR)
            probe = f"probe-{seed}-{i}"
            server.send_bytes(frame({"jsonrpc": "2.0", "id": probe, "method": "textDocument/hover",
                                     "params": {"textDocument": {"uri": uri},
                                                "position": {"line": 0, "character": 25}}}))
            answer = server.response(probe, timeout=timeout)
            if "12 kilometres" not in json.dumps(answer.get("result")):
                raise AssertionError(f"round {i} (seed {seed}): wrong answer {answer}")
            done += 1
        return done
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
        server.proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=10**9)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--framer", action="store_true", help="the framer in-process, not the server")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    deadline = time.monotonic() + args.minutes * 60
    if args.framer:
        done = 0
        while time.monotonic() < deadline and done < args.rounds:
            done += check_framer(min(1000, args.rounds - done), seed + done)
    else:
        done = check_server(args.rounds, seed, deadline)
    print(f"{done} rounds, seed {seed}: every valid request after junk was answered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
