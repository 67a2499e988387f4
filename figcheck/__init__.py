"""figcheck: find the numeric claims in prose and flag figures that cannot all be true."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("figcheck")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+local"

from .model import Claim, Diagnostic, Edit, Fix, Related  # noqa: E402

__all__ = ["Claim", "Diagnostic", "Edit", "Fix", "Related", "__version__"]
