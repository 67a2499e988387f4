"""figcheck.incremental_check: a check that keeps its work across edits (HeldDocument) gives
exactly the diagnostics of a fresh check_document after any sequence of edits (non-ASCII and
astral text, paragraphs joined and split, conflicts made and unmade far apart, line numbers in
messages moved), and redoes the pair work of the figures an edit touched only; the paragraph
starts it moves across edits are the context's."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import incremental_check
from figcheck.config import Settings
from figcheck.engine import check_document
from figcheck.extract.incremental import ParagraphCache, paragraphs
from figcheck.incremental_check import HeldDocument, claim_keys, equals_moved, moved_diagnostic, paragraph_layout
from figcheck.model import Diagnostic, Edit, Fix, Related
from figcheck.rules.context import CheckContext
from figcheck.text import read_document

FORCE = "The rebels gathered a force of some 8,000 fighters outside the city in early March."
SAME_FORCE = "Two weeks later, the same force of about {} fighters crossed the river."
AREA = ("The army said on Friday that it had retaken almost 3,000 square kilometres of territory in"
        " the north over the past week.")
SAME_AREA = ("Further on, the general told reporters that his units had recaptured \"around 3,000"
             " square {}\" since the operation began.")
FILLER = "Paragraph {} says nothing about numbers at all, only words about the weather."


class Holder:
    """A document held across edits as the language server holds it."""

    def __init__(self, fmt: str = "text", config: Settings | None = None) -> None:
        self.cache, self.held, self.fmt, self.config = ParagraphCache(), HeldDocument(), fmt, config

    def check(self, text: str):
        doc = read_document(text, self.fmt)
        claims = self.cache.claims(doc.prose)
        got = check_document(doc, self.config, None, claims, self.held)
        assert got == check_document(doc, self.config)  # exactly a fresh check
        return got


def far_apart(later: str, fillers: int = 60) -> str:
    middle = "\n\n".join(FILLER.format(k) for k in range(fillers))
    return f"{FORCE}\n\n{middle}\n\n{later}\n"


def test_an_edit_that_creates_a_conflict_with_a_far_paragraph():
    holder = Holder()
    text = far_apart(SAME_FORCE.format("8,000"))
    assert not [d for d in holder.check(text) if d.code == "FC201"]
    found = holder.check(text.replace("about 8,000", "about 18,000"))
    conflicts = [d for d in found if d.code == "FC201"]
    assert len(conflicts) == 1 and "line 1" in conflicts[0].message
    assert holder.held.last.walked["FC201"] == 1  # only the edited figure's pairs judged again


def test_an_edit_of_a_heading_judges_again_the_pairs_its_sections_hold():
    holder = Holder("markdown")
    text = ("# Changelog\n\n## Version 6.13.0\n\nThis release comes with 112 commits.\n\n"
            "## Version 6.12.3\n\nThis release comes with 115 commits.\n")
    assert not [d for d in holder.check(text) if d.code == "FC201"]  # sibling releases
    edited = text.replace("## Version 6.12.3", "## Summary")  # no longer headed alike
    assert [d.code for d in holder.check(edited)] == ["FC201"]
    assert not holder.check(text)  # and back


def test_an_edit_that_removes_the_conflict():
    holder = Holder()
    text = far_apart(SAME_FORCE.format("18,000"))
    assert [d for d in holder.check(text) if d.code == "FC201"]
    assert not [d for d in holder.check(text.replace("18,000", "8,000")) if d.code == "FC201"]


def test_an_edit_above_moves_the_line_numbers_in_messages():
    holder = Holder()
    text = f"Report\n\n{AREA}\n\n{FILLER.format(1)}\n\n{SAME_AREA.format('miles')}\n"
    before = [d for d in holder.check(text) if d.code == "FC202"]
    assert before and "line 3" in before[0].message
    # (a figure before them: indexes move too; sentences, not lines that read as headings)
    added = "\n\nA sentence.\n\nA line of 12 words."
    after = [d for d in holder.check(text[:6] + added + text[6:]) if d.code == "FC202"]
    assert after and "line 7" in after[0].message and after[0].start == before[0].start + len(added)
    assert after[0].data["other"] == before[0].data["other"] + 1
    # Only the new figure's pairs are judged: the two areas' are only moved.
    assert holder.held.last.walked == {"FC201": 1, "FC202": 1}


def test_fc202_s_diagnostic_is_moved_when_its_verdict_and_figures_are_and_made_again_otherwise(monkeypatch):
    from figcheck.rules import unit_mixup

    made: list[int] = []
    real = unit_mixup._diagnostic
    monkeypatch.setattr(unit_mixup, "_diagnostic", lambda ctx, *a: made.append(a[0]) or real(ctx, *a))
    holder = Holder()
    text = f"Report\n\n{FILLER.format(0)}\n\n{AREA}\n\n{FILLER.format(1)}\n\n{SAME_AREA.format('miles')}\n"
    first = [d for d in holder.check(text) if d.code == "FC202"]
    assert len(first) == 1 and len(made) == 2  # (made once more by the fresh check that compares)
    at = text.index("weather")  # before both figures, on their lines: moved
    moved = [d for d in holder.check(text[:at] + "x" + text[at:]) if d.code == "FC202"]
    assert len(made) == 3 and moved[0].start == first[0].start + 1
    at = text.index("weather", at + 8)  # between them: one moves, the other does not: made again
    between = [d for d in holder.check(text[:at] + "x" + text[at:]) if d.code == "FC202"]
    assert len(made) == 5 and between[0].start == first[0].start + 1
    assert between[0].related[0].start == first[0].related[0].start


def test_a_change_of_settings_judges_everything_again():
    text = far_apart(SAME_FORCE.format("18,000"), fillers=3)
    holder = Holder()
    holder.check(text)
    holder.config = Settings(tolerance=0.5)
    holder.check(text)
    assert holder.held.last.walked["FC201"] == 2  # (both figures of the bucket)


def test_claims_are_named_by_their_paragraph_text_and_occurrence():
    text = "Intro.\n\nIt is 5 km.\n\nIt is 5 km.\n\nNow 7 km and 9 km."
    doc = read_document(text, "text")
    claims = ParagraphCache().claims(doc.prose)
    keys, ids = claim_keys(doc.prose, claims, {}, iter(range(100)))
    assert [k[1:] for k in keys] == [(0, 0), (1, 0), (0, 0), (0, 1)]
    assert keys[0][0] == keys[1][0] != keys[2][0] == keys[3][0]
    again, _ = claim_keys(doc.prose, claims, ids, iter(range(100, 200)))
    assert again == keys  # the same texts keep their ids


# --- random edit sequences: the held check always equals a fresh one -------------------------

PIECES = [
    FORCE, " " + SAME_FORCE.format("18,000"), " " + SAME_FORCE.format("8,000"), AREA,
    " " + SAME_AREA.format("miles"), " " + SAME_AREA.format("kilometres"),
    "The fire destroyed 1,200 homes in the valley on Monday.",
    " Officials said the fire destroyed 1,500 homes in the valley.",
    "Of the 42 passengers, 45 were hurt.", " It cost $4.5 million", ", up 12% from 2019.",
    "\n\n", "\n  \n", "\r\n\r\n", "\n", "\n   ", " ", "é", "🏔", "𝟓 km", "five", " 5 km (3 miles)",
    " 5 km (30 miles)", " 8 km (4 kg)", "x", "the same force of 12,000 fighters",
    "Sales rose from 20 to 30, an increase of 10%", "annually", " dlrs", "Qtly div ", ",",
    "\n\n## Version 1.2\n\n", "\n\n## Version 1.3\n\n", "\n\n## Summary\n\n", "# ",
]
edits = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "join", "split", "swap"]), st.floats(0, 1),
              st.integers(0, 60), st.sampled_from(PIECES)),
    min_size=1, max_size=12)


def _edit(text: str, op: str, where: float, size: int, piece: str) -> str:
    at = int(where * len(text))
    if op == "join":  # the paragraph break nearest after ``at`` becomes a space
        k = text.find("\n\n", at)
        return text if k < 0 else f"{text[:k]} {text[k + 2 :]}"
    if op == "swap":  # a figure's digit changed in place
        k = next((n for n in range(at, len(text)) if text[n].isdigit()), -1)
        return text if k < 0 else text[:k] + str(size % 10) + text[k + 1 :]
    removed, added = {"insert": (0, piece), "delete": (size, ""), "split": (0, "\n\n")}[op]
    return text[:at] + added + text[at + removed :]


@settings(max_examples=250, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), edits,
       st.sampled_from(["text", "markdown"]))
def test_a_held_check_equals_a_fresh_check_after_any_edits(start, steps, fmt):
    _check_through_edits("".join(start), steps, fmt)


def _check_through_edits(text: str, steps, fmt: str) -> None:
    """Hold ``text`` and check it after each edit (each check compared with a fresh one)."""
    holder = Holder(fmt)
    holder.check(text)
    for step in steps:
        text = _edit(text, *step)
        holder.check(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=30), edits,
       st.sampled_from(["text", "markdown"]))
def test_paragraph_starts_moved_across_edits_equal_the_contexts(start, steps, fmt):
    layout = None
    text = "".join(start)
    for step in [None, *steps]:
        text = text if step is None else _edit(text, *step)
        doc = read_document(text, fmt)
        layout = paragraph_layout(doc.prose, fmt, layout)
        assert layout.context_starts == CheckContext(document=doc, claims=[]).paragraph_starts
        assert [s for s, _ in layout.bounds()] == [s for s, _ in paragraphs(doc.prose)]


def test_paragraph_starts_are_read_again_only_around_the_edit(monkeypatch):
    text = "\n\n".join(FILLER.format(k) + "\n   indented" for k in range(40))
    layout = paragraph_layout(text, "text")
    read: list[str] = []
    real = incremental_check._starts_inside
    monkeypatch.setattr(incremental_check, "_starts_inside", lambda t, *a: read.append(t) or real(t, *a))
    at = text.index("Paragraph 20")
    edited = text[:at] + "New words. " + text[at:]
    moved = paragraph_layout(edited, "text", layout)
    assert len(read) == 1 and "Paragraph 20" in read[0]
    assert moved.context_starts == CheckContext(document=read_document(edited, "text"), claims=[]).paragraph_starts


def test_paragraph_scope_rules_check_only_the_edited_paragraphs_claims(monkeypatch):
    from figcheck.rules import conversion_dimension, conversion_mismatch

    text = "\n\n".join(f"Road {k} is 5 km (30 miles) long, track {k} is 8 km (4 kg)." for k in range(30))
    holder = Holder()
    first = holder.check(text)
    assert sorted({d.code for d in first}) == ["FC101", "FC102"] and len(first) == 60
    seen: dict[str, list[int]] = {"FC101": [], "FC102": []}
    for module in (conversion_mismatch, conversion_dimension):
        real = module.check
        monkeypatch.setattr(module, "check", lambda ctx, real=real, code=module.CODE:
                            seen[code].append(len(ctx.claims)) or real(ctx))
    at = text.index("Road 17") + 2
    edited = text[:at] + "x" + text[at:]
    got = holder.check(edited)  # (equal to a fresh check, which reads all 120 claims)
    # the edited paragraph's 4 claims and those of the two paragraphs (of 60 characters) on
    # each side that lie within PARAGRAPH_REACH of it
    assert seen == {"FC101": [20, 120], "FC102": [20, 120]}
    assert [d.start for d in got if d.start > at] == [d.start + 1 for d in first if d.start > at]


# A figure whose diagnostic depends on the words past its paragraph's blank line (and past
# paragraphs of white space): "annually" after a stated change makes it a rate, "dlrs" after a
# part makes it money, "div" before a sum makes it a price per share. Editing those words
# changes the diagnostic: a check that reused it would differ from a fresh one.
ACROSS_THE_BREAK = [
    ("Sales rose from 20 to 30, an increase of 10%\n\nannually since.",
     "Sales rose from 20 to 30, an increase of 10%\n\nLater since."),
    ("Sales rose from 20 to 30, an increase of 10%\n\n \n\n\n\n,annually.",
     "Sales rose from 20 to 30, an increase of 10%\n\n \n\n\n\n,later."),
    ("Of the 42 passengers, 45\n\ndlrs were paid.", "Of the 42 passengers, 45\n\nwere hurt."),
    ("Qtly div\n\n45 cts of the 42 cts were paid.", "Qtly dog\n\n45 cts of the 42 cts were paid."),
]


@pytest.mark.parametrize("middle, edited", ACROSS_THE_BREAK)
@pytest.mark.parametrize("backwards", [False, True])
def test_a_diagnostic_that_reads_past_its_paragraph_follows_an_edit_there(middle, edited, backwards):
    fillers = "\n\n".join(FILLER.format(k) for k in range(20))
    before, now = (edited, middle) if backwards else (middle, edited)
    holder = Holder()
    found = holder.check(f"{fillers}\n\n{before}\n\n{fillers}")
    again = holder.check(f"{fillers}\n\n{now}\n\n{fillers}")  # (equal to a fresh check)
    assert [(d.code, d.message) for d in found] != [(d.code, d.message) for d in again]


SENTENCES = [p for p in PIECES if len(p) > 20]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=4, max_size=25),
       st.lists(st.tuples(st.sampled_from(["insert", "delete", "swap", "split", "join"]),
                          st.floats(0, 1), st.integers(0, 4), st.sampled_from(PIECES)),
                min_size=1, max_size=10))
def test_a_held_check_equals_a_fresh_check_after_keystrokes(paragraphs_, steps):
    # Many paragraphs of figures that pair up, small edits: most of the claims are before or
    # after the edit, and their keys and verdicts are moved.
    holder = Holder()
    text = "\n\n".join(paragraphs_)
    holder.check(text)
    for step in steps:
        text = _edit(text, *step)
        holder.check(text)


_OFFSETS = st.integers(0, 30)
_RELATED = st.builds(Related, _OFFSETS, _OFFSETS, st.sampled_from(["r", "s"]),
                     st.sampled_from([None, None, "other.txt"]))
_FIX = st.none() | st.builds(Fix, st.sampled_from(["f", "g"]), st.sampled_from(["safe", "unsafe"]),
                             st.lists(st.builds(Edit, _OFFSETS, _OFFSETS, st.sampled_from(["a", "b"])),
                                      max_size=2).map(tuple))
_DIAGNOSTIC = st.builds(Diagnostic, st.sampled_from(["FC201", "FC202"]), st.just("n"),
                        st.sampled_from(["warning", "error"]), st.sampled_from(["m", "o"]), _OFFSETS,
                        _OFFSETS, st.lists(_RELATED, max_size=2).map(tuple), _FIX)


@settings(max_examples=300, deadline=None)
@given(_DIAGNOSTIC, st.integers(-3, 3), st.data())
def test_a_moved_diagnostic_and_the_test_for_one_agree_with_the_dataclass(old, delta, data):
    # (moved_diagnostic sets the frozen fields directly; equals_moved compares without a copy)
    moved = moved_diagnostic(old, delta)
    expected = replace(
        old, start=old.start + delta, end=old.end + delta,
        related=tuple(r if r.path else replace(r, start=r.start + delta, end=r.end + delta) for r in old.related),
        fix=old.fix and replace(old.fix, edits=tuple(replace(e, start=e.start + delta, end=e.end + delta)
                                                     for e in old.fix.edits)))
    assert moved == expected and hash(moved) == hash(expected) and moved.data is old.data
    assert equals_moved(moved, old, delta)
    other = data.draw(st.one_of(_DIAGNOSTIC, st.just(moved_diagnostic(old, delta + 1)), _one_field_changed(expected)))
    assert equals_moved(other, old, delta) == (other == expected)


def _one_field_changed(d: Diagnostic):
    """``d`` with one of its fields, or one of its related places' or its fix's, drawn anew."""
    changes = [st.builds(replace, st.just(d), code=st.sampled_from(["FC201", "FC202"])),
               st.builds(replace, st.just(d), message=st.sampled_from(["m", "o"])),
               st.builds(replace, st.just(d), severity=st.sampled_from(["warning", "error"])),
               st.builds(replace, st.just(d), fix=_FIX)]
    if d.related:
        changes.append(st.builds(lambda r: replace(d, related=(r, *d.related[1:])),
                                 st.builds(replace, st.just(d.related[0]), start=_OFFSETS)
                                 | st.builds(replace, st.just(d.related[0]), message=st.sampled_from(["r", "s"]))
                                 | st.builds(replace, st.just(d.related[0]), path=st.sampled_from([None, "other.txt"]))))
    if d.fix and d.fix.edits:
        edit = d.fix.edits[0]
        changes.append(st.builds(lambda e: replace(d, fix=replace(d.fix, edits=(e, *d.fix.edits[1:]))),
                                 st.builds(replace, st.just(edit), end=_OFFSETS)
                                 | st.builds(replace, st.just(edit), new_text=st.sampled_from(["a", "b"]))))
    return st.one_of(changes)


def test_a_keystroke_away_from_the_figures_gives_the_previous_pairs_again(monkeypatch):
    from figcheck.rules import unit_mixup

    reduced: list[int] = []
    real = unit_mixup._best
    monkeypatch.setattr(unit_mixup, "_best", lambda pairs: reduced.append(1) or real(pairs))
    holder = Holder()
    text = f"Report\n\n{FILLER.format(0)}\n\n{AREA}\n\n{FILLER.format(1)}\n\n{SAME_AREA.format('miles')}\n"
    first = holder.check(text)
    assert len(reduced) == 2  # (and once more by the fresh check that compares)
    at = text.index("weather")  # a paragraph with no figure, no claim added: the same pairs
    again = holder.check(text[:at] + "x" + text[at:])
    assert len(reduced) == 3 and holder.held.last.walked == {"FC201": 0, "FC202": 0}
    assert [d.start for d in again if d.code == "FC202"] == [d.start + 1 for d in first if d.code == "FC202"]
    at = text.index("3,000")  # a figure edited: judged and reduced again
    holder.check(text[:at] + "4" + text[at + 1 :])
    assert len(reduced) == 5


# Keystrokes: a letter typed or deleted anywhere, mostly where no figure is (the pairs are then
# the previous check's, given again), sometimes a digit.
keystrokes = st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["x", "7", "", "\n", " "])),
                      min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([AREA, SAME_AREA.format("miles"), SAME_AREA.format("kilometres"),
                                 FORCE, SAME_FORCE.format("8,000"), FILLER.format(0)]),
                min_size=2, max_size=14), keystrokes)
def test_a_held_check_equals_a_fresh_check_after_keystrokes_away_from_the_figures(paragraphs_, steps):
    holder = Holder()
    text = "\n\n".join(paragraphs_)
    holder.check(text)
    for where, typed in steps:
        at = int(where * len(text))
        text = text[:at] + typed + text[at + (typed == "") :]
        holder.check(text)  # (compared with a fresh check)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab \n\r", max_size=30), st.integers(0, 30), st.integers(0, 4),
       st.text(alphabet="ab\n\r", max_size=4), st.lists(st.integers(0, 30), min_size=1, max_size=3))
def test_offsets_said_to_keep_their_lines_after_an_edit_keep_them(old, at, removed, typed, offsets):
    from figcheck.rules.pair_reuse import PairReuse
    from figcheck.text.lines import LineIndex

    at = min(at, len(old))
    new = old[:at] + typed + old[at + removed :]
    reuse = PairReuse([], {}, texts=(old, new))
    old_lines, new_lines = LineIndex(old), LineIndex(new)
    olds = tuple(min(o, len(old)) for o in sorted(offsets))
    for moved in {0, len(new) - len(old)}:
        starts = tuple(o + moved for o in olds)
        if reuse.moved_on_their_lines(olds, starts) is not None:
            assert all(0 <= s <= len(new) for s in starts)
            assert [new_lines.line_of(s) for s in starts] == [old_lines.line_of(o) for o in olds]
    if "\r" not in old + typed and old[at : at + removed].count("\n") == typed.count("\n"):
        # an edit that adds or removes no line: offsets after it are known to keep their lines
        tail = [o for o in olds if o >= at + removed]
        if tail and len(tail) == len(olds) and typed != old[at : at + removed]:
            starts = tuple(o + len(new) - len(old) for o in olds)
            assert reuse.moved_on_their_lines(olds, starts) == len(new) - len(old)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), edits,
       st.sampled_from(["text", "markdown"]))
def test_buckets_moved_across_edits_are_those_built_afresh(start, steps, fmt):
    from unittest import mock

    from figcheck.rules import frame

    real = frame.moved_buckets

    def checked(ctx, *args):
        got = real(ctx, *args)
        fresh = frame.buckets(CheckContext(document=ctx.document, claims=ctx.claims, settings=ctx.settings))
        assert list(got.items()) == list(fresh.items())  # the same buckets, in the same order
        return got

    with mock.patch.object(frame, "moved_buckets", checked):
        _check_through_edits("".join(start), steps, fmt)


def test_a_heading_typed_re_judges_only_the_figures_of_the_sections_it_touches():
    holder = Holder()
    first = f"{AREA}\n\n{FILLER.format(1)}\n\n{SAME_AREA.format('miles')}"
    second = "The council said 40 schools had closed.\n\nLater the council said 40 schools had closed."
    text = f"Region One\n\n{first}\n\nRegion Two\n\n{second}\n"  # (numbered: parallel)
    before = holder.check(text)
    assert [d.code for d in before] == ["FC202"]
    at = text.index("Later the council")
    typed = text[:at] + "Region Three\n\n" + text[at:]  # a plain-text line that reads as a heading
    after = holder.check(typed)
    assert [d.code for d in after] == ["FC202"] and after == check_document(read_document(typed, "text"))
    # the figure under the new heading is judged again, with its partners; the areas are kept
    assert holder.held.last.walked == {"FC201": 1, "FC202": 1}
