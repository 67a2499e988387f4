"""The claim frame: what a figure is about, read from its sentence, slot by slot.

A :class:`ClaimFrame` holds, for one claim:

- ``kind``: what is counted or measured, on one base (money in one unit per currency: cents,
  "cts" and pence are read as hundredths of dollars and pounds, "mln"/"bln" as scales; a count by
  its counted noun; a measure by its dimension), and the claim's interval on that base;
- ``tokens``: the sentence's words, lightly stemmed, every figure masked as ``#`` (so two
  sentences that differ only in their figures align exactly);
- ``local``: the content words right around the figure ("added … jobs in May");
- ``verb``: the predicate nearest the figure (its stem) and its class (reporting, change, other);
- ``agent``, ``time``, ``place``: names, dates/periods and places of the sentence;
- ``sources``: who the sentence says gives its figures ("police said", "according to …");
- ``when``: whether it says its figures hold now ("now", "so far") or held at another time ("at
  its peak", "initially");
- ``role``: total, per-share or per-unit, change, forecast, comparison (the earlier figure of a
  "vs", "compared with", "from X to Y"), earlier (set in an earlier period: "a year earlier",
  "last year" before it) or table row;
- ``contrast``: a cue right next to the figure that it is a different or partial thing
  ("another", "the second", "each", "of them").

Frames are built once per sentence text (cached across documents, as an editor re-checks after a
keystroke) and compared by :mod:`figcheck.rules.referent_model`. Most pairs of figures are ruled
out before their frames are built, in two steps that each read more of the sentences: a claim's
:class:`ClaimWords` (the sentence's tokens, read in one pass, and the figure's place among them),
then its :class:`ClaimSketch` (the figure's clause, and the times, places and layout that veto).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, compress
from operator import itemgetter

from ..compiled_patterns import PatternCache
from ..extract.lexicon import MONTHS
from ..model import Claim
from .context import CheckContext, MemoKey
from .rounding import claim_interval
from .words import CONTRAST_AFTER, CONTRAST_BEFORE, NUMBER_WORDS, PART_AFTER, STOP_WORDS, WORD, stem

PATTERNS = PatternCache.beside(__file__)  # compiled once per installation


# Per-document caches: each claim's frame, and the frame as read from its sentence before it was
# placed (its id() is shared by claims whose sentences read the same); each claim's sentence;
# the claims' spans in document order; the claims grouped by kind; each claim's sketch, and its
# words with the key they are cached under across documents.
FRAMES: MemoKey[dict[int, "ClaimFrame"]] = MemoKey("frame.frames")
FRAMES_AS_READ: MemoKey[dict[int, "ClaimFrame"]] = MemoKey("frame.base")
_SENTENCE_OF: MemoKey[dict[int, tuple[int, int]]] = MemoKey("frame.sentence")
_CLAIM_SPANS: MemoKey[tuple[list[int], list[tuple[int, int]]]] = MemoKey("frame.spans")
_BUCKETS: MemoKey[dict[tuple, list[int]]] = MemoKey("frame.buckets")
_SKETCHES: MemoKey[dict[int, "ClaimSketch"]] = MemoKey("frame.sketches")
_GISTS: MemoKey[dict[int, "ClaimGist"]] = MemoKey("frame.gists")
# Per document: each sentence's text and the spans of its figures in it, by its span
_SENTENCE_TEXTS: MemoKey[dict[tuple[int, int], tuple[str, tuple]]] = MemoKey("frame.sentence_texts")
_TABLE_ROWS: MemoKey[dict[tuple[int, int], bool]] = MemoKey("frame.table_rows")  # by sentence span
_CLAIM_WORDS: MemoKey[dict[int, tuple["ClaimWords", tuple]]] = MemoKey("frame.words")

# --- Money on one base --------------------------------------------------------------------

# Nouns the extractor may leave as counted nouns that are really money: (currency, factor).
_MONEY_NOUNS = {
    "dlr": ("USD", 1.0), "dollar": ("USD", 1.0), "ct": ("USD", 0.01), "cent": ("USD", 0.01),
    "stg": ("GBP", 1.0), "sterling": ("GBP", 1.0), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01),
    "yen": ("JPY", 1.0), "mark": ("DEM", 1.0), "franc": ("FRF", 1.0), "lira": ("ITL", 1.0),
    "lire": ("ITL", 1.0), "guilder": ("NLG", 1.0), "rupee": ("INR", 1.0), "peso": ("MXN", 1.0),
    "rand": ("ZAR", 1.0), "euro": ("EUR", 1.0), "yuan": ("CNY", 1.0), "won": ("KRW", 1.0),
    "crown": ("SEK", 1.0), "krona": ("SEK", 1.0), "krone": ("NOK", 1.0), "riyal": ("SAR", 1.0),
}
_SCALES = (("bln", 1e9), ("billion", 1e9), ("mln", 1e6), ("million", 1e6), ("trillion", 1e12))
# Counted "nouns" that are periods, shares of a whole or table labels, not things counted.
_NOT_COUNTED = frozenset(
    "mth mths month yr yrs year qtr quarter week day pct percent rev revs net shr vs oper avg"
    " loss profit note".split()
)


def money_base(claim: Claim) -> tuple[str, float] | None:
    """(currency, factor to its base unit) when ``claim`` is money, from the extractor's kind
    or from a counted noun it left as a count ("dlrs", "cts", "stg")."""
    if claim.kind == "money":
        return claim.dimension.split(":", 1)[-1], 1.0
    if claim.kind == "count" and claim.counted:
        found = _MONEY_NOUNS.get(claim.counted)
        if found:
            return found
    return None


def _scale_missed(claim: Claim) -> float:
    """A scale word the value does not carry ("43\\nmln dlrs" read as 43): its factor, else 1."""
    low = claim.text.lower()
    for name, word, factor in _SCALE_WORDS:  # (the cheap tests first: most figures carry none)
        if abs(claim.value) < factor / 1000 and name in low and word.search(low):
            return factor
    return 1.0


_SCALE_WORDS = tuple((word, PATTERNS.compile(rf"\b{word}\b"), factor) for word, factor in _SCALES)


def kind_key(claim: Claim) -> tuple | None:
    """What a claim can be compared with at all (money per currency, counts per noun, measures
    per dimension); None for figures the rules never pair (ages, shares, periods)."""
    if claim.role == "age":
        return None
    money = money_base(claim)
    if money is not None:
        return ("money", money[0])
    if claim.kind == "count":
        noun = claim.counted
        if not noun or noun in _NOT_COUNTED or ("\n" in claim.text and not _wrapped(claim.text)):
            return None  # a "counted noun" read across a line break is a table label
        return ("count", stem(noun))
    if claim.kind == "quantity":
        if claim.unit is None or claim.dimension == "[time]":
            return None
        if claim.unit == "bit" and claim.text[-3:].lower() == "bit":
            return None  # "a 64-bit integer", "32 bit platforms": a type's name, not an amount
        key = ("quantity", claim.dimension, claim.role == "delta")
        # (a density of a noun, "people per square mile", compares with densities of that noun)
        return key + (stem(claim.counted),) if claim.counted else key
    return None  # percentages: shares of different wholes are the norm


def _wrapped(text: str) -> bool:
    """Whether a figure's text runs on past a line break as prose wrapped at a fixed width does:
    each line after the first starts flush with a lower-case word ("3,200\nunionized workers",
    "six mln units per\nyear"), where a table's next row is indented or capitalised ("274.9
    mln\n    Qtly div")."""
    return all(line[:1].islower() for line in text.split("\n")[1:])


def base_interval(claim: Claim) -> tuple[float, float]:
    """The claim's interval on its kind's base (money in dollars, pounds, …; others as written)."""
    lo, hi = claim_interval(claim)
    money = money_base(claim)
    if money is None:
        return lo, hi
    f = money[1] * (_scale_missed(claim) if claim.kind == "count" else 1.0)
    return lo * f, hi * f


# --- Sentence reading ---------------------------------------------------------------------

# Words, and numbers that are not figures ("zone 2", "Series 82A"): they name things.
_TOKEN = PATTERNS.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*|\d+(?:[.,/]\d+)*[^\W\d_]*")
# The same tokens in a sentence of ASCII text with figures marked by ``_MARK``: ASCII classes are
# tested faster than Unicode categories (~30% of a findall).
_TOKEN_ASCII = PATTERNS.compile(r"[A-Za-z\u01c2]+(?:'[A-Za-z\u01c2]+)*|[0-9]+(?:[.,/][0-9]+)*[A-Za-z\u01c2]*")

_REPORT = frozenset(stem(w) for w in (
    "say said says tell told report reported announce announced state stated disclose disclosed"
    " claim claimed confirm confirmed quote quoted note noted").split()) | {"~say"}
_CHANGE = frozenset(stem(w) for w in (
    "rise rose risen increase increased grow grew jump jumped climb climbed gain gained fall fell"
    " fallen drop dropped decline declined decrease decreased lose lost cut raise raised reduce"
    " reduced boost boosted slip slipped slump slumped surge surged soar soared narrow narrowed"
    " widen widened double doubled halve halved shrink shrank improve improved").split())
_COMMON_VERBS = frozenset(stem(w) for w in (
    "add added buy bought sell sold pay paid take took taken make made hold held own owned"
    " have has had get got give gave offer offered issue issued acquire acquired close closed"
    " open opened hire hired employ employed build built kill killed die died injure injured"
    " leave left produce produced export exported import imported ship shipped spend spent"
    " receive received win won post posted earn earned borrow borrowed lend lent invest"
    " invested owe owed plan planned expect expected estimate estimated approve approved"
    " sign signed launch launched cost costs value valued total totaled totalled reach reached"
    " set count counted number numbered employ hit seize seized arrest arrested evacuate"
    " evacuated displace displaced destroy destroyed damage damaged").split())
# (a plan, not a plane or a planet; a projection, not a projectile)
_FORECAST = PATTERNS.compile(
    r"\b(?:will|would|could|might|expect\w*|forecast\w*|project(?:s|ed|ing|ions?)?|target\w*|"
    r"plan(?:s|ned|ning)?|estimat\w*|predict\w*|aim\w*|hope\w*|seek\w*|propos\w*|budget\w*)\b", re.I)
# Every match of ``_FORECAST``, ``_COMPARISON`` and ``_PRIOR_BEFORE`` holds one of these (a
# cheaper first test: see _may_hold).
_FORECAST_WORDS = ("will", "would", "could", "might", "expect", "forecast", "project", "target",
                   "plan", "estimat", "predict", "aim", "hope", "seek", "propos", "budget")
_COMPARISON_WORDS = ("vs", "versus", "against", "over", "than", "from", "compared")
_PRIOR_WORDS = ("year", "prev", "prior", "preceding", "originally")
_COMPARISON = PATTERNS.compile(
    r"\b(?:vs\.?|versus|against|over|than)\s*$|\bfrom\b[^.;,]{0,60}$|"
    r"\b(?:compared\s+(?:with|to)|vs\.?|versus|against)\b[^.;,]*$", re.I)
# The figure is the current one of a comparison that follows it ("rose to # from #"; not a year
# after "from": "the 1,200-mile pipeline will carry gas from 2026").
_COMPARED_AFTER = PATTERNS.compile(
    r"^[^.;]{0,60}?\b(?:from|compared\s+(?:with|to)|against|vs\.?|versus)\s+[^.;]{0,25}?"
    r"(?<![\d.,])(?!(?:1[89]|20)\d\d\b(?![.,]\d))\d", re.I)
# A sentence about the earlier period: the cue before the figure ("A year before, it lost …").
# (a count of years before "earlier", "ago", "before": "a year earlier", "five years ago")
_YEARS_BACK = (r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s+years?\s+"
               r"(?:earlier|ago|before)")
_PRIOR_BEFORE = PATTERNS.compile(
    r"\b(?:" + _YEARS_BACK + r"|last\s+year|year[- ]ago|"
    r"(?:previous|prior|preceding)\s+(?:year|quarter|qtr|period)|prev\s+(?:year|qtr|quarter)|"
    r"previously|originally)\b",
    re.I)
_COMPARISON_AFTER = PATTERNS.compile(
    r"^[^.;]{0,40}?\b" + _YEARS_BACK + r"|^\s*(?:a\s+)?year[- ]ago\b|"
    r"^[^.;]{0,30}?\b(?:in|for)\s+the\s+(?:year[- ]ago|same|previous|prior|comparable)\b", re.I)
_SENTENCE_COMPARISON = PATTERNS.compile(r"\b(?:vs\.?|versus)(?=\s|$)", re.I)
_PER = PATTERNS.compile(
    r"^\s*(?:a|an|per|each|/)\s*(?:share|shr|barrel|bbl|tonne|ton|unit|head|person|capita|"
    r"ounce|oz|pound|lb|gallon|litre|liter|hour|day|week|month|year|ton)\b|^\s*shr\b|"
    r"^\s*per\b", re.I)
_PER_BEFORE = PATTERNS.compile(r"\b(?:shr|per\s+share|a\s+share|price\s+of|priced\s+at|at)\s*$", re.I)
# "at" before a measure says where or how high, not a price: "At 2 miles long, the bridge …",
# "stands at 8,848 metres" (a price or a rate is money, a share or a count: "at $5", "at 5%").
_AT_BEFORE = PATTERNS.compile(r"\bat\s*$", re.I)
_CHANGE_CUES = (
    "by", "up", "down", "rose", "fell", "increased", "decreased", "gained", "jumped", "dropped",
    "climbed", "declined", "slipped", "surged", "soared", r"increase\s+of", r"decrease\s+of",
    r"rise\s+of", r"fall\s+of", r"drop\s+of",
    # a difference between two figures is no level either ("that difference of 50 boats")
    r"difference\s+of", r"gap\s+of", r"discrepancy\s+of", r"shortfall\s+of")
_CHANGE_NEAR = PATTERNS.compile(r"\b(?:" + "|".join(_CHANGE_CUES) + r")\s*$", re.I)
# The last word of each cue: the text before a changed figure ends with one (see _changed).
_CHANGE_LAST_WORDS = tuple(dict.fromkeys(cue.split("\\s+")[-1] for cue in _CHANGE_CUES))
_WHOLE_BEFORE = PATTERNS.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|all|most|some|none|"
    r"half|many|few))\S*\s+(?:\w+\s+){0,2}?(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
# A sentence that opens with the whole its figure is ("Of the 42 passengers, 12 …"), and the
# figure of a part right after it.
_OF_THE_OPENS = PATTERNS.compile(r"\s*(?:of|out\s+of)\s+(?:the|its|their|these|those)\s+$", re.I)
_PART_FIGURE_AFTER = PATTERNS.compile(
    r"^\s*,?\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)", re.I)
# "The two men, along with …, were": what follows is said of a larger group than the figure
# counts, so the figure names a part of it (read after "the": the group pointed back at).
_WIDER_GROUP_AFTER = PATTERNS.compile(
    r"^\s*(?:[^\W\d_]+\s+){0,2}?[,(\u2013\u2014-]?\s*(?:along\s+with|together\s+with|alongside|as\s+well\s+as)\b", re.I)
# Parts of a whole that are no figure of their own.
_VAGUE_PARTS = frozenset("all most some none half many few".split())
_NUMBERS = PATTERNS.compile(r"\d[\d,.]*")
# "… 60 square miles of that wetland": the figure's thing pointed back at after it.
_RESTATE_AFTER = PATTERNS.compile(r"[\"'’”)\]]?\s*of\s+(?:that|this|those|these|the\s+same)\s+([^\W\d_]{3,})", re.I)
_RESPECTIVELY = PATTERNS.compile(r"\brespectively\b", re.I)
# "the same force of", "that figure", "those" right before a figure: it points back. A word
# between "that" and the figure must be followed by "of": "a line that stretched 1,800 yd", "an
# attack that killed 31" are relative clauses, not pointers.
_RESTATE_NEAR = PATTERNS.compile(
    r"\b(?:the same|that same|this same|the figure|that figure|this figure|that number|"
    r"this number|those|these)\s*$|\b(?:the same|that|this)\s+([^\W\d_]{3,})\s+of\s+$",
    re.I)
# Every match of ``_RESTATE_NEAR`` holds one of these words.
_RESTATE_WORDS = ("same", "figure", "number", "those", "these", "that", "this")
# Month names and abbreviations → their first three letters ("sept" → "sep").
_MONTHS = {w: w[:3] for w in MONTHS.split("|")}
_DIRECTIONS = {
    w: w.removesuffix("ern") for w in (
        "north south east west northern southern eastern western northeast northwest southeast"
        " southwest northeastern northwestern southeastern southwestern").split()}
# Words that say of which sex the people or animals counted or measured are: figures of males
# and of females are two figures ("males averaged 2.06 kg … females 1.28 kg").
_SEXES = {
    **dict.fromkeys("male males men men's men’s boys boys' boys’".split(), "male"),
    **dict.fromkeys("female females women women's women’s girls girls' girls’".split(), "female"),
}
_SEX_WORD = PATTERNS.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, _SEXES), key=len, reverse=True)) + r")(?!\w)")
# Every word of ``_SEXES`` holds one of these.
_SEX_STEMS = ("male", "men", "boy", "girl")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PERIOD = PATTERNS.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|qtr|half)|"
    r"(nine|six|three|twelve|12|9|6|3)[- ](?:months?|mths?)|"
    r"(last|this|next|previous|prev|prior|current|latest|fiscal)\s+"
    r"(?:year|quarter|qtr|month|week|period|half)|"
    r"(year)[- ](?:ago|earlier)|(year)\s+(?:ago|earlier|before)|"
    r"(1[89]\d\d|20\d\d)|(full)[- ]year|(calendar)\s+year|(?-i:([QH][1-4]|[1-4][QH])))\b", re.I)
_ORDINAL = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth",
            "12": "twelve", "9": "nine", "6": "six", "3": "three", "prev": "previous",
            "prior": "previous", "last": "previous", "latest": "current", "this": "current"}
# Quarters and halves written short ("Q4", "4Q", "H1"): a half reads as the quarter of its number,
# as "first half" and "first quarter" do.
_ORDINAL.update({code: o for n, o in zip("1234", ("first", "second", "third", "fourth"))
                 for a in "qh" for code in (a + n, n + a)})
# Time slots by category: a clash in any one category (years, months, days, periods) vetoes.
_PERIOD_TAGS = ("p:", "p:", "p:", "p:", "p:", "y:", "p:", "p:", "p:")
_PLACE_PREP = PATTERNS.compile(
    r"\b(?i:in|near|at|outside|around|across)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
_NOT_NAMES = frozenset(
    "the a an it its he she they we i this that these those there but and or so yet in on at"
    " for of to by as with from after before under over while when if however meanwhile"
    " mr mrs ms dr net shr revs rev qtr year note inc corp co ltd plc reuter reuters".split())


@dataclass(frozen=True, slots=True)
class ClaimFrame:
    index: int
    sentence: int
    paragraph: int
    kind: tuple | None
    interval: tuple[float, float]
    tokens: tuple[str, ...]  # stems of the sentence, every figure masked as "#"
    bag: dict[str, int]  # how many times each token occurs in ``tokens``
    raw: tuple[str, ...]  # the same tokens as written
    names: tuple[bool, ...]  # whether each token names something (a number, a name, "one")
    position: int  # where this figure's "#" is in ``tokens``
    clause: tuple[str, ...]  # the tokens of the figure's clause (figures masked)
    clause_content: frozenset[str]  # its content words
    content: frozenset[str]
    local: frozenset[str]
    written: tuple[tuple[str, str], ...]  # (stem, word as written) of the local words
    head: tuple[str, str | None] | None  # the noun the figure is the value of, and its modifier
    verb: str | None
    verb_class: str | None  # "report", "change" or "other"
    verb_word: str | None
    agent: frozenset[str]  # names before the figure (who did it; a source after it is not)
    time: frozenset[str]
    times: tuple[frozenset[str], ...]  # ``time`` by category: years, months, days, periods
    place: frozenset[str]
    directions: frozenset[str]  # north, southern, upper, …: which part of a place
    sexes: frozenset[str]  # "male", "female": of whom ("males averaged 2.06 kg", "women's 100 m")
    when: frozenset[str]  # "now", "then": said to hold now or at another time (see _when)
    sources: frozenset[str]  # who the sentence says says it ("police said", "according to …")
    role: str  # total, per_unit, forecast, comparison, earlier, current, whole, table
    # The earlier period the sentence names ("last year", "a year earlier"), as written in lower
    # case: a figure set in it (role "earlier") is a total of that period when the other
    # sentence names the same one.
    period: str | None
    change: bool  # the figure is an amount of change ("rose by #", "up #", "fell #")
    contrast: str | None
    restate: str | None
    # "60 square miles of that wetland": a part of a thing named before (FC201) — or, for the
    # same number in another unit (FC202), the same thing pointed back at
    of_that: str | None
    n_figures: int
    # What a count counts as written after its number, stemmed ("2,300 new jobs" → ("new",
    # "job")), and whether a definite article points at it ("the 6,900 new jobs"): a writer
    # refers back to a figure by the same noun phrase.
    noun_phrase: tuple[str, ...] = ()
    definite: bool = False
    # "the 54 people arrested": the token of the word that restricts a noun phrase "the" points
    # at (which ones), and the content words of the rest of the restriction, up to the next verb
    # or clause ("after the protest"). When the word is the verb of the earlier figure ("Police
    # arrested 45 people after the protest") and the rest says nothing the earlier sentence
    # does not ("the 120 people arrested nationwide" is a wider group), the phrase points back
    # at that figure after all.
    restricted_by: str | None = None
    restricted_tail: frozenset[str] = frozenset()


def claim_frame(ctx: CheckContext, i: int) -> ClaimFrame:
    """The frame of claim ``i`` (cached per document, and across documents by its sentence)."""
    frames = ctx.memo(FRAMES, dict)
    f = frames.get(i)
    if f is not None:
        return f
    claim = ctx.claims[i]
    s_start, s_end, sentence, c0, c1, spans = _where_in_sentence(ctx, i)
    key = (sentence, c0, c1, spans,
           claim.value, claim.low, claim.high, claim.counted, claim.dimension, claim.kind)
    place = (i, s_start, ctx.paragraph_of(claim.start))
    f = _cached(_CACHE, key, lambda: _build(ctx, i, s_start, s_end, spans, place))
    # The frame as read from its sentence, before it is placed: claims whose frames share one
    # (the same figure in the same sentence text) differ only in where they are, so a decision
    # about a pair of them can be shared (kept alive here, so that its id() stays unique).
    ctx.memo(FRAMES_AS_READ, dict)[i] = f
    if (f.index, f.sentence, f.paragraph) != place:
        f = replace(f, index=place[0], sentence=place[1], paragraph=place[2])
    frames[i] = f
    return f


def sentence_span(ctx: CheckContext, i: int) -> tuple[int, int]:
    """The sentence of claim ``i`` (cached per document: the rules ask often)."""
    spans = ctx.memo(_SENTENCE_OF, dict)
    found = spans.get(i)
    if found is None:
        found = spans[i] = ctx.sentence_span(ctx.claims[i].start)
    return found


def sentence_spans(ctx: CheckContext, members: list[int]) -> list[tuple[int, int]]:
    """:func:`sentence_span` of each of ``members``."""
    spans = ctx.memo(_SENTENCE_OF, dict)
    out = []
    for i in members:
        found = spans.get(i)
        if found is None:
            found = spans[i] = ctx.sentence_span(ctx.claims[i].start)
        out.append(found)
    return out


_CACHE: dict[tuple, ClaimFrame] = {}
_CACHE_MAX = 20_000


def _cached(cache: dict, key: tuple, build):
    """``cache[key]``, built when missing (a cache across documents, emptied when full)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        found = cache[key] = build()
    return found


def _where_in_sentence(ctx: CheckContext, i: int) -> tuple[int, int, str, int, int, tuple]:
    """Claim ``i``'s sentence (start, end, text), the claim's offsets in it, and the spans of the
    sentence's figures: what a frame or a sketch of it is read from, and cached by."""
    claim = ctx.claims[i]
    s_start, s_end = span = sentence_span(ctx, i)
    read = ctx.memo(_SENTENCE_TEXTS, dict)
    found = read.get(span)
    if found is None:  # (one string a sentence: its hash, a cache key, is computed once)
        found = read[span] = (ctx.text[s_start:s_end], _claim_spans_in(ctx, s_start, s_end))
    return s_start, s_end, found[0], claim.start - s_start, claim.end - s_start, found[1]


def _claim_spans_in(ctx: CheckContext, s_start: int, s_end: int) -> tuple:
    def build():
        spans = sorted((c.start, c.end) for c in ctx.claims)
        return [s for s, _ in spans], spans

    starts, spans = ctx.memo(_CLAIM_SPANS, build)
    lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
    return tuple((a - s_start, b - s_start) for a, b in spans[lo:hi])


# _READINGS_NOT_FROZEN: a sentence's and a claim's readings below are built thousands of times in
# a first pass and never changed once built; a frozen dataclass sets each field through
# object.__setattr__ (~5x the cost of a plain one). They are compared by identity only (cached,
# and decisions about them kept by their ids), so equality is identity.
@dataclass(slots=True, eq=False)  # (see _READINGS_NOT_FROZEN)
class _Words:
    """A sentence's tokens, read in one pass (what a first bound of a referent score needs; the
    rest of a sentence's reading is built on it, and only for sentences that get that far)."""

    # (start, end, token, word as written) of each token when read one by one; else the sentence
    # with its figures marked, which they are read from again when needed (see _clauses_of)
    items: tuple[tuple[int, int, str, str], ...] | None
    marked: str | None
    tokens: tuple[str, ...]
    raw: tuple[str, ...]
    lower: tuple[str, ...]
    slots: dict  # figure span → its position in ``tokens``
    bag: dict[str, int]  # how many times each token occurs
    content: frozenset[str]
    is_content: tuple[bool, ...]  # whether each token is a content word (see is_content)


@dataclass(slots=True, eq=False)  # (see _READINGS_NOT_FROZEN)
class _Sentence:
    """What all the figures of one sentence share (read once per sentence)."""

    tokens: tuple[str, ...]
    raw: tuple[str, ...]
    lower: tuple[str, ...]
    slots: dict  # figure span → its position in ``tokens``
    clauses: tuple[int, ...]  # the clause each token is in (numbered from 0)
    bag: dict[str, int]  # how many times each token occurs
    content: frozenset[str]
    time: frozenset[str]
    times: tuple[frozenset[str], ...]
    place: frozenset[str]
    directions: frozenset[str]
    sexes: frozenset[str]
    when: frozenset[str]  # see _when
    period: str | None  # see _earlier_period
    table: bool
    sources: frozenset[str]  # who says it (see _sources)


_WORDS: dict[tuple, _Words] = {}
_SENTENCES: dict[tuple, _Sentence] = {}
# Reporting verbs are one token when sentences are aligned: "said", "stated" and "told" report
# the same figure (the frame's verb slot still tells them apart from other verbs).
_SAY = "~say"


def token_of(word: str) -> str:
    """A word's token as sentences are read here: its stem, "~say" for a reporting verb, a
    number as written."""
    return _token_of(word)


def _token_of(word: str) -> str:
    if word[0].isdigit():
        return "0:" + word.lower()
    t = stem(word)
    return _SAY if t in _REPORT else t


# A word as written → (its token, lower case, whether it is a content word, the word as a token's
# raw form): the vocabulary of news is small, so each word is read once a process (emptied when
# full). A figure's mark reads as "#".
_WORD_READING: dict[str, tuple[str, str, bool, str]] = {}
_WORD_READING_MAX = 200_000


def _reading_of(word: str) -> tuple[str, str, bool, str]:
    if len(_WORD_READING) >= _WORD_READING_MAX:
        _WORD_READING.clear()
    if word == _MARK:
        found = ("#", "#", False, "#")
    else:
        lower = word.lower()
        found = (_token_of(word), lower, _is_content(lower), word)
    _WORD_READING[word] = found
    return found


# Where one clause of a sentence ends and the next begins: punctuation between two words, or a
# conjunction (a clause cut from a sentence, or moved within it, keeps its words together).
_CLAUSE_PUNCT = PATTERNS.compile(r"[,;:()\u2013\u2014]")
_CLAUSE_WORDS = frozenset("and but while whereas which who although though because".split())


def _read_words(sentence: str, spans: tuple) -> _Words:
    """Tokens: words outside figures, one "#" per figure; ``raw`` keeps the words as written
    (cached across documents)."""
    return _cached(_WORDS, (sentence, spans), lambda: _words_in(sentence, spans))


def _words_in(sentence: str, spans: tuple) -> _Words:
    marked = _marked(sentence, spans)
    if marked is None:
        return _words_one_by_one(sentence, spans)
    readings = _readings_of(marked)
    if not readings:
        return _Words(items=None, marked=marked, tokens=(), raw=(), lower=(), slots={}, bag={},
                      content=frozenset(), is_content=())
    tokens, lower, content, raw = zip(*readings)
    # (a token is "#" only where a figure was marked: one a span, in order)
    slots, at = {}, -1
    for span in spans:
        at = slots[span] = tokens.index("#", at + 1)
    bag: dict[str, int] = {}
    for t in tokens:
        bag[t] = bag.get(t, 0) + 1
    return _Words(
        items=None, marked=marked, tokens=tokens, raw=raw, lower=lower,
        slots=slots, bag=bag,
        content=frozenset(compress(tokens, content)), is_content=content)


def _readings_of(text: str) -> list[tuple[str, str, bool, str]]:
    """The reading of each token of ``text`` (``_TOKEN.findall`` order), read a chunk between
    white space at a time: no token holds white space, so the tokens of the text are those of its
    chunks, and a chunk ("profit," "(1.20") recurs across sentences far more than the regex scan
    of a sentence costs (~400 instructions a character)."""
    chunks = text.split()
    found = list(map(_CHUNKS.get, chunks))
    if None in found:  # (a chunk not met before in this process)
        found = [f if f is not None else _chunk_of(c) for f, c in zip(found, chunks)]
    return list(chain.from_iterable(map(_FIRST, found)))


_FIRST = itemgetter(0)


def _chunk_of(chunk: str) -> tuple[tuple, tuple[bool, ...]]:
    """A chunk of text between white space, read once a process: the readings of its tokens, and
    whether clause punctuation comes before each of them (after the token before it in the
    chunk, or from the chunk's start), then whether it comes after the last."""
    found = _CHUNKS.get(chunk)
    if found is not None:
        return found
    if len(_CHUNKS) >= _WORD_READING_MAX:
        _CHUNKS.clear()
    if chunk.isalpha() and chunk.isascii():  # (one word, no punctuation: most chunks)
        found = _CHUNKS[chunk] = ((_WORD_READING.get(chunk) or _reading_of(chunk),), (False, False))
        return found
    word = chunk.strip(_AROUND_A_WORD)
    if word and word.isalpha() and word.isascii():  # (a word in punctuation: "profit," "(Reuter)")
        at = chunk.index(word)
        found = _CHUNKS[chunk] = ((_WORD_READING.get(word) or _reading_of(word),), (
            not _CLAUSE_CHARS.isdisjoint(chunk[:at]), not _CLAUSE_CHARS.isdisjoint(chunk[at + len(word):])))
        return found
    readings, breaks, last = [], [], 0
    for m in (_TOKEN_ASCII if chunk.isascii() else _TOKEN).finditer(chunk):
        w = m.group()
        readings.append(_WORD_READING.get(w) or _reading_of(w))
        breaks.append(_CLAUSE_PUNCT.search(chunk, last, m.start()) is not None)
        last = m.end()
    breaks.append(_CLAUSE_PUNCT.search(chunk, last) is not None)
    found = _CHUNKS[chunk] = (tuple(readings), tuple(breaks))
    return found


_CHUNKS: dict[str, tuple[tuple, tuple[bool, ...]]] = {}
# Punctuation that holds no token of ``_TOKEN``/``_TOKEN_ASCII`` (no letter, digit or ``_MARK``),
# and the characters of it that ``_CLAUSE_PUNCT`` finds.
_AROUND_A_WORD = ".,;:!?()[]{}\"'\u2019\u2018\u201c\u201d-\u2013\u2014/*&%$#@<>=+"
_CLAUSE_CHARS = frozenset(",;:()\u2013\u2014")


# A figure's place in a sentence read in one pass: a letter no news text uses, so that
# ``_TOKEN.findall`` reads it as one word (and "#" stands for it).
_MARK = "\u01c2"
# What joins letters into one word of ``_TOKEN``, and digits into one number.
_QUOTES = "’'"
_NUMBER_JOINS = ".,/"


def _marked(sentence: str, spans: tuple) -> str | None:
    """``sentence`` with each figure replaced by ``_MARK``, when that reads the same tokens as
    masking the figures one word at a time (:func:`_words_one_by_one`): no word runs into or out
    of a figure, the figures apart and inside the sentence; else None."""
    if _MARK in sentence:
        return None
    parts, at, n = [], 0, len(sentence)
    for s0, s1 in spans:
        if s0 < at or s1 <= s0 or s0 >= n:
            return None
        # (white space next to a figure joins nothing: most figures)
        if s0 and not sentence[s0 - 1].isspace() and _joined(sentence[s0 - 1], sentence[s0]):
            return None
        if s1 < n and not sentence[s1].isspace() and _joined(sentence[s1 - 1], sentence[s1]):
            return None
        parts.append(sentence[at:s0])
        parts.append(" " + _MARK + " ")
        at = s1
    parts.append(sentence[at:])
    return "".join(parts)


def _joined(x: str, y: str) -> bool:
    """Whether ``x`` followed by ``y`` may be inside one word of ``_TOKEN`` (a superset): letters
    and digits together, a letter next to an apostrophe, a digit next to "." "," or "/"."""
    if x.isalnum() and y.isalnum():
        return True
    if x in _QUOTES or y in _QUOTES:
        return x.isalnum() or y.isalnum()
    if x in _NUMBER_JOINS or y in _NUMBER_JOINS:
        return x.isdigit() or y.isdigit()
    return False


def _words_one_by_one(sentence: str, spans: tuple) -> _Words:
    """:func:`_read_words` word by word: every word after the figures before it, a word that starts
    inside a figure dropped (its unit, its counted noun, "about")."""
    items: list[tuple[int, int, str, str]] = []
    slots = {}
    k, n_spans = 0, len(spans)
    for m in _TOKEN.finditer(sentence):
        at = m.start()
        while k < n_spans and spans[k][0] <= at:
            slots[spans[k]] = len(items)
            items.append((spans[k][0], spans[k][1], "#", "#"))
            k += 1
        if k and spans[k - 1][0] <= at < spans[k - 1][1]:
            continue
        w = m.group()
        items.append((at, m.end(), _token_of(w), w))
    while k < n_spans:
        slots[spans[k]] = len(items)
        items.append((spans[k][0], spans[k][1], "#", "#"))
        k += 1
    tokens = tuple(t for _, _, t, _ in items)
    raw = tuple(w for _, _, _, w in items)
    lower = tuple(w.lower() for w in raw)
    content = tuple(map(_is_content, lower))
    return _Words(
        items=tuple(items), marked=None, tokens=tokens, raw=raw, lower=lower, slots=slots,
        bag=Counter(tokens), content=frozenset(t for t, c in zip(tokens, content) if c),
        is_content=content)


def _read_sentence(sentence: str, spans: tuple) -> _Sentence:
    """What all the figures of a sentence share (cached across documents)."""
    return _cached(_SENTENCES, (sentence, spans), lambda: _sentence_in(sentence, spans))


def _sentence_in(sentence: str, spans: tuple) -> _Sentence:
    words = _read_words(sentence, spans)
    raw, lower = words.raw, words.lower
    table = _read_table_row(sentence, spans)
    time = _times(sentence, raw, lower)
    clauses = _clauses_of(sentence, words)
    return _Sentence(
        tokens=words.tokens, raw=raw, lower=lower,
        slots=words.slots,
        clauses=clauses,
        bag=words.bag,
        content=words.content,
        time=time,
        times=_by_category(time),
        place=frozenset(p for m in _PLACE_PREP.finditer(sentence) if (p := _place_of(m.group(1)))),
        directions=frozenset(_DIRECTIONS[w] for w in lower if w in _DIRECTIONS),
        sexes=frozenset(_SEXES[w.lower()] for w in _SEX_WORD.findall(sentence))  # (also in figures: "39 males")
        if _may_hold(sentence, _SEX_STEMS) else frozenset(),
        when=_when(sentence, lower),
        period=_earlier_period(sentence),
        table=table,
        sources=_sources(words.tokens, lower, clauses) if _SAY in words.bag or "accord" in words.bag
        else frozenset(),
    )


def _when(sentence: str, lower: tuple[str, ...]) -> frozenset[str]:
    """Whether the sentence says its figures hold now ("now", "so far", "currently") or held at
    another time ("at its peak", "initially", "at the time"): a figure said to hold now has
    changed since another was given, so two figures that say so differently are of two times
    ("At its peak, the camp housed 40,000" / "The camp now houses 12,000")."""
    out = set()
    if not _NOW_WORDS.isdisjoint(lower) or (
            _may_hold(sentence, _NOW_PHRASE_WORDS) and _NOW_PHRASES.search(sentence)):
        out.add("now")
    if not _THEN_WORDS.isdisjoint(lower) or (
            _may_hold(sentence, _THEN_PHRASE_WORDS) and _THEN_PHRASES.search(sentence)):
        out.add("then")
    return frozenset(out)


_NOW_WORDS = frozenset("now currently presently".split())
_THEN_WORDS = frozenset("formerly initially originally".split())
_NOW_PHRASES = PATTERNS.compile(r"\b(?:so far|to date|at present)\b", re.I)
_NOW_PHRASE_WORDS = ("far", "date", "present")
_THEN_PHRASES = PATTERNS.compile(
    r"\bat (?:its|their|his|her|the) (?:peak|height)\b|\bat (?:first|one point|the time)\b", re.I)
_THEN_PHRASE_WORDS = ("peak", "height", "first", "point", "time")


# How many words before a reporting verb (or after one that opens its clause: "…, said
# police"; or after "according to") name who says it.
_SOURCE_WORDS = 3
# Words that point back at a source named elsewhere ("Chrysler said …", then "the company
# said …"): they name no source of their own.
_POINTING_SOURCES = frozenset(stem(w) for w in (
    "company firm group bank corporation concern subsidiary unit spokesman spokeswoman"
    " spokesperson statement official officials source sources").split())


def _sources(tokens: tuple[str, ...], lower: tuple[str, ...],
             clauses: tuple[int, ...]) -> frozenset[str]:
    """The content words that name who says what the sentence says: before a reporting verb
    ("police said", "a committee spokesman told"), after one that opens its clause ("…, said
    organisers") and after "according to", within the verb's clause and short of a figure or
    another verb. Two sentences that give a figure on different authority ("About 2,000 people
    attended, police said" / "Organisers said about 5,000 attended") are not one claim."""
    out: set[str] = set()
    n = len(tokens)
    for k, t in enumerate(tokens):
        if t == _SAY:
            opens = k == 0 or clauses[k - 1] != clauses[k]
            span = range(k + 1, min(n, k + 1 + _SOURCE_WORDS)) if opens else \
                range(k - 1, max(-1, k - 1 - _SOURCE_WORDS), -1)
        elif t == "accord" and k + 1 < n and lower[k + 1] == "to":
            span = range(k + 2, min(n, k + 2 + _SOURCE_WORDS))
        else:
            continue
        for m in span:
            if clauses[m] != clauses[k] or tokens[m] == "#" or is_verb(tokens[m], lower[m]):
                break
            if _is_content(lower[m]) and tokens[m] not in _POINTING_SOURCES:
                out.add(tokens[m])
    return frozenset(out)


# More figures than a sentence of prose gives (real news, encyclopedia and science text has at
# most 16): a "sentence" with more is a list or a table that runs on without a full stop.
CROWDED = 40


def _table_row(sentence: str, spans: tuple) -> bool:
    """Whether a sentence is a results-table row ("Shr 35 cts vs 18 cts"), a short row of
    figures or a "respectively" list: a pair with a figure of it is vetoed whatever else the
    sentences read. Its words are read only when a cheap test of the text cannot decide."""
    if len(spans) > CROWDED:
        return True  # a list or a table, whatever its words (and too long to read figure by figure)
    low = sentence.casefold()  # (a regex is tried only where its word is: most sentences have none)
    if "respectively" in low and _RESPECTIVELY.search(sentence):
        return True
    compared = ("vs" in low or "versus" in low) and _SENTENCE_COMPARISON.search(sentence) is not None
    row = not sentence.rstrip().endswith(".") and len(_NUMBERS.findall(sentence)) >= 2
    if not compared and not row:
        return False
    n_tokens = _token_count(sentence, spans)  # (a figure is one token, "#")
    return (compared and n_tokens <= 14) or (row and n_tokens - len(spans) <= 6)


_DOT_LEADER = "....."  # (more dots than an ellipsis has; a full stop ends no sentence in it)
_LEADER_REACH = 12  # characters between a leader and its figure, at most ("...... $ 1,200.00")


def _token_count(sentence: str, spans: tuple) -> int:
    """How many tokens :func:`_read_words` reads in ``sentence``, counted by one scan of the
    sentence with its figures marked where that reads the same tokens: a table row's pairs are
    vetoed, so its words are never read otherwise (and its numbers are new words to read)."""
    marked = _marked(sentence, spans)
    if marked is None:
        return len(_read_words(sentence, spans).tokens)
    return len(_TOKEN.findall(marked))


def in_table_row(ctx: CheckContext, i: int) -> bool:
    """Whether claim ``i``'s sentence is a table row (see :func:`_table_row`; cached per
    document by sentence, so that its figures' spans are hashed once): the referent rules drop
    its pairs before reading any words."""
    start = ctx.claims[i].start
    if ctx.text.find(_DOT_LEADER, max(0, start - _LEADER_REACH), start) >= 0:
        return True  # "TOTAL THIRD WORLD EXPOSURE ........ $800": a table's leader, label to figure
    rows = ctx.memo(_TABLE_ROWS, dict)
    span = sentence_span(ctx, i)
    found = rows.get(span)
    if found is None:
        _, _, sentence, _, _, spans = _where_in_sentence(ctx, i)
        found = rows[span] = _read_table_row(sentence, spans)
    return found


def _read_table_row(sentence: str, spans: tuple) -> bool:
    """:func:`_table_row`, cached across documents (asked for by claims and by the sentence's
    reading)."""
    return _cached(_TABLE_ROW_CACHE, (sentence, spans), lambda: _table_row(sentence, spans))


_TABLE_ROW_CACHE: dict[tuple, bool] = {}


def _clauses_of(sentence: str, words: _Words) -> tuple[int, ...]:
    """The clause of each token of ``words`` (see :func:`_clauses`), read from the white-space
    chunks of the marked sentence when the words were read from it: a chunk's punctuation
    between its tokens is read once a process (as its tokens are), not found again by regex."""
    if words.marked is None:
        return tuple(_clauses(sentence, words.items))
    out, clause, pending, n = [], 0, False, 0
    lower = words.lower
    for chunk in words.marked.split():
        *before, after = _chunk_of(chunk)[1]
        if not before:  # (a chunk of punctuation only: a break before the next token)
            pending = pending or after
            continue
        for k, punct in enumerate(before):
            gap = (pending or punct) if k == 0 else punct  # punctuation since the token before
            if n and (gap or lower[n] in _CLAUSE_WORDS):
                clause += 1
            out.append(clause)
            n += 1
        pending = after
    return tuple(out)


def _clauses(sentence: str, items: list[tuple[int, int, str, str]]) -> list[int]:
    """The clause of each token: a new one after punctuation between two tokens, or at a
    conjunction."""
    breaks = [m.start() for m in _CLAUSE_PUNCT.finditer(sentence)]
    out = []
    clause = 0
    last = 0  # where the previous token ended
    for n, (start, end, _, word) in enumerate(items):
        if n:
            j = bisect_left(breaks, last)
            if (j < len(breaks) and breaks[j] < start) or word.lower() in _CLAUSE_WORDS:
                clause += 1
        out.append(clause)
        last = end
    return out


def _build(ctx: CheckContext, i: int, s_start: int, s_end: int, spans: tuple, place) -> ClaimFrame:
    claim = ctx.claims[i]
    sentence = ctx.text[s_start:s_end]
    c0, c1 = claim.start - s_start, claim.end - s_start
    sent = _read_sentence(sentence, spans)
    tokens, raw, lower = sent.tokens, sent.raw, sent.lower
    position = sent.slots.get((c0, c1), 0)
    written = _written_near(tokens, raw, position)
    local = frozenset(t for t, _ in written)
    own = sent.clauses[position] if tokens else 0
    clause = tuple(t for t, c in zip(tokens, sent.clauses) if c == own)
    gist = claim_gist(ctx, i)  # (the slots a gist reads from the figure's place: read once)
    verb, verb_word = gist.verb, gist.verb_word
    verb_class = None
    if verb is not None:
        verb_class = "report" if verb in _REPORT else "change" if verb in _CHANGE else "other"
    before = sentence[max(0, c0 - 60):c0]
    pointed = _DEFINITE_BEFORE.search(before) is not None  # "the 6,900 new jobs", "the two men"
    after = sentence[c1:c1 + 60]
    of_that = _RESTATE_AFTER.match(after)
    restricted = _RESTRICTED_AFTER.match(after) if pointed and not _small_group(claim) else None
    if restricted is not None and _main_verb(sentence, c0, c1 + restricted.end(1), restricted.group(1)):
        restricted = None  # "The 126 passengers survived.": the sentence's verb, not which ones
    setting = frozenset() if sent.time else _setting_time(ctx, s_start)  # (the paragraph's period)
    return ClaimFrame(
        index=place[0], sentence=place[1], paragraph=place[2],
        kind=kind_key(claim),
        interval=base_interval(claim),
        tokens=tokens,
        bag=sent.bag,
        raw=raw,
        names=_names_of(raw),
        position=position,
        clause=clause,
        clause_content=frozenset(t for t, c, w in zip(tokens, sent.clauses, lower)
                                 if c == own and _is_content(w)),
        content=sent.content,
        local=local,
        written=written,
        head=gist.head,
        verb=verb,
        verb_class=verb_class,
        verb_word=verb_word,
        agent=gist.agent,
        time=sent.time or setting,
        times=sent.times if sent.time else _by_category(setting),
        place=sent.place or _setting_place(ctx, s_start),
        directions=sent.directions,
        sexes=sent.sexes,
        when=sent.when,
        sources=sent.sources,
        role=_role(claim, sentence, c0, c1, sent, pointed),
        period=sent.period,
        change=gist.change,
        contrast=gist.contrast,
        restate=gist.restate,
        n_figures=len(spans),
        of_that=of_that.group(0).strip(" \"'’”)]").lower() if of_that else None,
        noun_phrase=gist.noun_phrase,
        definite=pointed and restricted is None and not _small_group(claim) and not _DOMAIN_BEFORE.search(before),
        restricted_by=_token_of(restricted.group(1)) if restricted is not None else None,
        restricted_tail=_restriction_tail(after, restricted.end()) if restricted is not None else frozenset(),
    )


def _setting_place(ctx: CheckContext, s_start: int) -> frozenset[str]:
    """The place an earlier sentence of the paragraph sets for a sentence that names none: "In
    New Hampshire, it's a similar story. While Trump has …, Clinton has … 25 offices." (the
    nearest sentence that opens with "In <Name>,")."""
    starts, places = ctx.memo(_SETTINGS, lambda: _settings_in(ctx.text))
    at = _setting_at(ctx, s_start, starts)
    return frozenset() if at is None or places[at] is None else frozenset((places[at],))


def _setting_time(ctx: CheckContext, s_start: int) -> frozenset[str]:
    """The period an earlier sentence of the paragraph opens with, for a sentence that names no
    time: "In the first quarter, sales rose to $5 billion. Net profit was $1.2 billion." (the
    profit is the quarter's, not the full year's of a later paragraph)."""
    starts, times = ctx.memo(_PERIOD_SETTINGS, lambda: _period_settings_in(ctx.text))
    at = _setting_at(ctx, s_start, starts)
    return frozenset() if at is None else times[at]


def _setting_at(ctx: CheckContext, s_start: int, starts: list[int]) -> int | None:
    """Which of the settings starting at ``starts`` (in order) holds for the sentence starting
    at ``s_start``: the nearest before it in its paragraph, or None."""
    at = bisect_left(starts, s_start) - 1
    return None if at < 0 or starts[at] < ctx.paragraph_span(s_start)[0] else at


def _period_settings_in(text: str) -> tuple[list[int], list[frozenset[str]]]:
    """Where each sentence that opens with a period starts ("For the full year 2020, …"), and
    the period's times: one scan of the document."""
    starts, times = [], []
    for m in _PERIOD_SETTING.finditer(text):
        found = _period_tags(m.group(1))
        if found:
            starts.append(m.start(1))
            times.append(found)
    return starts, times


_PERIOD_SETTINGS: MemoKey[tuple[list[int], list[frozenset[str]]]] = MemoKey("frame.period_settings")
# A sentence that opens with the period it is about: "In the first quarter, …", "For Q1 2020, …".
_PERIOD_SETTING = PATTERNS.compile(
    r"(?:^|(?<=[.!?])[\"'”’)]*[ \t]+)(?:In|For|During|Over)[ \t]+([^,.;:!?\n]{2,40}),", re.M)


def _by_category(time: frozenset[str]) -> tuple[frozenset[str], ...]:
    """Times by category, in the order of :data:`_TIME_TAGS`."""
    return tuple(frozenset(t for t in time if t.startswith(tag)) for tag in _TIME_TAGS)


def _settings_in(text: str) -> tuple[list[int], list[str | None]]:
    """Where the name of each place a sentence opens with starts, and the place as
    :func:`_place_of` reads it: one scan of the document, so that a long paragraph is not read
    again for each of its figures."""
    starts, places = [], []
    if "In " in text:
        for m in _SETTING.finditer(text):
            starts.append(m.start(1))
            places.append(_place_of(m.group(1)))
    return starts, places


_SETTINGS: MemoKey[tuple[list[int], list[str | None]]] = MemoKey("frame.settings")


def _place_of(name: str) -> str | None:
    """A place as the place slot holds it: the first word of its name, in lower case; None for
    a month ("in March")."""
    first = name.split()[0].lower()
    return None if first in _MONTHS else first


# A sentence that opens with the place it is about: "In New Hampshire, …" (its first word, as
# _PLACE_PREP reads places).
_SETTING = PATTERNS.compile(
    r"(?:^|(?<=[.!?])[\"'”’)]*\s+)In\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s*,", re.M)


# Where a restriction after a noun ends: a verb of the clause, or punctuation.
_RESTRICTION_END = PATTERNS.compile(
    r"[,;:.!?()]|\b(?:is|are|was|were|will|would|have|has|had|can|could|may|might|must|should|"
    r"do|does|did|remain|remains|remained)\b", re.I)


def _restriction_tail(after: str, at: int) -> frozenset[str]:
    """The content tokens of a restriction after its first word, up to where it ends."""
    end = _RESTRICTION_END.search(after, at)
    words = WORD.findall(after[at:end.start() if end else len(after)])
    return frozenset(_token_of(w) for w in words if _is_content(w.lower()))


# "The two ships", "the four men": a small group named with "the" is most often some of the
# people or things already counted, or those and others, not the earlier figure restated.
SMALL_GROUP = 12


def _small_group(claim: Claim) -> bool:
    return claim.kind == "count" and claim.value is not None and claim.value <= SMALL_GROUP \
        and claim.value == int(claim.value) and not claim.is_range


def _contrast(sentence: str, c0: int, c1: int) -> str | None:
    """A cue next to the figure at ``c0:c1`` that makes it a different or partial thing
    ("another", "each", "of them")."""
    after = sentence[c1:c1 + 60]
    near_before = [w.lower() for w in WORD.findall(sentence[max(0, c0 - 60):c0])][-4:]
    contrast = next((w for w in near_before if w in CONTRAST_BEFORE), None)
    if contrast is None:
        near_after = [w.lower() for w in WORD.findall(after)[:2]]
        contrast = next((w for w in near_after if w in CONTRAST_AFTER), None)
    if contrast is None and PART_AFTER.match(after):
        contrast = "of them"
    return contrast


def _changed(sentence: str, c0: int) -> bool:
    """The figure at ``c0`` is a change ("rose 5 pct", "up by 3"), not a level."""
    # (the cue ends the text before the figure, white space aside: tried only when a word of it does)
    if not sentence[max(0, c0 - 30):c0].rstrip().casefold().endswith(_CHANGE_LAST_WORDS):
        return False
    return bool(_CHANGE_NEAR.search(sentence, max(0, c0 - 30), c0))


def _written_near(tokens: tuple[str, ...], raw: tuple[str, ...], position: int) -> tuple:
    """(stem, word as written) of the content words within four tokens of the figure."""
    window = slice(max(0, position - 4), position + 5)
    return tuple((t, w) for t, w in zip(tokens[window], raw[window]) if _is_content(w.lower()))


def _restate_cue(sentence: str, c0: int) -> str | None:
    """"the same", "those", "that figure" right before the figure at ``c0``."""
    before = sentence[max(0, c0 - 30):c0]
    if not _may_hold(before, _RESTATE_WORDS):
        return None  # (no match of _RESTATE_NEAR can lack them)
    restate = _RESTATE_NEAR.search(before)
    if restate and (not restate.group(1) or restate.group(1).lower() not in STOP_WORDS):
        return restate.group(0).lower().strip()
    return None


@dataclass(slots=True, eq=False)  # (see _READINGS_NOT_FROZEN)
class ClaimWords:
    """The words of a claim's sentence and the figure's place among them: all that the first,
    cheapest upper bound of a referent score reads (most pairs of figures are ruled out with this
    alone; the sentence's clauses, times and places are read only for the pairs left)."""

    tokens: tuple[str, ...]
    bag: dict[str, int]
    content: frozenset[str]
    position: int
    local: frozenset[str]
    restate: str | None
    noun_phrase: tuple[str, ...]


@dataclass(slots=True, eq=False)  # (see _READINGS_NOT_FROZEN)
class ClaimGist(ClaimWords):
    """A claim's words and the slots of its frame read from its place among them (the verb, the
    head, names before it, a change or contrast cue next to it): an upper bound of a referent
    score read from these rules out most of the pairs that get past :class:`ClaimWords`, before
    the rest of the sentence (its clauses, times, places) is read for a :class:`ClaimSketch`."""

    verb: str | None
    verb_word: str | None  # (the verb as written, for a frame)
    head: tuple[str, str | None] | None
    agent: frozenset[str]
    change: bool
    contrast: str | None


@dataclass(slots=True, eq=False)  # (see _READINGS_NOT_FROZEN)
class ClaimSketch(ClaimGist):
    """What a claim's frame shares with its sentence, and the few words of its own that an upper
    bound of a referent score needs: read without building the frame (most pairs of figures that
    get past :class:`ClaimGist` are ruled out with this)."""

    clause_len: int  # the tokens of the figure's clause, and its content words
    clause_content_len: int
    # The sentence's slots that veto a pair on their own (as in the frame)
    table: bool
    times: tuple[frozenset[str], ...]
    place: frozenset[str]
    directions: frozenset[str]


def claim_words(ctx: CheckContext, i: int) -> ClaimWords:
    """The words of claim ``i`` (cached per document, and across documents by its sentence)."""
    return _claim_words(ctx, i)[0]


def _claim_words(ctx: CheckContext, i: int) -> tuple[ClaimWords, tuple]:
    """:func:`claim_words`, and the key it is cached under across documents (a sketch's too)."""
    found_in_document = ctx.memo(_CLAIM_WORDS, dict)
    found = found_in_document.get(i)
    if found is None:
        _, _, sentence, c0, c1, spans = _where_in_sentence(ctx, i)
        key = (sentence, c0, c1, spans, _noun_phrase(ctx.claims[i]))
        found = found_in_document[i] = (_cached(_WORDS_CACHE, key, lambda: _words_of(*key)), key)
    return found


def _words_of(sentence: str, c0: int, c1: int, spans: tuple, noun_phrase: tuple) -> ClaimWords:
    words = _read_words(sentence, spans)
    tokens = words.tokens
    position = words.slots.get((c0, c1), 0)
    near = slice(max(0, position - 4), position + 5)  # as _written_near
    return ClaimWords(
        tokens=tokens, bag=words.bag, content=words.content, position=position,
        local=frozenset(compress(tokens[near], words.is_content[near])),
        restate=_restate_cue(sentence, c0),
        noun_phrase=noun_phrase,
    )


def claim_gist(ctx: CheckContext, i: int) -> ClaimGist:
    """The gist of claim ``i`` (cached per document, and across documents by its sentence)."""
    gists = ctx.memo(_GISTS, dict)
    found = gists.get(i)
    if found is None:
        words, key = _claim_words(ctx, i)
        found = gists[i] = _cached(_GIST_CACHE, key, lambda: _gist(key[0], key[1], key[2], key[3], words))
    return found


def claim_sketch(ctx: CheckContext, i: int) -> ClaimSketch:
    """The sketch of claim ``i`` (cached per document, and across documents by its sentence; the
    sentence is read once, shared with the frames)."""
    sketches = ctx.memo(_SKETCHES, dict)
    found = sketches.get(i)
    if found is not None:
        return found
    gist, key = claim_gist(ctx, i), _claim_words(ctx, i)[1]
    found = sketches[i] = _cached(_SKETCH_CACHE, key, lambda: _sketch(key[0], key[3], gist))
    return found


_WORDS_CACHE: dict[tuple, ClaimWords] = {}
_GIST_CACHE: dict[tuple, ClaimGist] = {}
_SKETCH_CACHE: dict[tuple, ClaimSketch] = {}


def _gist(sentence: str, c0: int, c1: int, spans: tuple, words: ClaimWords) -> ClaimGist:
    tokens, position = words.tokens, words.position
    read = _read_words(sentence, spans)
    verb, verb_word = _verb(tokens, read.lower, position)
    return ClaimGist(
        tokens=tokens, bag=words.bag, content=words.content, position=position,
        local=words.local, restate=words.restate, noun_phrase=words.noun_phrase,
        verb=verb, verb_word=verb_word, head=_head(tokens, read.lower, position),
        agent=frozenset() if in_title_case(read.raw) else _agents(read.raw[:position]),
        change=_changed(sentence, c0),
        contrast=_contrast(sentence, c0, c1),
    )


def _sketch(sentence: str, spans: tuple, gist: ClaimGist) -> ClaimSketch:
    sent = _read_sentence(sentence, spans)
    tokens, position = gist.tokens, gist.position
    own = sent.clauses[position] if tokens else 0
    content = _read_words(sentence, spans).is_content
    return ClaimSketch(
        tokens=tokens, bag=gist.bag, content=gist.content, position=position,
        clause_len=sent.clauses.count(own),
        clause_content_len=len({t for t, c, is_content in zip(tokens, sent.clauses, content)
                                if c == own and is_content}),
        local=gist.local, restate=gist.restate, noun_phrase=gist.noun_phrase,
        table=sent.table, times=sent.times, place=sent.place, directions=sent.directions,
        verb=gist.verb, verb_word=gist.verb_word, head=gist.head, agent=gist.agent,
        change=gist.change, contrast=gist.contrast,
    )


_DEFINITE_BEFORE = PATTERNS.compile(r"\bthe\s+$", re.I)
# "in the 50 states", "across the 27 member countries": "the" names the whole a thing happens in,
# not a group given before.
_DOMAIN_BEFORE = PATTERNS.compile(r"\b(?:in|across|throughout|among|within)\s+the\s+$", re.I)
# "the 3,000 people evacuated", "the 40 workers who …": "the" that the words after the noun
# call for (which ones), not a pointer back at a figure already given.
_RESTRICTED_AFTER = PATTERNS.compile(
    # (an adverb may come first: "the 60,000 emails still on her server")
    r"\s+(?:(?:still|now|already|currently|then|once|previously|originally|later)\s+)?"
    r"(who|whom|whose|that|which|\w{3,}ed|\w{3,}ing|made|held|taken|built|sold|paid|"
    r"left|lost|hit|seized|known|seen|given|brought|caught|kept|found|met|"
    # ... or a place, a part or a time ("the 15 houses in the first phase", "the 30 stocks in
    # the Dow"): the group it names is the earlier one only if its sentence said as much
    r"in|on|at|from|of|among|under|during)\b", re.I)


def _main_verb(sentence: str, start: int, end: int, word: str) -> bool:
    """Whether the word of a verb read as a restriction after "the N X" (the figure starting at
    ``start``, the word ending at ``end``) is the sentence's own verb: a past tense with no verb
    before the figure or after it ("The 126 passengers survived the crash."), where a
    restriction leaves the sentence its verb ("the 54 people arrested after the protest were
    released", "packs were sent to the 3,000 schools invited")."""
    if word.lower() in _RESTRICTING_WORDS or not word.lower().endswith("ed"):
        return False
    if _OPENS_WITH_THE.fullmatch(sentence, 0, start) is None:
        return False  # (not the sentence's subject: "Of the 3,000 people evacuated, …")
    return _LATER_VERB.search(sentence, end) is None


# A finite verb (a word of being or having, a modal, a past tense).
_LATER_VERB = PATTERNS.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did|"
    r"spent|went|took|made|got|said|left|came|saw|gave|found|kept|held|fled|ran|began|stood|lost|"
    r"sold|paid|built|brought|fell|rose|told|won|met|sent|slept|\w{3,}ed)\b", re.I)
# What comes before a figure that opens its sentence as its subject: "The", "All the", "All".
_OPENS_WITH_THE = PATTERNS.compile(r"[\s\"“(]*(?:all\s+)?(?:the\s+)?", re.I)
_RESTRICTING_WORDS = frozenset("who whom whose that which".split())


# The first words of a restriction that is a phrase of place, part or time, not a verb's.
RESTRICTING_PREPOSITIONS = frozenset("in on at from of among under during".split())


def _noun_phrase(claim: Claim) -> tuple[str, ...]:
    """The stems of the words after a count's number, up to its counted noun (empty for money,
    measures and counts without a noun)."""
    if claim.kind != "count" or not claim.counted or money_base(claim) is not None:
        return ()
    num = claim.number_text
    at = claim.text.find(num) if num else -1
    if at < 0:
        return ()
    return tuple(stem(w) for w in WORD.findall(claim.text[at + len(num):]))


_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth one two three four five"
    " six seven eight nine ten eleven twelve".split())


@lru_cache(maxsize=_CACHE_MAX)
def _names_of(raw: tuple[str, ...]) -> tuple[bool, ...]:
    """Whether each token of a sentence names something (read only for a frame: most sentences
    are ruled out by their sketches alone). In a headline's title case a capital says nothing."""
    if in_title_case(raw):
        return tuple(w != "#" and (w[0].isdigit() or w.lower() in _ORDINALS) for w in raw)
    return tuple(_names_something(w, k) for k, w in enumerate(raw))


# A headline in title case ("House of Representatives Paid $15,000,000 To Victims"): this many
# words of four letters or more, nearly all capitalised.
_TITLE_WORDS = 3
_TITLE_SHARE = 0.85


def in_title_case(raw: tuple[str, ...] | list[str]) -> bool:
    """Whether a sentence's words (as written) are in title case, where capitals mark no names."""
    long = [w for w in raw if len(w) >= 4 and w.isalpha()]
    if len(long) < _TITLE_WORDS:
        return False
    return sum(w[0].isupper() for w in long) >= _TITLE_SHARE * len(long)


def _names_something(w: str, k: int) -> bool:
    """A number that is not a figure, a number word or an ordinal, or a capitalised word: when
    two aligned sentences differ in one of these, they are about different things ("zone one"
    and "zone two", "Series 82A" and "Series 82B", "Groundnut production" and "Maize …")."""
    if w == "#":
        return False
    return w[0].isdigit() or w.lower() in _ORDINALS or (w[0].isupper() and w.lower() not in STOP_WORDS)


def is_content(w: str) -> bool:
    """A content word (not a stop word, a number word or shorter than three letters)."""
    return _is_content(w)


def _is_content(w: str) -> bool:
    # (times are the time slot's, not words the two sentences share)
    return (len(w) >= 3 and w != "#" and w not in STOP_WORDS and w not in NUMBER_WORDS
            and w not in _MONTHS and w not in _WEEKDAYS and not w[0].isdigit())


def _verb(tokens: list[str], lower: list[str], position: int) -> tuple[str | None, str | None]:
    """The predicate nearest the figure: before it within 8 words, else after it within 4."""
    def is_verb(k: int) -> bool:
        # (not after a determiner: "The ship is # long", "the cost was #" name a thing)
        return tokens[k] != "#" and (_is_verb(tokens[k], lower[k]) and not lower[k].endswith("ing")
                                     or tokens[k] in _COMMON_VERBS) and not (k and lower[k - 1] in _DETERMINERS)

    for k in range(position - 1, max(-1, position - 9), -1):
        if is_verb(k) and tokens[k] not in _REPORT:
            return tokens[k], lower[k]
    for k in range(position + 1, min(len(tokens), position + 5)):
        if is_verb(k) and tokens[k] not in _REPORT:
            return tokens[k], lower[k]
    for k in range(position - 1, max(-1, position - 9), -1):
        if is_verb(k):
            return tokens[k], lower[k]
    return None, None


_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_HEAD_LINKS = frozenset(
    "of at to be been from by about some nearly a an the its their his her up down".split())


def _head(tokens: list[str], lower: list[str], position: int) -> tuple[str, str | None] | None:
    """The noun the figure is the value of, when the words say so — "sales of #", "Exports fell
    to #", "capital was #", "the trade deficit narrowed to #" — with the word before it when
    that qualifies it ("trade"): (noun, modifier or None), or None."""
    at = _head_at(tokens, lower, position)
    if at is None:
        return None
    k, modified = at
    return tokens[k], tokens[k - 1] if modified else None


def head_index(tokens, lower, position: int) -> int | None:
    """Where :func:`_head`'s noun is in ``tokens``, or None."""
    at = _head_at(tokens, lower, position)
    return None if at is None else at[0]


def _head_at(tokens, lower, position: int) -> tuple[int, bool] | None:
    """Where :func:`_head`'s noun is in ``tokens``, and whether the word before it qualifies it.
    A period after the noun is passed over ("Net income in the quarter was #": income)."""
    passed_verb = False
    k, stop = position - 1, max(-1, position - 6)
    while k > stop:
        t, w = tokens[k], lower[k]
        if t == "#" or w in _HEAD_LINKS:
            # (a period given as a figure: "Sales over the past # were #", "six months")
            before = _before_a_period(lower, k) if t == "#" and k < position - 1 else None
            if before is not None:
                k, stop = before, max(-1, before - 5)
            else:
                k -= 1
            continue
        if t in _CHANGE or w in _BE:  # (_BE as written: "were" stems to "wer")
            passed_verb = True
            k -= 1
            continue
        if _is_content(w) and (passed_verb or not _is_verb(t, w)) and not w.endswith("ly"):
            before = _before_a_period(lower, k) if w in _PERIOD_NOUNS else None
            if before is not None:
                k, stop = before, max(-1, before - 5)
                continue
            m = lower[k - 1] if k else ""
            return k, _is_content(m) and not _is_verb(tokens[k - 1], m)
        return None
    return None


# A period named after the noun a figure is the value of: "(sales) in the first quarter",
# "(revenue) for the year", "(profit) over the past six months".
_PERIOD_NOUNS = frozenset("quarter quarters qtr year years half month months mths week weeks period".split())
_PERIOD_PREPOSITIONS = frozenset("in for during over through".split())


def _before_a_period(lower, k: int) -> int | None:
    """Where the word before the preposition that opens the period ending at ``k`` is (a few
    words back: "in the first fiscal quarter"), else None."""
    for at in range(k - 1, max(-1, k - 5), -1):
        w = lower[at]
        if w in _PERIOD_PREPOSITIONS:
            return at - 1 if at else None
        if not (w in _HEAD_LINKS or w in _ORDINALS or w in _PERIOD_WORDS_BEFORE or w.isdigit()):
            return None
    return None


_PERIOD_WORDS_BEFORE = frozenset("past last next fiscal full calendar whole current prior previous latest this same "
                                 "entire nine six three twelve".split())


def figure_before_head(f: ClaimFrame) -> int | None:
    """Which of its sentence's figures (counted from 0) stands right before the noun the figure
    is the value of, or before the word that qualifies that noun ("The five-day course fee is
    $150": "five-day"), else None."""
    at = _head_at(f.tokens, [w.lower() for w in f.raw], f.position)
    if at is None:
        return None
    k, modified = at
    before = k - 2 if modified else k - 1
    if before < 0 or f.tokens[before] != "#":
        return None
    return f.tokens[:before].count("#")


_BE = frozenset("was were is are stood totalled totaled amounted reached".split())


def is_verb(t: str, w: str) -> bool:
    """Whether a word (stem ``t``, lower-case ``w``) reads as a verb (tables and -ed/-ing)."""
    return _is_verb(t, w)


def _is_verb(t: str, w: str) -> bool:
    if t in _REPORT or t in _CHANGE or t in _COMMON_VERBS:
        return True
    return t != "#" and w not in STOP_WORDS and len(w) > 4 and w.endswith(("ed", "ing"))


def _agents(raw: list[str]) -> frozenset[str]:
    """Capitalised words that are names (not the first word of the sentence unless the next is
    capitalised too, not months, days or common words)."""
    out = set()
    for k, w in enumerate(raw):
        if w == "#" or not w[:1].isupper() or w.isupper() and len(w) > 5:
            continue  # (an all-capitals word of a headline is not a name)
        lw = w.lower()
        if lw in _NOT_NAMES or lw in _MONTHS or lw in _WEEKDAYS or lw in STOP_WORDS:
            continue
        if k == 0 and not (len(raw) > 1 and raw[1][:1].isupper()):
            continue  # the first word of a sentence is capitalised anyway
        out.add(lw)
    return frozenset(out)


def _times(sentence: str, raw: tuple[str, ...], lower: tuple[str, ...]) -> frozenset[str]:
    """Times of the sentence, tagged by category: "y:1987", "m:may", "d:monday", "p:first",
    "t:oct 24" (a date)."""
    out = set()
    if not _DAY_WORDS.isdisjoint(lower):
        for k, (w, lw) in enumerate(zip(raw, lower)):
            if lw in _MONTHS and (lw != "may" or w == "May"):
                out.add("m:" + _MONTHS[lw])
                day = _day_of_month(raw, k)
                if day is not None:
                    out.add(f"t:{_MONTHS[lw]} {day}")
            elif lw in _WEEKDAYS:
                out.add("d:" + lw)
    if _may_name_a_period(sentence):
        out |= _period_tags(sentence)
    return frozenset(out)


def _period_tags(text: str) -> frozenset[str]:
    """The periods and years ``text`` names, tagged ("p:first", "p:full", "y:2020")."""
    out = set()
    for m in _PERIOD.finditer(text):
        k, g = next((k, x) for k, x in enumerate(m.groups()) if x)
        g = _ORDINAL.get(g.lower(), g.lower())
        out.add(_PERIOD_TAGS[k] + (g if g != "year" else "previous"))
    return frozenset(out)


def _day_of_month(raw: tuple[str, ...], k: int) -> int | None:
    """The day of the month written next to the month name at ``k`` ("October 24", "24
    October", "9th August"), else None (a year, "October 2003", is not a day)."""
    for at in (k + 1, k - 1):
        if 0 <= at < len(raw):
            m = _DAY_NUMBER.fullmatch(raw[at])
            if m is not None and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
    return None


_DAY_NUMBER = PATTERNS.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_DAY_WORDS = frozenset(_MONTHS) | _WEEKDAYS
# Every match of ``_PERIOD`` holds one of these: a cheaper first test.
_PERIOD_WORDS = ("quarter", "qtr", "half", "mth", "month", "year", "week", "period")
_PERIOD_YEAR = PATTERNS.compile(r"1[89]\d\d|20\d\d")
_PERIOD_SHORT = PATTERNS.compile(r"\b(?:[QH][1-4]|[1-4][QH])\b")  # (in capitals only)
_PERIOD_HINT = PATTERNS.compile(
    "|".join(_PERIOD_WORDS) + "|" + _PERIOD_YEAR.pattern + "|(?-i:" + _PERIOD_SHORT.pattern + ")", re.I)


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of a pattern every match of which holds one of
    ``words`` (lower case) can be in ``text``: in ASCII text, read as substrings of the text in
    lower case (an ASCII letter has no case variant outside ASCII), far cheaper than a
    case-insensitive scan that tries every alternative at every character."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(word in low for word in words)


def _may_name_a_period(sentence: str) -> bool:
    """``_PERIOD_HINT.search(sentence)``: in ASCII text, read as substrings of the text in lower
    case (the same matches: an ASCII letter has no case variant outside ASCII), ~8x cheaper than
    a case-insensitive scan."""
    if not sentence.isascii():
        return _PERIOD_HINT.search(sentence) is not None
    low = sentence.lower()
    return any(word in low for word in _PERIOD_WORDS) or _PERIOD_YEAR.search(sentence) is not None \
        or _PERIOD_SHORT.search(sentence) is not None


# The categories of the time slot: a clash in any one of them vetoes a pair (two dates of one
# month, "October 20" and "October 24", are two times).
_TIME_TAGS = ("y:", "m:", "d:", "p:", "t:")
_YEARS, _PERIODS = _TIME_TAGS.index("y:"), _TIME_TAGS.index("p:")
# Periods that are part of a year: a figure for one is not the figure for the year.
_PARTS_OF_A_YEAR = frozenset(f"p:{w}" for w in "first second third fourth nine six three".split())


def times_clash(ta: tuple[frozenset[str], ...], tb: tuple[frozenset[str], ...]) -> bool:
    """Whether two sentences' time slots (by category) say they are about different times: a
    category both read shares nothing ("May" / "June"), or one names part of a year and the
    other only a year ("fourth-quarter earnings of $0.55 a share" / "2019 earnings of $2.58 a
    share")."""
    for a, b in zip(ta, tb):
        if a and b and a.isdisjoint(b):
            return True
    return _part_against_year(ta, tb) or _part_against_year(tb, ta)


def _part_against_year(ta: tuple[frozenset[str], ...], tb: tuple[frozenset[str], ...]) -> bool:
    return not ta[_PERIODS].isdisjoint(_PARTS_OF_A_YEAR) and bool(tb[_YEARS]) and \
        not any(t for k, t in enumerate(tb) if k != _YEARS)


def _role(claim: Claim, sentence: str, c0: int, c1: int, sent: _Sentence, pointed: bool) -> str:
    """The figure's role in its sentence (``pointed``: "the" right before it)."""
    before = sentence[max(0, c0 - 150):c0]
    after = sentence[c1:c1 + 60]
    if sent.table:
        return "table"  # a results-table row, a row of figures, a "respectively" list
    whole = _WHOLE_BEFORE.search(before) if _may_hold(before, ("of",)) else None
    if whole and not (whole.group(0).split()[0].lower() in _VAGUE_PARTS
                      and not _NUMBERS.search(whole.group(0))):
        return "whole"  # "312 of the 650 seats": the whole of a part named before it
    if c0 <= 16 and _OF_THE_OPENS.match(sentence, 0, c0) and _PART_FIGURE_AFTER.match(after):
        return "whole"  # "Of the 31 genes, 13 were targets": the whole of a part named after it
    # ("most of the 6,900 new jobs" names no other figure: 6,900 is what is spoken of)
    if pointed and _WIDER_GROUP_AFTER.match(after):
        return "group_part"
    if _may_hold(before, _COMPARISON_WORDS) and _COMPARISON.search(before):
        return "comparison"
    if _COMPARISON_AFTER.search(after) or (
            _may_hold(sentence, _PRIOR_WORDS) and _PRIOR_BEFORE.search(sentence, 0, c0)):
        return "earlier"  # set in an earlier period ("A year earlier, …", "… a year ago")
    if _PER.match(after) or (claim.counted in ("ct", "cent")) or (
            (per := _PER_BEFORE.search(before)) and not (claim.kind == "quantity" and _AT_BEFORE.match(per.group()))):
        return "per_unit"
    if (_may_hold(sentence, ("vs", "versus")) and _SENTENCE_COMPARISON.search(sentence)
            or _COMPARED_AFTER.match(after)):
        return "current"
    if _may_hold(sentence, _FORECAST_WORDS) and _FORECAST.search(sentence):
        return "forecast"
    return "total"


def _earlier_period(sentence: str) -> str | None:
    """The first earlier period ``sentence`` names, in lower case, spaced and hyphenated one way
    ("previously", "originally" name no period: when a figure was given, not what it is of)."""
    if not _may_hold(sentence, _PERIOD_NOUNS):
        return None
    for m in _PRIOR_BEFORE.finditer(sentence):
        found = " ".join(m.group(0).lower().replace("-", " ").split())
        if any(noun in found for noun in _PERIOD_NOUNS):
            return found
    return None


_PERIOD_NOUNS = ("year", "quarter", "qtr", "period")


def buckets(ctx: CheckContext) -> dict[tuple, list[int]]:
    """Claims grouped by :func:`kind_key`, in document order (stated equivalents left out:
    they restate their source, which is compared instead)."""

    def build():
        out: dict[tuple, list[int]] = {}
        for i, c in enumerate(ctx.claims):
            if c.converted_from is not None:
                continue
            key = kind_key(c)
            if key is not None:
                out.setdefault(key, []).append(i)
        return out

    return ctx.memo(_BUCKETS, build)


def moved_buckets(ctx: CheckContext, before: dict[tuple, list[int]], head: int, tail: int,
                  count_before: int) -> dict[tuple, list[int]]:
    """:func:`buckets` of ``ctx``, given those of the same document before an edit that left its
    first ``head`` and last ``tail`` claims as they were (of ``count_before``; those after it
    moved): only the claims between are read again (a held check: see incremental_check)."""
    claims, shift = ctx.claims, len(ctx.claims) - count_before
    middle: dict[tuple, list[int]] = {}
    for i in range(head, len(claims) - tail):
        c = claims[i]
        if c.converted_from is None and (key := kind_key(c)) is not None:
            middle.setdefault(key, []).append(i)
    out: dict[tuple, list[int]] = {}
    for key in {**before, **middle}:
        members = before.get(key, ())
        lo, hi = bisect_left(members, head), bisect_left(members, count_before - tail)
        tail_members = members[hi:] if shift == 0 else [i + shift for i in members[hi:]]
        found = [*members[:lo], *middle.get(key, ()), *tail_members]
        if found:
            out[key] = found
    # (in order of their first members, as built)
    ordered = dict(sorted(out.items(), key=lambda item: item[1][0]))
    return ctx.memo(_BUCKETS, lambda: ordered)


# A claim is compared with at most this many earlier members of its bucket: bounded work.
MAX_PARTNERS = 24


def candidate_pairs(members: list[int]):
    for n, j in enumerate(members):
        for i in members[max(0, n - MAX_PARTNERS):n]:
            yield i, j


PATTERNS.save()
