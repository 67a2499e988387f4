"""Are two figures about the same thing? A calibrated decision over their claim frames.

Two frames (:mod:`figcheck.rules.frame`) are compared slot by slot. A clash in agent, time,
place or role, a contrast cue next to either figure, or a table row vetoes the pair outright.
Otherwise the pair is described by a few length-independent features — above all how well the
two sentences align with their figures masked (a near-duplicate sentence with a different figure
is the strongest evidence there is), then the words right around each figure, the predicate,
agreeing slots, an explicit restatement ("the same", "those") and the distance between them —
and a logistic regression turns them into a probability. The weights and each rule's threshold
live in ``referent_weights.json``, written by ``tools/train_referent.py`` (rerunnable: real news
for the pairs that are not restatements, restatements generated from the same stories for the
pairs that are). At run time a decision is one dot product.
"""

from __future__ import annotations

import json
import math
from operator import mul
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from .context import CheckContext, MemoKey
from .parallel_paragraphs import in_parallel_paragraphs
from .sections import in_parallel_sections
from .words import one_name
from .frame import (
    FRAMES, FRAMES_AS_READ, RESTRICTING_PREPOSITIONS, ClaimFrame, ClaimGist, ClaimSketch, ClaimWords, claim_frame,
    is_content, is_verb, times_clash,
)


# Per document: frame's caches (read directly on this hot path) and the sentence pairs aligned
# so far.
_JUDGE: MemoKey[tuple[dict, dict, dict]] = MemoKey("referent.judge")

# Only evidence of sameness: nothing about where the pair sits or what kind of figure it is,
# which the generated restatements would teach the model as an artefact of how they were made.
FEATURES = (
    "bias",
    "aligned",  # similarity of the two sentences, figures masked (0..1)
    "near_duplicate",  # aligned >= NEAR_DUPLICATE
    "same_slot",  # the figures sit at the same place of aligned sentences
    "content",  # Dice overlap of the sentences' content words
    "local",  # Dice overlap of the content words around each figure
    "verb_same",
    "verb_clash",
    "agent_same",
    "time_same",
    "restate",  # "the same", "that figure", "those" right before a figure
    "head_same",  # "sales of #" and "sales of #": the same noun the figure is the value of
    "aligned_local",  # aligned × local: both the sentence and the figure's neighbourhood agree
    "aligned_head",  # aligned × head_same
    "contained",  # share of the shorter sentence's content words found in the other
    "contained_local",  # contained × local
    # The figure's own clause (between commas, semicolons, "and", "which", …), which survives a
    # restatement that cuts the sentence down or moves its clauses around:
    "clause_twin",  # the figures' clauses similar (CLAUSE_SIMILAR), the figures in the same slot
    "identical",  # the same sentence word for word, figures masked, the figures in the same slot
    "inside",  # the shorter sentence all inside the other, in order, the figures in the same slot
    "definite_np",  # "the 6,900 new jobs" after "2,300 new jobs": the same noun phrase, pointed back at
)


_DEFINITE_NP = FEATURES.index("definite_np")


@dataclass(frozen=True, slots=True)
class Judgement:
    """A pair's score (probability that both figures are about the same thing), or the slot
    that vetoed it, and the slots that agree (for the message)."""

    score: float
    veto: str | None
    agree: tuple[str, ...]
    twin: bool = False  # nearly the same sentence or clause, the figures in the same slot

    def describe(self) -> str:
        return "; ".join(self.agree) or "similar wording"

    @property
    def slots_agree(self) -> bool:
        """Some slot agrees (verb, words around the figures, name, time, an explicit cue)."""
        return any(a != "the same paragraph" for a in self.agree)


_ROLE_NAMES = {
    "per_unit": "a per-share or per-unit amount", "change": "a change", "forecast": "a forecast",
    "comparison": "an earlier or compared figure", "current": "a figure compared with another",
    "total": "a total", "table": "a table row", "forecast": "a forecast",
    "whole": "the whole of a part (“of the …”)",
    "group_part": "a part of a larger group (“along with …”)",
}


class Alignment:
    """The two sentences of a pair aligned with their figures masked, and the figures' clauses:
    each computed once, when first asked for (the vetoes need them only for some pairs)."""

    __slots__ = ("fa", "fb", "_sentences", "_clauses", "_shared", "_bound")

    def __init__(self, fa: ClaimFrame, fb: ClaimFrame, shared: dict | None = None):
        self.fa, self.fb = fa, fb
        self._sentences: SequenceMatcher | None = None
        self._clauses: float | None = None
        self._bound: float | None = None  # ratio_bound(), asked several times a pair
        # Alignments of sentence pairs already made: every figure of one sentence has the same
        # tokens, so a pair of sentences with several figures each is aligned once.
        self._shared = shared

    @property
    def sentences(self) -> SequenceMatcher:
        if self._sentences is None:
            shared = self._shared
            key = (self.fa.tokens, self.fb.tokens)
            found = shared.get(key) if shared is not None else None
            if found is None:
                found = SequenceMatcher(None, self.fa.tokens, self.fb.tokens, autojunk=False)
                if shared is not None:
                    shared[key] = found
            self._sentences = found
        return self._sentences

    def ratio(self) -> float:
        """Similarity of the sentences (a repeated ``ratio()`` is cached by difflib)."""
        return self.sentences.ratio() if self.fa.tokens and self.fb.tokens else 0.0

    def ratio_bound(self) -> float:
        """An upper bound of :meth:`ratio` that does not align the sentences: the words they
        share, in any order (difflib's ``quick_ratio``, from the frames' word counts)."""
        if self._bound is None:
            self._bound = _ratio_bound(self.fa, self.fb)
        return self._bound

    def reordered(self) -> bool:
        """The same words in another order, the figures aligned with each other in their
        clauses, in a run of words both sentences share, or in a run that holds either figure's
        whole clause: one sentence with its clauses moved ("For discontinued operations, it
        reported a loss of # compared to a year earlier loss of #" and "It reported …, for
        discontinued operations"; "The wildfire has destroyed more than #, officials said" and
        "Officials said the wildfire has destroyed …"; "In the village, the fire destroyed #"
        and "The fire destroyed # in the village")."""
        if self.ratio_bound() < REORDERED:
            return False
        fa, fb = self.fa, self.fb
        pa, pb = fa.position, fb.position
        a, b, size = next(((a, b, size) for a, b, size in self.sentences.get_matching_blocks()
                           if a <= pa < a + size and pb - b == pa - a), (0, 0, 0))
        return size >= REORDERED_RUN or size > 0 and (
            self.clause_ratio() >= CLAUSE_TWIN_RATIO
            or _clause_within(fa, fa.tokens[a:a + size]) or _clause_within(fb, fb.tokens[b:b + size]))

    def aligned(self) -> float:
        """:meth:`ratio`, or for one sentence with its clauses moved (:meth:`reordered`) the
        share of words the two have in common: an alignment in order would see the moved
        clause as words lost and added ("In the village, the fire destroyed #" / "The fire
        destroyed # in the village")."""
        ratio = self.ratio()
        if ratio < REORDERED and _same_slot(self.fa, self.fb) and self.reordered():
            return self.ratio_bound()
        return ratio

    def clause_ratio(self) -> float:
        """Similarity of the figures' clauses, figures masked; 0 when either clause has fewer than
        MIN_CLAUSE_WORDS content words, or when their lengths alone keep it under
        CLAUSE_SIMILAR."""
        if self._clauses is None:
            self._clauses = _clause_ratio(self)
        return self._clauses

    def inside(self) -> float:
        """The share of the shorter sentence's tokens that the alignment matches in the other
        (0 when it says too little, see _says_enough)."""
        fa, fb = self.fa, self.fb
        if not (_says_enough(fa) and _says_enough(fb)):
            return 0.0
        matched = sum(b.size for b in self.sentences.get_matching_blocks())
        return matched / min(len(fa.tokens), len(fb.tokens))

    def inside_bound(self) -> float:
        """An upper bound of :meth:`inside` from the sentences' word counts."""
        fa, fb = self.fa, self.fb
        if not (_says_enough(fa) and _says_enough(fb)):
            return 0.0
        return self.ratio_bound() * (len(fa.tokens) + len(fb.tokens)) / (
            2 * min(len(fa.tokens), len(fb.tokens)))

    def clause_bound(self) -> float:
        """An upper bound of :meth:`clause_ratio` that does not align the clauses."""
        if self._clauses is not None:
            return self._clauses
        fa, fb = self.fa, self.fb
        if len(fa.clause_content) < MIN_CLAUSE_WORDS or len(fb.clause_content) < MIN_CLAUSE_WORDS:
            return 0.0
        la, lb = len(fa.clause), len(fb.clause)
        return 2.0 * min(la, lb) / (la + lb)

    def twin(self, strict: bool = False) -> bool:
        """The figures stand in the same slot of nearly the same sentence, of one sentence with
        its clauses moved, or of nearly the same clause ("At least 26 militants were killed in
        the operation, the official said" and "At least 65 militants were killed in the
        operation"): a restatement, whatever else the sentences say around it. A clause
        CLAUSE_SIMILAR alike, or a sentence all inside the other, is one too — unless
        ``strict`` (what outweighs a contrast cue or a role read next to a figure): then only a
        :meth:`clause_twin`."""
        if not _same_slot(self.fa, self.fb):
            return False
        if self.ratio_bound() >= NEAR_DUPLICATE and self.ratio() >= NEAR_DUPLICATE or self.reordered():
            return True
        if strict:
            return self.clause_twin()
        return self.clause_ratio() >= CLAUSE_SIMILAR or self.inside() >= INSIDE

    def clause_twin(self) -> bool:
        """The figures' clauses are nearly the same words (the sentences around them may differ:
        a clause cut from its sentence, or moved to its front)."""
        fa, fb = self.fa, self.fb
        if len(fa.clause_content) < CLAUSE_TWIN_WORDS or len(fb.clause_content) < CLAUSE_TWIN_WORDS:
            return False
        return self.clause_ratio() >= CLAUSE_TWIN_RATIO


def veto(fa: ClaimFrame, fb: ClaimFrame, aligned: Alignment | None = None) -> str | None:
    """Why two figures are not about the same thing, read from clashing slots (None: nothing
    says so). A cue that is the same in both, in the same place of nearly the same sentence, is a
    restatement of it and does not veto ("an additional 100 shares" twice)."""
    pair = aligned or Alignment(fa, fb)
    return _slot_veto(fa, fb, pair) or _identifier_clash(fa, fb, pair)


def _slot_veto(fa: ClaimFrame, fb: ClaimFrame, pair: Alignment) -> str | None:
    """:func:`veto` but for the identifier clash (which needs the sentences aligned); the slots
    that need no alignment at all come first."""
    if fa.sentence == fb.sentence:
        return "the same sentence"
    if fa.position != fb.position and fa.tokens == fb.tokens:
        # One sentence given twice: two of its figures are as different as they were in it.
        return "different figures of one sentence, repeated"
    if fa.role == "table" or fb.role == "table":
        return "a table row"
    if fa.change != fb.change:
        return "a change vs a level"
    if _clash(fa.agent, fb.agent):
        return "different names"
    if times_clash(fa.times, fb.times):
        return "different times"  # (by category: years, months, days, periods)
    if _clash(fa.place, fb.place):
        return "different places"
    if _clash(fa.directions, fb.directions):
        return "different directions"
    if _clash(fa.sexes, fb.sexes):
        return "males vs females"
    if _heads_clash(fa, fb):
        return "different things counted or measured"

    if (fa.contrast or fb.contrast) and (fa.contrast != fb.contrast or not pair.twin(strict=True)):
        return f"“{fa.contrast or fb.contrast}”"
    role_a, role_b = _role_in_pair(fa, fb), _role_in_pair(fb, fa)
    if role_a != role_b and ({role_a, role_b} & {"per_unit", "comparison", "current", "whole", "group_part"}) and (
            "per_unit" in (role_a, role_b) or not pair.clause_twin()):
        # (a role read from outside the figure's clause does not outweigh the same clause)
        return f"{_ROLE_NAMES[role_a]} vs {_ROLE_NAMES[role_b]}"
    if role_a in ("comparison", "current", "whole") and not pair.twin(strict=True):
        return _ROLE_NAMES[role_a]
    return None


def _role_in_pair(f: ClaimFrame, other: ClaimFrame) -> str:
    """``f``'s role beside ``other``: a figure set in an earlier period is compared with the
    figures of its story's own period, unless the other sentence is set in that same period
    ("Last year the airline carried #" / "The airline carried # last year": both totals of it)."""
    if f.role != "earlier":
        return f.role
    return "total" if f.period and f.period == other.period else "comparison"


def _clash(a: frozenset, b: frozenset) -> bool:
    """Both slots are read and share nothing."""
    return bool(a and b and not a & b)


def _gists_veto(ga: ClaimGist, gb: ClaimGist) -> bool:
    """The slots of :func:`_sentences_veto` a gist reads: a change vs a level, different names
    or heads, or a contrast cue next to one figure only (or a different one)."""
    return (ga.change != gb.change or _clash(ga.agent, gb.agent) or _heads_clash(ga, gb)
            or ga.contrast != gb.contrast)


def _sentences_veto(sa: ClaimSketch, sb: ClaimSketch) -> bool:
    """Slots of the two sketches that make :func:`_slot_veto` veto the pair whatever else the
    frames read: a table row, a change vs a level, different names, times, places, directions
    or heads, or a contrast cue next to one figure only (or a different one)."""
    return (sa.table or sb.table or _gists_veto(sa, sb)
            or times_clash(sa.times, sb.times)
            or _clash(sa.place, sb.place) or _clash(sa.directions, sb.directions))


def _heads_clash(fa: ClaimFrame | ClaimSketch, fb: ClaimFrame | ClaimSketch) -> bool:
    """Different nouns the figures are the values of ("sales of #" / "profit of #"), or one noun
    with different modifiers."""
    return bool(fa.head and fb.head and (fa.head[0] != fb.head[0] or (
        fa.head[1] and fb.head[1] and fa.head[1] != fb.head[1]))) or _modifiers_clash(fa, fb)


def _modifiers_clash(fa: ClaimFrame | ClaimSketch, fb: ClaimFrame | ClaimSketch) -> bool:
    """One noun counted, each with its own words before it and none shared ("two congressional
    districts" / "six state senate districts"): two kinds of it. (One side with none, "6,900
    jobs" after "2,300 new jobs", may be the same thing.)"""
    a, b = fa.noun_phrase, fb.noun_phrase
    return bool(len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and set(a[:-1]).isdisjoint(b[:-1]))


def features(fa: ClaimFrame, fb: ClaimFrame, pair: Alignment | None = None,
             bound: bool = False) -> list[float]:
    """The feature vector of a pair (in the order of :data:`FEATURES`). With ``bound``, the
    similarities of the sentences and of the clauses are bounded from above without aligning
    them, which bounds the score from above: every weight on the features read from them is
    positive (tools/train_referent.py keeps it so)."""
    pair = pair or Alignment(fa, fb)
    aligned = pair.ratio_bound() if bound else pair.aligned()
    # The later figure points back with "the" at the earlier one's noun phrase ("2,300 new
    # jobs" … "the 6,900 new jobs"). A back-reference says something new of the thing counted:
    # its verb is not the original's, so verbs that differ are no evidence against it. A phrase
    # restricted after its noun points back only when its sentence said as much ("the 54 people
    # arrested", "the 6,900 jobs in May"; not "the 15 houses in the first phase").
    definite_np = bool(fb.index > fa.index and fa.noun_phrase and fa.noun_phrase == fb.noun_phrase
                       and (fb.definite or (fb.restricted_tail <= fa.content and (
                           (fa.verb is not None and fb.restricted_by == fa.verb)
                           or fb.restricted_by in RESTRICTING_PREPOSITIONS))))
    clauses = pair.clause_bound() if bound else pair.clause_ratio()
    local = _dice(fa.local, fb.local)
    head_same = 1.0 if fa.head and fb.head and fa.head[0] == fb.head[0] else 0.0
    shorter = min(len(fa.content), len(fb.content))
    contained = len(fa.content & fb.content) / shorter if shorter >= 3 else 0.0
    return [
        1.0,
        aligned,
        1.0 if aligned >= NEAR_DUPLICATE else 0.0,
        1.0 if aligned >= 0.6 and _same_slot(fa, fb) else 0.0,
        _dice(fa.content, fb.content),
        local,
        1.0 if fa.verb and fa.verb == fb.verb else 0.0,
        1.0 if fa.verb and fb.verb and fa.verb != fb.verb and not definite_np else 0.0,
        1.0 if fa.agent & fb.agent else 0.0,
        1.0 if fa.time & fb.time else 0.0,
        1.0 if fa.restate or fb.restate else 0.0,
        head_same,
        aligned * local,
        aligned * head_same,
        contained,
        contained * local,
        1.0 if clauses >= CLAUSE_SIMILAR and _same_slot(fa, fb) else 0.0,
        1.0 if fa.tokens == fb.tokens and fa.position == fb.position else 0.0,
        1.0 if (pair.inside_bound() if bound else pair.inside()) >= INSIDE and _same_slot(fa, fb)
        else 0.0,
        1.0 if definite_np else 0.0,
    ]


# A sentence cut from another (its clause, the rest dropped) keeps this share of its words in
# the same order, and needs this many content words to say anything.
INSIDE = 0.9
INSIDE_WORDS = 3


def _says_enough(f: ClaimFrame | ClaimWords) -> bool:
    """Whether a sentence has INSIDE_WORDS content words, the noun its figure counts among them
    ("Apple will sell # in March", # "1.4 million Apple Watches": the noun is read with the
    figure, out of the words around it)."""
    return len(f.content) + (1 if f.noun_phrase else 0) >= INSIDE_WORDS


# A clause needs this many content words to be evidence at all ("# of lead" is not), and
# clauses this similar are evidence (a feature of the model) ...
MIN_CLAUSE_WORDS = 2
CLAUSE_SIMILAR = 0.85
# ... and this similar, with this many content words, a restatement wherever it stands (it
# outweighs a role or a cue read outside the clause).
CLAUSE_TWIN_RATIO = 0.9
CLAUSE_TWIN_WORDS = 3
# Two sentences this alike (aligned in order) are nearly the same sentence (a feature).
NEAR_DUPLICATE = 0.85
# Two sentences that share this share of their words (in any order) say the same things; the
# figures of the two stand for each other in a run of this many words the two share.
REORDERED = 0.95
REORDERED_RUN = 5


def _ratio_bound(fa: ClaimFrame | ClaimSketch | ClaimWords,
                 fb: ClaimFrame | ClaimSketch | ClaimWords) -> float:
    if not fa.tokens or not fb.tokens:
        return 0.0
    bag_a, bag_b = fa.bag, fb.bag
    both = bag_a.keys() & bag_b.keys()  # (counted in C: a pair of sentences shares ~10 tokens)
    shared = sum(map(min, map(bag_a.__getitem__, both), map(bag_b.__getitem__, both)))
    return 2.0 * shared / (len(fa.tokens) + len(fb.tokens))


def may_reach_by_words(wa: ClaimWords, wb: ClaimWords, b_later: bool, rule: str) -> bool:
    """A first, cheaper :func:`may_reach` from the words of the two sentences alone (``b_later``:
    ``wb`` is the later claim): False only when :func:`may_reach` is False — the same upper
    bound with the clauses' similarity at its best and no slot of the sentences read to veto."""
    if rule == "FC202" or wa.restate or wb.restate:
        return True
    decide = lambda: probability(_features_bound(wa, wb, b_later, slots=False, clauses=False)) >= threshold(rule)
    if wa.local.isdisjoint(wb.local) and not _same_slot(wa, wb) and not (
            b_later and wa.noun_phrase and wa.noun_phrase == wb.noun_phrase):
        # Nothing around the two figures agrees: every feature of the bound is read from the
        # two sentences alone, so every such pair of figures of them is decided once (and
        # none at all when even the most similar sentences fall short).
        return _sentences_may_reach(rule) and _decided(
            _REACHED_BY_SENTENCES, wa.bag, wb.bag, False, rule, decide)
    return _decided(_REACHED_BY_WORDS, wa, wb, b_later, rule, decide)


# The features a pair has only when something around its figures agrees (the same slot, words
# near them, a pointer, a noun phrase pointed back at): all 0 when nothing does.
_AROUND_THE_FIGURES = frozenset((
    "same_slot", "local", "restate", "aligned_local", "contained_local", "clause_twin",
    "identical", "inside", "definite_np"))


@cache
def _sentences_may_reach(rule: str) -> bool:
    """Whether a pair whose figures share nothing around them may reach ``rule``'s threshold by
    :func:`may_reach_by_words`: the bound with every other feature at its best."""
    best = [1.0 if name == "bias" else 0.0 if name in _AROUND_THE_FIGURES else value
            for name, value in zip(FEATURES, _best_values())]
    return probability(best) >= threshold(rule)


def may_reach_by_gist(ga: ClaimGist, gb: ClaimGist, b_later: bool, rule: str) -> bool:
    """A cheaper :func:`may_reach`, read before the sentences' clauses, times and places: False
    only when :func:`may_reach` is False — the slots of the gists veto as the sketches' do, and
    the bound reads the verb and the head, with the clauses' similarity at its best."""
    return _may_reach_past(_REACHED_BY_GIST, _gists_veto, ga, gb, b_later, rule, clauses=False)


def may_reach(sa: ClaimSketch, sb: ClaimSketch, b_later: bool, rule: str) -> bool:
    """Whether the pair of sketches (``b_later``: ``sb`` is the later claim) may score at least
    ``rule``'s threshold: False only when :func:`judge` would score it under the threshold. A
    slot of the sentences vetoes it, or an upper bound of :func:`features` with ``bound`` (so of
    the score) read from the sentences alone stays under the threshold: the verb and the head are
    read as the frame reads them; a slot only the frame reads (a name, "the" before the figure)
    is taken at whichever value raises the score; an explicit restatement may lift the score to
    the threshold."""
    return _may_reach_past(_REACHED, _sentences_veto, sa, sb, b_later, rule, clauses=True)


def _may_reach_past(cache: dict, veto, a: ClaimGist, b: ClaimGist, b_later: bool, rule: str,
                    clauses: bool) -> bool:
    """:func:`may_reach` (``clauses``) or :func:`may_reach_by_gist`: not vetoed by ``veto``,
    and an explicit restatement or the bound of the features reaches ``rule``'s threshold."""
    if rule == "FC202":
        return True  # FC202's pointer ("of that wetland") is read from the frame only
    return _decided(cache, a, b, b_later, rule, lambda: not veto(a, b) and bool(
        a.restate or b.restate
        or probability(_features_bound(a, b, b_later, clauses=clauses)) >= threshold(rule)))


def _decided(cache: dict, a, b, b_later: bool, rule: str, decide) -> bool:
    """``decide()`` for the pair ``a``, ``b`` (sketches or words). Pairs recur across documents
    (the same sentences re-checked): keyed by their ids, ``a`` and ``b`` kept in the entry (so an
    id is not reused while it lives)."""
    key = (id(a), id(b), b_later, rule)
    found = cache.get(key)
    if found is not None and found[0] is a and found[1] is b:
        return found[2]
    if len(cache) >= _DECIDED_MAX:
        cache.clear()
    reached = decide()
    cache[key] = (a, b, reached)
    return reached


_REACHED: dict[tuple, tuple[ClaimSketch, ClaimSketch, bool]] = {}
_REACHED_BY_GIST: dict[tuple, tuple[ClaimGist, ClaimGist, bool]] = {}
_REACHED_BY_WORDS: dict[tuple, tuple[ClaimWords, ClaimWords, bool]] = {}
# (keyed by the sentences' bags of tokens: one object per sentence as read, see frame._Words)
_REACHED_BY_SENTENCES: dict[tuple, tuple[dict, dict, bool]] = {}


def _features_bound(sa: ClaimWords, sb: ClaimWords, b_later: bool, slots: bool = True,
                    clauses: bool = True) -> list[float]:
    """:func:`may_reach`'s upper bound of the features, in the order of :data:`FEATURES`
    (without ``clauses``, of :func:`may_reach_by_gist`: the figures' clauses are not read, and
    their similarity is taken at its best, 1; without ``slots`` either, of
    :func:`may_reach_by_words`: the verb and the head are not read, taken at their best)."""
    unknown = _best_values()
    aligned = _ratio_bound(sa, sb)
    same_slot = _same_slot(sa, sb)
    local = _dice(sa.local, sb.local)
    shorter = min(len(sa.content), len(sb.content))
    contained = len(sa.content & sb.content) / shorter if shorter >= 3 else 0.0
    clause_similar = 1.0
    if clauses:
        la, lb = sa.clause_len, sb.clause_len
        clause_similar = 0.0 if min(sa.clause_content_len, sb.clause_content_len) < MIN_CLAUSE_WORDS else (
            2.0 * min(la, lb) / (la + lb))
    inside = 0.0 if not (_says_enough(sa) and _says_enough(sb)) else aligned * (len(sa.tokens) + len(sb.tokens)) / (
        2 * min(len(sa.tokens), len(sb.tokens)))
    definite_np = b_later and sa.noun_phrase and sa.noun_phrase == sb.noun_phrase
    verb_same, verb_clash, head_same = unknown[6], unknown[7], unknown[11]
    if slots:  # a sketch (a gist) reads the verb and the head as the frame does
        verb_same = 1.0 if sa.verb and sa.verb == sb.verb else 0.0
        # (a back-reference, if "the" points it, lifts a clash of verbs: taken at its best)
        verb_clash = unknown[7] if definite_np else (
            1.0 if sa.verb and sb.verb and sa.verb != sb.verb else 0.0)
        head_same = 1.0 if sa.head and sb.head and sa.head[0] == sb.head[0] else 0.0
    return [
        1.0,
        aligned,
        1.0 if aligned >= NEAR_DUPLICATE else 0.0,
        1.0 if aligned >= 0.6 and same_slot else 0.0,
        _dice(sa.content, sb.content),
        local,
        verb_same,
        verb_clash,
        unknown[8],  # agent_same
        unknown[9],  # time_same
        0.0,  # restate (a pointer: not bounded)
        head_same,
        aligned * local,
        aligned * (head_same if slots else unknown[13]),  # aligned × head_same
        contained,
        contained * local,
        1.0 if clause_similar >= CLAUSE_SIMILAR and same_slot else 0.0,
        1.0 if sa.tokens == sb.tokens and sa.position == sb.position else 0.0,
        1.0 if inside >= INSIDE and same_slot else 0.0,
        unknown[_DEFINITE_NP] if definite_np else 0.0,
    ]


@cache
def _best_values() -> tuple[float, ...]:
    """Each feature at whichever of 0 and 1 raises the score (a slot only the frame reads)."""
    return tuple(1.0 if w > 0 else 0.0 for w in model()["weights"])


def _clause_within(f: ClaimFrame, run: tuple[str, ...]) -> bool:
    """The figure's clause, with enough content words to say something, is all inside ``run``
    (a run of words the two sentences share: the clause moved whole)."""
    clause = f.clause
    if len(f.clause_content) < MIN_CLAUSE_WORDS or len(clause) > len(run):
        return False
    return any(run[k:k + len(clause)] == clause for k in range(len(run) - len(clause) + 1))


def _clause_ratio(pair: Alignment) -> float:
    fa, fb = pair.fa, pair.fb
    if len(fa.clause_content) < MIN_CLAUSE_WORDS or len(fb.clause_content) < MIN_CLAUSE_WORDS:
        return 0.0
    if fa.clause == fb.clause:
        return 1.0
    la, lb = len(fa.clause), len(fb.clause)
    if 2 * min(la, lb) < CLAUSE_SIMILAR * (la + lb):
        return 0.0  # (the ratio's upper bound: under CLAUSE_SIMILAR whatever the words)
    if la == len(fa.tokens) and lb == len(fb.tokens):
        return pair.ratio()  # each sentence is one clause: already aligned
    return SequenceMatcher(None, fa.clause, fb.clause, autojunk=False).ratio()


def judge(ctx: CheckContext, i: int, j: int, rule: str) -> Judgement:
    """The referent decision for claims ``i`` and ``j`` under ``rule``'s weights."""
    if in_parallel_sections(ctx, i, j):
        return _PARALLEL  # (read from the document's headings: not a decision to keep by frames)
    # claim_frame()'s caches, read directly (a hot path), and the decisions made so far.
    frames, bases, aligned = ctx.memo(_JUDGE, lambda: (
        ctx.memo(FRAMES, dict), ctx.memo(FRAMES_AS_READ, dict), {}))
    fa = frames.get(i) or claim_frame(ctx, i)
    fb = frames.get(j) or claim_frame(ctx, j)
    # A decision depends on the two frames as read from their sentences and on whether they
    # share a sentence or paragraph, not on where they are: pairs read from the same sentence
    # texts share one, in this document (a repeated sentence) and across documents (an editor
    # re-checking after a keystroke). Keyed by the frames' ids, kept with the frames themselves
    # (so an id is not reused while its entry lives, and a hit is checked to be them).
    ba, bb = bases[i], bases[j]
    key = (id(ba), id(bb), fa.sentence == fb.sentence, fa.paragraph == fb.paragraph, rule)
    found = _DECIDED.get(key)
    if found is not None and found[0] is ba and found[1] is bb:
        judgement = found[2]
    else:
        if len(_DECIDED) >= _DECIDED_MAX:
            _DECIDED.clear()
        judgement = _judge(fa, fb, rule, aligned)
        _DECIDED[key] = (ba, bb, judgement)
    if judgement.score >= threshold(rule) and in_parallel_paragraphs(ctx, i, j):
        return _PARALLEL_PARAGRAPHS  # (read from the paragraphs around: asked of reported pairs only)
    return judgement


_DECIDED: dict[tuple, tuple[ClaimFrame, ClaimFrame, Judgement]] = {}
_PARALLEL = Judgement(0.0, "sections headed alike (parallel sections of a reference or a changelog)", ())
_PARALLEL_PARAGRAPHS = Judgement(0.0, "paragraphs worded alike about different things (other names)", ())
_DECIDED_MAX = 50_000


def _judge(fa: ClaimFrame, fb: ClaimFrame, rule: str, aligned: dict) -> Judgement:
    pair = Alignment(fa, fb, aligned)
    why = _slot_veto(fa, fb, pair)
    if why is None and rule == "FC201":
        # Two figures on different authority are a disagreement the writer reports, not a slip
        # ("2,000 attended, police said" / "organisers said 5,000"); one said to hold now and
        # one at another time are two times' ("At its peak, the camp housed 40,000" / "The camp
        # now houses 12,000"). The same number in two units (FC202) is a slip whoever gave it,
        # whenever.
        why = "different sources" if _clash(fa.sources, fb.sources) else \
            "now vs another time" if _clash(fa.when, fb.when) else None
    if why is not None:
        return Judgement(0.0, why, ())
    pointer = _pointer(fa, fb) or _pointer(fb, fa) or (rule == "FC202" and _of_that(fa, fb))
    if not pointer:
        # Most pairs fall short of the threshold even with the similarities bounded from above:
        # those are decided without aligning the sentences (their score is that bound, and
        # neither a veto nor an agreeing slot is read: nothing is reported about them).
        score = probability(features(fa, fb, pair, bound=True))
        if score < threshold(rule):
            return Judgement(score, None, (), False)
    why = _identifier_clash(fa, fb, pair)
    if why is not None:
        return Judgement(0.0, why, ())
    x = features(fa, fb, pair)
    score = probability(x)
    agree = _agreeing(fa, fb, x)
    if pointer:
        # An explicit restatement that points at the other figure's words ("the same force of",
        # "that figure", "those 42 passengers") is decisive on its own.
        score = max(score, threshold(rule))
    return Judgement(score, None, agree, pair.twin())


def slots_agree(fa: ClaimFrame, fb: ClaimFrame) -> bool:
    """Some slot of an unvetoed pair agrees (as :attr:`Judgement.slots_agree`), without the
    model's weights (the training script asks this before there are weights to match)."""
    return Judgement(0.0, None, _agreeing(fa, fb, features(fa, fb))).slots_agree


def _of_that(fa: ClaimFrame, fb: ClaimFrame) -> bool:
    """"… of that wetland" after one figure, "wetland" in the other's sentence."""
    for f, other in ((fa, fb), (fb, fa)):
        if f.of_that and f.of_that.split()[-1] in {w.lower() for w in other.raw}:
            return True
    return False


def _pointer(f: ClaimFrame, other: ClaimFrame) -> bool:
    """``f`` restates explicitly and the word it points with is in the other's sentence."""
    if not f.restate:
        return False
    words = f.local & other.content
    return bool(words) or (f.head is not None and other.head is not None
                           and f.head[0] == other.head[0])


def probability(x: list[float]) -> float:
    z = sum(map(mul, model()["weights"], x))  # (the same sum, term by term, in C)
    return 1 / (1 + math.exp(-max(-60.0, min(60.0, z))))


def threshold(rule: str) -> float:
    return model()["thresholds"][rule]


@cache
def model() -> dict:
    """The shipped weights (``referent_weights.json``), checked against :data:`FEATURES`."""
    # (beside this module: importlib.resources would cost a first check ~17 ms of imports)
    data = json.loads(Path(__file__).with_name("referent_weights.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("referent_weights.json does not match the features of this version")
    return data


def _identifier_clash(fa: ClaimFrame, fb: ClaimFrame, pair: Alignment) -> str | None:
    """In two sentences that align, a short stretch where one names something else ("zone one"
    / "zone two", "Exports" / "Imports" at the start): they are about different things."""
    if pair.ratio_bound() < 0.5 or pair.ratio() < 0.5:
        return None
    for op, a0, a1, b0, b1 in pair.sentences.get_opcodes():
        if op in ("insert", "delete") and a1 <= fa.position and b1 <= fb.position and (
                _name_before_a_noun(fb, b0, b1) if op == "insert" else _name_before_a_noun(fa, a0, a1)):
            return "a name added to the same wording"  # ("Tickets cost …" / "VIP tickets cost …")
        if op != "replace" or a1 - a0 > 3 or b1 - b0 > 3:
            continue
        if "#" in fa.tokens[a0:a1] or "#" in fb.tokens[b0:b1]:
            continue  # a figure against a number the extractor read otherwise there
        if any(fa.names[a0:a1]) or any(fb.names[b0:b1]):
            if _one_name_written_two_ways(fa, a0, a1, fb, b0, b1):
                continue  # ("Ukrainian forces have retaken" / "Ukraine has recaptured")
            return "different names in the same wording"
        if a1 <= fa.position and b1 <= fb.position:
            # Before both figures (where the subject is): a noun for another noun.
            na, nb = _nouns(fa, a0, a1), _nouns(fb, b0, b1)
            if na and nb and not na & nb:
                return f"different subjects (“{fa.raw[a0]}”/“{fb.raw[b0]}”)"
    return None


def _name_before_a_noun(f: ClaimFrame, k0: int, k1: int) -> bool:
    """Tokens ``k0:k1`` of ``f`` are one or two names of letters right before a content word
    that is not a verb: a name that says which of a thing ("VIP tickets", "Detroit plants"),
    not one that adds to a name ("Acme Corp sold")."""
    if not 0 < k1 - k0 <= 2 or k1 >= len(f.tokens) or not all(f.names[k0:k1]):
        return False
    if not all(w.isalpha() for w in f.raw[k0:k1]):
        return False  # (a number says which too, but "zone one" is read as a replacement)
    t, w = f.tokens[k1], f.raw[k1].lower()
    return t != "#" and is_content(w) and not is_verb(t, w) and not f.names[k1]


def _one_name_written_two_ways(fa: ClaimFrame, a0: int, a1: int,
                               fb: ClaimFrame, b0: int, b1: int) -> bool:
    """The names of two stretches are words (not numbers) and each is one name with a name of
    the other (see words.one_name)."""
    na = [fa.raw[k].lower() for k in range(a0, a1) if fa.names[k]]
    nb = [fb.raw[k].lower() for k in range(b0, b1) if fb.names[k]]
    if not na or not nb or not all(w.isalpha() for w in na + nb):
        return False
    return all(any(one_name(x, y) for y in nb) for x in na) and \
        all(any(one_name(y, x) for x in na) for y in nb)


def _nouns(f: ClaimFrame, k0: int, k1: int) -> set[str]:
    out = set()
    for k in range(k0, k1):
        t, w = f.tokens[k], f.raw[k].lower()
        if t != "#" and is_content(w) and not is_verb(t, w):
            out.add(t)
    return out


def _same_slot(fa: ClaimFrame, fb: ClaimFrame) -> bool:
    """The words right before and after each figure agree (the figures fill the same slot)."""
    ta, tb, pa, pb = fa.tokens, fb.tokens, fa.position, fb.position
    before = ta[pa - 1:pa] == tb[pb - 1:pb] if pa and pb else pa == pb
    after = ta[pa + 1:pa + 2] == tb[pb + 1:pb + 2]
    return before or after


def _dice(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _as_written(a: str | None, b: str | None) -> str:
    return f"“{a}”" if (a or "").lower() == (b or "").lower() else f"“{a}”/“{b}”"


def _agreeing(fa: ClaimFrame, fb: ClaimFrame, x: list[float]) -> tuple[str, ...]:
    out = []
    if x[2]:
        out.append("nearly the same sentence")
    if fa.restate or fb.restate:
        out.append(f"“{fb.restate or fa.restate}”")
    elif fa.of_that or fb.of_that:
        out.append(f"“{fb.of_that or fa.of_that}”")
    if x[_DEFINITE_NP]:
        out.append("the same noun phrase, pointed back at with “the”")
    if fa.verb and fa.verb == fb.verb:
        out.append("the same verb " + _as_written(fa.verb_word, fb.verb_word))
    shared = [t for t, _ in fa.written if t in fb.local and t != fa.verb]
    if shared:
        wa, wb = dict(fa.written), dict(fb.written)
        out.append("shared words " + ", ".join(
            _as_written(wa[t], wb[t]) for t in dict.fromkeys(shared[:4])))
    if fa.agent & fb.agent:
        out.append("the same name " + ", ".join(f"“{w}”" for w in sorted(fa.agent & fb.agent)[:2]))
    same_time = sorted(t for t in fa.time & fb.time if not t.startswith("t:"))  # (a date's month is named)
    if same_time:
        out.append("the same time " + ", ".join(f"“{w[2:]}”" for w in same_time[:2]))
    if fa.paragraph == fb.paragraph:
        out.append("the same paragraph")
    return tuple(out)
