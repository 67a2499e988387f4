"""FC303's forms read fast are the forms read in full (issue 15): over skeletons of generated
change sentences, edited at random with the words that stop or mislead a form (change words,
words holding one, clause breaks, brackets, other figures), ``form_matches`` — loose patterns,
checks in Python, only some forms at some places — finds exactly what the full patterns find at
every place a form may start."""

from __future__ import annotations

import random
import re
from collections import Counter

from change_sentences import generate
from figcheck.rules import changes
from figcheck.rules.changes import FIG, MUL, fast_form_patterns, form_matches, reference_form_matches

FIGURE, MULTIPLIER = ord(FIG[1]), ord(MUL[1])  # the first placeholder of each kind

# Figures as the reader sees them in a generated sentence: a number with its scale and unit.
_FIGURE_TEXT = re.compile(r"[$£€]?\d[\d,.]*(?:\s?(?:%|pct|percentage points|points|bn|m|mln dlrs|million|tonnes)\b|%)?")
_MULTIPLIER_TEXT = re.compile(r"\b(?:doubled|tripled|halved|\d+(?:\.\d+)?-fold|(?:two|three) times|by half)\b")
# Words that stop a gap or start a form, words that hold a change word, brackets and periods.
_EDITS = ("fell", "rose", "raised", "up", "down", "higher", "lower", "off", "cut", "increase", "a", "an",
          "group", "offset", "executive", "slowdown", "release", "close", "again", "and", "while", "with",
          "than", "from", "to", "at", "on", "over", "compared with", "against", "vs", "by", "of", "or",
          "the company's", "in real terms", ",", ".", ";", "(", ")", "(1986:", "a year earlier", "sales",
          "more", "less", "some", "about", "FIG", "FIG", "MUL", "doubling", "rise of", "increase in",
          # a clause word inside a word, after a clause word, an apostrophe the fast patterns read
          # as "'", characters they use for placeholders when the text holds them
          "into", "onto", "whereupon", "or so", "as much as", "the company’s", "o’neill", "\x01", "\x02")

# One sentence for each form the generated ones leave out or seldom use (FIG: a figure).
_FORM_SENTENCES = (
    "Sales rose to FIG from FIG, an increase of FIG.", "Sales rose from FIG to FIG, up FIG.",
    "Sales rose to FIG from FIG, a FIG increase.", "Sales rose from FIG to FIG, a FIG rise.",
    "A FIG rise in sales to FIG from FIG.", "A rise of FIG from FIG to FIG.",
    "Profit fell to FIG from FIG (FIG).", "Profit fell from FIG to FIG (FIG).",
    "Sales rose FIG to FIG (1986: FIG).", "Sales doubled to FIG (prior year: FIG).",
    "Sales were FIG, up FIG on FIG.", "Sales were FIG, a FIG increase on FIG.",
    "Sales were FIG, FIG more than FIG.", "Sales were FIG higher at FIG, up from FIG.",
)


def skeleton(sentence: str, rng: random.Random) -> str:
    """A sentence as the forms read it: lower case, each figure and multiplier one placeholder."""
    text = _MULTIPLIER_TEXT.sub("MUL", sentence)
    text = _FIGURE_TEXT.sub("FIG", text)
    words = text.split()
    for _ in range(rng.randrange(4)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(_EDITS))
    out, figures, multipliers = [], 0, 0
    for word in " ".join(words).split(" "):
        while "FIG" in word or "MUL" in word:
            if "FIG" in word:
                word = word.replace("FIG", chr(FIGURE + figures), 1)
                figures += 1
            else:
                word = word.replace("MUL", chr(MULTIPLIER + multipliers), 1)
                multipliers += 1
        out.append(word.lower())
    return re.sub(r" ([,.;:)])", r"\1", " ".join(out)).replace("( ", "(")


def test_fast_forms_find_what_the_full_forms_find():
    rng = random.Random(15)
    cases = generate(400)
    sentences = [s for c in cases for s in (c.correct, c.perturbed)] + list(_FORM_SENTENCES) * 20
    forms: Counter[int] = Counter()
    differ = []
    for sentence in sentences:
        for _ in range(2):
            sk = skeleton(sentence, rng)
            fast, full = list(form_matches(sk)), reference_form_matches(sk)
            if fast != full:
                differ.append((sk, fast, full))
            forms.update(i for i, _, _ in full)
    assert not differ, differ[:3]
    # the comparison is not vacuous: every form is found, in many sentences
    assert sum(forms.values()) >= 1000 and min(forms[i] for i in range(15)) >= 5, forms


def test_fast_forms_spell_out_no_word_list_or_placeholder_range():
    """What made the forms slow to compile (190 ms): a word list of some 150 change words in every
    form, several times, and classes over the 4,352 placeholder code points."""
    for pattern in fast_form_patterns():
        assert "increased" not in pattern and "rises" not in pattern, pattern[:80]
        assert not re.search(r"\[[^\]]*[\u0100-\U0010ffff]", pattern), pattern[:80]
        assert not re.search(r"\[[^\]]*\\u[0-9a-f]{4}-", pattern), pattern[:80]


# Number words and what surrounds them: inside words, after digits and "_", across a line break,
# in capitals, before a hyphen, with characters the case-blind pattern also folds ("ſ", "K").
_NUMBER_PIECES = ("one", "Two", "THREE", "ten", "eleven", "fifteen", "twenty", "seventy", "ninety",
                  "a hundred", "A  Thousand", "a\nhundred", "someone", "often", "tenth", "money", "_one",
                  "2one", "one-", "forty-two", "fifty,", "(six)", "seven.", "eighty's", "ſix", "é", "sixty ",
                  "mega hundred", "a", "hundred", " ", " ", ", ", "rose", "to", "from", "12", "3.5%")


def test_bare_number_words_read_fast_are_the_pattern_s():
    """``_bare_words`` (a lower-case pattern for ASCII text, a word start checked in code) finds
    the spans ``_BARE_WORD`` finds."""
    rng = random.Random(12)
    found = 0
    for _ in range(3000):
        sentence = "".join(rng.choice(_NUMBER_PIECES) for _ in range(rng.randrange(1, 12)))
        expected = [m.span() for m in changes._BARE_WORD.finditer(sentence)]
        assert [m.span() for m in changes._bare_words(sentence, sentence.lower())] == expected, sentence
        found += len(expected)
    assert found > 1000


_NUMBERS_IN_FULL = re.compile(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b")


def test_numbers_counted_fast_are_the_pattern_s():
    """``_has_numbers`` (digits, then number words only when one is among the letter runs) says
    what counting the matches of the one pattern it stands for says, whatever the claims' spans."""
    rng = random.Random(13)
    pieces = _NUMBER_PIECES + ("1986", "2,246.74", "7-3/4", "1.5.", "x9", "twenty_", "٣")
    for _ in range(3000):
        lower = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10))).lower()
        spans = [(a, a + rng.randrange(1, 8)) for a in rng.sample(range(len(lower) + 1), min(2, len(lower)))]
        for wanted in (1, 2, 3):
            counted = sum(1 for m in _NUMBERS_IN_FULL.finditer(lower)
                          if not re.fullmatch(r"(1[89]|20)\d\d", m.group()) and not any(a <= m.start() < b for a, b in spans))
            assert changes._has_numbers(lower, wanted, spans) == (counted >= wanted), (lower, spans, wanted)


# Each pattern spelled to be tried only at some letters, and the pattern it stands for.
_RESPELLED = {
    "_SPACES": r"\s+",
    "_BASE_HINT": r"\b(?:from|than|against|compared|versus|vs|on|over)\b|\((?:[a-z]{0,3} ?\d{2,4}|prior|last|previous)[^)]{0,8}:",
    "_YEAR_SPAN": r"\b(between|from) ((?:19|20)\d\d) (?:and|to) ((?:19|20)\d\d)\b",
    "_CLAUSE_WORD": changes._CLAUSE,
}
_TEXT_PIECES = _NUMBER_PIECES + (
    "from", "than", "against", "compared", "versus", "vs", "on", "over", "between", "and", "to", "or",
    "but", "while", "whereas", "with", "including", "which", "who", "as", "because", "after", "before",
    "although", "though", "when", "where", "fromage", "onto", "avs", "_to", "9or", "éon", "tó", "1986",
    "2010", "19", "between 1986 and 2010", "from 2010 to 1986", "from 1999 and 20", "(1986:", "(prior year:", "(fy 2022):", "\t", "\n", "\u00a0", "\ue000", "\uf000", "’s")


def test_respelled_patterns_match_what_they_stand_for():
    rng = random.Random(14)
    for name, reference in _RESPELLED.items():
        fast, full = getattr(changes, name), re.compile(reference)
        found = 0
        for _ in range(2000):
            text = "".join(rng.choice(_TEXT_PIECES) + rng.choice(("", " ", " ", ", ")) for _ in range(rng.randrange(1, 14)))
            expected = [(m.span(), m.groups()) for m in full.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, (name, text)
            found += len(expected)
        assert found > 100, (name, found)
