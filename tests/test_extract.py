"""Extraction: what a careful reader takes as a figure, and what it leaves alone."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.units import convert


def only(text: str):
    claims = extract_claims(text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def assert_quantity(claim, value, unit):
    assert claim.unit is not None
    assert convert(claim.value, claim.unit, unit) == pytest.approx(value, rel=1e-9)


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("The lake covers 1,000 square kilometres.", "1,000 square kilometres", 1000, "kilometer ** 2"),
        ("About 30\u2009000 km of road.", "About 30\u2009000 km", 30000, "kilometer"),
        ("It rose 30\u00a0000 feet.", "30\u00a0000 feet", 30000, "foot"),
        ("A 2.5 km walk.", "2.5 km", 2.5, "kilometer"),
        ("The board is 92 5⁄8 inches long.", "92 5⁄8 inches", 92.625, "inch"),
        ("Add 5⁄8 inch of water.", "5⁄8 inch", 0.625, "inch"),
        ("The pipe is 2½ inches wide.", "2½ inches", 2.5, "inch"),
        ("It froze at -5C.", "-5C", -5, "degree_Celsius"),
        ("It fell to minus 10 degrees Celsius.", "minus 10 degrees Celsius", -10, "degree_Celsius"),
        ("Nights below negative 20 degrees Celsius are rare.", "below negative 20 degrees Celsius", -20,
         "degree_Celsius"),
        ("Sales growth was negative 2.5% in May.", "negative 2.5%", -2.5, "percent"),
        # "negative" describing what is counted or measured signs nothing
        ("Swabs turned negative 4 to 9 days later.", "4 to 9 days", 6.5, "day"),
        ("Both show negative 220 nm bands.", "220 nm", 220, "nanometer"),
        ("The river is a kilometre wide here.", "a kilometre", 1, "kilometer"),
        ("Half a mile further on, the road forks.", "Half a mile", 0.5, "mile"),
        ("The works will take three and a half years.", "three and a half years", 3.5, "year"),
        ("It took nearly two decades to finish.", "nearly two decades", 20, "year"),
        ("The reserve spans 2.5 million acres.", "2.5 million acres", 2.5e6, "acre"),
        # water stored is a volume: an acre one foot deep, not an area and a length
        ("The dam holds 500,000 acre-feet of water.", "500,000 acre-feet", 5e5, "acre_foot"),
        ("The star lies 1.3 parsecs away.", "1.3 parsecs", 1.3, "parsec"),
        ("Twenty-three kilometres of track.", "Twenty-three kilometres", 23, "kilometer"),
        ("Cells were seeded at 1.5 × 10^6 per well in 200 µl.", "200 µl", 200, "microliter"),
    ],
)
def test_numbers_in_digits_and_words(text, surface, value, unit):
    claim = next(c for c in extract_claims(text) if c.text == surface)
    assert_quantity(claim, value, unit)
    assert text[claim.start : claim.end] == surface


@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("The deal is worth $2.5bn.", 2.5e9, "USD"),
        ("Aid totalling €500 million was pledged.", 5e8, "EUR"),
        ("It raised €500m in funding.", 5e8, "EUR"),
        ("Tickets cost £12.50 each.", 12.5, "GBP"),
        ("The budget is 3 billion dollars.", 3e9, "USD"),
        ("It raised US$40m in funding.", 4e7, "USD"),
        ("It cost 40 pounds to fix.", 40, "GBP"),
        ("Shares fell to 412p.", 4.12, "GBP"),
        ("A salary of ¥5 mln a year.", 5e6, "JPY"),
        ("The government will pump 154m naira into subsidies.", 154e6, "NGN"),
        ("It cost 500 shekels.", 500, "ILS"),
    ],
)
def test_money(text, value, currency):
    claim = only(text)
    assert claim.kind == "money"
    assert claim.dimension == f"currency:{currency}"
    assert claim.unit is None
    assert claim.value == pytest.approx(value)


def test_a_model_named_in_capitals_is_no_unit():
    assert only("The Z = 0.008 PARSEC isochrone fits.").kind == "count"  # stellar models, not parsecs


def test_pounds_without_money_context_are_mass():
    claim = only("The dog weighs 40 pounds.")
    assert claim.kind == "quantity" and claim.unit == "pound"


@pytest.mark.parametrize("text", [
    "It weighs 85 lb. It cost 1.2 million.",  # "lb" is never money, whatever is bought nearby
    "The bags, priced at $4 each, hold 50 lbs of flour.",
])
def test_pounds_written_lb_are_mass_beside_money_words(text):
    claim = next(c for c in extract_claims(text) if "lb" in c.text)
    assert claim.kind == "quantity" and claim.unit == "pound"


def test_scale_suffixes_on_counts():
    assert only("Some 40k runners took part.").value == 40000
    assert only("The company employs 1.2 million workers.").counted == "worker"


# --- qualifiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, qualifier, low, high",
    [
        ("almost 1,000 km", "almost", 900, 1000),
        ("nearly 1,000 km", "nearly", 900, 1000),
        ("about 1,000 km", "about", 900, 1100),
        ("around 1,000 km", "around", 900, 1100),
        ("roughly 1,000 km", "roughly", 900, 1100),
        ("some 1,000 km", "some", 900, 1100),
        ("approximately 1,000 km", "approximately", 900, 1100),
        ("c. 1,000 km", "c.", 900, 1100),
        ("~1,000 km", "~", 900, 1100),
        ("more than 1,000 km", "more than", 1000, None),
        ("over 1,000 km", "over", 1000, None),
        ("at least 1,000 km", "at least", 1000, None),
        ("up to 1,000 km", "up to", None, 1000),
        ("less than 1,000 km", "less than", None, 1000),
        ("under 1,000 km", "under", None, 1000),
        ("fewer than 1,000 people", "fewer than", None, 1000),
        ("at most 1,000 km", "at most", None, 1000),
        ("exactly 1,000 km", "exactly", 1000, 1000),
        # "almost" and "just over" speak of the size: below zero they lean the other way
        ("almost minus 1,000 km", "almost", -1000, -900),
        ("just over minus 1,000 km", "just over", -1100, -1000),
    ],
)
def test_qualifiers_set_bounds(text, qualifier, low, high):
    claim = only(f"They said {text} in all.")
    assert claim.qualifier == qualifier
    assert claim.text.lower().startswith(qualifier.lower())
    assert claim.low == (pytest.approx(low) if low is not None else None)
    assert claim.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize("dateline", ["(CNN)", "(AP)", "[Updated]"])
def test_a_qualifier_right_after_a_dateline_in_brackets_qualifies(dateline):
    # CNN's stories open "(CNN)More than 100 schools …": no space after the bracket
    claim = only(f"{dateline}More than 100 schools were renamed.")
    assert (claim.text, claim.qualifier, claim.low, claim.high) == ("More than 100 schools", "more than", 100, None)


# --- ranges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, low, high, unit",
    [
        ("Between 5 and 10 kilometres of track were damaged.", "Between 5 and 10 kilometres", 5, 10, "kilometer"),
        ("A stretch of 5 to 10 km was closed.", "5 to 10 km", 5, 10, "kilometer"),
        ("Rainfall of 20–30 mm is expected.", "20–30 mm", 20, 30, "millimeter"),
        ("Rainfall of 20-30 mm is expected.", "20-30 mm", 20, 30, "millimeter"),
        ("Turnout of 20-30% is likely.", "20-30%", 20, 30, "percent"),
        ("Between 2,000 and 3,000 people attended.", "Between 2,000 and 3,000 people", 2000, 3000, None),
    ],
)
def test_ranges(text, surface, low, high, unit):
    claim = only(text)
    assert claim.text == surface
    assert claim.is_range
    assert (claim.low, claim.high) == (low, high)
    assert claim.value == (low + high) / 2
    assert claim.unit == unit


def test_range_with_converted_range():
    claims = extract_claims("The march covered 3-4 kilometres (2 to 2.5 miles).")
    assert [c.text for c in claims] == ["3-4 kilometres", "2 to 2.5 miles"]
    assert claims[1].converted_from == 0
    assert (claims[1].low, claims[1].high) == (2, 2.5)


def test_change_is_not_a_range():
    claims = extract_claims("Prices rose from 5% to 8% last year.")
    assert [c.text for c in claims] == ["5%", "8%"]


# --- units ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("386 square miles", 386, "mile ** 2"),
        ("386 sq mi", 386, "mile ** 2"),
        ("12 km²", 12, "kilometer ** 2"),
        ("12 km2", 12, "kilometer ** 2"),
        ("39 cubic km", 39, "kilometer ** 3"),  # a cubic word before a symbol, as "sq km"
        ("3 cu ft", 3, "foot ** 3"),
        ("10,000 hectares", 10000, "hectare"),
        ("5,683 acres", 5683, "acre"),
        ("50 litres", 50, "liter"),
        ("5 US gallons", 5, "gallon"),
        ("2 tonnes", 2, "metric_ton"),
        ("100,000 tons", 100000, "ton"),
        ("4.4 lb", 4.4, "pound"),
        ("15 mph", 15, "mile / hour"),
        ("120 km/h", 120, "kilometer / hour"),
        ("60 miles an hour", 60, "mile / hour"),
        ("20 knots", 20, "knot"),
        ("40C", 40, "degree_Celsius"),
        ("212 °F", 212, "degree_Fahrenheit"),
        ("40 degrees Celsius", 40, "degree_Celsius"),
        ("48 hours", 48, "hour"),
        ("seven months", 7, "month"),
        ("64 GB", 64, "gigabyte"),
        ("5 ft 11 in", 71, "inch"),
        ("47 feet 3 inches", 567, "inch"),
        ("5'11\"", 71, "inch"),
        ("1.5km", 1.5, "kilometer"),
        ("35,000 feet", 35000, "foot"),
    ],
)
def test_units_in_words_abbreviations_and_symbols(text, value, unit):
    claim = only(f"It was {text} at the time.")
    assert claim.text == text
    assert_quantity(claim, value, unit)


def test_british_and_american_spellings_agree():
    uk, us = only("It is 5 kilometres away."), only("It is 5 kilometers away.")
    assert uk.unit == us.unit == "kilometer"


@pytest.mark.parametrize("text, surface, unit", [("A 3.2-mile stretch of coast.", "3.2-mile", "mile"), ("A 50-km front.", "50-km", "kilometer")])
def test_adjectival_units(text, surface, unit):
    claim = only(text)
    assert claim.text == surface and claim.unit == unit


def test_temperature_difference_is_not_a_temperature():
    claims = extract_claims("A rise of 1 °F (0.56 °C) is expected.")
    assert [c.unit for c in claims] == ["delta_degree_Fahrenheit", "delta_degree_Celsius"]
    assert claims[1].converted_from == 0
    assert only("Temperatures of 30C are forecast.").unit == "degree_Celsius"


@pytest.mark.parametrize("text, delta", [
    # a word of change after the figure's equivalent in brackets makes both a difference ...
    ("Summers saw a 10 °C (18 °F) rise in average temperature.", True),
    ("Inland it is 2–7 °C (4–13 °F) warmer than on the coast.", True),
    ("Days were 3 °C (5.4 °F) above average.", True),
    # ... but not a word that may name a season or bound a temperature
    ("Highs average 15 °C (59 °F) fall through spring.", False),
    ("It reached 40 °C (104 °F) above which crops fail.", False),
    ("Temperatures fell to 10 °C (14 °F) below zero.", False),
])
def test_a_change_of_temperature_is_read_past_its_equivalent(text, delta):
    claims = extract_claims(text)
    assert len(claims) == 2 and claims[1].converted_from == 0
    assert [c.unit.startswith("delta_") for c in claims] == [delta, delta]


@pytest.mark.parametrize("text, units", [
    ("Temperatures hit 110 degrees (43 Celsius).", ["degree_Fahrenheit", "degree_Celsius"]),
    ("It was 30 degrees Celsius (86 degrees).", ["degree_Celsius", "degree_Fahrenheit"]),
    ("Temperatures rose by 9 degrees (5 Celsius).", ["delta_degree_Fahrenheit", "delta_degree_Celsius"]),
    ("The slope is 30 degrees (0.52 radians).", ["degree"]),  # an angle stays one
])
def test_plain_degrees_take_the_other_scale_of_their_equivalent(text, units):
    assert [c.unit for c in extract_claims(text) if c.kind == "quantity"] == units


def test_age_is_marked():
    claim = only("A 62-year-old woman was killed.")
    assert claim.text == "62-year-old" and claim.role == "age"


# --- counts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, value, counted",
    [
        ("Some 30,000 troops took part.", "Some 30,000 troops", 30000, "troop"),
        ("More than 30 settlements were retaken.", "More than 30 settlements", 30, "settlement"),
        ("Five people were killed.", "Five people", 5, "person"),
        ("A dozen villages lost power.", "A dozen villages", 12, "village"),
        ("Twenty-three schools were closed.", "Twenty-three schools", 23, "school"),
        ("The survey asked 2,014 adults.", "2,014 adults", 2014, "adult"),
        ("All 12 crew survived.", "12 crew", 12, "crew"),
        ("There are 2,000 new teachers.", "2,000 new teachers", 2000, "teacher"),
        ("Police counted 40 casualties.", "40 casualties", 40, "casualty"),
        ("The order covers 30 children.", "30 children", 30, "child"),
        # a compound counts its last noun: the first only modifies it
        ("It moved two infantry divisions north.", "two infantry divisions", 2, "division"),
        ("The firm has 300 sales staff.", "300 sales staff", 300, "staff"),
        ("The city hired 40 police officers.", "40 police officers", 40, "officer"),
        ("All 12 crew members survived.", "12 crew members", 12, "member"),
        # after a weekday's name, a count of a noun is not a day of the month
        ("On Monday, 24 Republican senators signed it.", "24 Republican senators", 24, "senator"),
        ("It happened on Wednesday. Six people were killed.", "Six people", 6, "person"),
        ("Friday 15 protesters were held.", "15 protesters", 15, "protester"),
        # a sentence's first word that says when is not a name ("Voyager 1")
        ("Yesterday 47 senators signed it.", "47 senators", 47, "senator"),
        ("Currently 22 foreign brokers may bid.", "22 foreign brokers", 22, "broker"),
        # a possessive says whose the things counted are, not what the figure names
        ("Strikes by Brazil's 40,000 sailors continued.", "40,000 sailors", 40000, "sailor"),
        ("Apple’s 3 divisions grew.", "3 divisions", 3, "division"),
        ("The Smiths' 4 children came.", "4 children", 4, "child"),
        # a label word ("case", "bus") ends the sentence before: its full stop is not "No."'s
        ("We study these cases. Forty-four patients were seen.", "Forty-four patients", 44, "patient"),
        ("We took the bus. 42 people were on it.", "42 people", 42, "person"),
    ],
)
def test_counts(text, surface, value, counted):
    claim = only(text)
    assert (claim.text, claim.value, claim.counted, claim.kind) == (surface, value, counted, "count")
    assert claim.unit is None and claim.dimension == "count"


def test_a_rate_wrapped_across_a_line_is_read_whole():
    # hard-wrapped prose (Reuters wraps at 65 characters) breaks "per year" as it comes
    (claim,) = extract_claims("Sales could reach six mln units per\nyear by 1990.")
    assert claim.counted == "unit per year"
    (claim,) = extract_claims("Sales could reach six mln units\nper year by 1990.")
    assert claim.counted == "unit per year"
    # the same white space as "of" in "12 of the 9 crew" reads across: any line ending, any space
    for gap in ("\r", "\r\n", "\u2009", "\u202f"):
        (claim,) = extract_claims(f"Sales could reach six mln units per{gap}year by 1990.")
        assert claim.counted == "unit per year", repr(gap)


def test_bare_number_refers_back_to_counted_noun():
    claims = extract_claims("Five people were killed and nine injured.")
    assert [(c.text, c.counted) for c in claims] == [("Five people", "person"), ("nine", "person")]


@pytest.mark.parametrize("text", [
    "All 14 mutations were identified, as well as an additional five that escaped detection.",
    "The attack killed 12 mutations, and an extra five were injured.",
])
def test_an_additional_number_counts_the_noun_before(text):
    assert [c.counted for c in extract_claims(text)] == ["mutation", "mutation"]


@pytest.mark.parametrize("text, counted", [
    # a name right after the figure says what it counts: not the noun before
    ("The dead included three Italians, two Sudanese and a Briton.", [("three Italians", "italian"), ("two", None)]),
    ("The seven Marines and four Louisiana Army National Guard members.", [("seven Marines", "marine"), ("four", None)]),
    # (a day or a month after it does not)
    ("Five people were killed and nine injured Monday.", [("Five people", "person"), ("nine", "person")]),
])
def test_a_bare_number_before_a_name_counts_no_noun_before_it(text, counted):
    assert [(c.text, c.counted) for c in extract_claims(text)] == counted


def test_parts_after_a_colon_are_counts():
    claims = extract_claims("Thirty people were injured: 12 seriously and 21 lightly.")
    assert [(c.value, c.kind) for c in claims] == [(30, "count"), (12, "count"), (21, "count")]


# --- percentages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [("64.5%", 64.5), ("8 per cent", 8), ("3.9 percent", 3.9), ("5pc", 5)])
def test_percentages(text, value):
    claim = only(f"It was {text} last year.")
    assert claim.kind == "percent" and claim.dimension == "percent" and claim.value == value


def test_percentage_points_are_distinct():
    claim = only("Rates rose by 0.25 percentage points.")
    assert claim.unit == "percentage_point" and claim.dimension != "percent"


# --- conversions -------------------------------------------------------------------------------------


def test_parenthesised_equivalent_after_a_curly_quote():
    text = "claiming to have taken ‘more than 1,000 square kilometres’ (386 square miles) this week"
    claims = extract_claims(text)
    assert [c.text for c in claims] == ["more than 1,000 square kilometres", "386 square miles"]
    assert claims[1].converted_from == 0
    assert claims[0].qualifier == "more than" and claims[0].low == 1000 and claims[0].high is None


@pytest.mark.parametrize(
    "text",
    ["a gain of 50 kilometres (31 miles) in depth", "The dam is 185 m (607 ft) high.", "The parcel weighed 4.4 lb (2 kg)."],
)
def test_equivalents_are_linked(text):
    claims = extract_claims(text)
    assert len(claims) == 2 and claims[1].converted_from == 0


def test_a_parenthetical_count_is_not_a_conversion():
    claims = extract_claims("The stadium seats 60,000 (about 60,000 people were there on the day).")
    assert all(c.converted_from is None for c in claims)


# --- left alone ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began on Sept. 8, 2022.",
        "It happened on 8 September 2022 and again on September 9.",
        "In 2014 and again in 2015 the city changed hands.",
        "She finished 2nd in the 1990s.",
        "The meeting starts at 10:30 a.m. on Monday.",
        "The deadline is Monday 24 at noon.",
        "Friday 13 is unlucky.",
        "He left on Monday, 24 and came back.",
        "The meeting starts at 3pm.",
        "Upgrade to version 3.11.7 before installing.",
        "Call 020 7946 0958 for details.",
        "Call +44 20 7946 0958 or (555) 123-4567.",
        "See https://example.com/report-2022/page/3 for the data.",
        "Write to press.2022@example.org today.",
        "Run `pip install pint==0.25.3` first.",
        "Article 5 of the treaty applies.",
        "Flight BA 286 landed at Gate 12.",
        "The COVID-19 wave peaked in the winter.",
        "He lives at 221B Baker Street.",
        "Chapter 11 bankruptcy was filed.",
        "The score was 3-1 after extra time.",
        "The city lies at 50°N 36°E.",
        "See page 12 and Figure 3.",
        "It was one of the worst days of the war.",
        "No one was hurt.",
        "Hundreds of homes were flooded.",
        "The Boeing 737 MAX was grounded.",
        "Spending will rise in 2023-24.",
        "The agreement runs from 1914-18 in the archive.",
        # a capitalised number word before a word in title case names something
        "England did well in the Six Nations Championship.",
        "They were known as the Four Kings of Cuba.",
        "Prussia gained most from the Seven Years War.",
    ],
)
def test_quiet_text_has_no_claims(text):
    assert extract_claims(text) == [], [c.text for c in extract_claims(text)]


# --- positions ---------------------------------------------------------------------------------------------


def test_spans_are_code_points_with_astral_characters():
    text = "🏔🥾 The ridge path is 🏔 8 miles (20 km) long."
    claims = extract_claims(text)
    assert [text[c.start : c.end] for c in claims] == ["8 miles", "20 km"]
    assert claims[0].start == text.index("8 miles")


def test_figure_split_across_a_line_break_is_one_claim():
    claim = only("They retook 1,000\nsquare miles of land.")
    assert claim.text == "1,000\nsquare miles" and claim.unit == "mile ** 2"


def test_claims_are_ordered_and_do_not_overlap():
    text = open("seeds/kharkiv-counteroffensive-2022.txt", encoding="utf-8").read()
    claims = extract_claims(text)
    assert claims == sorted(claims, key=lambda c: c.start)
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:]))
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_scientific_units_and_irregular_plurals():
    claims = extract_claims("The reactor ran at 350 K and 2.5 MPa; we typed 24,000 SNP loci.")
    assert [(c.text, c.unit or c.counted) for c in claims] == [
        ("350 K", "kelvin"), ("2.5 MPa", "megapascal"), ("24,000 SNP loci", "locus"),
    ]


def test_single_letter_scales_only_attached():
    assert only("Some 40K runners took part.").value == 40000
    assert only("The track is 500 m long.").unit == "meter"


# --- units pint cannot combine ------------------------------------------------------------------


@pytest.mark.parametrize("text, surface, unit", [
    ("Loss is 0.2 dB/km in fibre.", "0.2 dB/km", "delta_decibel / kilometer"),
    ("Absorption was 1.28 dB m⁻¹ at 10°C.", "1.28 dB m⁻¹", "delta_decibel / meter"),
    ("It fell 3 dB per metre.", "3 dB per metre", "delta_decibel / meter"),
])
def test_decibels_in_a_rate_are_read_not_a_crash(text, surface, unit):
    claim = extract_claims(text)[0]
    assert (claim.text, claim.unit, claim.dimension) == (surface, unit, "[level] / [length]")


def test_a_unit_pint_cannot_read_drops_that_figure_only(monkeypatch):
    from figcheck import units
    from figcheck.extract import claims as claims_module

    read = claims_module._unit_and_dimension

    def refuses_metres(kind, unit, currency):
        if unit is not None and unit.unit == "meter":
            raise units.UnreadableUnit(unit.unit)
        return read(kind, unit, currency)

    monkeypatch.setattr(claims_module, "_unit_and_dimension", refuses_metres)
    found = extract_claims("The wall is 5 m high and 12 kg heavy; 30 people came.", memoise=False)
    assert [c.text for c in found] == ["12 kg", "30 people"]


# --- thousands set off by a plain space -----------------------------------------------------------


@pytest.mark.parametrize("text, surface, value", [
    ("Data came from 11 529 patients.", "11 529 patients", 11529),
    ("The trial ran 1 868 904 tests.", "1 868 904 tests", 1868904),
    ("It cost PLN 94 000 in 2008.", "PLN 94 000", 94000),
    ("It is 12 345.67 m long.", "12 345.67 m", 12345.67),
])
def test_thousands_set_off_by_a_plain_space_are_one_figure(text, surface, value):
    claim = only(text)
    assert (claim.text, claim.value) == (surface, value)


@pytest.mark.parametrize("text, surfaces", [
    # after another figure or a "+", or before a letter or a hyphen: not thousands
    ("Call 0845 8 505 505 now.", ["8", "505", "505"]),
    ("Call +233 268 576 249 now.", []),
    ("United has 136 727s in its fleet.", ["136"]),
    ("It ordered 10 737-800 planes.", []),
])
def test_figures_side_by_side_are_not_read_as_thousands(text, surfaces):
    assert [c.text for c in extract_claims(text)] == surfaces


@pytest.mark.parametrize("text, surface, unit", [
    ("Sea level rose 1.8 m per millennium.", "1.8 m per millennium", "meter / millennium"),
    ("The town is over two millennia old.", "over two millennia", "millennium"),
])
def test_millennia_are_a_unit_of_time(text, surface, unit):
    claim = only(text)
    assert (claim.text, claim.unit, claim.dimension) == (surface, unit, "[time]" if unit == "millennium" else "[length] / [time]")
