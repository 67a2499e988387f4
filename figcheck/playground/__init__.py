"""``figcheck playground``: figcheck in the browser.

One command serves one page (``static/``, built from ``editors/web``) and the language server
over a WebSocket (``/lsp``) on the same port. Each browser tab gets its own language server
session, with the same handlers ``figcheck server`` uses: the playground is a transport, not a
second server (``figcheck.playground.serve``).

Only argparse is imported here, so ``figcheck --help`` stays fast; the server, pygls and
``websockets`` (the optional ``playground`` extra) are imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
MISSING_EXTRA = (
    "figcheck playground needs the 'websockets' package (the 'playground' extra): "
    "pip install 'figcheck[playground]' (in a checkout: pip install -e '.[playground]')"
)
DESCRIPTION = """\
Serve figcheck in the browser: an editor for prose with live diagnostics, hover, quick fixes
and reports, talking to figcheck's language server over a WebSocket on the same port.
Nothing is fetched from the network; the page and the checker run on this machine."""
EXAMPLES = """\
examples:
  figcheck playground                  http://127.0.0.1:8765/
  figcheck playground --open           ... and open it in the default browser
  figcheck playground --port 0         any free port (the address is printed)
  figcheck playground --host 0.0.0.0   reachable from other machines (prints a warning)
"""


def add_parser(commands) -> None:
    """Register ``figcheck playground`` on the CLI's subcommands."""
    parser = commands.add_parser(
        "playground", help="figcheck in the browser (a page and the language server, on one port)",
        description=DESCRIPTION, epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"port to listen on; 0 picks a free one (default {DEFAULT_PORT})")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    parser.add_argument("--open", action="store_true", help="open the page in the default browser")
    parser.set_defaults(handler=run)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0-65535")
    return port


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


def run(args) -> int:
    """The command: 0 after Ctrl-C, 2 when it cannot start (missing extra, port in use)."""
    try:
        import websockets  # noqa: F401
    except ImportError:
        sys.stderr.write(f"figcheck: error: {MISSING_EXTRA}\n")
        return 2
    if not is_local(args.host):
        sys.stderr.write(
            f"figcheck: warning: listening on {args.host}: anyone who can reach this address and "
            f"port can use the checker (and the CPU it runs on). Use --host 127.0.0.1 to keep it "
            f"to this machine.\n")
    from .serve import main

    return main(args.host, args.port, open_browser=args.open)
