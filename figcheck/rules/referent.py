"""Do two figures refer to the same thing? Evidence for and against, read from the words.

Every claim gets a :class:`Frame`: the content words of its clause (lightly stemmed, with a small
synonym table so "retaken" meets "recaptured"), the words right next to the number (where
"another", "the same", "smaller" live), place names, years and weekdays nearby, and cues of
change over time ("rose to", "now"). Rules ask :func:`evidence` for a pair and get back either a
reason to believe the figures are about the same thing (which the message quotes) or ``None``.

The rules prefer silence to a guess: any contrast cue, different places or times, or a figure that
is explicitly a part of something else makes the answer ``None``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ..model import Claim
from .context import _WORD, CheckContext

WINDOW_WORDS = 8  # content words looked at on each side of a figure, within its sentence
NEAR_WORDS = 4  # words right before a figure that may modify it ("the same force of")

_IRREGULAR = {
    "took": "take", "taken": "take", "retook": "retake", "retaken": "retake", "won": "win",
    "died": "die", "dead": "die", "death": "die", "deaths": "die", "dying": "die", "lives": "life",
    "fled": "flee", "fought": "fight", "lost": "lose", "held": "hold", "men": "man",
    "women": "woman", "children": "child", "people": "person", "persons": "person",
    "troops": "troop", "gone": "go", "went": "go", "seen": "see", "saw": "see", "built": "build",
    "spent": "spend", "paid": "pay", "sold": "sell", "bought": "buy", "hurt": "hurt",
    "injuries": "injure", "injury": "injure", "wounded": "wound", "ran": "run", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "regained": "regain", "casualties": "casualty",
}

# Words that say the same thing in the reports the rules read; each group is one "stem".
_SYNONYMS = [
    "take retake capture recapture liberate seize reclaim regain recover gain win",
    "territory land ground area",
    "kill die fatality life toll",
    "injure wound hurt injury",
    "troop soldier fighter serviceman personnel",
    "person people individual",
    "home house dwelling household",
    "evacuate flee displace",
    "arrest detain",
    "cost price spend spending",
    "company firm",
    "sale revenue turnover",
    "profit earnings",
    "job position",
    "worker employee staff workforce",
    "burn blaze fire",
    "village settlement town",
    "destroy damage flatten",
]

_STOP = frozenset("""
a an the and or but nor of in on at to for from by with without into onto over under about
around some almost nearly roughly approximately than more less most least as is are was were be
been being has have had having do does did doing this that these those it its it’s it's they them
their there here he she his her him we our us you your i me my who whom which what when where why
how not no yes also just only very so such then than too up down out off again further once all
any both each few other own same s t can will would could should may might must shall said says
say told tell telling according reported report reports reporting statement added adding per cent
percent year years month months week weeks day days time times today yesterday tomorrow while
whilst after before during since until till later earlier ago now new old one ones mr mrs ms dr
sq square mile miles kilometre kilometres kilometer kilometers km metre metres meter meters m ft
foot feet inch inches yard yards acre acres hectare hectares ha tonne tonnes ton tons kg pound
pounds lb lbs gallon gallons litre litres liter liters degree degrees celsius fahrenheit c f
million millions billion billions thousand thousands hundred hundreds dozen dozens
""".split())

_NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
""".split())

# Next to a figure, these say it is a different (or partial) thing than another figure.
_CONTRAST_BEFORE = frozenset("""
also another other others further additional extra smaller larger bigger second third fourth fifth
first last previous next each per every remaining rest both together combined total separate
respectively including included among besides except plus excluding whereas whole entire
altogether overall cumulative old former original existing proposed planned
""".split())
_CONTRAST_AFTER = frozenset("more others other each apiece respectively combined together".split())
_PART_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:them|whom|which|those|these|it|the)\b", re.I)

# Anywhere in a figure's sentence: the figure may be from another time, or not a fact yet.
_CHANGE_WORDS = (
    r"ris(?:e|es|en|ing)", "rose", r"climb\w*", r"increas\w*", r"grow\w*", "grew", r"jump\w*",
    r"soar\w*", r"surg\w*", "fall(?:s|en|ing)?", "fell", r"drop\w*", r"declin\w*",
    r"decreas\w*", r"reach\w*", "now", r"updat\w*", r"revis\w*", "latest", "so far", "up from",
    "down from", "as of", r"initial\w*", r"original\w*", r"previous\w*", r"expect\w*",
    r"plan\w*", r"target\w*", r"forecast\w*", r"project\w*", r"hope\w*", r"aim\w*", "could",
    "would", "might", "will", "may", "next", "last", "earlier", r"doubl\w*", r"tripl\w*",
    r"halv\w*", r"estimat\w*", "grown", "another", r"raise\w*", "cut", "cuts",
    "more than doubled",
)


def _by_first_letter(alternatives: tuple[str, ...]) -> str:
    """An alternation of words grouped by first letter, keeping their order within a group:
    it matches exactly what ``(?:a|b|…)`` matches (two words with different first letters never
    both match at one place), but the regex engine tries one group per word, not every word."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0].lower(), []).append(alt[1:])
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in groups.items())


_CHANGE = re.compile(r"\b(?:" + _by_first_letter(_CHANGE_WORDS) + r")\b", re.I)
# "those"/"these" restate only right before the figure ("those 42 passengers"); elsewhere in
# the clause they usually start a new group ("those who slept more than nine hours").
_RESTATE = re.compile(
    r"\b(?:the same|that same|this same|the very same|the figure|that figure|this figure|"
    r"that number|this number|(?:those|these)\s*$)",
    re.I,
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast"
    " southwest upper lower inner outer left right front rear".split()
)
_PLACE_PREP = re.compile(
    r"\b(?:in|near|at|outside|around|from)\s+(?:the\s+)?((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)"
)
_SENTENCE_STARTERS = frozenset("however meanwhile further elsewhere earlier later officials".split())
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: plural, -ing, -ed and a final e removed; synonyms share a group stem."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _IRREGULAR.get(w, w)
    base = _suffix_strip(w)
    return _GROUP.get(base, base)


def _suffix_strip(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


_GROUP: dict[str, str] = {}
for _line in _SYNONYMS:
    _words = _line.split()
    _head = "~" + _words[0]
    for _w in _words:
        _GROUP[_suffix_strip(_IRREGULAR.get(_w, _w))] = _head


@dataclass(frozen=True, slots=True)
class Frame:
    index: int
    sentence: int
    paragraph: int
    stems: dict[str, str]  # stem → the word as written (first seen)
    near_before: tuple[str, ...]  # lower-case words right before the figure, nearest last
    near_after: tuple[str, ...]
    places: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()  # proper names before the figure in its sentence
    contrast: str | None = None  # the cue word, when the figure is a different/partial thing
    change: str | None = None  # a change-over-time or not-yet-fact cue in the sentence
    restate: str | None = None  # an explicit restatement cue right before the figure
    extra: dict = field(default_factory=dict)


def frame(ctx: CheckContext, i: int) -> Frame:
    """The frame of claim ``i`` (cached per document, and across documents by what it is read
    from, so an editor re-checking after a keystroke rebuilds only the frames it changed)."""
    frames = ctx.memo("referent.frames", dict)
    f = frames.get(i)
    if f is None:
        key = _frame_key(ctx, i)
        f = _FRAMES.get(key)
        if f is None:
            if len(_FRAMES) >= _FRAMES_MAX:
                _FRAMES.clear()
            f = _FRAMES[key] = _build_frame(ctx, i)
        else:
            start = ctx.claims[i].start
            place = (i, ctx.sentence_of(start), ctx.paragraph_of(start))
            if (f.index, f.sentence, f.paragraph) != place:
                f = replace(f, index=place[0], sentence=place[1], paragraph=place[2])
        frames[i] = f
    return f


# A frame depends only on its sentence's text and where the claims sit in it.
_FRAMES: dict[tuple, Frame] = {}
_FRAMES_MAX = 20_000


def _frame_key(ctx: CheckContext, i: int) -> tuple:
    claim = ctx.claims[i]
    s_start, s_end = ctx.sentence_span(claim.start)
    starts, ends = _claim_spans(ctx)
    lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
    spans = tuple((starts[k] - s_start, ends[k] - s_start) for k in range(lo, hi))
    return ctx.text[s_start:s_end], claim.start - s_start, claim.end - s_start, spans


def blocking_cue(ctx: CheckContext, i: int, *, allow_change: bool = False) -> str | None:
    """``frame(ctx, i).contrast``, or else (unless ``allow_change``) its ``change``: a cue that
    makes :func:`evidence` None for every pair with claim ``i``. Cheaper than the frame: it
    reads only the words next to the figure and its sentence's change cues."""
    cues = _cues(ctx, i)
    return cues[4] or (None if allow_change else cues[5])


def restatement_cue(ctx: CheckContext, i: int) -> str | None:
    """An explicit restatement next to claim ``i`` ("the same force of", "that figure",
    "those 42"), or a demonstrative before a noun ("that force of") that may point back."""
    claim = ctx.claims[i]
    s_start, _ = ctx.sentence_span(claim.start)
    near = ctx.text[max(s_start, claim.start - 60) : claim.start]
    m = _RESTATE.search(near) or _DEMONSTRATIVE.search(near)
    return m.group(0).lower() if m else None


_DEMONSTRATIVE = re.compile(r"\b(?:that|this)\s+[a-z]{3,}\b", re.I)


def _cues(ctx: CheckContext, i: int):
    """(s_start, s_end, near_before, near_after, contrast, change) of claim ``i``: the part of
    its frame that says whether it can pair at all (cached per document)."""
    cache = ctx.memo("referent.cues", dict)
    found = cache.get(i)
    if found is not None:
        return found
    claim = ctx.claims[i]
    text = ctx.text
    c_start, c_end = claim.start, claim.end
    s_start, s_end = ctx.sentence_span(c_start)
    change = _change_cue(ctx, max(s_start, c_start - 300), min(s_end, c_end + 300))
    # (the words of ctx.words(lo, hi), without their offsets)
    n = len(text)
    near_before = tuple([w.lower() for w in _WORD.findall(
        text, max(0, s_start, c_start - 60), min(n, c_start))][-NEAR_WORDS:])
    near_after = tuple([w.lower() for w in _WORD.findall(
        text, max(0, c_end), min(n, s_end, c_end + 40))][:3])
    contrast = next((w for w in near_before if w in _CONTRAST_BEFORE), None)
    if contrast is None:
        contrast = next((w for w in near_after[:2] if w in _CONTRAST_AFTER), None)
    if contrast is None and _PART_AFTER.match(text, c_end, min(s_end, c_end + 30)):
        contrast = "of them"
    found = cache[i] = (s_start, s_end, near_before, near_after, contrast, change)
    return found


def _claim_spans(ctx: CheckContext) -> tuple[list[int], list[int]]:
    def build():
        spans = sorted((c.start, c.end) for c in ctx.claims)
        return [s for s, _ in spans], [e for _, e in spans]

    return ctx.memo("referent.spans", build)


def _inside_claim(ctx: CheckContext, start: int, end: int) -> bool:
    starts, ends = _claim_spans(ctx)
    k = bisect_right(starts, start) - 1
    for j in (k, k + 1):
        if 0 <= j < len(starts) and starts[j] < end and start < ends[j]:
            return True
    return False


def _sentence_tokens(ctx: CheckContext, s_start: int, s_end: int):
    """The words of one sentence, tokenised once and shared by every claim in it: parallel
    lists of starts, ends, (start, end, lower-case word) tuples (as ``ctx.words`` gives them)
    and whether each word lies inside a claim (as ``_inside_claim`` decides)."""
    cache = ctx.memo("referent.tokens", dict)
    key = (s_start, s_end)
    tok = cache.get(key)
    if tok is not None:
        return tok
    text = ctx.text
    items = [(m.start(), m.end(), m.group().lower())
             for m in _WORD.finditer(text, max(0, s_start), min(len(text), s_end))]
    starts = [t[0] for t in items]
    ends = [t[1] for t in items]
    inside = [False] * len(items)
    if items:
        # _inside_claim looks at claim k (the last to start at or before the word) and k + 1:
        # the word is inside when it starts before claim k ends or ends after k + 1 starts.
        cstarts, cends = _claim_spans(ctx)
        n = len(cstarts)
        for k in range(bisect_right(cstarts, starts[0]) - 1, bisect_right(cstarts, starts[-1])):
            t0 = bisect_left(starts, cstarts[k]) if k >= 0 else 0
            t1 = bisect_left(starts, cstarts[k + 1]) if k + 1 < n else len(starts)
            if t0 >= t1:
                continue
            if k >= 0:
                t_in = min(t1, bisect_left(starts, cends[k]))
                for t in range(t0, t_in):
                    inside[t] = True
            if k + 1 < n and ends[t1 - 1] > cstarts[k + 1]:
                inside[t1 - 1] = True
    tok = cache[key] = (starts, ends, items, inside)
    return tok


def _window(ctx: CheckContext, tok, lo: int, hi: int, content_only: bool) -> list:
    """``ctx.words(lo, hi)`` for a window inside the sentence of ``tok`` (words cut by the
    window's edges included as cut), without the words inside claims when ``content_only``."""
    if hi <= lo:
        return []
    starts, ends, items, inside = tok
    k1 = bisect_left(starts, lo)
    k2 = bisect_right(ends, hi)
    if k1 >= k2:  # no whole word in the window: scan it as ctx.words does
        out = ctx.words(lo, hi)
        return [w for w in out if not _inside_claim(ctx, w[0], w[1])] if content_only else out
    left = ctx.words(lo, starts[k1]) if k1 > 0 and ends[k1 - 1] > lo else ()
    right = ctx.words(ends[k2 - 1], hi) if k2 < len(starts) and starts[k2] < hi else ()
    if content_only:
        mid = [t for t, f in zip(items[k1:k2], inside[k1:k2]) if not f]
        if left:
            mid[:0] = [w for w in left if not _inside_claim(ctx, w[0], w[1])]
        if right:
            mid.extend(w for w in right if not _inside_claim(ctx, w[0], w[1]))
        return mid
    mid = items[k1:k2]
    if left:
        mid[:0] = left
    if right:
        mid.extend(right)
    return mid


def _change_cue(ctx: CheckContext, lo: int, hi: int) -> str | None:
    """A change cue in ``text[lo:hi]`` (cached: the claims of a sentence usually share it)."""
    cache = ctx.memo("referent.change", dict)
    key = (lo, hi)
    try:
        return cache[key]
    except KeyError:
        pass
    m = _CHANGE.search(ctx.text[lo:hi])
    found = cache[key] = m.group(0).lower() if m else None
    return found


def _places_years(ctx: CheckContext, lo: int, hi: int):
    """Places and years in ``text[lo:hi]`` (cached like ``_change_cue``)."""
    cache = ctx.memo("referent.places_years", dict)
    key = (lo, hi)
    found = cache.get(key)
    if found is None:
        sentence = ctx.text[lo:hi]
        places = frozenset(
            m.group(1).split()[0].lower() for m in _PLACE_PREP.finditer(sentence)
            if m.group(1).split()[0].lower() not in _WEEKDAYS_MONTHS
        )
        found = cache[key] = (places, frozenset(_YEAR.findall(sentence)))
    return found


_WEEKDAYS_MONTHS = _WEEKDAYS | _MONTHS
_STEMS: dict[str, str] = {}


def _build_frame(ctx: CheckContext, i: int) -> Frame:
    claim = ctx.claims[i]
    text = ctx.text
    c_start, c_end = claim.start, claim.end
    s_start, s_end, near_before, near_after, contrast, change = _cues(ctx, i)
    tok = _sentence_tokens(ctx, s_start, s_end)
    before_words = _window(ctx, tok, max(s_start, c_start - 160), c_start, True)
    after_words = _window(ctx, tok, c_end, min(s_end, c_end + 160), True)

    stems: dict[str, str] = {}
    for side in (_content(reversed(before_words)), _content(after_words)):
        for word in side:
            st = _STEMS.get(word)
            if st is None:
                st = _STEMS[word] = stem(word)
            if st not in stems:
                stems[st] = word

    places, years = _places_years(ctx, max(s_start, c_start - 300), min(s_end, c_end + 300))
    lower_words = {w for _, _, w in before_words}
    lower_words.update([w for _, _, w in after_words])
    # "both" or "each" earlier in the clause ("each of the 12 teams", "both roads are 45 miles").
    near_text = text[max(s_start, c_start - 60) : c_start]
    restate_m = _RESTATE.search(near_text)
    actors = frozenset(
        text[a:b][:5].lower() for a, b, w in before_words
        if text[a].isupper() and w not in _STOP and w not in _WEEKDAYS_MONTHS
        and w not in _SENTENCE_STARTERS
    )
    return Frame(
        index=i,
        actors=actors,
        sentence=ctx.sentence_of(c_start),
        paragraph=ctx.paragraph_of(c_start),
        stems=stems,
        near_before=near_before,
        near_after=near_after,
        places=places,
        years=years,
        weekdays=frozenset(lower_words & _WEEKDAYS),
        directions=frozenset(lower_words & _DIRECTIONS),
        contrast=contrast,
        change=change,
        restate=restate_m.group(0).lower() if restate_m else None,
    )


def _content(words):
    """Up to WINDOW_WORDS content words, in the order given (nearest first)."""
    out = []
    for _, _, w in words:
        if w in _STOP or w in _NUMBER_WORDS or len(w) < 3:
            continue
        out.append(w)
        if len(out) >= WINDOW_WORDS:
            break
    return out


@dataclass(frozen=True, slots=True)
class Evidence:
    shared: tuple[tuple[str, str], ...]  # (word in a, word in b) pairs of shared stems
    restate: str | None
    same_paragraph: bool

    def describe(self) -> str:
        parts = []
        if self.restate:
            parts.append(f"“{self.restate}”")
        words = []
        for wa, wb in self.shared[:4]:
            words.append(f"“{wa}”" if wa == wb else f"“{wa}”/“{wb}”")
        if words:
            parts.append("shared words " + ", ".join(words))
        if self.same_paragraph:
            parts.append("the same paragraph")
        return "; ".join(parts)


def blocking_reason(fa: Frame, fb: Frame, *, allow_change: bool = False) -> str | None:
    """Why two figures are probably not about the same thing (None: nothing says so)."""
    for f in (fa, fb):
        if f.contrast:
            return f"“{f.contrast}”"
    if fa.places and fb.places and not fa.places & fb.places:
        return "different places"
    if fa.years and fb.years and fa.years != fb.years:
        return "different years"
    if fa.weekdays and fb.weekdays and not fa.weekdays & fb.weekdays:
        return "different days"
    if fa.actors and fb.actors and not fa.actors & fb.actors:
        return "different names"
    if fa.directions and fb.directions and not fa.directions & fb.directions:
        return "different directions"
    if not allow_change:
        for f in (fa, fb):
            if f.change:
                return f"“{f.change}”"
    return None


def _pointing(f: Frame, other: Frame) -> str | None:
    """"that force of", "this area": a demonstrative before a word the other figure has."""
    words = f.near_before
    for k in range(len(words) - 1):
        if words[k] in ("that", "this", "these", "those") and stem(words[k + 1]) in other.stems:
            return f"{words[k]} {words[k + 1]}"
    return None


def shared_stems(fa: Frame, fb: Frame) -> tuple[tuple[str, str], ...]:
    return tuple((fa.stems[s], fb.stems[s]) for s in fa.stems if s in fb.stems)


def evidence(fa: Frame, fb: Frame, *, min_shared: int, allow_change: bool = False,
             restate_min_shared: int = 1) -> Evidence | None:
    """Evidence that claims a and b (a before b) refer to the same thing, or None.

    Either an explicit restatement cue next to either figure with ``restate_min_shared`` shared
    words, or ``min_shared`` shared content words; never across a contrast cue.
    """
    if fa.sentence == fb.sentence:
        return None
    if blocking_reason(fa, fb, allow_change=allow_change):
        return None
    shared = shared_stems(fa, fb)
    restate = fb.restate or fa.restate or _pointing(fb, fa) or _pointing(fa, fb)
    if restate and len(shared) >= restate_min_shared:
        return Evidence(shared, restate, fa.paragraph == fb.paragraph)
    if len(shared) >= min_shared:
        return Evidence(shared, None, fa.paragraph == fb.paragraph)
    return None



def bucket_key(c: Claim) -> tuple | None:
    """What a claim can be compared with at all; None for figures the rules never pair.
    (Kept for rules that import it: :func:`figcheck.rules.frame.kind_key`, which reads money
    on one base per currency.)"""
    from .frame import kind_key

    return kind_key(c)


def buckets(ctx: CheckContext) -> dict[tuple, list[int]]:
    """Claims grouped by what they could be compared with, in document order
    (:func:`figcheck.rules.frame.buckets`)."""
    from .frame import buckets as frame_buckets

    return frame_buckets(ctx)


def candidate_pairs(ctx: CheckContext, members: list[int]):
    """Each member with its nearest earlier members (:func:`figcheck.rules.frame.candidate_pairs`)."""
    from .frame import candidate_pairs as frame_pairs

    return frame_pairs(members)
