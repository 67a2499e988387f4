"""## What it does
Flags figures that seem to be about the same thing and give the same number in different units
of the same kind — "almost a thousand square miles" of territory here, "more than 1,000 square
kilometres" of it there — and figures whose ratio is exactly a common conversion factor
(1,000 km² in one place, 2,590 km² in another: 1,000 square miles' worth).

## Why is this bad?
The same number in two units is almost never a coincidence: one of the units was probably
copied wrongly, typically while converting a source's figure. A square mile is 2.59 square
kilometres, so the two readings differ by a factor of 2.59 — a large error hidden behind a
familiar number. Where the document states a conversion for one of the figures ("1,000 square
kilometres (386 square miles)"), the rule names the unit that conversion confirms.

Only the kinds of quantity writers really confuse are paired: length, area, volume, mass, speed
and temperature (not durations). The two figures must seem to be about the same thing, judged
slot by slot from their sentences as FC201 judges it (a near-duplicate sentence, the words
around the figures, the same verb; a synonym table lets "retaken" meet "recaptured"); the
rule stays silent across contrast cues ("another", "a smaller", "each"), different names,
places or times, comparisons, and sibling sections that describe different things (as FC201
reads them). The same number in both is evidence of its own: from 50 up, with one slot that
agrees; from three significant digits ("828 metres" … "At 828 feet, the tower …"), with none.
The JSON output gives the model's score as `data.confidence`.

## Example
```text
Ukraine said it had taken more than 1,000 square kilometres (386 square miles) this week.
… having liberated almost a thousand square miles of territory.
```

## Use instead
```text
… having liberated almost a thousand square kilometres of territory.
```

## Fix
Replaces the unit with the other figure's unit, in that figure's spelling. Always unsafe: the
rule cannot know which of the two figures the writer got wrong.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from .. import units
from ..figures import format_figure
from ..model import Claim, Diagnostic, Edit, Fix, Related
from . import frame, referent_model
from .claim_readings import reading_ids
from .context import CheckContext, MemoKey
from .conversions import COMMON_UNITS, agrees, factor_mixup, near_factors, same_number_other_unit
from .pair_reuse import held_reuse, kept_diagnostic, reduced_verdicts
from .rounding import min_sig_digits
from .unit_names import after_a_number, in_place_of

CODE = "FC202"
NAME = "unit-mixup"
SEVERITY = "warning"
SUMMARY = "figures about the same thing with the same number in different units"

# Per document: each claim's stated equivalent that corroborates its unit (or None).
_CONFIRMED: MemoKey[dict[int, Claim | None]] = MemoKey("FC202.confirmed")

# Numbers this small coincide too often to mean anything on their own.
MIN_VALUE = 10


# The same number in two units is itself evidence that both are about one thing, so FC202 asks
# less of the sentences than FC201 — for numbers this large, written the same, with at least one
# slot that agrees (the verb, words around the figures, a name or a time); smaller or merely
# close numbers coincide more often, and a ratio equal to a conversion factor is a weaker
# coincidence: those need FC201's bar.
MIN_VALUE_COINCIDENCE = 50
# A number written with this many significant digits or more ("828", "2,649"), the same in two
# units, is a coincidence rare enough to need no slot that agrees ("The Burj Khalifa stands 828
# metres tall" … "At 828 feet, the tower is …"); a round one ("1,000", "50,000") still needs one.
RARE_DIGITS = 3


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    if held_reuse(ctx) is None and not _has_pairs_to_read(ctx):
        return  # (nearly every news story: a held check walks its pairs as before)
    cut = referent_model.threshold(CODE)
    strong = max(cut, referent_model.threshold("FC201"))
    best = reduced_verdicts(ctx, CODE, candidates, lambda i, j: _reaches(ctx, i, j, cut, strong), _best)
    for flagged in sorted(best):
        found = best[flagged]  # (a held check moves the previous diagnostic of the same verdict)
        places = (flagged, found[1]) + (() if found[4] is None else (found[4],))
        conf = None if found[4] is None else ctx.claims[found[4]]
        yield kept_diagnostic(ctx, CODE, places, found[3],
                              lambda: _diagnostic(ctx, *found[:4], conf, found[5]))


def _has_pairs_to_read(ctx: CheckContext) -> bool:
    """Whether :func:`candidates` may yield a pair: a bucket of measures of a kind writers
    confuse with two members (a look at the document's buckets, before any pair is walked)."""
    return any(len(members) > 1 and _confusable(key) for key, members in frame.buckets(ctx).items())


def _confusable(key: tuple) -> bool:
    """A bucket of measures of a kind writers confuse (the dimensions of COMMON_UNITS)."""
    return key[0] == "quantity" and key[1] in COMMON_UNITS


def _best(pairs: Iterable[tuple[int, int, tuple]]) -> dict[int, tuple]:
    """Flagged claim → _pair's reading of its best pair, the confirming conversion by its index
    (a held check may give the same pairs again: see pair_reuse.reduced_verdicts)."""
    best: dict[int, tuple] = {}
    for i, j, (flag_later, score, judgement, conf_at, factor_unit) in pairs:
        flagged, other = (j, i) if flag_later else (i, j)
        score = (*score, -abs(j - i))  # as _pair scores it
        if flagged not in best or score > best[flagged][2]:
            conf = None if conf_at is None else other + conf_at
            best[flagged] = (flagged, other, score, judgement, conf, factor_unit)
    return best


def _reaches(ctx: CheckContext, i: int, j: int, cut: float, strong: float) -> tuple | None:
    """When claims ``i`` and ``j`` (a candidate pair) are a mix-up confident enough to report,
    :func:`_pair`'s reading of it with nothing that depends on where the two stand (so that
    :mod:`.pair_reuse` can keep it): whether the later one is flagged, the score but for how far
    apart they are, the judgement, where the conversion that confirms the other's unit is (in
    claims after the other; it is in the same paragraph) and the factor's unit."""
    found = _pair(ctx, i, j)
    if found is None:
        return None
    a, b = ctx.claims[i], ctx.claims[j]
    coincidence = (found[5] is None and a.value >= MIN_VALUE_COINCIDENCE and a.value == b.value
                   and (found[3].slots_agree or _rare_number(a)))
    if found[2][1] < (cut if coincidence else strong):
        return None
    flagged, other, score, judgement, conf, factor_unit = found
    conf_at = None if conf is None else ctx.index_of[id(conf)] - other
    return flagged == j, score[:2], judgement, conf_at, factor_unit


def _rare_number(claim: Claim) -> bool:
    """Whether the claim's number has :data:`RARE_DIGITS` significant digits or more."""
    return (min_sig_digits(claim) or 0) >= RARE_DIGITS


def candidates(ctx: CheckContext, buckets: dict[tuple, list[int]] | None = None,
               ) -> Iterator[tuple[int, int]]:
    """Pairs of measures of a kind writers confuse that give the same number in two units, or
    whose ratio is a common conversion factor: what the referent model is asked about.
    ``buckets``: only these (cut down by :mod:`.pair_reuse`), else all of the document's."""
    claims = ctx.claims
    for key, members in (frame.buckets(ctx) if buckets is None else buckets).items():
        if not _confusable(key):
            continue
        base = {i: _base_value(claims[i]) for i in members}
        if len(members) <= frame.MAX_PARTNERS:
            yield from ((i, j) for i, j in frame.candidate_pairs(members)
                        if _may_mix(claims[i], claims[j], base[i], base[j]))
            continue
        # A bucket larger than a window (dense input: the same readings recur): each pair of
        # readings is tested once (the test reads the two claims only).
        readings = reading_ids(ctx)
        passed: dict[tuple[int, int], bool] = {}
        for i, j in frame.candidate_pairs(members):
            pair = (readings[i], readings[j])
            found = passed.get(pair)
            if found is None:
                found = passed[pair] = _may_mix(claims[i], claims[j], base[i], base[j])
            if found:
                yield i, j


def _may_mix(a: Claim, b: Claim, base_a: float | None, base_b: float | None) -> bool:
    if a.unit != b.unit and not _may_pair(a, b, base_a, base_b):
        return False
    if a.unit == b.unit:
        # Not the same number in other units; a factor mix-up only when the ratio of the
        # numbers is near a common factor (or its inverse): a cheap test first.
        if not a.value or not b.value or not a.unit:
            return False
        near = near_factors(a.dimension, a.unit)
        ratio = b.value / a.value
        k = bisect_left(near, ratio * 0.98)
        if k == len(near) or near[k] > ratio * 1.02:
            return False
    return _kind_of_pair(a, b) is not None


def _kind_of_pair(a: Claim, b: Claim) -> str | None:
    """"same number" or "factor" (with the factor's unit) when the pair is a possible mix-up."""
    if same_number_other_unit(a, b):
        return "same number" if a.value >= MIN_VALUE else None
    return "factor" if (factor_mixup(a, b) or factor_mixup(b, a)) else None


def _base_value(c: Claim) -> float | None:
    """The figure in SI base units, for linear units (None for offset temperatures)."""
    if not c.unit or not c.value or c.unit in ("degree_Celsius", "degree_Fahrenheit"):
        return None
    try:
        return units.to_base(c.value, c.unit)
    except Exception:  # a unit pint cannot reduce
        return None


def _may_pair(a: Claim, b: Claim, base_a: float | None, base_b: float | None) -> bool:
    """A cheap necessary condition for ``_pair`` with different units: the same number, or
    figures whose ratio (unit-free, from base values) is near a common factor either way."""
    if a.value and b.value and math.isclose(a.value, b.value, rel_tol=0.02):
        return True
    if not base_a or not base_b:
        return base_a is None or base_b is None  # cannot tell cheaply: the full test decides
    near = near_factors(a.dimension, a.unit)
    ratio = base_b / base_a
    k = bisect_left(near, ratio * 0.98)
    return k < len(near) and near[k] <= ratio * 1.02


def _confirmed_unit(ctx: CheckContext, i: int) -> Claim | None:
    """A stated equivalent of claim ``i`` that agrees with it (so its unit is corroborated)."""
    cache = ctx.memo(_CONFIRMED, dict)
    if i in cache:
        return cache[i]
    cache[i] = None
    for k in ctx.converted_into.get(i, ()):
        if agrees(ctx, ctx.claims[i], ctx.claims[k]):
            cache[i] = ctx.claims[k]
            break
    return cache[i]


def _pair(ctx: CheckContext, i: int, j: int):
    a, b = ctx.claims[i], ctx.claims[j]
    same_number = same_number_other_unit(a, b)
    factor_unit = None if same_number else (factor_mixup(a, b) or factor_mixup(b, a))
    if not same_number and factor_unit is None:
        return None
    if frame.in_table_row(ctx, i) or frame.in_table_row(ctx, j):
        return None  # (judge would veto it: known before any frame is built)
    judgement = referent_model.judge(ctx, i, j, CODE)
    if judgement.veto is not None:
        return None
    conf_a, conf_b = _confirmed_unit(ctx, i), _confirmed_unit(ctx, j)
    # Flag the figure whose unit nothing corroborates; the later one when both or neither are.
    if conf_a is not None and conf_b is None:
        flagged, other, conf = j, i, conf_a
    elif conf_b is not None and conf_a is None:
        flagged, other, conf = i, j, conf_b
    else:
        flagged, other, conf = j, i, conf_a
    score = (conf is not None, judgement.score, -abs(j - i))
    return flagged, other, score, judgement, conf, factor_unit


def _diagnostic(ctx: CheckContext, flagged: int, other: int, score, judgement, conf,
                factor_unit) -> Diagnostic:
    c, o = ctx.claims[flagged], ctx.claims[other]
    # (units named after a number: "8,849-foot" is "8,849 feet" in a sentence of the message)
    c_unit, o_unit = after_a_number(c, c.unit_text or c.unit), after_a_number(o, o.unit_text or o.unit)
    why = judgement.describe()
    if not judgement.slots_agree and factor_unit is None and _rare_number(c) and \
            judgement.score < referent_model.threshold("FC201"):  # (what let the pair through)
        why = "the same number to three significant digits or more, seldom a coincidence"
    where = f"line {ctx.line_of(o.start)}"
    related_end = conf.end if conf is not None and conf.start >= o.end else o.end
    if conf is not None and ctx.text[related_end : related_end + 1] in (")", "]"):
        related_end += 1
    related_text = ctx.text[o.start:related_end]
    if factor_unit is None:
        in_other = units.convert(c.value, c.unit, o.unit)
        message = (
            f"“{c.text}” and “{o.text}” ({where}) give the same number, {_fmt(c.value)}, in "
            f"different units of one kind ({c_unit} vs {o_unit}), and seem to be about the same "
            f"thing ({why}). {_fmt(c.value)} {c_unit} would be about {_fmt(in_other)} {o_unit}"
        )
        if conf is not None:
            message += (
                f"; the document's own conversion gives {_fmt(o.value)} {o_unit} as "
                f"{conf.number_text or _fmt(conf.value)} {conf.unit_text or conf.unit}"
            )
        message += f". “{o_unit}” was probably meant."
        fix = None
        if c.unit_start is not None and c.unit_end is not None and o.unit_text:
            replacement = in_place_of(c, o.unit_text)  # ("8,849-foot" → "8,849-metre")
            fix = Fix(
                message=f"Replace “{c.unit_text}” with “{replacement}”",
                applicability="unsafe",
                edits=(Edit(c.unit_start, c.unit_end, replacement),),
            )
        related_msg = f"the same number in {o_unit}" + (
            f", with its stated conversion ({conf.text})" if conf is not None else ""
        )
    else:
        u_name = unit_words(factor_unit)
        message = (
            f"“{c.text}” and “{o.text}” ({where}) seem to be about the same thing ({why}) but "
            f"differ by the factor between {u_name} and {o_unit}: "
            f"{_fmt(o.value)} {u_name} is about {_fmt(units.convert(o.value, factor_unit, c.unit))} "
            f"{c_unit}. One figure was probably converted as if the other were in {u_name}."
        )
        fix = None
        related_msg = f"the figure that “{c.text}” looks converted from"
    return Diagnostic(
        code=CODE,
        name=NAME,
        severity=SEVERITY,
        message=message,
        start=c.start,
        end=c.end,
        related=(Related(o.start, related_end, related_msg),),
        fix=fix,
        data={"probable_unit": o.unit, "other": other, "text": related_text,
              "confidence": round(judgement.score, 3)},
    )


def _fmt(x: float) -> str:
    return format_figure(round(x) if abs(x) >= 100 else x, ".3g")


def unit_words(unit: str) -> str:
    """pint's canonical unit in words ("kilometer ** 2" → "square kilometers")."""
    u = unit.replace("_", " ")
    if u.endswith(" ** 2"):
        return "square " + u[:-5] + "s"
    if u.endswith(" ** 3"):
        return "cubic " + u[:-5] + "s"
    if "/" in u:
        return u.replace(" / ", " per ")
    return u + ("" if u.endswith(("s", "ch")) else "s")
