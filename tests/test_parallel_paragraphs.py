"""Paragraphs worded alike about different things (figcheck.rules.parallel_paragraphs): a figure in
one does not restate the figure in the other, however alike the figures' sentences are; a
restatement in a paragraph of its own still conflicts."""

from __future__ import annotations

from figcheck.config import Settings
from figcheck.engine import check_text
from figcheck.extract import extract_claims
from figcheck.rules.context import CheckContext
from figcheck.rules.parallel_paragraphs import in_parallel_paragraphs
from figcheck.text import read_document

TRACES = (
    "The Infocom trace [33] is based on a human mobility experiment conducted at Infocom 2006. "
    "A total of 78 volunteers joined the experiment.\n\n"
    "The Sassy trace [44] is based on a human mobility experiment conducted at St Andrews in 2011. "
    "A total of 27 volunteers joined the experiment.\n"
)


def _ctx(text: str) -> CheckContext:
    return CheckContext(document=read_document(text, "text"), claims=extract_claims(text), settings=Settings())


def _volunteers(ctx: CheckContext) -> tuple[int, int]:
    i, j = (k for k, c in enumerate(ctx.claims) if "volunteers" in c.text)
    return i, j


def test_paragraphs_that_open_alike_with_other_names_are_parallel():
    ctx = _ctx(TRACES)
    assert in_parallel_paragraphs(ctx, *_volunteers(ctx))
    assert not [d for d in check_text(TRACES) if d.code == "FC201"]


def test_a_restatement_in_a_paragraph_of_its_own_still_conflicts():
    text = ("A total of 78 volunteers joined the experiment at Infocom 2006.\n\n"
            "The results were published a year later.\n\n"
            "A total of 27 volunteers joined the experiment at Infocom 2006.\n")
    ctx = _ctx(text)
    assert not in_parallel_paragraphs(ctx, *_volunteers(ctx))
    assert [d.code for d in check_text(text)] == ["FC201"]


def test_the_same_names_or_a_long_paragraph_are_not_parallel():
    same = TRACES.replace("Sassy trace [44]", "Infocom trace [33]").replace("St Andrews in 2011", "Infocom 2006")
    ctx = _ctx(same)
    assert not in_parallel_paragraphs(ctx, *_volunteers(ctx))
    filler = " ".join(f"Sentence number {w} says little." for w in "abcdefghijklmn")
    long = TRACES.replace("\n\nThe Sassy", f" {filler}\n\nThe Sassy")
    ctx = _ctx(long)
    assert not in_parallel_paragraphs(ctx, *_volunteers(ctx))
