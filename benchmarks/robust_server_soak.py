"""The language server's memory over a long editing session (issue #8), for docs/reliability.md.

    .venv/bin/python benchmarks/robust_server_soak.py [--edits 10000]

Opens a 200-line document, then sends single-character edits (a replaced letter on a moving line,
a pause for diagnostics every 1,000), and prints the server's RSS from /proc/<pid>/status.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.lsp.raw import RawServer  # noqa: E402

URI = "file:///tmp/figcheck-soak/a.txt"
LINE = "The embankment runs for 12 kilometres (15 miles) and cost $2.5bn, about 40% of it.\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10_000)
    args = parser.parse_args()
    server = RawServer()
    server.initialize()
    server.open(URI, LINE * 200)
    server.diagnostics(URI, 1)
    print(f"after open: {server.rss_kb() / 1024:.1f} MB")
    start = time.monotonic()
    samples = []
    for version in range(2, args.edits + 2):
        line = version % 200
        at, to = {"line": line, "character": 4}, {"line": line, "character": 5}
        server.change(URI, version, [{"range": {"start": at, "end": to}, "text": "abcde"[version % 5]}])
        if version % 1000 == 0:
            server.diagnostics(URI, version, timeout=60)
            samples.append((version - 1, server.rss_kb()))
            print(f"{version - 1:>6} edits: {samples[-1][1] / 1024:.1f} MB", flush=True)
    elapsed = time.monotonic() - start
    first, last = samples[0][1], samples[-1][1]
    print(f"{args.edits:,} edits in {elapsed:.1f} s; RSS {first / 1024:.1f} MB after 1,000 edits, "
          f"{last / 1024:.1f} MB at the end ({(last - first) / 1024:+.1f} MB)")
    server.close()


if __name__ == "__main__":
    main()
