"""Paragraphs that describe different things in one wording (FC201 and FC202 read them).

Papers and reports describe several datasets, sub-tasks or sites one paragraph each, in the same
words with other names: "Infocom 2006 trace [33] consists of a 4-day long trace …" and "Sassy
trace [44] consists of a 79 day long trace …". A figure in one such paragraph ("A total of 78
volunteers joined the experiment") does not restate the figure in the other ("A total of 27
volunteers …"), however alike the two sentences are. Headed sections of that kind are
:mod:`.sections`'.

Two paragraphs are parallel when a sentence of one and a sentence of the other, neither of them
a sentence of the two figures, are the same words but for names and numbers (capitalised words,
words with digits), and one names something the other does not (numbers alone are times or
counts: "The Alpha was launched in 1901" and "The Alpha was refitted in 1910" are one ship).
Asked only of pairs the referent model would report (a few a document), and only of paragraphs
of a dozen sentences or fewer.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .context import CheckContext, MemoKey
from .words import STOP_WORDS

# Sentences this alike, names and numbers read as one word, are one wording ...
SAME_WORDING = 0.8
# ... when they have this many words at least (shorter ones are alike too easily) ...
MIN_WORDS = 6
# ... in paragraphs of at most this many sentences (a longer one is no record of one thing).
MAX_SENTENCES = 12

_WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")
_NAME = "<name>"

_PARALLEL: MemoKey[dict[tuple[int, int], bool]] = MemoKey("parallel_paragraphs")


def in_parallel_paragraphs(ctx: CheckContext, i: int, j: int) -> bool:
    """Whether claims ``i`` and ``j`` lie in parallel paragraphs (see the module's
    documentation)."""
    a, b = ctx.claims[i].start, ctx.claims[j].start
    p, q = ctx.paragraph_of(a), ctx.paragraph_of(b)
    if p == q:
        return False
    own = {ctx.sentence_of(a), ctx.sentence_of(b)}
    known = ctx.memo(_PARALLEL, dict)
    key = (min(p, q), max(p, q), *sorted(own))
    found = known.get(key)
    if found is None:
        found = known[key] = _parallel(_wordings(ctx, p, own), _wordings(ctx, q, own))
    return found


def _wordings(ctx: CheckContext, paragraph: int, own: set[int]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The paragraph's sentences but the figures' own, each as (its words with names and numbers
    masked, those names and numbers); empty for a paragraph too long to be one record."""
    start, end = ctx.paragraph_span(ctx.paragraph_starts[paragraph])
    out = []
    at = start
    for _ in range(MAX_SENTENCES + 1):
        if at >= end:
            return out
        s_start, s_end = ctx.sentence_span(at)
        if s_start not in own:
            out.append(_masked(ctx.text[s_start:s_end]))
        at = max(s_end, at + 1)
    return []  # (more than MAX_SENTENCES sentences)


def _masked(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    words, names = [], []
    for n, w in enumerate(_WORD.findall(sentence)):
        if any(ch.isdigit() for ch in w) or (n and w[0].isupper() and w.lower() not in STOP_WORDS):
            words.append(_NAME)
            names.append(w)
        else:
            words.append(w.lower())
    return tuple(words), tuple(names)


def _parallel(ours: list, theirs: list) -> bool:
    for words_a, names_a in ours:
        if len(words_a) < MIN_WORDS or not names_a:
            continue
        for words_b, names_b in theirs:
            if not _other_name(names_a, names_b) or not _close_in_length(words_a, words_b):
                continue
            if SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= SAME_WORDING:
                return True
    return False


def _other_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one sentence names something (a capitalised word, not a number) the other does not:
    numbers alone are times or counts ("The Alpha was launched in 1901" / "… refitted in 1910"
    is one ship at two times)."""
    words_a = {w for w in a if w[0].isalpha()}
    words_b = {w for w in b if w[0].isalpha()}
    return bool(words_a ^ words_b)


def _close_in_length(a: tuple, b: tuple) -> bool:
    """Whether two sentences may be SAME_WORDING alike at all (a ratio is at most
    2 * shorter / (both))."""
    return 2 * min(len(a), len(b)) >= SAME_WORDING * (len(a) + len(b)) and min(len(a), len(b)) >= MIN_WORDS
