"""## What it does
Flags two figures that seem to be about the same thing but cannot both be true: "a force of
some 8,000 fighters" in one paragraph and "the same force of about 18,000 fighters" in another.

## Why is this bad?
A reader who notices the contradiction stops trusting every figure in the piece; one who does
not is misinformed by one of them. Such conflicts usually come from a typo, an edit to one
mention of a figure that missed the other, or two sources merged without reconciling them.

Qualifiers count: "almost 3,000" and "about 3,000" agree, "more than 30" and "31" agree, and the
rounding of each figure is allowed for. Money is compared on one base per currency (cents and
"cts" as hundredths of a dollar, "mln" and "bln" as scales), and a per-share amount is never
compared with a total.

Two figures are taken to be about the same thing only with evidence, read slot by slot from
their sentences (what is counted, the verb, who, when, where, and the figure's role): the
strongest is a near-duplicate sentence with a different figure; then the words around the
figures, the same verb, an explicit restatement ("the same force", "those 42 passengers"). A
small model trained on real news (where such pairs are almost never restatements) and on
restatements generated from it weighs the evidence; the rule reports only pairs it is confident
about (the JSON output gives the score as `data.confidence`). The rule is silent when a slot
clashes: different names, times or places, a contrast cue ("another", "a smaller group", "the
second", "each", "of them"), a comparison ("vs", "compared with", "a year earlier", "from X to
Y"), a table row, a per-share amount against a total, a part of a larger group ("the two men,
along with their trainer, …"), or sibling sections of a Markdown document headed alike (a
reference's members, "## `buf.readInt32BE()`" and "## `buf.readInt16BE()`"; a changelog's
releases, "## Version 6.13.0" and "## Version 6.12.3"), which describe different things.

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
from collections.abc import Iterable, Iterator

from .. import units
from ..model import Claim, Diagnostic, Related
from . import frame, referent_model
from .claim_readings import reading_ids, shape
from .context import CheckContext, MemoKey
from .conversions import factor_mixup
from .pair_reuse import pair_verdicts
from .referent_model import Judgement
from .rounding import BASE_SLACK, claim_interval, disjoint

CODE = "FC201"
NAME = "conflicting-figures"
SEVERITY = "warning"
SUMMARY = "figures about the same thing that cannot all be true"

# Per document: the related-information entry of each conflicting figure (built once).
_RELATED: MemoKey[dict[int, Related]] = MemoKey("FC201.related")


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    cut = referent_model.threshold(CODE)
    conflicts: dict[int, list[tuple[int, Judgement]]] = {}
    judged: dict[tuple, Judgement | None] = {}
    seen: set[tuple[int, int]] = set()
    # claim → id of its words (kept alive by the document's memo), None in a table row
    words_of: dict[int, int | None] = {}
    shapes: dict[int, tuple] = {}

    def words_id(k: int) -> int | None:
        found = words_of.get(k, -1)
        if found == -1:  # (a table row vetoes its pairs, as in _conflict: no words read)
            found = words_of[k] = None if frame.in_table_row(ctx, k) else id(frame.claim_words(ctx, k))
        return found

    def verdict(i: int, j: int) -> Judgement | None:
        # A pair that repeats another's readings, sentence and paragraph sharing and order has
        # its verdict (see claim_readings): dense input repeats a few pairs thousands of times.
        # Named only in a document with a bucket larger than a window, and once the pair's
        # two sentences as read have met before (real prose rarely repeats a pair: naming every
        # pair would cost more than it saves).
        words = (words_id(i), words_id(j))
        if words[0] is None or words[1] is None:
            return None
        if words not in seen:
            seen.add(words)
            return _conflict(ctx, i, j, cut)
        (a, sentence_a, paragraph_a) = shapes.get(i) or shapes.setdefault(i, shape(ctx, i))
        (b, sentence_b, paragraph_b) = shapes.get(j) or shapes.setdefault(j, shape(ctx, j))
        key = (a, b, sentence_a == sentence_b, paragraph_a == paragraph_b, j > i)
        if key not in judged:
            judged[key] = _conflict(ctx, i, j, cut)
        return judged[key]

    dense = any(len(members) > frame.MAX_PARTNERS for members in frame.buckets(ctx).values())
    for i, j, judgement in pair_verdicts(ctx, CODE, candidates, verdict if dense else (
            lambda i, j: _conflict(ctx, i, j, cut))):
        conflicts.setdefault(j, []).append((i, judgement))
    related = ctx.memo(_RELATED, dict)
    for j in sorted(conflicts):
        yield _diagnostic(ctx, j, conflicts[j], related)


def _conflict(ctx: CheckContext, i: int, j: int, cut: float) -> Judgement | None:
    """The judgement that claims ``i`` and ``j`` (a candidate pair) conflict, else None."""
    if frame.in_table_row(ctx, i) or frame.in_table_row(ctx, j):
        return None  # a table row vetoes the pair (as the sketches would read it): no words read
    if not referent_model.may_reach_by_words(
            frame.claim_words(ctx, i), frame.claim_words(ctx, j), j > i, CODE):
        return None  # scored under the threshold whatever the rest of the sentences read
    if not referent_model.may_reach_by_gist(
            frame.claim_gist(ctx, i), frame.claim_gist(ctx, j), j > i, CODE):
        return None  # the same, read before the sentences' clauses, times and places
    if not referent_model.may_reach(
            frame.claim_sketch(ctx, i), frame.claim_sketch(ctx, j), j > i, CODE):
        return None  # scored under the threshold whatever the frames read: not built
    judgement = referent_model.judge(ctx, i, j, CODE)
    if same_bound(ctx.claims[i], ctx.claims[j]) and not judgement.twin:
        return None  # two bounds conflict only when restated in (nearly) the same words
    return judgement if judgement.score >= cut else None


def candidates(ctx: CheckContext, buckets: dict[tuple, list[int]] | None = None,
               ) -> Iterator[tuple[int, int]]:
    """Pairs of figures of one kind, in different sentences, that cannot both be true (and are
    not the same number in two units: that is FC202's): what the referent model is asked about.
    ``buckets``: only these (cut down by :mod:`.pair_reuse`), else all of the document's."""
    slack = BASE_SLACK + ctx.settings.tolerance
    claims = ctx.claims
    intervals: dict[tuple[int, str | None], tuple | None] = {}

    def interval(k: int, unit: str | None):
        key = (k, unit)
        if key not in intervals:
            c = claims[k]
            intervals[key] = frame.base_interval(c) if c.kind != "quantity" else _interval_in(c, unit)
        return intervals[key]

    apart: dict[tuple, bool] = {}
    passed: dict[tuple[int, int], bool] = {}

    def cannot_both_hold(ia: tuple, ib: tuple) -> bool:
        key = (ia, ib)  # the same two intervals recur (a figure restated many times)
        found = apart.get(key)
        if found is None:
            found = apart[key] = disjoint(ia, ib, slack)
        return found

    def cannot_both_hold_once(ia: tuple, ib: tuple) -> bool:
        return disjoint(ia, ib, slack)  # (a bucket within a window: intervals rarely recur)

    # The pairs of frame.candidate_pairs(), each member's sentence looked up once; in a bucket
    # larger than a window (dense input: the same readings recur), each pair of readings is
    # tested once (the tests read the two claims only).
    for members in (frame.buckets(ctx) if buckets is None else buckets).values():
        if len(members) < 2:
            continue
        sentences = frame.sentence_spans(ctx, members)
        readings = reading_ids(ctx) if len(members) > frame.MAX_PARTNERS else None
        for n, j in enumerate(members):
            b, sentence_j = claims[j], sentences[n]
            for m in range(max(0, n - frame.MAX_PARTNERS), n):
                if sentences[m] == sentence_j:
                    continue
                i = members[m]
                if readings is None:
                    found = _may_conflict(claims[i], b, i, j, interval, cannot_both_hold_once, slack)
                else:
                    key = (readings[i], readings[j])
                    found = passed.get(key)
                    if found is None:
                        found = passed[key] = _may_conflict(
                            claims[i], b, i, j, interval, cannot_both_hold, slack)
                if found:
                    yield i, j


def _may_conflict(a: Claim, b: Claim, i: int, j: int, interval, cannot_both_hold,
                  slack: float) -> bool:
    """Whether figure ``a`` (claim ``i``) and the later ``b`` (claim ``j``), in different
    sentences, are a candidate pair; ``interval(k, unit)``: claim ``k``'s interval in ``unit``.
    Every test only rejects the pair, so the cheapest come first."""
    if a.unit != b.unit and a.value and math.isclose(a.value, b.value, rel_tol=0.02):
        return False
    ia, ib = interval(i, b.unit), interval(j, b.unit)
    if ia is None or ib is None:
        return False
    if not cannot_both_hold(ia, ib) and not (
            same_bound(a, b) and disjoint(_as_written(a, ia), _as_written(b, ib), slack)):
        return False
    return not (a.kind == "quantity" and (factor_mixup(a, b) or factor_mixup(b, a)))


def same_bound(a: Claim, b: Claim) -> bool:
    """Both figures are the same kind of bound ("at least 310", "at least 930"): restated in the
    same words, the two numbers conflict although both bounds could hold."""
    return bool(a.qualifier) and a.qualifier == b.qualifier and (
        (a.high is None and b.high is None) or (a.low is None and b.low is None))


def _as_written(c: Claim, iv: tuple) -> tuple:
    """An open interval closed at the number as written (with its rounding)."""
    lo, hi = iv
    width = c.rounding * (hi / c.value if math.isinf(lo) and c.value else 1)
    if math.isinf(hi):
        return lo, lo + 2 * width
    if math.isinf(lo):
        return hi - 2 * width, hi
    return iv


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


def _conv(x: float, unit: str, to: str) -> float:
    return x if math.isinf(x) else units.convert(x, unit, to)


def _diagnostic(ctx: CheckContext, j: int, others: list[tuple[int, Judgement]],
                related_of: dict) -> Diagnostic:
    b = ctx.claims[j]
    i, judgement = max(others, key=lambda o: (o[1].score, o[0]))  # the most confident first
    a = ctx.claims[i]
    ia, ib = _shown_interval(a, b), _shown_interval(b, b)
    where = (
        "the same paragraph" if ctx.paragraph_of(a.start) == ctx.paragraph_of(b.start)
        else f"line {ctx.line_of(a.start)}"
    )
    unit = b.unit_text or ""
    if frame.money_base(b) is not None:
        unit = frame.money_base(b)[0]
    if same_bound(a, b) and not disjoint(ia, ib, BASE_SLACK):
        clash = f"the same bound given as two different numbers ({_fmt(b.value)} vs {_fmt(a.value)})"
    else:
        clash = (f"the two cannot both be true ({_span(ib)} vs {_span(ia)}"
                 f"{' ' + unit if unit else ''})")
    message = (
        f"“{b.text}” conflicts with “{a.text}” ({where}): {clash}, and they seem to be about the "
        f"same thing ({judgement.describe()})."
    )
    if len(others) > 1:
        message += f" {len(others) - 1} other earlier figure(s) conflict with it too."
    related = []
    for k, _ in sorted(others, reverse=True):
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
        data={"others": sorted(k for k, _ in others), "confidence": round(judgement.score, 3)},
    )


def _shown_interval(c: Claim, other: Claim):
    return frame.base_interval(c) if c.kind != "quantity" else _interval_in(c, other.unit)


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
