"""Named owners of one noun (figcheck.rules.owners): a report's segments."""

from __future__ import annotations

import pytest

from figcheck.config import Settings
from figcheck.extract import extract_claims
from figcheck.rules import frame, owners
from figcheck.rules.context import CheckContext
from figcheck.text import read_document


def _context(text: str) -> CheckContext:
    return CheckContext(document=read_document(text, "text"), claims=extract_claims(text), settings=Settings())


def _owner_of(text: str, figure: str) -> str | None:
    ctx = _context(text)
    k = next(k for k, c in enumerate(ctx.claims) if c.text == figure)
    return owners.owner(frame.claim_frame(ctx, k))


@pytest.mark.parametrize("text, figure, expected", [
    ("For the year, Marsh's revenue was $7.3 billion.", "$7.3 billion", "marsh"),
    ("In terms of group results, ESG’s net sales were $249 million.", "$249 million", "esg"),
    ("Our Communications revenue for the quarter was $670 million.", "$670 million", "communications"),
    # the first word of a sentence is capitalised anyway
    ("Consolidated net sales for the quarter were $298 million.", "$298 million", None),
    ("Revenue for the quarter was $2.404 billion.", "$2.404 billion", None),
    ("The company's revenue was $90 billion.", "$90 billion", None),
])
def test_owner_is_the_name_before_the_noun(text, figure, expected):
    assert _owner_of(text, figure) == expected


def test_other_owners_are_read_from_the_whole_document():
    ctx = _context("Marsh's revenue was $7.3 billion. Analysts cheered. Mercer’s revenue rose.")
    noun = frame.claim_frame(ctx, 0).head[0]
    assert owners.other_owners(ctx, noun, "marsh")
    assert owners.other_owners(ctx, noun, "mercer")
    # one owner only: the bare noun may be its
    alone = _context("Apple's revenue was $90 billion. Revenue was $120 billion.")
    assert not owners.other_owners(alone, frame.claim_frame(alone, 0).head[0], "apple")
