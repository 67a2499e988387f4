"""Text → numeric claims: tokens → numbers → units → claims (:func:`extract_claims`)."""

from __future__ import annotations

from .claims import extract_claims

__all__ = ["extract_claims"]
