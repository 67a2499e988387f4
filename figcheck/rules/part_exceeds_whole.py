"""## What it does
Flags a part that is larger than the whole it is explicitly a part of: "12 of the 9 crew",
"120 of the town's 100 homes", "Of the 42 passengers, 45 were taken to hospital", "45 out of
42", "30 people were hurt, including 40 children", "400 pupils, 450 of whom are girls", "two
children were among the five people hurt" (fine) and so on.

## Why is this bad?
A part cannot exceed its whole, so one of the two figures is wrong — usually a typo or a figure
updated in one place but not the other. Qualifiers and rounding are allowed for: "about 40 of
the 42" is fine, and the part must exceed the whole even at the most generous reading.

Only explicit part-of constructions within one sentence are checked ("M of the N", "M out of N",
"Of the N …, M", "Of the N …, someone did M" as in "Of the 650 seats, Labour won 411", "N …,
including M", "N …, M of whom", "N …, of whom M", "N …; of these, M", "N …, among them M", "M …
among the N"), or a sentence that opens by pointing back at the only figure of the one before
("250 patients were enrolled. Of these, 270 …", "Of them", "Among them"), and only between
figures that count or measure the same kind of thing: "2,000 boxes of 50 capsules" (a container
and its contents), "900,000 shares of its 2.50 dlrs preferred" (shares and money) and "1986
revenues of 3.4 billion dlrs" (a year and a sum) are not parts of wholes. Money is compared on
one base ("150 cts" is 1.50 dlrs), never a price per share with a total, and a net figure
(profit, income, jobs added) may include parts larger than itself when others are negative ("a
profit of 30 mln dlrs, 40 mln dlrs of which came from a sale").

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

from collections.abc import Iterable

from ..figures import format_figure
from ..model import Claim, Diagnostic, Related
from .claim_readings import reading
from .context import CheckContext
from .part_whole import Base, noun_written, parts_of_wholes, quote
from .rounding import claim_interval, exact_interval

CODE = "FC301"
NAME = "part-exceeds-whole"
SEVERITY = "warning"
SUMMARY = "a part larger than its whole"
# A part and its whole are neighbours in one sentence; the words read around them stay in it
# but for money words after a figure (54 characters) and a share label before it (30).
SCOPE = "paragraph"

def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    return _diagnostics(ctx, screened=True)


def reference_check(ctx: CheckContext) -> Iterable[Diagnostic]:
    """``check`` reading every pair of neighbours in full: what its test holds the screen to."""
    return _diagnostics(ctx, screened=False)


def _diagnostics(ctx: CheckContext, screened: bool) -> Iterable[Diagnostic]:
    # (part's reading, whole's, base, cue) → _wording's
    wording: dict[tuple, tuple[str, str] | None] = {}
    for found in parts_of_wholes(ctx, screened):
        if found.net:
            continue  # (its parts may exceed it)
        part, whole, base, how = found.part, found.whole, found.base, found.how
        if screened:  # (dense input restates one part and whole thousands of times)
            key = (reading(part), reading(whole), base, how)
            said = wording.get(key, False)
            if said is False:
                said = wording[key] = _wording(part, whole, base, how, found.where)
        else:
            said = _wording(part, whole, base, how, found.where)
        if said is None:
            continue
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=said[0],
            start=part.start,
            end=part.end,
            related=(Related(whole.start, whole.end, said[1]),),
        )


def _wording(part: Claim, whole: Claim, base: Base, how: str, where: str) -> tuple[str, str] | None:
    """The message of a part that exceeds its whole (``how`` said so, ``where``), and of the
    whole's related place; None when it does not exceed it. Reads the claims as written, not
    their offsets."""
    if not _exceeds(part, whole, base):
        return None
    cue = f"“{how}”"
    p, w = quote(part.text), quote(whole.text)
    return (f"“{p}” is given as a part of “{w}” ({cue} {where}, "
            f"{_same_what(part, whole, base)}), but it is larger: a part cannot exceed its "
            f"whole, so one of the two figures is wrong"), f"the whole that “{p}” is part of"


def _exceeds(part: Claim, whole: Claim, base: Base) -> bool:
    """Does the part exceed the whole at the most generous reading, both on one base?"""
    p_lo, _ = exact_interval(part)
    _, w_hi = claim_interval(whole)
    if not whole.approximate and whole.low == whole.high and abs(whole.value) < 1000:
        _, w_hi = exact_interval(whole)
    return p_lo * base.part > w_hi * base.whole


def _same_what(part: Claim, whole: Claim, base: Base) -> str:
    """Why the two are comparable, for the message."""
    if base.kind == "quantity":
        return "both measured in the same dimension"
    if base.kind == "money":
        if base.part != base.whole:
            return (f"both sums in {base.currency}, compared on one base: "
                    f"{_fmt(part.value * base.part)} and {_fmt(whole.value * base.whole)} {base.currency}")
        return f"both sums in {base.currency}"
    if noun_written(whole):
        return f"both counts of {_plural(whole)}"
    return "both counts"


def _plural(c: Claim) -> str:
    at = c.text.rfind(c.number_text) if c.number_text else -1
    noun = c.text[at + len(c.number_text):].strip() if at >= 0 else ""
    return quote(noun) or str(c.counted)


def _fmt(x: float) -> str:
    return format_figure(x, ",.2f")
