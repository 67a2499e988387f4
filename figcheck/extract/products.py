"""Sizes written as products: "10 by 12 feet", "60 × 10 × 3 mm3", "2 m × 3 m", "20 × 20 degrees".

Each side of a size is its own figure in the size's unit, so that a bracketed conversion of a size
("10 by 12 feet (3.0 by 3.7 m)") restates it side by side, and so that no side is read as a
bare count ("10", "3.0") or left out. Only lengths and angles are sizes: a product of a count and
a time, a mass or a volume is a repetition ("2 × 45 minutes", "3 × 500 mg"), and so is a small
number of equal legs ("4 × 100 m relay"), which are left as the scanner reads them.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from .. import units
from ..compiled_patterns import PatternCache
from ..model import Claim
from .counted import singular_noun
from .lexicon import QUALIFIERS
from .numbers import PLAIN_DIGITS, parse_digits, qualified_bounds

PATTERNS = PatternCache.beside(__file__)


class _Reader(Protocol):
    """What a size is read with: the scanner's reader of one paragraph."""

    text: str
    offset: int

    def unit_after(self, pos: int, allow_hyphen: bool = True, num=None): ...

    def qualifier_before(self, pos: int) -> tuple[str, int] | None: ...


# What joins two sides: "×", "x" standing alone or between digits ("10x12 cm"), or "by".
SIDE_JOIN = PATTERNS.compile(
    r"[ \u00a0]*(?:×|(?<![^\W\d_])[xX](?![^\W\d_])|(?<=[ \u00a0])by(?=[ \u00a0]))[ \u00a0]*(?=\d)|-by-(?=\d)")
# The same join between two sides read as claims (the gap between them, whole).
SIDE_GAP = PATTERNS.compile(r"[ \u00a0]*(?:×|[xX]|[ \u00a0]by[ \u00a0])[ \u00a0]*|-by-")
# Where a size may be: a figure, a short unit perhaps, a join, a digit (read before anything else:
# most paragraphs have none).
# (The digit comes first and the character before it is looked at from there: a pattern that
# opens with a look-behind is tried at every character of the paragraph, one that opens with a
# digit only where a digit is, ~40% of this scan's time.)
_HINT = PATTERNS.compile(
    r"\d(?<![\w.,/-]\d)[\d,.]*(?:[ \u00a0]?[^\W\d_]{1,12}[23²³]?)?(?:[ \u00a0]*(?:×|[xX]|by)[ \u00a0]*|-by-)\d")
# A power of ten after "×" is scientific notation ("3 × 10^6", "5×10−4", "6 × 106"), not a size.
_POWER_OF_TEN = PATTERNS.compile(r"10(?:[\^⁻⁰¹²³⁴⁵⁶⁷⁸⁹−-]|\d)")
# What may follow a figure that a unit of a size starts: a letter or a sign (not another figure).
_MAY_BE_UNIT = PATTERNS.compile(r"[ \u00a0-]?[^\W\d_]|[°′″'\"]")
_LENGTH = "[length]"
_MOST_SIDES = 3  # (a longer product is no size: and each is read in bounded time)
_ANGLES = frozenset({"degree", "arcminute", "arcsecond", "radian"})
# "millimeter ** 3", "(millimeter) ** 3": a unit read with its written power.
_POWER_UNIT = re.compile(r"^(\w+|\(\w+\)) \*\* (\d)$")
# Legs of a race or repetitions: "4 × 100 m", "2 x 50 m", "2 × 12.7 mm machine guns" (a small
# count and a much longer side) ...
_MOST_LEGS = 12
_LEG_RATIO = 5
_THINGS_RATIO = 2  # ... or a count of things of one size, a side at least twice the count
_WORD_AFTER = PATTERNS.compile(r"[ \u00a0]+([A-Za-z][a-z-]+)")
# "in" after the last side of a size in brackets: inches ("(15.0 × 8.5 × 7.8 in)"), as the
# scanner reads it after a figure alone in brackets.
_INCHES_IN_BRACKETS = PATTERNS.compile(r"[ \u00a0]in\.?(?=[ \u00a0]*(?:[)\];×]|(?:x|by)[ \u00a0]*\d))")


def read_sizes(reader: _Reader, claims: list[Claim]) -> list[Claim]:
    """``claims`` of a paragraph with each size read side by side (the claims the scanner read
    inside a size replaced)."""
    text = reader.text
    if "×" not in text and "x" not in text and "X" not in text and "by" not in text:
        return claims
    sizes: list[list[Claim]] = []
    reached = 0
    for hint in _HINT.finditer(text):
        if hint.start() < reached:
            continue
        size, reached = _size_at(reader, hint.start())
        if size:
            sizes.append(size)
    if not sizes:
        return claims
    return _replaced(claims, sizes)


def _size_at(reader: _Reader, start: int) -> tuple[list[Claim] | None, int]:
    """The sides of the size whose first figure starts at ``start`` (or None), and where no
    other size may start before."""
    text = reader.text
    sides = []  # (where its number starts and ends, its unit or None)
    pos = start
    while True:
        m = PLAIN_DIGITS.match(text, pos)  # (read as a figure only once the size is whole)
        if m is None:
            return None, start
        end, unit = m.end(), None
        join = SIDE_JOIN.match(text, end)  # (a side without a unit: no unit to read)
        if join is None and _MAY_BE_UNIT.match(text, end):
            num = parse_digits(text, pos)
            if num is None or num.end != end:
                return None, start
            unit = reader.unit_after(end, allow_hyphen=text[end:end + 1] == "-", num=num)
            if unit is None and start and text[start - 1] in "([":
                unit = _inches_in_brackets(text, end)
            if unit is not None and unit.kind != "quantity":
                return None, start
            join = SIDE_JOIN.match(text, unit.end) if unit else None
        sides.append((pos, end, unit))
        if join is None:
            break
        if len(sides) == _MOST_SIDES:
            return None, join.end()  # (and none of its sides starts one)
        pos = join.end()
        if _POWER_OF_TEN.match(text, pos) and join.group().strip() != "by":
            return None, start
    if len(sides) < 2 or sides[-1][2] is None:
        return None, sides[-1][1] if sides[-1][2] is None else start  # (a later side would end alike)
    numbers = [parse_digits(text, a) for a, _, _ in sides]
    if any(num is None or num.end != b for num, (_, b, _) in zip(numbers, sides)):
        return None, start
    units_written = [u for _, _, u in sides]
    last_unit = units_written[-1]
    side_unit = _side_unit(last_unit.unit, len(sides))
    if side_unit is None or any(u is not None and not _same_kind(u.unit, side_unit) for u in units_written[:-1]):
        return None, start
    if _repetition(text, numbers, units_written):
        return None, start
    qualifier = reader.qualifier_before(start)  # ("about 10 × 12 m": of every side)
    size = [_side(reader, num, unit, side_unit if unit is None or unit is last_unit else unit.unit, last_unit,
                  qualifier, k == 0)
            for k, (num, unit) in enumerate(zip(numbers, units_written))]
    return size, size[-1].end - reader.offset


def _repetition(text: str, numbers: list, units_written: list) -> bool:
    """Legs or repetitions, not a size: a small count without a unit times a much longer side
    ("4 × 100 m", "2 x 50 m"), or times things of one size ("2 × 7.62 mm guns")."""
    first = numbers[0]
    if len(numbers) != 2 or units_written[0] is not None or "." in first.text or not 0 < first.value <= _MOST_LEGS:
        return False
    if numbers[1].value >= _LEG_RATIO * first.value:
        return True
    if numbers[1].value < _THINGS_RATIO * first.value:
        return False  # ("10 x 12 feet rooms", "2 × 3 m plots": sizes of things)
    things = _WORD_AFTER.match(text, units_written[1].end)
    return things is not None and singular_noun(things.group(1).lower()) is not None


def _inches_in_brackets(text: str, end: int):
    """"in" after a side of a size that opens a bracket ("(1.5 in × 1.0 in)")."""
    m = _INCHES_IN_BRACKETS.match(text, end)
    return _Inches("quantity", "inch", m.start() + 1, m.end(), m.group().strip()) if m else None


class _Inches(NamedTuple):
    """"in" read as inches: the fields of the scanner's reading of a unit that a side reads."""

    kind: str
    unit: str
    start: int
    end: int
    text: str
    factor: float = 1.0


def _side_unit(unit: str, n_sides: int) -> str | None:
    """The unit of one side of a size of ``n_sides`` sides whose unit is ``unit`` ("mm3" of
    three sides: "mm"), if a length or an angle."""
    power = _POWER_UNIT.match(unit)
    if power and int(power.group(2)) == n_sides:
        unit = power.group(1).strip("()")
    elif power:
        return None
    canonical = units.canonical(unit)
    if units.dimension(canonical) == _LENGTH or canonical in _ANGLES:
        return canonical
    return None


def _same_kind(unit: str, side_unit: str) -> bool:
    """Whether a unit written on one side ("2 m × 3 m") measures what the size's last does."""
    own = _side_unit(unit, 1)
    return own is not None and units.dimension(own) == units.dimension(side_unit)


def _side(reader: _Reader, num, unit, side_unit: str, last_unit, qualifier: tuple[str, int] | None,
          first: bool) -> Claim:
    """One side: its own unit if written, else the size's (written after the last side); the
    qualifier before the size is every side's, written before the first."""
    offset = reader.offset
    own = unit is not None
    factor = unit.factor if own else last_unit.factor
    start = qualifier[1] if qualifier and first else num.start
    end = unit.end if own else num.end
    value = num.value * factor
    qual = qualifier[0] if qualifier else None
    low, high = qualified_bounds(qual, value, value, value)
    return Claim(
        start=start + offset, end=end + offset, text=reader.text[start:end],
        value=value, low=low, high=high, qualifier=qual, is_estimate=QUALIFIERS.get(qual) == "approx",
        unit=units.canonical(side_unit), dimension=units.dimension(side_unit), kind="quantity",
        unit_text=unit.text if own else last_unit.text,
        unit_start=unit.start + offset if own else None, unit_end=unit.end + offset if own else None,
        number_text=num.text, rounding=num.rounding * factor,
    )


def _replaced(claims: list[Claim], sizes: list[list[Claim]]) -> list[Claim]:
    """``claims`` with those overlapping a size dropped and the size's sides put in place."""
    out: list[Claim] = []
    spans = [(size[0].start, size[-1].end) for size in sizes]
    k = 0
    for claim in claims:
        while k < len(sizes) and spans[k][1] <= claim.start:
            out.extend(sizes[k])
            k += 1
        if k < len(sizes) and claim.start < spans[k][1] and claim.end > spans[k][0]:
            continue
        out.append(claim)
    for size in sizes[k:]:
        out.extend(size)
    return out


PATTERNS.save()
