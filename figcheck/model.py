"""The engine's value types: claims found in prose, and the diagnostics rules raise about them.

Every offset here is a 0-based code-point index into the document's decoded text (a Python
``str`` index); ``end`` is exclusive. Conversions to line/column or to LSP positions happen at
the boundaries (``figcheck.text.lines`` and ``server.positions``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "information", "hint"]
Applicability = Literal["safe", "unsafe"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "information", "hint")  # the order reports use
SEVERITY_RANK: dict[str, int] = {severity: len(SEVERITIES) - 1 - n for n, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim as a careful reader understands it.

    ``value`` is the figure as written (the midpoint of a range); ``low``/``high`` are the bounds
    the words allow (``None`` where a qualifier leaves that side open). All three are in ``unit``.
    """

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    unit: str | None  # pint's canonical unit string; None for counts, money and pure numbers
    # pint dimensionality, or "count", "percent", "percentage point", "currency:XXX", and
    # "dimensionless" for a pure number (a ratio, a multiplier, a statistic)
    dimension: str
    # "percent" covers percentage points too, told apart by unit "percentage_point" and dimension
    # "percentage point" ("rose 2 points to 7%": a difference of percentages, never a share);
    # "number": a figure with no unit that is not a count ("16 times", "1:60", "p = 0.03").
    kind: Literal["quantity", "count", "percent", "money", "number"]
    qualifier: str | None = None
    counted: str | None = None  # for counts: the singular, lower-case noun counted
    converted_from: int | None = None  # index (in the claim list) of the figure this is a conversion of
    # What the rules need to reason about rounding and to write fixes in the writer's words.
    unit_text: str | None = None  # the unit as written ("square kilometres", "km²")
    unit_start: int | None = None
    unit_end: int | None = None
    number_text: str = ""  # the figure as written ("1,000", "a thousand", "92 5⁄8")
    # How far rounding may have moved the written figure (bigger: rounder): half a unit of its
    # last significant digit, in ``unit``.
    rounding: float = 0.5
    is_range: bool = False
    is_estimate: bool = False  # a vague approximation ("about", "some", "~")
    role: str | None = None  # "age" for "62-year-old", "delta" for temperature differences

    @property
    def approximate(self) -> bool:
        return self.is_estimate or self.qualifier is not None


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    applicability: Applicability
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Related:
    """Another place in a document that a diagnostic refers to."""

    start: int
    end: int
    message: str
    path: str | None = None  # None: the same document as the diagnostic


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    start: int
    end: int
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # Extra machine-readable detail (the claims involved, the probable unit, ...).
    data: dict = field(default_factory=dict, compare=False, hash=False)
