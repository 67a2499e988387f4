"""figcheck: find the numeric claims in prose and flag figures that cannot all be true."""

__all__ = ["Claim", "Diagnostic", "Edit", "Fix", "Related", "__version__"]

# The engine's value types, imported when first asked for: importing the package (as
# ``figcheck.cache_files`` does, before the language server installs its code cache) then builds
# no dataclass.
_MODEL_NAMES = frozenset({"Claim", "Diagnostic", "Edit", "Fix", "Related"})


def __getattr__(name: str):
    if name in _MODEL_NAMES:
        from . import model

        value = getattr(model, name)
    elif name == "__version__":  # `--version`, reports, the language server's greeting
        value = _version()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def _version() -> str:
    """The installed figcheck's Version, read from its metadata file directly (importing
    importlib.metadata costs ~50 ms of CPU, much of a language server's start-up)."""
    from .installed import header_values

    found = header_values("Version")
    if found:
        return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("figcheck")
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0+local"
