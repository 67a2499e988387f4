"""## What it does
Flags two figures that seem to be about the same thing but cannot both be true: "a force of
some 8,000 fighters" in one paragraph and "the same force of about 18,000 fighters" in another.

## Why is this bad?
A reader who notices the contradiction stops trusting every figure in the piece; one who does
not is misinformed by one of them. Such conflicts usually come from a typo, an edit to one
mention of a figure that missed the other, or two sources merged without reconciling them.

Qualifiers count: "almost 3,000" and "about 3,000" agree, "more than 30" and "31" agree, and the
rounding of each figure is allowed for. Two figures are taken to be about the same thing only
with evidence: the same counted noun or kind of quantity **and** either an explicit restatement
("the same force", "that figure", "those 42 passengers") or several shared words around both. The rule is
silent across contrast cues ("another", "a smaller group", "the second", "each", "together",
"of them"), different places, days or years, and change over time ("rose to", "now",
"updated", "expected").

## Example
```text
The rebels gathered a force of some 8,000 fighters outside the city.
Two weeks later, the same force of about 18,000 fighters crossed the river.
```

## Use instead
```text
The rebels gathered a force of some 18,000 fighters outside the city.
Two weeks later, the same force of about 18,000 fighters crossed the river.
```
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .. import units
from ..model import Claim, Diagnostic, Related
from . import referent
from .context import CheckContext
from .rounding import BASE_SLACK, claim_interval, disjoint
from .unit_mixup import factor_mixup

CODE = "FC201"
NAME = "conflicting-figures"
SEVERITY = "warning"
SUMMARY = "figures about the same thing that cannot all be true"

# Without an explicit restatement cue, this many shared words are needed.
MIN_SHARED_WITHOUT_CUE = 3


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    conflicts: dict[int, list[tuple[int, referent.Evidence, tuple, tuple]]] = {}
    slack = BASE_SLACK + ctx.settings.tolerance
    for key, members in referent.buckets(ctx).items():
        # A stated equivalent restates its source: compare the sources only.
        members = [i for i in members if ctx.claims[i].converted_from is None]
        for i, j in referent.candidate_pairs(ctx, members):
            a, b = ctx.claims[i], ctx.claims[j]
            if a.unit != b.unit and a.value and math.isclose(a.value, b.value, rel_tol=0.02):
                continue  # the same number in two units: a unit mix-up (FC202)
            ivs = _intervals(ctx, i, j)
            if ivs is None or not disjoint(ivs[0], ivs[1], slack):
                continue
            ev = referent.evidence(
                referent.frame(ctx, i), referent.frame(ctx, j),
                min_shared=MIN_SHARED_WITHOUT_CUE, restate_min_shared=1,
            )
            if ev is None:
                continue
            if a.kind == "quantity" and (factor_mixup(a, b) or factor_mixup(b, a)):
                continue  # one converted as if in another unit: FC202
            conflicts.setdefault(j, []).append((i, ev, ivs[1], ivs[0]))
    for j in sorted(conflicts):
        yield _diagnostic(ctx, j, conflicts[j])


def _intervals(ctx: CheckContext, i: int, j: int):
    """Both claims' intervals in b's unit (None when they cannot be compared)."""
    cache = ctx.memo("FC201.intervals", dict)
    a, b = ctx.claims[i], ctx.claims[j]
    ia = cache.get(i) or cache.setdefault(i, claim_interval(a))
    ib = cache.get(j) or cache.setdefault(j, claim_interval(b))
    if a.kind == "quantity":
        if not a.unit or not b.unit:
            return None
        if a.unit != b.unit:
            try:
                ia = tuple(sorted(_conv(x, a.unit, b.unit) for x in ia))
            except Exception:
                return None
    return ia, ib


def _conv(x: float, unit: str, to: str) -> float:
    return x if math.isinf(x) else units.convert(x, unit, to)


def _diagnostic(ctx: CheckContext, j: int, partners) -> Diagnostic:
    b = ctx.claims[j]
    i, ev, ib, ia = partners[-1]  # the nearest earlier figure first in the message
    a = ctx.claims[i]
    where = (
        "the same paragraph" if ctx.paragraph_of(a.start) == ctx.paragraph_of(b.start)
        else f"line {ctx.line_of(a.start)}"
    )
    unit = b.unit_text or ""
    message = (
        f"“{b.text}” conflicts with “{a.text}” ({where}): the two cannot both be true "
        f"({_span(ib)} vs {_span(ia)}{' ' + unit if unit else ''}), and they seem to be about the "
        f"same thing ({ev.describe()})."
    )
    if len(partners) > 1:
        message += f" {len(partners) - 1} other earlier figure(s) conflict with it too."
    related = tuple(
        Related(ctx.claims[k].start, ctx.claims[k].end,
                f"“{ctx.claims[k].text}”: the conflicting figure")
        for k, *_ in reversed(partners)
    )
    return Diagnostic(
        code=CODE,
        name=NAME,
        severity=SEVERITY,
        message=message,
        start=b.start,
        end=b.end,
        related=related,
        data={"others": [k for k, *_ in partners]},
    )


def _span(iv) -> str:
    lo, hi = iv
    if math.isinf(lo) and math.isinf(hi):
        return "any value"
    if math.isinf(hi):
        return f"at least {_fmt(lo)}"
    if math.isinf(lo):
        return f"at most {_fmt(hi)}"
    if math.isclose(lo, hi, rel_tol=1e-9):
        return _fmt(lo)
    return f"{_fmt(lo)}–{_fmt(hi)}"


def _fmt(x: float) -> str:
    if abs(x) >= 100:
        return f"{round(x):,}"
    return f"{x:.3g}"
