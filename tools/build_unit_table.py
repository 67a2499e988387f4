"""Write figcheck/unit_table.json: pint's answers for every unit the lexicon writes.

    python tools/build_unit_table.py           # rewrite the table
    python tools/build_unit_table.py --check   # exit 1 if the committed table differs

`figcheck.units` serves canonical spellings, dimensions, base units and conversions from this
table, so that a run meeting only these units never imports pint. The table holds exactly what
pint answers (the test suite regenerates it and compares), so both paths give the same output.

Conversions between two units of the table that share a dimension are served as
``factor_a / factor_b`` (their factors to the base unit); pint multiplies the factors of the
pair in its own order, so where that differs in the last bit, or the units carry an offset, or
pint refuses, the pair's own answer is written out in CONVERSIONS.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import permutations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figcheck import equivalents, units  # noqa: E402
from figcheck.extract import lexicon  # noqa: E402
from figcheck.rules.unit_mixup import COMMON_UNITS  # noqa: E402

TABLE = ROOT / "figcheck" / "unit_table.json"

# Denominators of the rates writers state per unit of time ("barrels a day", "tonnes per year").
# Denominators of the grades and yields stated per mass, volume or area ("ounces per ton",
# "tonnes per hectare", "mg per litre"), written after a unit of mass.
MASS_DENOMINATORS = ("ton", "metric_ton", "kilogram", "liter", "hectare")
# Ore grades ("0.15 ounce per ton", "4.6 grams per tonne") are compared with each other.
GRADE_DENOMINATORS = ("ton", "metric_ton")
# (Other compound units — "mg/kg", "g cm−3" — are too many to list: pint answers those.)
RATE_DENOMINATORS = ("second", "hour", "day", "year")

def simple_units() -> set[str]:
    """The units the lexicon maps words and symbols to, and the units rules convert into."""
    found = {*lexicon.WORD_UNITS.values(), *lexicon.SYMBOL_UNITS.values(), *lexicon.BRACKET_ONLY_SYMBOLS.values()}
    found -= set(lexicon.UNIT_FACTORS)  # spelled for the lexicon only; replaced before pint sees them
    found |= {unit for unit, _ in lexicon.UNIT_FACTORS.values()}
    found |= set(lexicon.DELTA_OF.values())
    found |= {unit for tiers in equivalents.TIERS.values() for _, choices in tiers for unit, _, _ in choices}
    found |= {unit for kind in COMMON_UNITS.values() for unit in kind}
    return found


def _record(unit: str, verified: bool) -> tuple | None:
    try:
        canonical = units.pint_canonical(unit)
        base = units.pint_base_unit(unit)
        factor, offset = (1.0, 0.0) if canonical == base else units.pint_linear(unit, base)
        return (canonical, units.pint_dimension(unit), base, factor, offset, verified)
    except Exception:  # not a unit pint knows: left to pint at run time, which says so
        return None


def records() -> dict[str, tuple]:
    table: dict[str, tuple] = {}
    simple = sorted(simple_units())
    for unit in simple:
        if (rec := _record(unit, True)) is not None:
            table[unit] = rec
            table.setdefault(rec[0], rec)
            table.setdefault(rec[2], _record(rec[2], True))
    for unit in simple:
        if unit in lexicon.TEMPERATURE_UNITS or unit not in table:
            continue
        # rates, and the inverse a conversion rule tries when two figures' kinds differ
        per_mass = MASS_DENOMINATORS if table[unit][1] == "[mass]" else ()
        for derived, verified in (
            *((f"({unit}) / ({d})", False) for d in RATE_DENOMINATORS),
            *((f"({unit}) / ({d})", d in GRADE_DENOMINATORS) for d in per_mass),
            (f"1 / ({unit})", False),
        ):
            if (rec := _record(derived, verified)) is not None:
                table[derived] = rec
                table.setdefault(rec[0], rec)
    return table


def conversions(table: dict[str, tuple]) -> dict[tuple[str, str], tuple[float, float] | None]:
    """Pairs of verified units whose conversion is not ``factor_a / factor_b``."""
    verified = {rec[0]: rec for rec in table.values() if rec[5]}
    exceptions: dict[tuple[str, str], tuple[float, float] | None] = {}
    for a, b in permutations(sorted(verified), 2):
        ra, rb = verified[a], verified[b]
        if ra[1] != rb[1] or b == ra[2]:
            continue
        try:
            exact = units.pint_linear(a, b)
        except Exception:
            exact = None
        formula = (ra[3] / rb[3], 0.0) if ra[4] == rb[4] == 0.0 else None
        if formula != exact:
            exceptions[(a, b)] = exact
    return exceptions


def render() -> str:
    """The table as JSON, one unit or pair a line so that a change reads as a small diff."""
    import pint

    table = records()
    units_lines = [f"  {json.dumps(unit)}: {json.dumps(list(rec))}" for unit, rec in sorted(table.items())]
    pair_lines = [
        f"  {json.dumps([a, b, *(exact if exact is not None else (None, None))])}"
        for (a, b), exact in sorted(conversions(table).items())
    ]
    return (
        "{\n"
        f' "generated_by": "tools/build_unit_table.py from pint {pint.__version__}: do not edit",\n'
        ' "units": {\n' + ",\n".join(units_lines) + "\n },\n"
        ' "conversions": [\n' + ",\n".join(pair_lines) + "\n ]\n}\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed table instead of writing it")
    args = ap.parse_args()
    text = render()
    if args.check:
        same = TABLE.read_text(encoding="utf-8") == text
        print("unit table up to date" if same else f"{TABLE} is out of date: run tools/build_unit_table.py")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
