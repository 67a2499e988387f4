"""## What it does
Flags a breakdown whose parts do not add up to the total it breaks down — "Thirty people were
injured in the blast: 12 seriously and 21 lightly" — and shares of one whole that add up to
more than 100 % — "48% of voters backed the plan, 39% opposed it and 21% said they did not
know".

## Why is this bad?
A breakdown is read as complete; when its parts sum to more (or less) than its total, one of the
figures is wrong, and readers who add them up notice. Shares of one poll or one population that
exceed 100 % are impossible.

The rule allows for rounding (three shares rounded to whole percents may sum to 99–101) and for
qualifiers ("at least 12" leaves the sum open). Counts of people and things are whole numbers: "12
seriously and 19 lightly" is 31, never 30. It is silent for lists that do not claim to be
complete ("including", "among them", "such as", "the rest", "others"), for shares of different
wholes ("80% of men and 70% of women", "59% of patients taking it and 43% of patients who took
it before", "46% of the dawn side crossings and 58% of the dusk side crossings", "respectively"),
for one share given two ways ("90% of pupils, or 64% if …"; "an index of 66.2%, which means that
66.2% of …"), for shares before a turn to a whole named after it ("only 40% were married …, but
59% of the husbands were disabled, 17% …": the list starts at 59%), for changes ("prices rose 8%,
wages 5%"), for a range before the list (it spans values, it totals nothing: "for each length from
3 to 19, are: 397111, 143447, …"), for percentages that are not listed together as shares ("priced
at 96.20 pct for a yield of 8.10 pct"), for the level of a confidence interval ("48%,
95% CI 40–61%"), for stakes ("owns 75 pct of a company which holds 40 pct of another"), for a
count in progress ("with 99% of the vote counted, she had 52%") and for weightings where one is
100%. Shares over 100 % are read as shares of one whole only when the sentence says so: a share
names its whole ("of voters"), one is an answer ("39% opposed it", "15% were undecided") or the
sentence is about a poll, a survey or a vote; "patients were 86% black, 66% male" and
"neutropenia 54% and thrombocytopenia 51%" are rates of different things. Sums of money are not
broken down by this rule.

A breakdown that falls short of its total is flagged only when its parts are kinds that make up
the whole ("12 adults and 10 children", "12 seriously and 15 lightly"): "300 tanks: 120 from
Poland and 100 from Germany" may leave the rest unlisted. Shares that take the same verb answer
different questions ("70% support checks, and 60% support a ban") and are not summed.

Breakdowns that need not be complete — "Of the 40 people on board, 12 were children and 30 were
adults", "500 employees, 300 of them in France and 250 in Spain", "The 120 victims included 80
women and 50 children", "Among the 20 victims were 12 soldiers and 10 civilians", "The 40
passengers were 25 men and 20 women", "118 patients (41 men and 77 women)" — are flagged only
when the parts add up to more than the total and name kinds that cannot overlap (children and
adults, men and women, different places): "Of the 40 people on board, 12 were injured and 30 were British" is fine. A total named by what
befell its people counts people ("Among the 20 dead were 12 soldiers and 10 civilians").

## Example
```text
Thirty people were injured in the blast: 12 seriously and 21 lightly.
```

## Use instead
```text
Thirty-three people were injured in the blast: 12 seriously and 21 lightly.
```
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from ..figures import format_figure
from ..model import Claim, Diagnostic, Related
from ..text.finder import Finder
from .context import CheckContext
from . import money
from .part_whole import (
    WHAT_BEFELL,
    WHOLE_THEN_COMMA,
    claims_in_order,
    introduces_whole,
    noun_written,
    quote,
    same_counted,
    sentence_runs,
)
from .words import TURNING_WORDS, stem
from .rounding import claim_interval, exact_interval, whole_units

CODE = "FC302"
NAME = "parts-do-not-sum"
SEVERITY = "warning"
SUMMARY = "listed parts that do not add up to their total, or shares over 100%"
# A total and its parts, and shares, are read in one sentence; the words read around them stay
# in it but for money words (54 characters after a figure, 30 before) and "of them" (20 after).
SCOPE = "paragraph"

# After the total: where a breakdown begins.
_BREAKDOWN_START = re.compile(r"^[^\d;.!?]{0,80}?(?::|\s[—–]\s|\s-\s|,\s+of\s+(?:whom|which)\b)\s*$", re.I)
# What the words after a total end with, white space aside, in every form ``_breakdown_form``
# reads: a colon, a dash, "of whom", "of which" (``_BREAKDOWN_START``) or a comma
# (``WHOLE_THEN_COMMA``). Tested first: most neighbours end otherwise.
_BREAKDOWN_LAST = frozenset(":-—–mMhH,")
# What the first of two neighbours is when they start a breakdown (its total) or shares.
_LIST_KINDS = frozenset(("count", "percent"))
# A total followed by what it includes ("The 120 victims included 80 women and 50 children"), or
# introduced by "among" ("Among the 20 victims were 12 soldiers and 10 civilians"), or the subject
# of "were" ("The 40 passengers were 25 men and 20 women"): parts that need not be all of it, but
# cannot be more.
# (a whole of people named by what befell them: "The 20 dead included …")
_INCLUDED_THEN = re.compile(
    r"^\s+(?:" + WHAT_BEFELL + r"\s+)?(?:(?:were|was|are|is)\s+)?includ(?:ed|es|e|ing)\s+$", re.I)
_WERE_THEN = re.compile(r"^\s+(?:" + WHAT_BEFELL + r"\s+)?(?:were|are)\s+$", re.I)
# ... or its parts in brackets after it ("118 patients (41 men and 87 women)"), which need not
# be all of it either
_BRACKET_THEN = re.compile(r"[ \t]*\([ \t]*")
_INCLUDED_MAX = 40  # the words between of either ("were included", a line break and indentation)
_AMONG_BEFORE = re.compile(r"(?:^|[,;:]\s*)among\s+(?:the|its|their|all)\s+$|^(?:(?:the|its|their|all(?:\s+the)?)\s+)?$", re.I)
# "of" where the words before a total introduce it as a whole (the last one starts the cue quoted).
_OF = re.compile(r"\bof\b", re.I)
# "500 employees, 300 of them in France …": the first part says it is part of the figure before.
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
# What sets a part apart from the others: "12 were children", "300 of them in France", "30 adults".
_KIND = re.compile(
    r"(?:\s+of\s+(?:them|whom|those))?\s+(?:(?:were|are|was|is|being)\s+)?"
    r"((?:(?:in|at|from)\s+)?[^\W\d_][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s*(?:,|\band\b|\bor\b|[.;:!?)]|$)",
)
# A part set apart by a place ("in France", "from Poland").
_PLACE = re.compile(r"(?:in|at|from)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)")
# Kinds that cannot overlap: the parts of one breakdown name different members of one group.
_EXCLUSIVE = tuple(
    frozenset(stem(w) for w in group.split())
    for group in (
        "man woman child", "adult child", "boy girl", "male female", "adult minor",
        "civilian soldier", "civilian military", "dead injured", "killed injured", "killed wounded",
        "dead wounded", "domestic foreign", "full-time part-time", "public private",
        "critically seriously moderately lightly slightly",
    )
)
# Kinds that make up the whole of what they divide: a breakdown into them that falls short of its
# total is wrong, where a shortfall in a list of places or of other kinds is usually the rest.
_COMPLETE = tuple(
    frozenset(stem(w) for w in group.split())
    for group in ("adult child", "adult minor", "boy girl", "male female", "domestic foreign",
                  "full-time part-time", "seriously lightly", "seriously slightly")
)
# Between two parts of one list.
_LIST_SEP = re.compile(r"^[^\d;:.!?()]{0,50}$")
# What lies between figures that are no list of parts: white space, or a sign of arithmetic.
_NO_WORD = re.compile(r"[\s+=≡×·*^]*")
# A breakdown lists a handful of parts; a run of more figures is a series or a table, which no
# reader adds up (and read from each of its figures, it would cost the square of its length).
MAX_PARTS = 20
# A dash between two figures of a list (spaced, or an en or em dash): the list ends there.
_DASH = re.compile(r"\s-\s|[—–]")
# Words between two figures of a list that make the second the whole of the first, not another
# part: "13 players out of a squad of 31", "12 of the 40", "12 of a total of 40".
_WHOLE_NEXT = re.compile(r"\bof(?:\s+(?:the|a|an|its|their|his|her|our|some|about|around|nearly|almost|over))*\s*$|\bout\s+of\b", re.I)
# Anywhere in the sentence: the list does not claim to be complete.
_NOT_EXHAUSTIVE = re.compile(
    r"\b(?:including|includ\w*|among\s+(?:them|whom|others)|such\s+as|e\.g\.|for\s+example|"
    r"for\s+instance|like|the\s+rest|remaining|remainder|others?|other|also|unknown|"
    r"unaccounted|undisclosed|not\s+known|further|additional|more|at\s+least|some)\b",
    re.I,
)
# Shares of one whole: what rules them out.
_SHARE_BLOCK = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|increas\w*|decreas\w*|grow\w*|grew|"
    r"growth|jump\w*|drop\w*|declin\w*|climb\w*|up|down|than|compared|versus|vs|from|"
    r"respectively|respective|each|per|rate|rates|inflation|interest|margin|turnout|points?|"
    r"by|over|under|higher|lower|more|less|fewer|gain\w*|lost|loss\w*|cut|"
    r"of\s+(?:them|those|whom|which|these)|among\s+(?:them|those)|"
    # prices and yields of securities ("priced at 96.20 pct for a yield of 8.10 pct") ...
    r"yields?|priced|prices?|coupons?|discount|premium|"
    # ... and stakes, which are shares of different companies or of each other in a chain
    r"owns?|owned|owning|stakes?|holds?|holding|holdings|controls?|controlled|subsidiary|"
    # ... and how much of a count is in ("with 99% of the vote counted, Smith had 52%")
    r"counted|reporting|tallied|processed)\b",
    re.I,
)
_OWN_BASE = re.compile(r"\b(?:among|for|in|with|within)\s+(?:the\s+)?[^\W\d_]+\W*$", re.I)
# What a share is a share of ("80% of men", "75 pct of <MEC Sachs>", "of 18- to 49-year-olds");
# read with match() at the share's end.
_OF_BASE = re.compile(
    r"\s*(?:of|among)\s+(?:(?:the|all|its|their|his|her|our|those|these)\s+)*[<(\"“]?([^\W\d_]+|\d+-)",
    re.I,
)
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
# Words that restrict the whole a share is of ("of patients who previously took it", "of
# patients with no exposure", "of current users"): two such wholes are different groups.
_RESTRICTING = frozenset("""who whom that whose with without currently previously formerly not
    never taking receiving treated in on at from aged under over having given exposed using""".split())
_TWO_WORDS = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")
# Verbs after which the answer itself follows ("said yes", "were undecided").
_ANSWER_VERBS = frozenset("""say said says told tell answered answer responded replied reply
    were was are is be been being had have has would will could should did do does""".split())
# A percentage that is the level of an interval or a test ("48%, 95% CI 40–61%"), not a share.
_LEVEL_AFTER = re.compile(
    r"\s*(?:CIs?|CrIs?|PIs?|UIs?|confidence|credible|prediction|uncertainty|significance)\b", re.I)
# Two shares joined by "or" are one share read two ways ("around 90% of pupils, or 64% if one
# does not count …"), not two parts.
_ALTERNATIVE = re.compile(r"\bor\b", re.I)
# Two shares are listed together only when coordinated ("48% …, 39% … and 21% …"), not when one
# qualifies the other ("96.20 pct for a yield of 8.10 pct").
_COORDINATED = re.compile(r",|\b(?:and|or|while|whereas|but|against|with)\b", re.I)


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    for members in _sentences_to_read(ctx):
        yield from _breakdowns(ctx, members)
        yield from _shares(ctx, members)


def reference_check(ctx: CheckContext) -> Iterable[Diagnostic]:
    """``check`` reading every sentence: what its test holds the sentences it reads to."""
    for members in sentence_runs(ctx):
        if len(members) < 2:
            continue
        yield from _breakdowns(ctx, members)
        yield from _shares(ctx, members)


def _sentences_to_read(ctx: CheckContext) -> Iterator[list[int]]:
    """The claims of each sentence (as ``sentence_runs`` gives them) where two neighbouring
    figures may be a total and its first part, or two shares listed together: every breakdown
    and every run of shares starts with such a pair. Most sentences of news have none, and are
    not looked up at all."""
    claims, text = ctx.claims, ctx.text
    order = claims_in_order(ctx)
    ordered = [claims[k] for k in order]
    starts = [c.start for c in ordered]
    read_to = -1  # the end of the last sentence read
    for n, (first, second) in enumerate(zip(ordered, ordered[1:])):
        if first.start < read_to or first.kind not in _LIST_KINDS or not _may_start_list(first, second, text):
            continue
        s_start, s_end = ctx.sentence_span(first.start)
        if second.start >= s_end:
            continue
        read_to = s_end
        yield order[bisect_left(starts, s_start, 0, n) : bisect_left(starts, s_end, n + 1)]


def _may_start_list(first: Claim, second: Claim, text: str) -> bool:
    """Can ``first`` and ``second``, neighbours in one sentence, start a breakdown (the words
    after a count that ``_breakdown_form`` reads) or a run of shares (``_shares``' separator)?"""
    if first.kind == "count":
        if first.role == "age":
            return False
        between = text[first.end : second.start]
        return (between.rstrip()[-1:] in _BREAKDOWN_LAST
                and (_BREAKDOWN_START.match(between) is not None
                     or WHOLE_THEN_COMMA.match(between) is not None)) \
            or (len(between) <= _INCLUDED_MAX and (_INCLUDED_THEN.match(between) is not None
                                                   or _WERE_THEN.match(between) is not None)) \
            or _BRACKET_THEN.fullmatch(between) is not None
    if first.kind != "percent" or second.kind != "percent" or not 0 < second.start - first.end <= 80:
        return False
    between = text[first.end : second.start]
    return _LIST_SEP.match(between) is not None and _COORDINATED.search(between) is not None


# --- a total and its breakdown -----------------------------------------------------------


def _breakdowns(ctx: CheckContext, members: list[int]) -> Iterable[Diagnostic]:
    claims, text = ctx.claims, ctx.text
    # The words that make a list incomplete, searched for from each list to its sentence's end:
    # from increasing places, in linear time in all (not again from each figure of a long one).
    not_exhaustive: tuple[tuple[int, int], Finder] | None = None
    for n, w in enumerate(members[:-2]):
        whole = claims[w]
        if whole.kind != "count" or whole.role == "age" or whole.is_range:
            continue  # (a range spans values, it totals nothing: "for each length from 3 to 19, are: …")
        first = claims[members[n + 1]]
        # (the words after the total first: they rarely break it down, and are cheaper to read)
        form = _breakdown_form(ctx, whole, first)
        if form is None or money.amount(whole, text):
            continue
        parts = [members[n + 1]]
        # (read by place, not from a copy of the rest: one sentence may hold 40,000 figures)
        for k in map(members.__getitem__, range(n + 2, min(len(members), n + 2 + MAX_PARTS))):
            between = text[claims[parts[-1]].end : claims[k].start]
            if not _LIST_SEP.match(between) or _WHOLE_NEXT.search(between) or _DASH.search(between) \
                    or _NO_WORD.fullmatch(between):
                break  # (a dash closes a breakdown set off by dashes, or makes "12 - 12 - 12" a series;
                # figures with only spaces or signs between are digits or a sum: "9 8 7", "2 5 + 9")
            parts.append(k)
            if len(parts) > MAX_PARTS:
                break
        part_claims = [claims[k] for k in parts]
        if not 2 <= len(parts) <= MAX_PARTS or not all(_part_of(p, whole, text) for p in part_claims):
            continue
        sentence = ctx.sentence_span(whole.start)
        if not_exhaustive is None or not_exhaustive[0] != sentence:
            not_exhaustive = sentence, Finder(text[sentence[0] : sentence[1]], _NOT_EXHAUSTIVE)
        between = text[whole.end : first.start]
        if not_exhaustive[1].find(first.start - sentence[0]) >= 0 or (
                _NOT_EXHAUSTIVE.search(between) and not _INCLUDED_THEN.match(between)):
            continue  # ("included" itself is a form whose parts need not be all: read below)
        total_lo, total_hi = _total_interval(whole)
        ivs = [exact_interval(p) for p in part_claims]
        sum_lo, sum_hi = sum(lo for lo, _ in ivs), sum(hi for _, hi in ivs)
        if form == "complete":
            if not (sum_lo > total_hi or sum_hi < total_lo):
                continue
            why = ("the list reads as a complete breakdown of that total (it follows it in the "
                   "same sentence, with no “including” or “others”)")
            if sum_hi < total_lo:
                kinds = _disjoint_kinds(ctx, part_claims, complete=True)
                if kinds is None:
                    continue  # falling short: the rest may simply not be listed
                why += f" and its parts ({', '.join(kinds)}) make up all of it"
        else:
            # Parts of a total that do not claim to be all of it: wrong only when they add up to
            # more, are kinds that cannot overlap, and no one part exceeds the total alone (FC301).
            kinds = _disjoint_kinds(ctx, part_claims)
            if kinds is None or not sum_lo > total_hi or ivs[0][0] > total_hi:
                continue
            why = (f"they are parts of that total (“{form}”) and of kinds that cannot overlap "
                   f"({', '.join(kinds)})")
        total = sum(p.value for p in part_claims)
        last = part_claims[-1]
        listed = " + ".join(quote(p.number_text) or _fmt(p.value) for p in part_claims)
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=(
                f"The parts listed after “{quote(whole.text)}” add up to {_fmt(total)} ({listed}), "
                f"not {_fmt(whole.value)}: {why}, so a part or the total is wrong"
            ),
            start=whole.start,
            end=last.end,
            related=tuple(Related(p.start, p.end, f"part: “{quote(p.text)}”") for p in part_claims)
            + (Related(whole.start, whole.end, f"the stated total: “{quote(whole.text)}”"),),
        )


def _breakdown_form(ctx: CheckContext, whole: Claim, first: Claim) -> str | None:
    """How the words say that the figures after ``whole`` break it down: "complete" for a colon,
    a dash or "of whom"; the cue in the writer's words ("Of the 40 people …", "300 of them") for
    a breakdown that need not be complete; None when they do not."""
    text = ctx.text
    between = text[whole.end : first.start]
    if _BREAKDOWN_START.match(between):
        return "complete"
    if _INCLUDED_THEN.match(between):
        return quote(text[whole.start : first.start]) + " …"
    if _BRACKET_THEN.fullmatch(between):
        return quote(whole.text) + " (…)"
    if _WERE_THEN.match(between):
        s_start, _ = ctx.sentence_span(whole.start)
        words = text[s_start : whole.start]  # (a string of its own: "^" is the sentence's start)
        among = _AMONG_BEFORE.search(words)
        return quote(text[s_start + among.start() : first.start].lstrip(",;: ")) + " …" if among else None
    if not WHOLE_THEN_COMMA.match(between):
        return None
    s_start, _ = ctx.sentence_span(whole.start)
    if introduces_whole(text, s_start, whole.start):
        intro = [m.start() for m in _OF.finditer(text[s_start : whole.start])]
        return quote(text[s_start + intro[-1] : whole.end]) + " …"
    m = _OF_THEM.match(text, first.end, first.end + 20)
    if m:
        return quote(text[first.start : m.end()])
    return None


def _disjoint_kinds(ctx: CheckContext, parts: list[Claim], complete: bool = False) -> list[str] | None:
    """What sets each part apart ("children", "adults"; "in France", "in Spain") when those are
    kinds that cannot overlap (and, with ``complete``, that together make up the whole); None
    when they may overlap ("12 were hurt and 30 were British")."""
    text = ctx.text
    _, s_end = ctx.sentence_span(parts[0].start)
    labels = []
    for n, p in enumerate(parts):
        if noun_written(p):  # "20 women"
            labels.append(quote(p.text[p.text.rfind(p.number_text) + len(p.number_text):]))
            continue
        end = parts[n + 1].start if n + 1 < len(parts) else s_end
        m = _KIND.match(text, p.end, end)
        if not m:
            return None
        labels.append(quote(m.group(1)).rstrip("."))
    places = [_PLACE.fullmatch(lab) for lab in labels]
    if not complete and all(places) and len({pl.group(1) for pl in places}) == len(places):
        return labels
    stems = [stem(lab) for lab in labels]
    if len(set(stems)) != len(stems):
        return None
    if complete:
        return labels if set(stems) in _COMPLETE else None
    return labels if any(set(stems) <= group for group in _EXCLUSIVE) else None


def _total_interval(whole: Claim) -> tuple[float, float]:
    """A plain total under a thousand that is broken down is read as exact ("Thirty people
    were injured: …" means 30, not 25–35); larger or qualified totals keep their rounding."""
    if not whole.approximate and whole.low == whole.high and abs(whole.value) < 1000:
        return exact_interval(whole) if whole.number_text[:1].isdigit() else \
            whole_units(whole, (whole.value - 0.5, whole.value + 0.5))
    return claim_interval(whole)


def _part_of(part: Claim, whole: Claim, text: str) -> bool:
    if part.kind != "count" or part.role == "age" or part.is_range:
        return False
    if part.value == whole.value and _POINTER_BEFORE.search(text, max(0, part.start - 12), part.start):
        return False  # "four branches … two of these four branches": the whole again, not a part
    return money.amount(part, text) is None and same_counted(part, whole, text)


_POINTER_BEFORE = re.compile(r"\b(?:these|those|the)\s+$", re.I)


# --- shares of one whole -------------------------------------------------------------------


def _base_phrase(text: str, base: re.Match, end: int) -> str:
    """The whole a share is of: the noun after "of", with the two words after it when they
    restrict it ("patients who previously", "patients with no"), or the plural it modifies
    ("malaria infections", "malaria deaths": two wholes)."""
    noun = base.group(1).lower()
    phrase = _PHRASE.match(text, base.start(1), end)
    if phrase is not None:  # ("the included dawn side crossings", "… dusk side crossings": two wholes)
        words = phrase.group().lower().split()
        head = next((n for n, w in enumerate(words) if _PLURAL.fullmatch(w) and w not in _VERBS_IN_S), None)
        if head is not None and head > 1 and not _RESTRICTING.intersection(words[:head]):
            return " ".join(words[:head + 1])
    after = _TWO_WORDS.match(text, base.end(), end)
    if after is None:
        return noun
    word = after.group(1).lower()
    if word in _RESTRICTING:
        return " ".join(w.lower() for w in (noun, after.group(1), after.group(2) or "") if w)
    if _PLURAL.fullmatch(word) and word not in _VERBS_IN_S:
        return f"{noun} {word}"
    return noun


# The words of a whole, up to five, as far as punctuation.
_PHRASE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,4}")
# A plural noun after the first word of a whole ("malaria deaths"), and verbs that look like one.
_PLURAL = re.compile(r"[a-z]{2,}[^s]s")
_VERBS_IN_S = frozenset("""is was has does says goes thinks wants believes supports backs favours
    favors opposes agrees expects plans needs uses lives works comes makes takes gets""".split())


def _shares(ctx: CheckContext, members: list[int]) -> Iterable[Diagnostic]:
    claims, text = ctx.claims, ctx.text
    runs: list[list[int]] = []
    for k in members:
        c = claims[k]
        if c.kind != "percent" or _LEVEL_AFTER.match(text, c.end):
            if runs and runs[-1]:
                runs.append([])
            continue
        sep = text[claims[runs[-1][-1]].end : c.start] if runs and runs[-1] else ""
        if sep and _LIST_SEP.match(sep) and _COORDINATED.search(sep) and len(sep) <= 80 \
                and not _ALTERNATIVE.search(sep):
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) < 2 or len(run := _from_named_whole(ctx, run)) < 2:
            continue
        shares = [claims[k] for k in run]
        if any(s.is_range or s.high is None or s.low is None or s.value >= 100 for s in shares):
            continue  # a whole share leaves nothing for the others: these are of different wholes
        if len(shares) == 2 and shares[0].number_text == shares[1].number_text:
            continue  # one share said twice ("an index of 66.2%, which indicated that 66.2% of …")
        s_start, s_end = ctx.sentence_span(shares[0].start)
        sentence = text[s_start:s_end]
        if _SHARE_BLOCK.search(sentence):
            continue
        bases = {_base_phrase(text, m, s_end) for s in shares
                 if (m := _OF_BASE.match(text, s.end, min(s_end, s.end + 40)))}
        if len(bases) > 1 or any(
            _OWN_BASE.search(text, claims[run[n - 1]].end, shares[n].start) for n in range(1, len(run))
        ) or (bases and any(_describes(text, s, s_end) for s in shares)):
            continue  # shares of different wholes ("80% of men and 70% of women", "among women 70%",
            # "the district is 53% Democratic …, he received 63.5% of the vote")
        if _STATE_BEFORE.search(text, max(s_start, shares[0].start - 30), shares[0].start) and all(
                (m := _NEXT_WORD.match(text, c.end, s_end)) and m.group(1).lower().endswith("ed") for c in shares):
            continue  # how far along something is, in several ways ("is 94% occupied and 98% leased")
        words = _words_after(ctx, shares, s_end)
        if _same_predicate(words):
            continue  # answers to different questions ("70% support X, and 60% support Y")
        if not bases and not _POLL.search(sentence) and not _answered(words):
            continue  # shares of what? ("86% black, 66% male", "neutropenia 54% and anaemia 51%")
        lo = sum(claim_interval(s)[0] for s in shares)
        if lo <= 100 or math.isclose(lo, 100):
            continue
        total = sum(s.value for s in shares)
        listed = " + ".join(quote(s.text) for s in shares)
        yield Diagnostic(
            code=CODE,
            name=NAME,
            severity=SEVERITY,
            message=(
                f"These shares add up to {_fmt(total)}% ({listed}), more than 100% even allowing "
                f"for rounding: they are listed together in one sentence as shares of one whole, "
                f"so at least one of them is wrong"
            ),
            start=shares[0].start,
            end=shares[-1].end,
            related=tuple(Related(s.start, s.end, f"share: “{quote(s.text)}”") for s in shares),
        )


# A sentence about the answers to one question, whose shares are of one whole without naming it.
_POLL = re.compile(r"\b(?:polls?|polled|surveys?|surveyed|votes?|voters|ballots?|referendum|"
                   r"respondents|electorate)\b", re.I)


def _from_named_whole(ctx: CheckContext, run: list[int]) -> list[int]:
    """The run of shares from the first that names its whole after a turn ("but", "while"),
    when shares before it name none: a writer names the whole with the first share of a list
    ("48% of voters backed it, 39% …"), so one named after a turn starts a list of its own
    ("only 40% were married …, but 59% of the husbands were disabled, 17% …")."""
    claims, text = ctx.claims, ctx.text
    end = ctx.sentence_span(claims[run[0]].start)[1]
    for n, k in enumerate(run):
        if _OF_BASE.match(text, claims[k].end, min(end, claims[k].end + 40)):
            turned = n and _TURNED.search(text, claims[run[n - 1]].end, claims[k].start)
            return run[n:] if turned else run
    return run


_TURNED = re.compile(r"\b(?:" + "|".join((*TURNING_WORDS, "however")) + r")\b", re.I)


def _words_after(ctx: CheckContext, shares: list[Claim], s_end: int) -> list[str]:
    """The first word after each share, past the whole it names ("48% of voters backed"), in
    lower case ("" when another share or the sentence's end comes first)."""
    text = ctx.text
    words = []
    for n, s in enumerate(shares):
        end = shares[n + 1].start if n + 1 < len(shares) else s_end
        at = s.end
        base = _OF_BASE.match(text, at, end)
        if base:
            at = base.end()
        m = _FIRST_WORD.match(text, at, end)
        words.append(m.group(1).lower() if m else "")
    return words


# A list of shares that opens right after "to be" (or "ended the quarter at"), each followed by a
# participle, gives states of the subject ("The building is 94% occupied and 98% leased"): each is
# of the whole subject, and they overlap (what is leased may be occupied). Answers of a poll open
# with their own subject ("62% backed the plan").
_STATE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stands?|stood|ended\s+[\w\s]{0,20}?at)"
    r"(?:\s+(?:now|currently|still|already|about|nearly|almost|roughly|over|more\s+than))*\s+$", re.I)


def _describes(text: str, share: Claim, s_end: int) -> bool:
    """Whether a share with no whole named after it says what something is made of ("the
    district is 53% Democratic", "a town 40% black"): a word right after it that is no verb,
    no "of" and no word that joins it to the rest of a list."""
    if _OF_BASE.match(text, share.end, s_end):
        return False
    m = _NEXT_WORD.match(text, share.end, s_end)
    if m is not None and m.group(1).lower() == "being":  # ("with 97% … being black and 95% being male")
        m = _NEXT_WORD.match(text, m.end(), s_end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in _JOINING and word not in _ANSWER_VERBS and not word.endswith(("ed", "ing"))


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
_JOINING = frozenset("""and or but nor of in on at for to with from by than as while whereas among
    against over under per percent pct points point respectively each apiece overall""".split())


def _answered(words: list[str]) -> bool:
    """Whether a share is followed by a verb (``words``: see :func:`_words_after`), as an answer
    is ("39% opposed it", "15% were undecided"): shares with neither a whole nor an answer ("86%
    black, 66% male", "thrombocytopenia 51%") are rates of different things as often as parts
    of one."""
    return any(w in _ANSWER_VERBS or (len(w) > 3 and w.endswith("ed")) for w in words)


def _same_predicate(words: list[str]) -> bool:
    """Do two shares take the same verb (``words``: see :func:`_words_after`; "70% support
    checks, and 60% support a ban")? Then they answer different questions; answers to one take
    different verbs ("48% backed the plan, 39% opposed it") or a reporting verb or copula with
    the answer after it ("55% said yes, 40% said no", "15% were undecided")."""
    verbs = [w for w in words if w and w not in _ANSWER_VERBS]
    return len(verbs) != len(set(verbs))


def _fmt(x: float) -> str:
    return format_figure(x, "g")
