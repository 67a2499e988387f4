"""Issue 13: bracketed conversions as writers set them, read and checked end to end (FC101/FC102)."""

from __future__ import annotations

import pytest

from figcheck.engine import check_text
from figcheck.extract import extract_claims
from figcheck.text import read_document


def codes(text: str, format: str = "text") -> list[str]:
    return [d.code for d in check_text(text, format)]


def linked(text: str, format: str = "text") -> list[tuple[str, str]]:
    """(source text, equivalent text) for every conversion the extractor links."""
    prose = read_document(text, format).prose
    claims = extract_claims(prose)
    return [(claims[c.converted_from].text, c.text) for c in claims if c.converted_from is not None]


@pytest.mark.parametrize(
    "right, wrong",
    [
        ("The blade is 180 millimetres (7.1 in) long.", "The blade is 180 millimetres (9.1 in) long."),
        ("The bar weighs 1 oz (28 g).", "The bar weighs 1 oz (58 g)."),
        ("A gap (~0.8 cm (0.31 in)) opened.", "A gap (~0.8 cm (0.51 in)) opened."),
    ],
)
def test_short_symbols_inside_brackets_are_units(right, wrong):
    assert len(linked(right)) == 1
    assert codes(right) == []
    assert codes(wrong) == ["FC101"]


def test_in_outside_a_bracket_stays_a_word():
    assert linked("It was 5 in the morning (local time).") == []
    assert all(c.unit != "inch" for c in extract_claims("It was 5 in the morning."))


def test_several_equivalents_in_one_bracket_each_restate_the_figure():
    text = "The car does 30 miles per US gallon (7.8 L/100 km; 36 mpg‑imp)."
    assert linked(text) == [("30 miles per US gallon", "7.8 L/100 km"), ("30 miles per US gallon", "36 mpg‑imp")]
    assert codes(text) == []  # litres per 100 km and miles per gallon are inverse: no FC102
    wrong = check_text("The car does 30 miles per US gallon (9.8 L/100 km; 36 mpg‑imp).")
    assert [d.code for d in wrong] == ["FC101"]
    assert "7.8 L/100 km" in wrong[0].message
    assert [d.code for d in check_text("The car does 30 miles per US gallon (7.8 L/100 km; 46 mpg‑imp).")] == ["FC101"]


def test_reciprocal_units_are_not_another_kind():
    assert codes("It uses 5 L/100 km (47 mpg).") == []
    assert codes("It uses 5 L/100 km (47 miles).") == ["FC102"]


@pytest.mark.parametrize(
    "format, text",
    [
        ("latex", r"The trail is \SI{52}{\kilo\metre} (20~miles) long."),
        ("markdown", "The trail is [52 km](https://example.org/trail) (20 miles) long."),
        ("html", 'The trail is <a href="https://example.org/trail">52 km</a> (20 miles) long.'),
        ("rst", "The trail is `52 km <https://example.org/trail>`_ (20 miles) long."),
        ("text", "The trail is 52 km (20 miles) long."),
    ],
)
def test_conversions_after_markup_are_linked_as_across_a_space(format, text):
    assert linked(text, format) == [("52 km", "20 miles")]
    assert [d.code for d in check_text(text, format)] == ["FC101"]  # 52 km is 32 miles
    fixed = text.replace("20~miles", "32~miles").replace("20 miles", "32 miles")
    assert [d.code for d in check_text(fixed, format)] == []


def test_padding_does_not_link_across_a_paragraph():
    assert linked("The trail is 52 km\n\n(20 miles) long.") == []


def test_rounding_range_is_shown_in_the_writers_terms():
    msg = check_text("The trail is 26.2 miles (45 km).")[0].message
    assert "26.2 miles covers 26.15–26.25 as written, so 42.08–42.25 km" in msg
    assert "lopsided" not in msg  # symmetric where the precision is
    msg = check_text("It reached 100mph (180km/h).")[0].message
    assert "covers 99.5–105" in msg and "lopsided because a figure just below 100" in msg


@pytest.mark.parametrize("text, note", [
    ("He stood 6 ft 2 in (1.68 m) tall.", "6 ft 2 in covers 73.5–74.5 in as written"),
    ("He is 5'11\" (1.5 m) tall.", "5'11\" covers 70.5–71.5 inches as written"),
    ("The team signed a 6-foot-2 (1.58-meter) forward.", "6-foot-2 covers 73.5–74.5 inches as written"),
    ("The fish weighed 12 lb 4 oz (7.2 kg).", "12 lb 4 oz covers 195.5–196.5 oz as written"),
])
def test_a_compound_measure_s_bounds_name_the_unit_they_are_in(text, note):
    assert note in check_text(text)[0].message  # (74 of what? the inches its words end with)


@pytest.mark.parametrize(
    "right, wrong",
    [
        ("The engine makes 200 hp (150 kW).", "The engine makes 200 hp (250 kW)."),  # one kind, two spellings
        ("The barrel is 7.5 in (190 mm) long.", "The barrel is 7.5 in (250 mm) long."),
        ("The ship makes 15 kn (28 km/h; 17 mph).", "The ship makes 15 kn (28 km/h; 27 mph)."),
        ("The tank holds 4,000 US gal (15,000 L).", "The tank holds 4,000 US gal (25,000 L)."),
        ("It gives 300 lb⋅ft (410 N⋅m) of torque.", "It gives 300 lb⋅ft (510 N⋅m) of torque."),
        ("The engine is 1.2 L (73 cu in).", "The engine is 1.2 L (93 cu in)."),
        ("Use a 1/2 in (13 mm) bolt.", "Use a 1/2 in (17 mm) bolt."),
        ("Winter lows reach 25 °F (−4 °C).", "Winter lows reach 25 °F (−9 °C)."),
        ("The wingspan is 35.8 m (117 ft 5 in).", "The wingspan is 35.8 m (127 ft 5 in)."),
        # a range in inches in brackets, and a "between" range restated in its own words
        ("The cap is 3 to 9 cm (1.2 to 3.5 in) wide.", "The cap is 3 to 9 cm (1.2 to 5.5 in) wide."),
        ("Claws are 80–85 millimetres (3.1–3.3 in) long.", "Claws are 80–85 millimetres (3.1–4.3 in) long."),
        ("Snow lies between 8 and 12 inches (200 and 300 mm) deep.",
         "Snow lies between 8 and 12 inches (200 and 400 mm) deep."),
        # a conversion in a bracket of its own, and forces
        ("It covers 815 hectares (8.15 km2 (3 sq mi)) of land.", "It covers 2,000 hectares (200 km2 (77 sq mi)) of land."),
        ("The engine gives 22 kN (5,000 lbf) of thrust.", "The engine gives 22 kN (6,000 lbf) of thrust."),
        # an adjective of measure before the bracket, and the horsepower of ships
        ("A 55-foot-long (17 m) arch.", "A 55-foot-long (27 m) arch."),
        ("Engines of 56,498 shp (42,131 kW) drove her.", "Engines of 56,498 shp (52,131 kW) drove her."),
        ("Engines of 15,000 indicated horsepower (11,000 kW).", "Engines of 15,000 indicated horsepower (21,000 kW)."),
        # densities, of a noun or none, in words or with a slash
        ("The density was 315 people per square mile (122/km²).", "The density was 315 people per square mile (111/km²)."),
        ("It had 216 per square kilometer (559 per square mile).", "It had 216 per square kilometer (515 per square mile)."),
        ("It had 25.5 inhabitants per km2 (66/sq mi).", "It had 25.5 inhabitants per km2 (25.5/sq mi)."),
        # depths in fathoms, races in furlongs
        ("The wreck lies in 100 fathoms (180 m) of water.", "The wreck lies in 100 fathoms (100 m) of water."),
        ("The race is run over 7 furlongs (1,408 m).", "The race is run over 7 furlongs (2,408 m)."),
        # a temperature in plain degrees takes the scale its equivalent does not name
        ("Temperatures hit 110 degrees (43 Celsius) on Sunday.", "Temperatures hit 110 degrees (23 Celsius) on Sunday."),
        ("It was 40 degrees (104 Fahrenheit) in Perth.", "It was 40 degrees (114 Fahrenheit) in Perth."),
        ("It reached 30 degrees Celsius (86 degrees).", "It reached 30 degrees Celsius (96 degrees)."),
        ("Temperatures rose by 9 degrees (5 Celsius).", "Temperatures rose by 9 degrees (23 Celsius)."),
        # an adjective of metric tons, as news hyphenates it
        ("It launched a 2.5-ton (2.3-metric-ton) satellite.", "It launched a 2.5-ton (3.3-metric-ton) satellite."),
        # "and a half" after the unit
        ("The road is a mile and a half (2.4 km) long.", "The road is a mile and a half (4.4 km) long."),
        # metric horsepower (PS), and each equivalent after it in the brackets
        ("It makes 150 PS (110 kW; 148 hp).", "It makes 150 PS (150 kW; 148 hp)."),
        ("It makes 150 PS (110 kW; 148 hp).", "It makes 150 PS (110 kW; 184 hp)."),
        ("It makes 221 kW (300 PS; 296 hp).", "It makes 221 kW (500 PS; 296 hp)."),
    ],
)
def test_encyclopedia_style_conversions(right, wrong):
    assert codes(right) == []
    assert codes(wrong) == ["FC101"]


@pytest.mark.parametrize("text", [
    # words near it make a temperature a change of temperature, converted without the offset
    "Temperatures rose by 3 °C (5.4 °F) last year.",
    "Inland it is 2–7 °C (4–13 °F) warmer than on the coast.",
    "Keeping to the 1.5 °C (2.7 °F) target of the accord is hard.",
    "Air can be heated up to 22 °C (40 °F) by the collector.",
])
def test_a_change_of_temperature_is_converted_without_the_offset(text):
    assert codes(text) == []


def test_one_kind_has_one_dimension_spelling():
    from figcheck import units

    assert units.dimension("horsepower") == units.dimension("kilowatt") == "[mass] * [length] ** 2 / [time] ** 3"
    assert units.dimension("mile / gallon") == "1 / [length] ** 2"
    assert units.reciprocal("mile / gallon", "liter / kilometer")
    assert not units.reciprocal("mile", "kilometer")


@pytest.mark.parametrize("text, cause", [
    ("The reserve covers 100 square kilometres (62 square miles).", "the factor for lengths, not for areas"),
    ("The lake covers 500 km2 (311 sq mi).", "the factor for lengths, not for areas"),
    ("It holds 1 million cubic metres (3.3 million cubic feet).", "the factor for lengths, not for volumes"),
    ("The summit is 29,029 metres (8,848 ft) high.", "the wrong way round"),
    ("The bridge is 20 miles (20 km) long.", "The two numbers are the same"),
    # a change in temperature converted with the offset, as if it were a temperature
    ("Global temperatures have risen by about 1.1C (34F) since 1900.", "as a temperature, not as a change"),
    ("Temperatures rose by 2C (36F) last year.", "as a temperature, not as a change"),
    # a factor of ten: a slipped decimal point, or a metric prefix (mm for cm)
    ("The storm brought 12 inches (30 mm) of rain.", "10 times too small: a slipped decimal point, or a wrong prefix on “mm”"),
    ("The pipe is 3 metres (98 feet) long.", "10 times too large: a slipped decimal point?"),
    ("The cable is 2 miles (322 km) long.", "100 times too large"),
    # litres and gallons are no powers of a length: the same digits by chance name no slip
    ("The lake holds 5 million litres (3.3 million gallons).", None),
    ("The road is 12 km (9 miles) long.", None),  # just wrong: no slip to name
    ("It was 30C (30F) in the shade.", "The two numbers are the same"),  # not a change: no offset slip
    # a temperature converted as a change of temperature: the offset forgotten
    ("It reached 30 °C (54 °F) at noon.", "as a change in temperature, without the scale's offset"),
])
def test_the_message_names_the_slip_the_numbers_show(text, cause):
    (d,) = [d for d in check_text(text) if d.code == "FC101"]
    if cause is None:
        assert "It looks" not in d.message and "same" not in d.message and "times too" not in d.message
    else:
        assert cause in d.message


@pytest.mark.parametrize("text", [
    "It was -40C (-40F) at the station.",  # the one temperature both scales write alike
    "The tank holds 20 litres (20 kg) of water.",  # not a conversion of one kind: FC102's
])
def test_the_same_digits_pass_where_converting_keeps_them(text):
    assert [d.code for d in check_text(text) if d.code == "FC101"] == []


@pytest.mark.parametrize("text, flagged", [
    # the smaller part of a compound measure is to the unit: "10 in" here is not 65-75 inches
    ("He stands 5ft 10in (1.70m) tall.", True),
    ("He stands 5ft 10in (1.78m) tall.", False),
    ("He is 6-foot-10 (1.95 metres) tall.", True),
    ("He is 6-foot-10 (2.08 metres) tall.", False),
    ("The baby weighed 7 lb 10 oz (3.3 kg).", True),
    ("The baby weighed 7 lb 10 oz (3.46 kg).", False),
])
def test_a_compound_measure_is_read_to_its_smaller_unit(text, flagged):
    assert bool([d for d in check_text(text) if d.code == "FC101"]) is flagged


def test_a_negative_figure_keeps_its_sign_in_the_message():
    (d,) = [d for d in check_text("It was minus 30 degrees Celsius (minus 86 Fahrenheit) at dawn.")
            if d.code == "FC101"]
    assert "minus 30 degrees Celsius is about -22 Fahrenheit" in d.message
    # (a temperature is read to the degree the equivalent gives: not 25 to 35 below zero)
    assert "covers -30.5 to -29.5 as written, so -22.9 to -21.1 Fahrenheit" in d.message


@pytest.mark.parametrize("text, flagged", [
    # a temperature's digits count degrees: read as finely as its equivalent gives them
    ("Days colder than −20 °C (−4 °F) are rare.", False),
    ("Days colder than −20 °C (−6 °F) are rare.", True),
    ("It melts at 1,000 °C (1,800 °F).", False),  # 1,832 °F to the nearest 50
    ("It melts at 1,000 °C (2,000 °F).", False),  # 1,832 °F to one digit
    ("It melts at 1,000 °C (2,200 °F).", True),
    ("A mild day of 20 °C (70 °F).", False),  # 68 °F to the nearest 5 or 10
    ("A mild day of 20 °C (72 °F).", True),
    # a bound's qualifier is no word of change ("up to 80 °F" is a temperature, not a rise) ...
    ("Waters of up to 80 °F (27 °C) fed the storm.", False),
    ("Waters of up to 80 °F (44 °C) fed the storm.", True),
    ("It was more than 30 °C (54 °F) at noon.", True),
    # ... nor is an adjective or a superlative: comparatives and verbs are
    ("The hottest day reached 104 °F (58 °C).", True),
    ("It was 5 °C (9 °F) warmer than usual.", False),
    ("Highs of 30 °C (54 °F) are common.", True),
    ("Highs were 3 °C (5.4 °F) higher than usual.", False),
])
def test_a_temperature_is_read_by_its_degrees(text, flagged):
    assert (codes(text) == ["FC101"]) is flagged, check_text(text)


@pytest.mark.parametrize("text, flagged", [
    # a change named after the equivalent in brackets: converted without the offset
    ("Summers saw a 10 °C (18 °F) rise in average temperature.", False),
    ("Summers saw a 10 °C (50 °F) rise in average temperature.", True),
    ("It was 5 °C (41 °F) warmer than usual.", True),
    ("Temperatures are 10 °C (50 °F) higher than normal.", True),
    ("It reached 40 °C (104 °F) above which crops fail.", False),
    # below zero or freezing: the equivalent is the temperature that makes (−10 °C is 14 °F), or
    # a change again, or itself under zero; the figure converted as it stands is the slip
    ("Temperatures fell to 10 °C (14 °F) below zero.", False),
    ("It was 20 °F (−29 °C) below zero.", False),
    ("It was 20 °F (29 °C) below zero.", False),
    ("It was 5 degrees Celsius (23 degrees Fahrenheit) below freezing.", False),
    ("Water is kept 5 °C (9 °F) below freezing.", False),
    ("Temperatures fell to 10 °C (50 °F) below zero.", True),
    ("It was 20 °F (−7 °C) below zero.", True),
    ("It was 5 degrees Celsius (41 degrees Fahrenheit) below freezing.", True),
])
def test_a_temperature_is_read_with_the_words_after_its_equivalent(text, flagged):
    assert (codes(text) == ["FC101"]) is flagged, check_text(text)


def test_a_temperature_below_zero_is_named_so_in_the_message():
    (d,) = check_text("Temperatures fell to 10 °C (50 °F) below zero.")
    assert "10 °C below zero is about 14 °F" in d.message
    assert "It looks converted as “10 °C”, not as “10 °C below zero”." in d.message
    assert d.fix.message == "Replace “50” with “14”"
    # (unsafe: under zero, the writer may have meant a change of temperature instead)
    (d,) = check_text("It was 5 degrees Celsius (41 degrees Fahrenheit) below freezing.")
    assert d.fix.message == "Replace “41” with “23”" and d.fix.applicability == "unsafe"


@pytest.mark.parametrize("text, flagged", [
    # winds converted from knots to the nearest 5 mph and 5 km/h: 90 knots is 105 mph, 165 km/h
    ("Winds reached 105 mph (165 km/h) before landfall.", False),
    ("Winds reached 45 mph (75 km/h) before landfall.", False),
    ("Winds reached 65 mph (95 km/h) before landfall.", True),  # 105 km/h in any rounding
    ("Winds reached 106 mph (165 km/h) before landfall.", True),  # not in fives: read as written
])
def test_a_conversion_in_fives_reads_both_figures_to_the_nearest_five(text, flagged):
    assert bool([d for d in check_text(text) if d.code == "FC101"]) is flagged


@pytest.mark.parametrize("text", [
    "The Romani line was 100 feet above the sea.\n\nThe cavalry waited.\n\nThe Romani line was 100 kilometres long.\n",
])
def test_units_too_far_apart_to_be_confused_are_no_mixup(text):
    assert [d.code for d in check_text(text) if d.code == "FC202"] == []


def test_two_values_in_brackets_are_not_a_range_without_between():
    claims = extract_claims("Doses (10 and 30 mg/kg) were given.")
    assert [(c.text, c.is_range) for c in claims] == [("10", False), ("30 mg/kg", False)]


@pytest.mark.parametrize(
    "text, linked",
    [
        # a figure of another kind in brackets is a share or a part, not the figure restated
        ("NBC's revenue went up by 30% ($100 million) that year.", []),
        ("Sales fell from £30m to £26m (−33%).", []),
        # money restated as money, whether with a sign or as newswire nouns
        ("Exporters received 645 won (0.769 dlrs) for each dollar.", [("0.769 dlrs", "645 won")]),
        ("It made $1.13bn (£600m) last year.", [("£600m", "$1.13bn")]),
        # pounds followed by a mass in brackets weigh, whatever money the sentence names
        ("The £2m torpedo's 1,700-pound (770 kg) charge.", [("770 kg", "1,700-pound")]),
        # and pounds restating a mass in brackets, or written "lb", weigh too
        ("The engine, which cost $2 million, weighs 2,000 kg (4,400 pounds).", [("4,400 pounds", "2,000 kg")]),
        ("The engine, which cost $2 million, weighs 2,000 kg (about 4,400 lb).",
         [("about 4,400 lb", "2,000 kg")]),
        ("The tank holds 25 kg (55 lb) of fuel; the deal was worth 1.2 million.", [("55 lb", "25 kg")]),
    ],
)
def test_only_a_figure_of_its_kind_restates_one(text, linked):
    claims = extract_claims(text)
    assert [(c.text, claims[c.converted_from].text) for c in claims if c.converted_from is not None] == linked


@pytest.mark.parametrize(
    "text, said",
    [
        ("Claws are 80–85 millimetres (3.1–4.3 in) long.", "80–85 millimetres is about 3.1–3.3 in."),
        ("Snow lies between 8 and 12 inches (200 and 400 mm) deep.", "8–12 inches is about 200–300 mm."),
    ],
)
def test_a_range_is_converted_end_by_end_in_the_message(text, said):
    (diagnostic,) = check_text(text)
    assert said in diagnostic.message


@pytest.mark.parametrize("text, flagged", [
    # ends compared from the lowest, whatever order each range is written in
    ("It gets 30–40 mpg (5.9–7.8 L/100 km) on the road.", False),  # reciprocal: the ends swap
    ("It gets 30–40 mpg (7.8–5.9 L/100 km) on the road.", False),
    ("It was −5 to −10 °C (23 to 14 °F) at night.", False),
    ("The rail is 27–30 cm (11.8–10.6 in) long.", False),
    ("The rail is 27–30 cm (16–12 in) long.", True),
    ("It gets 30–40 mpg (5.9–9.8 L/100 km) on the road.", True),
])
def test_a_range_is_compared_end_by_end_from_its_lowest(text, flagged):
    assert (codes(text) == ["FC101"]) is flagged, check_text(text)


@pytest.mark.parametrize("text", [
    "It was 0 sq mi (~-48 mpg) away.",  # a reciprocal of nothing: not a conversion to check
    "It gets 0 mpg (7.8 L/100 km).",
    "It gets 30 mpg (0 L/100 km).",
])
def test_a_reciprocal_of_zero_is_not_checked(text):
    assert codes(text) == []



@pytest.mark.parametrize("right, wrong, pair", [
    ("The wall is 3 m/10 ft high.", "The wall is 3 m/15 ft high.", ("3 m", "10 ft")),
    ("A 30ft/9m wave hit the town.", "A 30ft/19m wave hit the town.", ("30ft", "9m")),
    ("The course is 10 km/6.2 miles long.", "The course is 10 km/16.2 miles long.", ("10 km", "6.2 miles")),
    ("It was 30C/86F in London.", "It was 30C/96F in London.", ("30C", "86F")),
])
def test_a_measure_restated_after_a_slash_is_checked(right, wrong, pair):
    # a digit right after a slash starts no figure of its own ("3/4", "13C/12C"), except where
    # it restates the measure before the slash in another unit of its dimension
    assert linked(right) == [pair]
    assert codes(right) == []
    assert codes(wrong) == ["FC101"]


@pytest.mark.parametrize("text, figures", [
    ("Take 250 mg/5 mL daily.", ["250 mg"]),  # a concentration: one figure
    ("The rate was 2 mm/10 yr.", ["2 mm"]),
    ("Intake was 15mg/100g of body weight.", ["15mg"]),  # a ratio of masses, not a conversion
    ("The ratio 13C/12C rose.", []),  # isotopes of one element: no temperatures
    ("Scores of 2/3 and 7 m/10 s were given.", ["7 m"]),  # a speed, written as a fraction
])
def test_a_slash_between_other_figures_joins_no_conversion(text, figures):
    assert [c.text for c in extract_claims(text)] == figures


@pytest.mark.parametrize("text, pair", [
    # newswire's currencies counted as nouns restate in brackets as money does
    ("It cost 20 mln stg (30 mln dlrs).", ("20 mln stg", "30 mln dlrs")),
    ("The loss was 535 billion CFA francs (1.76 billion dlrs).", ("535 billion CFA francs", "1.76 billion dlrs")),
    ("Net income was 41.89 billion yen (290 million dollars).", ("41.89 billion yen", "290 million dollars")),
])
def test_a_sum_counted_in_a_currency_noun_is_restated_in_brackets(text, pair):
    assert linked(text) == [pair]


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f"])
def test_a_conversion_written_with_spaced_thousands_is_read_and_fixed_in_kind(space):
    text = f"The route is 10{space}000 km (2{space}000 miles) long.\n"
    [found] = check_text(text)
    assert found.code == "FC101" and f"about 6{space}200 miles" in found.message
    assert "covers 9,500–12,500" in found.message
    assert found.fix.edits[0].new_text == f"6{space}200"


def test_densities_of_different_things_are_not_compared():
    text = ("The population density was 2,232.4 people per square mile (859.8/km²).\n\n"
            "There were 1,234 housing units at an average density of 856.7 per square mile (330.8/km²).\n")
    assert codes(text) == []


@pytest.mark.parametrize("text, about", [
    ("The 1,000-kilometre (820-mile) pipeline opened in May.", "is about 620 miles"),
    ("They bought a 3,000-square-foot (580-square-meter) home.", "is about 280 square meters"),
    ("A 10-foot (5-metre) wall surrounds the site.", "is about 3.0 metres"),
    ("The 5 km (8 mi) trail is steep.", "is about 3.1 mi"),  # (a symbol stays as written)
])
def test_a_unit_written_as_an_adjective_is_named_in_the_plural(text, about):
    assert about in check_text(text)[0].message


def test_a_flow_of_oil_in_cubic_metres_a_day_is_checked():
    assert [d.code for d in check_text("The field produces 100,000 barrels per day (25,900 m3/d).")] == ["FC101"]
    assert check_text("The field produces 100,000 barrels per day (15,900 m3/d).") == []


@pytest.mark.parametrize("text, shown", [
    ("The tower is 324 metres (1,263 ft) tall.", "is about 1,063 ft (324 metres covers 323.5–324.5 as written, so 1,061–1,065 ft)"),
    ("It weighs 2.5 t (6,500 lb).", "so 5,400–5,620 lb"),
    ("The peak is 3,000 metres (984 ft) high.", "so 9,830–9,860 ft"),  # (the source shows the style)
    ("The peak is 3000 metres (984 ft) high.", "so 9830–9860 ft"),
])
def test_the_numbers_a_message_shows_in_the_equivalent_s_unit_are_written_alike(text, shown):
    assert shown in check_text(text)[0].message


def test_pc_beside_a_length_is_parsecs_and_is_checked():
    assert [d.code for d in check_text("The cluster is 2,500 light-years (970 pc) away.")] == ["FC101"]
    assert check_text("The cluster is 2,500 light-years (770 pc) away.") == []
    assert check_text("The star is 100 pc (326 light-years) away.") == []
    assert check_text("The galaxy is 10 kpc (33,000 ly) across.") == []
    assert [d.code for d in check_text("The galaxy is 10 kpc (53,000 ly) across.")] == ["FC101"]
    # ... and per cent anywhere else, as British news writes it
    shares = [c for c in extract_claims("Inflation rose to 5pc (up from 4pc) in May.")]
    assert [(c.kind, c.unit) for c in shares] == [("percent", "percent")] * 2


@pytest.mark.parametrize("text, named", [
    ("They built a 30-mile (68 km) stretch of road.", "30 miles is about 48 km (30 miles covers"),
    ("A 1-mile (3 km) walk.", "1 mile is about 1.6 km"),
    ("They bought a 3,000-square-foot (580-square-meter) home.", "3,000 square feet is about"),
    ("The runners covered a half-mile (1,800 m) loop.", "a half-mile is about 800 m"),  # (words stay)
])
def test_a_source_written_as_an_adjective_is_named_as_a_measure(text, named):
    (d,) = check_text(text)
    assert named in d.message  # (quoted as written: "does not match “30-mile”")


@pytest.mark.parametrize("text, flagged", [
    # news writes a temperature below zero with "minus" or a sign, and a spaced "F" and "C"
    ("Temperatures fell to minus 4 F (minus 10 C) overnight.", True),
    ("Temperatures fell to minus 4 F (minus 20 C) overnight.", False),
    ("Temperatures fell to -4 F (-10 C) overnight.", True),
    ("Wind chills of minus 22 F (minus 30 C) are expected.", False),
])
def test_a_spaced_temperature_below_zero_and_its_equivalent_are_read(text, flagged):
    assert linked(text) and [d.code for d in check_text(text)] == (["FC101"] if flagged else [])
