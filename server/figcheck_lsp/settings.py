"""Settings as the editor sends them, merged over the workspace's configuration files.

There is one settings model, :class:`figcheck.config.Settings`, validated by
:func:`figcheck.config.settings_from_mapping`. Editor settings arrive three ways —
``initializationOptions``, ``workspace/configuration`` (section ``figcheck``) and
``workspace/didChangeConfiguration`` — as a mapping with camelCase keys; later ones override
earlier ones key by key, and the result is applied over the ``pyproject.toml [tool.figcheck]`` or
``figcheck.toml`` found above the document (which override the defaults).

A few keys belong to the editor alone: ``inlayHints`` (this server's) and the client
extension's own (``path``, ``interpreter``, ...), which are dropped before validation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from figcheck.config import ConfigError, Settings, settings_from_mapping

log = logging.getLogger(__name__)

SECTION = "figcheck"
# Keys the server reads itself (every spelling settings_from_mapping would accept): field of
# EditorSettings → its spellings. ``unsafeFixes``: fix-all applies unsafe fixes too, as
# ``figcheck check --fix --unsafe-fixes`` does.
_SERVER_KEYS = {
    "inlay_hints": ("inlayHints", "inlay-hints", "inlay_hints"),
    "unsafe_fixes": ("unsafeFixes", "unsafe-fixes", "unsafe_fixes"),
}
_SERVER_SPELLINGS = frozenset(k for keys in _SERVER_KEYS.values() for k in keys)
# Keys of the editor extension (how to start the server), not of the checker.
CLIENT_ONLY_KEYS = frozenset(
    {"path", "interpreter", "importStrategy", "trace", "showNotifications", "enable", "args",
     "serverPath", "logLevel", "server"}
)


@dataclass(frozen=True)
class EditorSettings:
    """What the editor asked for: validated engine keys (raw) and the server's own keys."""

    engine: dict = field(default_factory=dict)  # validated camelCase mapping for Settings
    inlay_hints: bool = False
    unsafe_fixes: bool = False


def unwrap(data) -> dict:
    """The figcheck settings inside what a client sent (flat, or under ``figcheck``/``settings``)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"settings must be an object, not {type(data).__name__}")
    for key in (SECTION, "settings"):
        if isinstance(data.get(key), dict) and len(data) == 1:
            return data[key]
    return data


def parse(data, source: str, base: EditorSettings | None = None) -> EditorSettings:
    """Validate editor settings over ``base``; raises ConfigError with a clear message."""
    base = base or EditorSettings()
    data = unwrap(data)
    engine = {k: v for k, v in data.items() if k not in CLIENT_ONLY_KEYS and k not in _SERVER_SPELLINGS}
    own = {name: getattr(base, name) for name in _SERVER_KEYS}
    for name, spellings in _SERVER_KEYS.items():
        for key in spellings:
            if key in data:
                if not isinstance(data[key], bool):
                    raise ConfigError(f"{source}: '{key}' must be true or false")
                own[name] = data[key]
    settings_from_mapping(engine, source)  # validation only; applied per document below
    return EditorSettings({**base.engine, **engine}, **own)


def settings_for(path: str | None, editor: EditorSettings) -> tuple[Settings, str | None]:
    """The engine settings for a document (defaults ← config file ← editor), and the directory
    that relative globs in them (per-file-ignores) are anchored to."""
    base, root = file_settings(str(Path(path).parent)) if path else (Settings(), None)
    try:
        return settings_from_mapping(editor.engine, "editor settings", base), root
    except ConfigError as exc:  # validated on arrival, so only a config-file clash gets here
        log.warning("%s; using the configuration file's settings", exc)
        return base, root


_resolver = None


def file_settings(directory: str) -> tuple[Settings, str | None]:
    """Settings from the nearest .figcheck.toml / figcheck.toml / pyproject.toml [tool.figcheck]
    at or above ``directory`` (found by the CLI's resolver, which caches per directory)."""
    global _resolver
    try:
        from figcheck.config_files import ConfigResolver

        if _resolver is None:
            _resolver = ConfigResolver(None, True, lambda settings: settings)
        found = _resolver.for_path(Path(directory))
    except ConfigError as exc:
        log.warning("%s; using the defaults", exc)
        return Settings(), None
    except Exception as exc:  # a broken or missing loader must not take the server down
        log.warning("could not read configuration near %s: %s", directory, exc)
        return Settings(), None
    return found.settings, str(found.root) if found.source is not None else None


def forget_file_settings() -> None:
    """Drop cached configuration files (after a settings change or a saved config file)."""
    global _resolver
    _resolver = None
