"""## What it does
Flags a part given with its share of a whole when the part and the whole give another share:
"Of the 118 treated participants, 51 (35%) reached the target" (51 of 118 is 43%), "Labour won
411 of the 650 seats, or 73%" (411 of 650 is 63%).

The share is read where a writer gives it: in brackets right after the part ("Of the 118
participants, 51 (35%) …", "51 (35%) of the 118 participants", "including 12 children (40%)")
or after "or" ("411, or 63%, of the 650 seats"); in brackets or after "or" right after the
whole when the part comes first ("41 of the 118 participants (35%)", "411 of the 650 seats, or
63%"), or after the few words that say which whole it is ("480 of the 1,200 people surveyed, or
40%"); before the two, which follow it in brackets ("45% (41 of 118) agreed"); and with its count
in brackets after it, of the whole the sentence opens with ("Of the 250 patients, 43% (n = 107)
were women") or of the only figure of the sentence before, pointed back at ("A total of 250
patients were enrolled. Of these, 43% (n = 107) were women"). The part
and its whole are those FC301 reads: "M of the N", "M out of N", "Of the N …, M", "N …,
including M", "N …, M of whom", "N …, of whom M", "N … . Of these, M" (the next sentence pointing
back at the only figure of its sentence, as papers write "A total of 250 patients were enrolled.
Of these, 107 (43%) were women"); or a fraction with the share in brackets after it, as clinical
papers write them ("41/118 (35%)", "41/118 patients (35%)").

## Why is this bad?
A share given with its two figures is redundant on purpose: a reader can check it, and when one
of the three was edited and the others were not, they stop agreeing. Any of the three may be
the one that is wrong.

Rounding is allowed for: the share is consistent when some values that round to the part and
the whole give a share within one unit of the stated share's last digit — rounded, truncated,
or rounded the wrong way, a slip not worth a warning ("41 of 118" is 34.75%: "34%", "35%" and
"34.7%" pass, "36%" and "34.9%" do not); qualifiers ("about 35%", "nearly 40") widen it.
Counts are whole numbers. The rule is silent for a share in brackets that says of what ("51
(35% of all patients)") or is followed by another whole ("Of the 262 patients, 14 (18%) of 76
who …"), and for a part larger than its whole (FC301 reports it).

## Example
```text
Of the 118 treated participants, 51 (35%) reached the target.
```

## Use instead
```text
Of the 118 treated participants, 51 (43%) reached the target.
```

## Fix
The share the part and the whole give, at the precision the writer used ("43%"). Unsafe: the
stated share may be right and a count wrong.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator

from ..figures import decimals_written, format_decimals, number_fix
from ..model import Claim, Diagnostic, Fix, Related
from .context import CheckContext
from .part_whole import (WHOLE_THEN_COMMA, PartOf, claims_in_order, figure_before_in_sentence, introduces_whole,
                         may_introduce_whole, parts_of_wholes, place_in_order, pointer_back_to, quote,
                         share_after, share_start)
from .rounding import exact_interval

CODE = "FC304"
NAME = "share-mismatch"
SEVERITY = "warning"
SUMMARY = "a part's stated share of its whole that the part and the whole do not give"
# A share is read right after its part or whole, in the same sentence.
SCOPE = "paragraph"

# A share, then its part and whole in brackets ("45% (41 of 118)"): the bracket's opening before
# the part and its closing after the whole.
_OPENING_BEFORE = re.compile(r"[ \t]*\([ \t]*\Z")
_CLOSING_AFTER = re.compile(r"[ \t]*\)")
# Up to four words after a whole that say which it is, then what starts a share ("(" or ", or");
# no figure, no punctuation and no word that joins another figure or clause.
_WORDS_OF_WHOLE = re.compile(
    r"(?:[ \t]+(?!(?:and|or|but|than|while|whereas|versus|vs|against|compared|of|whom|which)\b)"
    r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*){1,4}(?=[ \t]*(?:\(|,[ \t]*or[ \t]))", re.I)
_PLAIN_NUMBER = re.compile(r"[\d.,]+")
# A share followed by "of": of the whole named after it ("14 (18%) of 76"), not the one before.
_OF_AFTER = re.compile(r"[ \t]*of\b", re.I)


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    shares = {c.start: c for c in ctx.claims if c.kind == "percent" and not c.is_range}
    if not shares:
        return
    ends = {c.end: c for c in shares.values()}
    diagnostics = []
    for found in parts_of_wholes(ctx):
        share = _stated_share(ctx.text, found, shares) or _share_before(ctx.text, found, ends)
        if share is None:
            continue
        computed = _share_interval(found)
        if computed is None or _agrees(computed, share):
            continue
        diagnostics.append(_diagnostic(found, share, computed))
    diagnostics.extend(_fraction_shares(ctx.text, shares.values()))
    diagnostics.extend(_shares_with_their_count(ctx, shares))
    yield from sorted(diagnostics, key=lambda d: (d.start, d.end))


# A part and its whole written as a fraction, then the share in brackets, with at most a noun
# between: "41/118 (35%)", "41/118 patients (35%)" (as clinical papers give them). The figures of
# the fraction are no claims (a fraction may be a date or a score): they are read here.
_FRACTION_BEFORE = re.compile(
    r"(?<![\w/.,])(?P<part>\d{1,3}(?:,\d{3})*|\d+)[ \t]?/[ \t]?(?P<whole>\d{1,3}(?:,\d{3})*|\d+)"
    r"(?:[ \t]+[^\W\d_]+)?[ \t]*\([ \t]*\Z")


def _fraction_shares(text: str, shares: Iterable[Claim]) -> Iterator[Diagnostic]:
    """FC304 for a share given after the fraction of a whole it is ("41/118 (45%)")."""
    for share in shares:
        if share.start == 0 or text[share.start - 1] not in "( \t":
            continue
        m = _FRACTION_BEFORE.search(text, max(0, share.start - 40), share.start)
        if m is None or _CLOSING_AFTER.match(text, share.end) is None:
            continue
        part, whole = (int(m.group(g).replace(",", "")) for g in ("part", "whole"))
        if whole == 0 or part > whole:
            continue  # (a score or a date rather than a part of a whole)
        computed = (100 * part / whole,) * 2
        if not _agrees(computed, share):
            yield _fraction_diagnostic(m, share, part, whole)


# A share's count given after it, as clinical papers write it: "43% (n = 107)", "43% (n=107)".
_COUNT_AFTER = re.compile(r"[ \t]*\([ \t]*[nN][ \t]*=[ \t]*(?P<part>\d{1,3}(?:,\d{3})+|\d+)[ \t]*\)")


def _shares_with_their_count(ctx: CheckContext, shares: dict[int, Claim]) -> Iterator[Diagnostic]:
    """FC304 for a share given with its count in brackets, of the whole its sentence opens with:
    "Of the 250 patients, 43% (n = 107) were women" (107 of 250 is 42.8%); or of the only figure of
    the sentence before, when the sentence opens by pointing back at it ("A total of 250 patients
    were enrolled. Of these, 43% (n = 107) …")."""
    text, claims = ctx.text, ctx.claims
    for share in shares.values():
        m = _COUNT_AFTER.match(text, share.end)
        if m is None:
            continue
        before = place_in_order(ctx, share) - 1
        whole = claims[claims_in_order(ctx)[before]] if before >= 0 else None
        if whole is None or whole.kind != "count" or whole.approximate or whole.is_range or not whole.value:
            continue
        between = text[whole.end : share.start]
        if WHOLE_THEN_COMMA.match(between) and may_introduce_whole(text, whole.start) \
                and introduces_whole(text, ctx.sentence_span(whole.start)[0], whole.start):
            whence = "the sentence opens with (“of”)"  # ("Of the 250 patients, 43% (n = 107) …")
        elif (pointer := pointer_back_to(ctx, whole, share.start)) and not figure_before_in_sentence(ctx, whole):
            whence = f"the sentence before gives (the only figure “{pointer}” can point at)"
        else:
            continue
        part = int(m.group("part").replace(",", ""))
        if part > whole.value:
            continue  # (another whole's count, or FC301's)
        computed = (100 * part / whole.value,) * 2
        if not _agrees(computed, share):
            yield _count_diagnostic(m, share, whole, part, whence)


def _count_diagnostic(m: re.Match, share: Claim, whole: Claim, part: int, whence: str) -> Diagnostic:
    d = decimals_written(share.number_text)
    value = 100 * part / whole.value
    message = (f"“n = {m.group('part')}” is {format_decimals(value, d)}% of “{quote(whole.text)}”, not "
               f"{format_decimals(share.value, d)}%: the share stated with its count, of the whole "
               f"{whence}, that its own figures contradict")
    return Diagnostic(
        code=CODE, name=NAME, severity=SEVERITY, message=message, start=share.start, end=share.end,
        related=(Related(m.start("part"), m.end("part"), "the part"),
                 Related(whole.start, whole.end, "the whole it is a share of")),
        fix=_fix(share, value, d),
        data={"stated": share.value, "computed": value, "part": float(part), "whole": whole.value},
    )


def _fraction_diagnostic(m: re.Match, share: Claim, part: int, whole: int) -> Diagnostic:
    d = decimals_written(share.number_text)
    value = 100 * part / whole
    message = (f"“{m.group('part')}/{m.group('whole')}” is {format_decimals(value, d)}%, not "
               f"{format_decimals(share.value, d)}%: the share stated of a part and its whole, written as a "
               f"fraction, that the fraction contradicts")
    return Diagnostic(
        code=CODE, name=NAME, severity=SEVERITY, message=message, start=share.start, end=share.end,
        related=(Related(m.start("part"), m.end("whole"), "the part and its whole"),),
        fix=_fix(share, value, d),
        data={"stated": share.value, "computed": value, "part": float(part), "whole": float(whole)},
    )


def _stated_share(text: str, found: PartOf, shares: dict[int, Claim]) -> Claim | None:
    """The percentage given as the part's share of its whole, right after the part, or after
    the whole when the whole comes second ("41 of the 118 participants (35%)")."""
    part, whole = found.part, found.whole
    ends = (part.end, _end_of_whole(text, whole)) if whole.start > part.start else (part.end,)
    for end in ends:
        start = share_start(text, end)
        share = shares.get(start) if start is not None else None
        after = share_after(text, end, share) if share is not None else None
        if after is None:
            continue
        if whole.start < share.start and _OF_AFTER.match(text, after):
            return None  # "Of the 262 patients, 14 (18%) of 76 who …": a share of another whole
        return share
    return None


def _end_of_whole(text: str, whole: Claim) -> int:
    """Where a whole written after its part ends with the few words that say which ("of the
    1,200 people surveyed", "of the 650 seats in parliament"): a share may follow them."""
    words = _WORDS_OF_WHOLE.match(text, whole.end)
    return whole.end if words is None else words.end()


def _share_before(text: str, found: PartOf, ends: dict[int, Claim]) -> Claim | None:
    """A share given before its part and whole, which follow it in brackets ("45% (41 of
    118)")."""
    part, whole = found.part, found.whole
    if whole.start < part.start:
        return None
    opening = _OPENING_BEFORE.search(text, max(0, part.start - 4), part.start)
    if opening is None or _CLOSING_AFTER.match(text, whole.end) is None:
        return None
    return ends.get(opening.start())


def _share_interval(found: PartOf) -> tuple[float, float] | None:
    """The shares (in %) the part and the whole allow, on one base; None when the part exceeds
    the whole (FC301's) or the whole may be nothing."""
    p_lo, p_hi = _figure(found.part)
    w_lo, w_hi = _figure(found.whole)
    p_lo, p_hi = p_lo * found.base.part, p_hi * found.base.part
    w_lo, w_hi = w_lo * found.base.whole, w_hi * found.base.whole
    if not all(map(math.isfinite, (p_lo, p_hi, w_lo, w_hi))) or w_lo <= 0 or p_lo < 0 or p_lo > w_hi:
        return None
    return 100 * p_lo / w_hi, 100 * min(p_hi, w_hi) / w_lo


def _figure(c: Claim) -> tuple[float, float]:
    """The values a part or a whole allows: a count read to its last unit is that whole number
    ("1" of "1 (14%)" too, which a bare digit would let reach 1.5)."""
    lo, hi = exact_interval(c)
    if c.kind == "count" and hi - lo <= 1 and c.value == int(c.value) and lo <= c.value <= hi:
        return c.value, c.value
    return lo, hi


def _agrees(computed: tuple[float, float], share: Claim) -> bool:
    """Some share the figures allow is within one unit of the stated share's last digit: it
    rounds or truncates to it, or the writer rounded it the wrong way ("36 of 210 (17.2%)" for
    17.14%, "73 of 92 (80%)" for 79.3%: a slip not worth a warning)."""
    lo, hi = exact_interval(share)  # ("60%" in brackets is 59.5–60.5, not 55–65)
    unit = 10.0 ** -decimals_written(share.number_text)
    lo, hi = lo - unit / 2, hi + unit / 2
    eps = 1e-9 * max(abs(lo), abs(hi))
    return computed[0] <= hi + eps and lo - eps <= computed[1]


def _diagnostic(found: PartOf, share: Claim, computed: tuple[float, float]) -> Diagnostic:
    part, whole = found.part, found.whole
    d = decimals_written(share.number_text)
    value = 100 * part.value * found.base.part / (whole.value * found.base.whole)
    p, w = quote(part.text), quote(whole.text)
    message = (f"“{p}” is {format_decimals(value, d)}% of “{w}”, not {format_decimals(share.value, d)}%"
               + _rounding_note(computed, d) + f": the share stated of a part (“{found.how}” "
               f"{found.where}) that its own figures contradict")
    return Diagnostic(
        code=CODE, name=NAME, severity=SEVERITY, message=message, start=share.start, end=share.end,
        related=(Related(part.start, part.end, "the part"),
                 Related(whole.start, whole.end, "the whole it is a share of")),
        fix=_fix(share, value, d),
        data={"stated": share.value, "computed": value, "part": part.value, "whole": whole.value},
    )


def _rounding_note(computed: tuple[float, float], decimals: int) -> str:
    lo, hi = (format_decimals(x, decimals + 1) for x in computed)
    return "" if lo == hi else f" (from {lo}% to {hi}% allowing for the rounding of the figures)"


def _fix(share: Claim, value: float, decimals: int) -> Fix | None:
    if not share.number_text or not _PLAIN_NUMBER.fullmatch(share.number_text):
        return None
    return number_fix(share, format_decimals(value, decimals), "unsafe")
