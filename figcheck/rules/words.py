"""The rules' vocabulary: a light stemmer whose synonym groups let "retaken" meet "recaptured",
the words that carry no content, and the cues next to a figure that make it a different or a
partial thing (read by :mod:`figcheck.rules.frame`, :mod:`~figcheck.rules.part_whole` and
:mod:`~figcheck.rules.parts_do_not_sum`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.lexicon import SMALL_NUMBERS, TENS

# A word: letters, with inner apostrophes ("don't", "Côte d’Ivoire").
WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")

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
    # the past forms of common verbs that a suffix does not give back ("drove 150 miles", "had
    # driven 150 kilometres")
    "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly", "swam": "swim",
    "swum": "swim", "rode": "ride", "ridden": "ride", "threw": "throw", "thrown": "throw",
    "wrote": "write", "written": "write", "gave": "give", "given": "give", "began": "begin",
    "begun": "begin", "caught": "catch", "brought": "bring", "sent": "send", "kept": "keep",
    "struck": "strike", "sank": "sink", "sunk": "sink", "stole": "steal", "stolen": "steal",
    "froze": "freeze", "frozen": "freeze", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "knew": "know", "known": "know", "drew": "draw", "drawn": "draw",
    "shook": "shake", "shaken": "shake", "taught": "teach", "sought": "seek", "stood": "stand",
    "withdrew": "withdraw", "withdrawn": "withdraw", "arose": "arise", "arisen": "arise",
    "overtook": "overtake", "overtaken": "overtake", "forgot": "forget", "forgotten": "forget",
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
    "burn blaze fire scorch",
    "village settlement town",
    "ship vessel",
    "destroy damage flatten",
    # verbs a rewriter swaps for each other in a report of the same event
    "add create",
    "close shut",
    "buy acquire purchase",
    "rise climb",
    "drop fall",
]

STOP_WORDS = frozenset("""
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

# Number words up to ninety ("three", "forty"): they count, they do not say what is counted.
NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS)

# Next to a figure, these say it is a different (or partial) thing than another figure; a step
# of a sequence is another occurrence ("The same was then centrifuged at 1000 rpm" after "Each
# suspension was centrifuged at 8000 rpm"; "the then 45 members": another time).
CONTRAST_BEFORE = frozenset("""
also another other others further additional extra smaller larger bigger second third fourth fifth
first last previous next each per every remaining rest both together combined total separate
respectively including included among besides except plus excluding whereas whole entire
altogether overall cumulative old former original existing current proposed planned then
subsequently
""".split())
# Words that turn a sentence to another statement ("rose to 14.1 billion, but the adjusted
# surplus fell"; "only 40% were married …, but 59% of the husbands …").
TURNING_WORDS = ("but", "while", "whereas", "although", "though")
CONTRAST_AFTER = frozenset("more others other each apiece respectively combined together still".split())
PART_AFTER = re.compile(r"^\s*(?:of|among)\s+(?:them|whom|which|those|these|it|the)\b", re.I)


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


# The endings of a place's name and of its people's adjective ("Ukraine"/"Ukrainian",
# "China"/"Chinese", "Iraq"/"Iraqi", "Germany"/"German").
# (a place's "y" drops to nothing, "Germany"/"German"; no other ending does: "Daniela"/"Daniel")
_ENDINGS = tuple((place, people) for place in ("e", "a", "o", "")
                 for people in ("ian", "ean", "ese", "an", "ish", "n", "i")) + (("y", ""),)


def one_name(a: str, b: str) -> bool:
    """Whether two capitalised words, lower-cased, are one name: the same, or a place and its
    people's adjective (what is left when one loses a place's ending and the other a people's is
    the same, four letters or more: "ukraine"/"ukrainian", not "austria"/"australia",
    "john"/"johnson" or "maria"/"mario")."""
    return a == b or _place_and_people(a, b) or _place_and_people(b, a)


def _place_and_people(place: str, people: str) -> bool:
    for place_end, people_end in _ENDINGS:
        if place.endswith(place_end) and people.endswith(people_end):
            base = place[: len(place) - len(place_end)]
            if len(base) >= 4 and base == people[: len(people) - len(people_end)]:
                return True
    return False
