"""## What it does
Checks every figure that is restated in other units — "50 km (31 miles)" — and flags the
restatement when it does not match the figure it restates, allowing for the rounding both
figures were written with.

## Why is this bad?
A conversion is a promise that two figures say the same thing. When they disagree, at least one
of them is wrong, and the reader cannot tell which. Common causes are a slip of the factor
("12 kilometres (15 miles)", converted the wrong way; "100 square kilometres (62 square
miles)", converted with the factor for lengths; "a rise of 2C (36F)", a change in temperature
converted as a temperature; "reached 30 °C (54 °F)", a temperature converted without the
offset; "12 inches (30 mm)", a slipped decimal point or prefix), a unit
swapped or copied from the original ("40 square miles (40 square kilometres)") and a figure
edited without its conversion. The message names the slip when the numbers show it.

Rounding is allowed for: "26.2 miles (42.2 km)", "about 300 feet (90 metres)" and
"a mile (1.6 km)" are fine. Inverse units convert too: "30 miles per gallon (7.8 L/100 km)",
and so do densities, of a noun or none: "315 people per square mile (122/km²)".
A size is checked side by side: in "10 by 12 feet (3.0 by 4.7 m)", 4.7 m restates 12 feet.
Besides brackets, a restatement may follow "or" or a slash ("12 miles, or 19 km", "3 m/10 ft",
"30C/86F"), or be set
off by dashes or commas when it is in the other system of units: "12 miles – about 19 km –",
"300 miles, roughly 480 km,", "40 gallons, the equivalent of 150 litres", "(40 mph, 65 km/h)".
(Two such figures joined by a dash are a figure and its restatement, not a range.)
The message shows the range the source's digits allow ("26.2" is 26.15–26.25) and what that
range converts to; a round figure's range is lopsided ("100" to two significant figures is
99.5–105, since a figure just below 100 would have been written with more digits), and the
message says so. A trailing zero of a whole number is read generously ("90" may mean
anything from 85 to 95) unless both figures have the same digits ("20 miles (20 km)": a writer
who converted would not have kept them), a plain round figure no further than a quarter over
itself ("100 ft (50 m)" is flagged: "100" to one digit may be up to 150, but nobody writes "100
feet" for 140), two plain figures of two digits or more are not a quarter apart as written,
whatever their rounding ("100 km/h (80 mph)": "80" may be 75–85 and "100" up to 125, but nobody
converting writes that), ranges are checked end by end, temperature differences
("a rise of 1 °F (0.56 °C)", "2 °C (3.6 °F) warmer", "a 10 °C (18 °F) rise": a word near them
says so) are converted without the scale offset, a temperature "below zero" or "below freezing"
is the one under it ("10 °C (14 °F) below zero" is −10 °C; "10 °C (50 °F) below zero" is flagged),
"gallons", "pints", "fluid ounces" and "tons" may be American, imperial (or long, or metric) unless
the unit says which ("US gallons", "short tons"; "tonnes" and "t" are metric), a mile in a sentence
about the sea may be a nautical one ("a 200-mile (370 km) territorial sea"), and currencies are
only checked when `currency-rates` in the settings names both. A figure and a bracketed one of the
other sign are not a conversion unless the units convert with an offset, as temperatures do ("∼-30
kyr (94.41 Ma)": an offset, then an age). `tolerance` adds relative slack.

## Example
```text
The new embankment runs for 12 kilometres (15 miles) along the river.
```

## Use instead
```text
The new embankment runs for 12 kilometres (7.5 miles) along the river.
```

## Fix
The correct equivalent, rounded to the precision the writer used, replacing only the number.
The fix is safe when the source figure is exact (no "about", no range, no ambiguous trailing
zeros) and unsafe otherwise, or when the numbers are equal and the unit may be what is wrong, or
when the figure is below zero or freezing (the equivalent may have been meant as a change).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from .. import units
from ..figures import (MINUS, format_significant, format_span, minus_sign, number_fix, round_sig,
                       sets_off_thousands, with_minus)
from ..extract.claims import AND_A_HALF
from ..extract.lexicon import plural_unit_word
from ..model import Claim, Diagnostic, Fix, Related
from .claim_readings import reading
from .context import CheckContext, MemoKey
from .conversions import (
    ABSOLUTE_TO_DELTA,
    agrees,
    agrees_as_written,
    below_zero_phrase,
    converted_as_a_change,
    converter,
    is_temperature_pair,
    source_intervals,
)
from .rounding import (
    BASE_SLACK,
    first_number,
    number_rounding,
    plain_digits,
    significant_digits,
    written_values,
)
from .unit_names import after_a_number, as_an_adjective, number_end

CODE = "FC101"
NAME = "conversion-mismatch"
SEVERITY = "warning"
SUMMARY = "a figure and its stated equivalent disagree beyond what rounding explains"
SCOPE = "paragraph"  # a figure and the one it restates: one paragraph's claims


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    # Pairs found to agree (or not checkable): that depends on the two readings only, and dense
    # input repeats a few pairs thousands of times ("5 km (3 miles) 5 km (3 miles) …").
    quiet: set[tuple] = set()
    for equivalent in ctx.claims:
        source = ctx.converted_source(equivalent)
        if source is None:
            continue
        pair = (reading(source), reading(equivalent))
        if pair in quiet:
            continue
        diagnostic = _check_pair(ctx, source, equivalent)
        if diagnostic is None:
            quiet.add(pair)
        else:
            yield diagnostic


def _restating_figure(ctx: CheckContext, source: Claim, equivalent: Claim) -> str:
    """How the message names the equivalent: most are bracketed; some are set off by a slash,
    dashes, commas or "or" ("12 miles – about 19 km –")."""
    between = ctx.text[source.end : equivalent.start]
    return "The bracketed figure" if "(" in between or "[" in between else "The figure after it"


def _check_pair(ctx: CheckContext, source: Claim, equivalent: Claim) -> Diagnostic | None:
    convert = converter(ctx, source, equivalent)
    if convert is None:
        return None
    if source.value * equivalent.value < 0 and convert(0.0) == 0.0:
        # A conversion without an offset keeps the sign: figures of opposite signs are two things
        # ("∼-30 kyr (94.41 Ma)": a time before an event, then the age it falls at), or one
        # written with and without its sign ("a depth of −40 m (131 ft)").
        return None
    slack = BASE_SLACK + ctx.settings.tolerance
    if not _copied_unconverted(source, equivalent, convert) and any(
            agrees(ctx, s, e) for s, e in _readings(ctx, source, equivalent)):
        return None  # (also when an absolute-looking temperature is really a difference)
    expected = convert(source.value)
    minus = minus_sign(source.text, equivalent.text)  # (numbers are echoed with the writer's sign)
    suggested = _suggestion(source, equivalent, convert, slack, minus)
    if suggested is not None and equivalent.value < 0:
        suggested = minus + suggested  # (the sign written before the number it replaces)
    like = _written_like(source, equivalent)  # (the numbers shown are in the equivalent's unit)
    shown = _range_shown(source, convert, minus, like) or suggested or _shown(expected, source, minus=minus, like=like)
    unit_name = _unit_named(equivalent)
    written, s_ivs = source_intervals(source, equivalent)
    src_lo, src_hi = s_ivs[0][0], s_ivs[-1][1]
    round_figure = src_hi < written[-1][1]  # (read no further than a round figure is)
    scale = _written_scale(equivalent)
    lo, hi = sorted(convert(x) for x in (src_lo, src_hi))
    reason = (_other_system(ctx, source, equivalent) or _converted_above_zero(ctx, source, equivalent, slack)
              or _probable_cause(source, equivalent, convert))
    gap = " " if _has_space(equivalent) else ""
    message = (
        f"“{equivalent.text}” does not match “{source.text}”: {_figure_named(ctx, source, equivalent)} is about "
        f"{shown}{gap}{unit_name}".rstrip()
        + (f" ({_rounding_note(source, src_lo, src_hi, round_figure, minus)}, so "
           f"{_span_shown(lo / scale, hi / scale, source, minus, like)}{gap}{unit_name})"
           .replace(f"{gap}{unit_name})", ")" if not unit_name else f"{gap}{unit_name})")
           if not source.is_range else "")
        + f". {_restating_figure(ctx, source, equivalent)} restates “{source.text}” in another unit."
        + (f" {reason}" if reason else "")
    )
    related = (Related(source.start, source.end, f"the figure “{equivalent.text}” restates"),)
    return Diagnostic(
        code=CODE,
        name=NAME,
        severity=SEVERITY,
        message=message,
        start=equivalent.start,
        end=equivalent.end,
        related=related,
        fix=_fix(ctx, source, equivalent, convert, slack),
        data={"expected": expected, "unit": equivalent.unit},
    )


# Units whose name means different sizes on the two sides of the Atlantic: a British
# "110 million gallons" is imperial, an American one is US; "tons" may be short, long or metric
# ("tonnes" and "t" are metric: "10,000 long tons (11,160 t)" is wrong, not 11,200 short tons).
_OTHER_READINGS = {
    "gallon": ("imperial_gallon",),
    "imperial_gallon": ("gallon",),
    "pint": ("imperial_pint",),
    "fluid_ounce": ("imperial_fluid_ounce",),
    "ton": ("long_ton", "metric_ton"),
}


# A unit written with its system ("US gallons", "imperial pints", "short tons", "metric tons")
# means that one only.
_SYSTEM_NAMED = re.compile(r"(?<![a-z])(?:US|U\.S\.|imp|imperial|short|long|metric)(?![a-z])", re.IGNORECASE)


def _names_system(claim: Claim) -> bool:
    return bool(claim.unit_text and _SYSTEM_NAMED.search(claim.unit_text))


def _other_readings(ctx: CheckContext, claim: Claim) -> tuple[str, ...]:
    if _names_system(claim):
        return ()
    if claim.unit in ("mile", "mile ** 2") and _at_sea(ctx, claim):
        # ("a 200-mile (370 km) territorial sea": miles at sea are nautical miles)
        return ("nautical_mile",) if claim.unit == "mile" else ("nautical_mile ** 2",)
    return _OTHER_READINGS.get(claim.unit, ())


def _at_sea(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the claim's sentence is about the sea (read once a sentence: a long one may hold
    thousands of conversions)."""
    span = ctx.sentence_span(claim.start)
    read = ctx.memo(_SENTENCES_AT_SEA, dict)
    found = read.get(span)
    if found is None:
        found = read[span] = _AT_SEA.search(ctx.text, *span) is not None
    return found


_SENTENCES_AT_SEA: MemoKey[dict[tuple[int, int], bool]] = MemoKey("FC101.at_sea")


# A sentence about the sea, where a mile may be a nautical one.
_AT_SEA = re.compile(
    r"\b(?:seas?|maritime|territorial|coasts?|coastal|offshore|naval|navy|ships?|vessels?|"
    r"fishing|fisheries|nautical|ocean|oceans|waters|harbou?rs?|submarines?|EEZ|"
    r"exclusive\s+economic\s+zone)\b", re.I)


# How the other readings are named in a message.
_READING_NAMES = {
    "gallon": "US gallons", "imperial_gallon": "imperial gallons", "pint": "US pints",
    "imperial_pint": "imperial pints", "fluid_ounce": "US fluid ounces",
    "imperial_fluid_ounce": "imperial fluid ounces", "ton": "short tons", "long_ton": "long tons",
    "metric_ton": "tonnes",
}


def _other_system(ctx: CheckContext, source: Claim, equivalent: Claim) -> str:
    """When the unit names its system and the restatement matches another one ("5,000 short
    tons (5,080 t)" is right for long tons), say so: the system may be what is wrong."""
    if not _names_system(source):
        return ""
    for unit in _OTHER_READINGS.get(source.unit, ()):
        if agrees(ctx, replace(source, unit=unit), equivalent):
            return f"It matches in {_READING_NAMES[unit]}: is “{source.unit_text}” the wrong unit?"
    return ""


def _readings(ctx: CheckContext, source: Claim, equivalent: Claim):
    """The pair as written, then with each ambiguous unit read the other ways."""
    yield source, equivalent
    for su in (source.unit, *_other_readings(ctx, source)):
        for eu in (equivalent.unit, *_other_readings(ctx, equivalent)):
            if (su, eu) != (source.unit, equivalent.unit):
                yield replace(source, unit=su), replace(equivalent, unit=eu)


def _copied_unconverted(source: Claim, equivalent: Claim, convert) -> bool:
    """The same number in both units ("20 miles (20 km)") where converting changes it by more
    than a quarter: generous rounding of a round number ("20" as 15-25) would let the pair pass,
    but a writer who converted would not have kept the digits; a conversion that leaves the
    number as it is ("-40 °C (-40 °F)") passes."""
    if (source.kind == "money" or source.is_range or equivalent.is_range or not source.value
            or equivalent.value != source.value):
        return False
    ratio = convert(source.value) / source.value
    return not 0.8 <= ratio <= 1.25


def _converted_above_zero(ctx: CheckContext, source: Claim, equivalent: Claim, slack: float) -> str:
    """Say so when a temperature below zero or freezing was converted as the figure alone."""
    phrase = below_zero_phrase(ctx, source, equivalent)
    if phrase is None:
        return ""
    su, eu = source.unit, equivalent.unit
    if not agrees_as_written(source, equivalent, lambda x: units.convert(x, su, eu), slack):
        return ""
    return f"It looks converted as “{source.text}”, not as “{source.text} {phrase}”."


def _probable_cause(source: Claim, equivalent: Claim, convert) -> str:
    if _falls(equivalent) and not _falls(source):
        return "Its ends are written from high to low."
    expected = convert(source.value)
    if equivalent.value and math.isclose(equivalent.value, source.value, rel_tol=0.02):
        return "The two numbers are the same: was the figure copied without converting it, or is a unit wrong?"
    if expected and equivalent.value:
        inverse = source.value * source.value / expected if source.unit not in ABSOLUTE_TO_DELTA else None
        if inverse and math.isclose(equivalent.value, inverse, rel_tol=0.03):
            return "It looks converted the wrong way round (multiplied instead of divided by the factor)."
        power = _POWERS.get(source.dimension)
        if power and expected / source.value > 0 and _of_lengths(source.unit) and _of_lengths(equivalent.unit):
            linear = source.value * (expected / source.value) ** (1 / power[0])
            if math.isclose(equivalent.value, linear, rel_tol=0.03):
                return f"It looks converted with the factor for lengths, not for {power[1]}."
        if _converted_as_temperature(source, equivalent):
            return "It looks converted as a temperature, not as a change in temperature."
        if is_temperature_pair(source, equivalent) and converted_as_a_change(source, equivalent):
            return "It looks converted as a change in temperature, without the scale's offset (32 °F is 0 °C)."
        return _power_of_ten_slip(equivalent, expected)
    return ""


def _falls(claim: Claim) -> bool:
    """A range written from its high end to its low one ("16–12 in")."""
    ends = written_values(claim)
    return claim.is_range and len(ends) == 2 and None not in ends and ends[0] > ends[1]


# A change in temperature ("risen by 1.1C") converts by the factor alone; a writer who converts it
# as a temperature adds the offset too: 1.1C as a temperature is 34F, as a change 2.0F.
_DELTA_TO_ABSOLUTE = {delta: absolute for absolute, delta in ABSOLUTE_TO_DELTA.items() if delta != absolute}


def _converted_as_temperature(source: Claim, equivalent: Claim) -> bool:
    su, eu = _DELTA_TO_ABSOLUTE.get(source.unit), _DELTA_TO_ABSOLUTE.get(equivalent.unit)
    if su is None or eu is None or su == eu:
        return False
    as_temperature = units.convert(source.value, su, eu)
    return abs(equivalent.value - as_temperature) <= max(equivalent.rounding, 0.02 * abs(as_temperature))


# Metric prefixes a slipped factor of ten may come from ("30 mm" written for "30 cm").
_METRIC_PREFIXES = ("milli", "centi", "deci", "kilo", "mega", "micro")


def _power_of_ten_slip(equivalent: Claim, expected: float) -> str:
    """Say so when the stated number is the right one times a power of ten (10 to 1,000): a
    decimal point slipped, or a unit prefix is wrong."""
    ratio = equivalent.value / expected
    if ratio <= 0:
        return ""
    power = round(math.log10(ratio))
    if not 1 <= abs(power) <= 3 or not math.isclose(ratio, 10.0 ** power, rel_tol=0.05):
        return ""
    size = "large" if power > 0 else "small"
    prefix = (f", or a wrong prefix on “{equivalent.unit_text}”"
              if equivalent.unit_text and (equivalent.unit or "").startswith(_METRIC_PREFIXES) else "")
    return f"The number is {10 ** abs(power):,} times too {size}: a slipped decimal point{prefix}?"


# Areas and volumes: the power of their lengths, and what they are called. A writer who converts
# "100 square kilometres" with the factor for kilometres gets 62 square miles, not 39.
_POWERS = {"[length] ** 2": (2, "areas"), "[length] ** 3": (3, "volumes")}


def _of_lengths(unit: str | None) -> bool:
    """A unit written as a power of a length ("square miles", "km³", "cubic feet"), not one of
    its own (litres, gallons, acres): only those invite the factor for lengths."""
    return bool(unit) and ("**" in unit or unit.startswith(("square_", "cubic_")))


def _suggestion(source: Claim, equivalent: Claim, convert, slack: float, minus: str = "-") -> str | None:
    """The equivalent's number as it should read: the exact conversion rounded to the digits
    the writer used (at least two), written like the writer's number ("1,300", "1.3 million"),
    a negative with the writer's ``minus``. A figure written negative keeps its sign, which comes
    before its number: the digits after it are suggested (none when the sign should go)."""
    digits_text = first_number(equivalent.number_text)
    if digits_text is None:
        return None
    try:
        written = float(plain_digits(digits_text.group()))
    except ValueError:
        return None
    scale = abs(equivalent.value) / written if written else 1.0  # (a sign is not in number_text)
    if scale <= 0 or not math.isclose(math.log10(scale), round(math.log10(scale)), abs_tol=1e-9):
        return None
    prefix = equivalent.number_text[: digits_text.start()]
    suffix = equivalent.number_text[digits_text.end() :]
    expected = convert(source.value)
    if expected == 0 or not math.isfinite(expected):
        return None
    signed = equivalent.value < 0
    if signed and expected > 0:
        return None  # (the sign to remove lies outside the number a fix replaces)
    sig = max(significant_digits(source), significant_digits(equivalent), 2)
    like = _written_like(source, equivalent)
    for digits in range(sig, sig + 4):
        if abs(round_sig(expected, digits) - expected) > 0.02 * abs(expected):
            continue
        number = format_significant((-expected if signed else expected) / scale, digits, like, minus)
        candidate_text = prefix + number + suffix
        value = float(plain_digits(number).replace(MINUS, "-")) * scale * (-1 if signed else 1)
        candidate = replace(equivalent, value=value, low=value, high=value,
                            number_text=candidate_text,
                            rounding=(number_rounding(number) or 0.5) * scale)
        if agrees_as_written(source, candidate, convert, slack):
            return candidate_text
    return None


def _fix(ctx, source: Claim, equivalent: Claim, convert, slack: float) -> Fix | None:
    if source.is_range or equivalent.is_range or not equivalent.number_text:
        return None
    text = _suggestion(source, equivalent, convert, slack, minus_sign(source.text, equivalent.text))
    if text is None:
        return None
    exact_source = not (
        source.approximate or source.is_range or _ambiguous_zeros(source.number_text)
    )
    same_number = math.isclose(equivalent.value, source.value, rel_tol=0.02)
    # (below freezing, the equivalent may have been meant as a change too: 9 °F for 5 °C, not 23)
    sure = exact_source and not same_number and below_zero_phrase(ctx, source, equivalent) is None
    return number_fix(equivalent, text, "safe" if sure else "unsafe")


def _rounding_note(source: Claim, lo: float, hi: float, round_figure: bool = False, minus: str = "-") -> str:
    """The values the source's digits allow, and why when they lie lopsided around it
    (``round_figure``: read no further than a round figure is, see conversions.as_a_source)."""
    scale = _written_scale(source)
    words = ("read as a round figure" if round_figure else "as written" if not source.approximate
             else "with its “" + (source.qualifier or "about") + "”")
    smaller = _smaller_unit(source)
    note = (f"{_figure_words(source)} covers {format_span(_plain(lo / scale, minus), _plain(hi / scale, minus))}"
            f"{' ' + smaller if smaller else ''} {words}")
    below, above = source.value - lo, hi - source.value
    if below > 0 and above > 0 and not math.isclose(below, above, rel_tol=0.05) and not source.approximate \
            and not round_figure:
        side = "below" if below < above else "above"
        note += f", lopsided because a figure just {side} {_plain(source.value / scale, minus)} would be written with more digits"
    return note


def _smaller_unit(source: Claim) -> str | None:
    """The unit a compound measure is read in, its smaller one ("6 ft 2 in" is 74 in, "12 lb 4
    oz" 196 oz, "5'11\"" 71 inches): its bounds are in that unit, which its words do not show
    beside them."""
    if not source.number_text or not _COMPOUND_NUMBER.search(source.number_text):
        return None
    written = source.unit_text or ""
    if written[:1].isalpha():
        return written
    return plural_unit_word(source.unit) or source.unit  # (a mark, or a unit within the words)


# Two numbers with a unit between them: the number of a compound measure ("6 ft 2", "5'11",
# "6-foot-2"; not "12-1/2").
_COMPOUND_NUMBER = re.compile(r"\d[\s-]*(?:[^\W\d_]+\.?|['′’\"″])[\s-]*\d")


def _written_like(source: Claim, equivalent: Claim) -> str:
    """The number a figure in the equivalent's unit is written like: the equivalent, or the
    source when only it sets off thousands (the equivalent, too small to show one, grows to
    thousands: "3,000 metres (984 ft)" → "9,840")."""
    if sets_off_thousands(equivalent.number_text or "") or not source.number_text:
        return equivalent.number_text or ""
    return source.number_text


def _range_shown(source: Claim, convert, minus: str = "-", like: str = "") -> str | None:
    """A range converted end by end ("80–85 millimetres is about 3.1–3.3 in"), not its midpoint;
    None for a figure that is not a range with both ends written."""
    if not source.is_range or source.qualifier or source.low is None or source.high is None:
        return None
    return format_span(_shown(convert(source.low), source, minus=minus, like=like),
                       _shown(convert(source.high), source, minus=minus, like=like))


def _plain(x: float, minus: str = "-") -> str:
    """A bound as a reader writes it: separators for thousands, no float noise (999.95, 1,000.5),
    the writer's ``minus`` sign."""
    x = float(f"{x:.7g}")
    return with_minus(f"{int(x):,}" if x == int(x) else f"{x:,.6f}".rstrip("0").rstrip("."), minus)


def _written_scale(claim: Claim) -> float:
    """How the claim's value relates to the number written ("7.8 L/100 km" is 0.078 L/km)."""
    digits = first_number(claim.number_text)
    if any(ch.isalpha() for ch in claim.number_text or ""):
        return 1.0  # "5 million": the words are part of the figure as written
    try:
        written = float(plain_digits(digits.group())) if digits else 0.0
    except ValueError:
        return 1.0
    if not written or not claim.value or claim.is_range:
        return 1.0
    scale = claim.value / written
    return scale if scale > 0 and math.isclose(math.log10(scale), round(math.log10(scale)), abs_tol=1e-9) else 1.0


def _ambiguous_zeros(number_text: str) -> bool:
    digits = "".join(ch for ch in (number_text or "") if ch.isdigit() or ch == ".")
    return not digits or ("." not in digits and digits.endswith("0"))


def _currency(claim: Claim) -> str:
    """The ISO code of a sum of money written with a symbol ("$20 million" → "USD")."""
    return claim.dimension.partition(":")[2] if claim.kind == "money" else ""


def _num(x: float) -> str:
    return f"{x:g}"


def _shown(x: float, source: Claim, extra: int = 0, minus: str = "-", like: str = "") -> str:
    """``x``, converted from ``source``, to its digits (and ``extra`` more), written as ``like``
    writes numbers (the equivalent's thousands separators)."""
    sig = max(significant_digits(source), 2) + extra
    return format_significant(x, sig, like, minus)


def _span_shown(lo: float, hi: float, source: Claim, minus: str = "-", like: str = "") -> str:
    """The converted bounds one digit finer than the source, finer still while they would read
    alike ("so 10.7–10.7 km" says nothing), one figure when no digit tells them apart."""
    for extra in range(1, 5):
        low, high = _shown(lo, source, extra, minus, like), _shown(hi, source, extra, minus, like)
        if low != high:
            return format_span(low, high)
    return low


def _figure_named(ctx: CheckContext, source: Claim, equivalent: Claim) -> str:
    """:func:`_figure_words` of the source, with "below zero" when the words after it say so."""
    phrase = below_zero_phrase(ctx, source, equivalent)
    return _figure_words(source) + (f" {phrase}" if phrase else "")


def _figure_words(claim: Claim) -> str:
    """The number and unit as written, without qualifiers ("20C", "12 kilometres"), but with the
    sign of a negative figure ("minus 30 degrees Celsius")."""
    pos = claim.text.find(claim.number_text) if claim.number_text else -1
    if pos < 0 or claim.unit_end is None:
        return claim.text
    if claim.value < 0 and (sign := _SIGN_BEFORE.search(claim.text, 0, pos)) is not None:
        pos = sign.start()
    words = claim.text[pos : claim.unit_end - claim.start]
    if (measure := _adjective_as_a_measure(claim)) is not None:
        return measure  # ("30 miles is about 48 km", not "30-mile is …")
    if claim.is_range:
        return words.replace(" and ", "–", 1)  # ("8–12 inches", not "8 and 12 inches")
    rest = claim.text[claim.unit_end - claim.start :]
    return words + rest if AND_A_HALF.fullmatch(rest) else words  # ("a mile and a half")


def _adjective_as_a_measure(claim: Claim) -> str | None:
    """A figure in plain digits written as an adjective, as a measure: "30-mile" → "30 miles",
    "1-mile" → "1 mile", "3,000-square-foot" → "3,000 square feet"; None for any other."""
    if not (as_an_adjective(claim) and claim.unit_text and _DIGITS.fullmatch(claim.number_text)):
        return None  # (words stay as written: "a half-mile")
    unit = claim.unit_text.replace("-", " ") if claim.value == 1 else plural_unit_word(claim.unit_text)
    return None if unit is None else f"{claim.number_text} {unit}"


_DIGITS = re.compile(r"\d[\d,.]*")  # (a number in plain digits: "1,000", "2.5")
_SIGN_BEFORE = re.compile(r"(?:\b(?:minus|negative)\s+|[-−])$", re.IGNORECASE)


def _unit_named(equivalent: Claim) -> str:
    """The equivalent's unit as the message names it after a number: as written, but plural
    where the writer made it an adjective ("a 1,000-kilometre (820-mile) pipeline": "about 620
    miles", not "620 mile")."""
    named = _noun_and_unit(equivalent) or equivalent.unit_text or equivalent.unit or _currency(equivalent)
    return after_a_number(equivalent, named) if named else named


def _noun_and_unit(claim: Claim) -> str | None:
    """The words between a density's number and the end of its unit, when a noun stands between
    ("stems/acre" of "405 stems/acre", "people per km2"), else None."""
    end = number_end(claim)
    if claim.unit_start is None or claim.unit_end is None or not claim.counted or end is None:
        return None
    return claim.text[end : claim.unit_end - claim.start].strip() or None


def _has_space(claim: Claim) -> bool:
    end = number_end(claim)
    return claim.unit_start is None or end is None or claim.unit_start > claim.start + end
