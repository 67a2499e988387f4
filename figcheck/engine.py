"""The engine's front door: document → claims → rules → diagnostics."""

from __future__ import annotations

from .config import Settings
from .extract import extract_claims
from .model import Claim, Diagnostic
from .rules import all_rules
from .rules.context import CheckContext
from .rules.suppression import Suppressions
from .text import Document, read_document


def check_document(
    document: Document,
    settings: Settings | None = None,
    path: str | None = None,
    claims: list[Claim] | None = None,
) -> list[Diagnostic]:
    """Every diagnostic the enabled rules raise on ``document``, in document order."""
    settings = settings or Settings()
    if claims is None:
        claims = extract_claims(document.prose)
    enabled = settings.enabled_codes(all_rules(), path)
    ctx = CheckContext(document=document, claims=claims, settings=settings)
    suppressions = Suppressions.parse(document)
    found: list[Diagnostic] = []
    for rule in all_rules():
        if rule.code not in enabled:
            continue
        for diagnostic in rule.check(ctx):
            if suppressions.suppressed(diagnostic.code, diagnostic.start):
                continue
            severity = settings.severity.get(rule.code)
            if severity and severity != diagnostic.severity:
                diagnostic = _with_severity(diagnostic, severity)
            found.append(diagnostic)
    if (note := suppressions.unknown_code_diagnostic()) is not None:  # once a file
        found.append(note)
    found.sort(key=lambda d: (d.start, d.end, d.code))
    return found


def check_text(text: str, format: str = "text", settings: Settings | None = None) -> list[Diagnostic]:
    return check_document(read_document(text, format), settings)


def _with_severity(diagnostic: Diagnostic, severity: str) -> Diagnostic:
    from dataclasses import replace

    return replace(diagnostic, severity=severity)
