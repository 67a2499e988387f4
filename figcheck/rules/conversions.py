"""What the unit rules share: whether a stated equivalent agrees with its source (FC101, and
FC202 when a document's own conversion corroborates a unit), and the common conversion factors
writers confuse (FC202, and FC201, which leaves such pairs to FC202)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import lru_cache

from .. import units
from ..model import Claim
from .context import CheckContext
from .rounding import (
    APPROX_WIDEN,
    BASE_SLACK,
    claim_interval,
    digits_of,
    digits_within,
    disjoint,
    is_approx_qualifier,
    max_sig_digits,
    min_sig_digits,
    range_roundings,
    written_intervals,
    written_values,
)

# Units this close (tonne vs ton) are not a mix-up worth a warning.
MIN_FACTOR = 1.15
# Nor units this far apart: nobody writes "150 mm" meaning 150 yards (a factor of 914), while
# cubic metres and cubic feet (35) are confused.
MAX_FACTOR = 40
# Two different numbers in one unit whose ratio is a conversion factor: only for factors well
# away from 1. Two figures of one kind 10-20% apart are common ("a range of 9,680 nautical miles
# at 14 knots", "7,870 at 16 knots"), and a ratio near 1.15 (knots and miles per hour, nautical
# and statute miles) is met by chance far more often than one near 1.6 or 2.59.
MIN_MIXUP_FACTOR = 1.3

# Common conversion factors, by dimension: the units whose confusion a writer makes.
COMMON_UNITS = {
    "[length]": ("kilometer", "mile", "meter", "foot", "yard", "inch", "centimeter", "nautical_mile"),
    "[length] ** 2": ("kilometer ** 2", "mile ** 2", "hectare", "acre", "meter ** 2", "foot ** 2"),
    "[mass]": ("kilogram", "pound", "metric_ton", "short_ton", "long_ton", "gram", "ounce"),
    "[length] ** 3": ("liter", "gallon", "imperial_gallon", "meter ** 3", "foot ** 3", "barrel"),
    "[length] / [time]": ("kilometer / hour", "mile / hour", "knot", "meter / second"),
    "[temperature]": ("degree_Celsius", "degree_Fahrenheit"),
}
# The kinds of quantity that prose converts from one unit to another (the dimensions above).
CONVERTED_KINDS = frozenset(COMMON_UNITS)


def converter(ctx: CheckContext, source: Claim, equivalent: Claim):
    """A function from the source's unit to the equivalent's, or None when not checkable."""
    if source.kind == "money" and equivalent.kind == "money":
        rates = {"USD": 1.0, **ctx.settings.currency_rates}  # rates are "value of one unit in USD"
        a, b = source.dimension.partition(":")[2], equivalent.dimension.partition(":")[2]
        if a == b or a not in rates or b not in rates:
            return None
        factor = rates[a] / rates[b]
        return lambda x: x * factor
    if source.kind != "quantity" or equivalent.kind != "quantity":
        return None
    if not source.unit or not equivalent.unit:
        return None
    if source.dimension != equivalent.dimension:
        if units.reciprocal(source.unit, equivalent.unit):
            # "30 mpg (7.8 L/100 km)": distance per fuel restated as fuel per distance (of a
            # figure above zero: the inverse of none is no figure)
            if source.value <= 0 or equivalent.value <= 0:
                return None
            su, eu = source.unit, equivalent.unit
            return lambda x: units.convert_reciprocal(x, su, eu)
        return None  # another kind of quantity: FC102's business
    if source.unit == equivalent.unit:
        return lambda x: x
    try:
        units.convert(1.0, source.unit, equivalent.unit)
    except Exception:
        return None
    below = below_zero_converters(ctx, source, equivalent)
    if below:
        return below[0]  # (the figure as the temperature it names: see _BELOW_ZERO)
    su, eu = source.unit, equivalent.unit
    return lambda x: units.convert(x, su, eu)


ABSOLUTE_TO_DELTA = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
    "kelvin": "kelvin",
    "degree_Rankine": "delta_degree_Rankine",
}


def is_temperature_pair(a: Claim, b: Claim) -> bool:
    return a.unit in ABSOLUTE_TO_DELTA and b.unit in ABSOLUTE_TO_DELTA and a.unit != b.unit


def _delta_converter(a: Claim, b: Claim):
    su, eu = ABSOLUTE_TO_DELTA[a.unit], ABSOLUTE_TO_DELTA[b.unit]
    return lambda x: units.convert(x, su, eu)


def intervals_as_written(claim: Claim, min_sig: int | None = None) -> list[tuple[float, float]]:
    """The values each number of ``claim`` covers as written (two for a range)."""
    ivs = written_intervals(claim, min_sig)
    if ivs is None:
        if claim.is_range and claim.low is not None and claim.high is not None:
            plo, phi = range_roundings(claim)
            ivs = [(claim.low - plo, claim.low + plo), (claim.high - phi, claim.high + phi)]
        else:
            ivs = [(claim.value - claim.rounding, claim.value + claim.rounding)]
    if claim.is_estimate or is_approx_qualifier(claim.qualifier):
        ivs = [(lo - abs(lo) * APPROX_WIDEN, hi + abs(hi) * APPROX_WIDEN) for lo, hi in ivs]
    return ivs


# A power of ten read to one significant digit covers up to half as much again ("100" is 95–150:
# just below it the steps are finer), but nobody writes "100 feet" for 140 feet: as the source of
# a conversion, a figure written plainly is read at most this much over itself ("100 ft (50 m)"
# is a slip, not 150 feet rounded). A qualifier or an estimate keeps the whole reading.
PLAIN_FIGURE_OVER = 1.25


def as_a_source(source: Claim, ivs: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``ivs``, the values the source of a conversion covers as written
    (:func:`intervals_as_written`), a plain figure's no further than :data:`PLAIN_FIGURE_OVER`
    times itself."""
    if len(ivs) != 1:
        return ivs
    if source.qualifier and not source.is_range and (source.low is None) != (source.high is None):
        return [_toward_the_open_side(source, ivs[0])]
    if not _plain(source):
        return ivs
    lo, hi = ivs[0]
    return [(lo, min(hi, source.value * PLAIN_FIGURE_OVER))]


def _toward_the_open_side(source: Claim, iv: tuple[float, float]) -> tuple[float, float]:
    """A bound ("less than 300 km", "more than 1,000 km²") is restated as the bound, or as the
    value the writer knows on its open side ("less than 300 km or 175 miles": 282 km): ``iv``
    reaches that side as far as the bound read as a round figure does (300: from 250)."""
    lo, hi = iv
    loose_lo, loose_hi = intervals_as_written(source)[0]
    return (min(lo, loose_lo), hi) if source.low is None else (lo, max(hi, loose_hi))


def source_intervals(source: Claim, equivalent: Claim) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The values the source of a conversion covers as written, read with at least as many
    digits as the equivalent shows (see :func:`agrees_as_written`), and those of them
    :func:`as_a_source` keeps."""
    k_e, k_s = min_sig_digits(equivalent), max_sig_digits(source)
    min_sig = min(k_e, k_s) if k_e is not None and k_s is not None else None
    if is_temperature_pair(source, equivalent):
        min_sig = _temperature_digits(source, equivalent) or min_sig
    written = intervals_as_written(source, min_sig)
    return written, as_a_source(source, written)


def _temperature_digits(source: Claim, equivalent: Claim) -> int | None:
    """The significant digits a temperature converted to another scale is read with: at least
    as finely as the equivalent gives its degrees. A scale whose zero is arbitrary makes digits a
    count of degrees, not a share of the figure: "−20 °C (−6 °F)" reads −20 to the degree (−4 °F),
    not as 15 to 25 below zero; "1,000 °C (1,800 °F)" reads 1,000 to 5 degrees."""
    e_ivs = written_intervals(equivalent)
    if not e_ivs:
        return None
    half = min(hi - lo for lo, hi in e_ivs) / 2
    if half <= 0:
        return None
    step = units.convert(half, ABSOLUTE_TO_DELTA[equivalent.unit], ABSOLUTE_TO_DELTA[source.unit])
    return digits_within(source, step)


def agrees_as_written(source: Claim, equivalent: Claim, convert, slack: float) -> bool:
    """Whether some reading of the source's rounding converts into the equivalent's rounding.

    A trailing zero is ambiguous ("1,000" may have one significant digit or four), but a writer
    who gives the equivalent to three digits ("386") believed the source had at least three: the
    source is read with at least as many digits as the equivalent shows (up to all it has).
    """
    s_ivs, e_ivs = source_intervals(source, equivalent)[1], intervals_as_written(equivalent)
    if (s_fives := _in_fives(source)) and (e_fives := _in_fives(equivalent)):
        s_ivs, e_ivs = _to_fives(source, s_fives, s_ivs), _to_fives(equivalent, e_fives, e_ivs)
    if len(s_ivs) != len(e_ivs):
        s_ivs = [(min(lo for lo, _ in s_ivs), max(hi for _, hi in s_ivs))]
        e_ivs = [(min(lo for lo, _ in e_ivs), max(hi for _, hi in e_ivs))]
    converted = [sorted(map(convert, s)) for s in s_ivs]
    if len(e_ivs) == 2:
        # End by end from the lowest: the order a range is written in, falling as "−5 to
        # −10 °C" or "16–12 Ma" may be, changes no value, and a reciprocal conversion reverses it.
        rising, e_rising = _rises(converted, source, convert), _rises(e_ivs, equivalent, _same)
        if rising is not None and e_rising is not None and rising != e_rising:
            e_ivs = e_ivs[::-1]
    return all(_overlap(c, e, slack) for c, e in zip(converted, e_ivs))


def _same(x: float) -> float:
    return x


def _rises(ivs: list, claim: Claim, convert) -> bool | None:
    """Whether a range's two intervals (``ivs``, once converted) rise in the order they are read:
    by their place when neither holds the other, else by the ends as written ("100–106 °F": 100
    to one digit, 95–150, holds 106). None when not known."""
    (lo_a, hi_a), (lo_b, hi_b) = ivs
    if (lo_a <= lo_b) == (hi_a <= hi_b):
        return lo_a <= lo_b
    ends = written_values(claim)
    if len(ends) != 2 or None in ends:
        return None
    return convert(ends[0]) <= convert(ends[1])


def _in_fives(claim: Claim) -> str | None:
    """The claim's digits when it is a whole number of two digits or more that ends in 0 or 5
    ("105 mph", "165 km/h"), else None."""
    digits = _plain_digits(claim)
    return digits if digits is not None and len(digits.lstrip("0")) >= 2 and digits[-1] in "05" else None


def _to_fives(claim: Claim, digits: str, intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The intervals with a number (its ``digits``) that ends in 5 read as rounded to the nearest
    5. Both figures of a conversion in fives are a convention (weather services give winds
    converted from knots to the nearest 5 mph and 5 km/h: 90 knots is "105 mph (165 km/h)"), not
    a slip."""
    if not digits.endswith("5") or len(intervals) != 1:
        return intervals
    step = 2.5 * claim.value / float(digits)
    low, high = intervals[0]
    return [(min(low, claim.value - step), max(high, claim.value + step))]


def _plain_digits(claim: Claim) -> str | None:
    """The claim's number as plain digits ("1,105" → "1105"), or None for a decimal, a range, a
    compound or a number in words."""
    if claim.is_range:
        return None
    digits = digits_of(claim.number_text)
    if len(digits) != 1 or not digits[0].isdigit() or not float(digits[0]):
        return None
    return digits[0]


def _overlap(a, b, slack: float) -> bool:
    scale = max(abs(a[0]), abs(a[1]), abs(b[0]), abs(b[1]))
    pad = scale * slack
    return a[0] - pad <= b[1] and b[0] <= a[1] + pad


def agrees(ctx: CheckContext, source: Claim, equivalent: Claim) -> bool | None:
    """Whether a stated equivalent matches its source (None: not a checkable conversion)."""
    convert = converter(ctx, source, equivalent)
    if convert is None:
        return None
    slack = BASE_SLACK + ctx.settings.tolerance
    if agrees_as_written(source, equivalent, convert, slack):
        return not far_apart_as_written(source, equivalent, convert)
    if not is_temperature_pair(source, equivalent):
        return False
    if stated_as_a_change(ctx, source, equivalent) and converted_as_a_change(source, equivalent, slack):
        return True
    return any(agrees_as_written(source, equivalent, c, slack) for c in below_zero_converters(ctx, source, equivalent)[1:])


# Each reading of a round figure is generous on its own ("80" may be 75–85; a plain "100" up to
# 125), and together they let "100 km/h (80 mph)" or "4.5 metres (20 feet)" pass. Two plain
# figures written with two digits or more are not this far apart, as written, when one restates
# the other: of the 1,886 conversions in 3.6 million words of encyclopedia, news and Q&A text,
# none that the rest of this check finds right is. (A figure of one digit is rounded as coarsely
# as it must be: "1 mile (2 km)".)
FAR_APART = 1.25


def far_apart_as_written(source: Claim, equivalent: Claim, convert) -> bool:
    """Whether two plain figures (no qualifier, estimate or range), each written with two digits
    or more, are at least :data:`FAR_APART` apart as written, the source converted."""
    if not (_plain(source) and _plain(equivalent)) or is_temperature_pair(source, equivalent):
        return False
    if (max_sig_digits(source) or 0) < 2 or (max_sig_digits(equivalent) or 0) < 2:
        return False
    expected = convert(source.value)
    if not expected or expected < 0:
        return False
    ratio = equivalent.value / expected
    return ratio >= FAR_APART or ratio <= 1 / FAR_APART


# "10 °C (14 °F) below zero", "5 degrees Celsius (23 degrees Fahrenheit) below freezing": the
# figure counts degrees under the scale's zero or its freezing point, and the equivalent is most
# often the temperature that makes, as the other scale writes it (−10 °C is 14 °F), or written
# under zero too ("20 °F (29 °C) below zero"). Read after the figure, past its equivalent in
# brackets, or after the equivalent.
_BELOW_ZERO = re.compile(r"\s*(?:\([^()\n]{1,40}\)|\))?\s*(?:degrees?\s+)?(below\s+(?:zero|freezing))\b", re.I)


def below_zero_phrase(ctx: CheckContext, source: Claim, equivalent: Claim) -> str | None:
    """"below zero" or "below freezing" as written right after a temperature and its equivalent
    (see _BELOW_ZERO), else None."""
    if source.unit not in ABSOLUTE_TO_DELTA or equivalent.unit not in ABSOLUTE_TO_DELTA:
        return None
    text = ctx.text
    found = _BELOW_ZERO.match(text, source.end) or _BELOW_ZERO.match(text, equivalent.end)
    return found.group(1) if found else None


def below_zero_converters(ctx: CheckContext, source: Claim, equivalent: Claim) -> list:
    """Converters from the source's figure as written to its equivalent's when the pair names a
    temperature below zero or below freezing, the temperature first (none otherwise)."""
    if source.value < 0 or source.unit == equivalent.unit:
        return []
    phrase = below_zero_phrase(ctx, source, equivalent)
    if phrase is None:
        return []
    su, eu = source.unit, equivalent.unit
    if phrase.lower().endswith("freezing"):
        freezing = units.convert(0.0, "degree_Celsius", su)  # (water's freezing point on the source's scale)
        return [lambda x: units.convert(freezing - x, su, eu)]
    return [lambda x: units.convert(-x, su, eu), lambda x: -units.convert(-x, su, eu)]


def _plain(claim: Claim) -> bool:
    return claim.value > 0 and not (claim.qualifier or claim.is_estimate or claim.is_range)


def converted_as_a_change(source: Claim, equivalent: Claim, slack: float = BASE_SLACK) -> bool:
    """Whether two temperatures agree as a change of temperature (without the scale's offset:
    "a rise of 3 °C (5.4 °F)")."""
    return agrees_as_written(source, equivalent, _delta_converter(source, equivalent), slack)


# Words around a temperature that make it a change of temperature ("warmer", "rose by", "a 2 °C
# rise", "the 1.5 °C limit" of warming); stems, matched loosely: when unsure, read a change.
# Where none is near, a temperature converted without the offset ("reached 30 °C (54 °F)") is a
# slip, not a difference. An adjective or a superlative names a temperature, not a change ("warm
# waters of", "highs of", "the hottest day"): only comparatives and verbs of change count.
_CHANGE_OF_TEMPERATURE = re.compile(
    r"\b(?:ris|rose|rais|increas|decreas|drop|fell|fall|"
    r"(?:warm|cool|cold|hott|high|low)(?:er|ing|ed)\b|"
    r"above|below|differ|range|swing|var|chang|by|up|down|more|less|anomal|gradient|limit|target|"
    r"goal|threshold|heat|climb|jump|plung|spike|gain|los|delta|fluctuat|spread|shift|degrees? of)",
    re.I)


def stated_as_a_change(ctx: CheckContext, source: Claim, equivalent: Claim) -> bool:
    """Whether the words near a temperature and its conversion, in their sentence, may make it a
    change of temperature. The source's own qualifier bounds the figure ("up to 80 °F", "more
    than 30 °C"), whatever it shares with words of change, and is not read."""
    start, end = ctx.sentence_span(source.start)
    lo = max(start, source.start - 60)
    window = ctx.text[lo : min(max(end, equivalent.end), equivalent.end + 30)]
    qualifier = source.qualifier
    if qualifier and source.text[: len(qualifier)].lower() == qualifier.lower():
        at = source.start - lo
        window = window[:at] + " " * len(qualifier) + window[at + len(qualifier):]
    return _CHANGE_OF_TEMPERATURE.search(window) is not None


def same_number_other_unit(a: Claim, b: Claim) -> bool:
    """The same number (within rounding) written with different units of one kind."""
    if not a.unit or not b.unit or a.unit == b.unit or a.dimension != b.dimension:
        return False
    if not a.value or not b.value:
        return False
    if not math.isclose(a.value, b.value, rel_tol=0.02):
        return False
    try:
        factor = abs(units.convert(1.0, a.unit, b.unit) - units.convert(0.0, a.unit, b.unit))
    except Exception:
        return False
    return MIN_FACTOR <= max(factor, 1 / factor) <= MAX_FACTOR


@lru_cache(maxsize=256)
def common_factors(dimension: str, unit: str) -> tuple[tuple[float, str], ...]:
    """(factor, other unit) for each common unit of ``dimension``: reading a number of ``unit``
    as ``other unit`` multiplies its value (in ``unit``) by ``factor``. No factors for a unit
    that is not common itself: writers confuse common units with each other ("square miles" and
    "square kilometres"), not a rarer unit with them ("1,420 ft/s" is no 2,400 knots)."""
    common = COMMON_UNITS.get(dimension, ())
    if unit not in common and not any(_same_size(unit, u) for u in common):
        return ()
    out = []
    for u in common:
        if u == unit:
            continue
        try:
            f = units.convert(1.0, u, unit) - units.convert(0.0, u, unit)
        except Exception:
            continue
        if MIN_MIXUP_FACTOR <= max(f, 1 / f) <= MAX_FACTOR:
            out.append((f, u))
    return tuple(out)


def _same_size(a: str, b: str) -> bool:
    """Two names of one unit ("ton" and "short_ton")."""
    try:
        return math.isclose(units.convert(1.0, a, b), 1.0, rel_tol=1e-9)
    except Exception:
        return False


@lru_cache(maxsize=256)
def _sorted_factors(dimension: str, unit: str) -> tuple[float, ...]:
    return tuple(sorted(f for f, _ in common_factors(dimension, unit)))


@lru_cache(maxsize=256)
def near_factors(dimension: str, unit: str) -> tuple[float, ...]:
    """The factors of ``common_factors`` and their inverses, sorted: two numbers in ``unit`` can be a
    factor mix-up (either way round) only when their ratio is within 1 % of one of these."""
    fs = _sorted_factors(dimension, unit)
    return tuple(sorted(fs + tuple(1 / f for f in fs)))


def factor_mixup(a: Claim, b: Claim) -> str | None:
    """When b looks converted as if a's number were in another common unit, that unit
    (1,000 km² here, 2,590 km² there: 1,000 square miles' worth)."""
    if not a.unit or not b.unit or a.dimension != b.dimension or not a.value or not b.value:
        return None
    factors = common_factors(a.dimension, a.unit)
    if not factors:
        return None
    try:
        b_in_a = units.convert(b.value, b.unit, a.unit)
    except Exception:
        return None
    ratio = b_in_a / a.value
    # A match is within 1 % of the ratio: skip the loop when no factor is within 2 %.
    near = _sorted_factors(a.dimension, a.unit)
    k = bisect_left(near, ratio * 0.98)
    if k == len(near) or near[k] > ratio * 1.02:
        return None
    for f, u in factors:
        if math.isclose(ratio, f, rel_tol=0.01):
            iv_b = sorted(units.convert(x, b.unit, a.unit) for x in claim_interval(b) if math.isfinite(x))
            if len(iv_b) == 2 and disjoint(claim_interval(a), (iv_b[0], iv_b[1]), BASE_SLACK):
                return u
    return None
