"""The engine's front door: document → claims → rules → diagnostics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import Settings
from .extract import extract_claims
from .model import Claim, Diagnostic
from .rules import all_rules
from .rules.context import CheckContext
from .rules.suppression import Suppressions
from .text import Document, read_document

if TYPE_CHECKING:  # (a holder of a document imports it; a one-off check never needs it)
    from .incremental_check import HeldDocument


def check_document(
    document: Document,
    settings: Settings | None = None,
    path: str | None = None,
    claims: list[Claim] | None = None,
    held: HeldDocument | None = None,
) -> list[Diagnostic]:
    """Every diagnostic the enabled rules raise on ``document``, in document order. ``held``:
    what is kept of this document from its previous check (the same diagnostics, found with
    less work after an edit)."""
    settings = settings or Settings()
    if claims is None:
        claims = extract_claims(document.prose)
    enabled = _enabled_codes(settings, path)
    ctx = CheckContext(document=document, claims=claims, settings=settings)
    if held is not None:
        held.prepare(ctx)
    suppressions = Suppressions.parse(document) if held is None else \
        Suppressions.parse(document, held.versions.line_index, held.directives)
    found: list[Diagnostic] = []
    for rule in all_rules():
        if rule.code not in enabled:
            continue
        for diagnostic in rule.check(ctx) if held is None else held.diagnostics(rule, ctx):
            if suppressions.suppressed(diagnostic.code, diagnostic.start):
                continue
            severity = settings.severity.get(rule.code)
            if severity and severity != diagnostic.severity:
                diagnostic = _with_severity(diagnostic, severity)
            found.append(diagnostic)
    if (note := suppressions.unknown_code_diagnostic()) is not None:  # once a file
        found.append(note)
    found.sort(key=lambda d: (d.start, d.end, d.code))
    if held is not None:
        held.keep(ctx)
    return found


class _LastEnabled:
    """The codes enabled by the settings of the last check, when they hold no per-file-ignores
    (then the same for every file): worked out once a run, not once a file (issue #15)."""

    entry: tuple[Settings, frozenset[str]] | None = None


def _enabled_codes(settings: Settings, path: str | None) -> frozenset[str]:
    if settings.per_file_ignores:
        return settings.enabled_codes(all_rules(), path)
    entry = _LastEnabled.entry
    if entry is not None and entry[0] is settings:
        return entry[1]
    enabled = settings.enabled_codes(all_rules(), path)
    _LastEnabled.entry = (settings, enabled)
    return enabled


def check_text(text: str, format: str = "text", settings: Settings | None = None) -> list[Diagnostic]:
    return check_document(read_document(text, format), settings)


def _with_severity(diagnostic: Diagnostic, severity: str) -> Diagnostic:
    from dataclasses import replace

    return replace(diagnostic, severity=severity)
