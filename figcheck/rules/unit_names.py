"""How a rule's message names a figure's unit, as the writer wrote it but in the number the
message needs: a unit written as an adjective ("a 300-foot tower", "a 1,000-kilometre
pipeline") is singular, and after a number in a sentence of the message it is plural ("about
620 miles", "8,849 feet would be …"); a unit put in place of another in the text takes the
number of the one it replaces ("300-foot" → "300-metre")."""

from __future__ import annotations

from ..extract.lexicon import plural_unit_word, singular_unit_word
from ..model import Claim


def number_end(claim: Claim) -> int | None:
    """Where the figure's number ends in its text, None when it is not written there."""
    if not claim.number_text:
        return None
    pos = claim.text.find(claim.number_text)
    return None if pos < 0 else pos + len(claim.number_text)


def as_an_adjective(claim: Claim) -> bool:
    """Whether the figure's unit is joined to its number by a hyphen ("820-mile", "3,000-square-
    foot"), as a writer makes a measure an adjective."""
    end = number_end(claim)
    return end is not None and claim.unit_start is not None and \
        claim.text[end : claim.unit_start - claim.start] == "-"


def after_a_number(claim: Claim, named: str) -> str:
    """``named``, the claim's unit as written, as a message writes it after a number: plural
    where the writer made the measure an adjective ("820-mile": "miles")."""
    if as_an_adjective(claim):
        return plural_unit_word(named) or named
    return named


def in_place_of(claim: Claim, unit_text: str) -> str:
    """``unit_text`` (another figure's unit as written) spelled to replace the claim's unit where
    it stands: singular in an adjective ("300-foot" → "300-metre"), plural after a number other
    than one ("300 metres" → "300 feet")."""
    if as_an_adjective(claim):
        return singular_unit_word(unit_text) or unit_text
    if claim.value != 1:
        return plural_unit_word(unit_text) or unit_text
    return unit_text
