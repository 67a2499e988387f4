"""A quantity's equivalents in other common units, for people reading a figure.

``describe(1000, "kilometer ** 2")`` → ``["386 sq mi", "100,000 ha", "247,105 acres"]``: the
same amount in the units a reader of either system would use, at a size that suits the amount
(kilometres and miles for long distances, metres and feet for short ones). Pure engine code: the
language server shows these in hovers and inlay hints.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import isfinite

from . import units
from .figures import format_readable

# dimension → tiers of (smallest size in SI base units, [(pint unit, label, system), ...]).
_M, _I = "metric", "imperial"
TIERS: dict[str, list[tuple[float, list[tuple[str, str, str]]]]] = {
    "[length]": [
        (0.0, [("meter", "m", _M), ("foot", "ft", _I)]),
        (1000.0, [("kilometer", "km", _M), ("mile", "mi", _I)]),
    ],
    "[length] ** 2": [
        (0.0, [("meter ** 2", "m²", _M), ("foot ** 2", "sq ft", _I)]),
        (10_000.0, [("hectare", "ha", _M), ("acre", "acres", _I)]),
        (1e6, [("kilometer ** 2", "km²", _M), ("mile ** 2", "sq mi", _I), ("hectare", "ha", _M),
               ("acre", "acres", _I)]),
    ],
    "[length] ** 3": [
        (0.0, [("liter", "L", _M), ("gallon", "US gal", _I)]),
        (10.0, [("meter ** 3", "m³", _M), ("liter", "L", _M), ("gallon", "US gal", _I)]),
    ],
    "[mass]": [
        (0.0, [("gram", "g", _M), ("ounce", "oz", _I)]),
        (1.0, [("kilogram", "kg", _M), ("pound", "lb", _I)]),
        (1000.0, [("metric_ton", "t", _M), ("short_ton", "short tons", _I), ("pound", "lb", _I)]),
    ],
    "[length] / [time]": [
        (0.0, [("kilometer / hour", "km/h", _M), ("mile / hour", "mph", _I), ("knot", "kn", _I)]),
    ],
    "[temperature]": [
        (-1e9, [("degree_Celsius", "°C", _M), ("degree_Fahrenheit", "°F", _I)]),
    ],
}
_IMPERIAL_WORDS = ("mile", "foot", "feet", "yard", "inch", "acre", "pound", "ounce", "gallon",
                   "short_ton", "long_ton", "knot", "fahrenheit", "pint", "quart", "fluid")


@dataclass(frozen=True, slots=True)
class Equivalent:
    value: float
    unit: str  # pint's canonical unit
    label: str  # short, as a reader writes it ("sq mi")
    system: str  # "metric" or "imperial"

    @property
    def text(self) -> str:
        return f"{format_readable(self.value)} {self.label}"


def system_of(unit: str) -> str:
    unit = unit.lower()
    return _I if any(word in unit for word in _IMPERIAL_WORDS) else _M


def equivalents(value: float, unit: str | None) -> list[Equivalent]:
    """``value`` ``unit`` in the other common units of its kind (not in ``unit`` itself)."""
    if not unit or not isfinite(value):
        return []
    try:
        dim = units.dimension(unit)
        tiers = TIERS.get(dim)
        if not tiers:
            return []
        size = abs(units.to_base(value, unit)) if dim != "[temperature]" else 0.0
        choices = [c for floor_, c in tiers if size >= floor_][-1]
        own = units.canonical(unit)
        out = []
        for target, label, system in choices:
            if units.canonical(target) == own:
                continue
            out.append(Equivalent(units.convert(value, unit, target), target, label, system))
    except Exception:  # an odd unit pint cannot convert: no equivalents, never an error
        return []
    # The other system first: that is what the reader of a figure most often wants.
    mine = system_of(unit)
    return sorted(out, key=lambda e: e.system == mine)


def counterpart(value: float, unit: str | None) -> Equivalent | None:
    """The one equivalent in the other system (metric ↔ imperial), for an inlay hint."""
    mine = system_of(unit or "")
    return next((e for e in equivalents(value, unit) if e.system != mine), None)


def describe(value: float, unit: str | None) -> list[str]:
    return [e.text for e in equivalents(value, unit)]
