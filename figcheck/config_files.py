"""Finding and loading configuration files.

Settings come from ``.figcheck.toml`` or ``figcheck.toml`` (top-level keys) or the
``[tool.figcheck]`` table of ``pyproject.toml``, the nearest one above each checked file
winning (in that order within one directory, like ruff). Configuration files are data: they are
parsed with :mod:`tomllib` and validated by :func:`figcheck.config.settings_from_mapping`;
nothing in them is ever executed or imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigError, Settings, settings_from_mapping

CONFIG_NAMES = (".figcheck.toml", "figcheck.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class Resolved:
    """Settings and where they came from; ``root`` anchors relative globs in them."""

    settings: Settings
    root: Path
    source: Path | None  # None: built-in defaults


def load_config_file(path: Path, base: Settings | None = None) -> Settings:
    """Settings from one file; raises ConfigError naming the file for any problem."""
    table = _figcheck_table(path)
    return settings_from_mapping(table if table is not None else {}, str(path), base)


def _figcheck_table(path: Path) -> dict | None:
    """The figcheck table of a config file, or None for a pyproject.toml without one."""
    import tomllib  # only when a configuration file is found: a run without one never needs it

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses into nested arrays and tables
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8 (TOML files must be UTF-8)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "figcheck" not in tool:
        return None
    if not isinstance(tool["figcheck"], dict):
        raise ConfigError(f"{path}: [tool.figcheck] must be a table")
    return tool["figcheck"]


def parse_inline(assignment: str) -> dict:
    """A ``--config 'key = value'`` TOML snippet."""
    import tomllib

    try:
        return tomllib.loads(assignment)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        detail = exc if isinstance(exc, tomllib.TOMLDecodeError) else "nested too deeply"
        raise ConfigError(f"--config '{assignment}': not a file and not a TOML 'key = value' ({detail})") from None


class ConfigResolver:
    """Finds the settings for each file, caching the discovered config per directory.

    ``explicit``: a file named by ``--config`` (used for every file, no discovery);
    ``discover=False``: ``--no-config``; ``overrides``: applied on top of whatever was found,
    as a function Settings → Settings (the command-line options).
    """

    def __init__(self, explicit: Path | None, discover: bool, overrides, cwd: Path | None = None):
        self.cwd = cwd or Path.cwd()
        self.overrides = overrides
        self._by_dir: dict[Path, Path | None] = {}
        self._by_file: dict[Path | None, Resolved] = {}
        self._fixed: Resolved | None = None
        if explicit is not None:
            path = explicit.resolve()
            self._fixed = Resolved(overrides(load_config_file(path)), path.parent, path)
        elif not discover:
            self._fixed = Resolved(overrides(Settings()), self.cwd, None)

    @classmethod
    def fixed(cls, settings: Settings, cwd: Path | None = None) -> "ConfigResolver":
        """Every file gets ``settings`` (from ``--config 'key = value'``)."""
        return cls(None, False, lambda _defaults: settings, cwd)  # no discovery: the overrides' settings

    def for_path(self, path: Path) -> Resolved:
        """Settings for a file or directory at ``path``."""
        if self._fixed is not None:
            return self._fixed
        path = path if path.is_absolute() else self.cwd / path
        start = path if path.is_dir() else path.parent
        return self._resolved(self._find(Path(os.path.normpath(start))))

    def _resolved(self, config: Path | None) -> Resolved:
        if config not in self._by_file:
            if config is None:
                resolved = Resolved(self.overrides(Settings()), self.cwd, None)
            else:
                resolved = Resolved(self.overrides(load_config_file(config)), config.parent, config)
            self._by_file[config] = resolved
        return self._by_file[config]

    def _find(self, directory: Path) -> Path | None:
        """The nearest config file at or above ``directory``."""
        visited = []
        found = None
        for current in (directory, *directory.parents):
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            visited.append(current)
            found = _config_in(current)
            if found is not None:
                break
        for current in visited:
            self._by_dir[current] = found
        return found


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        try:
            if not candidate.is_file():
                continue
        except OSError:
            continue
        if name != "pyproject.toml" or _figcheck_table(candidate) is not None:
            return candidate
    return None
