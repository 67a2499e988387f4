"""Unit arithmetic: canonical spellings, dimensions and conversions.

Answers come from a table generated at build time (`figcheck/unit_table.json`, written by
`tools/build_unit_table.py` from pint and checked against it by the test suite), so a run that
meets only the usual units never imports pint: importing it and building its registry costs
about half a second, more than checking a typical article. A unit the table lacks is resolved
by the one pint registry of the process, built on first use and shared; its answers are cached
per unit and per unit pair. The table holds exactly what pint answers, so both paths give the
same strings and the same floats.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple


class UnitRecord(NamedTuple):
    """One unit of the generated table."""

    canonical: str  # pint's spelling
    dimension: str  # as dimension() writes it
    base_unit: str
    factor: float  # to the base unit: base = factor * value + offset
    offset: float
    verified: bool  # its conversions to the table's other units of its kind are in the table


_TABLE_FILE = Path(__file__).with_name("unit_table.json")


@cache
def unit_table() -> tuple[dict[str, UnitRecord], dict[tuple[str, str], tuple[float, float] | None]]:
    """(unit expression → its record, (from, to) → pint's (factor, offset) where that is not
    factor_from / factor_to, or None where pint refuses). JSON, because it loads in a few
    milliseconds with or without bytecode caches (as Python source it took 90 ms to compile)."""
    data = json.loads(_TABLE_FILE.read_text(encoding="utf-8"))
    records = {unit: UnitRecord._make(fields) for unit, fields in data["units"].items()}
    conversions = {(a, b): None if factor is None else (factor, offset) for a, b, factor, offset in data["conversions"]}
    return records, conversions

# Units writers use that pint lacks.
_DEFINITIONS = (
    "ppb = 1e-9 = parts_per_billion",
    "rayleigh = 1e10 / (4 * pi) / meter ** 2 / second / steradian",
    "international_unit = [international_unit]",  # vitamins and drugs: a unit per substance
    # Decibels in a rate or a product ("0.2 dB/km", "1.28 dB m⁻¹"): pint reads a logarithmic
    # unit there as its difference, "delta_decibel", and has no such unit. A level difference is
    # a kind of its own: it converts to nothing but itself.
    "delta_decibel = [level]",
)

# The radius of a planet or moon is a unit of its own kind ("5Rp", "8.74Rs"): it converts to
# nothing, so two bodies' radii never compare. Each is its own canonical spelling and base unit.
_BODY_RADIUS_PREFIX = "radius_"
_body_radii: set[str] = set()


@cache
def registry():
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for definition in _DEFINITIONS:
        ureg.define(definition)
    for name in sorted(_body_radii):
        ureg.define(f"{name} = [{name}]")
    return ureg


@lru_cache(maxsize=64)
def body_radius(body: str) -> str:
    """The unit "radius of ``body``" ("p" for a planet, "Rh" for Rhea), defined on first use."""
    name = _BODY_RADIUS_PREFIX + "".join(ch for ch in body if ch.isalnum() and ch.isascii()) or "radius_body"
    if name not in _body_radii:
        _body_radii.add(name)
        if registry.cache_info().currsize:  # pint is already loaded: define it there too
            registry().define(f"{name} = [{name}]")
    return name


def _record(unit: str) -> UnitRecord | None:
    record = unit_table()[0].get(unit)
    if record is None and unit in _body_radii:
        return UnitRecord(unit, f"[{unit}]", unit, 1.0, 0.0, False)
    return record


@lru_cache(maxsize=4096)
def canonical(unit: str) -> str:
    """pint's canonical spelling of a unit expression ("km**2" → "kilometer ** 2")."""
    record = _record(unit)
    return record.canonical if record is not None else pint_canonical(unit)


@lru_cache(maxsize=4096)
def dimension(unit: str) -> str:
    """pint's dimensionality in one canonical spelling ("[length] ** 2", "[mass] / [length] ** 3");
    data sizes, which pint counts as dimensionless, are "[information]" so they never compare
    with ratios such as mg/kg."""
    record = _record(unit)
    return record.dimension if record is not None else pint_dimension(unit)


def is_area(unit: str) -> bool:
    """Whether ``unit`` (a pint unit, or "" for none) measures an area: what "per" makes a density of."""
    return bool(unit) and dimension(unit) == "[length] ** 2"


@lru_cache(maxsize=4096)
def base_unit(unit: str) -> str:
    record = _record(unit)
    return record.base_unit if record is not None else pint_base_unit(unit)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to`` (temperatures with their offsets)."""
    if unit == to:
        return value
    factor, offset = _linear(unit, to)
    return value * factor + offset


def to_base(value: float, unit: str) -> float:
    return convert(value, unit, base_unit(unit))


@lru_cache(maxsize=4096)
def _linear(unit: str, to: str) -> tuple[float, float]:
    """Conversion as ``y = a·x + b`` (b ≠ 0 only for absolute temperatures)."""
    records, conversions = unit_table()
    source, target = records.get(unit), records.get(to)
    if source is not None and target is not None:
        if to == source.base_unit:
            return source.factor, source.offset
        pair = (source.canonical, target.canonical)
        if pair in conversions:
            exact = conversions[pair]
            if exact is not None:
                return exact
        elif source.dimension == target.dimension and source.offset == target.offset == 0.0 and source.verified and target.verified:
            return source.factor / target.factor, 0.0
    return pint_linear(unit, to)


def same_dimension(a: str, b: str) -> bool:
    return dimension(a) == dimension(b)


# The units of the American and imperial systems that prose converts to metric and back (pint's
# names). A unit built of these and of time is "customary"; of metric units and time, "metric".
_CUSTOMARY = frozenset((
    "mile", "foot", "inch", "yard", "nautical_mile", "fathom", "furlong", "acre", "pound", "ounce", "stone", "short_ton",
    "long_ton", "ton", "gallon", "imperial_gallon", "quart", "pint", "fluid_ounce",
    "imperial_fluid_ounce", "cubic_foot", "cubic_inch", "degree_Fahrenheit", "delta_degree_Fahrenheit",
    "mile_per_hour", "knot", "horsepower", "inch_Hg", "force_pound", "pound_force",
    "pound_force_per_square_inch", "psi", "british_thermal_unit", "barrel", "oil_barrel", "troy_ounce",
))
_METRIC_ENDINGS = ("meter", "gram", "liter", "hectare", "metric_ton", "tonne", "degree_Celsius", "watt",
                   "watt_hour", "joule", "pascal", "newton", "bar", "kilogram_force", "millimeter_Hg")
_TIME = frozenset(("second", "minute", "hour", "day", "week", "year"))
_NAME = re.compile(r"[A-Za-z_]+")


@lru_cache(maxsize=4096)
def system(unit: str) -> str | None:
    """"metric" or "customary" (American and imperial), by the units ``unit`` is built of; None
    for a unit of neither, or of both ("kilogram / acre"). Two figures in different systems are
    not one range ("12 miles – 19 km"): one restates the other."""
    found = set()
    for name in _NAME.findall(unit):
        if name in _TIME:
            continue
        if name in _CUSTOMARY:
            found.add("customary")
        elif name.endswith(_METRIC_ENDINGS):
            found.add("metric")
        else:
            return None
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4096)
def reciprocal(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` measure inverse kinds ("litre / kilometre" and "mile / gallon":
    fuel used per distance and distance per fuel), so that one converts into the other as 1/x."""
    try:
        if dimension(a) != dimension(f"1 / ({b})") or dimension(a) == dimension(b):
            return False
        convert_reciprocal(1.0, a, b)  # ("ppm / dB" and "dB" have inverse kinds, but a level
        return True  # alone converts into nothing: pint refuses)
    except Exception:
        return False


def convert_reciprocal(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` restated in the inverse unit ``to`` (7.8 L/100 km → 30.2 mpg)."""
    if value == 0:
        return float("inf")
    return convert(1.0 / value, f"1 / ({unit})", to)


# --- answers from pint: for units the table lacks, and for building the table ----------------


class UnreadableUnit(ValueError):
    """A unit expression pint cannot read (a unit it lacks, or one it cannot combine)."""


@lru_cache(maxsize=4096)
def pint_canonical(unit: str) -> str:
    try:
        return str(registry().parse_units(unit))
    except Exception as exc:  # (pint raises many kinds: undefined, offset, syntax)
        raise UnreadableUnit(unit) from exc


# The order dimensions are written in, so that one kind has one spelling whatever unit it was
# measured in (pint writes horsepower as "[length] ** 2 * [mass] / [time] ** 3" but kilowatts as
# "[mass] * [length] ** 2 / [time] ** 3").
_DIMENSION_ORDER = ("[mass]", "[length]", "[time]", "[current]", "[temperature]", "[substance]", "[luminosity]")


@lru_cache(maxsize=4096)
def pint_dimension(unit: str) -> str:
    try:
        dims = dict(registry().parse_units(unit).dimensionality)
    except Exception as exc:  # (pint may parse a unit it cannot then resolve)
        raise UnreadableUnit(unit) from exc
    if not dims:
        return "[information]" if "bit" in pint_base_unit(unit) else "dimensionless"
    order = sorted(dims, key=lambda d: (_DIMENSION_ORDER.index(d) if d in _DIMENSION_ORDER else len(_DIMENSION_ORDER), d))

    def power(d: str, n: float) -> str:
        n = abs(n)
        return d if n == 1 else f"{d} ** {int(n) if n == int(n) else n}"

    top = " * ".join(power(d, dims[d]) for d in order if dims[d] > 0) or "1"
    bottom = "".join(f" / {power(d, dims[d])}" for d in order if dims[d] < 0)
    return top + bottom


@lru_cache(maxsize=4096)
def pint_base_unit(unit: str) -> str:
    return str(registry().Quantity(1, unit).to_base_units().units)


@lru_cache(maxsize=4096)
def pint_linear(unit: str, to: str) -> tuple[float, float]:
    ureg = registry()
    zero = ureg.Quantity(0.0, unit).to(to).magnitude
    one = ureg.Quantity(1.0, unit).to(to).magnitude
    return one - zero, zero
