"""The language server, found as a plugin: the engine and the CLI never import it by name.

``figcheck server`` and the playground need the server package (``figcheck_lsp``, shipped in
the same wheel), which itself is built on the engine. To keep the imports running one way, the
server registers its parts as entry points (group ``figcheck.server`` in ``pyproject.toml``)
and is looked up here when one of those commands runs.
"""

from __future__ import annotations

ENTRY_POINT_GROUP = "figcheck.server"


class ServerMissing(ImportError):
    """The language server is not installed with this figcheck."""


def load_server_part(name: str):
    """The server's entry point ``name``: ``main`` (its command line) or ``app`` (its module)."""
    from importlib.metadata import entry_points

    found = entry_points(group=ENTRY_POINT_GROUP, name=name)
    if not found:
        raise ServerMissing(f"no '{name}' entry point in the '{ENTRY_POINT_GROUP}' group: "
                            "reinstall figcheck (pip install figcheck, or pip install -e . in a checkout)")
    return next(iter(found)).load()
