"""Helpers for the consistency-rule tests: fixtures, rendering, applying fixes, building claims."""

from __future__ import annotations

import re
from pathlib import Path

from figcheck import fixes, units
from figcheck.config import Settings
from figcheck.engine import check_document
from figcheck.model import Claim, Diagnostic
from figcheck.text import read_document

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SNAPSHOTS = HERE / "snapshots"
OUR_CODES = ("FC101", "FC102", "FC201", "FC202", "FC301", "FC302", "FC303", "FC304")


def parse_fixture(path: Path) -> dict[str, list[str]]:
    """``## Fire`` / ``## OK`` sections of cases separated by ``---`` lines."""
    sections: dict[str, list[str]] = {}
    current = None
    for block in re.split(r"^## +", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        current = title.strip().lower()
        cases = [c.strip("\n") for c in re.split(r"^---[ \t]*$", body, flags=re.M)]
        sections[current] = [c for c in cases if c.strip()]
    return sections


def check(text: str, settings: Settings | None = None, select=OUR_CODES) -> list[Diagnostic]:
    settings = settings or Settings()
    settings = settings.with_overrides(select=tuple(select))
    return check_document(read_document(text, "text"), settings)


def render(text: str, diagnostics: list[Diagnostic]) -> str:
    """A stable, readable rendering of diagnostics for snapshot files."""
    out = []
    for d in diagnostics:
        out.append(f"{d.code} {d.name} ({d.severity}) [{text[d.start:d.end]}]")
        out.append(f"  message: {d.message}")
        for r in d.related:
            out.append(f"  related [{text[r.start:r.end]}]: {r.message}")
        if d.fix:
            edits = "; ".join(f"[{text[e.start:e.end]}] -> [{e.new_text}]" for e in d.fix.edits)
            out.append(f"  fix ({d.fix.applicability}): {d.fix.message}: {edits}")
    return "\n".join(out)


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> str:
    """The diagnostics' fixes applied as ``figcheck check --fix --unsafe-fixes`` applies one pass."""
    return fixes.apply_fixes(text, fixes.choose_fixes(diagnostics, unsafe=True))


def claim(text: str, surface: str, value: float, unit: str | None = None, *, occurrence: int = 1,
          kind: str | None = None, number_text: str | None = None, **kw) -> Claim:
    """A Claim for ``surface`` (its ``occurrence``-th appearance in ``text``), as the extractor
    would build it; units in pint's spelling ("kilometer", "mile ** 2")."""
    pos = -1
    for _ in range(occurrence):
        pos = text.index(surface, pos + 1)
    if kind is None:
        kind = "quantity" if unit else "count"
    m = re.search(r"\d[\d,.]*", surface)
    number_text = number_text if number_text is not None else (m.group() if m else surface)
    dimension = kw.pop("dimension", None) or (units.dimension(unit) if unit else kind)
    unit_text = kw.pop("unit_text", None)
    unit_start = unit_end = None
    if unit_text:
        unit_start = pos + surface.index(unit_text)
        unit_end = unit_start + len(unit_text)
    digits = number_text.replace(",", "")
    if "." in digits:
        rounding = 0.5 * 10 ** -len(digits.split(".")[1])
    else:
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        rounding = 0.5 * 10**zeros
    fields = dict(
        start=pos, end=pos + len(surface), text=surface, value=value, low=value, high=value,
        unit=unit and units.canonical(unit), dimension=dimension, kind=kind,
        number_text=number_text, rounding=rounding, unit_text=unit_text,
        unit_start=unit_start, unit_end=unit_end,
    )
    fields.update(kw)
    return Claim(**fields)
