"""The generated unit table says exactly what pint says, so serving units from it changes no output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from figcheck import units

UNITS, CONVERSIONS = units.unit_table()

ROOT = Path(__file__).resolve().parent.parent


def test_committed_table_is_what_pint_generates():
    # (in a fresh interpreter, as the builder runs: see _CONVERSIONS_AS_PINT_GIVES_THEM)
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_unit_table.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_table_answers_equal_pint_answers():
    for unit, record in UNITS.items():
        assert units.canonical(unit) == units.pint_canonical(unit) == record.canonical
        assert units.dimension(unit) == units.pint_dimension(unit)
        assert units.base_unit(unit) == units.pint_base_unit(unit)


# pint's last bit depends on what it has cached (it multiplies a pair's factors in the order its
# caches give), and the table holds pint's answers as the builder reaches them from a fresh
# start: so the comparison runs in a fresh interpreter that first does what the builder does
# (in this process, other tests may have asked pint other things first: under pytest-xdist,
# whatever ran before on the same worker).
_CONVERSIONS_AS_PINT_GIVES_THEM = """
import importlib.util, math, sys
spec = importlib.util.spec_from_file_location("build_unit_table", sys.argv[1])
builder = importlib.util.module_from_spec(spec)
spec.loader.exec_module(builder)
builder.render()
import pytest

from figcheck import units
UNITS, _ = units.unit_table()
verified = sorted({r.canonical for r in UNITS.values() if r.verified})
checked, wrong = 0, []
for a in verified:
    for b in verified:
        if a == b or units.dimension(a) != units.dimension(b):
            continue
        try:
            exact = units.pint_linear(a, b)
        except Exception:
            continue
        served = (units.convert(1.0, a, b) - units.convert(0.0, a, b), units.convert(0.0, a, b))
        if not (served == exact or all(math.isnan(x) for x in served + exact)):
            wrong.append((a, b, served, exact))
        checked += 1
print(checked, wrong)
"""


def test_conversions_between_verified_units_are_pint_floats_to_the_bit():
    out = subprocess.run([sys.executable, "-c", _CONVERSIONS_AS_PINT_GIVES_THEM,
                          str(ROOT / "tools" / "build_unit_table.py")],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    checked, wrong = out.stdout.split(" ", 1)
    assert wrong.strip() == "[]"
    assert int(checked) > 1000 and CONVERSIONS


def test_to_base_is_pint_to_base():
    for unit, record in UNITS.items():
        for value in (0.0, 1.0, 37.5, -4.0):
            assert units.to_base(value, unit) == value * record.factor + record.offset
            assert units.to_base(value, unit) == units.convert(value, unit, units.pint_base_unit(unit))


def test_the_common_path_never_imports_pint():
    code = (
        "import sys; from figcheck.engine import check_text; "
        "check_text('They retook almost a thousand square miles (2,590 km²) and 40 km (25 miles) of road. '"
        "'It was 30C (86F); 2 tonnes a day.'); print('pint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_body_radii_are_units_of_their_own():
    rp = units.body_radius("p")
    assert (units.canonical(rp), units.dimension(rp), units.base_unit(rp)) == (rp, f"[{rp}]", rp)
    assert units.pint_dimension(rp) == f"[{rp}]"  # defined in pint too once pint is asked


def test_the_system_of_a_unit_is_read_from_what_it_is_built_of():
    metric = ["kilometer", "kilometer ** 2", "hectare", "kilometer / hour", "degree_Celsius", "metric_ton",
              "kilowatt", "millibar"]
    customary = ["mile", "mile ** 2", "acre", "mile / hour", "degree_Fahrenheit", "long_ton", "horsepower",
                 "inch_Hg", "foot ** 3"]
    neither = ["second", "percent", "kelvin", "kilogram / acre", "byte"]
    assert {u: units.system(u) for u in metric} == dict.fromkeys(metric, "metric")
    assert {u: units.system(u) for u in customary} == dict.fromkeys(customary, "customary")
    assert {u: units.system(u) for u in neither} == dict.fromkeys(neither)


def test_decibels_in_a_rate_are_a_level_difference_per_unit():
    # pint reads a logarithmic unit in a product as "delta_decibel", which it lacks
    per_km = "(decibel) / (kilometer)"
    assert (units.canonical(per_km), units.dimension(per_km)) == ("delta_decibel / kilometer", "[level] / [length]")
    assert units.convert(0.2, per_km, "delta_decibel / meter") == pytest.approx(0.0002)
    assert units.dimension("decibel") == "dimensionless"  # a level alone is as before


def test_a_unit_pint_cannot_read_raises_one_error_of_ours():
    for unit in ("(no_such_unit) / (meter)", "(decade) / (meter)"):
        with pytest.raises(units.UnreadableUnit):
            units.dimension(unit)


def test_a_level_is_no_reciprocal_of_a_rate_per_level():
    # "5 ppm/dB (7 dB)" once stopped the file: the kinds look inverse, but pint converts no level
    assert not units.reciprocal("(ppm) / (decibel)", "decibel")
    assert units.reciprocal("mile / gallon", "liter / kilometer")
