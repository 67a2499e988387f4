"""Claims named by what a pair rule reads from them, not by where they stand.

Dense input restates one sentence thousands of times ("Of the 42 passengers, 45 were hurt: …"
over and over), and FC201 judges each figure against up to :data:`frame.MAX_PARTNERS` earlier
ones: most of those pairs are the same two readings again. A pair's verdict depends on the two
claims as written (every field but their offsets) and, for the referent model, on their
sentences as read (the claim's words, :func:`frame.claim_words`) and on whether they share a
sentence or a paragraph; so a verdict can be kept under the small ints named here and given
again to every pair that repeats it.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from ..model import Claim
from . import frame
from .context import CheckContext, MemoKey

_READINGS: MemoKey[list[int]] = MemoKey("claim_readings.readings")
_SHAPES: MemoKey[dict[int, tuple[tuple[int, int], int, int]]] = MemoKey("claim_readings.shapes")


# Where a claim stands rather than what it reads: its offsets and the index of the figure it
# converts. Every other field is part of its reading, a field added to Claim included (a field
# left out would let two different claims share a verdict).
_PLACE = frozenset({"start", "end", "unit_start", "unit_end", "converted_from"})
_READING = attrgetter(*(f.name for f in fields(Claim) if f.name not in _PLACE))


def reading(claim: Claim) -> tuple:
    """Every field of the claim but its offsets (and the index of the figure it converts)."""
    return _READING(claim)


def reading_ids(ctx: CheckContext) -> list[int]:
    """For each claim, a small int shared by the claims of the same :func:`reading`."""
    def build() -> list[int]:
        ids: dict[tuple, int] = {}
        return [ids.setdefault(reading(c), len(ids)) for c in ctx.claims]

    return ctx.memo(_READINGS, build)


def shape(ctx: CheckContext, i: int) -> tuple[tuple[int, int], int, int]:
    """Claim ``i`` named by its reading and its sentence as read (its words, cached by the
    sentence's text and the claim's place in it, and unique by id while the document's words
    live), with its sentence's and paragraph's starts beside."""
    shapes = ctx.memo(_SHAPES, dict)
    found = shapes.get(i)
    if found is None:
        named = (reading_ids(ctx)[i], id(frame.claim_words(ctx, i)))
        found = shapes[i] = (named, frame.sentence_span(ctx, i)[0],
                             ctx.paragraph_of(ctx.claims[i].start))
    return found
