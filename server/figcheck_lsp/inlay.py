"""Inlay hints: the metric/imperial equivalent after a figure (off unless ``inlayHints``)."""

from __future__ import annotations

from lsprotocol import types

from figcheck.equivalents import counterpart


def inlay_hints(analysis, start: int, end: int) -> list[types.InlayHint]:
    """A hint after each figure in [start, end] that the writer did not already convert."""
    restated = {c.converted_from for c in analysis.claims if c.converted_from is not None}
    hints = []
    for index, claim in enumerate(analysis.claims):
        if not start <= claim.end <= end or index in restated or claim.converted_from is not None:
            continue
        if (other := counterpart(claim.value, claim.unit)) is None:
            continue
        hints.append(
            types.InlayHint(
                position=analysis.table.position(claim.end),
                label=f"≈ {other.text}",
                padding_left=True,
            )
        )
    return hints
