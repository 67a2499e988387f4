"""The shape of one entry of the generated unit table (figcheck/unit_table.py)."""

from typing import NamedTuple


class UnitRecord(NamedTuple):
    canonical: str  # pint's spelling
    dimension: str  # as figcheck.units.dimension writes it
    base_unit: str
    factor: float  # to the base unit: base = factor * value + offset
    offset: float
    verified: bool  # its conversions to the table's other units of its kind are checked there
