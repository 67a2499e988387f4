"""FC301's and FC302's screens say "no" only where the full reading would (issue 12): over the
fixtures and over generated sentences built from the words that make or nearly make a part of a
whole, a breakdown or a list of shares (cues in other cases and spellings, other white space,
other punctuation, paragraph breaks), ``check`` finds exactly what ``reference_check`` — every
pair of neighbours, every sentence read in full — finds."""

from __future__ import annotations

import random
import re

from figcheck.extract import extract_claims
from figcheck.rules import part_exceeds_whole, part_whole, parts_do_not_sum
from figcheck.rules.context import CheckContext
from figcheck.rules.part_whole import introduces_whole, may_introduce_whole
from figcheck.text import read_document

from rules_support import FIXTURES, parse_fixture

_FIGURES = ("42", "45", "12", "40", "9", "Thirty", "30 people", "42 passengers", "45 passengers",
            "12 children", "40 children", "20 women", "9 crew", "300 pupils", "120 boys", "150 girls",
            "48%", "39%", "21%", "55 pct", "1.5 mln dlrs", "90 cts", "2 km", "500 metres", "5,000")
_WORDS = (" of the ", " OF THE ", " Of ", " of ", " of its ", " of all the ", " out of ", " among the ",
          " were among ", " from among the ", ", including ", " Including ", " ıncluding ", ", İncluding ",
          ": ", " : ", " — ", " – ", " - ", ", of whom ", ", of WHICH ", ", ", " ,", " and ", " or ",
          " while ", " were ", " were hurt, ", " seriously and ", " lightly", " backed the plan, ",
          " opposed it and ", " said yes, ", " hiſ ", " itſ ", " thoſe ", " the ", " in France and ",
          " at least ", " others ", "; ", ". ", "! ", "\n\n", "\n", "\u00a0", "\u2003", "\x1c", "  ",
          " (", ") ", " respectively ", " rose ", " net ")
_OPENINGS = ("", "Of the ", "Of ", "And of the ", "In all, ", "The ", "(of the ", "— of its ")


# Breakdowns and shares, which random words seldom make: filled with random figures, then a
# random word put in at a random place.
_LISTS = ("{} people were hurt: {} seriously and {} lightly", "The school has {} pupils: {} boys and {} girls",
          "Of the {} people on board, {} were children and {} were adults",
          "The firm has {} employees, {} of them in France and {} in Spain",
          "{} were hurt — {} men, {} women and {} children", "{} staff, of whom {} adults and {} minors",
          "{}% backed the plan, {}% opposed it and {}% said they did not know",
          "{} pct said yes, {} pct said no and {} pct were undecided")


def _list_sentence(rng: random.Random) -> str:
    words = rng.choice(_LISTS).format(*(rng.randrange(1, 80) for _ in range(4))).split(" ")
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(_WORDS).strip() or ",")
    return " ".join(words) + "."


# Spellings the generated sentences seldom put where they count.
_EDGES = ("45 of hiſ 42 passengers were hurt.", "45 OF ITS 42 passengers were hurt.",
          "Some 30 people were hurt, INCLUDING 40 children.", "Some 30 people were hurt, includinG\u00a040 children.",
          "12 out of thoſe 9 crew died.", "Of thE 42 passengers,\u2003 45 were hurt.",
          "Forty people were hurt in the crash —\n25 seriously and 20 lightly.",
          "The 40 staff, of WHOM 30 adults and 20 children, left.")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return _list_sentence(rng)
    parts = [rng.choice(_OPENINGS)]
    for _ in range(rng.randrange(2, 6)):
        parts += [rng.choice(_FIGURES), rng.choice(_WORDS)]
    return "".join(parts).rstrip() + rng.choice((".", ".", "", "!", ";"))


def _context(text: str) -> CheckContext:
    document = read_document(text, "text")
    return CheckContext(document=document, claims=extract_claims(document.prose))


def _documents(n: int) -> list[str]:
    rng = random.Random(12)
    fixtures = [case for code in ("FC301", "FC302") for cases in parse_fixture(FIXTURES / f"{code}.md").values()
                for case in cases]
    generated = [" ".join(_sentence(rng) for _ in range(rng.randrange(1, 4))) for _ in range(n)]
    return fixtures + list(_EDGES) + generated


def test_the_screened_checks_find_what_the_full_readings_find():
    found = {part_exceeds_whole.CODE: 0, parts_do_not_sum.CODE: 0}
    differ = []
    for text in _documents(1500):
        for rule in (part_exceeds_whole, parts_do_not_sum):
            # a fresh context each: the screened check must not lean on what the full one cached
            fast, full = list(rule.check(_context(text))), list(rule.reference_check(_context(text)))
            if fast != full:
                differ.append((rule.CODE, text, fast, full))
            found[rule.CODE] += len(full)
    assert not differ, differ[:2]
    # not vacuous: the full readings find many parts over wholes and sums that are off
    assert min(found.values()) >= 100, found


def test_may_introduce_whole_says_no_only_where_no_sentence_start_would_say_yes():
    rng = random.Random(15)
    words = ("of", "Of", "OF", "out of", "the", "its", "all the", "all", "those", ",", ";", "(", "—",
             "and", "but", "passengers", "42", "\n", "hiſ", "ıts")
    said_yes = 0
    for _ in range(600):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12))) + rng.choice(("", " ", "  "))
        at = len(text)
        for start in range(at + 1):
            if introduces_whole(text, start, at):
                said_yes += 1
                assert may_introduce_whole(text, at), (text, start)
    assert said_yes >= 200


def test_part_then_whole_screen_takes_every_letter_its_words_may_start_with():
    """The words of "45 were of the 42" start with "were", "are", "was", "is", "of", "out",
    "among" or "from", in any case: the screen lets through every character the case-blind
    pattern takes for their first letters."""
    first = re.compile("[waiof]", re.I)
    assert part_whole._PART_THEN_WHOLE_FIRST == {
        chr(i) for i in range(0x110000) if first.fullmatch(chr(i))}
    assert part_whole._PART_THEN_WHOLE.fullmatch(" \u0130s of the ")
