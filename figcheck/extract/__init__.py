"""Text → numeric claims: tokens → numbers → units → claims."""

from __future__ import annotations

from ..model import Claim


def extract_claims(text: str) -> list[Claim]:
    """Every numeric claim in ``text``, in document order, non-overlapping."""
    from .claims import find_claims

    return find_claims(text)
