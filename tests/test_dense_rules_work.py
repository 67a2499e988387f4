"""Issue #15: on dense input the rules' work follows what is different, not how often it is
repeated. Work is counted (calls of the costly step), never timed: four times a repeated
sentence must not cost four times the judgements, and a run of figures in one sentence is one
sentence lookup, not one a figure."""

from __future__ import annotations

import random

import pytest

from figcheck.extract import extract_claims
from figcheck.rules import change_mismatch, changes, conflicting_figures, conversion_mismatch, part_exceeds_whole
from figcheck.rules import parts_do_not_sum, unit_mixup
from figcheck.rules.context import CheckContext
from figcheck.text import read_document
from work_support import CountingPattern

PASSENGERS = "Of the 42 passengers, 45 were hurt: 12 seriously and 40 lightly. "
# A count restated with another: each copy of the second conflicts with the copies of the first
# (a sentence given twice is no conflict of its own figures: PASSENGERS repeated gives FC201
# nothing, its conflict is FC301's within each copy).
RESTATED = "The storm killed 310 people. Later the storm killed 930 people. "
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
    text = RESTATED * 40
    found = list(conflicting_figures.check(_context(text)))
    # every count after the first conflicts with the one before it, each reported at its place
    assert [text[d.start:d.end] for d in found] == (["930 people", "310 people"] * 40)[:79]
    assert len({d.start for d in found}) == len(found)
    # a sentence given again is no conflict of its figures in other places of it
    assert list(conflicting_figures.check(_context(PASSENGERS * 40))) == []


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


def _dense_variants(seed: int) -> str:
    """One sentence restated, now and then another in its place or a sentence of no figure
    after it, in paragraphs and lines of varying length: windows repeat, with their paragraphs
    shared differently."""
    rng = random.Random(seed)
    others = ["The 42 passengers included 45 children.", "Some 40 passengers were on board.",
              "Of the 42 passengers, 40 were hurt: 12 seriously and 45 lightly.",
              "Of the 42 passengers, 45 were hurt. 12 seriously and 40 lightly.",
              "The storm killed 310 people.", "The storm killed 930 people."]
    parts = []
    for _ in range(rng.randrange(200, 300)):
        parts.append(RESTATED.strip() if rng.random() < 0.85 else rng.choice(others))
        if rng.random() < 0.3:  # (a sentence of no figure: its break is not in its window)
            parts.append(rng.choice([" ", "\n\n"]) + "It rained.")
        parts.append(rng.choice([" ", " ", "  ", "\n", "\n\n", "\n\n"]))
    return "".join(parts)


@pytest.mark.parametrize("text", [RESTATED * 300, RESTATED.replace(". ", ".\n\n") * 120]
                         + [_dense_variants(seed) for seed in range(6)])
def test_shared_windows_and_wording_give_what_the_full_work_gives(text):
    fast = list(conflicting_figures.check(_context(text)))
    full = list(conflicting_figures.reference_check(_context(text)))
    assert len(fast) > 20
    assert fast == full
    assert [d.data for d in fast] == [d.data for d in full]


def _windows_walked_and_worded(monkeypatch, text: str) -> tuple[int, int, int]:
    walked = [0]
    make_finder = conflicting_figures._partner_finder

    def counted_finder(ctx):
        partners = make_finder(ctx)

        def counted(*args):
            walked[0] += 1
            return partners(*args)
        return counted

    monkeypatch.setattr(conflicting_figures, "_partner_finder", counted_finder)
    worded = _count_calls(monkeypatch, conflicting_figures, "_wording")
    found = list(conflicting_figures.check(_context(text)))
    monkeypatch.undo()
    return walked[0], worded[0], len(found)


def test_a_repeated_window_is_walked_and_worded_once(monkeypatch):
    small = _windows_walked_and_worded(monkeypatch, RESTATED * 60)
    large = _windows_walked_and_worded(monkeypatch, RESTATED * 240)
    assert large[2] > 3 * small[2]  # four times the diagnostics ...
    assert 0 < large[0] == small[0] < small[2]  # ... from the same windows
    assert 0 < large[1] == small[1] < small[2]  # ... and the same messages, moved


def test_a_repeated_part_and_whole_is_worded_once(monkeypatch):
    small_work, small = _work(monkeypatch, part_exceeds_whole, "_exceeds", part_exceeds_whole,
                              PASSENGERS * 60)
    large_work, large = _work(monkeypatch, part_exceeds_whole, "_exceeds", part_exceeds_whole,
                              PASSENGERS * 240)
    assert len(small) == 60 and len(large) == 240  # every repeat is still reported ...
    assert large_work == small_work == 1  # ... from one reading of the part and the whole
    assert list(part_exceeds_whole.check(_context(PASSENGERS * 30))) == \
        list(part_exceeds_whole.reference_check(_context(PASSENGERS * 30)))


# The same readings in one sentence or in two: only the two make a pair.
ONE_SENTENCE, TWO_SENTENCES = "Then 40 people and 90 people came. ", "Then 40 people came. Then 90 people came. "


def _figures_that_never_repeat(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(f"The bridge is {rng.randrange(10, 10_000)} metres long. " for _ in range(200))


@pytest.mark.parametrize("text", [(ONE_SENTENCE * 30 + TWO_SENTENCES * 30) * 2, _dense_variants(7),
                                  _figures_that_never_repeat(0), PASSENGERS * 10 + _figures_that_never_repeat(1)])
def test_shared_windows_pair_what_candidates_pair(monkeypatch, text):
    # (every candidate a "conflict" here: the list watch would rightly leave pairs of silenced
    # figures unjudged, which test_pairs_left_unjudged_in_a_list_change_nothing covers)
    monkeypatch.setattr(conflicting_figures._ListWatch, "silenced", lambda self, k: False)
    ctx = _context(text)
    expected: dict[int, list] = {}
    for i, j in conflicting_figures.candidates(ctx):
        expected.setdefault(j, []).append((i, "pair"))
    found = conflicting_figures._dense_conflicts(ctx, lambda i, j: "pair", lambda k: 0)
    assert len(expected) > 50
    assert found == expected


def _markdown_releases(seed: int) -> str:
    """Dense Markdown: many sections, most headed alike (parallel: their figures never pair),
    some not, each with a sentence that restates the others' with a changed count (one of two
    values: three would read as a list, and FC201 stays silent on lists)."""
    rng = random.Random(seed)
    parts = []
    for k in range(120):
        heading = f"## Version 1.{k}" if rng.random() < 0.7 else "## Notes"
        parts.append(f"{heading}\n\nThis release comes with {rng.choice((112, 263))} commits.\n")
    return "\n".join(parts)


@pytest.mark.parametrize("seed", range(3))
def test_verdicts_shared_by_shape_hold_across_parallel_sections(monkeypatch, seed):
    """Pairs of one shape share a verdict, but whether two sections are parallel depends on
    where the figures stand: the check equals one that judges every pair on its own."""
    text = _markdown_releases(seed)
    ctx = CheckContext(document=read_document(text, "markdown"), claims=extract_claims(
        read_document(text, "markdown").prose))
    shared = list(conflicting_figures.check(ctx))
    assert shared  # the "Notes" sections pair with the others
    unique = iter(range(10**9))
    monkeypatch.setattr(conflicting_figures, "shape", lambda ctx, i: (next(unique),) * 3)
    ctx = CheckContext(document=read_document(text, "markdown"), claims=ctx.claims)
    assert list(conflicting_figures.check(ctx)) == shared


def _generated_report(seed: int) -> str:
    """One sentence given again and again with a new figure each time (a generated report: a
    list, which FC201 stays silent on), with a real slip and sentences of two figures among it."""
    rng = random.Random(seed)
    parts = []
    for _ in range(rng.randrange(250, 350)):
        roll = rng.random()
        if roll < 0.8:
            parts.append(f"The factory added {rng.randrange(1000, 9999):,} jobs in May.")
        elif roll < 0.9:
            parts.append(f"The ship sailed {rng.randrange(100, 999)} miles at {rng.randrange(10, 30)} knots.")
        else:
            parts.append(rng.choice(["The storm killed 310 people.", "The storm killed 930 people.",
                                     "It rained."]))
        parts.append(rng.choice([" ", "\n\n", "\n\n"]))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(4))
def test_pairs_left_unjudged_in_a_list_change_nothing(seed):
    text = _generated_report(seed)
    fast = list(conflicting_figures.check(_context(text)))
    full = list(conflicting_figures.reference_check(_context(text)))
    assert len(fast) > 5  # (the slips: 310 and 930 dead)
    assert fast == full
    assert [d.data for d in fast] == [d.data for d in full]


def test_a_generated_report_is_judged_about_once_a_figure(monkeypatch):
    judged = [0]
    conflict = conflicting_figures._conflict

    def counted(*args):
        judged[0] += 1
        return conflict(*args)

    monkeypatch.setattr(conflicting_figures, "_conflict", counted)
    figures = 600
    text = "\n\n".join(f"The factory added {1000 + k * 7919 % 9000:,} jobs in May." for k in range(figures))
    assert list(conflicting_figures.check(_context(text))) == []  # a list: silent
    # a window holds 24 partners: judging them all would be ~24 a figure
    assert judged[0] < 4 * figures, judged[0]


def test_a_series_set_off_by_dashes_is_no_breakdown_and_is_read_once(monkeypatch):
    # "12 - 12 - 12 …" is a series, not a total and its parts: a dash ends a breakdown's list
    # (found by fuzzing: a LaTeX line of "12\verb||- " took 56 s, one diagnostic a figure).
    small_work, small = _work(monkeypatch, parts_do_not_sum, "_part_of", parts_do_not_sum, "12 - " * 100)
    large_work, large = _work(monkeypatch, parts_do_not_sum, "_part_of", parts_do_not_sum, "12 - " * 400)
    assert small == large == []
    assert large_work <= 4 * small_work + 4


def test_a_change_in_a_run_on_sentence_is_bound_about_once(monkeypatch):
    # "a 5% rise to $12 from $10, " run on: one long sentence read in overlapping windows, each
    # of which binds every change in several forms (about ten bindings a change: 4x prose)
    text = "Sales posted " + "a 5% rise to $12 from $10, " * 400 + "the company said."
    work, found = _work(monkeypatch, changes, "_bind_now", change_mismatch, text)
    assert len(found) == 400  # (a rise from 10 to 12 is 20%, not 5%: each is reported)
    assert work <= 3 * len(found), work


@pytest.mark.parametrize("unit", ["12, of whom ", "30 people, 12 of them ", "12 people: 5 men and "])
def test_a_long_list_is_not_read_again_from_each_of_its_figures(monkeypatch, unit):
    # Every figure of such a sentence may start a breakdown; its list (and the words after it)
    # must not be read again to the sentence's end from each one.
    def work(n: int) -> int:
        counted = {name: CountingPattern(getattr(parts_do_not_sum, name))
                   for name in ("_LIST_SEP", "_NOT_EXHAUSTIVE")}
        for name, pattern in counted.items():
            monkeypatch.setattr(parts_do_not_sum, name, pattern)
        list(parts_do_not_sum.check(_context(unit * n)))
        monkeypatch.undo()
        return sum(p.calls for p in counted.values())

    small, large = work(100), work(400)
    assert small > 0
    assert large <= 5 * small


def test_a_sentence_crowded_with_figures_builds_no_frames(monkeypatch):
    # A "sentence" of more figures than prose gives (a list run on without a full stop) is read
    # as a table: its pairs are dropped before any frame is built. FC202 judged every pair of it,
    # each frame reading the whole sentence: 192 KB of "12 km and 12 miles " took 296 s.
    from figcheck.rules import frame

    for unit in ("12 km and 12 miles ", "The storm killed 310 people and later 930 people and "):
        work, found = _work(monkeypatch, frame, "_build", unit_mixup, unit * 200)
        assert (work, found) == (0, [])
        work, found = _work(monkeypatch, frame, "_build", conflicting_figures, (unit * 200 + ". ") * 2)
        assert (work, found) == (0, [])
    # (a sentence of prose is read as before: the same number in two units is FC202's)
    work, found = _work(monkeypatch, frame, "_build", unit_mixup,
                        "The lake covers 120 square miles.\n\nOfficials said the lake covers 120 square kilometres.")
    assert work > 0 and [d.code for d in found] == ["FC202"]


class _CountingClaims(list):
    """A list of claims that counts the items read from it."""

    reads = 0

    def __getitem__(self, k):
        _CountingClaims.reads += 1
        return super().__getitem__(k)


def test_the_echoes_of_a_figure_repeated_thousands_of_times_are_read_near_it():
    # "the 930 people" given 4,000 times: each copy's echoes are looked for among the nearest
    # copies only, so the work a copy costs does not grow with the document
    text = "The storm killed 310 people in the town. The 930 people killed there were buried. " * 50
    claims = extract_claims(read_document(text, "text").prose)
    many = _CountingClaims(claims * 80)
    alike: dict[tuple, list[int]] = {}
    for k, c in enumerate(many):
        alike.setdefault(conflicting_figures._reading(c), []).append(k)
    _CountingClaims.reads = 0
    last = len(many) - 1
    echoes = conflicting_figures._echoes(many, alike, last)
    assert len(echoes) == conflicting_figures._ECHOES_READ + 1
    assert _CountingClaims.reads <= 2 * (conflicting_figures._ECHOES_READ + 2)


def test_what_tells_two_cases_apart_is_read_once_a_figure(monkeypatch):
    # (a figure in conflict with dozens of others: the part of its sentence its bases are read
    # from, and the measure before its noun, are found once, not once a pair)
    text = RESTATED * 40
    claims = len(_context(text).claims)
    scans = _SearchesCounted(conflicting_figures._CLAUSE_BREAK_AFTER)
    monkeypatch.setattr(conflicting_figures, "_CLAUSE_BREAK_AFTER", scans)
    work, found = _work(monkeypatch, conflicting_figures.frame, "figure_before_head", conflicting_figures, text)
    assert found and 0 < work <= claims
    assert 0 < scans.calls <= claims


class _SearchesCounted:
    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, *args):
        self.calls += 1
        return self.pattern.search(*args)


def test_places_set_by_a_paragraph_are_read_once_a_document(monkeypatch):
    # (FC201 reads the place a paragraph opens with for a sentence that names none: one scan of
    # the document, not one of the paragraph before each figure)
    from figcheck.rules import frame

    scans = _count_calls(monkeypatch, frame, "_settings_in")
    sentences = [f"In Place{k}, it is the same story. Smith has {k + 3} offices and Jones has {k + 40} offices. "
                 for k in range(60)]
    list(conflicting_figures.check(_context("".join(sentences))))
    assert scans[0] == 1


def test_a_sentence_is_read_once_for_the_sea_whatever_its_conversions(monkeypatch):
    counted = CountingPattern(conversion_mismatch._AT_SEA)
    monkeypatch.setattr(conversion_mismatch, "_AT_SEA", counted)
    text = "".join(f"{k + 1} miles ({(k + 1) * 1.9:.0f} km) off the coast, " for k in range(300))
    list(conversion_mismatch.check(_context(text)))
    assert counted.calls <= len(text) // 80 + 1  # (one scan of the one sentence)
