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
    """The server's entry point ``name``: ``main`` (its command line) or ``app`` (its module).
    Read from figcheck's own ``entry_points.txt`` where it is there (:mod:`figcheck.installed`:
    importlib.metadata's search costs ``figcheck server`` ~50 ms of its cold start), else found by
    importlib.metadata among every installed distribution."""
    from .installed import entry_point

    if (value := entry_point(ENTRY_POINT_GROUP, name)) is not None:
        import importlib

        module, _, attribute = value.partition(":")
        found = importlib.import_module(module.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            found = getattr(found, part)
        return found
    from importlib.metadata import entry_points

    found = entry_points(group=ENTRY_POINT_GROUP, name=name)
    if not found:
        raise ServerMissing(f"no '{name}' entry point in the '{ENTRY_POINT_GROUP}' group: "
                            "reinstall figcheck (pip install figcheck, or pip install -e . in a checkout)")
    return next(iter(found)).load()
