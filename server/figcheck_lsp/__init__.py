"""The figcheck language server (LSP over stdio): ``figcheck server`` or ``python -m figcheck_lsp``."""

from __future__ import annotations

import argparse
import logging
import sys

DESCRIPTION = ("The figcheck language server: LSP over stdin/stdout, for editors. "
               "Also started as: python -m figcheck_lsp")


def main(argv: list[str] | None = None) -> None:
    """Start the language server on stdin/stdout (it returns when the client says exit)."""
    parser = argparse.ArgumentParser(prog="figcheck server", description=DESCRIPTION)
    parser.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    parser.add_argument("--debounce-ms", type=float, default=None,
                        help="pause after a keystroke before re-checking while typing (default 75)")
    parser.add_argument("--log-level", default="WARNING", help="log level on stderr (default WARNING)")
    args = parser.parse_args([] if argv is None else argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="figcheck-server %(levelname)s %(name)s: %(message)s")
    from .app import server

    if args.debounce_ms is not None:
        server.debounce = max(0.0, args.debounce_ms / 1000)
    server.start_io()
