"""FC201 and FC202 on text that lists values of one attribute for several things (encyclopedia
articles on ships, aircraft, engines): a list is not a slip.

One wrong restatement gives two values, however often each is repeated. Three values that all
seem to be about one thing, or two sentences that differ in two figures, are different things
the referent model cannot tell apart, and the rule stays silent on them.
"""

from __future__ import annotations

import pytest

from figcheck.engine import check_text


def codes(text: str) -> list[str]:
    return [d.code for d in check_text(text)]


GUNS = """\
The ship carried eight 12.7 cm guns on both sides of the superstructure.

The pair of 14 cm guns on the upper deck were removed at this time.

These 25 mm guns were added in ten twin mounts during the refit.

In addition the forward pair of 14 cm guns in the forecastle were removed at this time.

The ship carried four 8 cm guns on both sides of the bridge.
"""

RANGES = """\
The fuel gave the ship a range of 9,680 nautical miles at a speed of 14 knots.

During the 1930s the boilers were replaced.

The new fuel tanks gave the ship a range of 7,870 nautical miles at a speed of 16 knots.
"""


def test_the_calibres_of_several_guns_are_a_list_not_a_slip():
    assert codes(GUNS) == []


def test_two_sentences_that_differ_in_two_figures_are_two_cases():
    # another range at another speed; nor are 14 and 16 knots a knots/mph slip (factor 1.15)
    assert codes(RANGES) == []


@pytest.mark.parametrize("text", [
    # one figure of the pair changed: the range restated wrongly at the same speed
    RANGES.replace("The new fuel tanks gave", "The fuel gave").replace("16 knots", "14 knots"),
    # one value repeated, one slip: two values, however often each is written
    "The factory added 2,300 jobs in May.\n\nUnions welcomed the news. The factory added 2,300 jobs "
    "in May, the union said.\n\nThe factory added 6,900 jobs in May.\n",
])
def test_a_single_slip_is_still_flagged(text):
    assert codes(text) == ["FC201"]


def test_a_slip_among_repeats_is_flagged_once_for_each_place():
    text = ("The storm has left at least 310 people dead.\n\nRescuers are searching the coast.\n\n"
            "The storm has left at least 310 people dead, officials said.\n\n"
            "The storm has left at least 930 people dead.\n")
    assert codes(text) == ["FC201"]


@pytest.mark.parametrize("text", [
    # "the two ships": two of the five, not the five restated
    "Howe led five ships against the French line at dawn.\n\nThe battle lasted until noon.\n\n"
    "The two ships swung so close to each other that the crews could not open their gun ports.\n",
    # "the four men": the two and two more
    "Judo reached Cuba with two men, Ono and Ito.\n\nThey taught in Havana for a year.\n\n"
    "The four men were known as the Four Kings of Cuba.\n",
])
def test_a_small_group_named_with_the_is_not_a_restatement(text):
    assert codes(text) == []


def test_a_large_count_named_with_the_still_points_back():
    text = ("The factory added 2,300 new jobs in May.\n\nUnions welcomed the news.\n\n"
            "The 6,900 new jobs will be filled by the end of the year.\n")
    assert codes(text) == ["FC201"]


def test_figures_of_males_and_of_females_are_two_figures():
    # (the sex is often inside another figure: "41 males", "25 females")
    text = ("The owl is a large bird; the adult can weigh from 0.9 to 4 kg (2 to 9 lb). Males are "
            "larger than females. Twenty males were found to average 2 kg (4.4 lb) in one survey, and "
            "41 males were found to average 2.06 kg (4.5 lb) in another. In the same surveys, 25 "
            "females were found to average 1.5 kg (3.3 lb) and 17 females averaged 1.28 kg (2.8 lb).\n")
    assert codes(text) == []


RUNS = """\
The film completed its 100-day run in 223 centres in March.

Critics praised the score.

It later completed a {days}-day run in 3 centres in March.
"""


def test_sentences_that_also_differ_in_a_figure_the_rules_never_pair_are_two_cases():
    # the runs' lengths (durations, never paired themselves) tell the two cases apart...
    assert codes(RUNS.format(days=175)) == []
    # ...and the same length leaves the count the one figure changed
    assert codes(RUNS.format(days=100)) == ["FC201"]


def test_a_figure_restated_in_another_unit_is_not_another_case():
    # "5 km" and "5,000 m" are one figure: the count is still the one figure changed
    text = ("The company laid 2,300 sleepers along 5 km of new track in May.\n\nUnions welcomed the news.\n\n"
            "The company laid {count} sleepers along {length} of new track in May.\n")
    assert codes(text.format(count="6,900", length="5,000 m")) == ["FC201"]
    assert codes(text.format(count="6,900", length="9 km")) == []


HEADS = """\
La Venta Monument 4 measures 2.26 metres (7.4 ft) high and {deep} metres deep. It weighs 19.8 tons.

It was found a few metres to the west of Monument 2.

The monument stands 1.86 metres (6.1 ft) high and 1.15 metres deep. It weighs 11.6 tons.
"""


def test_sentences_opening_with_a_pronoun_are_told_apart_by_the_sentences_before_them():
    # "It weighs ..." twice: the sentences before say which head each "it" is
    assert codes(HEADS.format(deep="1.86")) == []
    # (the measures before are the same: the weight is the one figure changed)
    same = HEADS.replace("The monument stands 1.86 metres (6.1 ft) high and 1.15", "The monument stands 2.26 metres (7.4 ft) high and 1.86")
    assert codes(same.format(deep="1.86")) == ["FC201"]


def test_a_relative_clause_after_a_figure_does_not_point_back_at_another():
    text = ("China executes three men convicted of plotting a knife attack that killed 31.\n\n"
            "China has executed three men convicted of plotting a knife attack that killed 31 people "
            "at a railway station in Kunming last year.\n")
    assert codes(text) == []
    # a figure changed beside another given again is still a slip
    slip = ("The factory added 2,300 jobs in May, with 40 new robots.\n\nUnions welcomed the news.\n\n"
            "The factory added 6,900 jobs in May, with 40 new robots.\n")
    assert codes(slip) == ["FC201"]


def test_a_possessive_count_is_not_the_count_of_the_same_noun():
    text = ("An official said 14 victims' remains still lie in the morgue.\n\n"
            "Most of the 23 victims were foreigners, which made identification harder.\n")
    assert codes(text) == []


def test_a_figure_pointing_back_restates_the_earlier_figure_of_its_number():
    # "these 15 children" restates the 15 of the 158, not the 158
    text = ("Of 158 asthmatic children who were given the new inhaler, 15 (9.5%) developed either a rash (8), "
            "a fever (6), or both (1). When their symptoms subsided, seven of these 15 children were given "
            "the inhaler again.\n")
    assert codes(text) == []


def test_values_listed_together_elsewhere_are_each_a_case():
    text = ("In the catalepsy test, THP (3.75, 7.5 and 15 mg/kg i.p.) was given 1 h before haloperidol.\n\n"
            "Pretreatment with RAMH reversed such an effect of THP (15 mg/kg i.p.) in the test.\n\n"
            "Pretreatment with RAMH could partially reverse such effects of THP (3.75 mg/kg i.p.) in the test.\n")
    assert codes(text) == []
    # the same two sentences without the list are a slip
    assert codes(text.split("\n\n", 1)[1]) == ["FC201"]


@pytest.mark.parametrize("text, expected", [
    # 500,000 and 148: a country's and a village's, far too far apart for a slip
    ("Some 500,000 Huguenots fled France in the years after 1685.\n\nUnions welcomed the news.\n\n"
     "Only 148 Huguenots fled France in the years after 1685, records show.\n", []),
    # ten times: a zero lost or added, still a slip
    ("The factory added 2,300 jobs in May.\n\nUnions welcomed the news.\n\nThe factory added 230 jobs in May.\n",
     ["FC201"]),
])
def test_figures_too_far_apart_for_a_slip_are_two_things(text, expected):
    assert codes(text) == expected


def test_a_paragraph_going_through_three_values_of_a_count_is_a_set_of_cases():
    text = ("One open problem is the claim that every even integer n greater than 2 can be written as a "
            "sum of two primes. It has been checked for all numbers up to a large bound. Weaker results "
            "have been proven: one theorem says that every large odd integer can be written as a sum of "
            "{three} primes, and another says every large even number is the sum of a prime and a "
            "product of two primes. Also, any even integer can be written as the sum of six primes.\n")
    assert codes(text.format(three="three")) == []
    # the same paragraph with two values only (two and six): read as usual, a slip
    assert codes(text.format(three="two")) == ["FC201"]
