"""Hover: the claim under the cursor as the engine reads it, and any diagnostic there in full."""

from __future__ import annotations

from figcheck.equivalents import describe
from figcheck.figures import format_readable
from figcheck.model import Claim, Diagnostic
from figcheck.rules.change_mismatch import describe as describe_change
from figcheck.rules.changes import change_at
from figcheck.rules.context import CheckContext


def claim_at(claims: list[Claim], offset: int) -> Claim | None:
    return next((c for c in claims if c.start <= offset <= c.end), None)


def diagnostics_at(diagnostics: list[Diagnostic], offset: int) -> list[Diagnostic]:
    return [d for d in diagnostics if d.start <= offset <= max(d.end, d.start + 1)]


def hover_text(analysis, offset: int, markdown: bool = True) -> tuple[str, tuple[int, int]] | None:
    """The hover text at ``offset`` and the span it describes, or None."""
    claim = claim_at(analysis.claims, offset)
    found = diagnostics_at(analysis.diagnostics, offset)
    change = change_of(analysis, offset)
    parts = []
    if claim is not None:
        parts.append(describe_claim(claim, analysis.claims, markdown))
    if change is not None:
        parts.append(describe_change_line(change, markdown))
    parts.extend(describe_diagnostic(d, analysis.text, markdown) for d in found)
    if not parts:
        return None
    spans = ([(claim.start, claim.end)] if claim else []) + ([(change.start, change.end)] if change else [])
    spans += [(d.start, d.end) for d in found]
    rule = "\n\n---\n\n" if markdown else "\n\n"
    return rule.join(parts), spans[0]


def describe_claim(claim: Claim, claims: list[Claim], markdown: bool = True) -> str:
    b = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    lines = [f"{b('figcheck reads')} “{claim.text}” as:"]
    amount = format_readable(claim.value) + (f" {claim.unit}" if claim.unit else "")
    lines.append(f"- value: {amount}")
    if claim.low != claim.value or claim.high != claim.value:
        low = "open" if claim.low is None else format_readable(claim.low)
        high = "open" if claim.high is None else format_readable(claim.high)
        lines.append(f"- bounds: {low} to {high}")
    lines.append(f"- kind: {claim.kind} ({claim.dimension})")
    if claim.counted:
        lines.append(f"- counting: {claim.counted}")
    if claim.qualifier:
        lines.append(f"- qualifier: {claim.qualifier}")
    if claim.converted_from is not None and 0 <= claim.converted_from < len(claims):
        lines.append(f"- restates: “{claims[claim.converted_from].text}”")
    if equivalents := describe(claim.value, claim.unit):
        lines.append("- ≈ " + " ≈ ".join(equivalents))
    return "\n".join(lines)


def describe_diagnostic(d: Diagnostic, text: str, markdown: bool = True) -> str:
    head = f"{d.code} {d.name} ({d.severity})"
    lines = [f"**{head}**" if markdown else head, "", d.message]
    for r in d.related:
        if r.path is None:
            lines.append(f"- “{text[r.start:r.end]}”: {r.message}")
        else:
            lines.append(f"- {r.path}: {r.message}")
    if d.fix is not None:
        lines.append(f"\nFix ({d.fix.applicability}): {d.fix.message}")
    return "\n".join(lines)


def change_of(analysis, offset: int):
    """The stated change one of whose figures is at ``offset`` (read by the engine)."""
    document = getattr(analysis, "document", None)
    if document is None:
        return None
    return change_at(CheckContext(document=document, claims=analysis.claims), offset)


def describe_change_line(change, markdown: bool = True) -> str:
    b = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    verdict = "as stated" if change.consistent else f"but “{change.stated_text}” is stated"
    return f"{b('change')}: {describe_change(change)} ({verdict})"
