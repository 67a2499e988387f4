"""figcheck: find the numeric claims in prose and flag figures that cannot all be true."""

from .model import Claim, Diagnostic, Edit, Fix, Related

__all__ = ["Claim", "Diagnostic", "Edit", "Fix", "Related", "__version__"]


def __getattr__(name: str):
    # Looked up when first asked for (`--version`, reports, the language server's greeting).
    if name == "__version__":
        value = _version_from_metadata_file() or _version_from_importlib()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version_from_metadata_file() -> str | None:
    """The Version of the first ``figcheck-*.dist-info`` on ``sys.path``, read directly: what
    ``importlib.metadata.version`` finds there, without importing it (~80 ms of CPU, most of a
    language server's start-up before its first answer). None when the first figcheck metadata
    found is of another kind (an egg-info, a zip), or unreadable: importlib.metadata decides."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        found = [n for n in names if n.lower().startswith(("figcheck-", "figcheck."))
                 and n.lower().endswith((".dist-info", ".egg-info"))]
        if not found:
            continue
        if len(found) != 1 or not found[0].startswith("figcheck-") or not found[0].endswith(".dist-info"):
            return None
        try:
            with open(os.path.join(entry or ".", found[0], "METADATA"), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Version:"):
                        return line[len("Version:"):].strip()
                    if not line.strip():
                        return None  # the headers ended without a Version
        except OSError:
            return None
    return None


def _version_from_importlib() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("figcheck")
    except PackageNotFoundError:  # running from a source tree
        return "0.0.0+local"
