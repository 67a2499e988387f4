"""Can one figure be a part of another? What FC301 and FC302 both ask before comparing.

"of", "including" and a colon say that one figure is part of another only when the two count or
measure the same kind of thing: "12 of the 9 crew" (crew of crew), "Of the 42 passengers, 45 …"
(the bare 45 counts passengers too), "30 people were hurt, including 40 children" (children are
people). Not "2,000 boxes of 50 capsules" (a container and its contents), "900,000 shares of its
2.50 dlrs preferred" (shares and money) or "1986 revenues of 3.4 billion dlrs" (a year and a
sum).
Money is compared on one base (cents and dollars alike, see ``money``), and never a price per
share with a total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import units
from ..model import Claim
from . import money
from .context import CheckContext, MemoKey
from .words import stem

# Counted nouns that all name people: a part counted in one is a plausible subset of another.
PEOPLE = frozenset(
    stem(w) for w in """person adult child man woman boy girl civilian soldier resident passenger
    student worker patient victim pupil teacher officer member employee baby infant toddler
    teenager casualty fighter troop crew miner staff pilgrim tourist visitor migrant refugee
    prisoner hostage survivor driver pedestrian""".split()
)
# (or a possessive: "120 of the town's 100 homes", "of Britain's 40 …")
DETERMINER = (r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+(?:the\s+)?|those\s+|these\s+"
              r"|(?:the\s+)?[^\W\d_]+['’]s\s+)?")
# "Of the 42 passengers, …": a whole introduced as what the next figures are part of (the words
# before the whole, see ``introduces_whole``) ...
_WHOLE_INTRO = re.compile(
    r"(?:^|[,;:(—–-]\s*|\b(?:and|but)\s+)(?:of|out\s+of)\s+" + DETERMINER + r"$", re.I
)
# What every such introduction ends with, whatever the sentence's start: a test that says "no"
# only when ``introduces_whole`` would, and needs no sentence.
_OF_WHOLE_BEFORE = re.compile(r"of\s+" + DETERMINER + r"$", re.I)
# ... and the words after it, up to the first part.
WHOLE_THEN_COMMA = re.compile(r"^[^\d;:.!?]{0,60}?,\s*$")
# ... or then a clause's first few words, the part its figure: "Of the 650 seats, Labour won
# 411"; none of them a preposition or a conjunction that would tie the figure to something else
# ("Of these four rearrangements, one resulted in the deletion of exons 11", "of one hour, of one
# day, of one month").
_CLAUSE_WORD = r"(?!(?:of|in|on|at|to|from|for|with|by|and|or|but|than|per)\b)[^\W\d_][\w'’-]*"
WHOLE_THEN_CLAUSE = re.compile(
    r"^[^\d;:.!?]{0,60}?,[ \t]*" + _CLAUSE_WORD + r"(?:[ \t]+" + _CLAUSE_WORD + r"){0,4}[ \t]+$", re.I)
# A figure that is only the start of a compound one ("6-7/8 pct", "9-1/4") or the size of each of
# several things rather than a whole ("200 acres of 40-acre plots", "six-month paper").
_COMPOUND_AFTER = re.compile(r"[-/‑]\w")
# A word of two letters or more: a counted noun written after its figure.
_WORD_OF_LETTERS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Base:
    """How a part and a whole compare: multiply the part's figures by ``part`` and the whole's by
    ``whole`` to put both on one base; ``kind`` is "count", "quantity" or "money" (then
    ``currency`` names it)."""

    part: float
    whole: float
    kind: str
    currency: str | None = None


def common_base(part: Claim, whole: Claim, text: str) -> Base | None:
    """How ``part`` and ``whole`` compare on one base (the main unit of their currency, for
    money) when the two count or measure the same kind of thing; None when they do not."""
    if _compound(part, text) or _compound(whole, text):
        return None
    if part.role == "age" or whole.role == "age":
        return None
    pm, wm = money.amount(part, text), money.amount(whole, text)
    if pm or wm:
        if pm and wm and money.comparable(pm, wm):
            return Base(pm.factor, wm.factor, "money", pm.currency)
        return None
    if part.kind != whole.kind:
        return None
    if part.kind == "quantity":
        if not (part.unit and whole.unit) or part.dimension != whole.dimension:
            return None
        try:
            if units.convert(0.0, part.unit, whole.unit) != 0.0:
                return None  # temperatures on offset scales are not parts of anything
            return Base(units.convert(1.0, part.unit, whole.unit), 1.0, "quantity")
        except Exception:
            return None
    if part.kind == "count":
        return Base(1.0, 1.0, "count") if same_counted(part, whole, text) else None
    return None


def same_counted(part: Claim, whole: Claim, text: str) -> bool:
    """Do two counts count the same kind of thing? A part whose noun is not written counts what
    the whole counts ("Of the 42 passengers, 45 …"); a whole whose noun is not written is
    trusted only when the part has none either ("45 out of 42"), or when the whole is people
    named by what befell them and the part counts people ("Among the 20 dead were 12
    soldiers")."""
    if not noun_written(whole):
        if whole.counted is None and noun_written(part) and stem(part.counted) in PEOPLE:
            return _PEOPLE_BY_WHAT_BEFELL.match(text, whole.end) is not None
        return not noun_written(part) and whole.counted is None
    if not noun_written(part) or part.counted is None or whole.counted is None:
        return True
    a, b = stem(part.counted), stem(whole.counted)
    return a == b or (a in PEOPLE and b in PEOPLE)


# An adjective a count of people stands before as its noun: "the 20 dead", "12 injured".
WHAT_BEFELL = r"(?:dead|injured|wounded|hurt|killed|missing)"
_PEOPLE_BY_WHAT_BEFELL = re.compile(r"[ \t\u00a0]+" + WHAT_BEFELL + r"\b", re.I)


def noun_written(c: Claim) -> bool:
    """Is the counted noun written in the claim itself ("9 crew"), not carried over from an
    earlier figure ("6" in "500,000 shares of 6-7/8 pct preferred")?"""
    if c.counted is None:
        return False
    at = c.text.rfind(c.number_text) if c.number_text else -1
    tail = c.text[at + len(c.number_text):] if at >= 0 else c.text
    return _WORD_OF_LETTERS.search(tail) is not None


def _compound(c: Claim, text: str) -> bool:
    """A figure that is part of a compound, or the size of each item."""
    end = money.number_end(c)
    return _COMPOUND_AFTER.match(text, end, end + 2) is not None


def introduces_whole(text: str, sentence_start: int, at: int) -> bool:
    """Do the words before ``at`` (within its sentence) introduce the figure there as a whole,
    "Of the 42 passengers" or ", and of the 42 passengers"?"""
    return _WHOLE_INTRO.search(text[max(sentence_start, at - 40) : at]) is not None


def may_introduce_whole(text: str, at: int) -> bool:
    """False only when ``introduces_whole(text, s, at)`` is False for every sentence start ``s``:
    its window ends in "of" and a determiner. Read first, so that the sentence of a figure is
    looked up only where such words stand before it."""
    return _OF_WHOLE_BEFORE.search(text, max(0, at - 40), at) is not None


def quote(words: str) -> str:
    """A figure as quoted in a message: on one line, however the text was wrapped."""
    return " ".join(words.split())


# part … whole: "12 of the 9 crew", "45 out of 42", "two children were among the five people".
_PART_THEN_WHOLE = re.compile(
    r"\s*(?:(?:were|are|was|is)\s+)?(?:of|out\s+of|among|from\s+among)\s+" + DETERMINER + r"$", re.I
)
# "of" alone between two measures in different units: the second is what each of the first is.
_BARE_OF = re.compile(r"\s*of\s+", re.I)
# What the words between the figures start with (white space aside) for ``_PART_THEN_WHOLE`` to
# match: the first letters of "were", "are", "was", "is", "of", "out", "among", "from", in any
# case ("ı" and "İ" are an "i" to a pattern that ignores case). Most neighbours fail this test,
# which costs less than the pattern (4,000 calls on 2,000 news stories).
_PART_THEN_WHOLE_FIRST = frozenset("waiofWAIOF\u0131\u0130")
# whole … part: "Of the 42 passengers, 45 …" (introduces_whole), "30 people were hurt,
# including 40 children".
_WHOLE_THEN_INCLUDING = re.compile(r"^[^\d;:.!?]{0,80}?\bincluding\s+$", re.I)
# whole …, part of them: "The school has 400 pupils, 450 of whom are girls" (read after the part).
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:whom|them|which)\b", re.I)
# whole …, of them part: "We enrolled 250 patients, of whom 107 were women", "… 250 patients;
# of these, 107 …", "12 people died, among them 5 children". ("of these" and "of those" only with
# their comma: "of these 107 patients" names a whole.)
_WHOLE_THEN_OF_THEM = re.compile(
    r"^[^\d;:.!?]{0,60}?[,;]\s*(?P<cue>(?:of|among)\s+(?:whom|which|them)|(?:of|among)\s+(?:them|these|those)\s*,)\s*$",
    re.I)
# ... or the next sentence opens so: "A total of 250 patients were enrolled. Of these, 107 (43%)
# were women." (its whole is the previous sentence's only figure, see figure_before_in_sentence)
_WHOLE_THEN_NEXT_SENTENCE = re.compile(
    r"^[^\d;:.!?]{0,80}?[.!?][\"”’)]?\s+(?P<cue>(?:of|among)\s+(?:them|these|those)\s*,)\s*$", re.I)
# The last character (white space aside) of the words of each form above, in any case: a comma;
# "of", "among", "the", "its", "their", "his", "her", "our", "all", "those", "these" ("ſ" is an
# "s" to a pattern that ignores case); "including"; "whom", "them", "which".
_RELATION_LAST = frozenset(",efghlmrsEFGHLMRSſ")
# The last characters of the forms other than "of …" (which ``_PART_THEN_WHOLE_FIRST`` screens):
# a comma, "including", "whom", "them", "which".
_NOT_OF_LAST = frozenset(",gGmMhH")
# A net figure or a change: its parts may exceed it when others are negative ("net income of 30
# mln dlrs, including 40 mln from the sale"; "the economy added 200,000 jobs, including 250,000
# in services").
_NET = re.compile(
    r"\b(?:net|profits?|income|earnings|loss(?:es)?|deficits?|surplus(?:es)?|balance|"
    r"added|adding|gained|gains?|lost|shed|cut|rose|fell|increased|decreased|grew|declined|"
    r"changes?|increases?|decreases?|rises?|falls?|declines?|growth|drops?|dropped)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class PartOf:
    """A figure given as a part of another in one sentence ("12 of the 9 crew"): ``how`` is the
    cue that says so ("of", "including", "of whom"), ``base`` how the two compare."""

    part: Claim
    whole: Claim
    how: str
    base: Base
    # The whole is a net figure or a change, whose parts may exceed it when others are negative
    # ("a profit of 30 mln dlrs, 40 mln dlrs of which came from a sale"; "of" aside).
    net: bool = False
    # The part is in the sentence after the whole's, which opens by pointing back at it ("…
    # 250 patients were enrolled. Of these, 107 …"); else both are in one sentence.
    next_sentence: bool = False

    @property
    def where(self) -> str:
        """Where the cue stands, for a message: "in the same sentence", or not."""
        return "opening the next sentence" if self.next_sentence else "in the same sentence"


def parts_of_wholes(ctx: CheckContext, screened: bool = True) -> list[PartOf]:
    """Every neighbouring pair of figures of one sentence that the words between them make a part
    and its whole, of the same kind of thing (FC301 and FC304 read them; memoised per document).
    Not ``screened``: every form read in full, for each pair (what a test holds the screen to)."""
    if screened:
        return ctx.memo(_PARTS_OF_WHOLES, lambda: _parts_of_wholes(ctx, True))
    return _parts_of_wholes(ctx, False)


_PARTS_OF_WHOLES: MemoKey[list[PartOf]] = MemoKey("part_whole.parts_of_wholes")


def _parts_of_wholes(ctx: CheckContext, screened: bool) -> list[PartOf]:
    claims, text = ctx.claims, ctx.text
    ordered = [claims[k] for k in claims_in_order(ctx)]
    out: list[PartOf] = []
    for first, second, between in _neighbours(ordered, text):
        # The words between the two are read first: they rarely relate them, while finding
        # their sentences costs more (a run of numbers: 50,000 neighbours in one sentence).
        last = between.rstrip()[-1:] if screened else None
        if last is not None and (last not in _RELATION_LAST or (
                last not in _NOT_OF_LAST and between.lstrip()[:1] not in _PART_THEN_WHOLE_FIRST)) \
                and not ("," in between and may_introduce_whole(text, first.start)):
            continue  # no form's words end so (or, but for "," and "including", start so)
        found = _relation(ctx, first, second, between, last)
        if found is None:
            continue
        part, whole, how = found
        next_sentence = how in _OPENING_THE_NEXT
        if not next_sentence and ctx.sentence_of(first.start) != ctx.sentence_of(second.start):
            continue
        if next_sentence and not _the_next_sentence(ctx, first.start, second.start):
            continue
        if how.lower() in _POINTING_BACK and figure_before_in_sentence(ctx, whole):
            continue  # "66 sixes were struck in five games, 19 of them in …": of which of the two?
        if how == "including" and _noun_read_from_before(part) and figure_before_in_sentence(ctx, whole):
            continue  # "100 yards in three games, including 211 against Troy": 211 what?
        base = common_base(part, whole, text)
        if base is None:
            continue
        out.append(PartOf(part, whole, how, base, how != "of" and _is_net(ctx, whole, part), next_sentence))
    return out


def _neighbours(ordered: list[Claim], text: str) -> Iterator[tuple[Claim, Claim, str]]:
    """Each figure and the next (in order of start), and the words between them; a share given
    right after a figure ("51 (35%) of the 118", "411, or 63%, of the 650 seats") is read as
    part of it, its next figure being the one after the share."""
    last = len(ordered) - 1
    for k in range(last):
        first, second = ordered[k], ordered[k + 1]
        if second.kind == "percent" and first.kind != "percent" and k + 1 < last:
            after = share_after(text, first.end, second)
            if after is not None:
                third = ordered[k + 2]
                yield first, third, text[after : third.start]
                continue
        yield first, second, text[first.end : second.start]


# Before a share given right after a figure: an opening bracket, or a comma and "or" ...
_BEFORE_SHARE = re.compile(r"[ \t]*(?:\([ \t]*|,[ \t]*or[ \t]+)")
# ... and after it: the closing bracket, nothing else ("(35% of all patients)" is a share of
# another whole), or a comma.
_CLOSING = re.compile(r"[ \t]*\)")
_COMMA = re.compile(r"[ \t]*,")


def share_start(text: str, end: int) -> int | None:
    """Where a share given right after a figure that ends at ``end`` would start ("51 (|35%)",
    "411, or |63%")."""
    m = _BEFORE_SHARE.match(text, end)
    return None if m is None else m.end()


def share_after(text: str, end: int, share: Claim) -> int | None:
    """Where the words after ``share`` start when it is given right after a figure that ends at
    ``end`` as its share ("51 (35%)", "411, or 63%,"), else None."""
    m = _BEFORE_SHARE.match(text, end)
    if m is None or m.end() != share.start or share.is_range:
        return None
    if "(" in m.group():
        closing = _CLOSING.match(text, share.end)
        return None if closing is None else closing.end()
    comma = _COMMA.match(text, share.end)
    return share.end if comma is None else comma.end()


def _relation(ctx: CheckContext, first: Claim, second: Claim, between: str,
              last: str | None) -> tuple[Claim, Claim, str] | None:
    """(part, whole, cue) when the words ``between`` two neighbouring figures make one a part of
    the other. ``last``: the last character of those words, white space aside, when a form
    that cannot end with it is to be skipped (its pattern tries every start up to 60 or 80
    characters in); None to read every form."""
    if (last is None or between.lstrip()[:1] in _PART_THEN_WHOLE_FIRST) and _PART_THEN_WHOLE.fullmatch(between):
        if first.kind == "quantity" and first.unit != second.unit and _BARE_OF.fullmatch(between):
            return None  # what each is made of: "20 weeks of 13 days", "four periods of 90 minutes"
        return first, second, "of"
    # (the sentence is looked up only where "of the" stands before the first figure)
    text = ctx.text
    comma_then_part = ((last is None or last == ",") and WHOLE_THEN_COMMA.match(between)) \
        or WHOLE_THEN_CLAUSE.match(between)
    if comma_then_part and may_introduce_whole(text, first.start) \
            and introduces_whole(text, ctx.sentence_span(first.start)[0], first.start):
        return second, first, "of"
    if (last is None or last in ("g", "G")) and _WHOLE_THEN_INCLUDING.match(between):
        return second, first, "including"
    if (last is None or last == ",") and WHOLE_THEN_COMMA.match(between) \
            and (of_them := _OF_THEM_AFTER.match(text, second.end)):
        return second, first, " ".join(of_them.group().split()).lower()
    if last is None or last in _POINTER_LAST:
        if pointer := _WHOLE_THEN_OF_THEM.match(between):
            return second, first, _cue(pointer)
        if pointer := _WHOLE_THEN_NEXT_SENTENCE.match(between):
            return second, first, _cue(pointer).capitalize()  # (as it opens the sentence)
    return None


def _the_next_sentence(ctx: CheckContext, a: int, b: int) -> bool:
    """Whether offset ``b`` is in the sentence right after the one holding ``a``, in its
    paragraph."""
    return ctx.sentence_span(a)[1] == ctx.sentence_of(b) and ctx.paragraph_of(a) == ctx.paragraph_of(b)


def pointer_back_to(ctx: CheckContext, whole: Claim, at: int) -> str | None:
    """The words ("Of these") the sentence holding ``at`` opens with when it is the one right
    after ``whole``'s, in its paragraph, and opens by pointing back at it with nothing else
    between: "A total of 250 patients were enrolled. Of these, …"; else None (whether ``whole``
    is its sentence's only figure is the caller's to ask)."""
    pointer = _WHOLE_THEN_NEXT_SENTENCE.match(ctx.text[whole.end : at])
    if pointer is None or not _the_next_sentence(ctx, whole.start, at):
        return None
    return _cue(pointer).capitalize()


# The last characters of the pointers of _WHOLE_THEN_OF_THEM and _WHOLE_THEN_NEXT_SENTENCE.
_POINTER_LAST = frozenset(",mMhH")


def _cue(pointer: re.Match) -> str:
    """The pointer ("of whom", "of these,") as a message quotes it: one line, no comma."""
    return " ".join(pointer.group("cue").rstrip(",").split()).lower()


_POINTING_BACK = frozenset(("of them", "of whom", "of which", "among them", "among whom", "among which",
                            "of these", "of those", "among these", "among those"))
# The cues of a part in the next sentence: capitalised, as they open it (``_relation``).
_OPENING_THE_NEXT = frozenset(p.capitalize() for p in _POINTING_BACK)


def _noun_read_from_before(claim: Claim) -> bool:
    """Whether a count's noun is not written after it but read from the count before it ("five
    people were killed and nine injured")."""
    return claim.kind == "count" and claim.counted is not None and claim.text == claim.number_text


def figure_before_in_sentence(ctx: CheckContext, claim: Claim) -> bool:
    """Whether a figure comes before ``claim`` in its sentence: "of them" (or "Of these," opening
    the next sentence) may point at either, and a bare part may count what that one does."""
    k = place_in_order(ctx, claim) - 1
    return k >= 0 and ctx.sentence_of(ctx.claims[claims_in_order(ctx)[k]].start) == ctx.sentence_of(claim.start)


def place_in_order(ctx: CheckContext, claim: Claim) -> int:
    """The claim's place in :func:`claims_in_order` (the places memoised per document)."""
    places = ctx.memo(_PLACES, lambda: {k: n for n, k in enumerate(claims_in_order(ctx))})
    return places[ctx.index_of[id(claim)]]


_PLACES: MemoKey[dict[int, int]] = MemoKey("part_whole.places")


def _is_net(ctx: CheckContext, whole: Claim, part: Claim) -> bool:
    """Is the whole (written before the part, as with "including") a net figure or a change?
    Read in the whole's own words, up to the part."""
    s_start, s_end = ctx.sentence_span(whole.start)
    lo = max(s_start, whole.start - 50)
    hi = min(s_end, whole.end + 30, part.start)
    return _NET.search(ctx.text, lo, hi) is not None


# Per document: the claims' order of start (FC301 and FC302 both walk it).
_ORDER: MemoKey[list[int]] = MemoKey("part_whole.claims_in_order")


def claims_in_order(ctx: CheckContext) -> list[int]:
    """The indices of the context's claims in order of start (memoised per document)."""
    return ctx.memo(_ORDER, lambda: _in_order(ctx.claims))


def _in_order(claims: list[Claim]) -> list[int]:
    starts = [c.start for c in claims]
    return sorted(range(len(claims)), key=starts.__getitem__)


def sentence_runs(ctx: CheckContext) -> list[list[int]]:
    """The claims (indices, in order of start) grouped by sentence, in document order.
    Sentences partition the text, so a claim that starts before the end of the previous one's
    sentence shares it: one sentence lookup a sentence, not a claim (a run of numbers is 50,000
    claims in one sentence)."""
    claims = ctx.claims
    runs: list[list[int]] = []
    end = -1
    for k in claims_in_order(ctx):
        start = claims[k].start
        if start < end:
            runs[-1].append(k)
            continue
        end = ctx.sentence_span(start)[1]
        runs.append([k])
    return runs
