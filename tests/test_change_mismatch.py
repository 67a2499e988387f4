"""FC303 change-mismatch beyond its fixture: generated change sentences (recall and silence),
the arithmetic in messages, fixes and their applicability, and the reading behind hover."""

from __future__ import annotations

import pytest

from change_sentences import generate
from figcheck.extract import extract_claims
from figcheck.rules.change_mismatch import describe
from figcheck.rules.changes import change_at
from figcheck.rules.context import CheckContext
from figcheck.text import read_document
from rules_support import apply_fixes, check


def fc303(text: str):
    return [d for d in check(text) if d.code == "FC303"]


def test_generated_change_sentences_recall_and_no_false_alarm():
    cases = generate(240)
    forms = {c.form for c in cases}
    assert len(cases) >= 200 and len(forms) >= 10, forms
    false_alarms = [(c.correct, [d.message for d in check(c.correct)]) for c in cases if check(c.correct)]
    caught = [c for c in cases if fc303(c.perturbed)]
    recall = len(caught) / len(cases)
    print(f"FC303 generated: {len(cases)} correct + {len(cases)} perturbed, "
          f"false alarms {len(false_alarms)}, recall {recall:.3f}")
    assert not false_alarms, false_alarms[:5]
    assert recall >= 0.95, [c.perturbed for c in cases if c not in caught][:10]


def test_message_shows_the_arithmetic_and_the_fix_is_safe_for_exact_figures():
    text = "Sales rose 13.1% to $411.1m from $326.0m."
    (d,) = fc303(text)
    assert text[d.start:d.end] == "13.1%"
    assert d.message.startswith("$326.0m → $411.1m is +26.1%, not +13.1%")
    assert [text[r.start:r.end] for r in d.related] == ["$411.1m", "$326.0m"]
    assert d.fix.applicability == "safe"
    assert apply_fixes(text, [d]) == "Sales rose 26.1% to $411.1m from $326.0m."
    assert d.data["computed"] == pytest.approx(26.104, abs=0.01)


def test_fix_is_unsafe_when_a_figure_is_qualified():
    text = "Sales rose about 60% to $411m from $326m."
    (d,) = fc303(text)
    assert d.fix.applicability == "unsafe"
    assert apply_fixes(text, [d]) == "Sales rose about 26% to $411m from $326m."


def test_points_given_as_per_cent_is_information_with_a_points_fix():
    text = "Unemployment rose 2% to 7% from 5%."
    (d,) = fc303(text)
    assert d.severity == "information"
    assert "2 percentage points" in d.message
    fixed = apply_fixes(text, [d])
    assert fixed == "Unemployment rose 2 percentage points to 7% from 5%."
    assert not fc303(fixed)


@pytest.mark.parametrize("text", [
    "Unemployment rose 40% to 7% from 5%.",  # a relative change of a percentage
    "Unemployment rose 2 points to 7% from 5%.",
    "Unemployment rose 2 percentage points to 7% from 5%.",
])
def test_percentages_of_percentages_read_both_ways(text):
    assert not fc303(text)


def test_wrong_direction_is_flagged_without_a_fix():
    (d,) = fc303("Revenue fell 10% to 120 from 100.")
    assert "went down" in d.message and "+20%" in d.message and "−10%" in d.message
    assert d.fix is None


def test_a_multiplier_is_checked_against_the_ratio():
    (d,) = fc303("Exports tripled to 40,000 tonnes from 20,000 tonnes.")
    assert "×2.00" in d.message and d.fix is None
    assert not fc303("Exports doubled to 40,000 tonnes from 20,000 tonnes.")
    assert not fc303("Output nearly doubled to 15.9 billion from 8.6 billion.")


def test_repeated_occasions_are_not_multipliers():
    assert not fc303("The Fed raised rates three times to 5.25% from 4.5% last year.")


def test_ends_given_in_other_scales_and_a_bare_end():
    assert not fc303("Wal-Mart said March sales were up 32 pct to 1.13 billion dlrs from 855 mln dlrs.")
    assert not fc303("Investment jumped 70 pct to 34 billion francs in 1986 from 20 billion in 1985.")
    assert fc303("Investment jumped 30 pct to 34 billion francs in 1986 from 20 billion in 1985.")


def test_a_number_the_extractor_reads_as_a_label_is_no_end_of_a_change():
    # (the bare "16" of "days 15 and 16" was read as the new figure: "6 → 16 is +167%")
    text = ("Rats dosed on days 15 and 16 had a 20% reduction in glomerular number compared with "
            "control at 6 to 9 months of age.")
    assert not fc303(text)
    assert fc303("The number fell 20% to 16 from 6.")  # (a bare number is still an end)


@pytest.mark.parametrize("text", [
    "EBIT for fiscal year '21 was just over $2.9 billion, up 21.8% versus fiscal year '20.",
    "Our hotels earned $29.9 million in Q3, down 7.2% versus Q3 ’19.",
])
def test_a_year_cut_to_two_digits_is_no_end_of_a_change(text):
    assert not fc303(text)


def test_an_end_of_a_range_is_read_in_the_range_unit():
    # the "6" of "6 to 9 months" is six months, not a bare number to bind to "16 occasions"
    assert not fc303("Rats dosed on 15 and 16 occasions had a 20% reduction in glomerular number "
                     "compared with control at 6 to 9 months of age.")
    assert fc303("Output fell 20% to 8 tonnes from 6 to 9 tonnes a day.")


def test_figures_broken_across_lines():
    text = "Investment abroad jumped 70\npct to 34 billion francs from 26\nbillion in 1985."
    (d,) = fc303(text)
    assert "+31%" in d.message


def _change(text: str, offset: int):
    doc = read_document(text, "text")
    ctx = CheckContext(document=doc, claims=extract_claims(doc.prose))
    return change_at(ctx, offset)


def test_change_at_gives_the_change_under_any_of_its_figures():
    text = "Intro. Sales rose 26.1% to $411.1m from $326.0m. Outro."
    for figure in ("26.1%", "$411.1m", "$326.0m"):
        change = _change(text, text.index(figure) + 1)
        assert change is not None and change.consistent
        assert describe(change) == "$326.0m → $411.1m is +26.1%"
    assert _change(text, 2) is None


# Hand-written in the styles of news, results statements and reference works: each correct
# sentence, then a copy with one figure or word changed the way a careless edit changes it.
WRITTEN = [
    ("Pre-tax profits rose 18% to £1.2bn, from £1.02bn a year earlier.",
     "Pre-tax profits rose 28% to £1.2bn, from £1.02bn a year earlier."),
    ("Attendance was 41,200, up 8% on last season's 38,150.",
     "Attendance was 41,200, up 18% on last season's 38,150."),
    ("Profit before tax increased by 12.5% to £56.3m (2022: £50.0m).",
     "Profit before tax increased by 12.5% to £59.3m (2022: £50.0m)."),
    ("Median house prices rose 6.2% year on year to £285,000 from £268,400.",
     "Median house prices fell 6.2% year on year to £285,000 from £268,400."),
    ("Enrolment grew from 1,250 students in 2015 to 1,900 in 2020, an increase of 52%.",
     "Enrolment grew from 1,250 students in 2015 to 1,900 in 2020, an increase of 62%."),
    ("Operating profit was €1.47bn, 11% lower than the €1.65bn reported a year earlier.",
     "Operating profit was €1.47bn, 21% lower than the €1.65bn reported a year earlier."),
    ("The jobless rate ticked down 0.1 percentage point to 3.7% from 3.8%.",
     "The jobless rate ticked down 0.4 percentage point to 3.7% from 3.8%."),
    ("Output grew 3.5-fold to 700 tonnes from 200 tonnes.",
     "Output grew 5.5-fold to 700 tonnes from 200 tonnes."),
    ("The firm's shares have tripled since January, from 150p to 460p.",
     "The firm's shares have doubled since January, from 150p to 460p."),
    ("Net debt was cut by 23% to €4.6bn, compared to €6.0bn in 2021.",
     "Net debt was cut by 23% to €4.6bn, compared to €7.0bn in 2021."),
    ("The number of rough sleepers rose from 1,768 in 2010 to 4,751 in 2017 – a rise of 169%.",
     "The number of rough sleepers rose from 1,768 in 2010 to 4,751 in 2017 – a rise of 69%."),
    ("Membership has grown by 48% since 2015, from 12,500 to 18,500.",
     "Membership has grown by 48% since 2015, from 12,500 to 28,500."),
    ("Rents have risen by almost a quarter, to £1,240 a month from £1,010.",
     "Rents have risen by almost a half, to £1,240 a month from £1,010."),
    ("The airline carried 142 million passengers, 18% more than in 2019 when it flew 120 million.",
     "The airline carried 142 million passengers, 38% more than in 2019 when it flew 120 million."),
    # a verb that does not say which way: the words after the figures do
    ("Revenue went from $5.2 billion to $5.6 billion, up 8%.",
     "Revenue went from $5.2 billion to $5.6 billion, up 12%."),
    ("The price moved from 40p to 46p, an increase of 15%.",
     "The price moved from 40p to 46p, a decrease of 15%."),
]


def test_a_change_no_word_gives_a_direction_of_is_not_read():
    assert not fc303("Revenue went from $5.2 billion to $5.6 billion (12%).")


@pytest.mark.parametrize("correct,perturbed", WRITTEN, ids=[f"w{i}" for i in range(len(WRITTEN))])
def test_written_change_sentences(correct, perturbed):
    assert not check(correct), [d.message for d in check(correct)]
    assert fc303(perturbed), perturbed


def test_a_very_long_run_on_sentence_is_read_in_windows():
    # a table without full stops: one "sentence" of 60,000 characters, read around each change
    right = "sales rose 26.1% to $411.1m from $326.0m, "
    text = right * 700 + "sales rose 13.1% to $411.1m from $326.0m, " + right * 700
    found = fc303(text)
    assert len(found) == 1 and text[found[0].start:found[0].end] == "13.1%"


def test_the_numbers_of_a_long_sentence_are_read_once_not_once_a_window(monkeypatch):
    # windows overlap (each character falls in about four): the numbers the extractor left out
    # are read once for the whole sentence, and every window takes its own from them
    from figcheck.rules import changes

    calls = []
    read = changes._bare_figure
    monkeypatch.setattr(changes, "_bare_figure", lambda *a: calls.append(a[1].start()) or read(*a))
    text = ("Sales rose 5% to 7 from 8 " + "19 " * 30) * 60  # ~7,000 characters, no full stop
    found = fc303(text)
    assert len(found) == 60  # (each change is 5% where 7 from 8 is -12.5%)
    assert len(calls) == len(set(calls)) == 60 * 30  # (the 30 "19"s of each: 7 and 8 are claims)


@pytest.mark.parametrize("text", [
    # a scale word on one end only, the other end nothing: a crash (division by zero) once
    "Sales rose 1% to $4m from $0.",
    "rose 1%to$4m from$0",
])
def test_a_change_from_nothing_is_not_compared(text):
    assert fc303(text) == []


@pytest.mark.parametrize("text", [
    "Sales Tripled to $3m from $2m.",  # ASCII: the multiplier found by substring tests
    "Sales tripled to £3m from £2m.",  # beyond ASCII: by the case-blind patterns
    "Output fell by a third to 30 tonnes from 60 tonnes.",
    "Output fell by a third to 30 tonnes from 60 tonnes, said the company’s chief.",
])
def test_a_multiplier_is_read_in_ascii_sentences_and_beyond(text):
    (d,) = fc303(text)
    assert d.data["kind"] == "factor"


def test_an_unchanged_sentence_read_again_gives_the_same_changes():
    """What a sentence decides is kept by its text, offset and claims: a second document with the
    same sentence elsewhere, or the same document checked again, reads it afresh where it differs."""
    first = "Sales rose 13.1% to $411.1m from $326.0m."
    assert [d.message for d in fc303(first)] == [d.message for d in fc303(first)]
    moved = "Costs were flat. " + first
    (d,) = fc303(moved)
    assert moved[d.start:d.end] == "13.1%"
    edited = first.replace("$326.0m", "$363.5m")  # +13.1%: consistent now
    assert fc303(edited) == []


def test_a_percentage_falling_to_nothing_is_read_without_a_crash():
    # 12% → 0% is −100%, or −12 percentage points: the old figure cannot be found from the new
    # one by their ratio (0), so it is taken as written.
    found = check("The jobless rate fell to 0% from 12%, a drop of 12%.")
    assert [d.code for d in found] == ["FC303"]
    assert "−12 percentage points" in found[0].message


@pytest.mark.parametrize("text, flagged", [
    # a time of day ("1300 GMT") is no end of the change, as the extractor reads it
    ("At 1300 GMT, the euro was up 0.9% on the day at 1.3187 euros per US dollar.", []),
    ("At 1500 GMT, the dollar was up 0.4% on the day at 104.16 yen.", []),
    # the same bare number as an end of the change is still read
    ("The index was up 0.9% at 1300 from 1000.", ["0.9%"]),
])
def test_a_time_of_day_is_not_an_end_of_a_change(text, flagged):
    assert [text[d.start:d.end] for d in fc303(text)] == flagged
