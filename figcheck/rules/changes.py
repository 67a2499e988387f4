"""Stated changes: "Sales rose 26.1% to $411.1m from $326.0m" read as one change with its three
figures — the stated change (a percentage, points or a multiplier), the new figure and the old
one — and what the old and new figures say the change is.

A change is read only where one sentence binds the three figures to it unambiguously: a change
word with a direction, the stated change next to it, and the new and old figures introduced by
"to"/"at" and "from"/"compared with"/"against" (or "Y, up X% on Z", "Y, X% more than Z",
"a X% rise in … to Y from Z", "from Z to Y, an increase of X%"), with no other figure and no
clause break between them. Anything else is not read: FC303 prefers silence to a guess.

The reading is cheap: only sentences with something that can state a change, a change word and
three figures (two with a multiplier) are looked at.
Figures the extractor does not report (bare decimals such as "to 1,738.74 from 2,246.74",
fractions such as "7-3/4 pct") are read here, only for the slots of a change.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from .. import units
from ..compiled_patterns import PatternCache
from ..extract import extract_claims
from ..extract.claims import label_reader, time_of_day_after
from ..extract.numbers import abbreviated_year, parse_scale_word, parse_words
from ..model import Claim
from .context import CheckContext, MemoKey
from .part_whole import claims_in_order
from .rounding import is_approx_qualifier, min_sig_digits, written_intervals

PATTERNS = PatternCache.beside(__file__)  # compiled once per installation


def _whole_words(words) -> str:
    r"""``\b(?:word|word…)`` spelled so that each alternative starts with a letter and checks the
    boundary after it (``o(?<!\wo)ne``): a pattern whose alternatives all start with a letter is
    tried only at those letters (the engine skips to them in C), one that starts with ``\b`` at
    every character. Whole words: end the pattern with ``\b``."""
    return "(?:" + "|".join(rf"{w[0]}(?<!\w{w[0]}){w[1:]}" for w in words) + ")"


# --- Words ---------------------------------------------------------------------------------

_UP = (
    "rose rise rises rising risen increased increase increases increasing jumped jump jumps "
    "jumping climbed climb climbs climbing grew grow grows growing grown gained gain gains gaining "
    "up higher surged surge surges surging soared soar soars soaring expanded expand expands "
    "expanding boosted boost boosts boosting raised raise raises raising advanced advances "
    "lifted lift lifts widened widen widens ballooned skyrocketed rocketed leapt leaped swelled "
    "rebounded recovered rallied firmed hiked"
).split()
_DOWN = (
    "fell fall falls falling fallen decreased decrease decreases decreasing dropped drop drops "
    "dropping declined decline declines declining slipped slip slips slipping slumped slump "
    "slumps slumping down lower lowered lowers lowering lost lose loses losing eased ease eases "
    "easing shrank shrunk shrink shrinks shrinking plunged plunge plunges plunging tumbled "
    "tumble tumbles tumbling cut cuts cutting reduced reduce reduces reducing off sank sink sinks "
    "slid slide slides dipped dip dips contracted contracting narrowed narrow narrows "
    "plummeted plummets sagged dived crashed collapsed retreated slashed trimmed shed"
).split()
DIRECTION: dict[str, int] = {**{w: 1 for w in _UP}, **{w: -1 for w in _DOWN}}
# Verbs of a change that say nothing of its direction: "went from $5.2 billion to $5.6 billion,
# up 12%" takes it from the words after the two figures (and is not read without them).
_NEUTRAL_VERBS = frozenset(
    "went go goes going gone moved move moves moving shifted shift shifts shifting swung swing swings".split())
_CHANGE_VERBS = frozenset({*DIRECTION, *_NEUTRAL_VERBS})  # (what a form's ⟨verb⟩ may be)
# Nouns that name a change ("a 25 pct increase in cotton production to …").
_NOUNS_UP = "increase rise gain jump growth surge climb advance hike boost".split()
_NOUNS_DOWN = "decrease fall drop decline cut reduction slump dip slide contraction plunge".split()
NOUN_DIRECTION: dict[str, int] = {**{w: 1 for w in _NOUNS_UP}, **{w: -1 for w in _NOUNS_DOWN}}
# Comparatives of "Y, X% more than Z".
_COMPARATIVE = {"more": 1, "higher": 1, "above": 1, "bigger": 1, "larger": 1, "greater": 1,
                "less": -1, "lower": -1, "below": -1, "smaller": -1, "fewer": -1, "up": 1, "down": -1}
_MULTIPLY_VERBS = {"doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "tripled": 3.0, "trebled": 3.0,
                   "tripling": 3.0, "triples": 3.0, "quadrupled": 4.0, "quadrupling": 4.0,
                   "halved": 0.5, "halving": 0.5, "halves": 0.5}
_FRACTION_WORDS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
                   "a quarter": 0.25, "one quarter": 0.25, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "two-thirds": 2 / 3, "two thirds": 2 / 3,
                   "three-quarters": 0.75, "three quarters": 0.75}

_CHANGE_WORDS = frozenset({*DIRECTION, *NOUN_DIRECTION, *_COMPARATIVE, *(w + "s" for w in NOUN_DIRECTION), *_MULTIPLY_VERBS,
                           "fold", "times", "half", "third", "quarter",
                           *(w + "fold" for w in ("two", "three", "four", "five", "six", "seven", "eight",
                                                  "nine", "ten", "twenty", "hundred", "thousand"))})
# (spelled so that its first item is a class: the engine then skips to a letter in C instead of
# trying the pattern at every character)
_WORDS = PATTERNS.compile(r"[a-z][a-z]*")
_SPACES = PATTERNS.compile(r"\s\s*")  # "\s+", starting with a class (see ``_WORDS``)
_DIGIT = PATTERNS.compile(r"\d")
# A number's digits as written ("1,105", "42.20"): what a scale word follows.
WRITTEN_DIGITS = PATTERNS.compile(r"\d[\d,]*(?:\.\d+)?")
_STATED_AFTER = PATTERNS.compile(r"\s*(?:percentage\s+|basis\s+|pct\s+)?(?:points?|pts?|bps?|pct|per\s*cent|percent)\b", re.I)
# Parts of the words a multiplier is written with ("doubled", "Trebled", "3-fold", "by a third"):
# few, so that finding them costs little more than a pass over the text.
_MULTIPLIER_HINTS = ("oubl", "ripl", "rebl", "adrupl", "halv", "Halv", "fold", " times", "half", "third",
                     "quarter", "fifth", "tenth")
_BASE_WORD_LIST = ("from", "than", "against", "compared", "versus", "vs", "on", "over")
_BASE_WORDS = frozenset(_BASE_WORD_LIST)
_BASE_HINT = PATTERNS.compile(_whole_words(_BASE_WORD_LIST) + r"\b|\((?:[a-z]{0,3} ?\d{2,4}|prior|last|previous)[^)]{0,8}:")
_NUMBER_WORD_LIST = "one two three four five six seven eight nine ten twenty thirty forty fifty".split()
# The digits ``_has_numbers`` counts (starting with a class: see ``_WORDS``).
_DIGIT_NUMBERS = PATTERNS.compile(r"\d\d*(?:[.,]\d+)*")


# The stated change is on another basis than the plain figures: they cannot be compared.
_BASIS = PATTERNS.compile(
    r"\b(?:real|nominal|volume|constant|local[- ]currency|dollar|sterling|euro|yen|value)\s+terms\b"
    r"|\bconstant[- ](?:currenc\w+|prices|exchange)|\blike[- ]for[- ]like\b|\bunderlying\b"
    r"|\borganic(?:ally)?\b|\bexcluding\b|\bexcl\.|\bex[- ]\w+|\badjusted\s+for\b|\bper[- ]capita\b"
    r"|\baverage\s+annual\b|\bcompound|\bcagr\b"
    r"|\b(?:pre|post)[- ]split\b|\bsplit[- ]adjusted\b|\bannuali[sz]ed\b|\bannual\s+rate\b|\binflation[- ]adjusted\b|\bin\s+\w+\s+terms\b",
    re.I,
)
# "grew 5% a year to …": a rate per period, not the whole change.
_RATE_AFTER = PATTERNS.compile(r"[\s,]*(?:on\s+average\b|annually\b|(?:a|per|each|every)\s+(?:year|month|week|day|quarter|annum)\b"
                         r"(?![\s-]*(?:earlier|ago|before|later)))", re.I)
_YEAR_BASIS = PATTERNS.compile(r"\byear[- ]on[- ]year\b|\by/y\b|\byoy\b|\bfrom\s+a\s+year\s+(?:earlier|ago)\b"
                         r"|\bover\s+the\s+year\b|\bon\s+the\s+year\b", re.I)
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_OTHER_PERIOD = PATTERNS.compile(r"^[\s,]*(?:in\s+(?:" + "|".join(_MONTHS[:12]) + r")\b(?![\s,]+(?:last\s+year|\d{4}))|(?:last|the\s+previous|a)\s+"
                           r"(?:month|week|quarter)\b|(?:\w+\s+){0,2}(?:month|week|quarter)\s+(?:earlier|ago|before)\b)",
                           re.I)
# One end a loss and the other a profit: the two are not one signed quantity here.
_EARLIER = PATTERNS.compile(
    r"\b(?:years?|months?|quarters?|weeks?|days?)\s+(?:earlier|ago|before)\b|\b(?:last|previous|prior|same|"
    r"year[- ]earlier|year[- ]ago|corresponding|comparable|earlier|preceding)\b|\b(?:19|20)\d\d\b|"
    r"\b(?:" + "|".join(_MONTHS[:12]) + r")\b", re.I)
# A base that is not the previous period's figure: "from a high of $1.25 earlier in the week".
_INTRADAY = PATTERNS.compile(r"\b(?:high|highs|low|lows|intraday|session|opening|closing)\b", re.I)
_LOSS_WORDS = PATTERNS.compile(r"\b(?:loss|losses|deficits?|shortfall)\b", re.I)
_PROFIT_WORDS = PATTERNS.compile(r"\b(?:profits?|surplus(?:es)?|earnings|income|gains?)\b|\bminus\b|\bnegative\b", re.I)
_POINTS_AFTER = PATTERNS.compile(
    r"^[ \u00a0]*(?:(?P<bp>basis[ -]points?|bps?\b|bp\b)|(?P<pp>percentage[ -]points?|pct[ -]points?|"
    r"per[ -]cent(?:age)?[ -]points?|points?|pts?\b|ppts?\b|pp\b))",
    re.I,
)
_FRACTION_POINT = PATTERNS.compile(
    r"\b(?P<q>(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+)?(?P<n>a\s+quarter(?:\s+of\s+a)?|half\s+a|a\s+half|"
    r"three[- ]quarters\s+of\s+a|an?\s+eighth\s+of\s+a)\s+(?P<pp>percentage\s+|pct\s+)?points?\b",
    re.I,
)
_FRACTION_VALUES = {"quarter": 0.25, "half": 0.5, "three": 0.75, "eighth": 0.125}
_MULTIPLIER = PATTERNS.compile(
    r"(?P<q>\b(?:more\s+than|over|nearly|almost|about|around|roughly|some|close\s+to|just\s+over|"
    r"just\s+under|at\s+least)\s+)?"
    r"(?:\b(?P<verb>doubled|doubling|doubles|tripled|trebled|tripling|triples|quadrupled|quadrupling|"
    r"halved|halving|halves)\b"
    r"|(?P<fold>\d+(?:\.\d+)?|[a-z]+)[- ]?fold\b"
    r"|(?<![\w.,])(?P<times>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times\b(?!\s+(?:a|per|in|each|every|the)\b)"
    r"|\bby\s+(?:(?P<q2>almost|nearly|about|around|roughly|more\s+than|over|some|just\s+over|just\s+under)\s+)?(?P<frac>half|a\s+half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|a\s+fifth|one\s+fifth|a\s+tenth|two[- ]thirds|"
    r"three[- ]quarters)\b(?!\s+(?:a|an|of|percentage|points?|pct|per)\b))",
    re.I,
)
_FOLD_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}
_CURRENCY_PREFIX = {"$": "currency:USD", "£": "currency:GBP", "€": "currency:EUR", "¥": "currency:JPY"}
# Numbers the extractor may leave out: digits (matched from their first digit, the characters
# before them checked in code, which keeps the scan fast), and number words.
_BARE_DIGITS = PATTERNS.compile(
    r"\d(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?(?:-\d{1,2}/\d{1,2}|/\d{1,2})?(?![\w:]|[.,]\d|-\w|/\d)"
)
_BARE_WORD = PATTERNS.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+thousand)\b(?!-)",
    re.I,
)
# ``_BARE_WORD`` for an ASCII sentence in lower case: the same matches, the pattern tried only at
# their first letters (one that starts with "\b" and ignores case is tried at every character).
_BARE_WORD_LOWER = PATTERNS.compile(_whole_words(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty"
    r" seventy eighty ninety a\s+hundred a\s+thousand".split()) + r"\b(?!-)")
_NUMBER_WORD_HINTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                      "seventy", "eighty", "ninety", "hundred", "thousand")
_QUALIFIER_BEFORE = PATTERNS.compile(r"\b(more\s+than|less\s+than|over|under|at\s+least|up\s+to|exceeding|about|around|"
                               r"nearly|almost|some|roughly|approximately)\s*$")
_PERCENT_AFTER = PATTERNS.compile(r"^[ \u00a0]?(?:%|pct\b|per[ -]?cent\b|percent\b)", re.I)

# Placeholders in the skeleton of a sentence: one character a figure, one a multiplier.
_FIG0, _MUL0 = 0xE000, 0xF000
FIG = "[\ue000-\uefff]"
MUL = "[\uf000-\uf0ff]"


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a sentence: an extractor claim, or a number read here for a change's slot."""

    claim: Claim
    synthetic: bool = False  # read here, not by the extractor
    points: str | None = None  # "pp" (percentage/index points) or "bp" (basis points)
    scale: float = 1.0  # the scale word written with it ("million", "bn"): 1 without one

    def __hash__(self) -> int:
        # Figures key the bindings of a document's changes (each looked up ~5 times where
        # changes run on): hashed by where the claim is and what it says, not by every field
        # of it. Equal figures hash alike; the rare others that do are told apart by ==.
        c = self.claim
        return hash((c.start, c.end, c.value, self.synthetic, self.points, self.scale))


@dataclass(frozen=True, slots=True)
class Multiplier:
    start: int
    end: int
    text: str
    factor: float  # ×2 for "doubled", ×0.5 for "halved"; for "by half" the fraction
    low: float
    high: float
    qualifier: str | None
    times: bool = False  # "3 times": some read it as ×3, some as ×4
    fraction: bool = False  # "grew by half": a change of ±fraction


@dataclass(frozen=True, slots=True)
class Change:
    """A change stated with its figures, and what its figures say.

    ``kind`` is "percent" (relative change, in per cent), "points" (an absolute change, in the
    unit of the figures: percentage points for percentages), "amount" (an absolute change
    written as an amount of what the figures count or measure, in the stated figure's unit and
    scale: "fell by 500 to 2,800 from 3,000") or "factor" (new / old). ``stated``
    and ``computed`` are signed intervals in that measure; ``value`` is the computed change from
    the figures as written.
    """

    kind: str
    direction: int
    start: int  # the stated change (the percentage, points or multiplier)
    end: int
    stated_text: str
    new: Claim
    old: Claim
    stated: tuple[float, float]
    computed: tuple[float, float]
    value: float
    stated_value: float  # signed
    exact: bool  # all three figures exact (no qualifier, range or reading assumption)
    x_claim: Claim | None = None
    confusion: tuple[float, float] | None = None  # for a percentage of percentages: Y − Z
    confusion_value: float | None = None
    basis_points: bool = False  # "points" stated in basis points (hundredths of a point)

    @property
    def consistent(self) -> bool:
        return overlaps(self.stated, self.computed)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end), (self.new.start, self.new.end), (self.old.start, self.old.end))


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# Relative slack on the stated change beyond one unit of its last digit: writers compute from
# unrounded figures, truncate, or round a percentage to the nearest whole or half number.
REL_SLACK = 0.04
# A multiplier in words ("doubled") is a round figure: ×2 stands for about 1.7–2.3.
WORD_FACTOR_SLACK = 0.15
FRACTION_SLACK = 0.12


# --- Reading -------------------------------------------------------------------------------


# Per document: every change read from it (memoised: any rule may ask).
_CHANGES: MemoKey[list["Change"]] = MemoKey("changes")


def read_changes(ctx: CheckContext) -> list[Change]:
    """Every change of the document that binds three figures (memoised per document)."""
    return ctx.memo(_CHANGES, lambda: _read_all(ctx))


# A change binds its figures within a few hundred characters: a "sentence" longer than this (a
# table without full stops, a run-on list) is read in windows around each place that may state a
# change, so that reading stays linear in the length of the text (docs/reliability.md).
LONG_SENTENCE = 1200
WINDOW = 400


def change_at(ctx: CheckContext, offset: int) -> Change | None:
    """The change one of whose figures covers ``offset`` (only that sentence is read)."""
    if not ctx.text:
        return None
    offset = min(max(0, offset), len(ctx.text) - 1)
    span = ctx.sentence_span(offset)
    s_start, s_end = _bounded(span, offset)
    read = _read_window(ctx, span, s_start, s_end) if (s_start, s_end) != span else _read_sentence(
        ctx, s_start, s_end, [c for c in ctx.claims if s_start <= c.start and c.end <= s_end])
    for change in read:
        if any(a <= offset <= b for a, b in change.spans):
            return change
    return None


def _bounded(span: tuple[int, int], place: int) -> tuple[int, int]:
    """The sentence, or a window of it around ``place`` when it is very long."""
    s_start, s_end = span
    if s_end - s_start <= LONG_SENTENCE:
        return s_start, s_end
    return max(s_start, place - WINDOW), min(s_end, place + WINDOW)


def _read_all(ctx: CheckContext) -> list[Change]:
    """Only sentences that hold something that can state a change (a percentage, points, a
    multiplier), at least three figures, a change word and a word that introduces the old figure
    are read, the cheapest test first; finding them costs a pass over the claims and a few
    substring searches, no regular expression over the whole text."""
    claims, text = ctx.claims, ctx.text
    if not claims:
        return []
    places = _places(claims, text)
    if not places:
        return []
    starts = [c.start for c in claims]
    out: list[Change] = []
    seen: set[int] = set()
    s_start = s_end = -1
    windowed = False
    for place in sorted(places):
        if place < (s_end - WINDOW // 2 if windowed else s_end):
            continue  # in the sentence, or well inside the window, just read
        span = ctx.sentence_span(place)
        s_start, s_end = _bounded(span, place)
        windowed = (s_start, s_end) != span
        inside = claims[bisect_left(starts, s_start) : bisect_left(starts, s_end)]
        inside = [c for c in inside if c.end <= s_end]
        sentence = text[s_start:s_end]
        n = len(inside) + sum(c.is_range for c in inside)  # "from 185,339 to 266,170": two ends
        # (enough figures first: with few claims, counting numbers costs less than finding words)
        if (n < 3 and not _enough_figures(sentence, s_start, inside, n)) or not _may_state_a_change(sentence):
            continue
        read = _read_window(ctx, span, s_start, s_end, seen) if windowed else \
            _read_sentence(ctx, s_start, s_end, inside)
        for change in read:
            if change.start not in seen:
                seen.add(change.start)
                out.append(change)
    return out


def _places(claims: list[Claim], text: str) -> list[int]:
    """Where a change may be stated: a percentage, a count followed by "points", a multiplier's
    hint, an amount after a change verb and before "to" or "from" ("fell by 500 to 2,800")."""
    places = []
    for c in claims:
        kind = c.kind
        if kind == "percent" or (kind == "count" and text.find("p", c.end, c.end + 14) >= 0
                                 and _STATED_AFTER.match(text, c.end)):
            places.append(c.start)
        elif (text.startswith(_TO_OR_FROM, c.end) and _amount_after_verb(text, c.start)) \
                or _amount_after_noun(text, c.start):
            places.append(c.start)
    for hint in _MULTIPLIER_HINTS:
        if hint in text:  # (most are not: "in" costs a search, "find" its arguments parsed too)
            i = text.find(hint)
            while i >= 0:
                places.append(i)
                i = text.find(hint, i + 1)
    return places


_TO_OR_FROM = (" to ", " from ")
_VERB_BEFORE = PATTERNS.compile(r"([a-z]+) (?:by )?$")


def _amount_after_verb(text: str, start: int) -> bool:
    """Whether a change verb stands just before ``start`` ("rose $5 million", "fell by 500")."""
    m = _VERB_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1) in DIRECTION


_NOUN_OF_BEFORE = PATTERNS.compile(
    r"\b(?:increase|rise|gain|jump|drop|fall|decline|decrease|reduction|cut)s? of $", re.I)


def _amount_after_noun(text: str, start: int) -> bool:
    """Whether a noun of change and "of" stand just before ``start`` ("…, an increase of $5
    million"). (Asked of every figure of a document: the pattern is searched only after "of ".)"""
    return text[max(0, start - 3) : start].lower() == "of " and \
        _NOUN_OF_BEFORE.search(text, max(0, start - 16), start) is not None


def _enough_figures(sentence: str, s_start: int, inside: list[Claim], n: int) -> bool:
    """Besides ``n`` claims, enough numbers for three figures (years do not count), or two
    figures and a multiplier."""
    lower = sentence.lower()
    return (n == 2 and any(h in lower for h in _MULTIPLIER_HINTS)) or _has_numbers(
        lower, 3 - n, [(c.start - s_start, c.end - s_start) for c in inside])


@functools.lru_cache(maxsize=8192)
def _may_state_a_change(sentence: str) -> bool:
    """A change word and a word that introduces the old figure (kept by the sentence's text:
    re-checking an unchanged sentence costs a look-up)."""
    lower = sentence.lower()
    words = _WORDS.findall(lower)
    if _CHANGE_WORDS.isdisjoint(words):
        return False
    # a word ``_BASE_HINT`` finds is one of ``words``: without one (or a bracket) it finds nothing
    if _BASE_WORDS.isdisjoint(words) and "(" not in lower:
        return False
    return _BASE_HINT.search(lower) is not None


def _has_numbers(lower: str, wanted: int, spans: list[tuple[int, int]]) -> bool:
    r"""Whether a sentence holds ``wanted`` numbers outside ``spans`` (the claims), years aside:
    the matches of "\d+(?:[.,]\d+)*|\b(?:one|…|fifty)\b", counted as digits (one pattern) and
    number words (found as substrings: a pattern that starts with "\b" is tried at every
    character). The two kinds of match are apart (digits and letters), and a word between word
    boundaries is the whole of its run of letters, so no two number words overlap."""
    for m in _DIGIT_NUMBERS.finditer(lower):
        if not _YEAR.fullmatch(m.group()) and not any(a <= m.start() < b for a, b in spans):
            wanted -= 1
            if wanted <= 0:
                return True
    n = len(lower)
    for word in _NUMBER_WORD_LIST:
        i = lower.find(word)
        while i >= 0:
            j = i + len(word)
            if ((i == 0 or not _is_word_char(lower[i - 1])) and (j == n or not _is_word_char(lower[j]))
                    and not any(a <= i < b for a, b in spans)):
                wanted -= 1
                if wanted <= 0:
                    return True
            i = lower.find(word, i + 1)
    return False


def _is_word_char(ch: str) -> bool:
    r"""What "\w" matches in a pattern over text: a letter or digit of any script, or "_"."""
    return ch.isalnum() or ch == "_"


def _read_sentence(ctx: CheckContext, s_start: int, s_end: int, claims: list[Claim]) -> list[Change]:
    sentence = ctx.text[s_start:s_end]
    matches, tokens = _forms_of(sentence, s_start, tuple(claims))
    return _bound(ctx, matches, tokens, s_end)


def _bound(ctx: CheckContext, matches: list[dict[str, str | None]], tokens: dict,
           reads_to: int, known: set[int] | None = None) -> list[Change]:
    """The changes the forms matched in a sentence (or a window of one) bind, each once; the
    words after their figures are read up to ``reads_to``, the sentence's end. ``known``: where
    changes already found start (an earlier window's): a form whose stated figure starts there
    is not bound again."""
    found: list[Change] = []
    seen: set[int] = set()
    for groups in matches:
        x_obj = _stated_of(groups, tokens)
        if x_obj is None:
            continue
        at = x_obj.claim.start if isinstance(x_obj, Figure) else x_obj.start  # (a change's start)
        if at in seen or (known and at in known):
            continue  # (the first form to bind a change is the one kept)
        change = _bind(ctx, groups, x_obj, tokens, reads_to)
        if change is not None and change.start not in seen:
            seen.add(change.start)
            found.append(change)
    return found


def _stated_of(gd: dict[str, str | None], tokens: dict) -> Figure | Multiplier | None:
    """The figure (or multiplier) that states a form's change."""
    return tokens.get(gd.get("x") or gd.get("x2") or gd.get("mv") or "")


def _too_few(figures: list[Figure], multipliers: list[Multiplier]) -> bool:
    """Whether no change can be stated: a change binds three figures, or two and a multiplier."""
    return len(figures) + len(multipliers) < 3 and not (len(figures) >= 2 and multipliers)


def _read_window(ctx: CheckContext, span: tuple[int, int], s_start: int, s_end: int,
                 known: set[int] | None = None) -> list[Change]:
    """The changes of a window of a long sentence (``span``), its figures taken from those of the
    whole sentence, read once: windows overlap (each character is in about four), and a figure
    near a window's edge is read with the words around it as written, not cut off."""
    figures, multipliers = _long_sentence(ctx, span)
    inside = [f for f in figures.between(s_start, s_end) if f.claim.end <= s_end]
    multipliers = [m for m in multipliers.between(s_start, s_end) if m.end <= s_end]
    if _too_few(inside, multipliers):
        return []
    sentence = ctx.text[s_start:s_end]
    skeleton, tokens = _skeleton(sentence, s_start, inside, multipliers)
    # (the words after a change's figures are read to the sentence's end, not the window's:
    # every window that binds a change reads it alike, and it is bound once)
    return _bound(ctx, _groups_of(skeleton), tokens, span[1], known)


class _InOrder:
    """Figures or multipliers in order of start, and those that start within a window."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list, starts: list[int]) -> None:
        self.items, self.starts = items, starts

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _long_sentence(ctx: CheckContext, span: tuple[int, int]) -> tuple[_InOrder, _InOrder]:
    """The figures and multipliers of a long sentence, read once a check (its windows share them)
    and kept across checks by its text and claims, as :func:`_forms_of` keeps a sentence's."""
    kept = ctx.memo(_LONG_SENTENCES, dict)
    found = kept.get(span)
    if found is None:
        start, end = span
        found = kept[span] = _long_sentence_figures(ctx.text[start:end], start, tuple(_claims_within(ctx, start, end)))
    return found


def _claims_within(ctx: CheckContext, start: int, end: int) -> list[Claim]:
    """The claims from ``start`` to ``end``, in order of start: a bisect in the document's claims
    in order (a document of many long sentences would otherwise scan every claim for each)."""
    starts, claims = ctx.memo(_BY_START, lambda: _by_start(ctx))
    return [c for c in claims[bisect_left(starts, start) : bisect_left(starts, end)] if c.end <= end]


def _by_start(ctx: CheckContext) -> tuple[list[int], list[Claim]]:
    claims = [ctx.claims[k] for k in claims_in_order(ctx)]
    return [c.start for c in claims], claims


_BY_START: MemoKey[tuple[list[int], list[Claim]]] = MemoKey("changes.claims_by_start")


# (a few: a long sentence may be megabytes, and an editor makes a new one at each keystroke in it)
@functools.lru_cache(maxsize=8)
def _long_sentence_figures(sentence: str, s_start: int, claims: tuple[Claim, ...]) -> tuple[_InOrder, _InOrder]:
    figures, multipliers = _figures(sentence, s_start, list(claims))
    multipliers = sorted(multipliers, key=lambda m: m.start)
    return (_InOrder(figures, [f.claim.start for f in figures]),
            _InOrder(multipliers, [m.start for m in multipliers]))


_LONG_SENTENCES: MemoKey[dict[tuple[int, int], tuple[_InOrder, _InOrder]]] = MemoKey("changes.long_sentences")


@functools.lru_cache(maxsize=4096)
def _groups_of(skeleton: str) -> list[dict[str, str | None]]:
    """The groups of each form matched in a skeleton (kept by its text)."""
    return [groups for _form, _place, groups in form_matches(skeleton)]


@functools.lru_cache(maxsize=4096)
def _forms_of(sentence: str, s_start: int, claims: tuple[Claim, ...]) -> tuple[list[dict[str, str | None]], dict]:
    """The groups of each form matched in a sentence, and its placeholder → figure table: all
    that the sentence and its claims decide (kept by them: re-checking costs a look-up); binding
    the figures also reads the text after the sentence."""
    figures, multipliers = _figures(sentence, s_start, list(claims))
    if _too_few(figures, multipliers):
        return [], {}
    skeleton, tokens = _skeleton(sentence, s_start, figures, multipliers)
    return _groups_of(skeleton), tokens


def _figures(sentence: str, base: int, claims: list[Claim]) -> tuple[list[Figure], list[Multiplier]]:
    """The figures of a sentence in order: the extractor's claims (restatements in brackets
    left out) and the numbers it did not report; and the multipliers."""
    multipliers = _multipliers(sentence, base)
    taken = [(m.start, m.end) for m in multipliers]
    figures: list[Figure] = []
    for c in _split_ranges(claims):
        if c.role == "age" or (c.kind != "percent" and (
                c.converted_from is not None or _in_brackets_after_figure(sentence, c.start - base))):
            continue  # a restatement in brackets is not an end ("$1.13bn (£600m)"); "(−13%)" may state the change
        if taken and any(a < c.end and c.start < b for a, b in taken):
            continue
        if c.kind == "quantity" and _attributive(sentence, c.start - base + len(c.number_text)):
            continue  # "15-year cicadas", "a 5-year bond": what is described, not an amount
        c = _mended(sentence, base, c)
        figures.append(Figure(c, points=_points_after(sentence, c.end - base, c), scale=_scale_of(c)))
    covered = _Covered([(f.claim.start, f.claim.end) for f in figures] + [(c.start, c.end) for c in claims] + taken)
    lower = sentence.lower()
    for m in _FRACTION_POINT.finditer(sentence) if "point" in lower else ():
        s, e = base + m.start(), base + m.end()
        if covered.overlaps(s, e):
            continue
        figures.append(_fraction_point(m, base))
        covered.add(s, e)
    words = any(w in lower for w in _NUMBER_WORD_HINTS)
    bare = [(m, False) for m in _BARE_DIGITS.finditer(sentence)
            if not (m.start() and sentence[m.start() - 1] in _NOT_BEFORE_DIGITS)
            and not abbreviated_year(sentence, m.start(), m.end())]
    bare += [(m, True) for m in _bare_words(sentence, lower)] if words else []
    is_label = label_reader(sentence) if bare else None
    for m, is_word in bare:
        s, e = base + m.start(), base + m.end()
        if covered.overlaps(s, e):
            continue
        if _attributive(sentence, m.end()):
            continue  # "14- and 15-year cicadas": the first of two figures sharing a unit
        fig = _bare_figure(sentence, m, base, is_word, is_label)
        if fig is not None:
            figures.append(fig)
            covered.add(fig.claim.start, fig.claim.end)
    figures.sort(key=lambda f: f.claim.start)
    return figures, multipliers


class _Covered:
    """The spans of a sentence its figures take, merged and in order: whether a span overlaps
    one of them is a bisect (a long run of numbers would otherwise test each against all)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e) - 1  # (the last span starting before e: spans are apart)
        return k >= 0 and self.ends[k] > s

    def add(self, s: int, e: int) -> None:
        lo = bisect_left(self.ends, s)  # (the first span that ends at or after s)
        hi = bisect_left(self.starts, e + 1)  # (past the last span that starts at or before e)
        if lo < hi:  # (touching or overlapping spans become one)
            s, e = min(s, self.starts[lo]), max(e, self.ends[hi - 1])
        self.starts[lo:hi], self.ends[lo:hi] = [s], [e]


def _attributive(sentence: str, at: int) -> bool:
    """Whether the number ending at ``at`` is joined by a hyphen to the word after it ("15-year
    cicadas", "13- and 17-year"): it describes a noun, as no old or new value of a change does."""
    return sentence[at : at + 1] in ("-", "\u2011") and (sentence[at + 1 : at + 2].isalpha() or sentence[at + 1 : at + 2] == " ")


def _bare_words(sentence: str, lower: str) -> list[re.Match]:
    """The matches of ``_BARE_WORD`` in ``sentence`` (``lower``: it in lower case); only their
    spans are read."""
    return list(_BARE_WORD_LOWER.finditer(lower) if sentence.isascii() else _BARE_WORD.finditer(sentence))


_BROKEN_AFTER = PATTERNS.compile(r"^\s*\n\s*(?:(?P<pct>pct\b|per\s*cent\b|percent\b)|(?P<scale>thousand|million|billion|trillion|mln|bln|bn)\b)", re.I)


def _mended(sentence: str, base: int, claim: Claim) -> Claim:
    """A bare count whose per cent sign or scale word the extractor did not see across a line
    break ("70\npct", "26\nbillion"): the figure as a reader reads it."""
    if claim.kind != "count" or claim.counted or claim.unit is not None:
        return claim
    m = _BROKEN_AFTER.match(sentence[claim.end - base : claim.end - base + 20])
    if not m:
        return claim
    end = claim.end + m.end()
    text = sentence[claim.start - base : end - base]
    if m.group("pct"):
        return replace(claim, end=end, text=text, kind="percent", unit="percent", dimension="percent")
    sc = parse_scale_word(m.group("scale"), 0)
    if not sc or _scale_of(claim) != 1.0:
        return claim
    f = sc[0]
    return replace(claim, end=end, text=text, value=claim.value * f, low=claim.value * f, high=claim.value * f,
                   rounding=claim.rounding * f, number_text=_SPACES.sub(" ", text))


_TO_RANGE = PATTERNS.compile(r"^(?:from\s+)?(?P<a>.*?\d.*?)\s+to\s+(?P<b>.*\d.*)$", re.I | re.S)


def _split_ranges(claims: list[Claim]) -> list[Claim]:
    """The claims, with a range read across "to" split into its two figures: in "rose 44 pct
    from 185,339 to 266,170" and "rose 1.8% to 7.3% from 5.5%" the ends of the "range" are the
    two ends of a change."""
    out = []
    for c in claims:
        m = _TO_RANGE.match(c.text) if c.is_range else None
        if m is None:
            out.append(c)
            continue
        parts = []
        for key in ("a", "b"):
            found = extract_claims(m.group(key))  # the extractor's own reading of each end
            if len(found) != 1:
                parts = None
                break
            shift = c.start + m.start(key)
            part = found[0]
            if m.group(key).strip() == part.text:  # (a number alone: "6" of "6 to 9 months")
                part = _in_range_unit(part, c, c.low if key == "a" else c.high)
            parts.append(replace(part, start=part.start + shift, end=part.end + shift,
                                 unit_start=None if part.unit_start is None else part.unit_start + shift,
                                 unit_end=None if part.unit_end is None else part.unit_end + shift,
                                 converted_from=None))
        if parts is None:
            out.append(c)
        else:
            out.extend(parts)
    return out


def _in_range_unit(end: Claim, whole: Claim, value: float | None) -> Claim:
    """An end of a range written as a number alone, in the range's unit: the "6" of "6 to 9
    months" is six months (read alone, a bare number, which a change binds to any other figure
    of the sentence)."""
    if end.unit is not None or whole.unit is None or value is None or not end.value:
        return end
    return replace(end, value=value, low=value, high=value, unit=whole.unit, kind=whole.kind,
                   dimension=whole.dimension, counted=whole.counted,
                   rounding=end.rounding * abs(value / end.value))


_BRACKET_AFTER_FIGURE = PATTERNS.compile(r"\d[\w.%]*\s*\(\s*(?:about|around|some|or|c\.|~)?\s*[$£€¥]?$")


def _in_brackets_after_figure(sentence: str, pos: int) -> bool:
    """"$1.13bn (£600m)": the bracketed figure restates the one before it."""
    before = sentence[max(0, pos - 24) : pos]
    return "(" in before and _BRACKET_AFTER_FIGURE.search(before) is not None


_POINTS_WORD = PATTERNS.compile(r"points?\b", re.I)


def _points_after(sentence: str, end: int, claim: Claim) -> str | None:
    if claim.unit == "percentage_point" or claim.dimension == "percentage point":
        return "pp"
    if claim.kind != "count":
        if claim.kind == "percent" and _POINTS_WORD.search(claim.text):
            return "pp"
        return None
    m = _POINTS_AFTER.match(sentence[end : end + 24])
    if not m:
        return None
    return "bp" if m.group("bp") else "pp"


_SCALED = PATTERNS.compile(r"\d\s*(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|tn|trn|[kmb])\b", re.I)


def _scale_of(claim: Claim) -> float:
    """The scale written with a claim's number ("20 billion" → 1e9), 1 without one."""
    digits = WRITTEN_DIGITS.search(claim.number_text or "")
    if not digits or not _SCALED.search(claim.number_text or claim.text):
        return 1.0
    try:
        written = float(digits.group().replace(",", ""))
    except ValueError:
        return 1.0
    if written <= 0:
        return 1.0
    ratio = claim.value / written
    if ratio < 100:
        return 1.0
    return 10 ** round(math.log10(ratio))


def _fraction_point(m: re.Match, base: int) -> Figure:
    words = m.group("n").lower()
    value = next(v for k, v in _FRACTION_VALUES.items() if k in words)
    q = (m.group("q") or "").strip().lower() or None
    low, high = value, value
    if q in ("more than",):
        high = None
    elif q == "less than":
        low = None
    start = base + m.start() + (len(m.group("q")) if m.group("q") else 0)
    claim = Claim(start=start, end=base + m.end(), text=m.group(0)[m.start("n") - m.start():],
                  value=value, low=low, high=high, unit="percentage_point", dimension="percentage point",
                  kind="percent", qualifier=q, number_text=m.group("n"), rounding=0.125 / 2)
    return Figure(claim, synthetic=True, points="pp")


_NOT_BEFORE_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789.,/-:#")


_MONTH_BEFORE = PATTERNS.compile(r"(?:" + "|".join(_MONTHS) + r")\.?\s*$")
_MONTH_AFTER = PATTERNS.compile(r"^\s*(?:" + "|".join(_MONTHS) + r")\b", re.I)
_LABEL_BEFORE = PATTERNS.compile(r"(?:no\.|#|[a-z]-)\s*$")
_ORDINAL_AFTER = PATTERNS.compile(r"^(?:st|nd|rd|th|'s|’s|s)\b")
_CURRENCY_BEFORE = PATTERNS.compile(r"(US\$|\$|£|€|¥)[ \u00a0]?$")
_YEAR = PATTERNS.compile(r"(1[89]|20)\d\d")
_SLOT_WORD_BEFORE = PATTERNS.compile(r"\b(?:from|to|at|by|of)\s*$")


def _bare_figure(sentence: str, m: re.Match, base: int, is_word: bool,
                 is_label: Callable[[int], bool]) -> Figure | None:
    """A number the extractor left out, when it can only be a figure (not a date, a year, a
    time, an identifier or part of a name); ``is_label(at)``: the extractor's reading of a label
    at ``at`` of the sentence."""
    before = sentence[max(0, m.start() - 12) : m.start()].lower()
    after = sentence[m.end() : m.end() + 16]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return None
    if _LABEL_BEFORE.search(before) or _ORDINAL_AFTER.match(after) or is_label(m.start()):
        return None  # "No. 5", "5th", "on days 15 and 16"
    currency = None
    if is_word:
        number = parse_words(sentence, m.start())
        if number is None:
            return None
        value, rounding, n_start, n_end, number_text = number.value, number.rounding, number.start, number.end, number.text
    else:
        raw = m.group()
        if _YEAR.fullmatch(raw) and not parse_scale_word(sentence, m.end()):
            return None  # a year
        value, rounding = _fraction_value(raw)
        if value is None:
            return None
        if time_of_day_after(sentence, m.end()):
            return None  # "At 1300 GMT": a time, as the extractor reads it
        n_start, n_end, number_text = m.start(), m.end(), raw
        cm = _CURRENCY_BEFORE.search(sentence, max(0, n_start - 4), n_start)
        if cm:
            currency = cm
    end = n_end
    scale = 1.0
    sc = parse_scale_word(sentence, end)
    if sc:
        scale, end = sc
        value *= scale
        rounding *= scale
        number_text = sentence[n_start:end]
    kind, dimension, unit = "count", "count", None
    pm = _PERCENT_AFTER.match(sentence[end : end + 10])
    if pm:
        kind, dimension, unit = "percent", "percent", "percent"
        end += pm.end()
    elif currency:
        kind, dimension = "money", _CURRENCY_PREFIX.get(currency.group(1)[-1], "currency:USD")
    elif is_word and scale == 1.0 and not _SLOT_WORD_BEFORE.search(before):
        return None  # a number word alone is rarely a figure of a change
    start = base + (currency.start() if currency else n_start)
    low = high = value
    qualifier = None
    q = _QUALIFIER_BEFORE.search(before)
    if q:
        qualifier = _SPACES.sub(" ", q.group(1))
        if qualifier in ("more than", "over", "at least", "exceeding"):
            high = None
        elif qualifier in ("less than", "under", "up to"):
            low = None
    claim = Claim(start=start, end=base + end, text=sentence[start - base : end], value=value, low=low,
                  high=high, unit=unit, dimension=dimension, kind=kind, number_text=number_text,
                  rounding=rounding, qualifier=qualifier)
    return Figure(claim, synthetic=True, points=_points_after(sentence, end, claim), scale=scale)


_FRACTION_NUMBER = PATTERNS.compile(r"([\d,]+(?:\.\d+)?)(?:-(\d{1,2})/(\d{1,2})|/(\d{1,2}))?")


def _fraction_value(raw: str) -> tuple[float | None, float]:
    """"7-3/4" → 7.75, "1/8" → 0.125, "1,738.74" → 1738.74, with half a unit of the last digit."""
    m = _FRACTION_NUMBER.fullmatch(raw)
    if not m:
        return None, 0.0
    whole = m.group(1).replace(",", "")
    if m.group(4):
        den = int(m.group(4))
        return (float(whole) / den, 0.5 / den) if den else (None, 0.0)
    value = float(whole)
    if m.group(2):
        den = int(m.group(3))
        if not den:
            return None, 0.0
        return value + int(m.group(2)) / den, 0.5 / den
    if "." in whole:
        return value, 0.5 * 10 ** -len(whole.split(".")[1])
    return value, 0.5


# Every multiplier holds one of these words, or "by" and a fraction ("by a third"): "first
# quarter" alone, common in company news, does not send a sentence to the costly _MULTIPLIER scan.
_MULTIPLIER_HINT = PATTERNS.compile(r"doubl|tripl|trebl|quadrupl|halv|fold|times", re.I)
_FRACTION_HINT = PATTERNS.compile(r"half|third|quarter|fifth|tenth", re.I)
_BY = PATTERNS.compile(r"\bby\s", re.I)


_MULTIPLIER_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "times")
_FRACTION_STEMS = ("half", "third", "quarter", "fifth", "tenth")


def _may_hold_multiplier(sentence: str) -> bool:
    """What ``_MULTIPLIER_HINT`` (or ``_FRACTION_HINT`` and "by") finds, by substring tests when
    the sentence is ASCII (the case-blind patterns also take a few other letters: "ſ" for "s")."""
    if not sentence.isascii():
        return bool(_MULTIPLIER_HINT.search(sentence) or (_FRACTION_HINT.search(sentence) and _BY.search(sentence)))
    lower = sentence.lower()
    return any(h in lower for h in _MULTIPLIER_STEMS) or (
        any(h in lower for h in _FRACTION_STEMS) and _BY.search(sentence) is not None)


# What every match of ``_MULTIPLIER`` holds after its qualifier and the number before its word
# (in lower case): a multiplying verb's start, "fold", "times", or "by".
_MULTIPLIER_CORES = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "times", "by")


def multiplier_matches(sentence: str) -> list[re.Match]:
    """The matches of ``_MULTIPLIER.finditer(sentence)``, tried only just before the words every
    match holds (a case-blind pattern that starts with ``\b`` is tried at every character). What
    stands in a match before such a word is at most three runs of letters, digits or "." (two
    qualifier words and a number) apart by white space or "-", so the match starts at or after
    four such runs and gaps back; a match there is the leftmost, since none can start before."""
    if not sentence.isascii():  # (case-blind letters and lower() differ beyond ASCII)
        return reference_multiplier_matches(sentence)
    lower = sentence.lower()
    cores = sorted(i for word in _MULTIPLIER_CORES for i in _places_of(lower, word))
    out: list[re.Match] = []
    pos = 0
    for core in cores:
        if core < pos:
            continue
        k = _runs_back(sentence, core, pos)
        for start in range(k, core + 1):
            m = sentence[start].isalnum() and _MULTIPLIER.match(sentence, start)
            if m:
                out.append(m)
                pos = m.end()
                break
        else:
            pos = core + 1  # no match starts before this word's next character
    return out


def reference_multiplier_matches(sentence: str) -> list[re.Match]:
    """What ``multiplier_matches`` finds, the slow way (for tests)."""
    return list(_MULTIPLIER.finditer(sentence))


def _places_of(text: str, word: str) -> list[int]:
    out = []
    i = text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _runs_back(sentence: str, end: int, lo: int) -> int:
    """Where four runs of word characters or "." and the white space or "-" after each, back from
    ``end``, start (not before ``lo``)."""
    k = end
    for _ in range(4):
        while k > lo and (sentence[k - 1].isalnum() or sentence[k - 1] in "_."):
            k -= 1
        while k > lo and (sentence[k - 1].isspace() or sentence[k - 1] == "-"):
            k -= 1
    return k


# What a fold names when it is one step of a series ("six five-fold dilutions (from 1,000 ng to
# 0.32 ng)": 5⁵ from end to end), not the change between the figures.
_SERIES_STEP = PATTERNS.compile(r"[\s-]+(?:serial[\s-]+)?(?:dilutions?|steps?|increments?)\b", re.I)


# "N times" multiplies when a comparative follows it ("four times higher"), or when it follows a
# verb of change or "by" ("increased four times to …", "grew by 3.5 times") with no comma or time
# after it; otherwise it counts occasions: "The Bank has raised rates four times, from 0.1% to
# 1%", "raised borrowing costs five times last year", "went up five times since November".
_TIMES_COMPARED = PATTERNS.compile(
    r"\s+(?:more|less|higher|lower|larger|smaller|bigger|greater|faster|slower|as)\b", re.I)
_TIMES_OCCASIONS = PATTERNS.compile(
    r"\s*[,;(]|\s+(?:last|this|since|so\s+far|in\s+(?:the\s+)?(?:past|last|\d)|during|between|before)\b", re.I)
_WORD_BEFORE = PATTERNS.compile(r"([^\W\d_]+)\s+$")


def _times_multiply(sentence: str, start: int, end: int) -> bool:
    """Whether "N times" (its number at ``start``, the match ending at ``end``) multiplies."""
    if _TIMES_COMPARED.match(sentence, end):
        return True
    before = _WORD_BEFORE.search(sentence, max(0, start - 20), start)
    word = before.group(1).lower() if before else None
    return (word in _CHANGE_VERBS or word == "by") and _TIMES_OCCASIONS.match(sentence, end) is None


def _multipliers(sentence: str, base: int) -> list[Multiplier]:
    out = []
    if not _may_hold_multiplier(sentence):
        return out
    for m in multiplier_matches(sentence):
        q = _SPACES.sub(" ", (m.group("q") or m.group("q2") or "").strip().lower()) or None
        times = fraction = False
        if m.group("verb"):
            factor = _MULTIPLY_VERBS[m.group("verb").lower()]
            rel = WORD_FACTOR_SLACK
        elif m.group("fold"):
            word = m.group("fold").lower()
            factor = float(word) if word[0].isdigit() else _FOLD_WORDS.get(word)
            if not factor or factor <= 1 or _SERIES_STEP.match(sentence, m.end()):
                continue
            rel = 0.08 if word[0].isdigit() else WORD_FACTOR_SLACK
        elif m.group("times"):
            word = m.group("times").lower()
            factor = float(word) if word[0].isdigit() else _FOLD_WORDS[word]
            if factor <= 1 or not _times_multiply(sentence, m.start("times"), m.end()):
                continue
            rel, times = 0.08, True
        else:
            factor = _FRACTION_WORDS[_SPACES.sub(" ", m.group("frac").lower())]
            rel, fraction = FRACTION_SLACK, True
        low, high = factor * (1 - rel), factor * (1 + rel)
        if q in ("more than", "over", "at least", "just over"):
            low, high = factor * (1 - 0.02), math.inf
        elif q in ("nearly", "almost", "close to", "just under"):
            low, high = factor * (1 - 2 * rel), factor * 1.02
        elif q:
            low, high = factor * (1 - 1.5 * rel), factor * (1 + 1.5 * rel)
        start = m.start("q") if m.group("q") else m.start()
        out.append(Multiplier(base + start, base + m.end(), m.group(0), factor, low, high, q, times, fraction))
    return out


def _skeleton(sentence: str, base: int, figures: list[Figure], multipliers: list[Multiplier]):
    """The sentence in lower case with each figure and multiplier replaced by one placeholder
    character, white space collapsed; and the placeholder → object table."""
    items = sorted([(f.claim.start, f.claim.end, f) for f in figures]
                   + [(m.start, m.end, m) for m in multipliers], key=lambda t: t[0])
    parts, tokens, pos = [], {}, base
    nf = nm = 0
    for start, end, obj in items:
        if start < pos:
            continue
        parts.append(sentence[pos - base : start - base])
        if isinstance(obj, Figure):
            ch = chr(_FIG0 + nf)
            nf += 1
        else:
            ch = chr(_MUL0 + nm)
            nm += 1
        tokens[ch] = obj
        parts.append(f" {ch} ")
        pos = end
    parts.append(sentence[pos - base :])
    skeleton = _SPACES.sub(" ", "".join(parts).lower())
    # "between 2010 and 2020", "from 2010 to 2020": a period, not a clause break or an end
    skeleton = _YEAR_SPAN.sub(r"in \2–\3", skeleton)
    skeleton = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", skeleton).replace("( ", "(")
    return skeleton, tokens


_SPACE_BEFORE_PUNCTUATION = PATTERNS.compile(r" ([,.;:)])")
_YEAR_SPAN = PATTERNS.compile(r"(" + _whole_words(("between", "from")) + r") ((?:19|20)\d\d) (?:and|to) ((?:19|20)\d\d)\b")

# --- The forms a change is written in --------------------------------------------------------
#
# A form is written once, with three markers for its costly parts: ⟨verb⟩ (a change verb), ⟨gap0⟩
# (verb … stated change: no clause break, no change word even inside a word) and ⟨gap⟩ (between
# the figures of one change: no clause break, no other change verb). Spelled out, a marker is an
# alternation of some 150 words, and the 15 forms took about 190 ms of regex compilation, most of
# it on these alternations and on the placeholder ranges (sre expands a range of code points one by
# one). So a form is matched with a *fast* pattern first, on a *collapsed* skeleton (the same
# length): every figure placeholder made \x01 and every multiplier's \x02 (no pattern tells
# placeholders apart; the groups are then read from the real skeleton), "’" made "'", and the first
# letter of each clause-break word made a capital (the skeleton has none), so that a gap stops at a
# capital instead of spelling the clause words out in every gap; the fast patterns' literals take
# either case where a capital may stand. ⟨verb⟩ is any word and ⟨gap0⟩ and ⟨gap⟩ stop only at a
# clause break; what they took is checked in Python. The *full* pattern (markers spelled out) is
# the fast one with more conditions on what these groups hold, tried in the same order: no fast
# match means no full match, and a fast match that passes the checks is the full pattern's match.
# A ⟨gap0⟩ that holds a change word means no match at all: it is the form's first choice (after a
# verb that cannot change), its shorter spans failed in the fast pattern already and its longer
# ones hold the word too. Only when another check fails is the full pattern compiled and matched
# (it may find other gaps).

_VERB, _GAP0, _GAP = "⟨verb⟩", "⟨gap0⟩", "⟨gap⟩"
_NOUN = r"(?P<n>\b(?:" + "|".join(sorted(NOUN_DIRECTION, key=len, reverse=True)) + r")s?\b)"
_CLAUSE = r"\b(?:and|but|while|whereas|with|including|which|who|as|because|after|before|although|though|when|where|than|or|to|from|against|compared|versus|vs)\b"
_NOT = r"[\ue000-\uf0ff;:!?.]"


def _gap(n: int, extra: str = "") -> str:
    stop = _CLAUSE + (f"|{extra}" if extra else "")
    return rf"(?:(?!{stop}|{_NOT}).){{0,{n}}}?"


_OTHER_VERB_SET = frozenset(w for w in DIRECTION if w not in ("up", "down", "higher", "lower", "off"))
# A clause a comma opens that names a change of its own ("recall drops 26 points, for an overall
# reduction in F1 from 60.5% to 40.3%": the ends are the reduction's, whose size is not given).
# (Not any noun of change: "spent $214.8 million in advance of … -- nearly four times more".)
_CHANGE_NAMED = r"(?:[\w'’-]+ ){0,3}(?:" + "|".join(sorted(NOUN_DIRECTION, key=len, reverse=True)) + r")s?\b"
_NEW_CHANGE = rf"(?:, ?|(?<=, )){_CHANGE_NAMED}"  # (the comma may be the form's, just before the gap)
_NEW_CHANGE_AT = PATTERNS.compile(_NEW_CHANGE)
_OTHER_VERBS = "|".join(sorted(_OTHER_VERB_SET, key=len, reverse=True))
# The markers spelled out (the full patterns) and as the fast patterns read them.
_SPELLED_OUT = {
    _VERB: r"(?P<v>\b(?:" + "|".join(sorted(_CHANGE_VERBS, key=len, reverse=True)) + r")\b)",
    _GAP0: _gap(60, "|".join(sorted(DIRECTION, key=len, reverse=True))),  # verb … stated change
    _GAP: _gap(60, rf"\b(?:{_OTHER_VERBS})\b|{_NEW_CHANGE}"),  # between the figures of one change: no second change
}
_DET = r"(?:(?!(?:from|to|and|but|while|against|than|compared|versus|vs|or|with)\b)[\w'’-]+,? ){0,4}"
# (words up to an old figure: not a word that brings in another figure, a cause or a concession)
_ZDET = (r"(?:(?!(?:to|and|but|while|than|or|with|including|excluding|plus|despite|amid|because|due|thanks|given|"
         r"expectations?|expected|estimates?|consensus|analysts?)\b)[\w'’.-]+,? ){0,5}")
X = rf"(?P<x>{FIG}|{MUL})"
Y = rf"(?P<y>{FIG})"
Z = rf"(?P<z>{FIG})"
_HEAD = rf"(?:{_VERB} {_GAP0}(?:by )?{X}|(?P<mv>{MUL}))"
_FROM = r"(?:, )?(?P<conn>from|compared with|compared to|against|versus|vs\.?)"
_TO = r"(?:to|at)"
_AFTER_NOUN = r"(?:(?:an?|the) )?(?:(?P<n2>increase|rise|gain|jump|growth|drop|fall|decline|decrease|reduction|cut) of |(?P<v2>up|down|off|higher|lower) (?:by )?)"

# ", or $1.05 a share," after a figure: its per-share restatement, not another end.
_ASIDE = rf"(?:, or {FIG}(?:(?!{_CLAUSE})[^\ue000-\uf0ff,;:]){{0,30}},)?"
_TO_Y_FROM_Z = rf"{_TO} {_DET}{Y}{_ASIDE}{_GAP}(?P<second>(?<=, )(?:up|down|higher|lower|off) )? ?{_FROM} {_ZDET}{Z}"
_FROM_Z_TO_Y = rf"from {_ZDET}{Z}{_GAP} ?to {_DET}{Y}"
_ENDS = (_TO_Y_FROM_Z, _FROM_Z_TO_Y)  # each form is read with the ends either way round
_ON = r"(?:from|on|over|against|compared with|compared to|versus|vs\.?)"
_STATED_NOUN = rf"(?:(?:an? )?{X} {_NOUN}|{_NOUN.replace('P<n>', 'P<n2>')} of {X.replace('P<x>', 'P<x2>')})"

# What a form can start with (its first token), so that it is tried only at such places: a change
# verb, a noun naming a change, "a"/"an", a figure, a multiplier.
_AT_HEAD = frozenset({"verb", "mul"})
_AT_VERB = frozenset({"verb"})
_AT_STATED_NOUN = frozenset({"a", "fig", "mul", "noun"})
_AT_FIGURE = frozenset({"fig"})
_AT_X = frozenset({"fig", "mul"})


@dataclass(frozen=True, slots=True)
class _Form:
    pattern: str  # with the markers ⟨verb⟩, ⟨gap0⟩, ⟨gap⟩
    starts: frozenset[str]  # what its first token can be


_FORMS: tuple[_Form, ...] = (
    # rose X% to Y from Z · rose X% to Y, compared with Z · rose X% from Z to Y
    *(_Form(rf"{_HEAD},? {_GAP}{ends}", _AT_HEAD) for ends in _ENDS),
    # rose from Z to Y, an increase of X% · rose to Y from Z, up X% · … a X% increase
    *(_Form(rf"{_VERB} {_GAP0}{ends}{_GAP},? {after}", _AT_VERB)
      for ends in _ENDS for after in (rf"{_AFTER_NOUN}{X}", rf"(?:an? )?{X} {_NOUN}")),
    # a X% rise in sales to Y from Z · a rise of X% from Z to Y
    *(_Form(rf"{_STATED_NOUN} {_GAP}{ends}", _AT_STATED_NOUN) for ends in _ENDS),
    # fell from Z to Y (−13%)
    *(_Form(rf"{_VERB} {_GAP0}{ends}{_GAP} ?\({X}\)", _AT_VERB) for ends in _ENDS),
    # rose X% to Y (2022: Z) — the figure for an earlier period in brackets
    _Form(rf"{_HEAD},? {_GAP}{_TO} {_DET}{Y} ?\((?:[a-z]{{0,3}} ?\d{{2,4}}(?:[/-]\d{{2,4}})?|prior year|last year|previous year): {Z}\)",
          _AT_HEAD),
    # Y, up X% on Z · Y, an increase of X% from Z · Y, a X% increase on Z
    *(_Form(rf"{Y}{_GAP},? (?:or )?{stated},? {_GAP}{_ON} {_ZDET}{Z}", _AT_FIGURE)
      for stated in (rf"{_AFTER_NOUN}{X}", rf"(?:an? )?{X} {_NOUN}")),
    # Y, X% more than Z · Y was X% higher than Z
    _Form(rf"{Y}{_GAP},? (?:or )?(?:some |about )?{X} (?P<c>more|less|higher|lower|above|below|bigger|larger|greater|smaller|fewer|up|down) "
          rf"(?:than|on|from|over) {_ZDET}{Z}", _AT_FIGURE),
    # X% higher at Y, up from Z
    _Form(rf"{X} (?P<c2>higher|lower|up|down) {_GAP}(?:at|to) {_DET}{Y}{_GAP}{_FROM} {_ZDET}{Z}", _AT_X),
)
_MARKER = PATTERNS.compile("|".join(map(re.escape, _SPELLED_OUT)))


@functools.cache
def _full_form(i: int) -> re.Pattern:
    """Form ``i`` with its markers spelled out: the reference, compiled only when needed."""
    return re.compile(_MARKER.sub(lambda m: _SPELLED_OUT[m.group()], _FORMS[i].pattern))


# The collapsed skeleton's characters for a figure placeholder, a multiplier's, and for either of
# these two when the text itself holds one.
_FAST_FIG, _FAST_MUL, _FAST_OTHER = "\x01", "\x02", "\x03"
_FAST_GAP = r"[^A-Z;:!?.\x01\x02\n]{0,60}?"  # a gap of the fast patterns: what ``_gap(60)`` allows
# The fast patterns' spelling of the parts written for the real skeleton. (A class holding a
# character beyond Latin-1 costs sre a 64K-entry table, a word list in every gap costs more.)
_COLLAPSED_PARTS = {FIG: r"\x01", MUL: r"\x02", _NOT: r"[;:!?.\x01\x02]", f"(?!{_CLAUSE})": "(?![A-Z])",
                    r"[^\ue000-\uf0ff,;:]": r"[^\x01\x02,;:]", "[\\w'’-]": r"[\w'-]", "[\\w'’.-]": r"[\w'.-]",
                    "[a-z]": "[a-zA-Z]"}
# The clause-break words: a literal word of a fast pattern that may be one of them (or begin one)
# may stand where the collapsed skeleton has a capital.
_CLAUSE_WORDS = tuple(_CLAUSE[len(r"\b(?:"):-len(r")\b")].split("|"))
# The pieces of a pattern's text that hold letters: an escape, a class, a group's opening, a
# repeat count, or a literal word (with the repeat that may follow its last letter).
_PATTERN_WORD = PATTERNS.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\(\?(?:P<\w+>|<?[=!]|:)|\{\d*,?\d*\}|([a-z]+)(?=([?*+{]?))", re.S)


_FIGURE_PLACEHOLDER, _MULTIPLIER_PLACEHOLDER = PATTERNS.compile(FIG), PATTERNS.compile(MUL)
_CLAUSE_WORD = PATTERNS.compile(_whole_words(_CLAUSE_WORDS) + r"\b")  # ``_CLAUSE``


def _capitalized(m: re.Match) -> str:
    return m.group().capitalize()


def _collapsed(skeleton: str) -> str:
    """The skeleton as the fast patterns read it (see above)."""
    if _FAST_FIG in skeleton or _FAST_MUL in skeleton:
        skeleton = skeleton.replace(_FAST_FIG, _FAST_OTHER).replace(_FAST_MUL, _FAST_OTHER)
    skeleton = _MULTIPLIER_PLACEHOLDER.sub(_FAST_MUL, _FIGURE_PLACEHOLDER.sub(_FAST_FIG, skeleton))
    return _CLAUSE_WORD.sub(_capitalized, skeleton.replace("’", "'") if "’" in skeleton else skeleton)


_COLLAPSED_PART = PATTERNS.compile("|".join(map(re.escape, _COLLAPSED_PARTS)))


def _compile_fast_form(i: int) -> tuple[re.Pattern, tuple[tuple[str, str], ...]]:
    """Form ``i`` read loosely, for the collapsed skeleton, and (group, marker) of what to check
    after a match."""
    checks: list[tuple[str, str]] = []

    def loose(m: re.Match) -> str:
        marker = m.group()
        if marker == _VERB:
            checks.append(("v", _VERB))
            return r"(?P<v>\b[a-z]+\b)"
        name = f"gap{len(checks)}"
        checks.append((name, marker))
        return f"(?P<{name}>{_FAST_GAP})"

    pattern = _MARKER.sub(loose, _FORMS[i].pattern)
    pattern = _either_case(_COLLAPSED_PART.sub(lambda m: _COLLAPSED_PARTS[m.group()], pattern))
    # the gap0 check first: when it fails there is no match at all
    checks.sort(key=lambda check: check[1] != _GAP0)
    return PATTERNS.compile(pattern), tuple(checks)


def _either_case(pattern: str) -> str:
    """``pattern`` with each literal word that may be a clause word taking its first letter in
    either case ("to" → "[tT]o"). Only a word's first letter can be a capital, and a literal that
    differs from every clause word within their common length fails there in either case."""
    return _PATTERN_WORD.sub(_word_either_case, pattern)


def _word_either_case(m: re.Match) -> str:
    word = m.group(1)
    if word is None:
        return m.group()
    run = word[:-1] if m.group(2) else word  # the letters the pattern must match in a row
    return f"[{word[0]}{word[0].upper()}]{word[1:]}" if _may_be_clause_word(run) else word


@functools.cache
def _may_be_clause_word(run: str) -> bool:
    return any(word.startswith(run) or run.startswith(word) for word in _CLAUSE_WORDS)


# Built with the module (from the pattern cache: a batch run uses every form, and compiling them
# on first use cost its first pass ~20 ms).
_FAST_FORMS = tuple(_compile_fast_form(i) for i in range(len(_FORMS)))


def form_matches(skeleton: str) -> Iterator[tuple[int, int, dict[str, str | None]]]:
    """(form, place, groups) of each form matched in a sentence's skeleton, form by form, place
    by place. Every form starts at a change word, a noun naming a change, "a"/"an" or a
    placeholder: only such places are tried (each form from every position costs too much), and
    only those a form can start at, and only where enough figures follow."""
    anchors = _with_figures_after(_anchors(skeleton))
    if not anchors:
        return
    collapsed = _collapsed(skeleton)
    places_of: dict[frozenset[str], list[int]] = {}
    for i, form in enumerate(_FORMS):
        places = places_of.get(form.starts)
        if places is None:
            places = places_of[form.starts] = [pos for pos, kinds in anchors if not form.starts.isdisjoint(kinds)]
        if not places:
            continue
        for pos in places:
            groups = _match_form(i, skeleton, collapsed, pos)
            if groups is not None:
                yield i, pos, groups


def _anchors(skeleton: str) -> list[tuple[int, frozenset[str]]]:
    """Each place where a form may start, with what stands there: a change verb, a noun, "a", a
    figure, a multiplier."""
    out = []
    for m in _ANCHOR.finditer(skeleton):
        word = m.group(1)
        if word is None:
            out.append((m.start(), _FIGURE_KINDS if ord(m.group()) < _MUL0 else _MULTIPLIER_KINDS))
        elif word in _WORD_KINDS:
            out.append((m.start(), _WORD_KINDS[word]))
    return out


def _with_figures_after(anchors: list[tuple[int, frozenset[str]]]) -> list[tuple[int, frozenset[str]]]:
    """The anchors where a form may still match: every form takes the new and the old figure
    (figure placeholders) and the stated change (a figure or a multiplier) at or after its start,
    so at least two figures and three placeholders must stand there (each placeholder is an
    anchor). The count only grows towards the start: the anchors kept are a prefix."""
    figures = marks = 0
    for k in range(len(anchors) - 1, -1, -1):
        kinds = anchors[k][1]
        if kinds is _FIGURE_KINDS:
            figures += 1
            marks += 1
        elif kinds is _MULTIPLIER_KINDS:
            marks += 1
        if figures >= 2 and marks >= 3:
            return anchors[: k + 1]
    return []


def reference_form_matches(skeleton: str) -> list[tuple[int, int, dict[str, str | None]]]:
    """What ``form_matches`` finds, the slow way: every full pattern at every place any form
    may start (for tests)."""
    places = [m.start() for m in _ANCHOR.finditer(skeleton) if m.group(1) is None or m.group(1) in _ANCHOR_WORDS]
    return [(i, pos, m.groupdict()) for i in range(len(_FORMS)) for pos in places
            if (m := _full_form(i).match(skeleton, pos)) is not None]


def fast_form_patterns() -> list[str]:
    """The text of the fast patterns (for tests)."""
    return [_FAST_FORMS[i][0].pattern for i in range(len(_FORMS))]


def _match_form(i: int, skeleton: str, collapsed: str, pos: int) -> dict[str, str | None] | None:
    """The groups of form ``i`` matched at ``pos``: what its full pattern matches, at the cost of
    the fast one (``collapsed``: the skeleton as the fast patterns read it)."""
    fast, checks = _FAST_FORMS[i]
    m = fast.match(collapsed, pos)
    if m is None:
        return None
    held = True
    for group, marker in checks:
        if not _holds(skeleton, marker, *m.span(group)):
            if marker == _GAP0:
                return None  # no match at all (see above)
            held = False
            break
    if held:
        spans = ((name, m.span(name)) for name in fast.groupindex if not name.startswith("gap"))
        return {name: None if a < 0 else skeleton[a:b] for name, (a, b) in spans}
    full = _full_form(i).match(skeleton, pos)
    return None if full is None else full.groupdict()


def _holds(skeleton: str, marker: str, start: int, end: int) -> bool:
    """Whether the text a fast pattern took for a marker is what the full pattern allows there."""
    if start < 0:
        return True  # the group took no part in the match
    if marker == _VERB:
        return skeleton[start:end] in _CHANGE_VERBS
    if marker == _GAP0:  # no change word starts inside the gap, even inside a word
        stems = _stems_by_initial()
        return not any(skeleton.startswith(stem, k) for k in range(start, end) for stem in stems.get(skeleton[k], ()))
    # ⟨gap⟩: no whole word inside the gap is another change verb, no comma opens another change
    if any(_NEW_CHANGE_AT.match(skeleton, k) for k in range(start, end)
           if skeleton[k] == "," or (k == start and skeleton.endswith(", ", 0, k))):
        return False
    for word in _WORD_RUN.finditer(skeleton, start, len(skeleton)):
        if word.start() >= end:
            break
        if word.group() in _OTHER_VERB_SET:
            return False
    return True


@functools.cache
def _stems_by_initial() -> dict[str, tuple[str, ...]]:
    """The change words no other change word is a prefix of (a change word starts where one of
    them does), by first letter."""
    stems = sorted(w for w in DIRECTION if not any(w[:k] in DIRECTION for k in range(1, len(w))))
    return {c: tuple(w for w in stems if w[0] == c) for c in {w[0] for w in stems}}


_WORD_RUN = PATTERNS.compile(r"\b\w+")

_ANCHOR = PATTERNS.compile(r"\b([a-z]+)\b|[\ue000-\uf0ff]")
_ANCHOR_WORDS = frozenset({*_CHANGE_VERBS, *NOUN_DIRECTION, *(w + "s" for w in NOUN_DIRECTION), "a", "an"})
_FIGURE_KINDS, _MULTIPLIER_KINDS = frozenset({"fig"}), frozenset({"mul"})
_NOUN_WORDS = frozenset({*NOUN_DIRECTION, *(w + "s" for w in NOUN_DIRECTION)})
_WORD_KINDS = {word: frozenset(kind for kind, words in (("verb", _CHANGE_VERBS), ("a", ("a", "an")), ("noun", _NOUN_WORDS))
                               if word in words)
               for word in _ANCHOR_WORDS}


_CHANGE_NOUN_AFTER = PATTERNS.compile(r"^[\s-]*(?:[\w-]+\s+){0,2}(?:rise|fall|increase|decrease|gain|drop|decline|growth|jump|cut|loss)\b", re.I)


def _direction(gd: dict[str, str | None]) -> int | None:
    found = set()
    for key, table in (("v", DIRECTION), ("v2", DIRECTION), ("n", NOUN_DIRECTION),
                       ("n2", NOUN_DIRECTION), ("c", _COMPARATIVE), ("c2", _COMPARATIVE)):
        word = gd.get(key)
        if word:
            word = word.lower()
            found.add(table.get(word, table.get(word.rstrip("s"))))
    found.discard(None)
    if len(found) == 1:
        return found.pop()
    if not found and (gd.get("v") or "").lower() in _NEUTRAL_VERBS:
        return None  # ("went from Z to Y (12%)": no word says which way)
    return None if found else 0  # 0: the direction comes from the multiplier


_TAIL_BREAK = PATTERNS.compile(r"[;:.!?]|\b(?:and|but|while|whereas)\b")
_OF_AFTER = PATTERNS.compile(r"^\s+of\b")


_BINDINGS: MemoKey[dict[tuple, "Change | None"]] = MemoKey("changes.bindings")
_WORDS_OF_A_FORM = ("v", "v2", "n", "n2", "c", "c2", "conn", "second")  # (the groups _bind reads besides x, y, z)


def _bind(ctx: CheckContext, gd: dict[str, str | None], x_obj: Figure | Multiplier, tokens: dict,
          reads_to: int) -> Change | None:
    """The change a form matched (its groups; ``x_obj`` the figure that states it, see
    :func:`_stated_of`), after the guards; None when the binding is not clear.
    Kept once a document by what it reads (a long sentence's windows overlap, and each binds a
    change in several forms): the three figures, the form's words, and the sentence's end
    (``reads_to``) where the text read after the figures reaches it."""
    y_fig, z_fig = tokens.get(gd.get("y")), tokens.get(gd.get("z"))
    if not isinstance(y_fig, Figure) or not isinstance(z_fig, Figure):
        return None
    last = max(y_fig.claim.end, z_fig.claim.end, x_obj.claim.end if isinstance(x_obj, Figure) else x_obj.end)
    key = (x_obj, y_fig, z_fig, *map(gd.get, _WORDS_OF_A_FORM),
           reads_to if reads_to < max(last + _TAIL, z_fig.claim.end + _EARLIER_AFTER) else None)
    bindings = ctx.memo(_BINDINGS, dict)
    found = bindings.get(key, _UNBOUND)  # (one look-up: a key's hash reads three figures')
    if found is _UNBOUND:
        found = bindings[key] = _bind_now(ctx, gd, x_obj, y_fig, z_fig, reads_to)
    return found


# A period a figure names, not a figure that changes: "in the first four months".
_PERIOD_BEFORE = PATTERNS.compile(
    r"\b(?:in|for|during|over|within)\s+the\s+(?:first|last|past|next|previous|same|latest|opening|final)\s+$", re.I)
# The stated change is what one part contributed to it: "accounted for a 47-percent rise".
_SHARE_OF_CHANGE_BEFORE = PATTERNS.compile(
    r"\b(?:accounted|accounts|accounting|responsible)\s+for\s+(?:(?:a|an|the|some|about)\s+)?$", re.I)
_UNBOUND = object()


# How far _bind_now reads after the figures (a window's end may cut it short), and before them
# for what the first is given as.
_TAIL = 40
_LEAD = 30
_EARLIER_AFTER = 50


def _bind_now(ctx: CheckContext, gd: dict[str, str | None], x_obj, y_fig: Figure, z_fig: Figure,
              reads_to: int) -> Change | None:
    direction = _direction(gd)
    if direction is None:
        return None  # "rose … a fall of": two directions
    y, z = y_fig.claim, z_fig.claim
    first = min(y.start, z.start, x_obj.claim.start if isinstance(x_obj, Figure) else x_obj.start)
    last = max(y.end, z.end, x_obj.claim.end if isinstance(x_obj, Figure) else x_obj.end)
    span_text = ctx.text[first:last]
    tail = _TAIL_BREAK.split(ctx.text[last : min(last + _TAIL, reads_to)])[0]
    # (what the first figure is given as may stand just before it: "operating income of $107
    # million, an increase of $285 million, compared to a loss of $177 million")
    lead = ctx.text[max(0, first - _LEAD) : first] + span_text
    loss_and_profit = _LOSS_WORDS.search(lead) and _PROFIT_WORDS.search(lead)
    if _BASIS.search(span_text) or _BASIS.search(tail) or loss_and_profit:
        return None
    if _CHANGE_NOUN_AFTER.match(ctx.text[z.end : z.end + 30]) or _CHANGE_NOUN_AFTER.match(ctx.text[y.end : y.end + 30]):
        return None  # "against a 1.2 pct fall": a change, not a level
    if any(c.dimension == "[time]" and _PERIOD_BEFORE.search(ctx.text, max(0, c.start - 30), c.start) for c in (y, z)):
        return None  # "… in the first four months of this year, a 1.7% drop from 57.6 mln": a period
    if isinstance(x_obj, Figure) and _SHARE_OF_CHANGE_BEFORE.search(ctx.text, max(0, x_obj.claim.start - 30), x_obj.claim.start):
        return None  # "accounted for a 47-percent rise from 279 to 527": its share of a change
    if _YEAR_BASIS.search(span_text) and _OTHER_PERIOD.match(ctx.text[z.end : z.end + 30]):
        return None  # "up 70 pct year-on-year, to 8.1 bn from 5.7 bn in January"
    if gd.get("second") or _INTRADAY.search(ctx.text[first:z.start]):
        return None  # "fell 3% to $45, down from $60 in January": a second comparison
    if (gd.get("conn") or "from") != "from" and not _EARLIER.search(
            ctx.text[max(first, z.start - 40) : min(z.end + _EARLIER_AFTER, reads_to)]):
        return None  # "compared with $60bn at Microsoft": another thing, not an earlier time
    readings = _readings_of_pair(ctx, y_fig, z_fig)
    if not readings:
        return None
    if isinstance(x_obj, Multiplier):
        return _factor_change(x_obj, direction, readings, y, z)
    x = x_obj.claim
    if x.value < 0 and x.low is not None and x.high is not None and direction <= 0:
        # "fell from £30m to £26m (−13%)": the sign says the direction
        x_obj = replace(x_obj, claim=replace(x, value=-x.value, low=-x.high, high=-x.low))
        x, direction = x_obj.claim, -1
    if _OF_AFTER.match(ctx.text[x.end : x.end + 6]) or x.is_range or (x.low is not None and x.low < 0):
        return None  # "5 pct of the total": a share, not a change
    if direction == 0 or _RATE_AFTER.match(ctx.text, x.end):
        return None
    if x_obj.points:
        return _points_change(x_obj, direction, readings, y, z, ctx.text)
    if x.kind != "percent" or x.unit != "percent":
        if (gd.get("conn") or "from") != "from" or not (
                _amount_after_verb(ctx.text, x.start) or _amount_after_noun(ctx.text, x.start)):
            return None  # an amount is read only as "rose (by) X to Y from Z", "… from Z to Y",
            # "rose from Z to Y, an increase of X"
        return _amount_change(x_obj, direction, readings, y_fig, z_fig)
    return _percent_change(x_obj, direction, readings, y, z)


# --- Reading the two ends as one quantity -------------------------------------------------------


_READINGS_OF_PAIRS: MemoKey[dict[tuple[Figure, Figure], list]] = MemoKey("changes.readings_of_pairs")


def _readings_of_pair(ctx: CheckContext, y: Figure, z: Figure) -> list:
    """:func:`_readings` of two figures, once a document: a long sentence is read in windows
    that overlap, and each window binds a pair of figures in several forms (about ten bindings
    a change where changes run on)."""
    found_of = ctx.memo(_READINGS_OF_PAIRS, dict)
    key = (y, z)
    found = found_of.get(key)
    if found is None:
        found = found_of[key] = _readings(y, z)
    return found


def _is_bare(fig: Figure) -> bool:
    """A figure with nothing of its own to say what it counts: "3,000", or a scaled number
    ("from 4.1 mln"), which the extractor reads as a plain number."""
    c = fig.claim
    return c.unit is None and ((c.kind == "count" and not c.counted) or (c.kind == "number" and fig.scale > 1))


def _readings(y: Figure, z: Figure) -> list[tuple[tuple[float, float], tuple[float, float], float, bool]]:
    """(new interval, old interval, new value / old value, assumed) for each reading of the two
    ends in one unit: as written, with a bare end taking the other's unit, with a scale word
    carried over ("to 34 billion francs from 20" read as 20 billion). Empty: not comparable."""
    yc, zc = y.claim, z.claim
    factor = _unit_factor(y, z)
    if factor is None:
        return []
    out = []
    y_iv, z_iv = _interval(yc, zc), _interval(zc, yc)
    z_iv = (z_iv[0] * factor, z_iv[1] * factor)
    z_value = zc.value * factor
    out.append((y_iv, z_iv, _new_over_old(yc.value, z_value), False))
    if y.scale != z.scale and (y.scale == 1.0 or z.scale == 1.0):
        # one end has a scale word and the other none: the writer may have meant it for both
        if z.scale == 1.0:
            s = y.scale
            out.append((y_iv, (z_iv[0] * s, z_iv[1] * s), _new_over_old(yc.value, z_value * s), True))
        else:
            s = z.scale
            out.append(((y_iv[0] * s, y_iv[1] * s), z_iv, _new_over_old(yc.value * s, z_value), True))
    return [r for r in out if r[1][0] > 0 and r[0][0] >= 0 and math.isfinite(r[1][1])]


def _new_over_old(new: float, old: float) -> float:
    """new / old; infinite from nothing ("to $4m from $0": such a reading is dropped, not a crash)."""
    return new / old if old else math.inf


def _unit_factor(y: Figure, z: Figure) -> float | None:
    """The factor that puts the old figure in the new one's unit (None: not the same kind)."""
    yc, zc = y.claim, z.claim
    if y.points or z.points:
        return None
    if _is_bare(y) or _is_bare(z):
        return 1.0
    if yc.kind != zc.kind or yc.dimension != zc.dimension:
        return None
    if yc.kind == "count":
        return 1.0 if (yc.counted == zc.counted or not yc.counted or not zc.counted) else None
    if yc.kind == "percent":
        return 1.0 if yc.unit == zc.unit else None
    if yc.kind == "quantity":
        if yc.unit == zc.unit:
            return 1.0
        try:
            return units.convert(1.0, zc.unit, yc.unit)
        except Exception:
            return None
    return 1.0


def _interval(claim: Claim, other: Claim) -> tuple[float, float]:
    """The values a figure as written covers: its rounding, its qualifier's open side, an
    approximation's slack."""
    lo_open = claim.low is None
    hi_open = claim.high is None
    if claim.approximate or claim.is_range or lo_open or hi_open:
        p = claim.rounding
        lo = -math.inf if lo_open else claim.low - p
        hi = math.inf if hi_open else claim.high + p
        if claim.is_estimate or is_approx_qualifier(claim.qualifier):
            lo, hi = lo - abs(lo) * 0.05, hi + abs(hi) * 0.05
        return lo, hi
    # A reader takes both ends at face value: at least two significant digits ("20,000" is not
    # 15,000–25,000 here), and as many as the other end shows.
    k = max(2, min_sig_digits(other) or 2)
    ivs = written_intervals(claim, k)
    if ivs is None or len(ivs) != 1:
        p = claim.rounding
        if claim.value > 0 and not _DIGIT.search(claim.number_text or "0"):
            # a number in words ("two million") is read to two significant digits too
            p = min(p, 0.5 * 10 ** (math.floor(math.log10(claim.value)) - 1))
        return claim.value - p, claim.value + p
    return ivs[0]


# --- The three kinds of change ---------------------------------------------------------------


def _stated_interval(x: Claim, difference: bool = False) -> tuple[float, float]:
    """The change a figure states, as an interval: its rounding, up to a whole unit of its last
    digit above it (a writer may truncate), ``REL_SLACK`` more, and a qualifier's open side.

    A ``difference`` of the ends (points, an amount) stated without a qualifier takes no
    relative slack, and its truncation stops short of the next unit ("0.4" truncates 0.4–0.49…,
    never 0.5): a difference of two rounded figures is exact arithmetic, and the ends' rounding
    already covers what a writer computing from unrounded figures gets. With the slack, "fell
    0.4 points to 5.2% from 5.8%" passed (5.75 − 5.25 = 0.5 was within it)."""
    p = _digit_rounding(x)
    difference = difference and not (x.qualifier or x.is_estimate)  # ("by more than £600": loose)
    rel = 0.0 if difference else REL_SLACK
    lo = -math.inf if x.low is None else x.low
    hi = math.inf if x.high is None else x.high
    if x.is_estimate or is_approx_qualifier(x.qualifier):
        lo, hi = lo * 0.9, hi * 1.1
    lo = lo - p - rel * abs(lo) if math.isfinite(lo) else lo
    up = 2 * p * (1 - _SHORT_OF_THE_NEXT_UNIT) if difference else 2 * p
    hi = hi + up + rel * abs(hi) if math.isfinite(hi) else hi
    return lo, hi


# How far short of a whole unit above a truncated difference stops (a share of the unit: more
# than the error of the floating-point subtraction of the ends).
_SHORT_OF_THE_NEXT_UNIT = 1e-6


_DECIMALS = PATTERNS.compile(r"\d[\d,]*(?:\.(\d+))?")


def _digit_rounding(x: Claim) -> float:
    """Half a unit of the last digit written, every digit significant ("20" → 0.5)."""
    nt = x.number_text or ""
    m = _DECIMALS.search(nt)
    if not m:
        return x.rounding if x.rounding < 0.5 else 0.5
    if "/" in nt:
        return x.rounding
    return 0.5 * 10 ** -len(m.group(1)) if m.group(1) else 0.5


def _exact(*claims: Claim) -> bool:
    return not any(c.approximate or c.is_range or c.low != c.high for c in claims)


def _signed(iv: tuple[float, float], direction: int) -> tuple[float, float]:
    return iv if direction > 0 else (-iv[1], -iv[0])


def _first_consistent(changes: Iterable[Change]) -> Change | None:
    """The first of ``changes`` (one a reading of the two ends, in order) that its figures agree
    with, else the first: what a stated change is reported as."""
    first = None
    for change in changes:
        if change.consistent:
            return change
        first = first or change
    return first


def _difference(y_iv: tuple[float, float], z_iv: tuple[float, float]) -> tuple[float, float]:
    """new − old, over the values the two ends cover."""
    return y_iv[0] - z_iv[1], y_iv[1] - z_iv[0]


def _old_value(y: Claim, z: Claim, ratio: float) -> float:
    """The old figure in the new one's unit, y / ratio (a change to nothing has ratio 0: then it
    is z as written)."""
    return y.value / ratio if ratio else z.value


def _percent_change(fig: Figure, direction, readings, y: Claim, z: Claim) -> Change:
    x = fig.claim
    stated = _signed(_stated_interval(x), direction)

    def read(y_iv, z_iv, ratio, assumed) -> Change:
        computed = ((y_iv[0] / z_iv[1] - 1) * 100, (y_iv[1] / z_iv[0] - 1) * 100 if z_iv[0] > 0 else math.inf)
        change = Change("percent", direction, x.start, x.end, x.text, y, z, stated, computed,
                        (ratio - 1) * 100, direction * x.value, _exact(x, y, z) and not assumed, x)
        if _both_percent(y, z):
            change = replace(change, confusion=_difference(y_iv, z_iv),
                             confusion_value=y.value - _old_value(y, z, ratio))
        return change

    return _first_consistent(read(*reading) for reading in readings)


def _both_percent(y: Claim, z: Claim) -> bool:
    return (y.kind == "percent") + (z.kind == "percent") >= 1 and {y.kind, z.kind} <= {"percent", "count"}


def _points_length(text: str, end: int) -> int:
    """How far the word "points" (or "basis points", "bps") after a figure reaches."""
    m = _POINTS_AFTER.match(text[end : end + 24])
    return m.end() if m else 0


def _points_change(fig: Figure, direction, readings, y: Claim, z: Claim, ctx_text: str) -> Change | None:
    x = fig.claim
    scale = 0.01 if fig.points == "bp" else 1.0
    if fig.points == "bp" and not _both_percent(y, z):
        return None
    lo, hi = _stated_interval(x, difference=True)
    stated = _signed((lo * scale, hi * scale), direction)
    end = x.end + _points_length(ctx_text, x.end) if fig.points and not fig.synthetic else x.end
    return _first_consistent(
        Change("points", direction, x.start, end, ctx_text[x.start:end], y, z, stated, _difference(y_iv, z_iv),
               y.value - _old_value(y, z, ratio), direction * x.value * scale, _exact(x, y, z) and not assumed, x,
               basis_points=fig.points == "bp")
        for y_iv, z_iv, ratio, assumed in readings)


def _amount_change(fig: Figure, direction, readings, y_fig: Figure, z_fig: Figure) -> Change | None:
    """A change stated as an amount of what the ends count or measure ("fell by 500 to 2,800
    from 3,000", "rose $5 million to $25 million from $18 million"): the difference of the ends,
    in the stated figure's own unit and scale (so that it reads, and is fixed, as written). Only
    a figure the extractor read, of the ends' kind and unit, states one."""
    x, y, z = fig.claim, y_fig.claim, z_fig.claim
    if fig.synthetic or x.kind not in ("count", "money", "quantity") or not x.value:
        return None
    factor = _unit_factor(y_fig, fig)  # (x in the new figure's unit)
    if factor is None or (x.kind == "count" and x.counted != y.counted and x.counted and y.counted):
        return None
    per_unit = 1 / (factor * fig.scale)  # an amount in the ends' unit → the stated figure's numbers
    lo, hi = _stated_interval(replace(x, value=x.value / fig.scale,
                                      low=None if x.low is None else x.low / fig.scale,
                                      high=None if x.high is None else x.high / fig.scale),
                                   difference=True)
    stated = _signed((lo, hi), direction)
    return _first_consistent(
        Change("amount", direction, x.start, x.end, x.text, y, z, stated,
               tuple(d * per_unit for d in _difference(y_iv, z_iv)), (y.value - _old_value(y, z, ratio)) * per_unit,
               direction * x.value / fig.scale, _exact(x, y, z) and not assumed, x)
        for y_iv, z_iv, ratio, assumed in readings)


def _factor_change(mul: Multiplier, direction: int, readings, y: Claim, z: Claim) -> Change | None:
    if direction < 0 and not mul.fraction and mul.factor > 1:
        return None  # "fell threefold": read either way
    if mul.fraction:
        if direction == 0:
            return None
        lo, hi = 1 + direction * mul.low, 1 + direction * min(mul.high, 10.0)
        stated = (min(lo, hi), max(lo, hi))
        stated_value = 1 + direction * mul.factor
    elif mul.times:
        # "rose 3 times" is ×3 to some and ×4 to others
        stated, stated_value = (mul.low, mul.high * (mul.factor + 1) / mul.factor), mul.factor
    else:
        stated, stated_value = (mul.low, mul.high), mul.factor
    best = None
    for y_iv, z_iv, ratio, _assumed in readings:
        computed = (y_iv[0] / z_iv[1], y_iv[1] / z_iv[0] if z_iv[0] > 0 else math.inf)
        if mul.times and computed[0] < 1.5:
            return None  # "raised rates three times to 5.25% from 4.5%": three occasions
        change = Change("factor", 1 if stated_value >= 1 else -1, mul.start, mul.end, mul.text, y, z,
                        stated, computed, ratio, stated_value, False)
        if change.consistent:
            return change
        best = best or change
    return best


PATTERNS.save()
