"""Figures written back to the writer: every way figcheck writes a number, in one place.

- :func:`format_figure`: messages ("12,000"; other numbers in a given format spec);
- :func:`format_readable`: hover and inlay hints (whole from 100 up, three significant figures below);
- :func:`format_significant`: a fix in the writer's own style (significant digits, their separators);
- :func:`format_decimals`: a fixed number of decimals (separators from 10,000), and
  :func:`decimals_written`, how many a writer used;
- :func:`minus_sign`, :func:`with_minus`: the writer's minus sign, "−" or "-";
- :func:`format_span`: two bounds, "35–45" or "−35 to −25";
- :func:`number_fix`: a fix that writes a figure in place of the number a claim was written with.
"""

from __future__ import annotations

import math
import re

from .model import Applicability, Claim, Edit, Fix


def format_figure(x: float, fraction: str = "g") -> str:
    """A whole number in full with thousands separators ("12,000"); any other number in the
    format spec ``fraction`` (``"g"``, ``",.2f"``, ``".3g"``…)."""
    return f"{int(x):,}" if x == int(x) else format(x, fraction)


def format_readable(x: float) -> str:
    """A readable rounding: whole numbers from 100 up, three significant figures below."""
    if not math.isfinite(x):
        return str(x)
    if abs(x) >= 100:
        return f"{round(x):,}"
    if x == 0:
        return "0"
    digits = max(0, 2 - math.floor(math.log10(abs(x))))
    text = f"{x:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def round_sig(x: float, sig: int) -> float:
    """``x`` rounded to ``sig`` significant digits."""
    if x == 0:
        return 0.0
    return round(x, sig - 1 - math.floor(math.log10(abs(x))))


def format_significant(x: float, sig: int, like: str = "", minus: str = "-") -> str:
    """``x`` rounded to ``sig`` significant digits, written the way ``like`` writes numbers
    (thousands separators when it has them, or when the number is 10,000 or more), a negative
    with the writer's ``minus`` sign (see :func:`minus_sign`)."""
    r = round_sig(x, sig)
    decimals = max(0, sig - 1 - math.floor(math.log10(abs(r)))) if r else 0
    written = _THOUSANDS.search(like or "")
    use_sep = written is not None or abs(r) >= 10_000
    body = f"{abs(r):,.{decimals}f}" if use_sep else f"{abs(r):.{decimals}f}"
    if written is not None and written.group(1) != ",":
        body = body.replace(",", written.group(1))  # ("30 000", "30 000": the writer's space)
    return (minus if r < 0 else "") + body


# What a number written in digits sets its thousands off with: a comma, or a space (plain,
# no-break, thin or narrow no-break: "30,000", "30 000").
SPACE_SEPARATORS = " \u00a0\u2009\u202f"
THOUSANDS_SEPARATORS = "," + SPACE_SEPARATORS
_THOUSANDS = re.compile(rf"\d([{THOUSANDS_SEPARATORS}])\d{{3}}(?!\d)")


def sets_off_thousands(written: str) -> bool:
    """Whether a number as written sets its thousands off ("1,300", "30 000"): what
    :func:`format_significant` copies from it."""
    return _THOUSANDS.search(written) is not None


MINUS = "\u2212"  # the typographic minus sign, "−"


def minus_sign(*written: str) -> str:
    """The minus sign the writer uses in ``written`` (the figures a message or a fix echoes):
    "−" when any of them has it, else "-"."""
    return MINUS if any(MINUS in w for w in written) else "-"


def with_minus(text: str, minus: str) -> str:
    """A number formatted by Python ("-4.5") with the writer's ``minus`` sign."""
    return minus + text[1:] if text.startswith("-") else text


def format_span(low: str, high: str) -> str:
    """Two bounds as a reader writes them: "35–45", but "−35 to −25" (a dash between two minus
    signs reads as a subtraction)."""
    negative = ("-", MINUS)
    return f"{low} to {high}" if low.startswith(negative) or high.startswith(negative) else f"{low}–{high}"


def format_decimals(x: float, decimals: int) -> str:
    """``x`` with ``decimals`` decimals, thousands separators from 10,000 up."""
    return f"{x:,.{decimals}f}" if abs(x) >= 10_000 else f"{x:.{decimals}f}"


_DECIMAL_PLACES = re.compile(r"\d(?:[\d,]*)\.(\d+)")


def decimals_written(number_text: str | None) -> int:
    """How many decimals a number was written with ("13.10" → 2, "1,200" → 0): what a fix
    rewriting it keeps."""
    m = _DECIMAL_PLACES.search(number_text or "")
    return len(m.group(1)) if m else 0


def number_fix(claim: Claim, new: str, applicability: Applicability) -> Fix | None:
    """A fix writing ``new`` in place of the number ``claim`` was written with ("Replace “35”
    with “43”"); None when that number is not found in the claim's text, or already reads so."""
    number = claim.number_text
    at = claim.text.find(number) if number else -1
    if at < 0 or new == number:
        return None
    start = claim.start + at
    return Fix(message=f"Replace “{number}” with “{new}”", applicability=applicability,
               edits=(Edit(start, start + len(number), new),))
