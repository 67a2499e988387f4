"""## What it does
Flags a stated equivalent that is another kind of quantity than the figure it restates:
a mass "converted" into a length, an area into a length.

## Why is this bad?
"18 tonnes (40 miles)" cannot be a conversion: one of the two figures is wrong or in the wrong
place (a distance pasted into the wrong sentence, a unit typed from memory). The reader is left
with two facts and no way to know which one was meant.

Only parenthesised equivalents that the extractor links to the figure before them are checked,
and only when both have units: "(about 60,000 people were there)" or "(2022)" are asides, not
conversions. Both must also be kinds of quantity that prose converts from one unit to another
(lengths, areas, volumes, masses, speeds, temperatures): "4 hours (320 km)", "10 km (350 hPa)"
or "5C (1,200 mA/g)" give a second quantity alongside the first (a distance driven, the pressure
at that height), which is how such brackets are used far more often than as a botched conversion.
A mass given as a volume, or a volume as a mass, is a conversion by the substance's density
("9 million tons (66 million barrels) of crude oil", "1 kg (1 litre) of water"), which the figures
do not give: not checked. When the numbers agree once one side's unit gets back a word it seems to
have lost ("40 km (15 sq mi)": 40 square km is about 15.4 sq mi; "100 mph (160 km)": per hour),
the message names the word.

## Example
```text
The lorry was carrying 18 tonnes (40 miles) of grain.
```

## Use instead
```text
The lorry was carrying 18 tonnes (40,000 lb) of grain.
```
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import units
from ..figures import format_significant
from ..model import Claim, Diagnostic, Related
from .context import CheckContext
from .conversions import CONVERTED_KINDS

CODE = "FC102"
NAME = "conversion-dimension"
SEVERITY = "error"
SUMMARY = "a stated equivalent is another kind of quantity than the figure it restates"
SCOPE = "paragraph"  # a figure and the one it restates: one paragraph's claims

_KIND_NAMES = {
    "[length]": "a length",
    "[length] ** 2": "an area (or a fuel consumption, volume per distance)",
    "[length] ** 3": "a volume",
    "1 / [length] ** 2": "a fuel economy (distance per volume)",
    "[mass]": "a mass",
    "[time]": "a duration",
    "[temperature]": "a temperature",
    "[length] / [time]": "a speed",
    "[mass] / [length] ** 3": "a density",
    "[mass] * [length] ** 2 / [time] ** 3": "a power",
    "[mass] * [length] ** 2 / [time] ** 2": "an energy",
    "[mass] / [length] / [time] ** 2": "a pressure",
    "[length] / [time] ** 2": "an acceleration",
    "[mass] * [length] / [time] ** 2": "a force",
    "[length] ** 3 / [time]": "a flow",
    "1 / [time]": "a frequency",
}


_BY_DENSITY = {"[mass]", "[length] ** 3"}


def kind_name(dimension: str) -> str:
    return _KIND_NAMES.get(dimension, f"a quantity of dimension {dimension}")


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    for equivalent in ctx.claims:
        source = ctx.converted_source(equivalent)
        if source is None:
            continue
        if source.kind != "quantity" or equivalent.kind != "quantity":
            continue
        if not source.unit or not equivalent.unit:
            continue
        if source.dimension == equivalent.dimension or units.reciprocal(source.unit, equivalent.unit):
            continue  # the same kind, or its inverse ("30 mpg (7.8 L/100 km)"): FC101 checks it
        if source.dimension not in CONVERTED_KINDS or equivalent.dimension not in CONVERTED_KINDS:
            continue  # a second quantity given alongside ("4 hours (320 km)"), not a conversion
        if {source.dimension, equivalent.dimension} == _BY_DENSITY:
            continue  # tons of oil as barrels: converted by a density the figures do not give
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=(
                f"“{equivalent.text}” is given in brackets as the equivalent of “{source.text}”, "
                f"but it is {kind_name(equivalent.dimension)} and “{source.text}” is "
                f"{kind_name(source.dimension)}: no conversion turns one into the other, so one of "
                "the two figures (or its unit) is wrong" + _unit_cut_short(source, equivalent)
            ),
            start=equivalent.start,
            end=equivalent.end,
            related=(Related(source.start, source.end,
                             f"the figure “{equivalent.text}” claims to restate"),),
        )


# Words a unit loses on the way to print ("40 km (15 sq mi)" for 40 square km, "100 mph (160 km)"
# for 160 km/h): each turns one side's unit into the other side's kind when the numbers agree.
_CUT_WORDS = (
    ("({unit}) ** 2", "square", "{n} square {u}"),
    ("({unit}) ** 3", "cubic", "{n} cubic {u}"),
    ("({unit}) / hour", "per hour", "{n} {u} per hour"),
)
# How near the numbers must come to name the missing word (a hint, the diagnostic stands alone).
_CUT_AGREES = 0.03


def _unit_cut_short(source: Claim, equivalent: Claim) -> str:
    """A sentence naming the word one side's unit seems to have lost ("square", "cubic", "per
    hour"), when with it the two numbers agree; else nothing."""
    for side, other in ((source, equivalent), (equivalent, source)):
        for form, word, written in _CUT_WORDS:
            unit = form.format(unit=side.unit)
            if units.dimension(unit) != other.dimension:
                continue
            if side is source:
                meant = units.convert(source.value, unit, equivalent.unit)
                said = (f"{written.format(n=source.number_text, u=source.unit_text)} would be about "
                        f"{format_significant(meant, 3)} {equivalent.unit_text}")
            else:
                meant = units.convert(source.value, source.unit, unit)
                with_word = written.format(n=format_significant(meant, 3), u=equivalent.unit_text)
                said = f"“{source.text}” is about {with_word}"
            if abs(meant - equivalent.value) <= _CUT_AGREES * abs(equivalent.value):
                return f". The numbers agree if “{word}” is missing from “{side.text}”: {said}"
    return ""
