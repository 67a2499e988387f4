"""Figures written back into messages: one formatter for the rules' "whole numbers in full"
style (formatters with other contracts: ``equivalents.format_number`` rounds for hover and
inlay hints; ``rules.rounding.format_number`` writes a fix in the writer's own style)."""

from __future__ import annotations


def format_figure(x: float, fraction: str = "g") -> str:
    """A whole number in full with thousands separators ("12,000"); any other number in the
    format spec ``fraction`` (``"g"``, ``",.2f"``, ``".3g"``…)."""
    return f"{int(x):,}" if x == int(x) else format(x, fraction)
