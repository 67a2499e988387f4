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
"Of the N …, M", "N …, including M", "N …, M of whom", "M … among the N"), and only between
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

import re
from collections.abc import Iterable

from ..figures import format_figure
from ..model import Claim, Diagnostic, Related
from .claim_readings import reading
from .context import CheckContext
from .part_whole import (
    DETERMINER,
    WHOLE_THEN_COMMA,
    Base,
    claims_in_order,
    common_base,
    introduces_whole,
    may_introduce_whole,
    noun_written,
    quote,
)
from .rounding import claim_interval, exact_interval

CODE = "FC301"
NAME = "part-exceeds-whole"
SEVERITY = "warning"
SUMMARY = "a part larger than its whole"
# A part and its whole are neighbours in one sentence; the words read around them stay in it
# but for money words after a figure (54 characters) and a share label before it (30).
SCOPE = "paragraph"

# part … whole: "12 of the 9 crew", "45 out of 42", "two children were among the five people".
_PART_THEN_WHOLE = re.compile(
    r"\s*(?:(?:were|are|was|is)\s+)?(?:of|out\s+of|among|from\s+among)\s+" + DETERMINER + r"$", re.I
)
# What the words between the figures start with (white space aside) for ``_PART_THEN_WHOLE`` to
# match: the first letters of "were", "are", "was", "is", "of", "out", "among", "from", in any
# case ("ı" and "İ" are an "i" to a pattern that ignores case). Most neighbours fail this test,
# which costs less than the pattern (4,000 calls on 2,000 news stories).
_PART_THEN_WHOLE_FIRST = frozenset("waiofWAIOF\u0131\u0130")
# whole … part: "Of the 42 passengers, 45 …" (part_whole.introduces_whole), "30 people were hurt,
# including 40 children".
_WHOLE_THEN_INCLUDING = re.compile(r"^[^\d;:.!?]{0,80}?\bincluding\s+$", re.I)
# whole …, part of them: "The school has 400 pupils, 450 of whom are girls" (read after the part).
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:whom|them|which)\b", re.I)
# The last character (white space aside) of the words of each form above, in any case: a comma;
# "of", "among", "the", "its", "their", "his", "her", "our", "all", "those", "these" ("ſ" is an
# "s" to a pattern that ignores case); "including".
_RELATION_LAST = frozenset(",efglrsEFGLRSſ")
# The last characters of the forms other than "of …" (which ``_PART_THEN_WHOLE_FIRST`` screens).
_COMMA_OR_G = frozenset(",gG")
# A net figure or a change: its parts may exceed it when others are negative ("net income of 30
# mln dlrs, including 40 mln from the sale"; "the economy added 200,000 jobs, including 250,000
# in services").
_NET = re.compile(
    r"\b(?:net|profits?|income|earnings|loss(?:es)?|deficits?|surplus(?:es)?|balance|"
    r"added|adding|gained|gains?|lost|shed|cut|rose|fell|increased|decreased|grew|declined|"
    r"changes?|increases?|decreases?|rises?|falls?|declines?|growth|drops?|dropped)\b",
    re.I,
)


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    return _diagnostics(ctx, screened=True)


def reference_check(ctx: CheckContext) -> Iterable[Diagnostic]:
    """``check`` reading every pair of neighbours in full: what its test holds the screen to."""
    return _diagnostics(ctx, screened=False)


def _diagnostics(ctx: CheckContext, screened: bool) -> Iterable[Diagnostic]:
    claims, text = ctx.claims, ctx.text
    ordered = [claims[k] for k in claims_in_order(ctx)]
    # (part's reading, whole's, base, cue) → _wording's
    wording: dict[tuple, tuple[str, str] | None] = {}
    for first, second in zip(ordered, ordered[1:]):
        # The words between the two are read first: they rarely relate them, while finding
        # their sentences costs more (a run of numbers: 50,000 neighbours in one sentence).
        between = text[first.end : second.start]
        last = between.rstrip()[-1:] if screened else None
        if last is not None and (last not in _RELATION_LAST or (
                last not in _COMMA_OR_G and between.lstrip()[:1] not in _PART_THEN_WHOLE_FIRST)):
            continue  # no form's words end so (or, but for "," and "including", start so)
        found = _relation(ctx, first, second, between, last)
        if found is None or ctx.sentence_of(first.start) != ctx.sentence_of(second.start):
            continue
        part, whole, how = found
        base = common_base(part, whole, text)
        if base is None or (how != "of" and _is_net(ctx, whole, part)):
            continue
        if screened:  # (dense input restates one part and whole thousands of times)
            key = (reading(part), reading(whole), base, how)
            said = wording.get(key, False)
            if said is False:
                said = wording[key] = _wording(part, whole, base, how)
        else:
            said = _wording(part, whole, base, how)
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


def _wording(part: Claim, whole: Claim, base: Base, how: str) -> tuple[str, str] | None:
    """The message of a part that exceeds its whole, and of the whole's related place; None when
    it does not exceed it. Reads the claims as written, not their offsets."""
    if not _exceeds(part, whole, base):
        return None
    cue = f"“{how}”"
    p, w = quote(part.text), quote(whole.text)
    return (f"“{p}” is given as a part of “{w}” ({cue} in the same sentence, "
            f"{_same_what(part, whole, base)}), but it is larger: a part cannot exceed its "
            f"whole, so one of the two figures is wrong"), f"the whole that “{p}” is part of"


def _relation(ctx: CheckContext, first: Claim, second: Claim, between: str,
              last: str | None) -> tuple[Claim, Claim, str] | None:
    """(part, whole, cue) when the words ``between`` two neighbouring figures make one a part of
    the other. ``last``: the last character of those words, white space aside, when a form
    that cannot end with it is to be skipped (its pattern tries every start up to 60 or 80
    characters in); None to read every form."""
    if (last is None or between.lstrip()[:1] in _PART_THEN_WHOLE_FIRST) and _PART_THEN_WHOLE.fullmatch(between):
        return first, second, "of"
    # (the sentence is looked up only where "of the" stands before the first figure)
    text = ctx.text
    if ((last is None or last == ",") and WHOLE_THEN_COMMA.match(between)
            and may_introduce_whole(text, first.start)
            and introduces_whole(text, ctx.sentence_span(first.start)[0], first.start)):
        return second, first, "of"
    if (last is None or last in ("g", "G")) and _WHOLE_THEN_INCLUDING.match(between):
        return second, first, "including"
    if (last is None or last == ",") and WHOLE_THEN_COMMA.match(between) \
            and (of_them := _OF_THEM_AFTER.match(text, second.end)):
        return second, first, " ".join(of_them.group().split()).lower()
    return None


def _is_net(ctx: CheckContext, whole: Claim, part: Claim) -> bool:
    """Is the whole (written before the part, as with "including") a net figure or a change?
    Read in the whole's own words, up to the part."""
    s_start, s_end = ctx.sentence_span(whole.start)
    lo = max(s_start, whole.start - 50)
    hi = min(s_end, whole.end + 30, part.start)
    return _NET.search(ctx.text, lo, hi) is not None


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
