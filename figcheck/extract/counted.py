"""What a bare figure counts: the plural noun after it, singular and lower-case."""

from __future__ import annotations

import re

from .. import units
from ..text.lines import SPACE_IN_PARAGRAPH
from . import lexicon

# (not across the start of an indented line, ``figcheck.text.lines.INDENTS``: "Net 48,741,000\n    Revs
# 184,649,000" counts no revenues)
_WORDS_AFTER = re.compile(r"(?:[ \t\u00a0]+|\r?\n ?)([A-Za-z][A-Za-z'’-]*)")
# A country's or body's initials before the noun: "600 U.S. troops", "54 mln U.S. dlrs".
_INITIALS_AFTER = re.compile(r"[ \t\u00a0]+(?:[A-Z]\.){2,3}(?=[ \t\u00a0]+[A-Za-z])")
_MODIFIER_LIMIT = 3
# Currencies newswire names after a figure whose names do not look plural (and are no English
# words: not "mark", "crown", "franc").
_CURRENCY_NAMES = frozenset(
    "yen yuan rand baht ringgit lire lira kronor kroner krona krone riyal dinar peseta schilling guilder stg".split()
) & frozenset(lexicon.MONEY_NOUNS)
# From the third modifier on, the words are read only in lower case and on one line: capitals and
# line breaks past two words are names and table rows ("274.9 mln\n    Qtly div four cts").
_PLAIN_MODIFIERS_ONLY = 2
# (a hard-wrapped line may break "per year": Reuters wraps at 65 characters, "six mln units per\nyear")
_GAP = SPACE_IN_PARAGRAPH
_PER = re.compile(r"/|" + _GAP + r"per" + _GAP)
# "a" or "each" and a span of time after a count make it a rate, as "per" does.
_A_TIME = re.compile(_GAP + r"(?:a|an|each|every)" + _GAP + r"(second|minute|hour|day|night|week|fortnight|month|year)\b"
    r"(?!" + _GAP + r"(?:ago|later|earlier|before|after|or|and|of)\b)", re.I)


def counted_noun(text: str, pos: int) -> tuple[str, int] | None | str:
    """``(noun, end)`` for "30,000 troops" / "2,000 new teachers"; ``None`` when no noun
    follows; ``""`` when the figure is a multiplier or fraction ("three times", "two-thirds")."""
    if text[pos : pos + 1] == "-":
        m = re.match(r"-([A-Za-z]+)", text[pos : pos + 20])
        if m:
            return ""  # "five-star", "30-strong": a compound adjective, not a count
    i = pos
    modifiers = 0
    for _ in range(_MODIFIER_LIMIT + 1):
        initials = _INITIALS_AFTER.match(text, i) if modifiers < _PLAIN_MODIFIERS_ONLY else None
        if initials is not None:
            modifiers += 1
            i = initials.end()
            continue
        m = _WORDS_AFTER.match(text, i)
        if not m:
            return None
        word = m.group(1)
        lw = word.lower().rstrip("'’")
        if lw in ("times", "fold"):
            return "" if modifiers == 0 else None
        if _ends_count(lw):
            return None
        singular = singular_noun(lw)
        if singular is None and lw in _CURRENCY_NAMES and word.islower():
            singular = lw  # "6.8bn rand", "3.4bn Danish kroner": a currency's name, not plural-looking
        if singular is not None and modifiers > _PLAIN_MODIFIERS_ONLY and "\n" in text[pos : m.end(1)]:
            return None
        if singular is not None:
            compound = _compound_head(text, m.end(1), lw) if word.islower() else None  # not "Staff Builders"
            return _per_unit(text, *(compound or (singular, m.end(1))))
        if modifiers == _MODIFIER_LIMIT or not _modifier_like(lw):
            return None
        if modifiers == _PLAIN_MODIFIERS_ONLY and not _plain_words(text, pos, m.end(1)):
            return None  # (past two, only plain words: "10 native woody tree species")
        modifiers += 1
        i = m.end(1)
        if i < len(text) and text[i] in ",.;:!?()\"":
            return None
    return None


def _plain_words(text: str, start: int, end: int) -> bool:
    """Whether the words between a figure and a third modifier are in lower case on one line and
    none is a word that ends a noun phrase or starts a clause ("we", "why"), a number or money:
    capitals and line breaks past two words are names and table rows ("274.9 mln\n    Qtly div
    four cts"), "four billion dlr contract three weeks" two figures."""
    span = text[start:end]
    if not span.islower() or "\n" in span:
        return False
    return not any(w in _NOT_PLAIN for w in span.split())


# (every modifier is already none of lexicon.NOT_COUNTED: see _modifier_like)
_NOT_PLAIN = frozenset("we you they he she it i us them why what how whether who".split()) | \
    frozenset(lexicon.NUMBER_WORDS) | frozenset(lexicon.MONEY_NOUNS)


def _per_unit(text: str, noun: str, end: int) -> tuple[str, int]:
    """A count of a noun per unit is a rate, counted apart from the noun ("5 deaths per day"
    counts "death per day"; the claim reader makes a count per area a density): ``(noun, end)``
    after the unit. After "per", an area may be written as a symbol ("people per km2")."""
    if noun in lexicon.MONEY_NOUNS:
        return noun, end  # (a price per unit is read as money by the rules)
    per = _PER.match(text, end)
    if per is None:
        every = _A_TIME.match(text, end)  # "14 rounds a minute", "three meals a day"
        return (f"{noun} per {every.group(1).lower()}", every.end()) if every else (noun, end)
    at = per.end()
    symbol = lexicon.SYMBOL_UNIT_RE.match(text, at) if per.group().strip() == "/" else None
    word = None if symbol else lexicon.WORD_UNIT_RE.match(text, at)
    if symbol is None and word is None:
        symbol = lexicon.SYMBOL_UNIT_RE.match(text, at)  # ("people per km2": an area's symbol only)
        if symbol is not None and not units.is_area(lexicon.SYMBOL_UNITS.get(symbol.group(), "")):
            symbol = None
    found = symbol or word
    if found is None or (found.end() < len(text) and text[found.end()].isalnum()):
        return noun, end
    unit = lexicon.SYMBOL_UNITS.get(found.group()) if symbol else lexicon.WORD_UNITS.get(found.group().lower())
    if unit is None:
        return noun, end
    return f"{noun} per {_unit_name(unit)}", found.end()


def _unit_name(unit: str) -> str:
    """"kilometer ** 2" → "kilometer²": a unit as a reader would name it after "per"."""
    return unit.replace("_", " ").replace(" ** 2", "²").replace(" ** 3", "³")


def _compound_head(text: str, end: int, word: str) -> tuple[str, int] | None:
    """The head of a compound whose first noun only looks like one counted: "two infantry
    divisions", "300 sales staff", "40 police officers" count divisions, staff and officers."""
    if word not in lexicon.COLLECTIVE_NOUNS and word not in lexicon.ATTRIBUTIVE_PLURALS:
        return None
    m = _WORDS_AFTER.match(text, end)
    if m is None:
        return None
    head = m.group(1).lower().rstrip("'’")
    singular = singular_noun(head)
    if singular is None or _ends_count(head):
        return None
    return singular, m.end(1)


def _ends_count(word: str) -> bool:
    """A word after which a figure counts nothing: not a noun it could count ("30 per cent",
    "five times") or a qualifier."""
    return word in lexicon.NOT_COUNTED or word in lexicon.QUALIFIERS


def _modifier_like(word: str) -> bool:
    """Adjectives and nouns used as modifiers: "new", "armed", "Russian", "police"."""
    if word.endswith("ly") and word not in ("elderly", "early", "only"):
        return True
    return len(word) > 1 and word not in lexicon.NOT_COUNTED


def singular_noun(word: str) -> str | None:
    """The singular of a plural-looking noun, or None when ``word`` does not look plural."""
    if word in lexicon.IRREGULAR_PLURALS:
        return lexicon.IRREGULAR_PLURALS[word]
    if word in lexicon.COLLECTIVE_NOUNS:
        return word
    if len(word) < 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s", "’s")) \
            or word in lexicon.SINGULAR_IN_S:
        return None
    if word.endswith("ies") and len(word) > 4:
        return word[:-1] if word[:-1] in lexicon.IE_NOUNS else word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zzes", "tzes")):
        return word[:-2]  # ("buzzes", "waltzes"; but "prizes", "sizes" lose their "s" alone)
    if word.endswith("oes") and word[:-1] not in lexicon.OE_NOUNS and not word.endswith("shoes"):
        return word[:-2]  # ("echoes", "vetoes"; but "shoes", "canoes")
    return word[:-1]
