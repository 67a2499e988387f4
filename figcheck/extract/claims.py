"""The claim scanner: find figures, read what surrounds them, and build :class:`Claim` values.

One pass of a compiled anchor pattern finds where a figure may start (a digit, a fraction, a
number word, or "a"/"an" before a scale or unit word); everything else is read locally around
each anchor, so the cost grows with the number of figures, not with the vocabulary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .. import units
from ..compiled_patterns import PatternCache
from ..model import Claim
from ..text.lines import INDENTED_LINE, INDENTS, PARAGRAPH_BREAK, SPACE_IN_PARAGRAPH, paragraph_bounds
from . import lexicon
from .counted import counted_noun, singular_noun
from .numbers import (
    PLAIN_DIGITS, Number, abbreviated_year, parse_digits, parse_scale_word, parse_words, power_of_ten, qualified_bounds,
)
from .products import SIDE_GAP, read_sizes
from .shift import changed, claim_of, shifted

PATTERNS = PatternCache.beside(__file__)  # compiled once per installation

_NUMBER_WORD_ALT = "|".join(sorted(list(lexicon.SMALL_NUMBERS) + list(lexicon.TENS) + ["dozen", "half", "quarter"], key=len, reverse=True))
_A_FOLLOWERS = (
    "thousand|hundred|million|billion|trillion|dozen|quarter|half|"
    "mile|metre|meter|kilometre|kilometer|foot|yard|inch|tonne|ton|kilo|kilogram|pound|litre|"
    "liter|gallon|hectare|acre|square|cubic|decade|century|fortnight|nautical|millimetre|"
    "centimetre|millimeter|centimeter"
)
_ANCHOR_WORDS = [*lexicon.SMALL_NUMBERS, *lexicon.TENS, "dozen", "half", "quarter", "twice", "thrice"]
# Where a figure may start: digits (not inside a word, a path or a longer number) ...
# (not a subscript or power either: "(ClO4)2", "Ca10(PO4)6", "n−1", "3f+1")
# The first character is matched before the lookbehinds (each one character longer to look past
# it), so the engine skips to candidate characters instead of testing every position: twice as fast.
# That first character is tested against a class of Latin-1 characters and everything above
# (a bitmap and one range: no Unicode lookup for each character of a Latin-1 text, which "\d"
# costs); the last lookbehind keeps only digits, fractions and "." before a digit.
_FRACTION_CHARS = "".join(lexicon.VULGAR_FRACTIONS)
_ABOVE_LATIN1 = "\u0100-\U0010ffff"


def _latin1_class(keep) -> str:
    """The characters below U+0100 for which ``keep`` is true, as ranges for a regex class."""
    kept = [c for c in range(0x100) if keep(chr(c))]
    ranges = []
    for c in kept:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(f"\\x{a:02x}" if a == b else f"\\x{a:02x}-\\x{b:02x}" for a, b in ranges)


DIGIT_ANCHOR = PATTERNS.compile(
    rf"[{_latin1_class(lambda c: c in '0123456789.' or c in _FRACTION_CHARS)}{_ABOVE_LATIN1}]"
    rf"(?<![\w.,/\\#@)\]×].)(?<!× .)(?<![\w)\]][−+⁻].)(?<=[\d{_FRACTION_CHARS}]|\.(?=\d))"
)
# ... or a number word, or "a"/"an" before a scale or unit word ("a thousand", "a mile").
_WORD_ANCHOR_BODY = (
    lexicon.trie_pattern(_ANCHOR_WORDS + [w.capitalize() for w in _ANCHOR_WORDS])
    + r"\b|(?:a|an|A|An)(?=[ \t]+"
    + lexicon.trie_pattern(_A_FOLLOWERS.split("|"))
    + r"\b)"
)
WORD_ANCHOR = PATTERNS.compile(rf"\b(?:{_WORD_ANCHOR_BODY})")
# The same words found from the character before them: a search for a first character that is
# not a word's skips along the text, where a leading "\b" had the engine try the words at every
# position (a fifth of the scan's time). That character is tested as the digits' is (a bitmap,
# then "\W" only where a first letter follows); a word at the very start is matched apart.
_WORD_FIRST_LETTERS = "".join(sorted({w[0] for w in _ANCHOR_WORDS} | {w[0].upper() for w in _ANCHOR_WORDS} | {"a", "A"}))
_WORD_ANCHOR_AFTER = PATTERNS.compile(
    rf"[{_latin1_class(lambda c: not (c.isalnum() or c == '_'))}{_ABOVE_LATIN1}]"
    rf"(?=[{_WORD_FIRST_LETTERS}])(?<=\W)(?:{_WORD_ANCHOR_BODY})"
)


def word_anchors(text: str) -> list[int]:
    """Where the words that may start a figure start in ``text``, in order."""
    found = [m.start() + 1 for m in _WORD_ANCHOR_AFTER.finditer(text)]
    if WORD_ANCHOR.match(text):
        found.insert(0, 0)
    return found


_WS = " \t\u00a0\u2009\u202f"
# Spans never read: URLs, e-mail addresses, inline code, phone numbers, coordinates, file
# names. Each pattern runs only when its trigger character occurs, and each starts at a token
# boundary, so the scan stays linear and cheap on ordinary prose.
# (A file name's trigger is its extension: a "." alone is in every text, and the name pattern
# costs a backtrack through every word.)
_FILE_EXTENSION = PATTERNS.compile(r"\.(?:py|js|ts|json|html|md|txt|pdf|csv|exe|zip|xml|yaml|toml)\b")
_EXCLUDED: tuple[tuple[str | re.Pattern, re.Pattern], ...] = (
    ("://", PATTERNS.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+")),
    ("www.", PATTERNS.compile(r"\bwww\.[^\s<>\"')\]]+")),
    ("@", PATTERNS.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("`", PATTERNS.compile(r"`[^`\n]+`")),
    ("+", PATTERNS.compile(r"(?<![\w.])\+\d{1,3}[ .-]?(?:\(?\d{1,4}\)?[ .-]?){2,5}\d{2,4}(?![\w])")),
    # a position in degrees and minutes ("57°44’8.47”N"); a latitude alone ("40°N") is a measure
    ("°", PATTERNS.compile(r"\d{1,3}(?:\.\d+)?°\s*\d{1,2}(?:\.\d+)?['′’]\s*(?:\d{0,2}(?:\.\d+)?[\"″”]?)?\s*[NSEW]\b")),
    ("°", PATTERNS.compile(r"\d{1,3}(?:\.\d+)?°\s*[NS]\b,?\s*\d{1,3}(?:\.\d+)?°\s*[EW]\b")),  # "50°N 36°E"
    (_FILE_EXTENSION, PATTERNS.compile(rf"(?<![\w.-])[A-Za-z][\w-]+{_FILE_EXTENSION.pattern}")),
)
_DIGIT_CHAIN = PATTERNS.compile(r"(?<![\w.,])\(?\d{2,5}\)?(?:[ .\-/]\d{2,5}){2,4}(?![\w.,]?\d)")
# "Twelve of the 9 crew", "three of them": a figure that is a part of a counted whole.
_PART_OF = PATTERNS.compile(rf"{SPACE_IN_PARAGRAPH}of{SPACE_IN_PARAGRAPH}(?:the|its|their|them|those|these|whom|which|our|all)\b",
                      re.IGNORECASE)
_TIME_AFTER = PATTERNS.compile(r"^\s?(?:[ap]\.?m\.?(?![a-z])|o['’]clock|GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|hrs\b|h\d\d)", re.I)
_ORDINAL_AFTER = PATTERNS.compile(r"^(?:st|nd|rd|th|s|'s|’s|s')\b", re.I)
_RANGE_SEP = PATTERNS.compile(r"^[ \t\u00a0\u2009\u202f]*(?:-|–|—|to|and|or|through|till|until)[ \t\u00a0\u2009\u202f]*", re.I)
# The first characters these patterns can match after their optional white space, ignoring case
# as they do: the cheap tests before them (tests/test_extract_prefilters.py checks every code point).
_TIME_FIRST = frozenset("apogbucehAPOGBUCEH")
_RANGE_SEP_FIRST = frozenset("-–—taouTAOU")
_RANGE_SPACE = " \t\u00a0\u2009\u202f"
_QUOTES = "'\"‘’“”"
_OPENING = _WS + _QUOTES + "("  # what may come between a sentence's end and its first word
_PLUS_MINUS = PATTERNS.compile(r"[ \u00a0]?(?:±|\+/-|\+/−|\+-)[ \u00a0]?(?=[\d.])")

# Small patterns of the scanner, compiled once.
_LETTERS = PATTERNS.compile(r"[A-Za-z]+")
_SCALE_AFTER_FRACTION = PATTERNS.compile(r"\s+(thousand|million|billion)\b", re.IGNORECASE)
_ENDS_WITH_SCALE = PATTERNS.compile(r"(?:thousand|million|billion|trillion|lakh|crore)$", re.IGNORECASE)
_HYPHEN_WORD = PATTERNS.compile(r"[-‑][A-Za-z°]")
_PERCENT = PATTERNS.compile(
    r"(?:(?:wt|mol|vol|at|mass|w/w|v/v)\.?[ \u00a0]?%|%|per[ -]?cent\b|percent\b|pc\b|pct\b|percentage[ -]points?\b)",
    re.IGNORECASE,
)
_PERCENT_STARTS = frozenset("%pPwWmMvVaA")
_PERCENT_SIGN = PATTERNS.compile(r"\d ?%|\bper ?cent\b|\bpercent\b", re.IGNORECASE)
_POINTS = PATTERNS.compile(r"(?:points?|pts?|pp|ppts?)\b(?! (?:of|on|in) (?:the|a)\b)")
_CURRENCY_AFTER = PATTERNS.compile("(?:" + "|".join(map(re.escape, lexicon.CURRENCY_SYMBOLS_AFTER)) + r")(?![\w$€£])")
_FRACTION_OF = PATTERNS.compile(
    r"(?:^|(?<=[\s(]))(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[- ])?"
    r"(half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\s+of\s+$",
    re.IGNORECASE,
)
_CHAINED_SCALE = PATTERNS.compile(r"[ \u00a0](crore|lakh|thousand|million|billion)s?\b", re.IGNORECASE)
_ATTACHED_INCH = PATTERNS.compile(r"in\.?(?=[ \u00a0]|[,;:)\]]|\.(?:\s|$)|$)")
_BODY_RADIUS = PATTERNS.compile(r"R([A-Z][a-z]{0,2}|[a-z]{1,2}|[⊕☉⊙])(?![\w])")
_BRACKET_SYMBOL = PATTERNS.compile(r"(in\.?)(?![\w])")
# The hedges a writer puts before a bracketed equivalent: "(~0.8 cm)", "(about 30 miles)".
_HEDGE = r"(?:~|∼|≈|c\.|ca\.|about|approx\.?|approximately|around|roughly|some|nearly|almost)"
# (the figure may be a range's high end: "(3.1–3.3 in)", "(0.4 to 1.8 in)", "(200 and 300 mm)")
# (and a sign, or its word, may stand before it: "(-10 C)", "(minus 20 C)")
_SIGN = r"(?:[-−]|(?:minus|negative)[ \u00a0]+)"
_BRACKET_OPEN = PATTERNS.compile(
    rf"[(\[;][ \u00a0]*{_HEDGE}?[ \u00a0]*(?:[-−]?\d[\d,.]*[ \u00a0]*(?:[-–—]|to|and)[ \u00a0]*)?{_SIGN}?$",
    re.IGNORECASE)
_CONVERSION_FOLLOWS = PATTERNS.compile(rf"[ \u00a0]*\([ \u00a0]*{_HEDGE}?[ \u00a0]*{_SIGN}?\d[\d,.]*[ \u00a0]*[^\W\d_°]", re.I)
# (only after a range written "between … and …": "(10 and 30 mg/kg)" alone gives two doses)
_BETWEEN_THEN_BRACKET = PATTERNS.compile(r"\bbetween\s[^()\[\]\n]{1,48}[(\[][ \u00a0]*$", re.I)
# Pounds beside a metric mass weigh: "1,700-pound (770 kg)", "2,000 kg (4,400 pounds)".
_METRIC_MASS = r"(?:kg|kilograms?|g|grams?|tonnes?|t|mg)"
_MASS_IN_BRACKETS = PATTERNS.compile(rf"[ \u00a0]*\([ \u00a0]*[~∼≈]?[ \u00a0]*\d[\d,.]*[ \u00a0]*{_METRIC_MASS}\b")
_MASS_BEFORE_BRACKET = PATTERNS.compile(
    rf"\b{_METRIC_MASS}\.?[ \u00a0]*[(\[][ \u00a0]*{_HEDGE}?[ \u00a0]*$", re.IGNORECASE)
_MASS_ONLY_POUNDS = frozenset(("lb", "lbs"))
_BRACKET_CLOSE = PATTERNS.compile(r"[ \u00a0]*[)\];,]")
# A power written after a unit symbol: "cm−1", "s-1", "g− 1", "m⁻²", "m^-2", and in brackets, as
# abstracts print a lost superscript: "min(-1)", "kg(-1)".
_POWER = PATTERNS.compile(r"(?:(?:\^|\*\*)?(?:([-−‐⁻]) ?([1-4])|⁻([¹²³⁴]))|\(([-−])([1-4])\))(?![\d.,]?\d)")
_POWER_STARTS = frozenset("^*-−‐⁻(")
_POWER_AHEAD = PATTERNS.compile(r"[-−‐⁻^]")
_SUPERSCRIPT_DIGITS = {"¹": 1, "²": 2, "³": 3, "⁴": 4}
_PER = PATTERNS.compile(r"(?:/|[ \u00a0]per[ \u00a0]+)")
_SUBUNIT = PATTERNS.compile(r"(cents?|pence|p)\b")
_NUMBER_CONTINUES = PATTERNS.compile(r"[:.]\d|/\d|,\d{1,2}(?!\d)|\d")
_DASH_DIGIT = PATTERNS.compile(r"[-‑–]\d")
_DASH_DIGITS = PATTERNS.compile(r"[-‑–](\d+)")
_NUMBER_SIGN_BEFORE = PATTERNS.compile(r"(?:\bNo\.|#|\bpp?\.)\s*$")
_MINUS_BEFORE = PATTERNS.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_BETWEEN_BEFORE = PATTERNS.compile(r"(?:^|(?<=\W))(between|from)\s+$", re.IGNORECASE)
# The characters these words can end with, ignoring case as the patterns do (the cheap tests
# before their searches; tests/test_extract_prefilters.py checks every code point).
_MINUS_LAST_LETTERS = frozenset("sSſeE")  # (of "minus" and "negative")
_BETWEEN_LAST_LETTERS = frozenset("nNmM")
_OLD_AFTER = PATTERNS.compile(r"[-‑ ]old\b")
_FRACTION_COMPOUND = PATTERNS.compile(r"-(?:thirds?|quarters?|fifths?|halves|off|way|sided|all)\b", re.IGNORECASE)
_LIST_MARK = PATTERNS.compile(r"[.)]\s")
_CAPITALISED_AFTER = PATTERNS.compile(r"[ \u00a0]+([A-Z][\w-]*)")
_COUNTED_BEFORE = PATTERNS.compile(r"(?:\d|\b(?:" + lexicon.trie_pattern(_NUMBER_WORD_ALT.split("|")) + r"))\s+[A-Za-z-]+", re.IGNORECASE)
_JOINER_BEFORE = PATTERNS.compile(
    r"(?:\band|,|:|;|\bwhile|\bwith|\bwhom|\bof\s+them|\bincluding|\bas\s+well\s+as)\s*"
    r"(?:another|a\s+further|an\s+additional|an\s+extra|only|just)?\s*$", re.IGNORECASE)
_AGE = PATTERNS.compile(r"[-‑](year|month|week|day)s?[-‑]old\b", re.IGNORECASE)
_INCHES_MARK = PATTERNS.compile(r"['′][ \u00a0]?\d{1,2}(?:\.\d+)?(?:\"|″|'')")
_CURRENCY_SYMBOL = PATTERNS.compile(r"(?:US\$|\$|£|€|¥)")
_AND = PATTERNS.compile(r",?\s*and\s+")
# ("in" before a determiner or a year is the preposition: "five-foot-five in the photo")
_INCH_UNIT = PATTERNS.compile(
    r"[ \u00a0]?(?:inches|inch|in\.?(?![A-Za-z])"
    r"(?![ \u00a0]+(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your|\d{4})\b)|\"|″|'')")
_SENTENCE_BREAK = PATTERNS.compile(r"[.!?]\s")
_QUALIFIER_SIGNS = frozenset("~∼≈≃<≤⩽≲>≥⩾≳")
# Items of a list after a label: "7 and", "3, 5, and", "3I and", "6–", and numbers of sections
# ("Sections 3.3 and 3.4"; not "0.1 and" or "2619.60 and", which are values).
_LABEL_LIST_MAX = 12
_LABEL_LIST_ITEM = PATTERNS.compile(r"(?<![\w.])(?:\d{1,4}|[1-9]\d?(?:\.\d{1,2})+)[A-Za-z]?(?:,[ \u00a0]*(?:and|or|&)?|[ \u00a0]+(?:and|or|&|to)|[ \u00a0]*[–-])[ \u00a0]*$")
# The last character an earlier list item can end with, spaces (and a final newline, which "$"
# allows) aside: the joiner's; a cheap test before the search.
_LABEL_LIST_JOINER_ENDS = frozenset(",dr&o–-")
_ISOTOPE_AFTER = PATTERNS.compile(
    r"(?:/(?=\d)|\]|-?(?:labell?ed|enriched|depleted)\b|-(?=[A-Za-z]{2})|O\d|H\d|[ \u00a0]+(?:dat(?:es?|ing|ed)|ages?|analys[ie]s|"
    r"values?|content|isotopes?|isotopic|signals?|records?|measurements?|enrichment|excursion|"
    r"labell?ing|uptake|incorporation|abundances?|ratios?|tracer)\b)"
)
# After a unit's symbol, more initials: "N" of "N.Z. Dlrs" is no newton.
_INITIALS_GO_ON = PATTERNS.compile(r"\.[A-Z]\.")
_SQUARED = PATTERNS.compile(r"[ \u00a0]+(squared|cubed)\b", re.I)


def _squared(text: str, unit: str, end: int) -> tuple[str, int]:
    """The unit raised to the power "squared" or "cubed" after it gives its last unit ("9.81
    metres per second squared", "50 metres squared"), and where it ends."""
    power = _SQUARED.match(text, end) if text[end : end + 1] in _WS else None
    if power is None or unit in lexicon.TEMPERATURE_UNITS or "**" in unit:
        return unit, end
    return f"{unit} ** {2 if power.group(1).lower() == 'squared' else 3}", power.end()


# After "30C/": the same temperature in the other scale ("86F"), not a second isotope ("12C").
_OTHER_SCALE = PATTERNS.compile(r"\d{1,3}(?:\.\d+)?°?([CF])\b")
_MIXED_FRACTION = PATTERNS.compile(r"[ \u00a0](\d{1,2})/(\d{1,2})(?![\d/])")
_SIMPLE_FRACTION = PATTERNS.compile(r"/(\d{1,4})(?![\d/.,]\d|[\d/])")
_SHARE_AFTER = PATTERNS.compile(r"(th)?(?=\s+(?:of|that|as)\b|\s+compared\b)")
_OF_FIGURE = PATTERNS.compile(r"\s+of\s+(?:about\s+|some\s+|around\s+)?\d")
_MULTIPLE = PATTERNS.compile(r"(?:[ \u00a0]+times\b|[-‑ \u00a0]?fold\b)(?![-‑])", re.IGNORECASE)
_OF_AFTER = PATTERNS.compile(r"\s+of\b")
_FRACTION_SHARES = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6, "eighth": 0.125, "tenth": 0.1}
_MULTIPLE_WORDS = frozenset({"twice", "thrice"})
_PRODUCT_AFTER = PATTERNS.compile(r"[ \u00a0]?[×x][ \u00a0]?\d")
# (a full stop after the ratio ends the sentence: "The slope was 1:10.")
_RATIO = PATTERNS.compile(r":(\d{1,5}(?:\.\d+)?)(?![\d:]|\.\d)")
_RATIO_CONTEXT = PATTERNS.compile(r"\b(?:ratios?|proportions?|mix(?:ture|ed)?|dilut\w*|stoichiometr\w*|v/v|w/w|mol/mol|odds|slopes?|gradients?|scale)\b", re.IGNORECASE)
_UNCERTAINTY = PATTERNS.compile(r"\((\d{1,3})\)(?=[ \u00a0]?[^\W\d_]|[ \u00a0]?[Å%‰°µμ])")


def _in_products(unit: str) -> bool:
    """Whether a unit read from a symbol may be a factor of a product of units ("km s−1"): not a
    temperature's scale, nor a unit read with a factor of its own."""
    return unit not in lexicon.TEMPERATURE_UNITS and unit not in lexicon.UNIT_FACTORS


_METRES_PER_SECOND = {"(millisecond) ** -1": "meter / second", "(millisecond) ** -2": "meter / second ** 2"}
_SPEED_WORDS = PATTERNS.compile(
    r"\b(?:velocit|speed|wind|gust|flow|current|drift|acceleration|gravit|travel|moving|propagat)", re.I)


def _power_of(m: re.Match) -> int:
    if m.group(3):
        return -_SUPERSCRIPT_DIGITS[m.group(3)]
    return -int(m.group(2) or m.group(5))


def _joined_terms(unit: str, end: int, read: Callable[[int], tuple[str, int] | None], most: int,
                  form: str) -> tuple[str, int]:
    """``unit`` joined by ``form`` ("{} * {}") with each term ``read`` finds after it, from
    ``end`` on (at most ``most``), and where the last ends."""
    for _ in range(most):
        term = read(end)
        if term is None:
            break
        found, end = term
        unit = form.format(unit, found)
    return unit, end


class UnitMatch(NamedTuple):
    """A unit, currency or percent sign read after a figure (a named tuple: cheap to build)."""

    kind: str  # "quantity", "percent", "money", "count"
    unit: str | None
    start: int
    end: int
    text: str
    currency: str | None = None
    counted: str | None = None
    factor: float = 1.0  # for "cents", "pence"
    role: str | None = None


class _FigureReader:
    """One text being read for figures: the spans never read (URLs, code, identifiers), and the
    helpers that read a figure, its scale, its unit or currency and its qualifier at a position,
    with what they find memoised for the text."""

    def __init__(self, text: str, offset: int = 0) -> None:
        self.text = text
        self.offset = offset  # where ``text`` starts in its document: claims are built there
        spans = []
        for trigger, pattern in _EXCLUDED:  # (most paragraphs hold no trigger: no span at all)
            if trigger in text if isinstance(trigger, str) else trigger.search(text):
                spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for s, e in spans:  # overlapping spans merged, so one bisect answers "inside?"
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.excluded = merged
        self._ex_starts = [s for s, _ in self.excluded]
        self._prev_words: dict[int, str] = {}
        self.label_lists: dict[int, bool] = {}  # figure start → whether a label's list holds it
        self.list_steps = 0  # steps back from one list item to the one before it, so far

    # --- helpers -----------------------------------------------------------------------------

    def is_excluded(self, pos: int) -> bool:
        i = bisect_right(self._ex_starts, pos) - 1
        return i >= 0 and self.excluded[i][0] <= pos < self.excluded[i][1]

    def skip_ws(self, i: int, newlines: int = 1) -> int:
        text, n = self.text, len(self.text)
        while i < n:
            c = text[i]
            if c in _WS:
                i += 1
            elif c in "\r\n" and newlines > 0:
                after = i + (2 if text[i : i + 2] == "\r\n" else 1)
                if text.startswith(INDENTS, after):
                    break  # an indented line starts a paragraph or a table's row ("8,142,000\n    Year")
                newlines -= 1
                i = after
            else:
                break
        return i

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos``, separated from it by spaces only."""
        word = self._prev_words.get(pos)
        if word is None:
            word = self._prev_words[pos] = self._prev_word(pos)
        return word

    def _prev_word(self, pos: int) -> str:
        text = self.text
        i = pos
        while i > 0 and text[i - 1] in " \t\u00a0":
            i -= 1
        if i == pos:
            return ""
        j = i
        while j > 0 and j > pos - 32 and (text[j - 1].isalnum() or text[j - 1] in ".'’-_"):
            j -= 1
        while j < i and not text[j].isalpha():
            j += 1  # a word starts with a letter
        return text[j:i]

    def at_sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 4) : pos].rstrip(_OPENING)
        return before == "" or before[-1] in ".!?:\n\r" or pos < 2

    # --- reading a figure ----------------------------------------------------------------------

    def number_at(self, pos: int) -> Number | None:
        text = self.text
        c = text[pos]
        if c.isdigit() or c == "." or c in lexicon.VULGAR_FRACTIONS:
            return parse_digits(text, pos)
        word = _LETTERS.match(text[pos : pos + 12]).group(0).lower()
        if word in ("twice", "thrice"):
            return Number(pos, pos + len(word), 2.0 if word == "twice" else 3.0, 0.5, text[pos : pos + len(word)], is_word=True)
        if word in ("half", "quarter"):
            return self._fraction_word(pos, word)
        if word in ("a", "an"):
            after = self.skip_ws(pos + len(word), 0)
            nxt = _LETTERS.match(text[after : after + 12])
            nw = nxt.group(0).lower() if nxt else ""
            if nw in lexicon.NUMBER_WORDS:
                return parse_words(text, pos)
            if nw in ("half", "quarter"):
                return self._fraction_word(after, nw, article_start=pos)
            return Number(pos, pos + len(word), 1.0, 0.5, text[pos : pos + len(word)], is_word=True)
        return parse_words(text, pos)

    def _fraction_word(self, pos: int, word: str, article_start: int | None = None) -> Number | None:
        """"half a mile", "half an hour", "a quarter of a mile", "half a million"."""
        m = re.match(rf"{word}(?:\s+of)?\s+(an?)\b", self.text[pos : pos + 16], re.I)
        if not m:
            after = self.skip_ws(pos + len(word), 0)
            if after == pos + len(word) and self.text[after : after + 1] in ("-", "\u2011"):
                after += 1  # "a quarter-mile", "a half-hour"
            if article_start is not None and after > pos + len(word) and lexicon.WORD_UNIT_RE.match(self.text, after):
                # "a quarter mile", "a half hour": the fraction right before its unit
                start, end = article_start, pos + len(word)
                return Number(start, end, 0.5 if word == "half" else 0.25, 0.125, self.text[start:end], is_word=True)
            return None
        frac = 0.5 if word == "half" else 0.25
        start = article_start if article_start is not None else pos
        end = pos + m.end()
        scale = _SCALE_AFTER_FRACTION.match(self.text[end : end + 12])
        if scale:
            v = frac * lexicon.SCALES[scale.group(1).lower()]
            end += scale.end()
            return Number(start, end, v, v / 4, self.text[start:end], is_word=True)
        return Number(start, end, frac, 0.125, self.text[start:end], is_word=True)

    def with_scale(self, num: Number) -> tuple[Number, str | None]:
        """Apply a following scale ("million", "bn", "k"); returns the suffix for money-only ones."""
        if num.is_word and _ENDS_WITH_SCALE.search(num.text):
            return num, None
        found = parse_scale_word(self.text, num.end)
        if not found:
            return num, None
        factor, end = found
        suffix = self.text[num.end : end].strip()
        again = _CHAINED_SCALE.match(self.text, end)
        if again:  # "₹1.2 lakh crore", "5 thousand crore": a scale of a scale
            factor *= lexicon.SCALES[again.group(1).lower()]
            end = again.end()
        scaled = num._replace(end=end, value=num.value * factor, rounding=num.rounding * factor, text=self.text[num.start : end])
        return scaled, suffix

    # --- what follows a figure ------------------------------------------------------------------

    def unit_after(self, pos: int, allow_hyphen: bool = True, num: Number | None = None) -> UnitMatch | None:
        text = self.text
        attached = pos < len(text) and not text[pos].isspace()
        i = pos
        hyphen = False
        if allow_hyphen and text[pos : pos + 1] in ("-", "‑") and _HYPHEN_WORD.match(text[pos : pos + 2]):
            i = pos + 1
            hyphen = True
        elif text[pos : pos + 1] in _WS + "\r\n":
            i = self.skip_ws(pos)
            attached = False
        rate = self._rate_with_nothing_on_top(i, attached) if text[i : i + 1] in ("/", "p") else None
        if rate is not None:
            return rate
        # percentages ("5%", "1.3 wt.%", "5 mol%") and percentage points
        pm = _PERCENT.match(text[i : i + 20]) if text[i : i + 1] in _PERCENT_STARTS else None
        if pm and not (pm.group(0).lower() in ("pc", "pct") and not attached and text[i - 1 : i] != " "):
            word = pm.group(0)
            unit = "percentage_point" if word.lower().startswith("percentage") else "percent"
            return UnitMatch("percent", unit, i, i + pm.end(), word)
        first = text[i : i + 1]
        points = _POINTS.match(text, i) if first == "p" else None
        if points and points.group(0).startswith("pt") and not _CHANGE_WORDS.search(text, max(0, pos - 40), pos):
            points = None  # "in 63 pts (90%)": patients; "rose 2 pts to 7%": points of a change
        if points and self._percent_nearby(pos):
            return UnitMatch("percent", "percentage_point", i, points.end(), points.group(0))
        if attached and not hyphen and num is not None:
            inch = _ATTACHED_INCH.match(text, i) if first == "i" else None
            if inch:
                return UnitMatch("quantity", "inch", i, inch.end(), inch.group(0))  # "6.1in", "2in"
        # the radius of a planet or moon, written attached: "5Rp", "8.74Rs", "2–3Rp"
        if attached and not hyphen:
            body = _BODY_RADIUS.match(text, i) if first == "R" else None
            if body and not (body.group(1).lower() == "s" and _money_context(self, pos)):
                return UnitMatch("quantity", units.body_radius(body.group(1)), i, body.end(), body.group(0))
        wm = lexicon.WORD_UNIT_RE.match(text, i)
        sm = lexicon.SYMBOL_UNIT_RE.match(text, i)
        best = None
        if wm:
            best = ("word", wm)
        if sm and (best is None or sm.end() > best[1].end()) and self._symbol_fits(sm, attached, hyphen, num):
            best = ("symbol", sm)
        if best is None and sm is None and text[i : i + 1].isalpha():
            glued = self._glued_product(i)
            if glued is not None:
                return UnitMatch("quantity", glued[0], i, glued[1], text[i : glued[1]])
        if best is None:
            bracket = _BRACKET_SYMBOL.match(text, i) if text.startswith("in", i) else None
            if bracket and not attached and num is not None and (
                self._alone_in_bracket(num.start, bracket.end()) or _CONVERSION_FOLLOWS.match(text, bracket.end())
            ):
                return UnitMatch("quantity", lexicon.BRACKET_ONLY_SYMBOLS[bracket.group(1)], i, bracket.end(), bracket.group(0))
            return None
        m = best[1]
        unit_text = m.group(0)
        pint_unit = lexicon.WORD_UNITS.get(unit_text.lower()) if best[0] == "word" else lexicon.SYMBOL_UNITS[unit_text]
        if best[0] == "word" and pint_unit is None:
            pint_unit = lexicon.WORD_UNITS.get(re.sub(r"[ \t\u00a0\u202f]+", " ", unit_text.lower()))
        if pint_unit is None:
            return None
        end = i + len(unit_text)
        factor = 1.0
        if pint_unit in lexicon.UNIT_FACTORS:
            pint_unit, factor = lexicon.UNIT_FACTORS[pint_unit]
        elif best[0] == "symbol" and pint_unit not in lexicon.TEMPERATURE_UNITS:
            # powers and products written the scientific way: "964 cm−1", "2.6 km s−1", "1 g cm−3"
            pint_unit, end = self._powers(pint_unit, end)
            if pint_unit in _METRES_PER_SECOND:
                pint_unit = self._ms_as_metres_per_second(pint_unit, i, pos)
            unit_text = text[i:end]
        if pint_unit not in lexicon.TEMPERATURE_UNITS:
            pint_unit, end = self._over_denominators(pint_unit, end)
        pint_unit, end = _squared(text, pint_unit, end)
        return UnitMatch("quantity", pint_unit, i, end, text[i:end], factor=factor)

    def _symbol_fits(self, sm: re.Match, attached: bool, hyphen: bool, num: Number | None) -> bool:
        """Whether a unit symbol right after a figure is read as one: "40C" but not "40 C" or
        "40-C"; "5M" is five million, not molar; "4.0 V" and "1 g cm−3" are units after a space
        (a decimal figure, or a symbol with a power or a denominator, is a measurement)."""
        sym = sm.group(0)
        if sym in lexicon.NEVER_ATTACHED and attached:
            return False
        if (hyphen and sym == "K") or _INITIALS_GO_ON.match(self.text, sm.end()):
            return False  # "a 10-K filing" (a form), "1.03 billion N.Z. Dlrs" (initials)
        ambiguous = (sym in lexicon.ATTACHED_ONLY_SYMBOLS and (not attached or hyphen)) or (sym in lexicon.NEVER_SPACED and not attached)
        if not ambiguous:
            return True
        if hyphen:
            return False
        end = sm.end()
        after = self.text[end : end + 8]
        if _POWER.match(after) or _PER.match(after) and self._per_unit(end) is not None:
            return True
        if num is not None and self._alone_in_bracket(num.start, end):
            return True  # "1 oz (28 g)": alone in a bracket after another figure
        if _CONVERSION_FOLLOWS.match(self.text, end):
            return True  # "15 kn (28 km/h)": the figure a bracketed conversion restates
        if sym == "st" and _POUNDS_AFTER_STONE.match(self.text, end):
            return True  # "14 st 10 lb": stone and pounds, not a street or a saint
        if sym in lexicon.MEASURED_OF and _OF_A_THING.match(self.text, end) and not (
                num is not None and _is_label_word_before(self, num.start, in_list=False)):
            return True  # "5 g of dried sediment", "3 mol of gas": an amount ("Fig. 5 g of": a panel)
        if num is not None and sym not in lexicon.NOT_BEFORE_A_NOUN and _NOUN_AFTER.match(self.text, end) \
                and _ARTICLE_BEFORE.search(self.text, max(0, num.start - 4), num.start):
            return True  # "a 12 V battery", "a 75 g glucose solution": the size of a thing
        if self._product_term(end) is not None:
            return True
        return (
            sym in lexicon.SPACED_AFTER_DECIMALS
            and num is not None
            and "." in num.text
            and not after[:1].isalpha()
        )

    def _alone_in_bracket(self, start: int, end: int) -> bool:
        """"(7.1 in)", "(~0.8 cm; 0.3 in)": the figure and its unit fill a bracket (or one of its
        equivalents), as a conversion does."""
        before = self.text[max(0, start - 32) : start]
        return bool(_BRACKET_OPEN.search(before)) and bool(_BRACKET_CLOSE.match(self.text, end))

    def _ms_as_metres_per_second(self, unit: str, i: int, pos: int) -> str:
        """"wind speeds of 10 ms−1": metres per second written without a space, after a word of
        speed (a rate per millisecond, "k = 0.2 ms−1", has none before it)."""
        if self.text[i : i + 2] == "ms" and _SPEED_WORDS.search(self.text, max(0, pos - 100), pos):
            return _METRES_PER_SECOND[unit]
        return unit

    def _powers(self, unit: str, end: int) -> tuple[str, int]:
        """The unit with the powers and product terms written after its symbol."""
        text = self.text
        pm = _POWER.match(text, end) if text[end : end + 1] in _POWER_STARTS else None
        if pm:
            unit = f"({unit}) ** {_power_of(pm)}"
            end = pm.end()
        return self._with_product_terms(unit, end)

    def _with_product_terms(self, unit: str, end: int) -> tuple[str, int]:
        """The unit times the product terms written after it (" s−1" in "km s−1"), and their end."""
        return _joined_terms(unit, end, self._product_term, 4, "{} * {}")

    def _glued_product(self, pos: int) -> tuple[str, int] | None:
        """"Wm−2", "mWm−2", "kgm−3": a symbol run into a second one that carries a power, as
        many papers print a product (the power is what tells it from a word): (unit, end), with
        any product terms after it ("Wm−2 s−1")."""
        text = self.text
        for k in range(4, 0, -1):  # (the longest first symbol: "mWm−2" is mW m−2)
            first = lexicon.SYMBOL_UNITS.get(text[pos : pos + k])
            if first is None or not _in_products(first):
                continue
            sm = lexicon.SYMBOL_UNIT_RE.match(text, pos + k)
            pm = _POWER.match(text, sm.end()) if sm else None
            if pm is None:
                continue
            second = lexicon.SYMBOL_UNITS[sm.group(0)]
            if not _in_products(second):
                return None
            return self._with_product_terms(f"({first}) * ({second}) ** {_power_of(pm)}", pm.end())
        return None

    def _product_term(self, pos: int) -> tuple[str, int] | None:
        """" s−1" in "km s−1": a symbol with a written power, after a space or a dot."""
        text = self.text
        if text[pos : pos + 1] not in (" ", "\u00a0", "·", "⋅") or not _POWER_AHEAD.search(text, pos + 1, pos + 10):
            return None
        sm = lexicon.SYMBOL_UNIT_RE.match(text, pos + 1)
        if not sm:
            return None
        unit = lexicon.SYMBOL_UNITS[sm.group(0)]
        if not _in_products(unit):
            return None
        pm = _POWER.match(text, sm.end())
        if not pm:
            return None
        return f"({unit}) ** {_power_of(pm)}", pm.end()

    def _percent_nearby(self, pos: int) -> bool:
        """"rose 2 points to 7%": a percentage in the same sentence makes points percentage points."""
        window = self.text[max(0, pos - 80) : pos + 60]
        cut = pos - max(0, pos - 80)
        before, after = window[:cut], window[cut:]
        before = before[max(before.rfind(". "), 0) :]
        after = after[: after.find(". ")] if ". " in after else after
        return bool(_PERCENT_SIGN.search(before) or _PERCENT_SIGN.search(after))

    def _over_denominators(self, unit: str, end: int) -> tuple[str, int]:
        """The unit over the denominators written after it at ``end``, one or two ("mg/kg",
        "ng/kg/min", "mg per kg per day": a dose by weight and time), and where they end."""
        return _joined_terms(unit, end, self._per_unit, 2, "({}) / ({})")

    def _rate_with_nothing_on_top(self, i: int, attached: bool) -> UnitMatch | None:
        """A density or rate with no unit on top at ``i``: "3,000/km2", "7,800/sq mi", and in
        words of an area only ("856.7 per square mile (330.0/km2)": "5 per day" or "3 per cent"
        is no density)."""
        text = self.text
        if text[i] == "/":
            per = self._per_unit(i) if attached else None
            return UnitMatch("quantity", f"1 / ({per[0]})", i, per[1], text[i : per[1]]) if per else None
        if attached or not text.startswith("per", i):
            return None
        return self.density_after(i - 1)

    def density_after(self, pos: int) -> UnitMatch | None:
        """"per square mile", "/km2" at ``pos`` as the unit of a density (one over an area), else
        None. Its text starts at the word "per" or the slash."""
        per = self._per_unit(pos)
        if per is None or not units.is_area(per[0]):
            return None
        start = pos if self.text[pos] == "/" else self.text.index("per", pos)
        return UnitMatch("quantity", f"1 / ({per[0]})", start, per[1], self.text[start : per[1]])

    def _per_unit(self, pos: int) -> tuple[str, int] | None:
        """The denominator of "mg/kg", "km per day", "litres per 100 km": (pint unit, end)."""
        text = self.text
        m = _PER.match(text[pos : pos + 6])
        if not m:
            return None
        j = pos + m.end()
        for pattern, table in ((lexicon.SYMBOL_UNIT_RE, lexicon.SYMBOL_UNITS), (lexicon.WORD_UNIT_RE, lexicon.WORD_UNITS)):
            um = pattern.match(text, j)
            if um:
                key = um.group(0) if table is lexicon.SYMBOL_UNITS else re.sub(r"[ \t\u00a0\u202f]+", " ", um.group(0).lower())
                unit = table.get(key)
                if unit and unit not in lexicon.TEMPERATURE_UNITS and unit not in lexicon.UNIT_FACTORS:
                    return unit, um.end()
        return None

    def money_word_after(self, pos: int) -> UnitMatch | None:
        i = self.skip_ws(pos, 0)
        if i == pos and self.text[i : i + 1] in ("-", "‑") and self.text[i + 1 : i + 2].isalpha():
            i += 1  # "a one-yen coin", "five-dollar bills"
        if self.text[i : i + 1].isdecimal() or not _may_start_money_word(self.text, i):
            return None  # no currency word, code, symbol or sub-unit starts here
        m = lexicon.CURRENCY_WORD_RE.match(self.text, i)
        if m and i - pos <= 1:
            code = lexicon.CURRENCY_WORDS[re.sub(r"\s+", " ", m.group(0).lower())]
            return UnitMatch("money", None, i, m.end(), m.group(0), currency=code)
        if i > pos and self.text[i - 1] in ("-", "‑"):
            return None
        m = lexicon.CURRENCY_CODE_AFTER_RE.match(self.text, i)
        if m and i - pos <= 1:
            return UnitMatch("money", None, i, m.end(), m.group(0), currency=m.group(0))
        m = _CURRENCY_AFTER.match(self.text, i)
        if m and i - pos <= 1:
            return UnitMatch("money", None, i, m.end(), m.group(0), currency=lexicon.CURRENCY_SYMBOLS_AFTER[m.group(0)])
        m = _SUBUNIT.match(self.text[i : i + 6])
        if m and (m.group(1) != "p" or i == pos):
            code, factor = lexicon.SUBUNIT_WORDS[m.group(1)]
            return UnitMatch("money", None, i, i + m.end(), m.group(0), currency=code, factor=factor)
        return None

    def currency_before(self, pos: int) -> tuple[str, int] | None:
        window = self.text[max(0, pos - 6) : pos]
        # (a symbol ends the window but for one space and the line break "$" allows)
        if window.rstrip(" \u00a0\n")[-1:] not in lexicon.CURRENCY_PREFIX_LAST:
            return None
        m = lexicon.CURRENCY_PREFIX_RE.search(window)
        if not m:
            return None
        start = max(0, pos - 6) + m.start()
        sym = m.group(0).rstrip(" \u00a0")
        # "US$" must not be read as "$" preceded by a word ("BUS$"): the symbol must start a token.
        if start > 0 and self.text[start - 1].isalnum() and not sym.startswith(("$", "£", "€", "¥", "₹")):
            return None
        if sym.isalpha() and start > 0 and self.text[start - 1].isalpha():
            return None
        return lexicon.CURRENCY_SYMBOLS[sym], start

    def qualifier_before(self, pos: int) -> tuple[str, int] | None:
        last = self.prev_word(pos).lower()
        if last not in lexicon.QUALIFIER_LAST_WORDS and self.text[max(0, pos - 2) : pos].strip()[-1:] not in _QUALIFIER_SIGNS:
            return None
        window = self.text[max(0, pos - 24) : pos]
        m = lexicon.QUALIFIER_PATTERN.search(window) if _may_end_with_qualifier(window) else None
        if not m:
            return None
        q = re.sub(r"\s+", " ", m.group("q")).lower()
        start = max(0, pos - 24) + m.start("q")
        if start > 0 and self.text[start - 1].isalnum():
            return None
        # "over" and "under" are prepositions too ("over 3 days" stays a qualifier; "under
        # Article 5" never reaches here because labels are rejected).
        return q, start


# The cheap tests before the patterns of money words after a figure: the first character of a
# currency code, a symbol written after or a sub-unit ("cents", "pence", "p"), and the first two
# letters of a currency word (all ASCII, none with a space in them: an ASCII text matches them
# ignoring case only as its lower case does).
_MONEY_AFTER_FIRST = frozenset(
    {code[0] for code in lexicon.CURRENCY_CODES_AFTER} | {sym[0] for sym in lexicon.CURRENCY_SYMBOLS_AFTER} | {"c", "p"}
)
_CURRENCY_WORD_STARTS = frozenset(word[:2].lower() for word in lexicon.CURRENCY_WORDS)


def _may_start_money_word(text: str, i: int) -> bool:
    """Whether a currency word, code, symbol or sub-unit may start at ``i`` (the cheap test
    before four patterns; a text other than ASCII letters there is matched)."""
    pair = text[i : i + 2]
    if pair[:1] in _MONEY_AFTER_FIRST or len(pair) < 2 or not pair.isascii():
        return True
    return pair.lower() in _CURRENCY_WORD_STARTS


# Each qualifier with its white space as one space, in lower case.
_QUALIFIER_ENDINGS = tuple(" ".join(q.split()).lower() for q in lexicon.QUALIFIERS)


def _may_end_with_qualifier(window: str) -> bool:
    """The cheap test before QUALIFIER_PATTERN, which ends with a qualifier (its spaces any run
    of white space) and white space: an ASCII window, its white space made single spaces, ends
    with one (a window with other characters, which may match ignoring case, is searched)."""
    if not window.isascii():
        return True
    return " ".join(window.split()).lower().endswith(_QUALIFIER_ENDINGS)


def extract_claims(text: str, *, memoise: bool = True) -> list[Claim]:
    """Every numeric claim in ``text``, in document order, non-overlapping. With ``memoise``
    false every figure is read afresh: the same claims, slower on repetitive text (for tests).

    Each paragraph is read alone (a break belongs to the paragraph after it, as
    :class:`figcheck.extract.incremental.ParagraphCache` splits them), so the language server,
    which reads only the paragraphs an edit touched, finds exactly these claims: no window of
    the reader (money words, a percentage nearby, a change word, a label) sees across a blank
    line. The memo of surroundings is shared by the paragraphs."""
    store: _MemoStore = ({}, set(), [0])
    if "\n" not in text and "\r" not in text:
        return _extract_paragraph(text, memoise, store)
    claims: list[Claim] = []
    for start, end in paragraph_bounds(text):
        claims.extend(_extract_paragraph(text[start:end], memoise, store, start, len(claims)))
    return claims


def _extract_paragraph(text: str, memoise: bool, store: _MemoStore, offset: int = 0, base: int = 0) -> list[Claim]:
    """The claims of one paragraph, ``text``, which starts at ``offset`` in its document: they
    are built at their places in the document (not moved after), and the claims they restate are
    numbered from ``base``, the number of claims before the paragraph's."""
    reader = _FigureReader(text, offset)
    memo = _ContextMemo(reader, memoise, store)
    claims: list[Claim] = []
    consumed = 0
    # two sorted runs: sorting their concatenation merges them in C, cheaper than heapq.merge
    anchors = sorted([m.start() for m in DIGIT_ANCHOR.finditer(text)] + word_anchors(text))
    for pos in anchors:
        if pos < consumed or (reader.excluded and reader.is_excluded(pos)):
            continue
        claim = memo.claim_at(pos)
        if claim is None:
            continue
        if claims and claim.start < claims[-1].end:
            continue
        claims.append(claim)
        consumed = claim.end - offset
        if text.startswith("/", consumed) and claim.kind == "quantity":
            equivalent = _slash_equivalent(memo, text, claim, consumed + 1)
            if equivalent is not None:
                claims.append(equivalent)
                consumed = equivalent.end - offset
    return _link(text, _share_list_units(text, read_sizes(reader, claims), offset), offset, base)


def _slash_equivalent(memo: _ContextMemo, text: str, claim: Claim, pos: int) -> Claim | None:
    """The figure right after a measure and a slash when it restates the measure in the other
    system of units ("3 m/10 ft", "30C/86F"): a digit after a slash is not an anchor (a fraction,
    a date, a ratio "13C/12C", a concentration "250 mg/5 mL" or "15 mg/100 g" is one figure)."""
    if not text[pos : pos + 1].isdigit() or claim.unit is None or units.system(claim.unit) is None:
        return None  # (no figure read where none could restate it)
    found = memo.claim_at(pos)
    return found if found is not None and _in_the_other_system(claim, found) else None


def _in_the_other_system(prev: Claim, cur: Claim) -> bool:
    """Whether ``cur`` is a measure of ``prev``'s kind, one figure or a range as it is, in the
    other system of units (metric against customary): what may restate it where a range or a
    list of the two would make no sense."""
    if cur.kind != "quantity" or prev.kind != "quantity" or not cur.unit or not prev.unit:
        return False
    if cur.is_range != prev.is_range or cur.dimension != prev.dimension:
        return False
    system = units.system(prev.unit)
    return system is not None and units.system(cur.unit) not in (None, system)


# --- the same surroundings read once --------------------------------------------------------------

# How far reading a claim at a figure in digits can look, in characters, while no run of white
# space or of other characters in reach is long (_LONG_RUN): every window of the scanner is
# bounded, and each unbounded repeat in its patterns runs over one such run. Back, under 300
# (a qualifier, "between" or a currency, then money, change or delta words, one list item
# before a label). Ahead, under 1,600 in the worst case: a figure of twelve spaced groups
# (~300) with a spread (~300) and a unit of four product terms and a denominator (~300), a
# range's second figure with its unit (~600), then up to 60 more for money words or a counted
# noun. A number in words is not memoised: up to MAX_NUMBER_WORDS words are read.
_CONTEXT_BEFORE = 1024
_CONTEXT_AFTER = 2048
_LONG_RUN = PATTERNS.compile(r"\s{16,}|\S{40,}")
_MEMO_ENTRIES = 1024  # distinct surroundings kept (emptied when full): a few KB each
_KEY_CHARS = 48  # on each side of the figure: the key of its surroundings
_NOT_DECIDED = object()
# A memo's entries and the surroundings seen once, shared by the paragraphs of one text.
# The first figures in digits of a text are read with no key at all: a text with few figures (a
# news story has ten or so) repeats no surroundings worth keeping, and keying each costs about
# as much as a tenth of reading it. Dense input, where the memo pays, has thousands.
_MEMO_AFTER = 32
# A memo's entries, the surroundings seen once, and how many figures were read before the memo
# started: shared by the paragraphs of one text.
_MemoStore = tuple[dict[tuple, tuple[str, int, "Claim | None", object]], set[tuple], list[int]]


class _ContextMemo:
    """Claims read at figures in digits, keyed by the text around them, so that the same "5 km
    (3 miles)" repeated 10,000 times is read once and moved (issue #15: dense input). Exact: a
    claim is stored only when its reading depended on nothing outside its surroundings — no long
    run in reach, and no step back through a label's list, whose answer the reader keeps for
    later figures (the one answer kept for the figure itself is replayed on a hit). Surroundings
    are stored the second time they are met, so prose, where none repeats, pays only for a set.
    The key is the nearest _KEY_CHARS; the whole surroundings are compared in place (no copy)."""

    def __init__(self, reader: _FigureReader, enabled: bool = True, store: _MemoStore | None = None) -> None:
        self.reader = reader
        self.enabled = enabled
        # (an entry holds its whole surroundings, compared in place: exact for any text read)
        self.entries, self.seen, self.unkeyed = ({}, set(), [0]) if store is None else store

    def claim_at(self, pos: int) -> Claim | None:
        reader, text = self.reader, self.reader.text
        if not self.enabled or text[pos].isalpha():
            return _claim_or_none(reader, pos)
        if self.unkeyed[0] < _MEMO_AFTER:
            self.unkeyed[0] += 1
            return _plain_or_full_claim(reader, pos)
        w0 = max(0, pos - _CONTEXT_BEFORE)
        # Surroundings cut by the end of the text are the same only with as much text after them
        # (so the figures of a long run's last 2 KB are not each stored in turn to no use).
        clipped = len(text) - w0 if pos + _CONTEXT_AFTER >= len(text) else 0
        key = (text[pos - _KEY_CHARS if pos >= _KEY_CHARS else 0 : pos + _KEY_CHARS], pos - w0, clipped)
        entry = self.entries.get(key)
        if entry is not None and text.startswith(entry[0], w0) and (not clipped or clipped == len(entry[0])):
            _, stored_pos, claim, in_label_list = entry
            if in_label_list is not _NOT_DECIDED:
                reader.label_lists[pos] = in_label_list
            return None if claim is None else shifted(claim, reader.offset + pos - stored_pos, 0)
        steps = reader.list_steps
        claim = _plain_or_full_claim(reader, pos)
        if reader.list_steps == steps:
            self._keep(key, w0, pos, claim)
        return claim

    def _keep(self, key: tuple, w0: int, pos: int, claim: Claim | None) -> None:
        if len(self.seen) >= _MEMO_ENTRIES:
            self.seen.clear()
            self.entries.clear()
        if key not in self.seen:
            self.seen.add(key)
            return
        window = self.reader.text[w0 : pos + _CONTEXT_AFTER]
        if not _LONG_RUN.search(window):
            # (the figure's place in its document: the claim is kept there)
            self.entries[key] = (window, self.reader.offset + pos, claim, self.reader.label_lists.get(pos, _NOT_DECIDED))


def _claim_or_none(reader: _FigureReader, pos: int) -> Claim | None:
    try:
        return _claim_at(reader, pos)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None


# --- the common shapes read at once ---------------------------------------------------------------

# Most figures of news copy are one of a few shapes after a plain lower-case word and one space:
# "rose 5 pct", "rose 5%", "a loss of 3.5 mln dlrs", "paid 15 cts". For those the full reading (a dozen
# phases, each with its patterns) always ends the same way, so the claim is built at once; any
# figure whose word before or text after could change that reading is left to it (None).
# tests/test_extract_plain.py checks this reading against the full one for these shapes and
# their near misses.
_PLAIN_SHAPE = PATTERNS.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # the figure
    r"( (?:mln|bln|billion))?"  # a scale
    r"(?: (pct|dlrs|cts)|(%))"  # a percent sign or a counted money word
    r"(?=[ ,.;:)\n]|$)"  # then no more of a word
)
# Plain words that change a reading: "between" or "from", a minus, a label (and a qualifier's
# last word where the qualifier is written: "some", "at least", but not the "of" of "a loss of").
_NOT_PLAIN_WORDS = frozenset({"between", "from", "minus", "negative"} | lexicon.LABEL_WORDS)
_WORD_EDGES = frozenset(" \n(")  # what may come before the plain word
_COUNTED_MONEY = {"dlrs": "dlr", "cts": "ct"}  # (the nouns counted_noun reads)
_READ_IN_FULL = object()  # (what _plain_claim gives for a figure of no plain shape)
# A year ending a clause ("in 1987.", "since 1985,"): never a claim.
_PLAIN_YEAR = PATTERNS.compile(r"[12]\d{3}(?=[.,;)](?:\s|$))")


def _plain_word_before(reader: _FigureReader, pos: int) -> bool:
    """Whether a lower-case ASCII word that changes no reading ends one space before ``pos``
    (after a space, a line break, "(" or the text's start): no sign, currency, qualifier, range
    opener, label or name is written before the figure."""
    text = reader.text
    if pos < 2 or text[pos - 1] != " " or not "a" <= text[pos - 2] <= "z":
        return False
    word = reader.prev_word(pos)
    start = pos - 1 - len(word)
    if not (word.isascii() and word.isalpha() and word.islower()) or len(word) > 20 or word in _NOT_PLAIN_WORDS:
        return False
    if start > 0 and text[start - 1] not in _WORD_EDGES or reader.currency_before(pos) is not None:
        return False
    return word not in lexicon.QUALIFIER_LAST_WORDS or reader.qualifier_before(pos) is None


def _plain_or_full_claim(reader: _FigureReader, pos: int) -> Claim | None:
    """The claim at a figure in digits: built at once where it has a plain shape, else read in
    full (a memo's hit is cheaper still: dense input repeats these shapes)."""
    plain = _plain_claim(reader, pos)
    return _claim_or_none(reader, pos) if plain is _READ_IN_FULL else plain


def _plain_claim(reader: _FigureReader, pos: int) -> Claim | object | None:
    """What the full reading gives at ``pos`` (a claim, or None for no claim) when its figure
    has one of the plain shapes, built at once; else _READ_IN_FULL."""
    text = reader.text
    shape = _PLAIN_SHAPE.match(text, pos)
    if shape is None:
        return _plain_year(reader, pos) if _PLAIN_YEAR.match(text, pos) else _READ_IN_FULL
    if not _plain_word_before(reader, pos):
        return _READ_IN_FULL
    num = parse_digits(text, pos)
    if num is None or num.digits[:1] == "0" and len(num.digits) > 1 and "." not in num.text:
        return _READ_IN_FULL  # ("020" is not a figure)
    word = shape.group(2) or shape.group(3)
    word_start = shape.start(2) if shape.group(2) else shape.start(3)
    if shape.group(1):
        num, _ = reader.with_scale(num)
    if num.end != (word_start - 1 if shape.group(2) else word_start):
        return _READ_IN_FULL
    word_end = shape.end()
    if word in ("pct", "%"):
        if shape.group(1) or _plain_percent_goes_on(text, word_end):
            return _READ_IN_FULL
        return _plain_percent(reader, num, word_start, word_end)
    if _looks_like_year(num) or _is_date_part(reader, num):
        return _READ_IN_FULL
    if "." not in num.text and _LAST_ITEM_BEFORE.search(text, max(0, pos - 6), pos) is not None \
            and _is_label_word_before(reader, pos):
        return None  # "Figs. 7 and 5 dlrs": a label list's last item, tested as the full reading does
    return _plain_count(reader, num, _COUNTED_MONEY[word], word_end)


def _plain_year(reader: _FigureReader, pos: int) -> object | None:
    """None (no claim) for a year that ends a clause after a plain word: the full reading finds
    a bare count with no noun, which a year is not (its label test, whose answer the reader
    keeps for later figures, is made as that reading makes it)."""
    if not _plain_word_before(reader, pos) or not _looks_like_year(parse_digits(reader.text, pos)):
        return _READ_IN_FULL
    _is_label_word_before(reader, pos)
    return None


def _plain_percent_goes_on(text: str, end: int) -> bool:
    """Whether a spread or a range's other end may follow "pct" (read in full)."""
    if text[end : end + _SPREAD_SIGN_WINDOW].strip()[:1] in ("±", "+"):
        return True
    k = end
    while k < len(text) and text[k] in _RANGE_SPACE:
        k += 1
    return text[k : k + 1] in _RANGE_SEP_FIRST and _RANGE_SEP.match(text[end : end + 16]) is not None


def _plain_percent(reader: _FigureReader, num: Number, unit_start: int, unit_end: int) -> Claim:
    offset, text = reader.offset, reader.text
    return claim_of([
        num.start + offset, unit_end + offset, text[num.start : unit_end], num.value, num.value, num.value,
        "percent", "percent", "percent", None, None, None,  # unit, dimension, kind, qualifier, counted, converted_from
        text[unit_start:unit_end], unit_start + offset, unit_end + offset,  # unit_text, unit_start, unit_end
        num.text, num.rounding, False, False, None,  # number_text, rounding, is_range, is_estimate, role
    ])


def _plain_count(reader: _FigureReader, num: Number, counted: str, end: int) -> Claim:
    offset, text = reader.offset, reader.text
    return claim_of([
        num.start + offset, end + offset, text[num.start : end], num.value, num.value, num.value,
        None, "count", "count", None, counted, None,  # unit, dimension, kind, qualifier, counted, converted_from
        None, None, None,  # unit_text, unit_start, unit_end
        text[num.start : num.end], num.rounding, False, False, None,  # number_text, rounding, is_range, is_estimate, role
    ])


# --- one claim ------------------------------------------------------------------------------------


def _in_digit_chain(text: str, s: int, e: int) -> bool:
    """Phone numbers and numeric dates: three or more digit groups joined by single spaces,
    dots or dashes ("020 7946 0958", "(555) 123-4567", "2022-09-08")."""
    if text[s : s + 1].isdecimal():
        if not ((s > 0 and text[s - 1].isdecimal()) or text[s + 1 : s + 2].isdecimal()):
            return False  # a digit of a chain is in a group of two or more ("\\d" is isdecimal)
        if not _joined_group(text, s):
            return False
    window_start = max(0, s - 24)
    for m in _DIGIT_CHAIN.finditer(text, window_start, min(len(text), e + 24)):
        if m.start() <= s < m.end():
            return True
        if m.start() > s:
            break
    return False


_CHAIN_JOINERS = (" ", ".", "-", "/")


def _joined_group(text: str, s: int) -> bool:
    """Whether the run of digits around ``s`` is joined to another group as a chain's groups are
    (a digit or ")" and a joiner before it, or after it and its optional ")" a joiner and a
    digit): the cheap test before the search. A group of a chain is a whole run of digits, as
    the pattern's edges say."""
    a = s
    while a > 0 and text[a - 1].isdecimal():
        a -= 1
    b = s + 1
    while b < len(text) and text[b].isdecimal():
        b += 1
    if a > 1 and text[a - 1] in _CHAIN_JOINERS and (text[a - 2].isdecimal() or text[a - 2] == ")"):
        return True
    if text[b : b + 1] == ")":
        b += 1
    return text[b : b + 1] in _CHAIN_JOINERS and text[b + 1 : b + 2].isdecimal()


def _rejects_digits(reader: _FigureReader, num: Number, range_end: bool = False) -> bool:
    """Figures that are not quantities whatever follows them."""
    text = reader.text
    s, e = num.start, num.end
    if not num.has_separator and "." not in num.text and _in_digit_chain(text, s, e):
        return True
    before = text[max(0, s - 2) : s]
    after = text[e : e + 3]
    if before[-1:] in ("-", "‑") and len(before) == 2 and before[0].isalpha():
        return True  # COVID-19, F-35, MH-17
    if before[-1:] == ":" and len(before) == 2 and before[0].isdigit():
        return True  # the minutes of 10:30
    if (after[:1] in ":./," or after[:1].isdecimal()) and _NUMBER_CONTINUES.match(after) and not num.text.endswith(tuple(lexicon.VULGAR_FRACTIONS)):
        return True  # 10:30, 3.11.7, 8/9/2022, 1,5 (not a thousands group)
    if after[:1].isascii() and after[:1].isalpha() and _ORDINAL_AFTER.match(after + " ") and not ("." in num.text and after[:1] == "s"):
        return True  # 2nd, 1990s (but "9.58s" is seconds: no decade has decimals)
    if after[:1] in ("-", "‑", "–") and _DASH_DIGIT.match(after) and _DASH_DIGITS.match(after):
        nxt = parse_digits(text, e + 1)
        if nxt is not None and nxt.value <= num.value and not (
                nxt.value < num.value and _measured(reader, num, nxt)):
            return True  # a score or a label: 3-1, 2023-24 is handled as a year range
    if not range_end and before[-1:] in ("-", "‑", "–") and len(before) == 2 and before[0].isdigit():
        return True  # the second half of 3-1 when the first was not read as a range
    if num.digits.startswith("0") and len(num.digits) > 1 and "." not in num.text:
        return True  # 020, 007
    if time_of_day_after(text, e):
        return True  # 3pm, 10 a.m., 1500 GMT
    if before[-1:] == "’" and len(before) == 2 and before[0] == " " and reader.at_sentence_start(s) is False:
        return True  # ’90s
    if after[:1] in _PRIMES and _NUCLEIC_END.match(text, e + 1):
        return True  # "the 3′ end", "the 5′-UTR": an end of a strand, not feet or a count
    if "A" <= after[:1] <= "Z" and not after[1:2].isalpha() and _in_letter_series(text, s, e):
        return True  # "the 1A and 1B clusters", "2G/3G": names in a series, not amperes or billions
    return False


_PRIMES = frozenset("′'’")
# What follows a strand's end as molecular biology names it: "3′ end", "5′-UTR", "5′ to 3′".
_NUCLEIC_END = PATTERNS.compile(
    r"[ \u00a0-]?(?:ends?|utrs?|termin(?:us|i|al)|flank\w*|untranslated|overhangs?|caps?\b|"
    r"splice|regions?|to[ \u00a0]+[35][′'’]|[→-]+[ \u00a0]*[35][′'’])", re.I)


def _in_letter_series(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end``, a capital letter written on to it, is listed next to
    another figure with another letter ("1A and 1B", "18A/18B", "2G, 3G"): a unit or a scale
    ("5A and 10A", "1B and 2B") keeps its letter."""
    letter = text[end]
    after = _LETTER_SERIES_AFTER.match(text, end + 1)
    if after is not None and _other_letter(letter, after.group(1)):
        return True
    before = _LETTER_SERIES_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and _other_letter(letter, before.group(1))


def _other_letter(a: str, b: str) -> bool:
    """Two letters of a series of names: not the same, not two scales ("2B and 3M") and not two
    units of one kind ("30C/86F": a temperature and its conversion)."""
    if a == b or (a in _SCALE_LETTERS and b in _SCALE_LETTERS):
        return False
    unit_a, unit_b = lexicon.SYMBOL_UNITS.get(a), lexicon.SYMBOL_UNITS.get(b)
    return unit_a is None or unit_b is None or units.dimension(unit_a) != units.dimension(unit_b)


_SCALE_LETTERS = frozenset("KMBT")


# A series item's separator, then the next item ("… and 1B"), or the item before ("1A and …").
_SERIES_JOIN = r"[ \u00a0]*(?:,|/|&|–|and\b|or\b)[ \u00a0]*(?:and[ \u00a0]+|or[ \u00a0]+)?"
_LETTER_SERIES_AFTER = PATTERNS.compile(_SERIES_JOIN + r"\d{1,4}([A-Z])(?![A-Za-z])")
_LETTER_SERIES_BEFORE = PATTERNS.compile(r"(?<![\w.])\d{1,4}([A-Z])" + _SERIES_JOIN + r"$")


def time_of_day_after(text: str, e: int) -> bool:
    """Whether the number that ends at ``e`` is a time of day by what follows it ("3pm",
    "10 a.m.", "1500 GMT"), not a quantity."""
    first = text[e : e + 1]
    if first not in _TIME_FIRST and not (first.isspace() and text[e + 1 : e + 2] in _TIME_FIRST):
        return False
    return _TIME_AFTER.match(text[e : e + 8]) is not None


def _is_label_before(reader: _FigureReader, pos: int) -> bool:
    """"Article 5", "Gate 12", "BA 286", "page 3": the figure names something."""
    return _is_label_word_before(reader, pos) or _is_name_before(reader, pos)


def label_reader(text: str) -> Callable[[int], bool]:
    """``is_label(pos)``: whether the number at ``pos`` of ``text`` names something by the words
    before it ("page 3", "on days 15 and 16"), as the extractor reads it (for a reader of the
    numbers it left out; ``text`` is read once for all of them)."""
    reader = _FigureReader(text)
    return lambda pos: _is_label_word_before(reader, pos)


# Label words written abbreviated before a number ("Fig. 4", "No. 10", "pp. 12"): after any other,
# a full stop ends a sentence ("… on these cases. Forty-four patients were studied").
_ABBREVIATED_LABELS = frozenset("fig figs p pp para vol no nos num ver v mk gen ref refs eq eqs eqn eqns".split())


def _is_label_word_before(reader: _FigureReader, pos: int, in_list: bool = True) -> bool:
    """"Fig. 4A", "phase 3", "No. 10", and each later item of a list they start ("Figs. 7 and 8",
    "phases 3, 5, and 7", "Figures 3I and 3J"; at most _LABEL_LIST_MAX items back, so a long
    run of figures costs linear time)."""
    visited = []
    answer = False
    steps = 0
    for _ in range(_LABEL_LIST_MAX if in_list else 1):
        if in_list and pos in reader.label_lists:
            answer = reader.label_lists[pos]  # an earlier item of the same list was decided
            break
        visited.append(pos)
        word = reader.prev_word(pos)
        if not word:
            # "No. 10", "#3", "p. 12" (each sign has a "." or "#": test for those first)
            sign_window = reader.text[max(0, pos - 5) : pos]
            if ("." in sign_window or "#" in sign_window) and _NUMBER_SIGN_BEFORE.search(sign_window):
                answer = True
                break
        else:
            lw = word.lower().rstrip(".")
            if lw in lexicon.LABEL_WORDS and (lw not in _TIME_WORDS or _TIME_LABEL_BEFORE.search(
                    reader.text, max(0, pos - 40), pos)) and (
                    word[-1] != "." or lw in _ABBREVIATED_LABELS) and not (
                    not steps and _label_word_as_a_verb(reader.text, pos, word)):
                answer = True
                break
            if lw not in ("and", "or", "to"):
                break
        item = _label_list_item_before(reader.text, pos) if in_list else None
        if item is None:
            break
        steps += 1
        pos = item.start()
    if answer:
        # A label found by stepping back rests on earlier figures' answers, which a long list
        # carries from any distance ("phases 1, 2, … 40"): see _ContextMemo. No label found is
        # the answer the items within reach give, as read from the text alone.
        reader.list_steps += steps
    if in_list:
        for p in visited:
            reader.label_lists[p] = answer
    return answer


# A label word that is a verb's infinitive ("plans to build 20,000 new homes", "will issue 126
# fines", "to model 4 alignments") takes the figure as its object: a noun follows the number,
# where a label's number is followed by a verb or a preposition ("to row 7 are", "to step 2 in").
# ("to" as a preposition after a comparison is not an infinitive's: "compared to model 4
# alignments")
_TO_OR_A_MODAL_BEFORE = PATTERNS.compile(
    r"(?<!compared )(?<!relative )(?<!similar )(?<!equal )(?<!close )(?<!next )(?<!prior )"
    r"(?<!according )(?<!up )\b(?:to|will|would|could|can|cannot|may|might|must|should|"
    r"shall|did|does|do)[ \u00a0]+$")
_OBJECT_AFTER = PATTERNS.compile(
    r"[\d,.]*\d[ \u00a0]+(?!(?:are|is|was|were|be|and|or|but|for|on|in|at|to|of|with|from|by|as|that|which|"
    r"than|then|if|when|where|after|before|during|into|onto|per)\b)[a-z]{3,}")


def _label_word_as_a_verb(text: str, pos: int, word: str) -> bool:
    """Whether ``word`` (a label word, lower case, before the number at ``pos``) is a verb taking
    the figure as its object."""
    if not word.islower():
        return False  # ("to Table 1", "to Model 1": a label's capital)
    end = pos
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1  # (the word ends where the spaces before the number start)
    start = end - len(word)
    return start > 0 and _TO_OR_A_MODAL_BEFORE.search(text, max(0, start - 12), start) is not None \
        and _OBJECT_AFTER.match(text, pos) is not None


# A time word before a figure is a label only after a preposition ("on day 15", "between days
# 15 and 16", "at week 12"): "Last year 300 people died", "every day 15 trains run" count.
_TIME_WORDS = frozenset("day days week weeks year years hour hours minute minutes".split())
_TIME_LABEL_BEFORE = PATTERNS.compile(
    r"\b(?:on|at|in|by|from|until|till|to|between|after|before|during|through|since|around|about|near|of)\s+"
    r"(?:day|week|year|hour|minute)s?[ \u00a0]*$", re.IGNORECASE)


def _label_list_item_before(text: str, pos: int) -> re.Match | None:
    """The list item ("3, ", "3I and ") that ends at ``pos``, if any."""
    window_start = max(0, pos - 28)
    end = pos
    while end > window_start and text[end - 1] in " \u00a0\n":
        end -= 1
    if end == window_start or text[end - 1] not in _LABEL_LIST_JOINER_ENDS:
        return None
    return _LABEL_LIST_ITEM.search(text, window_start, pos)


def _is_name_before(reader: _FigureReader, pos: int) -> bool:
    """"Voyager 1", "BA 286": a capitalised word names the thing the figure numbers."""
    word = reader.prev_word(pos)
    if not word:
        return False
    lw = word.lower().rstrip(".")
    if word[0].isupper() and lw not in lexicon.SENTENCE_WORDS and lw not in lexicon.QUALIFIERS:
        if lw.endswith(_POSSESSIVE_ENDS):
            return False  # "Britain's 25 most wanted men": what the figure belongs to, not its name
        if lw in _MONTH_NAME_SET or lw in _WEEKDAY_NAME_SET:  # (or it with a ".", which lw has not)
            return False  # dates are handled separately
        return True
    return False


_POSSESSIVE_ENDS = ("'s", "\u2019s", "s'", "s\u2019")


def _is_date_part(reader: _FigureReader, num: Number, counts_a_noun: bool = False) -> bool:
    before = _after_last_break(reader.text[max(0, num.start - 16) : num.start])
    # Month and weekday names are letters, and so is all that matches them ignoring case: a
    # window with no cased character names neither (a cheap test before two searches).
    named = before.lower() != before.upper()
    if named and before[-1:].isspace() and _may_end_with_name(before, _MONTH_NAMES) and lexicon.MONTH_BEFORE_RE.search(before):
        return True
    after = reader.text[num.end : num.end + 16]
    if _may_name_month_after(after) and lexicon.MONTH_AFTER_RE.match(_before_first_break(after)):
        return True
    # (the cheap tests first; a day of the month follows a weekday's name, but a count of a noun
    # may too: "On Monday, 24 Republican senators sent …", "Friday 15 protesters")
    return named and not counts_a_noun and num.value <= 31 and _may_end_with_name(before, _WEEKDAY_NAMES) \
        and bool(lexicon.WEEKDAYS_RE.search(before))


_MONTH_NAMES = tuple(lexicon.MONTHS.split("|"))
_MONTH_NAME_SET = frozenset(_MONTH_NAMES)
_WEEKDAY_NAMES = tuple(lexicon.WEEKDAYS.split("|"))
_WEEKDAY_NAME_SET = frozenset(_WEEKDAY_NAMES)


def _may_end_with_name(window: str, names: tuple[str, ...]) -> bool:
    """The cheap test before MONTH_BEFORE_RE and WEEKDAYS_RE, which end with a name, an optional
    "." and "," and white space: an ASCII window ends so (one with other characters, which may
    match a name ignoring case as "ſ" does "s", is searched)."""
    if not window.isascii():
        return True
    core = window.rstrip()
    if core.endswith(","):
        core = core[:-1]
    if core.endswith("."):
        core = core[:-1]
    return core.lower().endswith(names)


def _may_name_month_after(after: str) -> bool:
    """The cheap test before MONTH_AFTER_RE: an ordinal's suffix ("th"), or white space and then
    "of" or a month's first letter."""
    first = after[:1]
    if first.isspace():
        return after.lstrip()[:1] in _MONTH_OR_OF_FIRST
    return first in _ORDINAL_SUFFIX_FIRST


# (the first letters of "st", "nd", "rd", "th", of "of" and of the month names, ignoring case as
# MONTH_AFTER_RE does: tests/test_extract_prefilters.py checks every code point)
_ORDINAL_SUFFIX_FIRST = frozenset("snrtSNRTſ")
_MONTH_OR_OF_FIRST = frozenset("jfmasondJFMASONDſ")


# A date does not run across a blank line ("in early March.\n\nTwo weeks later": "Two" is not
# a day of March); reading a paragraph alone must give what reading it in its document does.
def _after_last_break(window: str) -> str:
    if not _may_hold_break(window):
        return window
    last = None
    for last in _break_pattern(window).finditer(window):
        pass
    return window if last is None else window[last.end() :]


def _before_first_break(window: str) -> str:
    if not _may_hold_break(window):
        return window
    found = _break_pattern(window).search(window)
    return window if found is None else window[: found.start()]


def _looks_like_year(num: Number) -> bool:
    return (
        not num.is_word
        and not num.has_separator
        and "." not in num.text
        and len(num.digits) == 4
        and 1000 <= num.value <= 2100
    )


# How far around a figure each part of reading a claim looks, in characters.
_FRACTION_SLASH_WINDOW = 4  # "3/4", "1/10th": the slash of an ASCII fraction right after the figure
_MINUS_WINDOW = 11  # "minus 5", "negative 25", "− 5": a minus sign or word before the figure
_BETWEEN_WINDOW = 10  # "between 5 and 10": the word that opens a range
_SPREAD_SIGN_WINDOW = 2  # " ±" or " +" after the unit: a spread in the same unit
_MULTIPLE_WINDOW = 2  # " times", "-fold", " fold" right after the figure
_SHORT_UNIT = 2  # "A", "b": a unit this short attached to a label's number may be a panel letter
# Capital letters that are units alone ("13A", "60W") and, attached to a number after a name, a
# designation: "Tropical Depression 18W", "the Astra 2A satellite", "a British 12A rating".
# (Not "C", "F": "London 25C" is the weather; nor "L", "M": a bottle's or a solution's size.)
_LETTER_MARKS = frozenset("ABJKNTVW")
# ... and C or F too after an abbreviation in capitals ("NY 18F", "SR 17C": a road's number; a
# capitalised name before them may be a place with its weather, "London 25C")
_CODE = PATTERNS.compile(r"[A-Z]{2,3}")
_CAMEL_CASE = PATTERNS.compile(r"[a-z]+[A-Z][A-Za-z]*")
_DATE_UNIT_GAP = 2  # a unit further than this after a date's day is not the day's unit
_FRACTION_OF_WINDOW = 28  # "two-thirds of a gallon": the share written before "a"/"an"
_OLD_WINDOW = 5  # " old" after an age in years


@dataclass(slots=True)
class _Figure:
    """What is known about one figure while its claim is read, phase by phase."""

    num: Number
    start: int  # where the claim starts: its sign, currency, qualifier or "between"
    negative: bool = False
    currency: tuple[str, int] | None = None  # (code, start)
    qual: tuple[str, int] | None = None  # (qualifier, start)
    between: re.Match | None = None
    unit: UnitMatch | None = None
    spread: Number | None = None  # "± 0.3", "(4)"
    high_num: Number | None = None  # the other end of a range
    after: int = 0  # where the claim ends so far
    kind: str = "count"
    role: str | None = None
    counted: str | None = None


def _claim_at(reader: _FigureReader, pos: int) -> Claim | None:
    """The claim whose figure starts at ``pos``, or None where the figure is not a claim."""
    fig = _figure_at(reader, pos)
    if fig is None or isinstance(fig, Claim):
        return fig
    _read_spread_and_unit(reader, fig)
    _read_range(reader, fig)
    if not _read_kind(reader, fig) or _rejected_in_context(reader, fig):
        return None
    if fig.kind == "quantity" and fig.unit.unit == "pound" and _pound_is_money(reader, fig):
        fig.unit = UnitMatch("money", None, fig.unit.start, fig.unit.end, fig.unit.text, currency="GBP")
        fig.kind = "money"
    if _rejected_quantity(reader, fig):
        return None
    _read_share_before_article(reader, fig)
    _read_half_after_unit(reader, fig)
    if fig.kind == "quantity" and _names_a_nucleus_or_a_base(reader, fig):
        return None
    return _build_claim(reader, fig)


def _names_a_nucleus_or_a_base(reader: _FigureReader, fig: _Figure) -> bool:
    """An isotope ("12C", "[1-14C]", "14C-triolein": not temperatures) or a base substitution in
    a gene ("703C > T", "854A-- > C", "-142C/G": a position, not a temperature or a current)."""
    unit, num = fig.unit, fig.high_num or fig.num
    if unit.unit in lexicon.TEMPERATURE_UNITS and unit.text in ("C", "F") and _isotope(reader, num, unit):
        return True
    return unit.text in _BASES and unit.start == num.end and \
        _SUBSTITUTED_BY.match(reader.text, unit.end) is not None


_BASES = frozenset("ACGTU")
# What follows the first base of a substitution: the base put in its place.
_SUBSTITUTED_BY = PATTERNS.compile(r"(?:[-–]*[ \u00a0]*[>→]|/)[ \u00a0]*[ACGTU](?![A-Za-z])")


def _pound_is_money(reader: _FigureReader, fig: _Figure) -> bool:
    """Whether a figure in pounds is money: "pounds" near money words, unless a mass is bracketed
    after it ("1,700-pound (770 kg)") or it restates one ("2,000 kg (4,400 pounds)"); "lb" is
    never money, whatever the sentence next to it buys or costs."""
    if fig.unit.text.rstrip(".").lower() in _MASS_ONLY_POUNDS:
        return False
    text = reader.text
    return _money_context(reader, fig.start) and not _MASS_IN_BRACKETS.match(text, fig.unit.end) \
        and not _MASS_BEFORE_BRACKET.search(text, max(0, fig.start - 40), fig.start)


def _figure_at(reader: _FigureReader, pos: int) -> _Figure | Claim | None:
    """The figure at ``pos`` with its scale, sign, currency, qualifier and "between"; a ratio or
    a share written as a fraction is a claim at once."""
    text = reader.text
    num = reader.number_at(pos)
    if num is None or num.end <= num.start:
        return None
    ratio = _ratio(reader, num) if text[num.end : num.end + 1] == ":" else None
    if ratio is not None:
        return _number_claim(reader, ratio)
    fraction = _ascii_fraction(reader, num) if "/" in text[num.end : num.end + _FRACTION_SLASH_WINDOW] else None
    if fraction is not None:
        num, share = fraction
        if share:
            return _number_claim(reader, num)  # "1/10 that of", "1/100th of the material"
    elif not num.is_word and _rejects_digits(reader, num):
        return None
    if num.is_word and _rejects_word(reader, num):
        return None
    num, suffix = reader.with_scale(num)
    if suffix in ("K", "k") and _RACE_AFTER.match(text, num.end):
        num = reader.number_at(pos)  # "a 10K road race": ten kilometres, not ten thousand
    fig = _Figure(num=num, start=num.start)
    _read_sign(reader, fig)
    fig.currency = reader.currency_before(fig.start)
    if suffix in lexicon.MONEY_ONLY_SUFFIXES and fig.currency is None and not _millions_of(text, num.end):
        elided = _elided_currency(text, fig.start, num.end)
        if elided is not None:
            fig.currency = (elided, fig.start)  # "77m euros, up from 38m": 38m euros
        else:
            # "500m" is 500 metres, not half a billion: undo the scale, read "m" as a unit.
            fig.num = reader.number_at(pos)
    if fig.currency:
        fig.start = fig.currency[1]
    fig.qual = reader.qualifier_before(fig.start)
    fig.between = _between_before(text, fig.start)
    return fig


# What a distance in kilometres written "K" names after it: a race ("a 10K road race", "the 5k
# fun run"), not ten thousand of anything.
_RACE_AFTER = PATTERNS.compile(r"[ \u00a0]+(?:road[ \u00a0]+|fun[ \u00a0]+|charity[ \u00a0]+)?(?:races?|runs?|walks?|swims?)\b", re.I)
# What a distance in metres names after it, in the plural: races and who runs them ("the 100m
# finals", "400m heats", "800m runners").
_RACES = frozenset("""hurdle final heat race relay sprint semi-final semi event title medal record lap
pool lane track dash split runner hurdler sprinter swimmer specialist medallist medalist champion
winner star athlete rower""".split())


def _millions_of(text: str, end: int) -> bool:
    """Whether a figure with "m" or "b" attached ("1.5m", "20m") counts millions (billions) of
    what follows: a plural noun ("1.5m people", "20m new homes") or a unit word ("2.3m barrels",
    "3m years"), not metres; a race run over the distance ("the 100m finals") is a length."""
    if text[end : end + 1] not in (" ", "\u00a0"):
        return False
    currency = lexicon.CURRENCY_WORD_RE.match(text, end + 1)
    if lexicon.WORD_UNIT_RE.match(text, end + 1) or (currency and currency.group().lower() != "won"):
        return True  # ("481.42m yuan", "a 650m euro write-down"; not "the 100m won by Bolt")
    words = _WORDS_AFTER_SCALE.match(text, end)
    for word in words.groups() if words else ():
        if word is None:
            return False
        word = word.lower()  # ("1.6m Muslims", "2m Britons")
        if word in lexicon.NUMBER_WORDS or word in lexicon.NOT_COUNTED:
            return False
        singular = singular_noun(word)
        if singular is not None:  # (the noun, or one word before it: "133m text messages")
            return singular not in _RACES and word not in _NOT_NOUNS
    return False


# One or two words after a figure (the second in lower case); plurals that are no nouns.
_WORDS_AFTER_SCALE = PATTERNS.compile(r"[ \u00a0]([A-Za-z][a-z'’-]*)(?:[ \u00a0]([a-z][a-z'’-]*))?")
_NOT_NOUNS = frozenset("indoors outdoors overseas afterwards always downstairs upstairs towards backwards forwards".split())


# A sum of money in millions or billions, then words with no figure that compare another sum
# with it ("77m euros, up from 38m", "£53m against 41m"); brackets between are skipped ("77m euros
# (£53m; $100m), up from 38m": the bracket restates the first sum).
_SCALED_SUM = (r"(?:(?P<sign>US\$|\$|£|€|¥)[ \u00a0]?\d[\d,]*(?:\.\d+)?[ \u00a0]?(?:m|bn|million|billion)"
               r"|\d[\d,]*(?:\.\d+)?(?:m|bn)[ \u00a0]+(?P<word>"
               + "|".join(re.escape(w) for w in sorted(lexicon.CURRENCY_WORDS, key=len, reverse=True)) + r"))\b")
_SUM_THEN_COMPARED = PATTERNS.compile(
    _SCALED_SUM + r"[^\d.!?;:$£€¥()]{0,40}?\b(?:from|to|than|against|versus|vs\.?|compared[ \u00a0]+(?:with|to)"
    r"|and|or)[ \u00a0]+$")
# What may follow a sum whose currency is left to the reader: no word that could count something
# ("the 400m runners", "1.2m viewers"), only punctuation, the end, or a word of time or place.
_AFTER_ELIDED = PATTERNS.compile(
    r"(?:[,.;:)!?]|[ \u00a0]+(?:in|at|for|a|an|last|this|the|on|over|during|since|previously|earlier|"
    r"before|a[ \u00a0]+year)\b|[ \u00a0]*$)")
_BRACKETED = PATTERNS.compile(r"\([^()]*\)")
_ELIDED_WINDOW = 120


def _elided_currency(text: str, start: int, end: int) -> str | None:
    """The currency of a figure in millions with no sign or word of its own that a sum in the same
    currency, just before it in the sentence, is compared with ("77m euros, up from 38m"), else
    None. Only after words that compare two figures, and before none that names a thing."""
    if not _AFTER_ELIDED.match(text, end):
        return None
    window = text[max(0, start - _ELIDED_WINDOW) : start]
    if "(" in window:
        window = _BRACKETED.sub(lambda m: " " * len(m.group()), window)
    found = None
    for found in _SUM_THEN_COMPARED.finditer(window):
        pass  # (the last: the sum nearest the figure)
    if found is None:
        return None
    if found.group("sign"):
        return lexicon.CURRENCY_SYMBOLS[found.group("sign")]
    return lexicon.CURRENCY_WORDS[re.sub(r"\s+", " ", found.group("word").lower())]


def _between_before(text: str, start: int) -> re.Match | None:
    """"between" or "from" right before ``start`` (the search runs only where the window, white
    space aside, ends with the last letter of one of them)."""
    window = text[max(0, start - _BETWEEN_WINDOW) : start]
    if not window[-1:].isspace() or window.rstrip()[-1:] not in _BETWEEN_LAST_LETTERS:
        return None
    return _BETWEEN_BEFORE.search(window)


def _read_sign(reader: _FigureReader, fig: _Figure) -> None:
    """A minus sign or word before a figure in digits: "-5", "(−3", "minus 5"."""
    text, start = reader.text, fig.start
    if fig.num.is_word:
        return
    if text[start - 1 : start] in ("-", "−") and (start < 2 or text[start - 2] in _WS + "(\n" or text[start - 2] in _QUALIFIER_SIGNS):
        fig.negative, fig.start = True, start - 1
        return
    window_start = max(0, start - _MINUS_WINDOW)
    window = text[window_start:start]
    if not window[-1:].isspace() or window.rstrip()[-1:] not in _MINUS_LAST_LETTERS:
        return  # "minus 5": the word's last letter, then white space
    minus = _MINUS_BEFORE.search(window)
    if minus and (minus.group().lower().startswith("minus") or not fig.num.text[-1:].isdigit()
                  or _SIGNED_BY_NEGATIVE.match(text, fig.num.end)):  # (a scale read: "negative 4 million")
        fig.negative, fig.start = True, window_start + minus.start()


# What "negative" signs: a share, a change in points, a temperature or a sum ("negative 4%",
# "a negative 30 basis points", "negative 25 degrees", "negative 4 million"), not a count or
# measure it describes ("blood cultures became negative 3 to 17 days after", "negative 260 nm
# bands").
_SIGNED_BY_NEGATIVE = PATTERNS.compile(
    r"(?:\.\d+)?[ \u00a0]?(?:%|per[ -]?cent|pct|percentage|basis|bps?\b|points?\b|°|degrees?\b|"
    r"(?:million|billion|trillion|mln|bln)\b|cents?\b|dollars?\b|dlrs\b)", re.I)


def _read_spread_and_unit(reader: _FigureReader, fig: _Figure) -> None:
    """The unit after the figure, and a spread before it ("5 ± 0.3 mm", "4.2153(4) Å") or after
    it in the same unit ("46.8% ± 1.6%")."""
    text, num = reader.text, fig.num
    pm = _PLUS_MINUS.match(text, num.end) if "±" in text[num.end : num.end + 2] or "+" in text[num.end : num.end + 2] else None
    um = _UNCERTAINTY.match(text, num.end) if text[num.end : num.end + 1] == "(" and "." in num.text else None
    if pm and fig.currency is None:
        spread = parse_digits(text, pm.end())
        if spread is not None and not _rejects_digits(reader, spread, range_end=True):
            fig.num = num._replace(end=spread.end, text=text[num.start : spread.end])
            fig.spread = spread
    elif um and fig.currency is None:
        # "4.2153(4) Å": the uncertainty in the last digits written
        decimals = len(num.text) - num.text.index(".") - 1
        digits = um.group(1)
        fig.spread = Number(um.start(1), um.end(1), int(digits) * 10.0**-decimals, 0.5 * 10.0**-decimals, digits)
        fig.num = num._replace(end=um.end(), text=text[num.start : um.end()])
    if fig.currency is None:
        fig.unit = _read_unit(reader, fig.num)
    unit = fig.unit
    if unit is not None and fig.spread is None and unit.kind in ("quantity", "percent"):
        sign = text[unit.end : unit.end + _SPREAD_SIGN_WINDOW].strip()[:1]
        pm = _PLUS_MINUS.match(text, unit.end) if sign in ("±", "+") else None
        spread = parse_digits(text, pm.end()) if pm else None
        unit2 = reader.unit_after(spread.end, num=spread) if spread is not None else None
        if unit2 is not None and unit2.unit == unit.unit and unit2.factor == unit.factor:
            fig.unit = unit._replace(end=unit2.end)
            fig.spread = spread


def _read_range(reader: _FigureReader, fig: _Figure) -> None:
    """The other end of a range ("5 to 10 km", "20-30 mm", "between 5 and 10 kilometres"), and a
    currency word after a figure that has no unit ("5 dollars", "20p")."""
    unit = fig.unit
    fig.after = unit.end if unit else fig.num.end
    rng = _range_after(reader, fig.num, unit, fig.between, fig.currency, fig.negative)
    if rng is not None:
        fig.high_num, unit2, fig.num = rng
        if unit is None or (unit2 is not None and unit2.kind == unit.kind):
            fig.unit = unit = unit2 if unit2 is not None else unit
        fig.after = unit.end if unit and unit.end > fig.high_num.end else fig.high_num.end
    if fig.currency is None and fig.unit is None:
        money = reader.money_word_after(fig.high_num.end if fig.high_num else fig.num.end)
        if money:
            fig.unit = money
            fig.after = money.end


def _read_kind(reader: _FigureReader, fig: _Figure) -> bool:
    """The claim's kind; a figure with nothing after it is a count of the noun that follows, a
    multiplier or a bare number — or no claim at all (False)."""
    if fig.currency:
        fig.kind = "money"
    elif fig.unit is not None:
        fig.kind, fig.counted, fig.role = fig.unit.kind, fig.unit.counted, fig.unit.role
    if fig.kind != "count":
        return True
    text, num, high_num = reader.text, fig.num, fig.high_num
    last = (high_num or num).end
    multiple = _MULTIPLE.match(text, last) if text[last : last + _MULTIPLE_WINDOW] in (" t", "-f", " f", "‑f", "fo") else None
    noun = None if multiple else counted_noun(text, last)
    if noun and num.text.lower() == "one" and high_num is None and _plural_before(text, noun[1], noun[0]):
        noun = None  # "if one accounts for", "one theory suggests": the pronoun, or one of a noun
    if multiple or num.text.lower() in _MULTIPLE_WORDS:
        fig.kind = "number"  # "16 times", "three-fold", "5–10 times", "twice": a multiplier
        fig.after = multiple.end() if multiple else last
    elif text[last : last + 1].isalpha():
        return False  # 221B, 3D, 4x4: a name, not a count
    elif noun == "":
        return False  # "two-thirds", "five-star": not a claim
    elif noun is not None:
        fig.counted, fig.after = noun
        if " per " in fig.counted and (density := _density_of_a_noun(reader, last, fig.after)) is not None:
            # "2,232.4 people per square mile (859.8/km²)": a density, restated in other units
            fig.kind, fig.unit, fig.counted = "quantity", density, fig.counted.partition(" per ")[0]
            return True
        if fig.counted in _FRACTION_SHARES and _OF_AFTER.match(text, fig.after):
            return False  # "three quarters of an hour": a share of what follows, not a count
    elif text[last : last + 2].strip()[:1] in ("×", "x") and _PRODUCT_AFTER.match(text, last):
        return False  # "60 × 10 × 3 mm": a factor of a product
    elif _code_or_parameter(text, num.start, last):
        return False  # "0 = less than one day", "F(1, 3.95) = 1.75"
    elif _bare_number_ok(reader, num, high_num, fig.qual):
        fig.kind = "number"  # "p = 0.03", "n = 12", "an odds ratio of 2.84 (1.66–4.88)"
    elif high_num is not None and fig.between is None:
        return False  # "3-1", "5 to 4": scores and tallies, not ranges
    elif not _bare_count_ok(reader, num, fig.qual):
        return False
    return True


def _density_of_a_noun(reader: _FigureReader, start: int, end: int) -> UnitMatch | None:
    """The density unit of a count of a noun per area, "per square mile" in "people per square
    mile" (the noun read from ``start`` to ``end``, where the unit ends), else None."""
    pers = list(_PER.finditer(reader.text, start, end))
    if not pers:
        return None
    density = reader.density_after(pers[-1].start())
    return density if density is not None and density.end == end else None


def _code_or_parameter(text: str, start: int, end: int) -> bool:
    """Whether the number from ``start`` to ``end``, with nothing after it, is a code that a
    scale's key gives a meaning ("0 = less than one day, 1 = 1–2 days"), a term of an equation
    ("2 + 2 = 4"), or a statistic's degrees of freedom ("F(1, 3.95) = 1.75", "t(23) = 2.1"):
    none of them measures or counts anything."""
    if _KEY_AFTER.match(text, end):
        return True
    return text[start - 1 : start] in ("(", ",", " ") and _DF_AFTER.match(text, end) is not None \
        and _DF_BEFORE.search(text, max(0, start - 16), start) is not None


_KEY_AFTER = PATTERNS.compile(r"[ \u00a0]?=(?!=)")
_DF_BEFORE = PATTERNS.compile(r"(?<!\w)(?:[A-Za-z]|χ2|χ²)\([ \u00a0]*(?:\d+(?:\.\d+)?[ \u00a0]*,[ \u00a0]*)?\Z")
_DF_AFTER = PATTERNS.compile(r"[ \u00a0]*(?:,[ \u00a0]*\d+(?:\.\d+)?[ \u00a0]*)?\)[ \u00a0]*[=<>]")


def _may_continue_a_label_list(reader: _FigureReader, fig: _Figure) -> bool:
    """Whether a count may be an item of a label's list before it: a counted noun ends the list
    ("Fig. 10, 350 electrons"), unless "and" or "or" makes a whole number its last item ("phases
    3, 5, and 7 providing baseline measures", not "at week 8 and 6.8 cells/mm3")."""
    num = fig.num
    return fig.counted is None or (
        "." not in num.text and " per " not in fig.counted
        and _LAST_ITEM_BEFORE.search(reader.text, max(0, num.start - 6), num.start) is not None)


_LAST_ITEM_BEFORE = PATTERNS.compile(r"\b(?:and|or)[ \u00a0]+\Z")


def _plural_before(text: str, end: int, singular: str) -> bool:
    """Whether the word ending at ``end`` is a plural, not a noun whose plural is itself
    ("species", "staff"): after "one", such a word is a verb ("one needs", "one finds")."""
    return text[max(0, end - len(singular)) : end].lower() != singular


def _rejected_in_context(reader: _FigureReader, fig: _Figure) -> bool:
    """Years, labels ("Fig. 4", "Voyager 1"), names and the days of dates are not claims."""
    num, kind, unit = fig.num, fig.kind, fig.unit
    if num.text.lower() == "dozen" and reader.prev_word(num.start).lower() in _VAGUE_MULTIPLES:
        return True  # "several dozen villages": an unknown number of dozens, as "several hundred"
    if (kind == "count" or (kind == "quantity" and unit and unit.unit == "year" and fig.role != "age")) and not (
            fig.qual and fig.qual[0] in lexicon.AMOUNT_ONLY_QUALIFIERS and (fig.counted or kind == "quantity")):
        if _looks_like_year(num) and fig.high_num is None and (
                fig.counted is None or fig.counted in _OF_A_YEAR or _year_context(reader, num)):
            return True
        if kind == "count" and _looks_like_year(num) and fig.high_num is not None and _looks_like_year(fig.high_num):
            return True
    if kind == "count" and (
        _section_number(reader, num)
        or abbreviated_year(reader.text, num.start, num.end)
        or _is_label_word_before(reader, num.start, in_list=_may_continue_a_label_list(reader, fig))
        or (_is_name_before(reader, num.start) and not _an_amount(reader, fig))
        or _is_date_part(reader, num, counts_a_noun=fig.counted is not None)
    ):
        return True
    if kind not in ("count", "money") and _is_date_part(reader, num) and unit and unit.start > num.end + _DATE_UNIT_GAP:
        return True
    if kind == "money" and fig.currency is None and _looks_like_year(num) and unit is not None \
            and unit.text.lower() in _MONEY_OF_A_YEAR and reader.prev_word(num.start).lower() in _BEFORE_MONEY_OF_A_YEAR:
        return True  # "in 2010 dollars": money valued as in that year
    # "Fig. 7p": panel p of a figure, not seven pence
    return kind == "money" and fig.currency is None and unit is not None and unit.text == "p" and _is_label_word_before(reader, num.start)


def _section_number(reader: _FigureReader, num: Number) -> bool:
    """Whether a decimal opening a line or a sentence, a capitalised word after it, numbers a
    section ("5.3 Handling Non-Local Features", a heading, or one run into its text): nobody
    counts 5.3 of a thing in title case. (A scale makes a whole number: "2.5 Million Americans".)"""
    if num.is_word or "." not in num.text or num.value == int(num.value):
        return False
    text = reader.text
    if _CAPITALISED_AFTER.match(text, num.end) is None:
        return False
    # a sentence's or a paragraph's start, not a wrapped line's ("now stands at\n21.95 Canadian dlrs")
    before = text[max(0, num.start - 8) : num.start].rstrip(" \t")
    return num.start < 2 or before.endswith("\n\n") or before.rstrip()[-1:] in (".", "!", "?")


_VAGUE_MULTIPLES = frozenset(("several", "few", "many", "some"))
# What a year is the year of, written after it: "below 1990 levels", "the 2004 figures", "at 1986
# prices" (no count of levels, figures or prices).
_OF_A_YEAR = frozenset("level figure price value term standard peak high low average baseline census budget".split())
# Money valued as in a year: "in 2010 dollars", "constant 1990 pounds".
_MONEY_OF_A_YEAR = frozenset("dollars pounds euros yen".split())
_BEFORE_MONEY_OF_A_YEAR = frozenset("in constant real".split())


def _an_amount(reader: _FigureReader, fig: _Figure) -> bool:
    """Whether a count after a capitalised word is an amount rather than the number a name
    gives ("Voyager 1", "BA 286", "Python 3.11"): a sum counted in a currency's noun ("Shr 80
    cts"), or a figure written with a scale or with thousands separated ("Revs 290.9 mln", "Net
    55,513,000": the rows of a results table)."""
    return fig.counted in lexicon.MONEY_NOUNS or _written_as_an_amount(reader, fig.num)


def _written_as_an_amount(reader: _FigureReader, num: Number) -> bool:
    """A figure written with thousands separated or with a scale ("55,513,000", "290.9 mln"):
    an amount, not the number a name gives ("Voyager 1", "BA 286"), unless a code in capitals
    comes before it ("RP 67,580", an antagonist)."""
    if num.is_word or _CODE.fullmatch(reader.prev_word(num.start)):
        return False
    return num.has_separator or _SCALE_WRITTEN.search(num.text) is not None


_SCALE_WRITTEN = PATTERNS.compile(r"[\d.][ \u00a0]*(?:mln|bln|bn|m|million|billion|trillion|thousand)\Z", re.I)


def _rejected_quantity(reader: _FigureReader, fig: _Figure) -> bool:
    if fig.kind != "quantity":
        return False
    text, num, unit = reader.text, fig.num, fig.unit
    if _unit_in_a_title(reader, num, unit):
        return True
    if unit.end - unit.start == 1 and unit.start == num.end and text[unit.start] in "CF" \
            and _CAMEL_CASE.fullmatch(reader.prev_word(num.start)):
        return True  # "iPhone 5C": a product's model after a name written in camel case
    # "Fig. 4A", "Apollo 11b": a panel or a model's letter, attached to a label's whole number ("runs
    # 34 km", "room 6 m (20 ft)", "Reaching 24 cm", "runs 34.76 mi" are measures)
    if (unit.end - unit.start) <= _SHORT_UNIT and unit.start == num.end and "." not in num.text and (
        _is_label_word_before(reader, num.start)
        or ((not text[num.end : num.end + 1].isalpha()  # ("Anderson Cooper 360°")
             or (unit.end - unit.start == 1 and (
                 text[unit.start] in _LETTER_MARKS
                 or (text[unit.start] in "CF" and _CODE.fullmatch(reader.prev_word(num.start))))))
            and _is_name_before(reader, num.start)
            and reader.prev_word(num.start) not in lexicon.ELEMENT_SYMBOLS)
        # a subscript in a name written with brackets: "adenosine A(2A)", "15-F(2t)-isoprostane"
        or (num.start >= 2 and text[num.start - 1] == "(" and text[num.start - 2].isalnum())
    ):
        return True
    # "a foot of 180 millimetres": the thing measured, not a measure
    return num.text.lower() in ("a", "an") and bool(_OF_FIGURE.match(text, unit.end))


def _read_share_before_article(reader: _FigureReader, fig: _Figure) -> None:
    """"two-thirds of a gallon", "a third of a mile", "three quarters of an hour": the share
    written before "a"/"an" is the figure."""
    num = fig.num
    if fig.kind != "quantity" or num.text.lower() not in ("a", "an"):
        return
    text = reader.text
    part = _FRACTION_OF.search(text, max(0, num.start - _FRACTION_OF_WINDOW), num.start)
    if part:
        share = _FRACTION_SHARES[part.group(2).lower().rstrip("s")]
        count = lexicon.SMALL_NUMBERS.get((part.group(1) or "one").lower(), 1)
        fig.num = Number(part.start(), num.end, count * share, share / 4, text[part.start() : num.end], is_word=True)
        fig.start = min(fig.start, part.start())


# "a mile and a half", "two hours and a half": the half after the unit is the figure's.
AND_A_HALF = PATTERNS.compile(r"[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half(?![\w\-‑])")


def _read_half_after_unit(reader: _FigureReader, fig: _Figure) -> None:
    """A figure and its unit followed by "and a half" ("a mile and a half (2.4 km)") is the
    figure plus one half, as "one and a half miles" is (read to the quarter either way)."""
    unit = fig.unit
    if fig.kind != "quantity" or unit is None or fig.high_num is not None or fig.spread is not None \
            or fig.after != unit.end or fig.num.value % 1:
        return
    half = AND_A_HALF.match(reader.text, unit.end)
    if half is not None:
        fig.num = fig.num._replace(value=fig.num.value + 0.5, rounding=0.125)
        fig.after = half.end()


def _build_claim(reader: _FigureReader, fig: _Figure) -> Claim | None:
    """The claim's span, values and unit, from everything read about its figure."""
    text, kind, unit = reader.text, fig.kind, fig.unit
    between = fig.between if fig.high_num is not None else None  # "from 5%" alone: not part of it
    start = fig.start
    if between:
        start = min(start, max(0, start - _BETWEEN_WINDOW) + between.start(1))
    if fig.qual and not between:
        start = min(start, fig.qual[1])
    num, end = fig.num, fig.after
    # compound imperial: "5 ft 11 in", "47 feet 3 inches", "2 hours 30 minutes"
    if kind == "quantity" and fig.high_num is None:
        compound = _compound(reader, num, unit)
        if compound:
            num, unit, end = compound
    qualifier = fig.qual[0] if fig.qual and not between else None
    value, low, high, rounding = _figure_values(fig, num, unit, qualifier)
    currency = fig.currency
    if kind == "money" and currency is None and unit is not None:
        currency = (unit.currency, unit.start)
    try:
        pint_unit, dimension = _unit_and_dimension(kind, unit, currency)
    except units.UnreadableUnit:
        return None  # (no claim rather than no file: the rest of the text is still read)
    role = fig.role
    if kind == "quantity" and pint_unit in lexicon.TEMPERATURE_UNITS and _names_a_change_of_temperature(text, start, end):
        pint_unit = lexicon.DELTA_OF[pint_unit]
        role = "delta"
    if role == "age" or (kind == "quantity" and pint_unit == "year" and _OLD_AFTER.match(text[end : end + _OLD_WINDOW])):
        role = "age"
        old = _OLD_AFTER.match(text[end : end + _OLD_WINDOW])
        if old:
            end += old.end()
    claim_text = text[start:end]
    if _spans_paragraphs(claim_text):  # a claim never spans paragraphs
        return None
    offset = reader.offset
    return claim_of([  # every field of Claim, in its order
        start + offset,  # start
        end + offset,  # end
        claim_text,  # text
        value,
        low,
        high,
        pint_unit,  # unit
        dimension,
        kind,
        qualifier,
        fig.counted,  # counted
        None,  # converted_from (set by _link)
        unit.text if unit is not None and kind in ("quantity", "percent") else None,  # unit_text
        unit.start + offset if unit is not None else None,  # unit_start
        unit.end + offset if unit is not None else None,  # unit_end
        text[num.start : (fig.high_num or num).end],  # number_text
        rounding,
        fig.high_num is not None,  # is_range
        qualifier is not None and lexicon.QUALIFIERS.get(qualifier) == "approx",  # is_estimate
        role,
    ])


def _figure_values(fig: _Figure, num: Number, unit: UnitMatch | None, qualifier: str | None) -> tuple[float, float, float, float]:
    """(value, low, high, rounding): a spread or a range widens the figure, a unit's factor
    ("cents") scales it, and a qualifier ("at least") opens one bound."""
    value = num.value * (-1 if fig.negative else 1)
    rounding = num.rounding
    low = high = value
    if fig.spread is not None:
        low, high = value - fig.spread.value, value + fig.spread.value
        rounding = fig.spread.rounding
    if fig.high_num is not None:
        low, high = sorted((value, fig.high_num.value))
        value = (low + high) / 2
        rounding = max(num.rounding, fig.high_num.rounding)
    factor = unit.factor if unit is not None else 1.0
    if factor != 1.0:
        value, low, high, rounding = value * factor, low * factor, high * factor, rounding * factor
    return (value, *qualified_bounds(qualifier, value, low, high), rounding)


def _number_claim(reader: _FigureReader, num: Number) -> Claim:
    """A pure number (a ratio) with the qualifier written before it."""
    qual = reader.qualifier_before(num.start)
    start = qual[1] if qual else num.start
    qualifier = qual[0] if qual else None
    low, high = qualified_bounds(qualifier, num.value, num.value, num.value)
    return Claim(
        start=start + reader.offset, end=num.end + reader.offset, text=reader.text[start : num.end], value=num.value, low=low, high=high,
        unit=None, dimension="dimensionless", kind="number", qualifier=qualifier,
        number_text=num.text, rounding=num.rounding,
        is_estimate=qualifier is not None and lexicon.QUALIFIERS.get(qualifier) == "approx",
    )


def _rejects_word(reader: _FigureReader, num: Number) -> bool:
    text = reader.text
    after = text[num.end : num.end + 12]
    # "two-thirds", "ten-fold", "one-off", "five-star" (hyphenated non-unit words are checked later)
    if _FRACTION_COMPOUND.match(after):
        return True
    lw = num.text.lower()
    if lw in ("one", "a", "an"):
        # "one of", "one day", "no one": only "a"/"one" before a unit is a figure
        return False
    # A capitalised number word inside a sentence is part of a name ("the Group of Seven", "the
    # Six Nations Championship", "the Seven Years' War").
    if num.text[0].isupper() and not reader.at_sentence_start(num.start) and num.value < 100:
        prev = reader.prev_word(num.start)
        return bool(prev and prev[0].isupper() or not prev or _TITLE_WORD_AFTER.match(text, num.end))
    return False


# A word in title case after a number word: "Six Nations", "Four Kings" (not "Four GW").
_TITLE_WORD_AFTER = PATTERNS.compile(r"[ \u00a0]+[A-Z][a-z]+\b")


def _isotope(reader: _FigureReader, num: Number, unit: UnitMatch) -> bool:
    """A mass number written before an element symbol ("13C", "[11C]PK11195", "14C ages")."""
    text = reader.text
    if unit.start != num.end or num.has_separator or "." in num.text or num.value > 300:
        return False
    if text[num.start - 1 : num.start] in ("[", "δ", "Δ", "^"):
        return True
    after = _ISOTOPE_AFTER.match(text, unit.end)
    if after is not None and after.group(0) == "/" and unit.unit in lexicon.TEMPERATURE_UNITS:
        # "30C/86F" is a temperature in two scales; a ratio of isotopes is of one element ("13C/12C")
        other = _OTHER_SCALE.match(text, after.end())
        return other is None or other.group(1) == unit.text[-1:]
    return after is not None


def _bare_number_ok(reader: _FigureReader, num: Number, high: Number | None, qual) -> bool:
    """A figure with no unit and no noun that is still a measurement: a value given to a
    variable or compared with one ("n = 12", "p < .001", "r2=0.92", "≥16"), or a number with
    decimals ("an odds ratio of 2.84", "1.66–4.88"), which no one writes to label a thing."""
    if num.is_word:
        return False
    text = reader.text
    before = text[max(0, num.start - 3) : num.start].rstrip()
    if before[-1:] in ("=", "<", ">", "≤", "≥", "≈", "∼", "~", "≲", "≳"):
        ok = not _looks_like_year(num)
    elif qual is not None and qual[0] in _QUALIFIER_SIGNS:
        ok = True
    elif reader.prev_word(num.start) == "pH" or text[max(0, num.start - 3) : num.start] in ("pH∼", "pH~", "pH="):
        ok = True  # "pH 7–8", "pH∼2": an acidity is a number on its own scale
    else:
        decimals = "." in num.text or (high is not None and "." in high.text)
        # "(2.1)", "[3.4]": numbered sections and equations
        ok = decimals and not (text[num.start - 1 : num.start] in ("(", "[") and text[(high or num).end : (high or num).end + 1] in (")", "]"))
    if not ok or _is_date_part(reader, num) or _a_version(reader, num):
        return False
    return reader.prev_word(num.start).rstrip(",:") in lexicon.STATISTIC_ABBREVIATIONS or \
        not _is_label_before(reader, num.start) or (
            not _is_label_word_before(reader, num.start) and _written_as_an_amount(reader, num))


# "the version from 1.2 to 1.3", "Rust version to 1.83"; "from Python 3.8 to 3.11", "versions
# 2.1 and 2.2": a version, or the second of two joined to one.
_VERSION_AND_PREPOSITION = PATTERNS.compile(
    r"\b(?:version|versions|release|releases|v)[ \u00a0]+(?:from|to)[ \u00a0]+$", re.IGNORECASE)
_DECIMAL_JOINED = PATTERNS.compile(r"(?<![\w.])\d{1,4}(?:\.\d{1,3})+[ \u00a0]+(?:to|and|or)[ \u00a0]+$")


def _a_version(reader: _FigureReader, num: Number) -> bool:
    """Whether a bare decimal numbers a version: after "version from/to", or joined by "to",
    "and" or "or" to a decimal that does, or that a name numbers ("Python 3.8 to 3.11"). (Items
    of a label's list, "sections 3.3 and 3.4", are read by _is_label_word_before.)"""
    text = reader.text
    if _VERSION_AND_PREPOSITION.search(text, max(0, num.start - 30), num.start):
        return True
    if "." not in num.text:
        return False
    pair = _DECIMAL_JOINED.search(text, max(0, num.start - 24), num.start)
    if pair is None:
        return False
    first = pair.start()
    return bool(_VERSION_AND_PREPOSITION.search(text, max(0, first - 30), first)) or _is_name_before(reader, first)


def _ascii_fraction(reader: _FigureReader, num: Number) -> tuple[Number, bool] | None:
    """"10 1/2 miles", "3/4 inch", "1/10 that of": a fraction typed with a slash, read only
    before a unit or as a share ("of", "that", "th"), never alone ("3/4" is also a date).
    Returns (number, is_share)."""
    if num.is_word or "." in num.text or num.has_separator:
        return None
    text = reader.text
    mixed = _MIXED_FRACTION.match(text, num.end)
    if mixed:
        n, d = int(mixed.group(1)), int(mixed.group(2))
        if not 0 < n < d <= 64:
            return None
        frac = Number(num.start, mixed.end(), num.value + n / d, _fraction_rounding(d), text[num.start : mixed.end()])
    else:
        simple = _SIMPLE_FRACTION.match(text, num.end)
        if not simple or text[num.start - 1 : num.start] in ("/", "-"):
            return None
        d = int(simple.group(1))
        if not 0 < num.value < d or d > 1000:
            return None
        frac = Number(num.start, simple.end(), num.value / d, _fraction_rounding(d), text[num.start : simple.end()])
    share = _SHARE_AFTER.match(text, frac.end)
    if share and not mixed:
        if share.group(1):
            frac = frac._replace(end=frac.end + len(share.group(1)), text=text[frac.start : frac.end + len(share.group(1))])
        return frac, True
    unit = reader.unit_after(frac.end, num=frac)
    if unit is None or unit.kind != "quantity":
        return None
    return frac, False


def _fraction_rounding(den: int) -> float:
    """A fraction is written as exactly as a ruler reads (to a 16th at least): "1/2 in" is not
    "anything from 1/4 to 3/4 in", as half a step of its own denominator would say."""
    return min(0.5 / den, 1 / 32)


def _ratio(reader: _FigureReader, num: Number) -> Number | None:
    """"1:60", "∼1:1000", "93:7 (v/v)": a ratio where the words around say so (not a time)."""
    m = _RATIO.match(reader.text, num.end)
    if m is None or num.is_word or num.has_separator:
        return None
    signed = reader.text[max(0, num.start - 1) : num.start] in _QUALIFIER_SIGNS
    clock = num.value <= 24 and len(m.group(1)) == 2 and float(m.group(1)) < 60
    # a time ("10:30") is a ratio only with the word right before it ("diluted 1:10")
    window = reader.text[max(0, num.start - (14 if clock else 48)) : m.end() + (8 if clock else 48)]
    if not (signed or _RATIO_CONTEXT.search(window)):
        return None
    right = float(m.group(1))
    if right == 0:
        return None
    return Number(num.start, m.end(), num.value / right, num.rounding / right, reader.text[num.start : m.end()])


def _bare_count_ok(reader: _FigureReader, num: Number, qual) -> bool:
    """A figure with nothing after it counts only where a reader would take it as a count."""
    if num.is_word:
        if num.value <= 1:
            return False
        return _refers_back(reader, num.start) or bool(_PART_OF.match(reader.text, num.end))
    if num.value != int(num.value) or num.value < 0:
        return False  # a bare decimal is a score, a magnitude or a p-value, not a count
    if _is_label_word_before(reader, num.start) or (
            _is_name_before(reader, num.start) and not _written_as_an_amount(reader, num)):
        return False
    text = reader.text
    before = _sign_before(text, num.start)
    if before in ("=", "<", ">", "≤", "≥", "≈", "^", "[", "§", "¶"):
        return False  # n = 12, p < 0.05, [12]
    after = _after_in_paragraph(text, num.end)[:2]  # a paragraph's end reads as the text's end
    if after[:1] in ("]",) or (before == "(" and after[:1] == ")") or (before == "{" and after[:1] == "}"):
        return False  # citations and list markers: [12], (3); a crystal's planes: {111}
    if _LIST_MARK.match(after) and _first_on_line(text, num.start):
        return False  # "1. " or "2) " at the start of a line numbers a list
    if after[:1] == ")" and not _inside_brackets(text, num.start):
        return False  # "into 6 groups 1) saline, 2) NTG, …": markers of a list in a sentence
    nxt = _CAPITALISED_AFTER.match(text[num.end : num.end + 24])
    if nxt:
        return False  # "737 MAX", "Boeing 747 Dreamliner": part of a name
    return True


def _sign_before(text: str, pos: int) -> str:
    """The character written just before a figure, spaces aside ("=" in "n = 12"), or ""."""
    return text[max(0, pos - 3) : pos].rstrip()[-1:]


def _inside_brackets(text: str, pos: int) -> bool:
    """Whether a bracket opened before ``pos`` on its line is still open there."""
    depth = 0
    for k in range(pos - 1, max(-1, pos - 241), -1):  # (back to the line's start, at most 240)
        c = text[k]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return True
            depth -= 1
        elif c == "\n":
            break
    return False


def _spans_paragraphs(text: str) -> bool:
    """Whether a paragraph break is in ``text`` (every break has a line break: the cheap test,
    which spares a search between each two figures of dense input)."""
    return _may_hold_break(text) and _break_pattern(text).search(text) is not None


# A paragraph break in text with no "\r": one literal first character, so the engine jumps from
# newline to newline (PARAGRAPH_BREAK tries three forms at every character).
_LF_BREAK = PATTERNS.compile(r"\n[ \t]*\n")


def _break_pattern(text: str) -> re.Pattern:
    return PARAGRAPH_BREAK if "\r" in text else _LF_BREAK


def _may_hold_break(text: str) -> bool:
    """Whether ``text`` has the two line breaks every paragraph break has ("\\n…\\n", "\\r…\\r",
    "\\r\\n…\\r\\n"): the cheap test before a search. Wrapped prose has one in most windows."""
    return ("\n" in text and text.count("\n") > 1) or ("\r" in text and text.count("\r") > 1)


def _after_in_paragraph(text: str, pos: int) -> str:
    """Up to 3 characters after ``pos``, stopping at a blank line: the end of a paragraph reads
    as the end of the text, so a paragraph gives the same claims alone (as the language server
    reads it) as inside its document (issue #8, found by fuzzing the server's document sync)."""
    after = text[pos : pos + 3]
    for i, ch in enumerate(after):
        if ch in "\r\n" and PARAGRAPH_BREAK.match(text, pos + i):
            return after[:i]
    return after


def _first_on_line(text: str, pos: int) -> bool:
    """Whether only white space comes before ``pos`` on its line.

    (Robustness, issue #8: this looks back over white space only; taking the whole line from
    its start made a long line of bare figures quadratic — found by fuzz/fuzz_figcheck.py.)"""
    i = pos
    while i > 0 and text[i - 1] not in "\n\r" and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in "\n\r"  # "\r" alone ends a line too (old Mac text)


def _refers_back(reader: _FigureReader, pos: int) -> bool:
    """"Five people were killed and nine injured": a bare number after a counted one."""
    window = reader.text[max(0, pos - 120) : pos]
    cut = window.rfind(". ")
    window = window[cut + 1 :] if cut >= 0 else window
    gaps = list(PARAGRAPH_BREAK.finditer(window))  # only this paragraph's words (any blank line)
    if gaps:
        window = window[gaps[-1].end() :]
    if not _COUNTED_BEFORE.search(window):
        return False
    return bool(_JOINER_BEFORE.search(window))


def _year_context(reader: _FigureReader, num: Number) -> bool:
    if _sign_before(reader.text, num.start) == "=":
        return False  # "N = 1000 particles": a value given, never a year
    word = reader.prev_word(num.start).lower()
    return word in lexicon.YEAR_PREPOSITIONS or word in _POSSESSIVES or word.endswith(("'s", "\u2019s")) or not word


# "its 1986 results", "the company's 1987 profits": a count in the thousands after a possessive
# would be written with a comma ("its 1,986 employees"); a year is not.
_POSSESSIVES = frozenset("its their his her our my your whose".split())


_FALLING_RANGE_SPAN = 4


def _measured(reader: _FigureReader, first: Number, num: Number) -> bool:
    """Whether ``num``, after ``first`` and a dash, is the low end of a range written falling
    ("16–12 Ma", or a slip: "27–30 cm (16–12 in)"): a unit of measurement follows it, and it is
    written in full (not a score or a label, "won 3-1", "[24-14C]"; nor an end cut short,
    "950-100 lb" for 950 to 1,100, which leaves a tenth or less of the other end, where a
    falling range spans a few times at most)."""
    if len(num.digits) < len(first.digits) or num.value * _FALLING_RANGE_SPAN < first.value:
        return False
    unit = _read_unit(reader, num)
    return unit is not None and unit.kind == "quantity" and not _isotope(reader, num, unit)


def _read_unit(reader: _FigureReader, num: Number) -> UnitMatch | None:
    text = reader.text
    end = num.end
    # "62-year-old"
    age = _AGE.match(text[end : end + 14]) if text[end : end + 1] in ("-", "‑") else None
    if age:
        return UnitMatch("quantity", age.group(1).lower(), end + 1, end + 1 + len(age.group(1)) + (1 if text[end + 1 + len(age.group(1))] in "sS" else 0), age.group(1), role="age")
    # feet and inches written with marks: 5'11", 5′ 11″ (read whole by _compound)
    if text[end : end + 1] in ("'", "′") and _INCHES_MARK.match(text[end : end + 8]):
        return UnitMatch("quantity", "foot", end, end + 1, text[end])
    if text[end : end + 1] in ("K", "k") and _RACE_AFTER.match(text, end + 1):
        return UnitMatch("quantity", "kilometer", end, end + 1, text[end])  # "a 10K race", "the 5k run"
    unit = reader.unit_after(end, num=num)
    if unit is None:
        return None
    # adjectival hyphen with a non-unit continuation ("5-star"): unit_after only matched units.
    return unit


# A unit's name capitalised inside a title or a name (no measure), in text not in title case:
# "the film 3000 Miles to Graceland", "400 Stones of Remembrance", "the Six-Day War", "a cameo
# in 24 Hour Party People", or in quotes (CBS' "60 Minutes"). Units named after people are often
# capitalised in error ("100 Watts of Power"): they stay measures.
_TITLE_GOES_ON = PATTERNS.compile(r"[ \u00a0]+(?:(?:of|to|and|the|in|for|on|at|from)[ \u00a0]+)?[A-Z][a-z]")
_EPONYMOUS_UNITS = frozenset("""watt joule newton kelvin pascal volt ampere amp ohm hertz tesla
henry farad coulomb siemens weber gray sievert becquerel celsius fahrenheit curie gauss""".split())


def _unit_in_a_title(reader: _FigureReader, num: Number, unit: UnitMatch) -> bool:
    """Whether ``unit`` is a word of a title or a name (see _TITLE_GOES_ON), not a measure's."""
    word = unit.text
    if len(word) < 3 or not (word[0].isupper() and word[1:].islower()) or unit.kind != "quantity":
        return False
    if word.lower() not in lexicon.WORD_UNITS or lexicon.WORD_UNITS[word.lower()].split(" ")[0] in _EPONYMOUS_UNITS:
        return False
    text = reader.text
    if _OPENING_QUOTE.search(text, max(0, num.start - 2), num.start):
        return True  # a title in quotes: "60 Minutes", “6 Degrees of Kevin Bacon”
    before = reader.prev_word(num.start)
    return bool(before) and before[0].islower() and _TITLE_GOES_ON.match(text, unit.end) is not None


_OPENING_QUOTE = PATTERNS.compile(r"(?:^|(?<=\s))[\"“‘]\Z|(?<=\s)'\Z")


def _range_after(reader: _FigureReader, num: Number, unit: UnitMatch | None, between, currency, negative: bool = False):
    """A second figure making a range with the first: (other end as a signed Number, unit after it).
    The ends may come in either order when the words say it is a range ("between 11.8 m and
    11.5 m", "from 2632 to 2618 m") or both carry a unit; negative ends keep their sign."""
    text = reader.text
    pos = unit.end if unit else num.end
    k = pos
    while k < len(text) and text[k] in _RANGE_SPACE:
        k += 1
    if text[k : k + 1] not in _RANGE_SEP_FIRST:
        return None
    m = _RANGE_SEP.match(text[pos : pos + 16])
    if not m:
        return None
    sep = m.group(0).strip().lower()
    if between and sep != "and":
        if not (between.group(1).lower() == "from" and sep in ("to", "-", "–")):
            return None
    # "between 8 and 12 inches (200 and 300 mm)": a bracket restates a range in its words
    bracketed_and = not between and sep == "and" and _BETWEEN_THEN_BRACKET.search(text, max(0, num.start - 64), num.start)
    if not between and sep == "and" and not bracketed_and:
        return None
    from_or_to = (between.group(1).lower() == "from") if between else sep in ("to", "through", "till", "until")
    if from_or_to and _CHANGE_WORDS.search(text[max(0, num.start - 40) : num.start]):
        return None  # "rose from 5% to 8%", "fell 3.2 per cent to 412p": two figures
    if sep == "or" and (unit is not None or num.value >= 100):
        return None
    if sep == "-" and m.group(0) != sep:
        return None  # "5 - 3" with spaces is arithmetic or a score
    j = pos + m.end()
    if currency:
        sym = _CURRENCY_SYMBOL.match(text[j : j + 4])
        if sym:
            j += sym.end()
    if j >= len(text):
        return None
    c = text[j]
    negative_high = negative and c in ("-", "−") and text[j + 1 : j + 2].isdigit()
    if negative_high:
        j += 1
        c = text[j]
    if num.is_word:
        if not c.isalpha():
            return None
        high = parse_words(text, j)
    else:
        if not (c.isdigit() or c == "."):
            return None
        high = parse_digits(text, j)
        if high is not None and _rejects_digits(reader, high, range_end=True):
            return None
    if high is None:
        return None
    scaled = _scaled_ends(reader, num, high, currency)
    if scaled is None:
        return None
    num, high = scaled
    low_value = -num.value if negative else num.value
    high_value = -high.value if negative_high else high.value
    unit2 = _read_unit(reader, high) if not currency else None
    if bracketed_and and not (unit2 is not None and _BRACKET_CLOSE.match(text, unit2.end)):
        return None
    if high_value == low_value:
        return None
    if high_value < low_value and (sep == "or" or not (between is not None or (unit2 is not None and unit2.kind == "quantity"))):
        return None  # (an "or" range is written rising, "two or three": "9 or 4.8 months" are two)
    if sep == "or" and _RESPECTIVELY.match(text, (unit2 or high).end):
        return None  # "for 6 or 12 months, respectively": two figures, one for each thing
    if negative_high:
        high = high._replace(start=high.start - 1, value=high_value, text=text[high.start - 1 : high.end])
    if unit is not None and unit2 is not None and unit.kind == "quantity" and unit2.kind == "quantity" \
            and unit.unit != unit2.unit:
        num = _end_in_unit(num, unit.unit, unit2.unit, sep)
        if num is None:
            return None
    if unit is not None and unit2 is None:
        return None  # "5 km to 10", "3.2 per cent to 412p": not a range
    if unit is not None and unit2 is not None and unit.kind != unit2.kind:
        return None  # "7.25 pct to 15.8 mln barrels per day": a change, then what it came to
    return high, unit2, num


def _scaled_ends(reader: _FigureReader, num: Number, high: Number, currency) -> tuple[Number, Number] | None:
    """A range's ends with the scale word after its high end: "3 to 4 million tonnes" scales both
    ("500,000 to 1 million" has a low end of its own), as does a power of ten ("4 to 65 × 10⁹/L");
    None for a year, then a figure ("in 1987 to 139.46 billion")."""
    power = power_of_ten(high)
    if power != 1.0 and power_of_ten(num) == 1.0 and num.value * power <= high.value:
        num = num._replace(value=num.value * power, rounding=num.rounding * power)
    scaled, suffix = reader.with_scale(high)
    if scaled is high or not (currency or suffix not in lexicon.MONEY_ONLY_SUFFIXES):
        return num, high
    if num.value <= high.value and not _ENDS_WITH_SCALE.search(num.text) and parse_scale_word(reader.text, num.end) is None:
        factor = scaled.value / high.value if high.value else 1.0
        num = num._replace(value=num.value * factor, rounding=num.rounding * factor)
    elif num.value * _RANGE_ENDS_APART < scaled.value:
        return None
    return num, scaled


def _end_in_unit(num: Number, unit: str, to: str, sep: str) -> Number | None:
    """A range's low end in its high end's unit ("ten days to two weeks" is 1.4 to 2 weeks), or
    None when the two are not one range: another kind of quantity, a temperature, or a compound
    measure ("five-foot-two-inch"), or ends in two systems ("12 miles – 19 km": a figure and its
    equivalent, not a range)."""
    if sep == "-" or unit in lexicon.TEMPERATURE_UNITS or units.dimension(unit) != units.dimension(to):
        return None
    system = units.system(unit)
    if system is not None and units.system(to) not in (None, system):
        return None
    factor = units.convert(1.0, unit, to)
    return num._replace(value=num.value * factor, rounding=num.rounding * factor)


# A range's ends are within this factor of each other when only the high end has a scale
# word of its own ("500,000 to 1 million").
_RANGE_ENDS_APART = 1000
_RESPECTIVELY = PATTERNS.compile(r",?[ \u00a0]+respectively\b", re.I)


def _compound(reader: _FigureReader, num: Number, unit: UnitMatch):
    """The smaller unit of a compound measure: (number in it, its unit, end)."""
    pairs = {
        "foot": ("inch", 12), "pound": ("ounce", 16), "stone": ("pound", 14),
        "hour": ("minute", 60), "minute": ("second", 60), "yard": ("foot", 3),
    }
    if unit.unit not in pairs:
        return None
    small, ratio = pairs[unit.unit]
    text = reader.text
    j = reader.skip_ws(unit.end, 0)
    if small == "inch" and text[unit.end : unit.end + 1] in ("-", "‑"):
        # "6-foot-2", "5-foot-11", "five-foot-five inch": the inches straight after the feet
        first = text[unit.end + 1 : unit.end + 2]
        n2 = parse_digits(text, unit.end + 1) if first.isdigit() else \
            parse_words(text, unit.end + 1) if num.is_word and first.isalpha() else None
        if n2 is not None and n2.value < 12 and not text[n2.end : n2.end + 1].isalnum():
            end = n2.end
            if n2.is_word:  # (in words, the unit may follow: "five-foot-five inch")
                k = end + (1 if text[end : end + 1] in ("-", "‑") and text[end + 1 : end + 2] == "i" else 0)
                im = _INCH_UNIT.match(text, k) if text[k : k + 3].strip()[:1] == "i" else None
                end = im.end() if im else end
            merged = Number(num.start, end, num.value * 12 + n2.value, _part_rounding(n2, "inch"), text[num.start : end])
            return merged, UnitMatch("quantity", "inch", n2.start, end, ""), end
    am = _AND.match(text[j : j + 7])
    if am:
        j += am.end()
    elif text[j : j + 1] == ",":  # "five foot, six inches", "2 hours, 30 minutes"
        j = reader.skip_ws(j + 1, 0)
    if j >= len(text):
        return None
    if text[j].isdigit():
        n2 = parse_digits(text, j)
    elif num.is_word and text[j].isalpha():  # (words after words: "five foot six")
        n2 = parse_words(text, j)
    else:
        return None
    if n2 is None or n2.value >= ratio:
        return None
    k = n2.end
    if small == "inch":
        im = _INCH_UNIT.match(text[k : k + 8])
        if not im:
            return None
        u2 = UnitMatch("quantity", "inch", k, k + im.end(), im.group(0).strip())
    else:
        u2 = reader.unit_after(k, allow_hyphen=False)
        if u2 is None or u2.unit != small:
            return None
    total = num.value * ratio + n2.value
    merged = Number(num.start, n2.end, total, _part_rounding(n2, small), text[num.start : n2.end])
    return merged, UnitMatch("quantity", small, u2.start, u2.end, u2.text), u2.end


def _part_rounding(part: Number, unit: str) -> float:
    """The rounding of a compound measure's smaller part: "5 ft 10 in" is 70 inches to the inch,
    not 65-75 as a lone "10" with its trailing zero would read. Minutes and seconds keep the
    generous reading ("2 hours 30 minutes" is often a round half hour)."""
    if unit in ("minute", "second"):
        return part.rounding
    return min(part.rounding, 0.5)


def _words_of(pattern: re.Pattern) -> list[str]:
    """The words of a pattern written "\\b(?:w1|w2|...)\\b", a "d?" at a word's end read as
    both spellings ("increased?": "increase" and "increased")."""
    words = []
    for word in pattern.pattern[len(r"\b(?:") : -len(r")\b")].split("|"):
        words += [word[:-2], word[:-1]] if word.endswith("?") else [word]
    return words


# The change and money words as tries: the engine branches on each letter where the lists try
# each of some seventy words at every character of the window.
_CHANGE_WORDS = PATTERNS.compile(rf"\b(?:{lexicon.trie_pattern(_words_of(lexicon.CHANGE_WORDS))})\b", re.IGNORECASE)
_MONEY_CONTEXT = PATTERNS.compile(rf"\b(?:{lexicon.trie_pattern(_words_of(lexicon.MONEY_CONTEXT))})\b", re.IGNORECASE)


def _money_context(reader: _FigureReader, pos: int) -> bool:
    window = reader.text[max(0, pos - 60) : pos + 60]
    return bool(_MONEY_CONTEXT.search(window))


def _names_a_change_of_temperature(text: str, start: int, end: int) -> bool:
    """Whether the words around a temperature from ``start`` to ``end`` make it a change ("rose
    by 3 °C", "2 °C warmer", "a 10 °C (18 °F) rise")."""
    return bool(lexicon.DELTA_BEFORE_RE.search(text[max(0, start - 40) : start])
                or lexicon.DELTA_AFTER_RE.match(text[end : end + 24])
                or lexicon.DELTA_AFTER_EQUIVALENT_RE.match(text[end : end + 72]))


def _unit_and_dimension(kind: str, unit: UnitMatch | None, currency) -> tuple[str | None, str]:
    if kind == "money":
        return None, f"currency:{currency[0]}"
    if kind == "count":
        return None, "count"
    if kind == "percent":
        if unit is not None and unit.unit == "percentage_point":
            return "percentage_point", "percentage point"
        return "percent", "percent"
    if kind == "number":
        return None, "dimensionless"
    return units.canonical(unit.unit), units.dimension(unit.unit)


# --- links between claims -----------------------------------------------------------------------

# (an adjective of measure may come between: "a 55-foot-long (17 m) arch", "5 km long (3
# miles)"; or the full stop of an abbreviated unit: "3 ft. (0.9 m)")
_CONVERSION_GAP = PATTERNS.compile(r"^(?:[-‑ \u00a0](?:long|wide|high|tall|deep|thick|broad|square)|\.)?[\s'’\"”]*[(\[][\s]*(?:or\s+|about\s+|approximately\s+|roughly\s+|around\s+|some\s+|nearly\s+|almost\s+|c\.\s*|~\s*)?$", re.I)
_CONVERSION_GAP_SLASH = PATTERNS.compile(r"^\s*(?:/|,\s*or|\bor)\s*$", re.I)
_LIST_GAP = PATTERNS.compile(r"(?:,[ \u00a0]*(?:and[ \u00a0]+|or[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)$")
_PADDING = PATTERNS.compile(r"[ \t]{2,}")
_NEXT_EQUIVALENT = PATTERNS.compile(rf"^\s*(?:;|,|/|\bor\b)\s*(?:or\s+)?(?:{_HEDGE}\s*)?$", re.I)
# (or a bracket of its own: "57,740 hectares (577.4 km2 (223 sq mi))"; an abbreviation's full
# stop may come before the bracket's end: "8 km (5 mi.)")
_CONVERSION_END = PATTERNS.compile(r"^\s*(?:\.?[ \u00a0]*[)\]]|[,;]\s|or\b|/|\((?=[ \u00a0]*[~∼≈]?[ \u00a0]*\d))")
_OF_A_THING = PATTERNS.compile(r"[ \u00a0]+of[ \u00a0]+[^\W\d_]")
# (a word after the symbol that can be the thing sized: not a word that joins or ends a phrase)
_NOUN_AFTER = PATTERNS.compile(
    r"[ \u00a0]+(?!(?:and|the|for|but|with|from|was|were|are|has|had|than|then|per)\b)[a-z]{3,}\b")
_ARTICLE_BEFORE = PATTERNS.compile(r"\b(?:[aA]|[aA]n)[ \u00a0]+$")
_POUNDS_AFTER_STONE = PATTERNS.compile(r"[ \u00a0]+\d{1,2}(?:\.\d+)?[ \u00a0]*(?:lb|lbs|pounds?)\b")
_CLOSING_BRACKET = PATTERNS.compile(r"[ \u00a0]*[)\]]")
_LIST_JOINER = PATTERNS.compile(r",[ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+")


def _share_list_units(text: str, claims: list[Claim], offset: int) -> list[Claim]:
    """"2619.60, 2617.35 and 2614.71 m": the unit after the last figure of a list is the unit
    of every figure in it (each stays its own claim). ``text`` starts at ``offset``."""
    if len(claims) < 2:
        return claims  # (a list needs two figures)
    out = list(claims)
    for k in range(len(out) - 1, 0, -1):
        last = out[k]
        if last.kind != "quantity" or out[k - 1].kind not in ("number", "count") or out[k - 1].counted:
            continue
        if last.start - out[k - 1].end > 8 or last.is_range or last.qualifier or last.unit_start is None:
            continue
        if not last.text.startswith(last.number_text) or last.number_text != text[last.start - offset : last.unit_start - offset].rstrip():
            continue
        scale = _plain_scale(last)
        if scale is None:
            continue
        j = k - 1
        while j >= 0:
            member = out[j]
            if member.kind not in ("number", "count") or member.counted or member.is_range or member.qualifier:
                break
            if _plain_scale(member) != 1.0 or not _LIST_GAP.match(text, out[j].end - offset, out[j + 1].start - offset):
                break
            out[j] = changed(
                member, kind="quantity", unit=last.unit, dimension=last.dimension,
                value=member.value * scale, low=member.value * scale, high=member.value * scale,
                rounding=member.rounding * scale, unit_text=last.unit_text,
            )
            j -= 1
    return out


def _plain_scale(claim: Claim) -> float | None:
    """value / the number written, for a figure written as plain digits (None otherwise)."""
    if not PLAIN_DIGITS.fullmatch(claim.number_text or ""):
        return None
    written = float(claim.number_text.replace(",", ""))
    if written == 0:
        return 1.0 if claim.value == 0 else None
    return claim.value / written


def _short_gap(gap: str) -> bool:
    """Whether ``gap`` may be 12 characters or fewer once its padding is one space each."""
    return len(gap) <= 12 or len(gap) - gap.count(" ") - gap.count("\t") <= 12


# "110 degrees (43 Celsius)": news gives a temperature in plain degrees, and the scale of its
# equivalent says which scale that is — the other one.
_THE_OTHER_SCALE = {"degree_Celsius": "degree_Fahrenheit", "degree_Fahrenheit": "degree_Celsius",
                    "delta_degree_Celsius": "degree_Fahrenheit", "delta_degree_Fahrenheit": "degree_Celsius"}


def _degrees_on_the_other_scale(text: str, offset: int, plain: Claim, scaled: Claim) -> tuple[Claim, Claim]:
    """A figure in plain degrees and the one restating it (or restated by it) in a temperature
    scale, the plain one put on the other scale; both differences when either reads as one
    ("rose by 9 degrees (5 Celsius)")."""
    first = min(plain, scaled, key=lambda c: c.start)
    end = max(plain.end, scaled.end) - offset
    delta = scaled.role == "delta" or _names_a_change_of_temperature(text, first.start - offset, first.end - offset) \
        or bool(lexicon.DELTA_AFTER_RE.match(text[end : end + 24]))
    scale = _THE_OTHER_SCALE[scaled.unit]
    if not delta:
        return changed(plain, unit=scale, dimension="[temperature]"), scaled
    plain = changed(plain, unit=lexicon.DELTA_OF[scale], dimension="[temperature]", role="delta")
    if scaled.role != "delta":
        scaled = changed(scaled, unit=lexicon.DELTA_OF[scaled.unit], role="delta")
    return plain, scaled


def _link(text: str, claims: list[Claim], offset: int, base: int) -> list[Claim]:
    """Mark parenthesised equivalents ("50 km (31 miles)") and refer bare numbers back to
    the noun counted just before them ("five people were killed and nine injured"). ``text``
    starts at ``offset`` in its document, and ``base`` claims come before these in it."""
    if len(claims) < 2:
        return claims  # (a link needs two figures)
    out = list(claims)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        gap = text[prev.end - offset : cur.start - offset]
        if _spans_paragraphs(gap):
            # Never across a blank line: the language server extracts each paragraph alone and
            # must find what the CLI finds (issue #8; "12 km\n\n(15 miles)" was linked).
            continue
        # Markup replaced by padding ("\\SI{52}{\\kilo\\metre} (20~miles)", "[52 km](url) (20
        # miles)") leaves a run of spaces: the figures are linked as across one space. (Only a
        # gap of at most 12 characters besides its spaces and tabs can be that short.)
        if prev.kind in ("quantity", "money", "percent") and _short_gap(gap):
            if "  " in gap or "\t" in gap:
                gap = _PADDING.sub(" ", gap)
        if len(gap) <= 12 and (_is_pc(prev) or _is_pc(cur)) and _CONVERSION_GAP.match(gap):
            out[i - 1], out[i] = prev, cur = _parsecs_beside_a_length(prev, cur)
        if (prev.kind in ("quantity", "money", "percent") or prev.counted in lexicon.MONEY_NOUNS) and len(gap) <= 12:
            if _CONVERSION_GAP.match(gap) and _CONVERSION_END.match(_after_in_paragraph(text, cur.end - offset) or ")") \
                    and _restates_kind(prev, cur) and not (cur.kind == "quantity" and cur.unit == prev.unit):
                # (a figure of another kind in brackets is a share or a part of it, not the same
                # figure restated: "22% (about $8 billion)", "$117.5 million (56.1%)"; a
                # measure in brackets of another dimension stays linked, for FC102)
                # (a bracketed figure in the same unit is a range, a reference or an uncertainty:
                # "98 U/L (10-40 U/L)")
                out[i] = changed(cur, converted_from=base + i - 1)
                if prev.role == "delta" and cur.unit in lexicon.DELTA_OF and cur.role is None:
                    # the equivalent of a temperature difference is a difference too
                    out[i] = changed(out[i], unit=lexicon.DELTA_OF[cur.unit], role="delta")
                elif prev.unit == "degree" and cur.unit in _THE_OTHER_SCALE:
                    out[i - 1], out[i] = _degrees_on_the_other_scale(text, offset, prev, out[i])
                elif cur.unit == "degree" and prev.unit in _THE_OTHER_SCALE:
                    out[i], out[i - 1] = _degrees_on_the_other_scale(text, offset, out[i], prev)
                continue
            if (
                cur.kind == "quantity"
                and prev.kind == "quantity"
                and _CONVERSION_GAP_SLASH.match(gap)
                and cur.unit != prev.unit
                and cur.dimension == prev.dimension
                and not _alternatives(text, prev, cur, gap, offset)
            ):
                out[i] = changed(cur, converted_from=base + i - 1)
                continue
            if (
                prev.converted_from is not None
                and cur.kind == prev.kind
                and _NEXT_EQUIVALENT.match(gap)
                and _CONVERSION_END.match(_after_in_paragraph(text, cur.end - offset) or ")")
            ):
                # "(7.8 L/100 km; 36 mpg-imp)": another equivalent of the same figure
                out[i] = changed(cur, converted_from=prev.converted_from)
                continue
        if _set_off_equivalent(text, prev, cur, gap, offset):
            out[i] = changed(cur, converted_from=base + i - 1)
            continue
        if cur.kind == "count" and cur.counted is None and prev.kind == "count" and prev.counted:
            # (the noun of the count before, in its sentence and not across the start of an
            # indented line, a new row: "Shr 35 cts vs 18 cts\n    Net 48,741,000")
            sentence_gap = text[prev.end - offset : cur.start - offset]
            if len(sentence_gap) < 120 and not _SENTENCE_BREAK.search(sentence_gap) \
                    and not INDENTED_LINE.search(sentence_gap) and not _named_after(text, cur.end - offset):
                out[i] = changed(cur, counted=prev.counted)
    return _lists_converted(text, out, offset, base)


# A figure's equivalent set off by dashes or commas rather than brackets: "12 miles – about 19 km –",
# "12 miles, roughly 19 km, north", "12 miles, the equivalent of 19 km". After a comma, only a
# hedge or a word of equivalence says so ("12 miles, 25 km and 40 km" may be a list).
_EQUIVALENT_OF = r"the[ \u00a0]+equivalent[ \u00a0]+of[ \u00a0]+|equivalent[ \u00a0]+to[ \u00a0]+"
_SET_OFF_BY_DASH = PATTERNS.compile(
    rf"[ \u00a0]*[\u2013\u2014][ \u00a0]*(?:or[ \u00a0]+|{_EQUIVALENT_OF})?|[ \u00a0]+-[ \u00a0]+", re.I)
# (after the adjective a measure takes, "or" says it too: "10 kilometres long, or about 6 miles")
_SET_OFF_BY_COMMA = PATTERNS.compile(
    rf"(?:[ \u00a0]+(?P<adjective>long|wide|high|tall|deep|thick|across|away|in length))?,[ \u00a0]*"
    rf"(?P<word>{_EQUIVALENT_OF}|(?(adjective)or[ \u00a0]+|(?!)))?", re.I)
# What ends it: the paired dash or comma, or the end of the sentence.
_SET_OFF_END = PATTERNS.compile(r"[ \u00a0]*(?:[\u2013\u2014;)\]]|-[ \u00a0]|,[ \u00a0]|[.!?](?:\s|$)|$)")
_HEDGE_KINDS = frozenset(("approx", "near_below", "near_above"))


_NAME_AFTER = PATTERNS.compile(r"[ \u00a0]+([A-Z][a-z]+)\b")
_DATE_NAMES = _MONTH_NAME_SET | _WEEKDAY_NAME_SET


def _named_after(text: str, end: int) -> bool:
    """Whether a capitalised word other than a day or a month follows a bare count: it names
    what is counted ("three Italians, three Japanese"), so the count is not of the noun before
    ("five people were killed and nine injured Monday" is)."""
    m = _NAME_AFTER.match(text, end)
    return m is not None and m.group(1).lower() not in _DATE_NAMES


def _set_off_equivalent(text: str, prev: Claim, cur: Claim, gap: str, offset: int) -> bool:
    """Whether ``cur`` restates ``prev`` in another system of units, set off by dashes or commas
    (see _SET_OFF_BY_DASH): only a measure in the other system of the same kind, where a range
    or a list of the two would make no sense."""
    if len(gap) > 24 or not _in_the_other_system(prev, cur):
        return False
    if not _SET_OFF_END.match(_after_in_paragraph(text, cur.end - offset)):
        return False
    if _SET_OFF_BY_DASH.fullmatch(gap):
        return True
    comma = _SET_OFF_BY_COMMA.fullmatch(gap)
    if comma is not None and comma.group("adjective") and comma.group("word") \
            and _alternatives(text, prev, cur, gap, offset):
        return False  # "either 10 km long, or 6 miles"
    return comma is not None and (
        comma.group("word") is not None
        or lexicon.QUALIFIERS.get((cur.qualifier or "").lower()) in _HEDGE_KINDS
        or _alone_in_brackets_with(text, prev, cur, offset))


_OPENS_BRACKET = PATTERNS.compile(r"[(\[][ \u00a0]*$")


def _alone_in_brackets_with(text: str, prev: Claim, cur: Claim, offset: int) -> bool:
    """"(40 mph, 65 km/h)": the two figures are all a bracket holds."""
    return _OPENS_BRACKET.search(text, max(0, prev.start - offset - 4), prev.start - offset) is not None \
        and _CLOSING_BRACKET.match(text, cur.end - offset) is not None


def _is_pc(claim: Claim) -> bool:
    return claim.kind == "percent" and claim.unit_text == "pc"


def _parsecs_beside_a_length(prev: Claim, cur: Claim) -> tuple[Claim, Claim]:
    """Two figures of a conversion ("4.24 light-years (1.30 pc)", "770 pc (2,500 ly)"), a "pc"
    one of them read as per cent (as British news writes "5pc"): parsecs, when the other is a
    length."""
    if _is_pc(cur) and prev.dimension == "[length]":
        return prev, changed(cur, unit="parsec", dimension="[length]", kind="quantity")
    if _is_pc(prev) and cur.dimension == "[length]":
        return changed(prev, unit="parsec", dimension="[length]", kind="quantity"), cur
    return prev, cur


def _restates_kind(prev: Claim, cur: Claim) -> bool:
    """Whether ``cur`` may restate ``prev`` as a figure of its kind: money as money, whether
    written with a sign or as newswire nouns ("645 won (0.769 dlrs)"), a share as a share."""
    if cur.kind == prev.kind:
        return True
    kinds = {cur.kind, prev.kind}
    return kinds == {"money", "count"} and (cur.counted or prev.counted) in lexicon.MONEY_NOUNS


_EITHER = PATTERNS.compile(r"\b(?:either|whether)\b", re.I)


def _alternatives(text: str, prev: Claim, cur: Claim, gap: str, offset: int) -> bool:
    """Whether two figures joined by "or" are alternatives, not one figure in two units: after
    "either" ("either 6 days or 2 h"), in a list of three or more ("in a decade, or three years,
    or six months"), or durations without a comma ("one hour or one day"; "two days, or 48
    hours" restates)."""
    before = text[max(0, prev.start - offset - 40) : prev.start - offset]
    either = _EITHER.search(before)
    if either and not _SENTENCE_BREAK.search(before, either.end()):
        return True
    if _OR_BEFORE.search(before) or _OR_AFTER.match(text, cur.end - offset):
        return True
    item = _ITEM_BEFORE.search(before) if prev.unit_text and before.endswith(", ") else None
    if item is not None and item.group(1) == prev.unit_text:
        return True  # a list of three: "pages of 4 KB, 64 KB or 1 MB"
    return prev.dimension == "[time]" and "," not in gap


# Another alternative before the first figure or after the second: "or" next to it (not "or so",
# "or more": a hedge or a bound of the second).
_OR_BEFORE = PATTERNS.compile(r"\bor[ \u00a0]+(?:\w+[ \u00a0]+)?$")
# An item of a list right before the first figure, in its unit: "4 KB, " before "64 KB or 1 MB".
_ITEM_BEFORE = PATTERNS.compile(r"\d[ \u00a0]?([^\W\d_]{1,12}), $")
_OR_AFTER = PATTERNS.compile(r",?[ \u00a0]+or\b(?![ \u00a0]+(?:so|more|less|longer|fewer|thereabouts)\b)")


def _lists_converted(text: str, out: list[Claim], offset: int, base: int) -> list[Claim]:
    """"900, 1,600, and 2,500 pounds (410, 730, and 1,130 kg)": a list in brackets restates the
    list before it item by item, not its last figure three times. When the two lists are not
    as long as each other, which item restates which is unknown: none is linked."""
    for i in range(1, len(out)):
        prev = out[i - 1]
        if out[i].converted_from != base + i - 1 and not (
                prev.kind in ("quantity", "money", "percent")
                and _CONVERSION_GAP.match(text[prev.end - offset : out[i].start - offset])):
            continue  # (a list's first item is not linked when "and" follows it)
        restated = _list_run(text, out, offset, i, 1)
        if len(restated) < 2 or not _CLOSING_BRACKET.match(text, out[restated[-1]].end - offset):
            if out[i].converted_from == base + i - 1 and out[i].dimension != prev.dimension and \
                    len(_list_run(text, out, offset, i - 1, -1)) > 1:
                # "2 × 3 m (65 sq ft)": the area of a size, not its last side in another unit
                out[i] = changed(out[i], converted_from=None)
            continue
        said = _list_run(text, out, offset, i - 1, -1)
        if len(said) == len(restated):
            for source, k in zip(said, restated):
                out[k] = changed(out[k], converted_from=base + source)
        else:
            for k in restated:
                out[k] = changed(out[k], converted_from=None)
    return out


def _list_run(text: str, out: list[Claim], offset: int, k: int, step: int) -> list[int]:
    """The figures of the list figure ``k`` ends (``step`` -1) or starts (1), in order; a list
    is figures joined by commas and a last "and" ("5, 7 and 9") or the sides of a size ("10 by
    12 feet"), else just ``[k]``."""
    run, joined_by_and = [k], False
    while 0 <= k + step < len(out):
        a, b = (out[k], out[k + step]) if step > 0 else (out[k + step], out[k])
        gap = text[a.end - offset : b.start - offset]
        if a.kind == b.kind == "quantity" and a.dimension == b.dimension and SIDE_GAP.fullmatch(gap):
            joined_by_and = True  # (sides of one size)
        elif not _LIST_JOINER.fullmatch(gap):
            break
        joined_by_and |= "and" in gap
        k += step
        run.append(k)
    return (run if step > 0 else run[::-1]) if joined_by_and else run[:1]


PATTERNS.save()
