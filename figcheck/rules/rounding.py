"""Rounding and intervals: what range of true values a figure as written allows.

A writer who puts "90" may mean anything from 85 to 95 (a trailing zero of an integer does not
say whether it is significant), "42.2" means 42.15–42.25, and "about 3,000" is wider still. The
consistency rules compare these intervals rather than the bare numbers, so that a figure and its
rounded restatement never look like a contradiction.
"""

from __future__ import annotations

import math
import re

from ..figures import SPACE_SEPARATORS, THOUSANDS_SEPARATORS
from ..model import Claim

# Relative slack every comparison allows beyond the writer's rounding: conversion factors are
# often used rounded (1 mile ≈ 1.6 km, 1 km ≈ 0.6 mile).
BASE_SLACK = 0.012
# Extra relative width for a figure the writer calls approximate ("about", "some", "~").
APPROX_WIDEN = 0.05

# A number written in digits, its thousands set off by commas or by spaces (figures'
# separators: "30,000", "30 000"), as the extractor reads them.
_NUMBER = re.compile(rf"\d(?:[\d,]|[{SPACE_SEPARATORS}](?=\d{{3}}(?!\d)))*(?:\.\d+)?|\.\d+")
_SEPARATORS = re.compile(f"[{THOUSANDS_SEPARATORS}]")


def first_number(text: str | None) -> re.Match | None:
    """Where the first number written in digits in ``text`` is ("1.3" in "about 1.3 million")."""
    return _NUMBER.search(text or "")


def plain_digits(written: str) -> str:
    """A number as written with its thousands separators dropped ("30 000" → "30000")."""
    return _SEPARATORS.sub("", written)


def number_rounding(number_text: str) -> float | None:
    """Half a unit of the last significant digit of a number written in digits (generous with
    trailing zeros of integers: "90" → 5, "1,000" → 500); None when there are no digits."""
    m = first_number(number_text)
    if not m:
        return None
    digits = plain_digits(m.group())
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros


def range_roundings(claim: Claim) -> tuple[float, float]:
    """Precision of the low and the high end of a range claim."""
    found = [number_rounding(m.group()) for m in _NUMBER.finditer(claim.number_text or "")]
    found = [p for p in found if p is not None]
    if len(found) >= 2:
        return found[0], found[-1]
    return claim.rounding, claim.rounding


def digits_of(text: str) -> list[str]:
    """The numbers written in ``text``, as plain digits ("1,105 to 1,200" → ["1105", "1200"])."""
    return [plain_digits(m.group()) for m in _NUMBER.finditer(text or "")]


def sig_range(digits: str) -> tuple[int, int]:
    """(fewest, most) significant digits a number written as ``digits`` may have:
    "1000" → (1, 4), "90" → (1, 2), "386" → (3, 3), "42.20" → (4, 4), "0.05" → (1, 1)."""
    if "." in digits:
        whole, frac = digits.split(".", 1)
        all_digits = (whole + frac).lstrip("0")
        k = max(1, len(all_digits))
        return k, k
    core = digits.lstrip("0")
    if not core:
        return 1, 1
    return max(1, len(core.rstrip("0"))), len(core)


def rounding_interval(number: float, k: int) -> tuple[float, float]:
    """Every x that rounds to ``number`` at ``k`` significant digits (for 1000 at k=1: 950–1500,
    since just below a power of ten the steps are ten times finer)."""
    if number == 0:
        return 0.0, 0.0
    mag = abs(number)
    e = math.floor(math.log10(mag) + 1e-12)
    up = 0.5 * 10 ** (e - k + 1)
    down = 0.5 * 10 ** (e - k) if math.isclose(mag, 10**e, rel_tol=1e-12) else up
    lo, hi = mag - down, mag + up
    return (lo, hi) if number > 0 else (-hi, -lo)


def written_intervals(claim: Claim, min_sig: int | None = None) -> list[tuple[float, float]] | None:
    """The interval of each number as written (two for a range), read as generously as its
    digits allow but with at least ``min_sig`` significant digits; None when the number is not
    plain digits times a power of ten ("47 feet 3 inches", "92 5⁄8", "a mile")."""
    numbers = _numbers_as_written(claim)
    if numbers is None:
        return None
    out = []
    for digits, d, value, scale in numbers:
        if not scale:
            out.append((value, value))
            continue
        k_min, k_max = sig_range(digits)
        k = k_min if min_sig is None else max(k_min, min(min_sig, k_max))
        lo, hi = rounding_interval(d, k)
        out.append((lo * scale, hi * scale) if scale > 0 else (hi * scale, lo * scale))
    return out


def written_values(claim: Claim) -> list[float | None]:
    """The values of the claim's numbers, a range's two ends in the order
    :func:`written_intervals` reads them."""
    if not claim.is_range:
        return [claim.value]
    nums = digits_of(claim.number_text)
    ends = _range_ends(claim, nums)
    return ends if len(nums) == len(ends) else [claim.low, claim.high]


def digits_within(claim: Claim, step: float) -> int | None:
    """The fewest significant digits at which every number of ``claim`` is read to within
    ``step`` either side (all its digits when none reads that finely); None when the number is
    not plain digits times a power of ten."""
    numbers = _numbers_as_written(claim)
    if numbers is None:
        return None
    needed = 1
    for digits, d, _, scale in numbers:
        if not scale:
            continue
        k_min, k_max = sig_range(digits)
        k = next((k for k in range(k_min, k_max + 1)
                  if (rounding_interval(d, k)[1] - d) * abs(scale) <= step), k_max)
        needed = max(needed, k)
    return needed


def _numbers_as_written(claim: Claim) -> list[tuple[str, float, float, float]] | None:
    """(digits, their number, the claim's value of it, the power of ten that scales one to the
    other, negative below zero; 0 for a zero) of each number of ``claim`` (two for a range); None
    when the number is not plain digits times a power of ten."""
    nums = digits_of(claim.number_text)
    values = _range_ends(claim, nums) if claim.is_range else [claim.value]
    if len(nums) != len(values) or None in values:
        return None
    out = []
    for digits, value in zip(nums, values):
        try:
            d = float(digits)
        except ValueError:
            return None
        if d == 0 or value == 0:
            out.append((digits, d, value, 0.0))
            continue
        scale = value / d  # (negative for a figure below zero: its digits are read the same)
        if not math.isclose(math.log10(abs(scale)), round(math.log10(abs(scale))), abs_tol=1e-9):
            return None
        out.append((digits, d, value, scale))
    return out


def _range_ends(claim: Claim, nums: list[str]) -> list[float | None]:
    """A range's two ends as written: its ``low`` and ``high`` are widened by a qualifier ("about
    350–380" reads 315–418), while its value is the middle of the ends as written, which gives
    the scale of the digits ("3 to 4 million": 3.5 million over 3.5)."""
    if len(nums) != 2:
        return [claim.low, claim.high]
    try:
        d0, d1 = float(nums[0]), float(nums[1])
    except ValueError:
        return [claim.low, claim.high]
    if d0 + d1 <= 0 or claim.value <= 0:
        return [claim.low, claim.high]
    scale = claim.value / ((d0 + d1) / 2)
    return [d0 * scale, d1 * scale]


def min_sig_digits(claim: Claim) -> int | None:
    """The fewest significant digits the claim's number(s) may have (None: not plain digits)."""
    nums = digits_of(claim.number_text)
    if not nums:
        return None
    return min(sig_range(d)[0] for d in nums)


def max_sig_digits(claim: Claim) -> int | None:
    nums = digits_of(claim.number_text)
    if not nums:
        return None
    return max(sig_range(d)[1] for d in nums)


def figure_interval(claim: Claim, *, approx_widen: float = APPROX_WIDEN) -> tuple[float, float]:
    """The values the number as written covers, ignoring one-sided qualifiers ("more than")
    but widening approximations: what a conversion of the figure must agree with."""
    if claim.is_range and claim.low is not None and claim.high is not None:
        plo, phi = range_roundings(claim)
        lo, hi = claim.low - plo, claim.high + phi
    else:
        lo, hi = claim.value - claim.rounding, claim.value + claim.rounding
    if claim.is_estimate or is_approx_qualifier(claim.qualifier):
        lo, hi = lo - abs(lo) * approx_widen, hi + abs(hi) * approx_widen
    return lo, hi


def claim_interval(claim: Claim) -> tuple[float, float]:
    """The values the words allow (qualifiers included, open sides infinite) plus rounding."""
    if claim.is_range:
        plo, phi = range_roundings(claim)
    else:
        plo = phi = claim.rounding
    lo = -math.inf if claim.low is None else claim.low - plo
    hi = math.inf if claim.high is None else claim.high + phi
    if claim.low is not None and claim.high is not None and claim.low == claim.high:
        # A plain figure: keep the rounding, and widen it when the writer says "about".
        if claim.is_estimate or is_approx_qualifier(claim.qualifier):
            lo, hi = lo - abs(lo) * APPROX_WIDEN, hi + abs(hi) * APPROX_WIDEN
    return lo, hi


def disjoint(a: tuple[float, float], b: tuple[float, float], rel: float = BASE_SLACK) -> bool:
    """True when no value lies in both intervals, even allowing ``rel`` relative slack."""
    lo_a, hi_a = a
    lo_b, hi_b = b
    if hi_a >= lo_b and hi_b >= lo_a:
        return False  # overlapping already: no slack can separate them
    if -math.inf < lo_a < math.inf and -math.inf < hi_a < math.inf \
            and -math.inf < lo_b < math.inf and -math.inf < hi_b < math.inf:
        slack = max(abs(lo_a), abs(hi_a), abs(lo_b), abs(hi_b)) * rel  # (all finite: most pairs)
    else:
        slack = max(_finite_abs(a), _finite_abs(b)) * rel
    return hi_a + slack < lo_b or hi_b + slack < lo_a


def _finite_abs(iv: tuple[float, float]) -> float:
    """The largest magnitude of the interval's finite ends (0 when neither is)."""
    lo, hi = iv
    if math.isfinite(lo):
        return max(abs(lo), abs(hi)) if math.isfinite(hi) else abs(lo)
    return abs(hi) if math.isfinite(hi) else 0.0


def is_approx_qualifier(q: str | None) -> bool:
    return bool(q) and q.lower() in {
        "about", "around", "some", "approximately", "roughly", "nearly", "almost", "close to",
        "an estimated", "estimated", "circa", "c.", "ca.", "~", "≈", "just under", "just over",
        "getting on for", "upwards of", "or so",
    }


def significant_digits(claim: Claim) -> int:
    """How many significant digits the figure was written with (at least 1)."""
    if claim.rounding <= 0 or claim.value == 0:
        return 3
    return max(1, math.floor(math.log10(abs(claim.value) / (2 * claim.rounding)) + 1e-9) + 1)


def exact_interval(claim: Claim) -> tuple[float, float]:
    """The claim read with every written digit significant ("20" → 19.5–20.5), qualifiers
    and approximations still allowed for: how a count in a breakdown or a part is read."""
    if claim.approximate or claim.is_range:
        return claim_interval(claim)
    ivs = written_intervals(claim, min_sig=99)
    if ivs is None or len(ivs) != 1:  # (a number word: "nine" reads 8.5–9.5, as a count 9)
        return whole_units(claim, claim_interval(claim))
    return whole_units(claim, ivs[0])


def whole_units(claim: Claim, interval: tuple[float, float]) -> tuple[float, float]:
    """A count of things read to its last unit ("13" → 12.5–13.5) is that whole number and no
    other: half a unit either side let parts off by one pass ("30 injured: 12 seriously and 19
    lightly" summed to 30–32). Other readings are kept."""
    lo, hi = interval
    value = claim.value
    if claim.kind == "count" and value is not None and value == int(value) \
            and lo == value - 0.5 and hi == value + 0.5:
        return value, value
    return interval
