"""The one settings model, shared by the CLI (``pyproject.toml`` / ``figcheck.toml``) and the
language server (``initializationOptions`` and ``workspace/configuration``).

Loading and validation of configuration files live in :mod:`figcheck.config_files`; this module
only defines what a setting is and how rules are selected.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import lru_cache

from .model import SEVERITIES

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.tex", "*.rst", "*.html", "*.htm")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code → severity override
    tolerance: float = 0.0  # extra relative tolerance for conversions (0.02 = 2 %)
    currency_rates: dict[str, float] = field(default_factory=dict)  # ISO code → value in USD
    max_file_size: int = 10_000_000  # bytes (characters for editor buffers)
    fail_on: str = "warning"

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **changes)

    def enabled_codes(self, rules, path: str | None = None) -> frozenset[str]:
        """The codes of ``rules`` (each with ``code`` and ``enabled_by_default``; the engine
        passes ``figcheck.rules.all_rules()``) that run on ``path`` under these settings."""
        chosen = _selected(
            None if self.select is None else tuple(self.select), tuple(self.extend_select),
            tuple(self.ignore), tuple((r.code, r.enabled_by_default) for r in rules),
        )
        if path is not None:
            for pattern, codes in self.per_file_ignores.items():
                if _path_matches(path, pattern):
                    chosen = frozenset(c for c in chosen if not _matches(c, codes))
        return chosen


@lru_cache(maxsize=64)
def _selected(select: tuple[str, ...] | None, extend_select: tuple[str, ...], ignore: tuple[str, ...],
              rules: tuple[tuple[str, bool], ...]) -> frozenset[str]:
    """The codes chosen before per-file-ignores: the same for every file of a run, so worked
    out once (issue #15)."""
    if select is None:
        chosen = {code for code, by_default in rules if by_default}
    else:
        chosen = {code for code, _ in rules if _matches(code, select)}
    chosen |= {code for code, _ in rules if _matches(code, extend_select)}
    return frozenset(c for c in chosen if not _matches(c, ignore))


def _matches(code: str, selectors) -> bool:
    """``FC2`` selects FC201 and FC202; ``ALL`` selects everything."""
    return any(s.upper() == "ALL" or code.startswith(s.upper()) for s in selectors)


def _path_matches(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    return fnmatch(path, pattern) or fnmatch(path.rsplit("/", 1)[-1], pattern)


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the source, the key and what is allowed."""


_KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "include": "include",
    "exclude": "exclude",
    "severity": "severity",
    "tolerance": "tolerance",
    "currency-rates": "currency_rates",
    "max-file-size": "max_file_size",
    "fail-on": "fail_on",
}


def _key_name(key: str) -> str:
    """Accept kebab-case (TOML), snake_case and camelCase (editor settings) spellings."""
    out = []
    for ch in key:
        if ch.isupper():
            out.append("-" + ch.lower())
        else:
            out.append("-" if ch == "_" else ch)
    return "".join(out)


def settings_from_mapping(data: dict, source: str, base: Settings | None = None) -> Settings:
    """Validate a mapping of settings (from TOML or an editor) into :class:`Settings`."""
    from .codes import REGISTRY

    base = base or Settings()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: settings must be a table, not {type(data).__name__}")
    changes: dict = {}
    for raw_key, value in data.items():
        key = _key_name(str(raw_key))
        if key not in _KEYS:
            allowed = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{source}: unknown setting '{raw_key}' (allowed: {allowed})")
        field_name = _KEYS[key]
        where = f"{source}: '{raw_key}'"
        if key in ("select", "extend-select", "ignore", "include", "exclude"):
            items = _string_list(value, where)
            if key in ("select", "extend-select", "ignore"):
                for code in items:
                    _check_selector(code, where, REGISTRY)
            else:
                from .globs import is_valid

                for glob in items:
                    if not is_valid(glob):
                        raise ConfigError(f"{where}: '{glob}' is not a valid glob pattern")
            changes[field_name] = tuple(items)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of glob = [codes]")
            table = {}
            for glob, codes in value.items():
                items = _string_list(codes, f"{where}.{glob}")
                for code in items:
                    _check_selector(code, f"{where}.{glob}", REGISTRY)
                table[str(glob)] = tuple(items)
            changes[field_name] = table
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of code = severity")
            table = {}
            for code, sev in value.items():
                if str(code).upper() not in REGISTRY:
                    raise ConfigError(f"{where}: unknown rule '{code}' (known: {', '.join(REGISTRY)})")
                if sev not in SEVERITIES:
                    raise ConfigError(f"{where}.{code}: '{sev}' is not one of {', '.join(SEVERITIES)}")
                table[str(code).upper()] = sev
            changes[field_name] = table
        elif key == "tolerance":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 0.5:
                raise ConfigError(f"{where} must be a number from 0 to 0.5 (a fraction: 0.02 is 2 %)")
            changes[field_name] = float(value)
        elif key == "currency-rates":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of ISO code = value in USD")
            rates = {}
            for code, rate in value.items():
                if not (isinstance(code, str) and len(code) == 3 and code.isalpha()):
                    raise ConfigError(f"{where}: '{code}' is not a three-letter ISO currency code")
                if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not 0 < rate < float("inf"):
                    raise ConfigError(f"{where}.{code} must be a positive, finite number")
                rates[code.upper()] = float(rate)
            changes[field_name] = rates
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31:
                raise ConfigError(f"{where} must be a whole number of bytes from 1 to 2147483648")
            changes[field_name] = value
        elif key == "fail-on":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}: '{value}' is not one of {', '.join(SEVERITIES)}")
            changes[field_name] = value
    return replace(base, **changes)


def _string_list(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def _check_selector(code: str, where: str, registry) -> None:
    up = code.upper()
    if up == "ALL" or any(known.startswith(up) for known in registry) and up.startswith("FC"):
        return
    raise ConfigError(f"{where}: unknown rule selector '{code}' (known: ALL, {', '.join(registry)})")
