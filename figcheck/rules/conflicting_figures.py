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

Two figures are taken to be about the same thing only with evidence, read slot by slot from their
sentences (what is counted, the verb, who, when, where, and the figure's role): the strongest is a
near-duplicate sentence with a different figure; then the words around the figures, the same verb,
an explicit restatement ("the same force", "those 42 passengers"), the same noun phrase pointed
back at ("2,300 new jobs" … "the 6,900 new jobs"; "Police arrested 45 people" … "the 54 people
arrested", the earlier figure's own verb naming which ones). A small model trained on real news
(where such pairs are almost never restatements) and on restatements generated from it weighs the
evidence; the rule reports only pairs it is confident about (the JSON output gives the score as
`data.confidence`). The rule is silent when a slot clashes: different names, times (two dates of
one month, "October 20" and "October 24", are two times) or places (a sentence naming none takes
those its paragraph opens with: "In the first quarter, …", "For the full year, …", "In New
Hampshire, …"), males against females, different sources ("2,000 attended, police said" and
"organisers said 5,000": a disagreement reported, not a slip), one figure said to hold now and one
at another time ("at its peak, the camp housed 40,000" and "the camp now houses 12,000"), a
contrast cue ("another", "a smaller group", "the second", "each", "of them"), a comparison ("vs",
"compared with", "a year earlier", "from X to Y"), a table row, a per-share amount against a total,
a part of a larger group ("the two men, along with their trainer, …"; a small group named with
"the" is no pointer back either: "the two ships" after "five ships" are two of them; nor is "the"
after "in" or "across": "in the 50 states" names the whole a thing happens in), or sibling sections
that describe different things: headed alike (a reference's members, "## `buf.readInt32BE()`" and
"## `buf.readInt16BE()`"; a changelog's releases, "## Version 6.13.0" and "## Version 6.12.3"),
numbered ("Hurricane One", "Tropical Cyclone Three") or named for what each describes (a class's
ships, each section opening with its ship's name) or under headings of other years ("Second Boer
War, 1899–1902" and "First World War, 1914–18"), or one heading of a set filled in again for each
record ("Spire whorls" under each species' name), unless a sentence names the other section's
subject. Headings are read in every format; in plain text, a short line standing alone between
blank lines, written as a title. Paragraphs worded alike with other names are siblings too ("The
Infocom trace [33] is based on an experiment …" and "The Sassy trace [44] is based on an experiment
…": their "78 volunteers" and "27 volunteers" are two experiments' volunteers); so are steps of a
sequence ("The same was then centrifuged at 1000 rpm"). It is silent on lists too: one slip gives
two values, however often each is repeated, but three values that all seem to be about one thing
(the calibres of a warship's several guns) or two sentences that differ in two figures ("a range of
9,680 nautical miles at 14 knots", "7,870 nautical miles at 16 knots"; "its 100-day run in 223
centres", "a 175-day run in 3 centres"; "It weighs 19.8 tons." and "It weighs 11.6 tons." after
sentences giving two different heights) describe different things the evidence cannot tell apart.
So do a possessive and a plain count ("14 victims' remains" and "the 23 victims"), a figure that
points back at an earlier one of its own number ("seven of these 15 patients"), two numbers listed
together elsewhere as the values a thing was given in ("THP (3.75, 7.5 and 15 mg/kg)"), figures of
a paragraph that goes through three or more values of what they count ("a sum of two primes", "of
three primes", "of six primes"), a total and a part given with the other count that makes up the
difference ("All 14 mutations were identified, as well as an additional five" and "the 19
mutations"), and figures too far apart for a slip (more than 20 times, and not a power of ten: "148
Huguenots" and "500,000 Huguenots"). Two cases compared stay apart too: a sentence that opens by
setting itself against the paragraph before it ("However, …", "By contrast, …"), and a noun owned
by one name set against the same noun under none, where the document gives that noun to other names
as well ("Marsh's revenue was $7.3 billion", "Mercer's revenue …", "revenue was $9 billion": a
report's segments and its whole).

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
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, groupby
from operator import itemgetter

from .. import units
from ..extract.lexicon import MONTHS, WEEKDAYS
from ..figures import format_span, minus_sign, with_minus
from ..model import Claim, Diagnostic, Related
from . import frame, referent_model
from .claim_readings import reading_ids, shape
from .context import CheckContext, MemoKey
from .conversions import factor_mixup
from .owners import other_owners, owner
from .pair_reuse import held_reuse, pair_verdicts
from .part_whole import claims_in_order
from .referent_model import Judgement
from .words import STOP_WORDS, TURNING_WORDS
from .rounding import BASE_SLACK, claim_interval, disjoint
from .sections import in_parallel_sections, may_part

CODE = "FC201"
NAME = "conflicting-figures"
SEVERITY = "warning"
SUMMARY = "figures about the same thing that cannot all be true"

# Per document: the related-information entry of each conflicting figure (built once).
_RELATED: MemoKey[dict[int, Related]] = MemoKey("FC201.related")
_BY_SENTENCE: MemoKey[dict[int, list[int]]] = MemoKey("FC201.claims_by_sentence")


def check(ctx: CheckContext) -> Iterable[Diagnostic]:
    return _check(ctx, repeats=True)


def reference_check(ctx: CheckContext) -> Iterable[Diagnostic]:
    """``check`` with every diagnostic's message written in full (no wording shared between
    repeats of one shape): what its test holds ``check`` to."""
    return _check(ctx, repeats=False)


def _check(ctx: CheckContext, repeats: bool) -> Iterable[Diagnostic]:
    cut = referent_model.threshold(CODE)
    conflicts: dict[int, list[tuple[int, Judgement]]] = {}
    judged: dict[tuple, Judgement | None] = {}
    seen: set[tuple[int, int]] = set()
    read = _ClaimWordsOnce(ctx)
    shapes: dict[int, tuple] = {}

    def words_id(k: int) -> int | None:
        # (id of a claim's words, kept alive by the document's memo; None in a table row, as
        # in _conflict: no words read)
        return None if read.in_table_row(k) else id(read.of(k))

    def conflict(i: int, j: int) -> Judgement | None:
        return _conflict(ctx, i, j, cut, read)

    def verdict(i: int, j: int) -> Judgement | None:
        # A pair that repeats another's readings, sentence and paragraph sharing and order has
        # its verdict (see claim_readings): dense input repeats a few pairs thousands of times.
        # Named only in a document with a bucket larger than a window, and once the pair's
        # two sentences as read have met before (real prose rarely repeats a pair: naming every
        # pair would cost more than it saves).
        words = (words_id(i), words_id(j))
        if words[0] is None or words[1] is None or in_parallel_sections(ctx, i, j):
            return None  # (parallel sections first: the verdicts below are shared by shape)
        if words not in seen:
            seen.add(words)
            return conflict(i, j)
        (a, sentence_a, paragraph_a) = shapes.get(i) or shapes.setdefault(i, shape(ctx, i))
        (b, sentence_b, paragraph_b) = shapes.get(j) or shapes.setdefault(j, shape(ctx, j))
        key = (a, b, sentence_a == sentence_b, paragraph_a == paragraph_b, j > i)
        if key not in judged:
            judged[key] = conflict(i, j)
        return judged[key]

    dense = any(len(members) > frame.MAX_PARTNERS for members in frame.buckets(ctx).values())
    # (windows are shared by shape, which does not hold where a figure's section stands)
    if dense and repeats and not may_part(ctx) and held_reuse(ctx) is None:
        conflicts = _dense_conflicts(ctx, verdict, words_id)
    else:
        for i, j, judgement in pair_verdicts(ctx, CODE, candidates, verdict if dense else conflict):
            conflicts.setdefault(j, []).append((i, judgement))
    return _diagnostics(ctx, conflicts, _repeated_wording(ctx) if repeats and dense else None)


def _dense_conflicts(ctx: CheckContext, verdict: Callable[[int, int], Judgement | None],
                     words_id: Callable[[int], int | None]) -> dict[int, list[tuple[int, Judgement]]]:
    """Each figure's conflicts with earlier ones, (i, verdict) in the order ``pair_verdicts``
    gives them with no verdicts kept from a previous check (a plain check), each bucket larger
    than a window walked by its shapes of window (:func:`_window_conflicts`)."""
    partners = _partner_finder(ctx)
    conflicts: dict[int, list[tuple[int, Judgement]]] = {}
    for bucket, members in frame.buckets(ctx).items():
        if len(members) > frame.MAX_PARTNERS and \
                _window_conflicts(ctx, members, partners, verdict, words_id, conflicts):
            continue
        for i, j in candidates(ctx, {bucket: members}):
            if (v := verdict(i, j)) is not None:
                conflicts.setdefault(j, []).append((i, v))
    return conflicts


def _diagnostics(ctx: CheckContext, conflicts: dict[int, list[tuple[int, Judgement]]],
                 wording: Wording | None) -> Iterator[Diagnostic]:
    """Each conflicting figure's diagnostic, in order; ``wording``: its messages (None: each
    written in full)."""
    related, claims = ctx.memo(_RELATED, dict), ctx.claims
    conflicts = _without_echoes(ctx, _without_lists(ctx, conflicts))  # (lists: read whole)
    if wording is None:
        def wording(i: int, j: int, judgement: Judgement, count: int) -> tuple[str, str]:
            return _wording(claims[i], claims[j], judgement, count)
    for j in sorted(conflicts):
        yield _diagnostic(ctx, j, conflicts[j], related, wording)


def _without_echoes(ctx: CheckContext, conflicts: dict[int, list[tuple[int, Judgement]]],
                    ) -> dict[int, list[tuple[int, Judgement]]]:
    """The conflicts, less those whose later figure points back with "the" at another figure
    given before it, not in conflict with the earlier one: it is about what that one was about
    ("stumbled across 52 of the missing awards. Three Oscars remain missing." … "the 52 Oscars"
    restates the 52, not the three; "310 dead" … "930 dead" … "the 310 dead" still conflict)."""
    if not conflicts:
        return conflicts
    claims = ctx.claims
    paired = {(i, j) for j, earlier in conflicts.items() for i, _ in earlier}
    alike: dict[tuple, list[int]] = {}  # (each claim's number, kind and unit → the claims, in order)
    for k, c in enumerate(claims):
        alike.setdefault(_reading(c), []).append(k)
    out = {}
    for j, earlier in conflicts.items():
        echoes = _echoes(claims, alike, j)
        kept = [(i, v) for i, v in earlier if not _echoed(echoes, i, paired)]
        if len(kept) < len(earlier) and not _points_back(ctx, j):
            kept = earlier  # (a figure not pointed at with "the" says nothing of which it restates)
        if kept:
            out[j] = kept
    return out


# Names two paragraphs share, at most, as a share of all they name, for them to name different
# things ("San", "Freeway" in two listings of one region's houses); and names each holds, at least.
_SHARED_NAMES = 0.2
_ENTRY_NAMES = 3
# A sentence that opens by setting itself against the one before it.
_SET_AGAINST = re.compile(
    r"[\s\"“(]*(?:However|In contrast|By contrast|Conversely|On the other hand|Unlike)\b")


# A capitalised word that is not a sentence's first ("Upland Hills Drive", "Assisi").
_NAME = re.compile(r"(?<![.!?:\"“(]\s)(?<![.!?:]\s\s)(?<!^)\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_NOT_NAMES = frozenset(MONTHS.split("|")) | frozenset(WEEKDAYS.split("|"))


# The basis a sum is stated on, one alternative a kind: what is left out or allowed for, before
# or after tax, on which accounts. A word after "excluding" names what is left out.
_STATED_ON = re.compile(
    r"\b(?:(?P<without>excluding|excl\.|exclusive\s+of|net\s+of|adjust(?:ed|ing)\s+for)\s+(?:the\s+|all\s+)?(?P<what>[\w-]+)"
    r"|(?P<tax>pre|after|before)[- ]?tax(?:es|ation)?\b"
    r"|\b(?P<basis>(?:non-?)?gaap|pro[- ]forma|like[- ]for[- ]like|constant[- ]currency|(?:seasonally\s+)?(?:un)?adjusted)\b)",
    re.I)


# Where one statement of a sentence ends and another begins ("rose to 14.1 billion, but the
# adjusted surplus fell"): not at a comma alone, which also closes an opening phrase
# ("Excluding relief funds, adjusted EBITDA was …").
_TURNING = "|".join(TURNING_WORDS)
_CLAUSE_BREAK = re.compile(rf";|,?\s+(?:{_TURNING})\s", re.I)
# How far from a figure its bases are read (a run-on "sentence" is read near the figure only).
_BASIS_REACH = 300
# (after a figure, a comma too: "… 89.32 mln dlrs vs nil, Net is after tax …" is another's)
_CLAUSE_BREAK_AFTER = re.compile(rf"[,;(]|\s+(?:{_TURNING})\s", re.I)


def _bases_in(sentence: str) -> frozenset[str]:
    found = set()
    for m in _STATED_ON.finditer(sentence):
        if m.group("without"):
            found.add("without " + m.group("what").lower())
        elif m.group("tax"):
            found.add("tax " + ("after" if m.group("tax").lower() == "after" else "before"))
        else:
            found.add(re.sub(r"[\s-]+", " ", m.group("basis").lower()).replace("non gaap", "nongaap"))
    return frozenset(found)


# A sentence that turns to a new topic, as talks and reports do ("Turning to the balance sheet.",
# "Now let's move on to Slide 7", "Moving to our Clean Energy segment."): what it turns to.
_TURN = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))[ \t]*(?:(?:now|next|so|and|finally|lastly|then|let's|let|me|us|i|we|i'll|we'll|"
    r"i'd|we'd|will|would|can|could|like|want|wish|to),?\s+){0,5}"
    r"(?:turn(?:ing)?|mov(?:e|ing)(?:\s+on)?|switch(?:ing)?|shift(?:ing)?|pivot(?:ing)?)(?:\s+(?:now|back|over))?"
    r"\s+to\s+([^.,;:\n]{1,80})", re.I | re.M)
_TURNS: MemoKey[tuple[list[int], list[frozenset[str]]]] = MemoKey("FC201.turns")


def _turns_in(text: str) -> tuple[list[int], list[frozenset[str]]]:
    """Where each turn to a topic is in ``text``, and the topic (its words but "the", "our" and
    the like), in order."""
    starts, topics = [], []
    if "to " in text:
        for m in _TURN.finditer(text):
            starts.append(m.start())
            topics.append(frozenset(w for w in m.group(1).lower().split() if w not in STOP_WORDS))
    return starts, topics


def _names_in(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().lower() for m in _NAME.finditer(text)) if w not in _NOT_NAMES
                     and w not in STOP_WORDS)


def _reading(c: Claim) -> tuple:
    return (c.value, c.kind, c.unit, c.dimension)


def _points_back(ctx: CheckContext, j: int) -> bool:
    f = frame.claim_frame(ctx, j)
    return f.definite or f.restricted_by is not None


# Echoes of a figure looked at, the nearest first: enough to find one of a dispute, few enough
# that a document repeating one figure thousands of times is read in linear time.
_ECHOES_READ = 8
_ECHOES_SCANNED = 64  # (figures of the same number looked at for them, counting other things or not)


def _echoes(claims: list[Claim], alike: dict[tuple, list[int]], j: int) -> list[int]:
    """The figures nearest before ``j`` (one more than are read) with its number, kind and unit
    that count what it counts or nothing named."""
    b, same = claims[j], alike[_reading(claims[j])]
    found = []
    before = bisect_left(same, j)
    for at in range(before - 1, max(-1, before - 1 - _ECHOES_SCANNED), -1):
        k = same[at]
        counted = claims[k].counted
        if counted is None or b.counted is None or counted == b.counted:
            found.append(k)
            if len(found) > _ECHOES_READ:
                break
    return found


def _echoed(echoes: list[int], i: int, paired: set[tuple[int, int]]) -> bool:
    """Whether echoes other than ``i`` are left, none of them in conflict with ``i`` (else the
    later figure repeats a figure of the dispute)."""
    others = [k for k in echoes if k != i][:_ECHOES_READ]
    return bool(others) and all((min(i, k), max(i, k)) not in paired for k in others)


def _without_lists(ctx: CheckContext, conflicts: dict[int, list[tuple[int, Judgement]]],
                   ) -> dict[int, list[tuple[int, Judgement]]]:
    """The conflicts, less every connected group of them that reads as a list rather than a
    slip. One wrong restatement gives two values ("310 dead" here, "930 dead" there, however
    often each is repeated). A group with three values each pair of which seems to be about one
    thing (a triangle), or with four different values, is a list of things the model cannot
    tell apart (the calibres of a warship's several guns, their rates of fire) or a figure that
    moved over time: when unsure, stay silent. So are two sentences that conflict in two slots
    (see :func:`_two_slots`)."""
    if not conflicts:
        return conflicts  # (nearly every story: nothing to group, no surroundings to read)
    neighbours: dict[int, set[int]] = {}
    for j, earlier in conflicts.items():
        for i, _ in earlier:
            neighbours.setdefault(i, set()).add(j)
            neighbours.setdefault(j, set()).add(i)
    silenced = _two_slots(ctx, conflicts)
    for group in _groups(neighbours):
        if len(group) > 2 and (_has_triangle(group, neighbours) or _values(ctx, group) > 3):
            silenced |= group
    # (pairs whose sentences differ in another figure go last: the groups above, and what the
    # dense walk leaves unjudged on their account, are read from every conflict found)
    around = _Surroundings(ctx)
    return {j: kept for j, earlier in conflicts.items() if j not in silenced and (
        kept := [(i, m) for i, m in earlier if i not in silenced and not around.two_cases(i, j)])}


class _Surroundings:
    """What surrounds each figure in conflict, read once a figure (dense input puts one figure
    in conflict with a dozen others): whether it and another are two cases, whatever their
    words share."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        n = len(ctx.claims)
        self._keys: list[tuple | None] = [None] * n
        self._bases: list[float | None] = [None] * n
        self._mates: list[tuple[list[int], list[int]] | None] = [None] * n
        self._restates: list[bool | None] = [None] * n
        self._pronoun: dict[int, bool] = {}
        self._values_in: dict[int, dict[int, set[tuple]]] = {}  # bucket (its list's id) → paragraph → values
        self._slack = BASE_SLACK + ctx.settings.tolerance
        self._readings = reading_ids(ctx)
        self._apart: dict[tuple[int, int], bool] = {}  # (reading, reading) → the claims alone tell them apart
        self._paragraphs: list[int | None] = [None] * n
        self._crowded: list[bool | None] = [None] * n  # (see _many_values_around)
        self._lists: dict | None = None
        self._names: dict[tuple[int, int], frozenset[str]] = {}  # sentence or paragraph span → its names
        self._bases_at: list[frozenset[str] | None] = [None] * n  # (see _stated_bases)
        self._measures: list[int | None] = [None] * n  # (see _measure_of_head; -1: none)
        self._rows: dict[tuple, tuple[list[int], dict[int, int]]] = {}  # (see _row)
        self._turns: tuple[list[int], list[frozenset[str]]] | None = None  # (see _other_topics)

    def two_cases(self, i: int, j: int) -> bool:
        return (self._apart_as_written(i, j)
                or self._points_elsewhere(i, j) or self._points_elsewhere(j, i)
                or self._listed_together(i, j)
                or self._many_values_around(i, j) or self._differ_elsewhere(i, j)
                or self._total_of_parts(i, j) or self._entries_apart(i, j)
                or self._crossed_slots(i, j) or self._measured_apart(i, j)
                or self._bases_apart(i, j) or self._other_topics(i, j)
                or self._pronouns_apart(i, j) or self._owners_apart(i, j)
                or self._set_against(i, j))

    def _set_against(self, i: int, j: int) -> bool:
        """Whether the later figure's sentence opens by setting itself against what comes before
        it in the paragraph that holds both ("In the case of the analysis based on 9 elements,
        … However, in the case of the analysis based on 21 elements, …"; "By contrast, …"): two
        cases compared, not one figure restated."""
        ctx = self.ctx
        a, b = sorted((ctx.claims[i].start, ctx.claims[j].start))
        if ctx.paragraph_of(a) != ctx.paragraph_of(b):
            return False
        start, _ = ctx.sentence_span(b)
        return start > a and _SET_AGAINST.match(ctx.text, start) is not None

    def _owners_apart(self, i: int, j: int) -> bool:
        """Whether one figure is of a noun a name owns ("Marsh's revenue was $7.3 billion") and
        the other of the same noun under no name ("revenue was $9 billion"), in a document that
        gives the noun to other owners too ("Mercer's revenue"): a segment and the whole (see
        :mod:`.owners`). The bare figure is the owner's when its sentence names it."""
        ctx = self.ctx
        fa, fb = frame.claim_frame(ctx, i), frame.claim_frame(ctx, j)
        if not (fa.head and fb.head and fa.head[0] == fb.head[0]):
            return False
        a, b = owner(fa), owner(fb)
        if (a is None) == (b is None):
            return False
        name, bare = (a, fb) if a is not None else (b, fa)
        if any(w.lower().startswith(name) for w in bare.raw):
            return False
        return other_owners(ctx, fa.head[0], name)

    def _pronouns_apart(self, i: int, j: int) -> bool:
        """Whether both sentences open with a pronoun ("It is 119 light years away.", "It lies
        771 light years away.") after sentences that open with different names ("HD 73256 is a
        yellow star …", "AK Pyxidis is a red giant …"): each is about its own."""
        if not (self.opens_with_pronoun(i) and self.opens_with_pronoun(j)):
            return False
        a, b = _subject_before(self.ctx, i), _subject_before(self.ctx, j)
        return bool(a and b and a != b)

    def _entries_apart(self, i: int, j: int) -> bool:
        """Whether two sums lie in sentences that name nothing, in paragraphs that name
        different things: entries of a listing ("The monthly association fee is $155" under one
        housing development's address, "… is $181" under another's; "About $25 per person" for
        a guest house in one country, "$11 per person" in another), not one figure restated."""
        ctx = self.ctx
        if ctx.claims[i].kind != "money" or ctx.claims[j].kind != "money":
            return False
        a, b = ctx.claims[i].start, ctx.claims[j].start
        if ctx.paragraph_of(a) == ctx.paragraph_of(b) or self._names_in(ctx.sentence_span(a)) \
                or self._names_in(ctx.sentence_span(b)):
            return False
        na, nb = self._names_in(ctx.paragraph_span(a)), self._names_in(ctx.paragraph_span(b))
        if len(na) < _ENTRY_NAMES or len(nb) < _ENTRY_NAMES:
            return False
        return len(na & nb) <= _SHARED_NAMES * len(na | nb)

    def _names_in(self, span: tuple[int, int]) -> frozenset[str]:
        found = self._names.get(span)
        if found is None:
            found = self._names[span] = _names_in(self.ctx.text[span[0]:span[1]])
        return found

    def _listed_together(self, i: int, j: int) -> bool:
        lists = self._lists
        if lists is None:
            ctx = self.ctx
            lists = self._lists = ctx.memo(_LISTS, lambda: _lists_by_number(ctx))
        return bool(lists) and _listed_together(self.ctx, i, j, self.key(i), self.key(j))

    def paragraph(self, k: int) -> int:
        found = self._paragraphs[k]
        if found is None:
            found = self._paragraphs[k] = self.ctx.paragraph_of(self.ctx.claims[k].start)
        return found

    def _apart_as_written(self, i: int, j: int) -> bool:
        """Whether the two claims as written are two cases (a possessive, numbers too far apart):
        read once for each pair of readings (dense input repeats a few pairs of them)."""
        key = (self._readings[i], self._readings[j])
        found = self._apart.get(key)
        if found is None:
            claims = self.ctx.claims
            found = self._apart[key] = _one_possessive(claims[i], claims[j]) or self._too_far_apart(i, j)
        return found

    def _many_values_around(self, i: int, j: int) -> bool:
        """Whether figures ``i`` and ``j`` share a paragraph that gives three or more values of
        what they count or measure ("a sum of two primes", "of three primes", "of six primes"):
        a paragraph going through cases, not one figure restated."""
        if self.paragraph(i) != self.paragraph(j):
            return False
        crowded = self._crowded[i]
        if crowded is None:
            crowded = self._crowded[i] = self._values_in_paragraph(i) >= 3
        return crowded

    def _values_in_paragraph(self, k: int) -> int:
        """How many values of what figure ``k`` counts or measures its paragraph gives."""
        ctx = self.ctx
        members = ctx.memo(_BUCKET_OF, lambda: _bucket_of(ctx)).get(k)
        if members is None:
            return 0
        by_paragraph = self._values_in.get(id(members))
        if by_paragraph is None:  # (the values of a bucket, paragraph by paragraph: read once)
            by_paragraph = self._values_in[id(members)] = {}
            for m in members:
                by_paragraph.setdefault(self.paragraph(m), set()).add(self.key(m))
        return len(by_paragraph.get(self.paragraph(k), ()))

    def key(self, k: int) -> tuple:
        found = self._keys[k]
        if found is None:
            found = self._keys[k] = _number_key(self.ctx.claims[k])
        return found

    def base(self, k: int) -> float:
        """Claim ``k``'s number on its kind's base (quantities in base units)."""
        found = self._bases[k]
        if found is None:
            c = self.ctx.claims[k]
            try:
                found = units.to_base(c.value, c.unit) if c.kind == "quantity" and c.unit else \
                    (c.value * (money[1] if (money := frame.money_base(c)) else 1.0))
            except Exception:  # (a unit pint cannot relate)
                found = math.nan
            self._bases[k] = found
        return found

    def mates(self, k: int) -> tuple[list[int], list[int]]:
        """The other figures of claim ``k``'s sentence: before it and after it."""
        found = self._mates[k]
        if found is None:
            found = self._mates[k] = _sentence_mates(self.ctx, k)
        return found

    def _differ_elsewhere(self, i: int, j: int) -> bool:
        """Whether the sentences of figures ``i`` and ``j`` also differ in another figure, in
        the same place on both sides ("its 100-day run in 223 centres" and "a 175-day run in 3
        centres"): the second figure tells two cases apart (another run, another year, another
        model), where a restatement gone wrong changes one figure and keeps the rest. Two
        sentences that open with a pronoun ("It weighs 19.8 tons.", "It weighs 11.6 tons.") are
        about what the sentences before them are about: those sentences' figures count too."""
        ctx, claims = self.ctx, self.ctx.claims
        (before_i, after_i), (before_j, after_j) = self.mates(i), self.mates(j)
        if self.opens_with_pronoun(i) and self.opens_with_pronoun(j):
            before_i, before_j = _figures_before(ctx, i) + before_i, _figures_before(ctx, j) + before_j
        if not (before_i and before_j) and not (after_i and after_j):
            return False  # (no counterparts: most figures are the only one of their sentence)
        # counterparts: the n-th figure before (or after) one figure with the n-th of the other
        for a, b in chain(zip(reversed(before_i), reversed(before_j)), zip(after_i, after_j)):
            ca, cb = claims[a], claims[b]
            if ca.kind == cb.kind and ca.dimension == cb.dimension and not _same_figure(ca, cb, self._slack):
                return True
        return False

    def _other_topics(self, i: int, j: int) -> bool:
        """Whether a turn to a new topic ("Turning to the balance sheet.", "Moving to our Clean
        Energy segment.") stands between the two figures and names another than the one the
        first is under: a talk's or a report's parts, each its own figures."""
        turns = self._turns
        if turns is None:
            turns = self._turns = self.ctx.memo(_TURNS, lambda: _turns_in(self.ctx.text))
        if not turns[0]:
            return False  # (nearly every story: no turn at all)
        starts, topics = turns
        a, b = self.ctx.claims[i].start, self.ctx.claims[j].start
        ta, tb = bisect_left(starts, a), bisect_left(starts, b)
        if ta == tb:
            return False
        if not ta or not tb:
            return True  # (one figure before any turn: the talk's opening, not that topic)
        x, y = topics[ta - 1], topics[tb - 1]
        return not (x <= y or y <= x)  # ("the Marine segment" and "the Marine segment again")

    def _bases_apart(self, i: int, j: int) -> bool:
        """Whether the two figures are stated on different bases ("Excluding relief
        funds, adjusted EBITDA was $463 million" / "Adjusted EBITDA was $482 million";
        "pre-tax" / "after tax"; "on a GAAP basis" / "on an adjusted basis"): two measures of
        one thing, not one figure restated."""
        return self._stated_bases(i) != self._stated_bases(j)

    def _stated_bases(self, k: int) -> frozenset[str]:
        """The bases stated in figure ``k``'s part of its sentence: from the last clause break
        before it (not a comma, which also closes an opening "Excluding relief funds,") to the
        first one after it, a comma too ("the adjusted surplus fell to 7.4 billion" after "but",
        "…, Net is after tax 22.09 mln" after a comma, are other figures')."""
        found = self._bases_at[k]
        if found is not None:
            return found
        c = self.ctx.claims[k]
        start, end = self.ctx.sentence_span(c.start)
        start, end = max(start, c.start - _BASIS_REACH), min(end, c.end + _BASIS_REACH)
        text = self.ctx.text
        before = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, c.start)]
        after = _CLAUSE_BREAK_AFTER.search(text, c.end, end)
        part = text[before[-1] if before else start : after.start() if after else end]
        found = self._bases_at[k] = _bases_in(part)
        return found

    def _measured_apart(self, i: int, j: int) -> bool:
        """Whether a measure qualifies the noun one figure is the value of and not the other's
        ("The five-day course fee is $150" against "The fee is $50"), or another measure does:
        the figure of a kind of the thing ("five-day course"), not the thing."""
        a, b = self._measure_of_head(i), self._measure_of_head(j)
        if a is None and b is None:
            return False
        if a is None or b is None:
            return True
        return not _same_figure(self.ctx.claims[a], self.ctx.claims[b], self._slack)

    def _measure_of_head(self, k: int) -> int | None:
        """The claim of a measure written as a modifier ("five-day", "30-year") right before
        the noun figure ``k`` is the value of, else None."""
        found = self._measures[k]
        if found is None:
            found = self._measures[k] = self._read_measure_of_head(k)
        return found if found >= 0 else None

    def _read_measure_of_head(self, k: int) -> int:
        at = frame.figure_before_head(frame.claim_frame(self.ctx, k))
        if at is None:
            return -1
        row = _sentence_claims(self.ctx, k)
        if at >= len(row):
            return -1
        m = self.ctx.claims[row[at]]
        end = m.text.find(m.number_text) + len(m.number_text)
        written = m.text[end : end + 1]
        return row[at] if m.kind == "quantity" and m.role != "age" and written in ("-", "\u2011") else -1

    def _crossed_slots(self, i: int, j: int) -> bool:
        """Whether the two figures stand in different places among their sentences' figures of
        their kind, and the other sentence's figure at one's place is the same number as
        written: each has its own counterpart, which agrees ("Tickets are $8; $5 for museum
        members" … "Tickets are $10; $5 for museum members": the second $5 restates the first,
        not the $8). A restatement gone wrong keeps its figure's place ("killed 5 and injured
        10" … "killed 10": both first, still a conflict)."""
        claims = self.ctx.claims
        (row_i, p), (row_j, q) = self._row(i), self._row(j)

        def same(a: int, b: int) -> bool:  # (as written: "some 36" is not a counterpart of 33)
            return _reading(claims[a]) == _reading(claims[b]) and not claims[a].is_range

        return p != q and ((q < len(row_i) and same(row_i[q], j)) or (p < len(row_j) and same(row_j[p], i)))

    def _row(self, k: int) -> tuple[list[int], int]:
        """The figures of claim ``k``'s sentence of its kind and dimension, ``k`` among them, in
        order, and where ``k`` is in them (listed once a sentence and kind, not once a figure:
        a long sentence holds many)."""
        claims, c = self.ctx.claims, self.ctx.claims[k]
        key = (self.ctx.sentence_of(c.start), c.kind, c.dimension)
        found = self._rows.get(key)
        if found is None:
            row = [m for m in _sentence_claims(self.ctx, k)
                   if claims[m].kind == c.kind and claims[m].dimension == c.dimension]
            found = self._rows[key] = (row, {m: n for n, m in enumerate(row)})
        return found[0], found[1][k]

    def _total_of_parts(self, i: int, j: int) -> bool:
        """Whether the smaller of two counts is given with another count of the same thing that
        makes up the difference ("All 14 mutations were identified, as well as an additional
        five" … "the 19 mutations"): the larger is their total. Not when the larger's sentence
        gives that other count too ("killed 5 and injured 10" … "killed 15 and injured 10": one
        sentence restated with a figure changed)."""
        claims = self.ctx.claims
        a, b = claims[i], claims[j]
        if a.kind != "count" or b.kind != "count" or a.counted != b.counted:
            return False
        small, large = (i, j) if a.value < b.value else (j, i)
        difference = abs(a.value - b.value)

        def gives_it(k: int) -> bool:
            c = claims[k]
            return c.kind == "count" and c.counted == a.counted and c.value == difference

        return any(map(gives_it, chain(*self.mates(small)))) \
            and not any(map(gives_it, chain(*self.mates(large))))

    def opens_with_pronoun(self, k: int) -> bool:
        sentence = self.ctx.sentence_of(self.ctx.claims[k].start)
        found = self._pronoun.get(sentence)
        if found is None:
            found = self._pronoun[sentence] = _opens_with_pronoun(self.ctx, k)
        return found

    def _too_far_apart(self, i: int, j: int) -> bool:
        """Whether two figures are too far apart for one to be the other slipped: "148
        Huguenots" (a village's) and "500,000 Huguenots" (a country's), "the three richest
        people" and "the 85 richest people" are different groups."""
        va, vb = self.base(i), self.base(j)
        if not (va > 0 and vb > 0) or math.isinf(va) or math.isinf(vb):
            return False
        ratio = max(va, vb) / min(va, vb)
        if ratio <= _SLIP_RATIO or _digits_within(self.ctx.claims[i], self.ctx.claims[j]):
            return False
        return abs(ratio / 10 ** round(math.log10(ratio)) - 1) > _POWER_OF_TEN_SLACK

    def _restates_one(self, k: int) -> bool:
        """Whether figure ``k`` has a cue that it restates one given before ("these", "the same")."""
        restates = self._restates[k]
        if restates is None:
            restates = self._restates[k] = bool(frame.claim_words(self.ctx, k).restate)
        return restates

    def _points_elsewhere(self, k: int, other: int) -> bool:
        """Whether figure ``k`` points back ("these 15 patients", "the same force of 300") at
        an earlier figure of its own number: that is the figure it restates, not ``other``. (A
        later figure that points back itself may still restate ``k``: "… these 18 branches"
        then "most of the 54 branches" or "these 54 branches".)"""
        ctx = self.ctx
        if ctx.claims[other].start > ctx.claims[k].start and (
                _points_back(ctx, other) or self._restates_one(other)):
            return False
        if not self._restates_one(k):
            return False
        claims, start = ctx.claims, ctx.claims[k].start
        for m in ctx.memo(_BY_NUMBER, lambda: _by_number(ctx))[self.key(k)]:
            if claims[m].start >= start:
                return False  # (in order: no earlier one left)
            if m != other:
                return True
        return False


# How far apart two figures may be and still be one slipped: a typo or an edit changes a digit or
# two (a factor under this), or a power of ten (a zero or a scale word lost or added).
_SLIP_RATIO = 20
_POWER_OF_TEN_SLACK = 0.15


def _digits_within(a: Claim, b: Claim) -> bool:
    """Whether the digits of one figure are written within the other's ("3" in "223"): digits
    lost to a typo."""
    da, db = (re.sub(r"\D", "", c.number_text.split(".")[0]) for c in (a, b))
    return bool(da and db) and (da in db or db in da)


def _listed_together(ctx: CheckContext, i: int, j: int, key_i: tuple, key_j: tuple) -> bool:
    """Whether the numbers of figures ``i`` and ``j`` (their :func:`_number_key` given) are
    items of one list in a third sentence of the document ("THP (3.75, 7.5 and 15 mg/kg)"): the
    values a thing was given in, each of which a later sentence may name, not one figure
    restated two ways."""
    claims = ctx.claims
    lists = ctx.memo(_LISTS, lambda: _lists_by_number(ctx))
    found_a, found_b = lists.get(key_i), lists.get(key_j)
    if not found_a or not found_b:
        return False
    own = {ctx.sentence_of(claims[i].start), ctx.sentence_of(claims[j].start)}
    return any(sentence not in own for sentence, _ in found_a & found_b)


def _number_key(c: Claim) -> tuple:
    """What figures written with the same number share: kind, unit, and the number on its base
    to three significant digits ("31" and "31 people"; "3.6 mln" and "3,600,000")."""
    money = frame.money_base(c)
    value = c.value * money[1] if money else c.value
    return c.kind, c.unit, money[0] if money else None, float(f"{value:.3g}")


def _by_number(ctx: CheckContext) -> dict[tuple, list[int]]:
    """The document's figures by :func:`_number_key`, each list in order of start."""
    found: dict[tuple, list[int]] = {}
    for k in claims_in_order(ctx):
        found.setdefault(_number_key(ctx.claims[k]), []).append(k)
    return found


def _lists_by_number(ctx: CheckContext) -> dict[tuple, set[tuple[int, int]]]:
    """For each number (:func:`_number_key`), the lists that hold it: (sentence, first item) of
    each run of two or more figures joined by commas, "and" or "or"."""
    claims, text = ctx.claims, ctx.text
    found: dict[tuple, set[tuple[int, int]]] = {}
    for sentence, mates in ctx.memo(_BY_SENTENCE, lambda: _by_sentence(ctx)).items():
        run = mates[:1]
        for m in [*mates[1:], None]:
            if m is not None and _LIST_JOIN.match(text, claims[run[-1]].end, claims[m].start):
                run.append(m)
                continue
            if len(run) > 1:
                for n in run:
                    found.setdefault(_number_key(claims[n]), set()).add((sentence, run[0]))
            run = [m] if m is not None else []
    return found


def _bucket_of(ctx: CheckContext) -> dict[int, list[int]]:
    """Each claim's bucket (:func:`frame.buckets`): the figures it may be paired with."""
    return {k: members for members in frame.buckets(ctx).values() for k in members}


_BUCKET_OF: MemoKey[dict[int, list[int]]] = MemoKey("FC201.bucket_of")
_BY_NUMBER: MemoKey[dict[tuple, list[int]]] = MemoKey("FC201.claims_by_number")
_LISTS: MemoKey[dict[tuple, set[tuple[int, int]]]] = MemoKey("FC201.lists_by_number")
# Between two items of one list: a comma, "and" or "or" ("3.75, 7.5 and 15 mg/kg").
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)\Z")


def _same_figure(a: Claim, b: Claim, slack: float) -> bool:
    """Whether two figures of one kind may be the same (quantities compared in one unit: "5 km"
    and "5,000 m" are)."""
    iv = _shown_interval(a, b)
    return iv is None or not disjoint(iv, _shown_interval(b, b), slack)


# A sentence that opens with a pronoun takes its subject from the sentence before it.
_PRONOUN_OPENING = frozenset("it its that this these those they their he his she her".split())


def _opens_with_pronoun(ctx: CheckContext, k: int) -> bool:
    start, end = ctx.sentence_span(ctx.claims[k].start)
    first = ctx.text[start:min(end, start + 12)].lstrip(" \t\n\"'“‘(").split(maxsplit=1)
    return bool(first) and first[0].lower() in _PRONOUN_OPENING


def _subject_before(ctx: CheckContext, k: int) -> str | None:
    """The name the sentence before claim ``k``'s (in its paragraph) opens with, in lower case:
    its first words when capitalised or numbered, after "The" ("HD 73256 is …" → "hd 73256",
    "The Sassy trace …" → "sassy")."""
    before = _sentence_before(ctx, k)
    if before is None:
        return None
    name = _OPENING_NAME.match(ctx.text, ctx.sentence_span(before)[0])
    if name is None or (first := name.group(1).lower()) in STOP_WORDS or first in _PRONOUN_OPENING:
        return None
    return " ".join(ctx.text[name.start(1):name.end()].split()).lower()


# A sentence's opening name: capitalised words or numbers, up to three, after "The".
_OPENING_NAME = re.compile(r"[\s\"'“‘(]*(?:The\s+)?([A-Z][\w’'-]*)(?:\s+(?:[A-Z][\w’'-]*|\d[\w-]*)){0,2}")


def _figures_before(ctx: CheckContext, k: int) -> list[int]:
    """The figures of the sentence before claim ``k``'s, in the same paragraph."""
    before = _sentence_before(ctx, k)
    if before is None:
        return []
    return ctx.memo(_BY_SENTENCE, lambda: _by_sentence(ctx)).get(ctx.sentence_of(before), [])


def _sentence_before(ctx: CheckContext, k: int) -> int | None:
    """An offset in the sentence before claim ``k``'s when it is in the same paragraph (the
    sentence a pronoun opening claim ``k``'s refers to), else None."""
    start = ctx.sentence_of(ctx.claims[k].start)
    if start == 0 or ctx.paragraph_of(start - 1) != ctx.paragraph_of(start):
        return None
    return start - 1


def _one_possessive(a: Claim, b: Claim) -> bool:
    """Whether one of two counts is a possessive ("14 victims' remains still lie in the
    morgue"): it counts the owners of what the sentence is about, not the thing the other
    counts."""
    return a.kind == b.kind == "count" and a.text.endswith(("'", "’")) != b.text.endswith(("'", "’"))


def _sentence_mates(ctx: CheckContext, k: int) -> tuple[list[int], list[int]]:
    """The indices of the other figures of claim ``k``'s sentence, in order: those before it,
    those after it."""
    mates = _sentence_claims(ctx, k)
    at = mates.index(k)
    return mates[:at], mates[at + 1:]


def _sentence_claims(ctx: CheckContext, k: int) -> list[int]:
    """The indices of the figures of claim ``k``'s sentence, ``k`` among them, in order."""
    return ctx.memo(_BY_SENTENCE, lambda: _by_sentence(ctx))[ctx.sentence_of(ctx.claims[k].start)]


def _by_sentence(ctx: CheckContext) -> dict[int, list[int]]:
    """Each sentence's claims, in order of start (built once a document, when a conflict is
    found: claims given to a check need not come in order)."""
    found: dict[int, list[int]] = {}
    for k in claims_in_order(ctx):
        found.setdefault(ctx.sentence_of(ctx.claims[k].start), []).append(k)
    return found


def _groups(neighbours: dict[int, set[int]]) -> Iterator[set[int]]:
    """The connected groups of figures in conflict."""
    seen: set[int] = set()
    for start in neighbours:
        if start in seen:
            continue
        group, stack = {start}, [start]
        while stack:
            for b in neighbours[stack.pop()] - group:
                group.add(b)
                stack.append(b)
        seen |= group
        yield group


def _has_triangle(group: set[int], neighbours: dict[int, set[int]]) -> bool:
    return not all(neighbours[a].isdisjoint(neighbours[b]) for a in group for b in neighbours[a])


def _values(ctx: CheckContext, group: Iterable[int], first: int | None = None) -> int:
    """How many different values the group holds, at most: its figures' intervals, each once,
    counted as one while they overlap (compared in the unit of the group's first figure, or of
    figure ``first``)."""
    claims = ctx.claims
    unit = claims[min(group) if first is None else first].unit
    intervals = sorted({iv for k in group if (iv := frame.base_interval(claims[k]) if claims[k].kind != "quantity"
                                              else _interval_in(claims[k], unit)) is not None})
    slack = BASE_SLACK + ctx.settings.tolerance
    values, last = 0, None
    for iv in intervals:
        if last is None or disjoint(last, iv, slack):
            values, last = values + 1, iv
    return values


class _ListWatch:
    """The groups of conflicts of one bucket as they are found, and which of them
    :func:`_without_lists` will silence whatever is found later (a triangle, or more than three
    values, only grow as conflicts are added): a pair of two figures both already silenced, each
    the only figure of its sentence (so no two-slot reading can hang on it), cannot change the
    result, and is not judged. Dense input that repeats one sentence with a new figure each time
    (a generated report) would otherwise have every pair of every window judged in full."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.root: dict[int, int] = {}
        self.groups: dict[int, tuple[int, dict[int, int]]] = {}  # root: (first figure, reading: figure)
        self.silent: set[int] = set()  # roots of groups that will be silenced
        self.neighbours: dict[int, set[int]] = {}

    def _find(self, k: int) -> int:
        root = self.root
        while root.get(k, k) != k:
            root[k] = k = root[root[k]]  # (halving the path: finds stay short in one big group)
        return k

    def silenced(self, k: int) -> bool:
        return k in self.root and self._find(k) in self.silent

    def add(self, i: int, j: int) -> None:
        """A conflict found between figures ``i`` and ``j``."""
        near_i, near_j = self.neighbours.setdefault(i, set()), self.neighbours.setdefault(j, set())
        triangle = bool(near_i & near_j)
        near_i.add(j)
        near_j.add(i)
        readings = reading_ids(self.ctx)
        for k in (i, j):
            if k not in self.root:
                self.root[k] = k
                self.groups[k] = (k, {readings[k]: k})
        a, b = self._find(i), self._find(j)
        if a != b:
            (first_a, seen_a), (first_b, seen_b) = self.groups.pop(a), self.groups.pop(b)
            # a's readings win over b's; the smaller dict is poured into the larger (one group
            # that grows by a figure at a time is not copied at each step)
            grown = len(seen_b) > len(seen_a) or not seen_b.keys() <= seen_a.keys()
            if len(seen_a) >= len(seen_b):
                for reading, k in seen_b.items():
                    seen_a.setdefault(reading, k)
                merged = seen_a
            else:
                seen_b.update(seen_a)
                merged = seen_b
            self.root[b] = a
            self.groups[a] = (min(first_a, first_b), merged)
            if b in self.silent:
                self.silent.add(a)
        else:
            grown = False
        first, seen = self.groups[a]
        if a not in self.silent and (triangle or grown and _values(self.ctx, seen.values(), first) > 3):
            self.silent.add(a)


def _two_slots(ctx: CheckContext, conflicts: dict[int, list[tuple[int, Judgement]]]) -> set[int]:
    """The figures of two sentences that conflict in two slots, in order ("a range of 9,680
    nautical miles at 14 knots" and "a range of 7,870 nautical miles at 16 knots"): a
    restatement gone wrong changes one figure; two sentences that differ in two are two cases
    (another speed, another year, another model)."""
    involved = set(conflicts)
    for earlier in conflicts.values():
        involved.update(map(itemgetter(0), earlier))
    # (a figure in conflict with a dozen others: its sentence looked up once)
    sentence = {k: ctx.sentence_of(ctx.claims[k].start) for k in involved}
    figures_in = Counter(sentence.values())
    # Two pairs share both sentences only where one of the two holds two figures in conflict:
    # the pairs of two sentences of one such figure each are left out (most of dense input's).
    by_sentences: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for j, earlier in conflicts.items():
        sentence_j = sentence[j]
        alone = figures_in[sentence_j] == 1
        for i, _ in earlier:
            sentence_i = sentence[i]
            if not alone or figures_in[sentence_i] > 1:
                by_sentences.setdefault((sentence_i, sentence_j), []).append((i, j))
    found: set[int] = set()
    for pairs in by_sentences.values():
        if len(pairs) > 1:
            found.update(k for pair in _aligned(pairs) for k in pair)
    return found


def _aligned(pairs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The pairs (i, j) with another pair in the same order on both sides (i' < i and j' < j, or
    i' > i and j' > j): two slots of two sentences, each paired with its counterpart. One sort,
    then the smallest j before each i and the largest after it (dense input can pair two long
    sentences many times over)."""
    groups = [(i, [j for _, j in grp]) for i, grp in groupby(sorted(pairs), key=itemgetter(0))]
    lowest_before, lowest = [], math.inf
    for _, js in groups:
        lowest_before.append(lowest)
        lowest = min(lowest, *js)
    highest_after, highest = [0.0] * len(groups), -math.inf
    for g in range(len(groups) - 1, -1, -1):
        highest_after[g] = highest
        highest = max(highest, *groups[g][1])
    for g, (i, js) in enumerate(groups):
        yield from ((i, j) for j in js if lowest_before[g] < j or highest_after[g] > j)


class _ClaimWordsOnce:
    """Whether each claim's sentence is a table row (which vetoes its pairs, as the sketches
    would read it: no words read) and each claim's words, looked up once a check in lists by
    claim (a candidate pair would otherwise ask the document's memo four times)."""

    __slots__ = ("ctx", "rows", "words")

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.rows: list[bool | None] = [None] * len(ctx.claims)
        self.words: list[frame.ClaimWords | None] = [None] * len(ctx.claims)

    def in_table_row(self, k: int) -> bool:
        row = self.rows[k]
        if row is None:
            row = self.rows[k] = frame.in_table_row(self.ctx, k)
        return row

    def of(self, k: int) -> frame.ClaimWords:
        found = self.words[k]
        if found is None:
            found = self.words[k] = frame.claim_words(self.ctx, k)
        return found

    def pair(self, i: int, j: int) -> tuple[frame.ClaimWords, frame.ClaimWords] | None:
        """The words of claims ``i`` and ``j``, None when either is in a table row (read from
        the lists here once known: a call less a claim)."""
        rows, words = self.rows, self.words
        if (rows[i] if rows[i] is not None else self.in_table_row(i)) or \
                (rows[j] if rows[j] is not None else self.in_table_row(j)):
            return None
        return words[i] or self.of(i), words[j] or self.of(j)


def _conflict(ctx: CheckContext, i: int, j: int, cut: float,
              words: _ClaimWordsOnce) -> Judgement | None:
    """The judgement that claims ``i`` and ``j`` (a candidate pair) conflict, else None."""
    pair = words.pair(i, j)
    if pair is None:
        return None  # a table row vetoes the pair
    wi, wj = pair
    if not referent_model.may_reach_by_words(wi, wj, j > i, CODE):
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
    partners = _partner_finder(ctx)
    for members in (frame.buckets(ctx) if buckets is None else buckets).values():
        if len(members) < 2:
            continue
        sentences = frame.sentence_spans(ctx, members)
        readings = reading_ids(ctx) if len(members) > frame.MAX_PARTNERS else None
        for n, j in enumerate(members):
            for m in partners(members, sentences, n, readings):
                yield members[m], j


Partners = Callable[[list[int], list[tuple[int, int]], int, "list[int] | None"], list[int]]


def _partner_finder(ctx: CheckContext) -> Partners:
    """``partners(members, sentences, n, readings)``: the places in a bucket's ``members`` (of
    ``sentences``) of the earlier figures in member ``n``'s window that make a candidate pair with
    it (the pairs of frame.candidate_pairs(), each member's sentence looked up once). Given the
    claims' ``readings`` (a bucket larger than a window: dense input, where readings recur), each
    pair of readings is tested once (the tests read the two claims only)."""
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

    # (a bucket within a window: intervals rarely recur; a partial is called without a frame)
    cannot_both_hold_once = partial(disjoint, rel=slack)

    def partners(members: list[int], sentences: list[tuple[int, int]], n: int,
                 readings: list[int] | None) -> list[int]:
        j = members[n]
        b, sentence_j = claims[j], sentences[n]
        found_at = []
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
                found_at.append(m)
        return found_at

    return partners


def _window_conflicts(ctx: CheckContext, members: list[int], partners: Partners,
                      verdict: Callable[[int, int], Judgement | None],
                      words_id: Callable[[int], int | None],
                      conflicts: dict[int, list[tuple[int, Judgement]]]) -> bool:
    """Put in ``conflicts`` the (i, verdict) of each member of a bucket larger than a window that
    :func:`candidates` and ``verdict`` give, each found once for each shape of window and moved
    to the windows that repeat it (dense input: one sentence over and over). A figure's partners
    depend only on the readings of its window's figures and on which share its sentence; their
    verdicts, on the readings and words of the two (see claim_readings) and on whether they
    share a paragraph (words are read only for partners: a long sentence's cost a figure). Once
    its windows are seen not to repeat, the rest of the bucket is walked pair by pair. False
    (nothing put) when the members' sentences are not in order (which share a member's sentence
    would not be a run of its window)."""
    sentences = frame.sentence_spans(ctx, members)
    claims, readings = ctx.claims, reading_ids(ctx)
    sentence_from = _run_starts(sentences)
    paragraph_from = _run_starts([ctx.paragraph_of(claims[k].start) for k in members])
    if sentence_from is None or paragraph_from is None:
        return False
    read = [readings[k] for k in members]
    ids: dict[tuple, int] = {}
    names = [-1] * len(members)  # (a member's reading and words, named when first a partner)
    partnered: dict[tuple, tuple[int, ...]] = {}
    known: dict[tuple, list[tuple[int, Judgement]]] = {}
    reach = frame.MAX_PARTNERS
    sharing = True
    watch, alone = _ListWatch(ctx), _alone_in_sentence(ctx, members, sentences)
    for n, j in enumerate(members):
        if n == 3 * reach and n - len(partnered) < reach:
            sharing = False  # (windows that rarely repeat, as in prose: naming them costs more)
        if not sharing:
            pairs = []
            for m in partners(members, sentences, n, readings):
                i = members[m]
                if watch.silenced(j) and watch.silenced(i) and alone(m) and alone(n):
                    continue  # (silenced whatever its verdict: see _ListWatch)
                if (v := verdict(i, j)) is not None:
                    pairs.append((m, v))
                    watch.add(i, j)
            if pairs:
                conflicts[j] = [(members[m], v) for m, v in pairs]
            continue
        lo = n - reach if n > reach else 0
        key = (tuple(read[lo : n + 1]), max(sentence_from[n], lo) - lo)
        shifts = partnered.get(key)
        if shifts is None:
            shifts = partnered[key] = tuple([m - n for m in partners(members, sentences, n, readings)])
        if not shifts:
            continue
        for p in (n, *[n + shift for shift in shifts]):
            if names[p] < 0:
                names[p] = ids.setdefault((read[p], words_id(members[p])), len(ids))
        key = (shifts, names[n], tuple([names[n + shift] for shift in shifts]),
               max(paragraph_from[n], lo) - n)
        pairs = known.get(key)
        if pairs is None:
            pairs = known[key] = [(shift, v) for shift in shifts
                                  if (v := verdict(members[n + shift], j)) is not None]
        if pairs:
            conflicts[j] = [(members[n + shift], v) for shift, v in pairs]
            for shift, _ in pairs:
                watch.add(members[n + shift], j)
    return True


def _alone_in_sentence(ctx: CheckContext, members: list[int], sentences: list[tuple[int, int]]):
    """``alone(p)``: whether member ``p`` is the only figure of its sentence (claims are in
    order: its neighbours in the list lie outside the sentence)."""
    claims = ctx.claims

    def alone(p: int) -> bool:
        k, (start, end) = members[p], sentences[p]
        return (k == 0 or claims[k - 1].end <= start) and (k + 1 == len(claims) or claims[k + 1].start >= end)

    return alone


def _run_starts(values: list) -> list[int] | None:
    """For each place, where the run of equal values it is in starts; None when ``values`` are
    not in order (equal ones would not all be runs)."""
    starts: list[int] = []
    for n, value in enumerate(values):
        if n and value == values[n - 1]:
            starts.append(starts[-1])
        elif n and value < values[n - 1]:
            return None
        else:
            starts.append(n)
    return starts


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
    """An open interval closed at the number as written, its rounding either side ("as much as
    20 mln" → 15–25 mln). ``iv`` is on the kind's base: its finite end is the bound less or
    plus the rounding, times the base's factor (cents → dollars), which is read from it."""
    lo, hi = iv
    if math.isinf(hi) and math.isfinite(lo) and c.low is not None:
        end, edge = lo, c.low - c.rounding
    elif math.isinf(lo) and math.isfinite(hi) and c.high is not None:
        end, edge = hi, c.high + c.rounding
    else:
        return iv
    width = c.rounding * (end / edge if edge else 1.0)
    return (lo, lo + 2 * width) if math.isinf(hi) else (hi - 2 * width, hi)


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
                related_of: dict, wording: Wording) -> Diagnostic:
    b = ctx.claims[j]
    i, judgement = max(others, key=lambda o: (o[1].score, o[0]))  # the most confident first
    a = ctx.claims[i]
    where = (
        "the same paragraph" if ctx.paragraph_of(a.start) == ctx.paragraph_of(b.start)
        else f"line {ctx.line_of(a.start)}"
    )
    head, tail = wording(i, j, judgement, len(others))
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
        message=head + where + tail,
        start=b.start,
        end=b.end,
        related=tuple(related),
        data={"others": sorted(k for k, _ in others), "confidence": round(judgement.score, 3)},
    )


# (i, j, judgement, count) → the message of claim j's diagnostic before and after where claim i
# stands ("the same paragraph", "line 3"): i is the most confident of its count of conflicts.
Wording = Callable[[int, int, Judgement, int], tuple[str, str]]


def _wording(a: Claim, b: Claim, judgement: Judgement, count: int) -> tuple[str, str]:
    """The message of a conflict of ``b`` with ``a`` (and ``count`` - 1 others) before and after
    where ``a`` stands. It reads the claims as written (not their offsets) and the judgement."""
    ia, ib = _shown_interval(a, b), _shown_interval(b, b)
    minus = minus_sign(a.text, b.text)
    unit = b.unit_text or ""
    if frame.money_base(b) is not None:
        unit = frame.money_base(b)[0]
    if same_bound(a, b) and not disjoint(ia, ib, BASE_SLACK):
        clash = f"the same bound given as two different numbers ({_fmt(b.value, minus)} vs {_fmt(a.value, minus)})"
    else:
        clash = (f"the two cannot both be true ({_span(ib, minus)} vs {_span(ia, minus)}"
                 f"{' ' + unit if unit else ''})")
    tail = f"): {clash}, and they seem to be about the same thing ({judgement.describe()})."
    if count > 1:
        tail += f" {count - 1} other earlier figure(s) conflict with it too."
    return f"“{b.text}” conflicts with “{a.text}” (", tail


def _repeated_wording(ctx: CheckContext) -> Wording:
    """:func:`_wording` made once for each repeat of the same two readings, judgement and count
    (dense input restates one conflict thousands of times; a message costs ~100 µs)."""
    claims, readings = ctx.claims, reading_ids(ctx)
    made: dict[tuple, tuple[str, str]] = {}

    def wording(i: int, j: int, judgement: Judgement, count: int) -> tuple[str, str]:
        key = (readings[i], readings[j], judgement, count)
        found = made.get(key)
        if found is None:
            found = made[key] = _wording(claims[i], claims[j], judgement, count)
        return found

    return wording


def _shown_interval(c: Claim, other: Claim):
    return frame.base_interval(c) if c.kind != "quantity" else _interval_in(c, other.unit)


def _span(iv, minus: str = "-") -> str:
    """An interval as a reader writes it (see figures.format_span), negatives with the writer's
    ``minus``."""
    lo, hi = iv
    if math.isinf(lo) and math.isinf(hi):
        return "any value"
    if math.isinf(hi):
        return f"at least {_fmt(lo, minus)}"
    if math.isinf(lo):
        return f"at most {_fmt(hi, minus)}"
    if math.isclose(lo, hi, rel_tol=1e-9):
        return _fmt(lo, minus)
    return format_span(_fmt(lo, minus), _fmt(hi, minus))


def _fmt(x: float, minus: str = "-") -> str:
    """A bound: whole numbers from 100 up, but a half kept below 100,000 ("276.5–277.5", not
    "276–278" or "1,844–1,844", which rounding half to even would show; a half of a million
    dollars is noise)."""
    if abs(x) < 100:
        return with_minus(f"{x:.3g}", minus)
    tenths = round(x, 1) if abs(x) < 100_000 else round(x)
    return with_minus(f"{tenths:,.0f}" if tenths == int(tenths) else f"{tenths:,.1f}", minus)
