"""Starting the server from the command line: ``figcheck server`` and ``python -m figcheck_lsp``."""

from __future__ import annotations

import logging
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from figcheck.start_up import starting_up

if TYPE_CHECKING:
    import argparse

DEFAULT_LOG_LEVEL = "WARNING"
DESCRIPTION = ("The figcheck language server: LSP over stdin/stdout, for editors. "
               "Also started as: python -m figcheck_lsp")


def main(argv: list[str] | None = None) -> int:
    """Start the language server on stdin/stdout; returns the exit status when the client says
    exit (0 after shutdown, 1 without) or the input ends."""
    args = command_line_options([] if argv is None else list(argv))
    logging.basicConfig(level=args.log_level, stream=sys.stderr,
                        format="figcheck-server %(levelname)s %(name)s: %(message)s")
    server = _import_server()

    if args.debounce_ms is not None:
        server.debounce = max(0.0, args.debounce_ms / 1000)
    return server.start_io()


def command_line_options(argv: list[str]) -> SimpleNamespace | argparse.Namespace:
    """The command line's options. The editors pass none but ``--stdio``: then the defaults,
    without importing argparse (with gettext ~4 ms of a cold start), let alone making a parser
    (its help formatter imports shutil, bz2 and lzma: ~8 ms)."""
    if all(arg == "--stdio" for arg in argv):
        return SimpleNamespace(stdio=bool(argv), debounce_ms=None, log_level=DEFAULT_LOG_LEVEL)
    import argparse

    parser = argparse.ArgumentParser(prog="figcheck server", description=DESCRIPTION)
    parser.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    parser.add_argument("--debounce-ms", type=float, default=None,
                        help="pause after a keystroke before re-checking while typing (default 75)")
    parser.add_argument("--log-level", default=DEFAULT_LOG_LEVEL, type=str.upper,
                        choices=("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
                        help=f"log level on stderr (default {DEFAULT_LOG_LEVEL})")
    return parser.parse_args(argv)


def _import_server():
    """The server, imported and warmed up as every figcheck process starts up
    (:mod:`figcheck.start_up`: the garbage collector paused, then the start-up objects frozen;
    compiled code and patterns from caches kept by an earlier start). The warm-up is done here
    rather than before the first check because the first check cannot start without it, and
    here its garbage is not collected (the seed's first diagnostics come ~20 ms sooner, best of
    7). The code cache is saved once the client's ``initialize`` is read: cattrs writes its
    readers of the client's capabilities then (attrs's methods for lsprotocol's classes are
    written while importing)."""
    with starting_up(__file__, "dependency-code", keep_code=True) as start_up_code:
        from .app import server

        server.warm_up("text")  # (the engine's rules are imported here: their dataclasses)
    server.start_up_code = start_up_code
    return server
