"""## What it does
Checks a change stated three ways at once — a change word with a direction, the change itself (a
percentage, points, a multiplier or an amount) and both ends — and flags the stated change when
the old and new figures of the same sentence give another one, allowing for the rounding of all
three: "Sales rose 13.1% to $411.1m from $326.0m" ($326.0m → $411.1m is +26.1%).

It reads "rose X% to Y from Z", "rose X% from Z to Y", "rose from Z to Y, an increase of X%", "rose
X% to Y, compared with Z a year earlier", "Y, up X% on Z", "Y, X% more than Z", "a X% rise in … to
Y from Z", "rose X% to Y (2022: Z)", "fell from Z to Y (−X%)", and with a verb that gives no
direction when the words after the figures do ("went from Z to Y, up X%"); multipliers ("doubled",
"tripled", "halved", "3.5-fold", "grew 2.5 times", "grew by half"; not "raised rates four times,
from 0.1% to 1%", where "times" counts occasions: after an object, or before a comma or a time);
points ("rose 2 points to 7% from 5%", "cut by 50 basis points", "fell 508 points to 1,738.74 from
2,246.74"); amounts of what the figures count or measure, right after the change word or a noun of
change and "of", and with "from" ("fell by 500 to 2,800 from 3,000", "rose $3 million to $25
million from $18 million", "cut 500 jobs from 3,000 to 2,800", "fell from 3,000 to 2,800, a
reduction of 500"; not "fell by 38 to 801, against 1,248 a year ago", where the amount is the
change since another time); and the direction: "fell 10% to 120 from 100" is wrong even though 10%
is the size of a change.

## Why is this bad?
A reader who checks the arithmetic and finds it wrong stops trusting the rest. A change stated
three ways is redundant on purpose, so when one figure is edited and the others are not, they
stop agreeing. A common slip with percentages of percentages is to give points as per cent:
"unemployment rose 2% to 7% from 5%" is a rise of 2 percentage points (a relative rise of 40%);
that is reported as information, with the fix "2 percentage points".

Rounding is allowed for: the change is consistent when some values that round to the new and the
old figure give a change that rounds to the stated one (a writer may also truncate, and a little
more slack is allowed for a percentage or a qualified change; a difference in points or an
amount is exact arithmetic and gets none: "fell 0.4 points to 5.2% from 5.8%" is wrong). Scales
and units may differ between the ends ("to 1.13bn from 639m", "to 222.6 mln dlrs from 182.6
mln"), a bare end takes the other's unit ("to 34 billion francs from 20 billion", "to 5.3 mln
dlrs from 4.1 mln"), a bracketed conversion is not an end ("$1.13bn (£600m)"), and qualifiers
("about", "more than", "nearly doubled") widen the stated change.

FC303 stays silent when the sentence does not clearly bind the three figures to one change: two
changes sharing figures, a clause that names a change of its own ("recall drops 26 points, for an
overall reduction in F1 from 60.5% to 40.3%"), "from" that is a source ("sales from exports rose 5%
to 30m"), another figure or a clause break between them, a second comparison ("fell 3% to $45, down
from $60 in January"), a comparison with another thing ("compared with $60bn at Microsoft"), a
change on another basis ("in real terms", "excluding", "post-split", "year-on-year" against last
month's figure), a rate per period ("grew 5% a year to …"), a loss set against a profit.

## Example
```text
Sales rose 13.1% to $411.1m from $326.0m.
```

## Use instead
```text
Sales rose 26.1% to $411.1m from $326.0m.
```

## Fix
The change the figures give, at the precision the writer used for the stated one. The fix is
safe when the three figures are exact (no qualifier, no range) and unsafe otherwise; for points
given as per cent, "percentage points" in place of the per cent sign. No fix is offered when the
direction is wrong or for a multiplier.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ..figures import decimals_written, format_decimals, number_fix
from ..model import Claim, Diagnostic, Edit, Fix, Related
from .changes import WRITTEN_DIGITS, Change, overlaps, read_changes
from .context import CheckContext

CODE = "FC303"
NAME = "change-mismatch"
SEVERITY = "warning"
SUMMARY = "a stated change that its own old and new figures contradict"
# A change is read in one sentence (changes.read_changes); past it only a figure's next words,
# within 54 characters or, after white space and commas, "points" or "annually"/"a year".
SCOPE = "paragraph"


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    for change in read_changes(ctx):
        if change.consistent:
            continue
        yield _diagnostic(change)


def _diagnostic(change: Change) -> Diagnostic:
    related = (
        Related(change.new.start, change.new.end, "the new figure of the change"),
        Related(change.old.start, change.old.end, "the old figure it is compared with"),
    )
    data = {"kind": change.kind, "stated": change.stated_value, "computed": change.value,
            "old": change.old.value, "new": change.new.value}
    severity, fix = SEVERITY, None
    if change.confusion is not None and overlaps(change.stated, change.confusion):
        severity = "information"
        message = (
            f"{describe(change)}: “{change.stated_text}” is the difference in percentage points, "
            f"but reads as a relative change of {_signed(change.stated_value, 0)}%. Write "
            f"“{format_decimals(abs(change.confusion_value), _decimals(change.x_claim))} percentage points”."
        )
        fix = _points_fix(change)
    elif _wrong_direction(change):
        message = (
            f"{describe(change)}, not {_stated(change)}: the change word says the figure went "
            f"{'up' if change.direction > 0 else 'down'}, but it went "
            f"{'down' if change.direction > 0 else 'up'}."
        )
    else:
        message = f"{describe(change)}, not {_stated(change)}" + _rounding_note(change) + "."
        fix = _number_fix(change)
    return Diagnostic(code=CODE, name=NAME, severity=severity, message=message, start=change.start,
                      end=change.end, related=related, fix=fix, data=data)


def describe(change: Change) -> str:
    """The arithmetic of a change: "$326.0m → $411.1m is +26.1%" (also used by hover)."""
    head = f"{change.old.text} → {change.new.text} is "
    d = _decimals(change.x_claim) if change.x_claim is not None else 1
    if change.kind == "factor":
        return head + f"×{format_decimals(change.value, 2 if change.value < 10 else 1)}"
    if change.kind == "points":
        if change.basis_points:
            return head + _signed(change.value * 100, d) + " basis points"
        unit = " percentage points" if change.new.kind == "percent" else " points"
        return head + _signed(change.value, d) + unit
    if change.kind == "amount":
        return head + _as_stated(change.value, d, change.x_claim)
    text = head + _signed(change.value, d) + "%"
    if change.confusion_value is not None:
        text += f" ({_signed(change.confusion_value, d)} percentage points)"
    return text


def _stated(change: Change) -> str:
    if change.kind == "factor":
        return f"×{format_decimals(change.stated_value, 2)} (“{change.stated_text}”)"
    d = _decimals(change.x_claim)
    if change.kind == "amount":
        return f"{_as_stated(change.stated_value, d, change.x_claim)} (“{change.stated_text}”)"
    if change.kind == "points":
        scale = 100 if change.basis_points else 1
        return f"{_signed(change.stated_value * scale, d)} (“{change.stated_text}”)"
    return f"{_signed(change.stated_value, d)}% (“{change.stated_text}”)"


def _as_stated(value: float, decimals: int, x: Claim | None) -> str:
    """A signed amount written as the stated one is ("+$7 million", "−200 jobs"): its number
    with the words and signs around it."""
    signed = _signed(value, decimals)
    if x is None or not x.number_text or (at := x.text.find(x.number_text)) < 0:
        return signed
    digits = WRITTEN_DIGITS.search(x.number_text)
    before, after = x.text[:at], x.text[at + len(x.number_text):]
    if digits:  # (a scale word written with the number: "7 million")
        after = x.number_text[digits.end():] + after
    sign, number = (signed[0], signed[1:]) if signed[:1] in "+−" else ("", signed)
    return f"{sign}{before}{number}{after}"



def _rounding_note(change: Change) -> str:
    lo, hi = change.computed
    if not (math.isfinite(lo) and math.isfinite(hi)) or change.kind == "factor":
        return ""
    d = _decimals(change.x_claim) + 1
    if round(lo, d) == round(hi, d):
        return ""
    unit = "%" if change.kind == "percent" else ""
    if change.basis_points:
        lo, hi, d = lo * 100, hi * 100, max(0, d - 2)
    return f" (from {_signed(lo, d)}{unit} to {_signed(hi, d)}{unit} allowing for the rounding of the figures)"


def _wrong_direction(change: Change) -> bool:
    lo, hi = change.computed
    if change.kind == "factor":
        return False
    return (change.direction > 0 and hi < 0) or (change.direction < 0 and lo > 0)


_PLAIN_NUMBER = re.compile(r"[\d.,]+|[a-z-]+")


def _number_fix(change: Change) -> Fix | None:
    x = change.x_claim
    if x is None or change.kind == "factor" or not x.number_text:
        return None
    if "/" in x.number_text or not _PLAIN_NUMBER.fullmatch(x.number_text):
        return None
    d = _decimals(x)
    value = abs(change.value) * (100 if change.basis_points else 1)
    while d < 3 and round(value, d) == 0:
        d += 1
    return number_fix(x, format_decimals(value, d), "safe" if change.exact else "unsafe")


def _points_fix(change: Change) -> Fix | None:
    x = change.x_claim
    if x is None or x.unit_start is None or x.unit_end is None or x.unit_start < x.start:
        return None
    gap = "" if x.unit_start > 0 and x.text[x.unit_start - x.start - 1 : x.unit_start - x.start].isspace() else " "
    return Fix(
        message=f"Replace “{x.unit_text}” with “percentage points”",
        applicability="safe" if change.exact else "unsafe",
        edits=(Edit(x.unit_start, x.unit_end, gap + "percentage points"),),
    )


def _decimals(x: Claim | None) -> int:
    return 1 if x is None else decimals_written(x.number_text)


def _signed(x: float, decimals: int) -> str:
    if not math.isfinite(x):
        return "+∞" if x > 0 else "−∞"
    text = format_decimals(abs(x), decimals)
    if float(text.replace(",", "")) == 0:
        return text
    return ("+" if x > 0 else "−") + text
