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
("the same force", "that figure", "those 42 passengers") or, for counts, several shared words
around both (measures and sums of money need the explicit restatement). The rule is
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
    pairing = _Pairing(ctx)
    conflicts: dict[int, list[int]] = {}
    for members in referent.buckets(ctx).values():
        # A stated equivalent restates its source: compare the sources only.
        members = [i for i in members if ctx.claims[i].converted_from is None]
        for i, j in referent.candidate_pairs(ctx, members):
            if pairing.conflict(i, j):
                conflicts.setdefault(j, []).append(i)
    related = ctx.memo("FC201.related", dict)
    for j in sorted(conflicts):
        yield _diagnostic(ctx, j, conflicts[j], related)


class _Pairing:
    """The pair test, cheapest questions first; what it learns of a claim is kept."""

    def __init__(self, ctx: CheckContext):
        self.ctx = ctx
        self.slack = BASE_SLACK + ctx.settings.tolerance
        self.intervals: dict[tuple[int, str | None], tuple | None] = {}
        self.cues: dict[int, str | None] = {}
        self.sentence = [ctx.sentence_of(c.start) for c in ctx.claims]

    def conflict(self, i: int, j: int) -> bool:
        ctx = self.ctx
        a, b = ctx.claims[i], ctx.claims[j]
        if self.sentence[i] == self.sentence[j]:
            return False  # one sentence gives no evidence of restating
        if a.kind != "count" and not (self.cue(i) or self.cue(j)):
            return False  # measures and money are restated only with an explicit cue
        if a.unit != b.unit and a.value and math.isclose(a.value, b.value, rel_tol=0.02):
            return False  # the same number in two units: a unit mix-up (FC202)
        ia, ib = self.interval(i, b.unit), self.interval(j, b.unit)
        if ia is None or ib is None or not disjoint(ia, ib, self.slack):
            return False
        if referent.blocking_cue(ctx, i) or referent.blocking_cue(ctx, j):
            return False  # "another", "rose to": a different or a changing thing
        if _evidence(ctx, i, j) is None:
            return False
        return not (a.kind == "quantity" and (factor_mixup(a, b) or factor_mixup(b, a)))

    def interval(self, i: int, unit: str | None):
        """Claim i's interval in ``unit`` (None when it cannot be expressed in it)."""
        key = (i, unit)
        if key not in self.intervals:
            self.intervals[key] = _interval_in(self.ctx.claims[i], unit)
        return self.intervals[key]

    def cue(self, i: int) -> str | None:
        if i not in self.cues:
            self.cues[i] = referent.restatement_cue(self.ctx, i)
        return self.cues[i]


def _interval_in(claim: Claim, unit: str | None):
    iv = claim_interval(claim)
    if claim.kind != "quantity" or claim.unit == unit:
        return iv
    if not claim.unit or not unit:
        return None
    try:
        return tuple(sorted(_conv(x, claim.unit, unit) for x in iv))
    except Exception:  # units pint cannot relate
        return None


def _evidence(ctx: CheckContext, i: int, j: int):
    return referent.evidence(
        referent.frame(ctx, i), referent.frame(ctx, j),
        min_shared=MIN_SHARED_WITHOUT_CUE, restate_min_shared=1,
    )


def _conv(x: float, unit: str, to: str) -> float:
    return x if math.isinf(x) else units.convert(x, unit, to)


def _diagnostic(ctx: CheckContext, j: int, others: list[int], related_of: dict) -> Diagnostic:
    b = ctx.claims[j]
    i = others[-1]  # the nearest earlier figure first in the message
    a = ctx.claims[i]
    ev = _evidence(ctx, i, j)
    ia, ib = _interval_in(a, b.unit), _interval_in(b, b.unit)
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
    if len(others) > 1:
        message += f" {len(others) - 1} other earlier figure(s) conflict with it too."
    related = []
    for k in reversed(others):
        r = related_of.get(k)
        if r is None:
            c = ctx.claims[k]
            r = related_of[k] = Related(c.start, c.end, f"“{c.text}”: the conflicting figure")
        related.append(r)
    return Diagnostic(
        code=CODE,
        name=NAME,
        severity=SEVERITY,
        message=message,
        start=b.start,
        end=b.end,
        related=tuple(related),
        data={"others": list(others)},
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
