"""figcheck: find the numeric claims in prose and flag figures that cannot all be true."""

from .model import Claim, Diagnostic, Edit, Fix, Related

__all__ = ["Claim", "Diagnostic", "Edit", "Fix", "Related", "__version__"]


def __getattr__(name: str):
    # importlib.metadata costs ~30 ms; only `--version` and reports need the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("figcheck")
        except PackageNotFoundError:  # running from a source tree
            value = "0.0.0+local"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
