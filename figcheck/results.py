"""What checking one file produces: the output contract's objects (``docs/output.md``).

A worker (in this process, a pool's or a Dask cluster's) turns a file's diagnostics or claims into
plain dicts with ``{line, column, offset}`` positions and returns a :class:`FileResult`, which
pickles cheaply; the executors hand it on and every report format reads it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .model import Claim, Diagnostic, Fix
from .text.lines import LineIndex


@dataclass
class FileResult:
    """What checking one file produced, in a form that pickles cheaply between processes."""

    path: str
    diagnostics: list[dict] = field(default_factory=list)
    error: dict | None = None  # {"kind", "message"}
    lines: dict[int, str] = field(default_factory=dict)  # source lines the diagnostics touch
    fixed: int = 0  # fixes applied (or, with --diff, that would be)
    diff: str | None = None
    fixed_bytes: bytes | None = None  # standard input with --fix: what to print, in its encoding
    claims: list[dict] | None = None  # extract only
    fail_on: str = "warning"  # the file's settings' fail-on (for the exit status; not reported)

    def as_dict(self) -> dict:
        if self.claims is not None:
            out = {"path": self.path, "claims": self.claims}
            if self.error is not None:
                out["error"] = self.error
            return out
        out = {"path": self.path, "diagnostics": self.diagnostics, "error": self.error}
        if self.fixed:
            out["fixed"] = self.fixed
        return out


# The parts of ``Diagnostic.data`` the output contract publishes (``data`` in JSON, when any).
PUBLIC_DATA = ("confidence",)


def diagnostic_dict(d: Diagnostic, path: str, index: LineIndex) -> dict:
    text = index.text
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity,
        "message": d.message,
        "start": index.position(d.start),
        "end": index.position(d.end),
        "text": text[d.start : d.end],
        "related": [
            {
                "path": r.path or path,
                "start": index.position(r.start) if r.path is None else _outside(r.start),
                "end": index.position(r.end) if r.path is None else _outside(r.end),
                "text": text[r.start : r.end] if r.path is None else None,
                "message": r.message,
            }
            for r in d.related
        ],
        "fix": fix_dict(d.fix, index),
    }
    data = {k: d.data[k] for k in PUBLIC_DATA if k in d.data}
    if data:
        out["data"] = data
    return out


def _outside(offset: int) -> dict:
    # A location in another document: only the offset is known here.
    return {"line": None, "column": None, "offset": offset}


def fix_dict(fix: Fix | None, index: LineIndex) -> dict | None:
    if fix is None:
        return None
    return {
        "message": fix.message,
        "applicability": fix.applicability,
        "edits": [
            {"start": index.position(e.start), "end": index.position(e.end), "new_text": e.new_text}
            for e in fix.edits
        ],
    }


def lines_touched(diagnostics: list[dict], index: LineIndex) -> dict[int, str]:
    """The source lines a human-readable report shows (spans and related locations)."""
    wanted: set[int] = set()
    for d in diagnostics:
        wanted.update(range(d["start"]["line"], d["end"]["line"] + 1))
        for r in d["related"]:
            if r["start"]["line"] is not None:
                wanted.add(r["start"]["line"])
    return {line: index.line_text(line) for line in sorted(wanted)}


def file_result(path: str, text: str, diagnostics: list[Diagnostic]) -> FileResult:
    """A FileResult for ``diagnostics`` raised on ``text`` (the reports' one way in)."""
    if not diagnostics:  # most files: no line table to build (issue #15)
        return FileResult(path=path, diagnostics=[], lines={})
    index = LineIndex(text)
    dicts = [diagnostic_dict(d, path, index) for d in diagnostics]
    return FileResult(path=path, diagnostics=dicts, lines=lines_touched(dicts, index))


def claim_dict(claim: Claim, index: LineIndex) -> dict:
    return {
        "text": claim.text,
        "start": index.position(claim.start),
        "end": index.position(claim.end),
        "value": _number(claim.value),
        "low": _number(claim.low),
        "high": _number(claim.high),
        "unit": claim.unit,
        "dimension": claim.dimension,
        "base": _base(claim),
        "qualifier": claim.qualifier,
        "counted": claim.counted,
        "converted_from": claim.converted_from,
        "kind": claim.kind,
        "unit_text": claim.unit_text,
    }


def _base(claim: Claim) -> dict | None:
    numbers = {"value": claim.value, "low": claim.low, "high": claim.high}
    if claim.kind != "quantity" or not claim.unit:
        return {**{k: _number(v) for k, v in numbers.items()}, "unit": None}
    from . import units

    try:
        base = {k: None if v is None else _number(units.to_base(v, claim.unit)) for k, v in numbers.items()}
        return {**base, "unit": units.base_unit(claim.unit)}
    except Exception:  # a unit pint cannot convert: say so with null rather than fail the file
        return None


def _number(value: float | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    value = float(value)
    return value if math.isfinite(value) else None
