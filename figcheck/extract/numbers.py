"""Numbers as written: digits, fractions, words and scales → a value and its rounding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..compiled_patterns import PatternCache
from .lexicon import (
    APPROX_SPREAD, NEAR_SPREAD, NUMBER_WORDS, QUALIFIERS, SCALES, SCALE_SUFFIXES, SMALL_NUMBERS, TENS, VULGAR_FRACTIONS,
)

PATTERNS = PatternCache.beside(__file__)  # compiled once per installation

_SPACE = "[ \u00a0\u2009\u202f]"
_VULGAR = "".join(VULGAR_FRACTIONS)

# Robustness guard (issue #8): at most this many thousands groups in one figure (10^36). Each
# group after a thin space is also an anchor, so an unbounded "1 000 000 000 …" run was re-read
# from every group: quadratic. A longer run is not one figure; the lookaheads make it fall back
# to plain digits, and a figure of up to this many groups reads exactly as before.
_MAX_GROUPS = 12

# A figure in plain digits, with commas between thousands or none: "1,200", "2.5", "60"
# (a run of thousands stops where no other group follows).
PLAIN_DIGITS = PATTERNS.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")

# One digit figure: 1,000 · 30 000 (thin or no-break space) · 2.5 · .5 · 2½ · 92 5⁄8 · 5⁄8
DIGIT_NUMBER = PATTERNS.compile(
    rf"""
    (?P<int>
        \d{{1,3}}(?:,\d{{3}}){{1,{_MAX_GROUPS}}}(?![\d])(?!,\d{{3}}(?!\d))
      | \d{{1,3}}(?:[\u00a0\u2009\u202f][ ]*\d{{3}}){{1,{_MAX_GROUPS}}}(?![\d])  # 30 000; markup readers pad after the space
        (?![\u00a0\u2009\u202f][ ]*\d{{3}}(?!\d))
      # 30 000 with a plain space, as papers print thousands: not after another figure or a
      # "+" ("0845 8 505 505", "+233 268 …": telephone numbers) nor before a letter or a hyphen
      # ("10 737-800 planes", "136 727s": aircraft counted)
      | (?<!\d[ ])(?<![+\d])\d{{1,3}}(?:[ ]\d{{3}}){{1,{_MAX_GROUPS}}}(?![\d])(?![ ]\d{{3}}(?!\d))(?![A-Za-z\-‐–])
      | \d+
    )?
    (?P<dec>\.\d+)?
    (?:
        (?P<frac_sep>{_SPACE}|-)?(?P<num>\d{{1,3}})[⁄∕](?P<den>\d{{1,3}})
      | {_SPACE}?(?P<vulgar>[{_VULGAR}])
    )?
    """,
    re.VERBOSE,
)

_NOT_DIGIT = PATTERNS.compile(r"\D")
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-"))
_SCIENTIFIC = PATTERNS.compile(
    r"(?:[ \u00a0]?[×x·][ \u00a0]?10(?:\^(?P<exp>[-−]?\d{1,3})|(?P<sup>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    # a superscript lost in brackets, as abstracts print it: "143 x 10(9)/L"
    r"|\((?P<paren>[-−]?\d{1,2})\)"
    # a superscript lost in copying: "5×10−4", "3.7 × 106" (after a decimal mantissa only)
    r"|(?P<flat>[-−‐]\d{1,2}|[1-9]\d?)(?![\d.,]?\d))"
    r"|[eE](?P<exp2>[-+]?\d{1,3})(?![\w]))"
)
# One of these is within two characters of the mantissa in every form above: the cheap test.
_SCIENTIFIC_MARKS = frozenset("×x·eE")
_WORD = r"[A-Za-z]+"
WORD_TOKEN = PATTERNS.compile(r"[A-Za-z]+")


class Number(NamedTuple):
    """A figure as written. A named tuple, not a dataclass: the extractor makes one or two for
    every candidate figure, and a tuple is built several times faster (issue #15)."""

    start: int
    end: int
    value: float
    rounding: float  # half a unit of the last significant digit
    text: str
    is_word: bool = False
    has_separator: bool = False  # "1,000": a thousands separator was written
    digits: str = ""  # the integer digits as written, for year/identifier heuristics


def _digit_rounding(int_digits: str, dec_part: str | None) -> float:
    """Half a unit of the last significant digit: of the decimals, else of the integer digits
    (separators dropped) after their trailing zeros."""
    if dec_part:
        return 0.5 * 10 ** -(len(dec_part) - 1)
    digits = int_digits.lstrip("0")
    if not digits:
        return 0.5
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros


def _only_digits(written: str) -> str:
    """The digits of a figure as written, separators dropped (most figures have none)."""
    return written if written.isascii() and written.isdigit() else _NOT_DIGIT.sub("", written)


# A run of ASCII digits that one of these ends (or the text's end) is the whole figure: no form
# of DIGIT_NUMBER goes on past it (no separator, decimal point, fraction, Unicode digit or
# scientific mark). A space, ".", "," or "-" ends it too unless a digit or a vulgar fraction
# follows (the decimals, the thousands groups and the fractions all go on with one).
_PLAIN_RUN = PATTERNS.compile(r"[0-9]+")
_RUN_ENDS_BEFORE_NO_DIGIT = frozenset(" .,-")
_RUN_ENDS = frozenset("\t\n\r!\"#$%&'()*+/:;<=>?@[\\]^_`{|}~abcdfghijklmnopqrstuvwyzABCDFGHIJKLMNOPQRSTUVWXYZ")


def parse_digits(text: str, pos: int) -> Number | None:
    """The digit figure starting exactly at ``pos``, or None."""
    run = _PLAIN_RUN.match(text, pos)
    if run is not None:
        end = run.end()
        after = text[end : end + 2]
        first = after[:1]
        if first in _RUN_ENDS or first == "" or (first in _RUN_ENDS_BEFORE_NO_DIGIT and not after[1:].isdecimal() and after[1:] not in VULGAR_FRACTIONS):
            if _SCIENTIFIC_MARKS.isdisjoint(after):
                digits = run.group()
                return Number(pos, end, float(digits), _digit_rounding(digits, None), digits, False, False, digits)
    return parse_digits_matched(text, pos)


def parse_digits_matched(text: str, pos: int) -> Number | None:
    """``parse_digits`` by the whole pattern (what its shortcut for a plain run must equal)."""
    m = DIGIT_NUMBER.match(text, pos)
    if not m:
        return None
    end = m.end()
    if end == pos:
        return None
    int_part, dec, frac_sep, _, den, vulgar = m.groups()  # (one call: each group() costs one)
    if int_part is None and dec is None:
        # "5⁄8" alone: the fraction's numerator was read as the integer part above; re-read.
        if vulgar:
            v = VULGAR_FRACTIONS[vulgar]
            return Number(pos, end, v, 1 / 16, m.group(0))
        return None
    written = int_part or "0"
    plain = written.isascii() and written.isdigit()  # no separator: most figures
    clean = written if plain else _NOT_DIGIT.sub("", written)
    value = float(clean + dec) if dec else float(clean)
    rounding = _digit_rounding(clean, dec)
    if den:
        num, den_value = int(m.group("num")), int(den)
        if den_value == 0 or dec:
            end = m.start("frac_sep") if frac_sep else m.start("num")
        elif frac_sep is None and m.start("num") == m.start():
            pass  # cannot happen: int consumed the numerator
        else:
            value += num / den_value
            rounding = 0.5 / den_value
    elif vulgar:
        value += VULGAR_FRACTIONS[vulgar]
        rounding = 1 / 16
    # "5⁄8" with no whole part: the regex read "5" as the integer, then could not see a fraction.
    if den is None and end < len(text) and text[end] in "⁄∕":
        fm = re.match(r"[⁄∕](\d{1,3})", text[end:])
        if fm and int(fm.group(1)):
            value = value / int(fm.group(1))
            rounding = 0.5 / int(fm.group(1))
            end += fm.end()
    # scientific notation: 1.5 × 10^6, 3 × 10⁶, 2.3e-5
    if not _SCIENTIFIC_MARKS.isdisjoint(text[end : end + 2]):
        value, rounding, end = _with_exponent(text, end, value, rounding, int_part, dec)
    int_part = int_part or ""
    has_separator = not plain and ("," in int_part or " " in int_part or (
        not int_part.isascii() and any(c in int_part for c in "\u00a0\u2009\u202f")))
    return Number(pos, end, value, rounding, text[pos:end], False, has_separator, int_part)


def _with_exponent(text: str, end: int, value: float, rounding: float, int_part: str | None, dec: str | None) -> tuple[float, float, int]:
    """The figure times the power of ten written after it at ``end``, if one is: (value,
    rounding, end)."""
    sci = _SCIENTIFIC.match(text, end)
    if sci and sci.group("flat") and sci.group("flat")[0].isdigit() and not dec and not (len(_only_digits(int_part or "")) == 1):
        sci = None  # "4 × 100 m" is a relay, "12 × 105" a product; "6 × 106" is 6 × 10⁶
    if not sci:
        return value, rounding, end
    flat = sci.group("flat")
    exponent = sci.group("exp") or sci.group("exp2") or sci.group("paren") or (flat and flat.replace("‐", "-")) \
        or "".join(_SUPERSCRIPTS[c] for c in sci.group("sup"))
    power = 10.0 ** int(exponent.replace("−", "-"))
    return value * power, rounding * power, sci.end()


def abbreviated_year(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start:end`` are a year cut to two after an apostrophe that opens
    a word ("fiscal year '20", "Q3 ’19", "the class of '85"); not feet ("5'11")."""
    return end - start == 2 and start >= 1 and text[start - 1] in "'\u2019\u2018" \
        and text[start:end].isdigit() and (start == 1 or text[start - 2].isspace() or text[start - 2] in "([")


def power_of_ten(num: Number) -> float:
    """The power of ten a figure is written with ("65 × 10⁹", "2.3e-5"), else 1."""
    if num.is_word or _SCIENTIFIC_MARKS.isdisjoint(num.text):
        return 1.0
    m = _SCIENTIFIC.search(num.text)
    if m is None:
        return 1.0
    mantissa = parse_digits(num.text[: m.start()], 0)
    return num.value / mantissa.value if mantissa is not None and mantissa.value else 1.0


def parse_scale_word(text: str, pos: int) -> tuple[float, int] | None:
    """A scale written after a figure ("2.5 million", "$2.5bn", "40k"): (factor, end)."""
    first = text[pos : pos + 1]  # a scale's first letter: here, or after one separator
    if first in _SCALE_SEPARATORS:
        first = text[pos + 1 : pos + 2]
    elif first == "\r":
        first = text[pos + 2 : pos + 3] if text[pos + 1 : pos + 2] == "\n" else ""
    if first not in _SCALE_FIRST_LETTERS:
        return None
    m = _SCALE_WORD.match(text, pos, pos + 14)
    if m:
        return float(SCALES[m.group(1).lower()]), m.end()
    m = _SCALE_SUFFIX.match(text, pos, pos + 6)
    if m and not (m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] == "_")):
        return SCALE_SUFFIXES[m.group(1) or m.group(2)], m.end()
    return None


# One space or a hyphen ("$1.2-billion"), or a line break where plain text wraps ("8.9\nbillion dlrs").
_SCALE_WORD = PATTERNS.compile(r"(?:[ \u00a0\u2009\u202f-]|\r?\n)?(hundred|thousand|million|billion|trillion|lakh|lac|crore)s?\b", re.IGNORECASE)
# Spelled-out abbreviations may stand apart ("5 bn"); single letters only attached ("40k"),
# since "350 K" is kelvin and "500 m" metres.
# The first letters of the scales above, ignoring case as _SCALE_WORD does.
_SCALE_FIRST_LETTERS = frozenset("htmblckHTMBLCK")
# What may come between a figure and its scale in _SCALE_WORD or _SCALE_SUFFIX ("\r\n" apart).
_SCALE_SEPARATORS = frozenset(" \u00a0\u2009\u202f-\n")
_SCALE_SUFFIX = PATTERNS.compile(r"(?:(?:[ \u00a0]|\r?\n)?(bn|mln|mn|bln|tn|trn)|(k|K|m|M|b|B|tr))(?!\w)")


MAX_NUMBER_WORDS = 40  # words (and hyphenated parts) in one number written out
_TEN_VALUES = frozenset(TENS.values())
_COUNTING_WORDS = SMALL_NUMBERS.keys() | TENS.keys()
_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "lakh", "crore")
# "hundred and five", "two thousand and twelve": "and" joins the parts after these
_AND_JOINS_AFTER = ("hundred", "thousand", "million", "billion")
_AND_WINDOW = 8  # "and" plus the spaces around it
_AND_BEFORE_WORD = PATTERNS.compile(r"and\s+(?=[a-z])", re.I)
# "three and a half", "two and a quarter", "one and a half million"
_FRACTION_WINDOW = 24
_AND_FRACTION = PATTERNS.compile(r"\s+and\s+(an?|one|three)\s+(half|quarter|quarters|third)\b", re.I)
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_SCALE_WINDOW = 12
_SCALE_AFTER_FRACTION = PATTERNS.compile(r"\s+(million|billion|thousand|trillion)\b", re.I)


@dataclass(slots=True)
class _WordSum:
    """The value of a number in words so far: whole scales in ``total``, the group being written
    (below a thousand) in ``current``."""

    total: float = 0.0
    current: float = 0.0
    last_small: float | None = None  # the last word below a hundred, while a tens word may follow
    last_scale: float = 1.0

    def add(self, word: str, seen: bool) -> bool:
        """Add one number word; False when ``word`` cannot continue the number."""
        if word in _COUNTING_WORDS:
            v = SMALL_NUMBERS.get(word, TENS.get(word))
            last = self.last_small
            if last is not None and not (last in _TEN_VALUES and v < 10 and self.current % 100 == last % 100):
                return False  # "five six" is not one number
            self.current += v
            self.last_small = v
        elif word == "hundred":
            if not seen:
                return False
            self.current = (self.current or 1) * 100
            self.last_small = None
        elif word in _SCALE_WORDS:
            if not seen:
                return False
            scale = SCALES[word]
            self.total += (self.current or 1) * scale
            self.current = 0
            self.last_small = None
            self.last_scale = scale
        elif word == "dozen":
            self.current = (self.current or 1) * 12
            self.last_small = None
        else:
            return False
        return True


def parse_words(text: str, pos: int) -> Number | None:
    """A number in words starting at ``pos``: "twenty-three", "three and a half",
    "a thousand", "two hundred and fifty thousand", "a dozen", "half a"."""
    acc = _WordSum()
    seen = False
    end = i = pos
    # Robustness guard (issue #8): the longest number people write in words is about 25 words
    # ("nine hundred and ninety-nine trillion ..."). Without a cap, "one hundred one hundred ..."
    # was read as one ever-growing number from every anchor in the run: quadratic.
    for _ in range(MAX_NUMBER_WORDS):
        m = WORD_TOKEN.match(text, i)
        if not m:
            break
        word = m.group(0).lower()
        if word in ("a", "an") and not seen:
            # "a thousand", "a dozen" (the caller checked a number word follows)
            acc.current, seen, end = 1, True, m.end()
            i = _skip_space(text, end)
            nxt = WORD_TOKEN.match(text, i)
            if not nxt or nxt.group(0).lower() not in NUMBER_WORDS:
                return None
            continue
        if not acc.add(word, seen):
            break
        seen, end = True, m.end()
        i = _next_word_of_number(text, end, word)
    else:
        if i < len(text):
            return None  # more words than any number is written with
    if not seen:
        return None
    value, end = _with_fraction(text, end, acc)
    return Number(pos, end, float(value), _word_rounding(value), text[pos:end], is_word=True)


def _next_word_of_number(text: str, end: int, word: str) -> int:
    """Where the next word of a number may start after ``word``: past a hyphen ("twenty-three"),
    past "and" where it joins parts ("hundred and five"), else past the spaces."""
    if end < len(text) and text[end] == "-" and WORD_TOKEN.match(text, end + 1):
        return end + 1
    k = _skip_space(text, end)
    if _ADJECTIVE_OF_ITS_OWN.match(text, k):
        return end  # ("twenty five-minute breaks": twenty breaks of five minutes; the number ends)
    joined = _AND_BEFORE_WORD.match(text[k : k + _AND_WINDOW])
    if joined and word in _AND_JOINS_AFTER:
        nxt = WORD_TOKEN.match(text, k + joined.end())
        if nxt and nxt.group(0).lower() in _COUNTING_WORDS and not (
                word in _SCALE_WORDS and _scale_not_below(text, nxt.end(), word)):
            return k + joined.end()
    return k


# A number word joined by a hyphen to a word that is no number ("five-minute", "one-day",
# "five-dollar"): an adjective of its own, which a number before it across a space does not run
# into. (Not a scale word: "two million-dollar homes" and "a two million-dollar home" differ.)
_ADJECTIVE_OF_ITS_OWN = PATTERNS.compile(
    r"(?:" + "|".join(sorted(_COUNTING_WORDS, key=len, reverse=True)) + r")-(?!(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b)[A-Za-z]", re.I)


def _scale_not_below(text: str, i: int, scale_word: str) -> bool:
    """Whether the number words from ``i`` reach a scale not below ``scale_word``'s (one of
    _SCALE_WORDS): "one billion and three billion" is two sums, not one (nor "one billion and
    three", a billion times over). (After "hundred" a scale multiplies the whole: "one hundred
    and fifty thousand".)"""
    for _ in range(MAX_NUMBER_WORDS):
        m = _NEXT_NUMBER_WORD.match(text, i)
        if m is None:
            return False
        w = m.group(1).lower()
        if w in _SCALE_WORDS:
            return SCALES[w] >= SCALES[scale_word]
        if w not in _COUNTING_WORDS and w != "hundred":
            return False
        i = m.end()
    return False


# The next word of a number, past a hyphen or white space (a line break too: plain text wraps).
_NEXT_NUMBER_WORD = PATTERNS.compile(r"[-\s]+([A-Za-z]+)")


def _with_fraction(text: str, end: int, acc: _WordSum) -> tuple[float, int]:
    """The value with a written fraction after it ("three and a half", "one and a half
    million"), and where the number ends."""
    value = acc.total + acc.current
    fm = _AND_FRACTION.match(text[end : end + _FRACTION_WINDOW])
    if not fm:
        return value, end
    frac = 0.75 if fm.group(1).lower() == "three" else _FRACTIONS[fm.group(2).lower().rstrip("s")]
    value += frac * (acc.last_scale if acc.current == 0 and acc.total else 1)
    end += fm.end()
    after_scale = _SCALE_AFTER_FRACTION.match(text[end : end + _SCALE_WINDOW])
    if after_scale:
        value *= SCALES[after_scale.group(1).lower()]
        end += after_scale.end()
    return value, end


def _word_rounding(value: float) -> float:
    if value != int(value):
        return 0.125
    v = int(value)
    if v < 100:
        return 0.5  # "thirty" is written out because it is exact, not rounded
    zeros = len(str(v)) - len(str(v).rstrip("0"))
    return 0.5 * 10**zeros


def _skip_space(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in " \t\u00a0\u2009\u202f":
        i += 1
    return i


def qualified_bounds(qualifier: str | None, value: float, low: float, high: float) -> tuple[float | None, float | None]:
    """The bounds a qualifier leaves of a figure read between ``low`` and ``high`` ("about" widens
    both, "at least" opens the top)."""
    kind = QUALIFIERS.get(qualifier) if qualifier else None
    if kind is None or kind == "exact":
        return low, high
    if kind == "approx":
        return low * (1 - APPROX_SPREAD) if low >= 0 else low * (1 + APPROX_SPREAD), high * (1 + APPROX_SPREAD) if high >= 0 else high * (1 - APPROX_SPREAD)
    # ("almost" and "just over" speak of the size: "almost minus 10,000" is −10,000 to −9,000)
    if kind == "near_below":
        return (low * (1 - NEAR_SPREAD), high) if value >= 0 else (low, high * (1 - NEAR_SPREAD))
    if kind == "near_above":
        return (low, high * (1 + NEAR_SPREAD)) if value >= 0 else (low * (1 + NEAR_SPREAD), high)
    if kind == "min":
        return low, None
    if kind == "max":
        return None, high
    return low, high


PATTERNS.save()
