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
do not give: not checked.

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
from ..model import Diagnostic, Related
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
                "the two figures (or its unit) is wrong"
            ),
            start=equivalent.start,
            end=equivalent.end,
            related=(Related(source.start, source.end,
                             f"the figure “{equivalent.text}” claims to restate"),),
        )
