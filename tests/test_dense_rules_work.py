"""Issue #15: on dense input the rules' work follows what is different, not how often it is
repeated. Work is counted (calls of the costly step), never timed: four times a repeated
sentence must not cost four times the judgements, and a run of figures in one sentence is one
sentence lookup, not one a figure."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.rules import conflicting_figures, conversion_mismatch, part_exceeds_whole
from figcheck.rules import parts_do_not_sum, unit_mixup
from figcheck.rules.context import CheckContext
from figcheck.text import read_document

PASSENGERS = "Of the 42 passengers, 45 were hurt: 12 seriously and 40 lightly. "
CONVERSIONS = "5 km (3 miles) "
WRONG_CONVERSIONS = "5 km (9 miles) "


def _context(text: str) -> CheckContext:
    document = read_document(text, "text")
    return CheckContext(document=document, claims=extract_claims(document.prose))


def _count_calls(monkeypatch, module, name: str) -> list[int]:
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _work(monkeypatch, module, name: str, rule, text: str) -> tuple[int, list]:
    calls = _count_calls(monkeypatch, module, name)
    found = list(rule.check(_context(text)))
    monkeypatch.undo()
    return calls[0], found


@pytest.mark.parametrize("module, step, rule, unit", [
    (conflicting_figures, "_conflict", conflicting_figures, PASSENGERS),
    (conflicting_figures, "_may_conflict", conflicting_figures, PASSENGERS),
    (conversion_mismatch, "_check_pair", conversion_mismatch, CONVERSIONS),
    (unit_mixup, "_may_mix", unit_mixup, CONVERSIONS),
])
def test_a_repeated_sentence_is_judged_once_per_reading(monkeypatch, module, step, rule, unit):
    small_work, small = _work(monkeypatch, module, step, rule, unit * 60)
    large_work, large = _work(monkeypatch, module, step, rule, unit * 240)
    assert small_work > 0
    assert large_work == small_work  # the same pairs of readings: nothing more to judge
    assert len(large) >= len(small)


def test_every_wrong_conversion_is_still_reported():
    ctx = _context(WRONG_CONVERSIONS * 50)
    found = list(conversion_mismatch.check(ctx))
    assert len(found) == 50
    assert len({d.start for d in found}) == 50


def test_every_repeated_conflict_is_still_reported():
    found = list(conflicting_figures.check(_context(PASSENGERS * 40)))
    # each repetition restates the sentence with other figures: its figures conflict with
    # the earlier ones, each reported at its own place
    assert len(found) > 40
    assert len({d.start for d in found}) == len(found)


@pytest.mark.parametrize("rule", [part_exceeds_whole, parts_do_not_sum])
def test_a_run_of_figures_in_one_sentence_is_one_sentence_lookup(monkeypatch, rule):
    ctx = _context("The " + "1 " * 5_000)
    assert len(ctx.claims) > 1_000
    calls = [0]
    original = CheckContext.sentence_span

    def counted(self, offset):
        calls[0] += 1
        return original(self, offset)

    monkeypatch.setattr(CheckContext, "sentence_span", counted)
    list(rule.check(ctx))
    assert calls[0] <= 1
