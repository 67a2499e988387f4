"""Named owners of one noun: the segments of a report.

A results report gives one noun to several named owners: "Marsh's revenue was $7.3 billion",
"Mercer's revenue was …", "Our Communications revenue for the quarter was $670 million",
"ESG's net sales" and "SSG's net sales". A figure of that noun under one owner's name is that
owner's; a figure of the noun under no name ("Revenue for the quarter was $2.404 billion",
"Consolidated net sales …") is the whole, or another owner's: not a restatement of the named
one. A document that names one owner of the noun only ("Apple's revenue" … "revenue was") leaves
the bare noun to it, and is judged as usual.
"""

from __future__ import annotations

import re

from ..extract.lexicon import MONTHS, WEEKDAYS
from .context import CheckContext, MemoKey
from .frame import ClaimFrame, head_index, token_of
from .words import STOP_WORDS

# A capitalised word, possessive or not, then up to three lower-case words: "Marsh's revenue",
# "Communications revenue", "ESG's net sales". The owner is read from the document's text, so
# that every owner of a noun counts, with or without a figure of its own.
_OWNED = re.compile(r"\b([A-Z][\w&-]*)(['’]s)?((?:[ \t]+[a-z][\w-]*){1,3})")
_SENTENCE_OPENS = frozenset(".!?\n\"“(")
_NOT_OWNERS = STOP_WORDS | frozenset(MONTHS.lower().split("|")) | frozenset(WEEKDAYS.lower().split("|"))
# Words a name is read across to the noun it owns: lower-case modifiers ("ESG's net sales"),
# at most this many.
_MODIFIERS = 2

_OWNERS: MemoKey[dict[str, frozenset[str]]] = MemoKey("owners")


def owner(f: ClaimFrame) -> str | None:
    """The name that owns the noun the figure is the value of ("marsh" in "Marsh's revenue was
    #", "communications" in "Our Communications revenue was #"), in lower case, or None."""
    if f.head is None:
        return None
    at = head_index(f.tokens, tuple(w.lower() for w in f.raw), f.position)
    if at is None:
        return None
    for k in range(at - 1, max(-1, at - 2 - _MODIFIERS), -1):
        word = f.raw[k]
        if f.names[k] and word[:1].isupper():
            if k == 0 and not word.endswith(_POSSESSIVE):
                return None  # (the first word of a sentence is capitalised anyway)
            name = _bare(word)
            return name if name not in _NOT_OWNERS else None
        if not word.islower() or word in STOP_WORDS:
            return None  # (a figure, punctuation or a function word: no name owns the noun)
    return None


def other_owners(ctx: CheckContext, noun: str, name: str) -> bool:
    """Whether the document gives ``noun`` (a token) to an owner other than ``name``."""
    owners = ctx.memo(_OWNERS, lambda: _owners_in(ctx.text)).get(noun)
    return bool(owners) and bool(owners - {name})


def _owners_in(text: str) -> dict[str, frozenset[str]]:
    """Each noun's owners in ``text`` (token → names in lower case). A capitalised word that
    opens a sentence is no name unless possessive ("Consolidated net sales")."""
    found: dict[str, set[str]] = {}
    for m in _OWNED.finditer(text):
        # (a few characters before: a slice back to the start would cost the document's length)
        before = text[max(0, m.start() - 8) : m.start()].rstrip(" \t")
        if m.group(2) is None and (not before or before[-1] in _SENTENCE_OPENS):
            continue
        name = m.group(1).lower()
        if name in _NOT_OWNERS:
            continue
        for word in m.group(3).split():
            found.setdefault(token_of(word), set()).add(name)
    return {noun: frozenset(names) for noun, names in found.items()}


def _bare(word: str) -> str:
    """A name without its possessive ending, in lower case."""
    lower = word.lower()
    return lower[:-2] if lower.endswith(_POSSESSIVE) else lower


_POSSESSIVE = ("'s", "’s")
