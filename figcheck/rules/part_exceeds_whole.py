"""## What it does
Flags a part that is larger than the whole it is explicitly a part of: "12 of the 9 crew",
"Of the 42 passengers, 45 were taken to hospital", "45 out of 42", "30 people were hurt,
including 40 children", "two children were among the five people hurt" (fine) and so on.

## Why is this bad?
A part cannot exceed its whole, so one of the two figures is wrong — usually a typo or a figure
updated in one place but not the other. Qualifiers and rounding are allowed for: "about 40 of
the 42" is fine, and the part must exceed the whole even at the most generous reading.

Only explicit part-of constructions within one sentence are checked ("M of the N", "M out of N",
"Of the N …, M", "N …, including M", "M … among the N"), between figures of the same kind.

## Example
```text
Of the 42 passengers, 45 were taken to hospital.
```

## Use instead
```text
Of the 42 passengers, 25 were taken to hospital.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import units
from ..model import Claim, Diagnostic, Related
from .context import CheckContext
from .rounding import claim_interval, exact_interval

CODE = "FC301"
NAME = "part-exceeds-whole"
SEVERITY = "warning"
SUMMARY = "a part larger than its whole"

_DET = r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+(?:the\s+)?|those\s+|these\s+)?"
# part … whole: "12 of the 9 crew", "45 out of 42", "two children were among the five people".
_PART_THEN_WHOLE = re.compile(
    r"\s*(?:(?:were|are|was|is)\s+)?(?:of|out\s+of|among|from\s+among)\s+" + _DET + r"$", re.I
)
# whole … part: "Of the 42 passengers, 45 …", "30 people were hurt, including 40 children".
_WHOLE_INTRO = re.compile(r"(?:^|[,;:(—–-]\s*|\b(?:and|but)\s+)(?:of|out\s+of)\s+" + _DET + r"$", re.I)
_WHOLE_THEN_PART_COMMA = re.compile(r"^[^\d;:.!?]{0,60}?,\s*$")
_WHOLE_THEN_INCLUDING = re.compile(r"^[^\d;:.!?]{0,80}?\bincluding\s+$", re.I)

_COMPARABLE_KINDS = {"count", "quantity", "money"}


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    claims = ctx.claims
    order = sorted(range(len(claims)), key=lambda k: claims[k].start)
    for n in range(len(order) - 1):
        first, second = claims[order[n]], claims[order[n + 1]]
        if ctx.sentence_of(first.start) != ctx.sentence_of(second.start):
            continue
        if not _comparable(first, second):
            continue
        between = ctx.text[first.end : second.start]
        s_start, _ = ctx.sentence_span(first.start)
        before_first = ctx.text[max(s_start, first.start - 40) : first.start]
        if _PART_THEN_WHOLE.fullmatch(between):
            part, whole, how = first, second, "of"
        elif _WHOLE_INTRO.search(before_first) and _WHOLE_THEN_PART_COMMA.match(between):
            part, whole, how = second, first, "of"
        elif _WHOLE_THEN_INCLUDING.match(between):
            part, whole, how = second, first, "including"
        else:
            continue
        excess = _excess(part, whole)
        if excess is None:
            continue
        start, end = min(first.start, second.start), max(first.end, second.end)
        cue = "“of”" if how == "of" else "“including”"
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=(
                f"“{part.text}” is given as a part of “{whole.text}” ({cue} in the same sentence), "
                f"but it is larger: a part cannot exceed its whole, so one of the two figures is "
                f"wrong"
            ),
            start=start,
            end=end,
            related=(Related(whole.start, whole.end, f"the whole that “{part.text}” is part of"),),
        )


def _comparable(a: Claim, b: Claim) -> bool:
    if a.kind not in _COMPARABLE_KINDS or a.kind != b.kind:
        return False
    if a.role == "age" or b.role == "age":
        return False
    if a.kind == "money":
        return a.dimension == b.dimension
    if a.kind == "quantity":
        return bool(a.unit and b.unit) and a.dimension == b.dimension
    return True


def _excess(part: Claim, whole: Claim) -> float | None:
    """How much the part exceeds the whole at the most generous reading (None: it does not)."""
    p_lo, _ = exact_interval(part)
    _, w_hi = claim_interval(whole)
    if not whole.approximate and whole.low == whole.high and abs(whole.value) < 1000:
        _, w_hi = exact_interval(whole)
    if part.kind == "quantity" and part.unit != whole.unit:
        try:
            p_lo = units.convert(p_lo, part.unit, whole.unit)
        except Exception:
            return None
    if p_lo > w_hi:
        return p_lo - w_hi
    return None
