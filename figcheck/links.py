"""Where figcheck's documentation lives, read at run time from the installed package's metadata.

The one setting is ``[project.urls]`` in ``pyproject.toml``: a ``Source`` (or ``Repository``, or
``Homepage``) entry with the repository's web address, for example
``Source = "https://github.com/OWNER/figcheck"``. Reports and the language server link each rule
to ``{that URL}/blob/main/docs/rules.md#fc202`` (the layout GitHub, Gitea and Forgejo serve, and
GitLab redirects), and SARIF names it as the tool's ``informationUri``. Without such an entry —
the repository ships none, since it has no public address yet — nothing links anywhere, rather
than to a made-up place. The metadata is written when figcheck is installed: after changing
``[project.urls]``, install again (``pip install -e .`` in a checkout).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# Labels of [project.urls], in order of preference (compared without case, spaces, - or _).
URL_LABELS = ("source", "sourcecode", "repository", "homepage")
RULES_PAGE = "blob/main/docs/rules.md"


def url_from_entries(entries: Iterable[str]) -> str | None:
    """The project URL from ``Project-URL`` metadata entries (``"Label, https://…"``)."""
    found: dict[str, str] = {}
    for entry in entries:
        label, sep, url = entry.partition(",")
        url = url.strip()
        if not sep or not url.startswith(("https://", "http://")):
            continue
        key = "".join(ch for ch in label.lower() if ch.isalnum())
        found.setdefault(key, url.rstrip("/"))
    return next((found[label] for label in URL_LABELS if label in found), None)


@lru_cache(maxsize=1)
def project_url() -> str | None:
    """The repository URL configured in ``[project.urls]`` of the installed figcheck, or None.
    Read from the metadata file directly (:mod:`figcheck.installed`): the language server asks
    for it with its first diagnostics."""
    from .installed import header_values

    entries = header_values("Project-URL")
    if entries is None:
        from importlib.metadata import PackageNotFoundError, metadata

        try:
            entries = metadata("figcheck").get_all("Project-URL") or []
        except PackageNotFoundError:  # running from a source tree that was never installed
            return None
    return url_from_entries(entries)


def rule_doc_url(code: str, base: str | None = None) -> str | None:
    """The documentation of rule ``code`` (``…/docs/rules.md#fc202``), or None without a URL."""
    base = base if base is not None else project_url()
    if not base:
        return None
    return f"{base}/{RULES_PAGE}#{code.lower()}"
