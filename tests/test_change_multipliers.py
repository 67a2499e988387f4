"""FC303's multipliers are found by trying the multiplier pattern only a few runs of words back
from the words every match holds ("doubl", "fold", "times", "by", …): the matches are those of
the pattern scanned over the whole sentence, on random text built from the pieces that decide
them (qualifiers, number words and digits, separators, words that hold the core words)."""

from __future__ import annotations

import random

from figcheck.rules.changes import multiplier_matches, reference_multiplier_matches

_PIECES = (" ", " ", "  ", "-", "\n", "\t", ",", ".", "(", "more than", "over", "nearly", "almost", "about",
           "close to", "just over", "at least", "some", "by", "By", "BY", "nearby", "half", "a half",
           "a third", "two-thirds", "three-quarters", "quarter", "of", "a", "per", "the", "doubled",
           "Doubling", "trebled", "tripled", "quadrupling", "halved", "halves", "fold", "two", "ten",
           "twenty", "three", "manifold", "times", "Times", "3", "1.5", "12", "x", "sales", "_", "\x1c")


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 30)))


def _spans(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_multipliers_are_the_matches_of_the_pattern_over_the_whole_sentence():
    rng = random.Random(21)
    found = 0
    for _ in range(30000):
        text = _random_text(rng)
        expected = _spans(reference_multiplier_matches(text))
        assert _spans(multiplier_matches(text)) == expected, repr(text)
        found += bool(expected)
    assert found > 5000  # the comparison is not vacuous


def test_a_match_preceded_by_long_qualifiers_and_spaces_is_found():
    text = "profit   more  than \t 1.5-fold, and sales   just over\n  two   times higher, cut by  about a third"
    assert _spans(multiplier_matches(text)) == _spans(reference_multiplier_matches(text))
    assert [m.group() for m in multiplier_matches(text)] == [
        "more  than \t 1.5-fold", "just over\n  two   times", "by  about a third"]
