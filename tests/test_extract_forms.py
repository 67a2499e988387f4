"""Issue 13: the quantities scientists and reporters write, each with a near miss that must
not be read (or not be read that way)."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.extract.numbers import parse_words
from figcheck.units import convert


def claim_for(text: str, surface: str):
    found = [c for c in extract_claims(text) if c.text == surface]
    assert found, (surface, [c.text for c in extract_claims(text)])
    return found[0]


def texts(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        # mixed numbers and fractions with units
        ("They walked 10 1/2 miles that day.", "10 1/2 miles", 10.5, "mile"),
        ("Use a 3/4 inch drill bit.", "3/4 inch", 0.75, "inch"),
        ("The track is a quarter mile long.", "a quarter mile", 0.25, "mile"),
        ("The track is a quarter-mile (400 m) long.", "a quarter-mile", 0.25, "mile"),
        ("The drive took about a half-hour.", "about a half-hour", 0.5, "hour"),
        # unit spellings and misspellings
        ("The cell is 5 decimetres long.", "5 decimetres", 0.5, "meter"),
        ("The cell is 3 dm long.", "3 dm", 0.3, "meter"),
        ("It was 40 deg C at noon.", "40 deg C", 40, "degree_Celsius"),
        ("Water at 30 degrees centigrade.", "30 degrees centigrade", 30, "degree_Celsius"),
        ("It reached 25 degrees celcius.", "25 degrees celcius", 25, "degree_Celsius"),
        ("He had a fever of 100.2 degrees farenheit.", "100.2 degrees farenheit", 100.2, "degree_Fahrenheit"),
        # science conventions
        ("The lattice constant is 4.2153(4) Å.", "4.2153(4) Å", 4.2153e-10, "meter"),
        ("Electrons of 56–100 keV were counted.", "56–100 keV", 78, "kiloelectron_volt"),
        ("Pulses of 0.5–0.6 nJ were used.", "0.5–0.6 nJ", 0.55, "nanojoule"),
        ("The field was 3 nT stronger.", "3 nT", 3, "nanotesla"),
        ("The base is at 0.3 nbar.", "0.3 nbar", 0.3, "nanobar"),
        ("It extends to p0 = 1 μbar.", "1 μbar", 1, "microbar"),
        ("The boundary is dated to 55.8 Ma.", "55.8 Ma", 55.8, "megayear"),
        ("A radius of 2 fm.", "2 fm", 2, "femtometer"),
        ("Penicillin (10,000 U/ml) was added.", "10,000 U/ml", 10000, "enzyme_unit / milliliter"),
        ("The shift is 0.4‰ on average.", "0.4‰", 0.4, "permille"),
        ("The wind was 2.6 km s−1 at the top.", "2.6 km s−1", 2.6, "kilometer / second"),
        ("A soil density of 1 g cm−3 was assumed.", "1 g cm−3", 1, "gram / centimeter ** 3"),
        ("The band at 964 cm−1 is strong.", "964 cm−1", 964, "1 / centimeter"),
        # a product printed without its space: the power tells it from a word
        ("The flux was 7.85 Wm−2 at noon.", "7.85 Wm−2", 7.85, "watt / meter ** 2"),
        ("The flux (~8.8mWm−2) is small.", "~8.8mWm−2", 8.8, "milliwatt / meter ** 2"),
        ("A rate of 4 Wm-2 s-1 was used.", "4 Wm-2 s-1", 4, "watt / meter ** 2 / second"),
        ("The cells were charged to 4.0 V first.", "4.0 V", 4, "volt"),
        ("A rate of 6 × 106 kg s−1 is needed.", "6 × 106 kg s−1", 6e6, "kilogram / second"),
        ("The H/H+ transition moves to 2–3Rp.", "2–3Rp", 2.5, None),
        ("Depths of 2619.60, 2617.35 and 2614.71 m were sampled.", "2614.71 m", 2614.71, "meter"),
        ("The test range was −100 °C to 200 °C.", "−100 °C to 200 °C", 50, "degree_Celsius"),
        ("Intervals from 10 ms to 0.1 ms were tried.", "from 10 ms to 0.1 ms", 5.05, "millisecond"),
        ("The excursion was between −2 and −7‰.", "between −2 and −7‰", -4.5, "permille"),
        ("Growth of 46.8% ± 1.6% was seen.", "46.8% ± 1.6%", 46.8, "percent"),
        # abstracts print a lost superscript in brackets, and a dose over weight and time
        ("Doxorubicin 40 mg/m(2) was given.", "40 mg/m(2)", 40, "milligram / meter ** 2"),
        ("The lesion was 12 cm(2) in area.", "12 cm(2)", 12, "centimeter ** 2"),
        ("Output was 3.7 l min(-1) at rest.", "3.7 l min(-1)", 3.7, "liter / minute"),
        ("Platelets were 143 x 10(9)/L at entry.", "143 x 10(9)/L", 143e9, "1 / liter"),
        ("Rats received 5 mg/kg/day orally.", "5 mg/kg/day", 5, "milligram / kilogram / day"),
        ("An infusion of 15 ng/kg/min followed.", "15 ng/kg/min", 15, "nanogram / kilogram / minute"),
        ("They took 2 mg per kg per day.", "2 mg per kg per day", 2, "milligram / kilogram / day"),
    ],
)
def test_forms_are_read(text, surface, value, unit):
    claim = claim_for(text, surface)
    assert text[claim.start : claim.end] == surface
    if unit is None:
        assert claim.kind == "quantity" and claim.value == pytest.approx(value)
    else:
        assert convert(claim.value, claim.unit, unit) == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The walk took 10 and then 1/2 of the group left.", "10 1/2"),  # not a mixed number
        ("On 3/4 the shop opened.", "3/4"),  # a date, not three quarters
        ("A quarter of the voters stayed home.", "A quarter"),  # a share, no unit
        ("It is 5 in the morning.", "5 in"),  # "in" is not an inch in running prose
        ("Call me at 10:30 about the ratio.", "10:30"),  # a time, not a ratio
        ("See Figs. 7 and 8 and Figure 3I and 3J.", "8"),
        ("At phases 3, 5, and 7 it was measured.", "7"),
        ("Results for axis 1 and panel (2).", "1"),
        ("Analyses of 13C/12C and [11C]PK11195 and 14C dates.", "13C"),
        ("The salts Mg(ClO4)2 and Ca10(PO4)6(OH)2 formed.", "2"),
        ("Borehole 22/10a-4 (57°44’8.47”N; 1°50’26.59”E) was cored.", "44"),
        ("Borehole 22/10a-4 provides a core.", "22"),
        ("The δ13C values fell.", "13C"),
        ("Panel p is in Fig. 7p.", "7p"),
        ("Cells were 5M people strong.", "5M"),
        # a vague number of dozens, as "several hundred" is
        ("Clubs run in several dozen villages.", "dozen villages"),
        ("A few dozen homes burned.", "dozen homes"),
        # isotopes in a range or before a hyphen, and the bases of a substitution in a gene
        ("Cells took up [1-14C] palmitate.", "1-14C"),
        ("They metabolised 8-14C-hypoxanthine.", "8-14C"),
        ("We used 14C-triolein as substrate.", "14C"),
        ("A nonsense mutation 65C > A was found.", "65C"),
        ("The mutations 551C-- > T and 854A-- > C.", "854A"),
        ("A variant -142C/G upstream.", "-142C"),
        # a section's number, on a heading's line or run into the text
        ("Intro.\n\n5.3 Handling Non-Local Features\n\nSo far all is local.", "5.3 Handling Non-Local Features"),
        ("This runs in O(n) time. 4.2 Experimental Results. We ran it twice.", "4.2 Experimental Results"),
    ],
)
def test_near_misses_are_not_read(text, absent):
    found = texts(text)
    assert absent not in found, found


def test_isotope_and_panel_labels_are_not_temperatures_or_currents():
    for text in ("Analyses of 13C/12C and [11C]PK11195 and 14C dates.", "As shown in Fig. 4A and Figures 1C–1F."):
        assert all(c.dimension not in ("[temperature]", "[current]") for c in extract_claims(text)), texts(text)
    # a temperature written the same way in news is still read
    assert claim_for("Temperatures reached 14C on Tuesday.", "14C").unit == "degree_Celsius"


def test_a_foot_as_body_part_is_not_a_length():
    claims = extract_claims("He measured a foot of 180 millimetres.")
    assert [c.text for c in claims] == ["180 millimetres"]
    assert claim_for("The fence is a foot tall.", "a foot").unit == "foot"


@pytest.mark.parametrize(
    "text, surface, value, currency",
    [
        ("The project costs Rs 500 crore.", "Rs 500 crore", 5e9, "INR"),
        ("He earns 3 lakh rupees a year.", "3 lakh rupees", 3e5, "INR"),
        ("A one-yen coin weighs a gram.", "one-yen", 1, "JPY"),
    ],
)
def test_scale_words_of_other_englishes(text, surface, value, currency):
    claim = claim_for(text, surface)
    assert claim.kind == "money" and claim.dimension == f"currency:{currency}"
    assert claim.value == pytest.approx(value)


def test_scale_word_near_misses():
    assert texts("The crore of voters is a myth.") == []
    assert "one-yen" not in texts("The one-year plan began.")


def test_percentage_points_are_their_own_unit():
    claims = extract_claims("Unemployment rose 2 points to 7% from 5%, or 0.5 percentage points a year.")
    by_text = {c.text: c for c in claims}
    for surface in ("2 points", "0.5 percentage points"):
        c = by_text[surface]
        assert c.unit == "percentage_point" and c.dimension == "percentage point"
    assert by_text["7%"].unit == "percent" and by_text["7%"].dimension == "percent"
    # points with no percentage in the sentence are not percentage points
    assert all(c.unit != "percentage_point" for c in extract_claims("The team won by 2 points."))


@pytest.mark.parametrize(
    "text, surface, value, low, high",
    [
        ("The standard yielded 1.23±0.25‰ overall.", "1.23±0.25‰", 1.23, 0.98, 1.48),
        ("Sulfate was present at 1.3 ± 0.5 wt.% in the soil.", "1.3 ± 0.5 wt.%", 1.3, 0.8, 1.8),
        ("The salt made up 5 mol% of it.", "5 mol%", 5, 5, 5),
        ("The age is ∼56 Ma here.", "∼56 Ma", 56, 56 * 0.9, 56 * 1.1),
        ("Eg≈2.0 eV and pores > 10 nm.", "> 10 nm", 10, 10, None),
        ("A scale score ≥16 was used.", "≥16", 16, 16, None),
        # a spread after a figure in words or a vulgar fraction (extraction used to crash here)
        ("It measured five ± 2 km across.", "five ± 2 km", 5, 3, 7),
        ("A step of ½ ± 1 km.", "½ ± 1 km", 0.5, -0.5, 1.5),
        # a power of ten after a range's high end is the low end's too, unless that would pass it
        ("Counts were 4 to 65 x 10(9)/L.", "4 to 65 x 10(9)/L", 34.5e9, 4e9, 65e9),
        ("Loads of 200 to 4.40 x 10(3) copies/ml.", "200 to 4.40 x 10(3) copies/ml", 2300, 200, 4400),
    ],
)
def test_science_bounds(text, surface, value, low, high):
    claim = claim_for(text, surface)
    assert claim.value == pytest.approx(value)
    assert (claim.low is None) == (low is None) and (claim.high is None) == (high is None)
    if low is not None:
        assert claim.low == pytest.approx(low)
    if high is not None:
        assert claim.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("It flew by Enceladus 14 times.", "14 times", 14),
        ("The resolution is sixteen times better.", "sixteen times", 16),
        ("Uptake rose three-fold after a week.", "three-fold", 3),
        ("It may rotate twice as fast.", "twice", 2),
        ("Ratios near ∼1:60 were measured.", "∼1:60", 1 / 60),
        ("A mixture (93:7, v/v) was used.", "93:7", 93 / 7),
        ("The effect was small (p = 0.03).", "0.03", 0.03),
        ("Cohort size (n = 8815) was large.", "8815", 8815),
        ("The odds ratio was 2.84 overall.", "2.84", 2.84),
    ],
)
def test_pure_numbers(text, surface, value):
    claim = claim_for(text, surface)
    assert claim.kind == "number" and claim.unit is None and claim.dimension == "dimensionless"
    assert claim.value == pytest.approx(value)


def test_pure_number_near_misses():
    assert texts("The meeting is at 10:30 today.") == []
    assert texts("See Section (2.1) of the report.") == []
    assert texts("Only three-quarters turned up.") == []


def test_a_list_shares_its_unit():
    claims = extract_claims("Samples at 2619.60, 2617.35 and 2614.71 m were taken.")
    assert [c.text for c in claims] == ["2619.60", "2617.35", "2614.71 m"]
    assert all(c.unit == "meter" and c.kind == "quantity" for c in claims)
    # a list that is not followed by a unit is not given one
    assert all(c.unit is None for c in extract_claims("Values were 1.5, 2.5 and 3.5 in the table."))


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("A 5,000 mAh battery.", "5,000 mAh", 5, "ampere_hour"),
        ("It makes 400 Nm of torque.", "400 Nm", 400, "newton * meter"),
        ("It makes 250 lb-ft of torque.", "250 lb-ft", 250, "force_pound * foot"),
        ("Reserves of 3.5 tcf of gas.", "3.5 tcf", 3.5e12, "foot ** 3"),
        ("Exports of 12 bcm a year.", "12 bcm", 1.2e10, "meter ** 3"),
        ("Gas at 500 MMBtu.", "500 MMBtu", 5e8, "british_thermal_unit"),
        ("She bought 10 troy ounces.", "10 troy ounces", 10, "troy_ounce"),
        ("A 6.1in display.", "6.1in", 6.1, "inch"),
        ("He is 6-foot-2.", "6-foot-2", 74, "inch"),
        # compound measures with a comma between their parts, or in words
        ("He stands just five foot, six inches (168cm) tall.", "just five foot, six inches", 66, "inch"),
        ("He is 6 feet, 2 inches (1.88 m) tall.", "6 feet, 2 inches", 74, "inch"),
        ("The film runs 2 hours, 30 minutes in all.", "2 hours, 30 minutes", 150, "minute"),
        ("He placed it on the five-foot-five inch (165 cm) aide's chair.", "five-foot-five inch", 65, "inch"),
        ("She is five-foot-seven (170 cm).", "five-foot-seven", 67, "inch"),
        ("He ran it in 9.58s.", "9.58s", 9.58, "second"),
        ("A force of 2.5 N.", "2.5 N", 2.5, "newton"),
    ],
)
def test_news_and_spec_units(text, surface, value, unit):
    claim = claim_for(text, surface)
    assert convert(claim.value, claim.unit, unit) == pytest.approx(value, rel=1e-9)


def test_news_and_spec_near_misses():
    assert texts("She finished 2nd in the 1990s.") == []
    assert all(c.unit != "newton" for c in extract_claims("Take exit 5 N of the city; 40N was the latitude."))
    assert all(c.unit != "inch" for c in extract_claims("He came in 2 in a row."))


def test_a_decimal_opening_a_wrapped_line_is_still_read():
    # (a line broken inside a sentence starts no section)
    assert "21.95 Canadian dlrs" in texts("Its light grade now stands at\n21.95 Canadian dlrs a barrel.")
    assert "2.5 Million Americans" in texts("Coverage fell.\n\n2.5 Million Americans lost it.")


def test_scales_of_scales():
    assert claim_for("The plan costs ₹1.2 lakh crore.", "₹1.2 lakh crore").value == pytest.approx(1.2e12)


def test_long_lists_after_a_label_are_read_without_recursion():
    # each item looks back over the items before it: a long list must neither recurse nor fail
    text = "At phases " + ", ".join(str(i) for i in range(3000)) + " it was read."
    assert extract_claims(text) == []
    text = ", ".join(str(i) for i in range(1, 1000)) + " m"  # (no four-digit figures: years)
    claims = extract_claims(text)
    assert len(claims) == 999 and all(c.unit == "meter" for c in claims)


@pytest.mark.parametrize(
    "text, surface, value, currency",
    [
        ("Coffee costs 5 € in Paris.", "5 €", 5, "EUR"),
        ("Tickets cost 50 zł each.", "50 zł", 50, "PLN"),
        ("A meal costs KSh 1,000.", "KSh 1,000", 1000, "KES"),
        ("A ticket is NT$300.", "NT$300", 300, "TWD"),
        ("It costs 10 pesos.", "10 pesos", 10, "MXN"),
        ("They signed a $1.2-billion deal.", "$1.2-billion", 1.2e9, "USD"),
        # "m" before a currency word is millions of it ...
        ("Illva will pay 481.42m yuan for the stake.", "481.42m yuan", 481.42e6, "CNY"),
        ("It took a 650m euro write-down.", "650m euro", 650e6, "EUR"),
        # ... and a sum in millions compared with one just before it is in that sum's currency
        ("Sales were 77m euros (£53m; $100m), up from 38m in 2003.", "38m", 38e6, "EUR"),
        ("Profit rose to £53m from 41m.", "41m", 41e6, "GBP"),
        ("Profit was $5m, compared with 3m a year earlier.", "3m", 3e6, "USD"),
    ],
)
def test_more_currencies(text, surface, value, currency):
    claim = claim_for(text, surface)
    assert claim.kind == "money" and claim.dimension == f"currency:{currency}"
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, surface, value, unit",
    [
        ("It is a third of a mile away.", "a third of a mile", 1 / 3, "mile"),
        ("Add two-thirds of a gallon.", "two-thirds of a gallon", 2 / 3, "gallon"),
        ("They walked three quarters of a mile.", "three quarters of a mile", 0.75, "mile"),
    ],
)
def test_shares_of_a_unit(text, surface, value, unit):
    claim = claim_for(text, surface)
    assert convert(claim.value, claim.unit, unit) == pytest.approx(value)


def test_shares_of_people_are_not_counts_or_units():
    assert texts("Three quarters of the voters stayed home.") == []


@pytest.mark.parametrize(
    "text, figures",
    [
        # an "or" range is written rising ("two or three weeks"): falling, they are two figures
        ("Soils were incubated for 9 or 4.8 months to allow it.", ["9", "4.8 months"]),
        # "respectively" gives one figure to each of the things named before
        ("Plots were sampled at 6 or 12 months, respectively.", ["6", "12 months"]),
        ("Plots were sampled at 6 or 12 months respectively.", ["6", "12 months"]),
    ],
)
def test_alternatives_that_are_not_a_range(text, figures):
    claims = extract_claims(text)
    assert [c.text for c in claims] == figures
    assert all(c.unit == "month" and c.low == c.high for c in claims)


def test_an_or_range_still_reads_as_one():
    (claim,) = extract_claims("Soils were incubated for 2 or 3 weeks.")
    assert (claim.text, claim.low, claim.high) == ("2 or 3 weeks", 2, 3)


@pytest.mark.parametrize(
    "text, surface, low, high",
    [
        ("The risk was lower (HR 0.85, 95% CI 0.70–0.98).", "0.85", 0.85, 0.85),
        ("The risk was lower (HR 0.85, 95% CI 0.70–0.98).", "0.70–0.98", 0.70, 0.98),
        ("Mean age was 54.2 years (SD 11.3).", "11.3", 11.3, 11.3),
        ("Follow-up was 4.2 years (IQR 2.1–6.3).", "2.1–6.3", 2.1, 6.3),
        # a scale word after a range scales both its ends
        ("Output was 3 to 4 million tonnes last year.", "3 to 4 million tonnes", 3e6, 4e6),
        ("It will cost between 10 and 20 billion dollars.", "between 10 and 20 billion dollars", 10e9, 20e9),
        ("Sales of 80 to 90 mln dlrs are expected.", "80 to 90 mln dlrs", 80e6, 90e6),
        ("They expect between 300 mln and 400 mln francs.", "between 300 mln and 400 mln francs", 300e6, 400e6),
        ("It reached 500,000 to 1 million people.", "500,000 to 1 million people", 5e5, 1e6),
        # a range written falling, with a unit after it: older first, or a slip in a conversion
        ("The rocks formed 16–12 Ma ago.", "16–12 Ma", 12, 16),
        ("The rail is 27–30 cm (16–12 in) long.", "16–12 in", 12, 16),
        ("They were 650–700 km (440–380 mi) away.", "440–380 mi", 380, 440),
        ("It cooled from 24-14C overnight.", "from 24-14C", 14, 24),
    ],
)
def test_statistics_and_scaled_ranges_are_read_at_their_ends(text, surface, low, high):
    claim = claim_for(text, surface)
    assert (claim.low, claim.high) == pytest.approx((low, high))


def test_a_capitalised_name_before_a_decimal_is_still_a_name():
    assert texts("It ran Windows 3.1 on a Compaq 386 in Sector 7.5 of the plant.") == []


def _sources(text: str) -> dict[str, str | None]:
    claims = extract_claims(text)
    return {c.text: None if c.converted_from is None else claims[c.converted_from].text for c in claims}


def test_a_list_in_brackets_restates_the_list_before_it_item_by_item():
    assert _sources("Bells of 900, 1,600, and 2,500 pounds (410, 730, and 1,130 kg) hang there.") == {
        "900": None, "1,600": None, "2,500 pounds": None, "410": "900", "730": "1,600", "1,130 kg": "2,500 pounds"}
    assert _sources("Walks of 5 and 10 km (3 and 6 miles) start here.")["6 miles"] == "10 km"
    # lists of other lengths: which restates which is unknown, so nothing is linked
    found = _sources("A 5 km (3, 4 and 5 miles) run.")
    assert found["3"] is None and found["5 miles"] is None
    # alternatives of one figure are still its equivalents
    found = _sources("It uses 7.8 L/100 km (30 mpg; 36 mpg-imp).")
    assert found["30 mpg"] == found["36 mpg-imp"] == "7.8 L/100 km"


def test_stone_and_pounds_written_with_st():
    claim = claim_for("The crew averaged 14 st 10 lb (93.2 kg) a man.", "14 st 10 lb")
    assert claim.unit == "pound" and claim.value == 14 * 14 + 10
    assert texts("She lives at 14 St Mary Road.") == []


@pytest.mark.parametrize("text", [
    "The fit improves if one accounts for partial ionization.",
    "No theory is accepted, but one theory suggests a gain in the central nerves.",
    "If one takes the mean of the runs, one finds a steady drift.",
    "Only one diplomat told journalists about it.",
])
def test_one_before_a_verb_counts_nothing(text):
    # "one" before a plural-looking word: a plural cannot follow "one", so the word is a verb
    assert texts(text) == []


def test_one_before_a_noun_whose_plural_is_itself_still_counts():
    assert claim_for("Only one species was found at the site.", "Only one species").counted == "species"
    assert claim_for("Two species were found, and 14 theories suggest why.", "14 theories").counted == "theory"


@pytest.mark.parametrize("text, surface", [
    ("The injection point lies at 1012 mbsl in the aquifer.", "1012 mbsl"),
    ("The camp sits at 3,400 m a.s.l. on the ridge.", "3,400 m a.s.l."),
    ("The core reached 250 mbsf before it broke.", "250 mbsf"),
])
def test_heights_above_and_depths_below_sea_level_are_lengths(text, surface):
    assert convert(claim_for(text, surface).value, claim_for(text, surface).unit, "meter") > 0


def test_an_element_before_a_measurement_names_a_line_not_a_numbered_thing():
    assert claim_for("They measured the depth of the He 1083 nm line.", "1083 nm").unit == "nanometer"
    assert "286" not in " ".join(texts("Flight BA 286 left at dawn."))


@pytest.mark.parametrize("text, absent", [
    ("Output rose in 1987 to 139.46 billion yen.", "1987 to 139.46 billion"),
    ("Output rose 7.25 pct to 15.8 mln barrels per day.", "7.25 pct to 15.8 mln barrels per day"),
])
def test_figures_a_scale_word_cannot_join_into_a_range(text, absent):
    assert absent not in texts(text)


def test_a_comma_does_not_join_a_part_too_large_for_the_compound():
    assert texts("It was 6 feet, 20 inches of snow.") == ["6 feet", "20 inches"]


@pytest.mark.parametrize("text, restates", [
    ("Rats received a single dose either 6 days or 2 h prior to euthanasia.", False),
    ("Pain was rated one hour or one day after injection.", False),
    ("The trip took two days, or 48 hours, in all.", True),
    # a list of alternatives, not a figure restated
    ("Some said in a decade, or three years, or six months.", False),
    ("It will take three years, or six months, or a decade.", False),
    ("The unit can map 4 KB, 64 KB or 1 MB pages.", False),
    ("Tanks hold 20 litres, 50 litres or 15 gallons.", False),
    ("In 2010, 12 miles or 19 km of track were laid.", True),
    ("The road is 10 km, or 6 miles or so, long.", True),
    ("The road is 5 miles or 8 km long.", True),
    ("Aspartate aminotransferase was 98 U/L (10-40 U/L) on admission.", False),
    # the full stop of an abbreviated unit before the bracket
    ("The shelf is 3 ft. (0.9 m) wide.", True),
    ("He ran 5 km. (3 miles later he stopped.)", False),
])
def test_alternatives_and_reference_ranges_are_not_restatements(text, restates):
    claims = extract_claims(text)
    assert any(c.converted_from is not None for c in claims) == restates, [(c.text, c.converted_from) for c in claims]


@pytest.mark.parametrize(
    "text, surface, value, counted_or_unit",
    [
        ("More than 2000 troops arrived.", "More than 2000 troops", 2000, "troop"),
        ("Fewer than 1500 people voted.", "Fewer than 1500 people", 1500, "person"),
        ("It has stood for more than 1000 years.", "more than 1000 years", 1000, "year"),
        ("Densities were greater than 1000 stems/ha.", "greater than 1000 stems/ha", 1000, "1 / hectare"),
        ("As many as 1200 homes were hit.", "As many as 1200 homes", 1200, "home"),
    ],
)
def test_amounts_that_look_like_years(text, surface, value, counted_or_unit):
    claim = claim_for(text, surface)
    assert claim.value == value and counted_or_unit in (claim.counted, claim.unit)


@pytest.mark.parametrize(
    "text",
    [
        "Emissions were 5% lower than 1990 levels.",
        "In 1990 elections were held.",
        "It was later than 1990 records show.",
        "Prices rose up to 1990 levels.",
        # a year before what it is the year of, and money valued as in a year
        "Emissions must fall below 1990 levels.",
        "Output is back at 1986 levels and 1985 prices.",
        "The 2004 figures were revised.",
        "Costs are given in 2010 dollars.",
        # a year after a possessive: a count in the thousands would have its comma
        "The company will publish its 1986 results next month.",
        "The bank's 1987 earnings fell.",
        "Our 2022 targets are unchanged.",
    ],
)
def test_years_after_other_words_stay_years(text):
    assert [c for c in extract_claims(text) if c.value >= 1000] == []


@pytest.mark.parametrize("text", [
    "Sales rose versus fiscal year '20.",
    "He graduated with the class of ’85 in Ohio.",
    "They denied the '93 killings.",
])
def test_a_year_cut_to_two_digits_after_an_apostrophe_is_no_count(text):
    assert extract_claims(text) == []


def test_feet_and_inches_written_with_marks_are_still_read():
    assert texts("He is 5'11\" tall.") == ["5'11\""]


def test_a_count_after_a_possessive_with_its_comma_is_a_count():
    assert texts("Its 1,986 employees went on strike.") == ["1,986 employees"]


def test_a_sum_that_looks_like_a_year_is_still_money():
    assert texts("He paid 2010 dollars for the car.") == ["2010 dollars"]


@pytest.mark.parametrize(
    "text, surface, counted",
    [
        # a count per unit is a rate, counted apart from the noun
        ("The song runs at 126 beats per minute.", "126 beats per minute", "beat per minute"),
        ("Smokers of 10 cigarettes per day.", "10 cigarettes per day", "cigarette per day"),
        ("Up to 2.1 seizures/mo were seen.", "Up to 2.1 seizures/mo", "seizure per month"),
        # ... and so is a count "a" or "each" span of time, as with "per"
        ("The guns fired 14 rounds a minute.", "14 rounds a minute", "round per minute"),
        ("They served 3,000 meals each day.", "3,000 meals each day", "meal per day"),
        # (a span of time that starts a phrase of its own: "a day ago", "a day or two")
        ("It had 10 visitors a day ago.", "10 visitors", "visitor"),
        ("Some 5 deaths a day or more.", "Some 5 deaths", "death"),
        # not a unit after "per": the count stays a count
        ("Three people per car were allowed.", "Three people", "person"),
        ("12 cases per 100,000 people were found.", "12 cases", "case"),
        # a price per unit stays a sum of money for the rules ("18 dlrs" priced per barrel)
        ("Oil sold at 18 dlrs per barrel.", "18 dlrs", "dlr"),
        # three plain modifiers before the counted noun
        ("Whilst 10 native woody tree species were recorded.", "10 native woody tree species", "species"),
        ("The reservoir holds two high porosity sandstone layers.", "two high porosity sandstone layers", "layer"),
        ("We enrolled 216 adult day surgery patients.", "216 adult day surgery patients", "patient"),
        # a country's or body's initials before the noun (the figure was lost with them)
        ("It has 600 U.S. troops in Iraq.", "600 U.S. troops", "troop"),
        ("About 40 U.N. peacekeepers died.", "About 40 U.N. peacekeepers", "peacekeeper"),
        ("It paid 54 mln U.S. dlrs for it.", "54 mln U.S. dlrs", "dlr"),
        # newswire's pounds sterling, which do not look plural
        ("It was sold for 20 mln stg.", "20 mln stg", "stg"),
        # the singular of a plural in "-zes", "-oes" or "-uses"
        ("She won three prizes.", "three prizes", "prize"),
        ("They took two bronzes.", "two bronzes", "bronze"),
        ("He lost two toes.", "two toes", "toe"),
        ("It sold 40 canoes.", "40 canoes", "canoe"),
        ("It fired 12 torpedoes.", "12 torpedoes", "torpedo"),
        ("Staff got two bonuses.", "two bonuses", "bonus"),
        # nouns and names that end in "s" in the singular count the noun after them
        ("It owns 200 gas stations.", "200 gas stations", "station"),
        ("It sold 40 Texas ranches.", "40 Texas ranches", "ranch"),
        ("He made eight Christmas specials.", "eight Christmas specials", "special"),
        ("She staged three shows.", "three shows", "show"),
        ("She made three movies.", "three movies", "movie"),
        ("She baked 90 cookies.", "90 cookies", "cookie"),
        ("It has 90 companies.", "90 companies", "company"),
    ],
)
def test_what_a_count_counts(text, surface, counted):
    assert claim_for(text, surface).counted == counted


@pytest.mark.parametrize(
    "text, surface, unit, counted",
    [
        # a count of a noun per area is a density of it, in the unit over that area ...
        ("Densities were 300 people/km2 there.", "300 people/km2", "1 / kilometer ** 2", "person"),
        ("Some 45 trees per hectare survive.", "Some 45 trees per hectare", "1 / hectare", "tree"),
        ("It had 2.6 people per square mile.", "2.6 people per square mile", "1 / mile ** 2", "person"),
        ("It had 770 people per km2.", "770 people per km2", "1 / kilometer ** 2", "person"),
        # ... and so is a figure per area with no noun, as after a slash
        ("Units averaged 1.4 per square mile.", "1.4 per square mile", "1 / mile ** 2", None),
        ("Units averaged 1.4/sq mi there.", "1.4/sq mi", "1 / mile ** 2", None),
    ],
)
def test_a_count_per_area_is_a_density(text, surface, unit, counted):
    claim = claim_for(text, surface)
    assert (claim.kind, claim.unit, claim.counted) == ("quantity", unit, counted)


@pytest.mark.parametrize("text", ["Prices rose 3 per cent.", "It had 5 deaths per day.", "It had 3 per capita."])
def test_a_figure_per_anything_else_is_no_density(text):
    assert all(c.unit is None or "/" not in c.unit for c in extract_claims(text) if c.kind != "percent")


@pytest.mark.parametrize(
    "text, surface",
    [
        # capitals past two words are names, a line break a table's next row, a pronoun a clause
        ("Ten Hoopen used tilt-shift lenses.", None),
        ("Sales 332.7 mln vs 274.9 mln\n    Qtly div four cts vs four cts prior", "274.9 mln"),
        ("See 1806.06471 we defined good metrics there.", None),
        ("It won a four billion dlr contract three weeks ago.", None),
    ],
)
def test_three_modifiers_only_when_plain(text, surface):
    long_reads = [c for c in extract_claims(text) if len((c.text or "").split()) >= 5]
    assert long_reads == []
    if surface:
        assert claim_for(text, surface).counted is None


@pytest.mark.parametrize(
    "text, surface, low, high, unit",
    [
        # a range whose ends carry different units: the low end in the high end's unit
        ("Recovery takes ten days to two weeks.", "ten days to two weeks", 10 / 7, 2, "week"),
        ("Infusions last 45 min to 1 h.", "45 min to 1 h", 0.75, 1, "hour"),
        ("It ranges from 60 Hz to 20 kHz.", "from 60 Hz to 20 kHz", 0.06, 20, "kilohertz"),
        ("Aged between 3 months and 1 year.", "between 3 months and 1 year", 0.25, 1, "year"),
        ("The trench is 500 m – 2 km deep.", "500 m – 2 km", 0.5, 2, "kilometer"),
    ],
)
def test_a_range_in_two_units_is_read_in_one(text, surface, low, high, unit):
    claim = claim_for(text, surface)
    assert claim.unit == unit and claim.low == pytest.approx(low) and claim.high == pytest.approx(high)


@pytest.mark.parametrize("text, sources", [
    # a figure in another system set off by dashes or commas restates the one before it ...
    ("The pipe runs 12 miles – about 19 km – under the bay.", {"12 miles": None, "about 19 km": "12 miles"}),
    ("The pipe runs 12 miles—19 km—under the bay.", {"12 miles": None, "19 km": "12 miles"}),
    ("The pipe runs 12 miles - 19 km - under the bay.", {"12 miles": None, "19 km": "12 miles"}),
    ("It is 40 lb, roughly 18 kg, in all.", {"40 lb": None, "roughly 18 kg": "40 lb"}),
    ("It holds 40 gallons, the equivalent of 150 litres.", {"40 gallons": None, "150 litres": "40 gallons"}),
    ("The storm (40 mph, 65 km/h) weakened.", {"40 mph": None, "65 km/h": "40 mph"}),
    # after the adjective of the measure, "or" says it too
    ("The wall is 10 kilometres long, or about 6 miles.", {"10 kilometres": None, "about 6 miles": "10 kilometres"}),
    ("The tower is 300 m high, about 1,000 ft.", {"300 m": None, "about 1,000 ft": "300 m"}),
    # ... and is not one range with it
    ("The pipe runs 12 miles – 25 km.", {"12 miles": None, "25 km": "12 miles"}),
    # not in another system, not set off, or a list: two figures
    ("The trench is 500 m – 2 km deep.", {"500 m – 2 km": None}),
    ("Depths of 12 ft — 25 m were seen.", {"12 ft": None, "25 m": None}),
    ("Runs of 5 miles, about 25 km and 40 km.", {"5 miles": None, "about 25 km": None, "40 km": None}),
    ("Legs of 12 miles, 19 km, and 40 km.", {"12 miles": None, "19 km": None, "40 km": None}),
    ("Legs (12 miles, 19 km and 40 km) were run.", {"12 miles": None, "19 km": None, "40 km": None}),
    ("A 12-mile leg, 25 km of it on roads.", {"12-mile": None, "25 km": None}),
    ("The route is 10 km long, or 12 miles by the coast road.", {"10 km": None, "12 miles": None}),
    ("The wall is either 10 km long, or 6 miles.", {"10 km": None, "6 miles": None}),
    ("The bridge is 1,000 ft long, about 30 m wide.", {"1,000 ft": None, "about 30 m": None}),
])
def test_an_equivalent_set_off_by_dashes_or_commas(text, sources):
    assert _sources(text) == sources


@pytest.mark.parametrize(
    "text, surface, value",
    [
        # feet and inches joined by hyphens are one height, not a range from 5 to 2 inches
        ("The five-foot-two-inch suspect fled.", "five-foot-two-inch", 62),
        # "in" before "the" is the preposition, not inches
        ("She is five-foot-five in the photo.", "five-foot-five", 65),
        ("He is 5 ft 2 in tall.", "5 ft 2 in", 62),
    ],
)
def test_heights_in_feet_and_inches(text, surface, value):
    claim = claim_for(text, surface)
    assert (claim.value, claim.unit, claim.is_range) == (value, "inch", False)


@pytest.mark.parametrize(
    "text, surface, value",
    [
        # a ratio at the end of a sentence
        ("The odds were 3:1.", "3:1", 3),
        ("The perchlorate:nitrate ratio is ∼1:1000. It differs.", "∼1:1000", 0.001),
        # a value given after "=" is never a year
        ("The model holds N = 1000 particles.", "1000 particles", 1000),
    ],
)
def test_ratios_at_a_full_stop_and_values_after_equals(text, surface, value):
    assert claim_for(text, surface).value == pytest.approx(value)


@pytest.mark.parametrize(
    "text, surface",
    [
        # a short unit after a space is a measure, whatever word comes before the figure
        ("The road runs 34.76 mi (55.94 km) from the interchange.", "34.76 mi"),
        ("The shrine is a plain room 6 m (20 ft) deep.", "6 m"),
        ("Reaching 24 cm (9.4 in) in width, it is large.", "24 cm"),
        ("The Italian 450 mm (17.72 inch) guns were large.", "450 mm"),
    ],
)
def test_measures_after_label_words_and_names(text, surface):
    assert claim_for(text, surface).kind == "quantity"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the last item of a label's list, after "and", is a label with a noun after it too
        ("Phases 3, 5, and 7 providing baseline measures were used.", []),
        ("We enrolled class 1 and 2 patients only.", []),
        ("Nos. 2 and 18 Squadrons flew Mitchells.", []),
        # ... but a noun after a list joined by a comma ends it, and a decimal is no label
        ("See Fig. 10, 350 electrons were counted.", ["350 electrons"]),
        ("It was 63.7 cells/mm3 at week 8 and 6.8 cells/mm3 later.", ["63.7 cells/mm3", "6.8 cells/mm3"]),
    ],
)
def test_the_last_item_of_a_label_list(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "See Fig. 4A and Figure 2b.", "Take Route 66 west.",
    # a capital letter that is a unit alone, attached to a number after a name: a designation
    "It was classified Tropical Depression 18W early in the month.",
    "It used the Astra 2A satellite.",
    "Trazodone blocks 5-HT 2A receptors.",
    "Watch Anderson Cooper 360° weeknights.",
    # C or F after an abbreviation in capitals: a road's or a receptor's number
    "The route meets NY 18F in the village.", "Trazodone blocks 5-HT 2C receptors.",
    "His iPhone 5C spontaneously erupted.",  # (a name in camel case: a product's model)
    # a subscript in a name written with brackets
    "It is an adenosine A(2A) antagonist.", "Levels of 15-F(2t)-isoprostane rose.", "The 5-HT(2C) agonist.",
    # names in a series of letters: not amperes, billions or degrees
    "The cell bodies of the 3A and 3B clusters move apart.", "Hemilineages 7A, 12B and 19A persist.",
    "The 20A/20B groups differ.", "We used primers 1410F and 2250R.", "Old 2G and 3G networks close.",
    # a figure's supplement, a video or a movie
    "Arrows mark the foci (Figure 2—figure supplement 3A).", "See Video 2 and Movie 4.",
    # positions along a sequence, and the ends of a strand (not feet, not counts)
    "Reads differed at positions 12 and 40 of the 5′ UTR.", "A tag was added at the 3′ end.",
    "Both 5'-UTRs and 3' ends were kept.",
])
def test_panels_and_labels_stay_labels(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, surfaces", [
    # one letter, repeated: a unit or a scale, not a series of names
    ("Fit a 5A and a 10A fuse.", ["5A", "10A"]), ("A 13A fuse, a 3A fuse.", ["13A", "3A"]),
    ("The service has 2B users and 1B viewers.", ["2B users", "1B viewers"]),
])
def test_a_letter_repeated_after_figures_is_still_their_unit(text, surfaces):
    assert [c.text for c in extract_claims(text)] == surfaces


@pytest.mark.parametrize("text", [
    # a unit's name capitalised inside a title or a name, in text not in title case
    "It was made to promote the film 3000 Miles to Graceland.",
    "The commission erected 400 Stones of Remembrance.",
    "He made a cameo in 24 Hour Party People.",
    "Americans left when the Six-Day War erupted.",
    "It was the initial Three-Year Plan to rebuild Poland.",
    'He told CBS\' "60 Minutes" in January.', "You know the game “6 Degrees of Kevin Bacon”?",
])
def test_a_unit_named_in_a_title_is_no_measure(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, surface, unit", [
    ("The heater gives 100 Watts of Heat.", "100 Watts", "watt"),  # a unit named for a person
    ("Storm Floods 40 Miles Of Coast", "40 Miles", "mile"),  # a headline in title case
    ("It is 40 Miles long, he said.", "40 Miles", "mile"),  # no title goes on after it
])
def test_a_capitalised_unit_outside_a_title_is_a_measure(text, surface, unit):
    assert claim_for(text, surface).unit == unit


@pytest.mark.parametrize("text, surface, unit", [
    ("Gravity is about 9.81 meters per second squared.", "about 9.81 meters per second squared",
     "meter / second ** 2"),
    ("It accelerates at 9.8 m/s squared.", "9.8 m/s squared", "meter / second ** 2"),
    ("The flat is 50 metres squared (540 sq ft).", "50 metres squared", "meter ** 2"),
    ("The heat was 30C squared off.", "30C", "degree_Celsius"),  # (no power of a temperature)
])
def test_squared_after_a_unit_is_its_power(text, surface, unit):
    assert claim_for(text, surface).unit == unit


@pytest.mark.parametrize("text, surface, unit", [
    ("Use a 13A fuse.", "13A", "ampere"),
    ("The bulb is 60W.", "60W", "watt"),
    ("In London 25C is expected.", "25C", "degree_Celsius"),  # (the weather after a city)
    ("She may defend her AAA 800m title.", "800m", "meter"),  # (only C or F after capitals)
    ("The load (5t) was lifted.", "5t", "metric_ton"),
])
def test_a_capital_letter_unit_after_no_name_is_a_measure(text, surface, unit):
    assert claim_for(text, surface).unit == unit


@pytest.mark.parametrize(
    "text, expected",
    [
        # a time word names a day, a week or a year of a schedule after a preposition ...
        ("Rats were dosed on days 15 and 16 of gestation.", []),
        ("He was injured in week 12 and missed the season.", []),
        ("Glucose was measured from day 1 to day 4 after ovulation.", []),
        ("They were killed at weeks 4, 14 or 20.", []),
        ("It kept losing money until year 21.", []),
        ("Leukocyte-like cells emerged around day 10 of culture.", []),
        ("The fever broke at the end of day 5.", []),
        # ... not where the time word ends a phrase of its own
        ("Last year 300 people died on the road.", ["300 people"]),
        ("Every day 15 trains leave the station.", ["15 trains"]),
    ],
)
def test_a_time_word_after_a_preposition_is_a_label(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a label word that is an infinitive's verb takes the figure as its object ...
        ("The firm plans to build 20,000 new homes.", ["20,000 new homes"]),
        ("The council will issue 126 fines this year.", ["126 fines"]),
        ("The army is due to release 150 prisoners.", ["150 prisoners"]),
        # ... not a label after "to" as a preposition, or capitalised, or before a verb
        ("Refer to table 3 for details.", []),
        ("Go to row 7 and read the values.", []),
        ("The models are compared to model 4 alignments.", []),
        ("Results are close to Model 1 alignments.", []),
        ("Proceed to step 2 in the manual.", []),
    ],
)
def test_a_label_word_as_a_verb_takes_its_figure_as_an_object(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the codes of a scale's key: the days after each "=" are figures, the codes are not
        ("Rated on a scale (0 = less than one day, 1 = 1–2 days, 2 = 3–4 days).",
         ["less than one day", "1–2 days", "3–4 days"]),
        ("Answers were coded 1 = yes and 2 = no.", []),
        # a statistic's degrees of freedom: its value is a figure, they are not
        ("Densities varied (F(3, 8.9) = 4.1, p = 0.03).", ["4.1", "0.03"]),
        ("Scores differed, t(23) = 2.1, and χ2(2) = 5.3 for sex.", ["2.1", "5.3"]),
        # a crystal's planes
        ("Faults lie on the {111} planes of the lattice.", []),
        # counts and values written around "=" stay figures
        ("Samples were small (n = 12).", ["12"]),
        ("One mile = 1.6 km, roughly.", ["One mile", "1.6 km"]),
        ("We tested 4 cohorts = 40 mice.", ["4 cohorts", "40 mice"]),
    ],
)
def test_codes_of_a_key_and_degrees_of_freedom_are_not_figures(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        # units of circuits
        ("Use a 10 k\u03a9 resistor.", "10 k\u03a9", "kiloohm"),
        ("Use a 10 k\u2126 resistor.", "10 k\u2126", "kiloohm"),  # (the ohm sign)
        ("A 5-ohm load was fitted.", "5-ohm", "ohm"),
        ("It needs a 100 \u00b5F capacitor.", "100 \u00b5F", "microfarad"),
        ("The coil measured 0.9mH.", "0.9mH", "millihenry"),
        # a short symbol after a space is a unit when an amount of something follows ...
        ("The initial weight was 5 g of dried sediment.", "5 g", "gram"),
        ("It holds 3 mol of gas.", "3 mol", "mole"),
        # ... or when the figure and the symbol size a thing named after them
        ("Fit a 12 V battery and an 8 A fuse.", "12 V", "volt"),
        ("Fit a 12 V battery and an 8 A fuse.", "8 A", "ampere"),
        ("They drank a 75 g glucose solution.", "75 g", "gram"),
    ],
)
def test_units_of_circuits_and_short_symbols_in_context(text, surface, unit):
    assert claim_for(text, surface).unit == unit


@pytest.mark.parametrize("text", [
    "It was 5 V in the test.",  # (an integer, a space and "V", nothing more: not read)
    "Use a 2 B pencil.",
    "See Fig. 5 g of the paper.",
    "Take 5 Wm as the base.",  # (symbols run together without a power: a word)
])
def test_a_short_symbol_after_a_space_without_context_is_no_unit(text):
    assert all(c.unit is None for c in extract_claims(text)), [(c.text, c.unit) for c in extract_claims(text)]


def test_a_name_after_a_figure_is_no_unit_of_circuits():
    assert texts("He lives at 10 Henry Street.") == []


def test_markers_of_a_list_in_a_sentence_are_not_counts():
    text = "Rats formed 6 groups: 1) saline, 2) NTG, 3) NTG 3 h after learning, and 4) vehicle."
    assert texts(text) == ["6 groups", "3 h"]
    assert texts("Of the patients (n = 12, of whom 2) most improved.")[-1] == "2"


def test_pts_after_a_figure_are_points_of_a_change_only():
    # "pts" are patients in a clinical abstract ("in 63 pts (90%)"), points after a change word
    found = {c.text: c.unit for c in extract_claims("CR was achieved in 63 pts (90%) of cases.")}
    assert found == {"63": None, "90%": "percent"}
    assert claim_for("Shares rose 2 pts to 7%.", "2 pts").unit == "percentage_point"


@pytest.mark.parametrize("text", [
    "The score was 16-12 after extra time.",  # a score: no unit after it
    "During [24-14C]sodium infusion the rate rose.",  # an isotope's label
    "Good and mostly choice 2-3 950-100 lb steers.",  # an end cut short (950 to 1,100)
    "They won 16-12 in overtime.",  # "in" alone is no inch outside a bracket
])
def test_a_falling_pair_that_is_no_range_is_not_read(text):
    assert not [c for c in extract_claims(text) if c.is_range], [c.text for c in extract_claims(text)]


@pytest.mark.parametrize("text, surface, unit", [
    ("Wind speeds reached 10 ms−1 at noon.", "10 ms−1", "meter / second"),
    ("The flow velocity was 0.4 ms-1 in the channel.", "0.4 ms-1", "meter / second"),
    ("The current ran at 1.2 ms⁻¹.", "1.2 ms⁻¹", "meter / second"),
    ("Objects fall under gravity at 9.81 ms−2.", "9.81 ms−2", "meter / second ** 2"),
    # no word of speed: a rate per millisecond, as written
    ("The rate constant was 0.2 ms−1 at 20 °C.", "0.2 ms−1", "1 / millisecond"),
    ("The pulse lasted 5 ms in the wind tunnel.", "5 ms", "millisecond"),
])
def test_metres_per_second_written_without_a_space(text, surface, unit):
    assert claim_for(text, surface).unit == unit


@pytest.mark.parametrize("text, surface, value, unit_or_counted", [
    # "m" attached to a figure counts millions of the plural noun or the unit after it ...
    ("About 1.5m people live there.", "About 1.5m people", 1.5e6, "person"),
    ("It has built 20m new homes.", "20m new homes", 2e7, "home"),
    ("Output was 2.3m tonnes last year.", "2.3m tonnes", 2.3e6, "metric_ton"),
    ("The rocks formed 3m years ago.", "3m years", 3e6, "year"),
    ("Of the UK's 1.6m Muslims, many vote.", "1.6m Muslims", 1.6e6, "muslim"),
    # ... and is a length alone, before a race or who runs it, or an adverb
    ("The wall is 1.5m tall.", "1.5m", 1.5, "meter"),
    ("She ran the 100m hurdles.", "100m", 100, "meter"),
    ("Three 800m runners fell.", "800m", 800, "meter"),
    ("He threw it well over 60m indoors.", "well over 60m", 60, "meter"),
    ("She won the 10,000m five days later.", "10,000m", 10000, "meter"),
    ("The 100m won by Bolt was fast.", "100m", 100, "meter"),  # (not Korea's won)
])
def test_m_after_a_figure_is_millions_of_what_follows_or_metres(text, surface, value, unit_or_counted):
    claim = claim_for(text, surface)
    assert claim.value == pytest.approx(value)
    assert unit_or_counted in (claim.unit, claim.counted)


@pytest.mark.parametrize("text, surface", [
    ("He won £1m, then ran the 400m.", "400m"),  # no word that compares
    ("The prize of £1m went to 400m runners.", "400m"),  # a noun after: who runs it
    ("It cost £5m. The track is 400m.", "400m"),  # another sentence
])
def test_m_after_a_sum_stays_a_length_unless_compared_with_it(text, surface):
    assert claim_for(text, surface).unit == "meter"


@pytest.mark.parametrize("text, surface, low, high", [
    # "and" joins a smaller part to a number in words, never a second sum of the same scale
    ("Rates are higher between one billion and three billion dlrs.",
     "between one billion and three billion dlrs", 1e9, 3e9),
    ("It taxes 80 pct on those between one billion and three\nbillion lire.",
     "between one billion and three\nbillion lire", 1e9, 3e9),
    ("Two million and fifty thousand people voted.", "Two million and fifty thousand people", 2_050_000, 2_050_000),
])
def test_and_joins_a_part_not_a_sum_of_the_same_scale(text, surface, low, high):
    claim = claim_for(text, surface)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("words, value", [
    # after "hundred", a scale multiplies the whole number read so far
    ("one hundred and fifty thousand", 150_000),
    ("two hundred and five million", 205_000_000),
    ("two thousand and twelve", 2012),
    ("one billion", 1e9),  # (of "one billion and three billion": two sums)
])
def test_a_number_in_words_reads_its_parts_joined_by_and(words, value):
    text = f"Police said {words} and three billion more."
    assert parse_words(text, text.index(words)).value == value


_RESULTS_TABLE = (
    "K-TRON INTERNATIONAL INC 4TH QTR NET\n\n"
    "Oper shr profit 36 cts vs loss 1.48 dlrs\n    Oper net profit 1,353,000 vs loss 5,551,000\n"
    "    Revs 11.3 mln vs 8,142,000\n    Year\n    Oper shr profit 31 cts vs loss 1.58 dlrs\n"
)


@pytest.mark.parametrize("indent", ["    ", "  ", "\t"])
def test_an_indented_line_starts_a_row_a_figure_reads_nothing_from(indent):
    # newswire starts each paragraph and each table row on an indented line (two spaces or a
    # tab): a figure's noun, its unit and the noun of the count before it stay on its own row
    claims = {c.text: c for c in extract_claims(_RESULTS_TABLE.replace("    ", indent))}
    assert not [t for t in claims if "\n" in t]
    assert claims["1,353,000"].counted is None  # (not the "dlrs" of the row before)
    assert claims["5,551,000"].counted is None  # (nor "Revs", the next row's label)
    assert claims["8,142,000"].kind == "count"  # (not 8,142,000 years)


@pytest.mark.parametrize("text, surface, counted", [
    # a line wrapped in running text still joins a figure to its noun
    ("The plant will sell 5,000\ncars.", "5,000\ncars", "car"),
    ("The plant will sell 5,000\n cars.", "5,000\n cars", "car"),  # (one space: no indent)
    ("Five people were killed and nine\ninjured.", "nine", "person"),
])
def test_a_wrapped_line_still_joins_a_figure_to_its_noun(text, surface, counted):
    assert claim_for(text, surface).counted == counted


@pytest.mark.parametrize("text, surface", [
    ("Nine mths\n    Shr 1.20 dlrs vs 98 cts\n", "Nine mths"),  # newswire's months
    ("Sales rose in the six mths to June.", "six mths"),
])
def test_mths_are_months(text, surface):
    assert claim_for(text, surface).unit == "month"


@pytest.mark.parametrize("text, surfaces", [
    # after a capitalised word, an amount is still a figure: a sum counted in a currency's noun,
    # a figure with its thousands separated or with a scale (a results table's rows)
    ("Shr 80 cts vs 72 cts\n    Net 55,513,000 vs 48,741,000\n    Revs 290.9 mln vs 264.2 mln\n",
     ["80 cts", "72 cts", "55,513,000", "48,741,000", "290.9 mln", "264.2 mln"]),
    ("His department had billed DOT 12 mln dlrs.", ["12 mln dlrs"]),
    # ... but not the number a name gives, a patent's or a code's
    ("He flew on BA 286 to Rome and ran Python 3.11.", []),
    ("It was U.S. Patent 1,655,114, for a biplane.", []),
    ("The antagonist RP 67,580 blocked it.", []),
])
def test_an_amount_after_a_capitalised_word_is_a_figure(text, surfaces):
    assert texts(text) == surfaces


@pytest.mark.parametrize("text, surface, unit, counted", [
    ("It wrote off 1.03 billion N.Z. Dlrs of debt.", "1.03 billion N.Z. Dlrs", None, "dlr"),  # (not newtons)
    ("When cooled to 91 degrees Kelvin, it conducts.", "91 degrees Kelvin", "kelvin", None),
    ("It was 5 K warmer.", "5 K", "kelvin", None),
])
def test_initials_and_kelvins(text, surface, unit, counted):
    claim = claim_for(text, surface)
    assert (claim.unit, claim.counted) == (unit, counted)


def test_a_form_numbered_with_a_hyphen_is_no_temperature():
    assert texts("It said in a 10-K filing that it will continue.") == []


@pytest.mark.parametrize("text", [
    "Net for 1986 excludes a gain on a sale.",  # a year, then a verb: no count of "excludes"
    "The 1987 figure includes costs.",
])
def test_a_verb_after_a_figure_is_not_what_it_counts(text):
    assert texts(text) == []


@pytest.mark.parametrize("text, surface, unit, value", [
    ("He ran a 10K race.", "10K", "kilometer", 10),  # a race's distance
    ("They did the 5k fun run.", "5k", "kilometer", 5),
    ("It has 5K employees.", "5K employees", None, 5000),  # (a thousand of anything else)
])
def test_k_before_a_race_is_kilometres(text, surface, unit, value):
    claim = claim_for(text, surface)
    assert (claim.unit, claim.value) == (unit, value)


@pytest.mark.parametrize("text, surface, value", [
    # "and a half" after a figure's unit is the figure's, as in "one and a half miles"
    ("The road is a mile and a half long.", "a mile and a half", 1.5),
    ("It ran two miles and a half.", "two miles and a half", 2.5),
    ("It lasted a decade and a half.", "a decade and a half", 15.0),
    # ... but not a measure of its own ("a half-inch"), nor after a figure with a fraction
    ("It is 3 feet and a half-inch wide.", "3 feet", 3.0),
    ("It is 2.5 miles and a half-mile spur.", "2.5 miles", 2.5),
])
def test_and_a_half_after_a_unit(text, surface, value):
    assert claim_for(text, surface).value == value


@pytest.mark.parametrize("text", [
    # versions, after "version from/to", or joined to one a name or a version numbers
    "Bump the version from 1.2 to 1.3.",
    "Upgrade the minimum Rust version to 1.83 now.",
    "We moved from Python 3.8 to 3.11.",
    "Versions 2.1 and 2.2 are affected.",
    # the later items of a list of sections numbered with decimals
    "See Sections 6.3 and 6.4 for the design.",
    "Scenarios 2.1, 2.2 and 2.3 follow.",
])
def test_versions_and_section_numbers_are_no_figures(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, figures", [
    # values after a label word, or rising from one to another, are still figures
    ("for the area fractions 0.1 and 0.2. Next", ["0.2"]),
    ("The ratio rose from 1.2 to 1.3.", ["1.2", "1.3"]),
    ("Scores were 2.1 and 2.2 in both groups.", ["2.1", "2.2"]),
])
def test_decimals_joined_to_other_decimals_stay_figures(text, figures):
    assert [c.text for c in extract_claims(text)] == figures


@pytest.mark.parametrize("text, surface, counted", [
    # a reporting verb or an answer after a figure is no noun it counts: the count's noun is the
    # one before ("yes" is no plural of "ye", "told police" counts no police)
    ("Of the 250 respondents, 85 said yes.", "85", "respondent"),
    ("Of the 40 witnesses, two told police nothing.", "two", "witness"),
    ("Of the 30 members, 12 say yes.", "12", "member"),
])
def test_a_count_before_a_reporting_verb_counts_the_noun_before(text, surface, counted):
    assert claim_for(text, surface).counted == counted


@pytest.mark.parametrize("text, surface, value, counted", [
    # a number word joined by a hyphen to its noun is an adjective of its own: the number before
    # it, across a space, counts the things it describes
    ("They took twenty five-minute breaks.", "twenty five-minute breaks", 20, "break"),
    ("He played forty one-day matches.", "forty one-day matches", 40, "match"),
    ("She paid in a hundred five-dollar bills.", "a hundred five-dollar bills", 100, "bill"),
])
def test_a_number_does_not_run_into_a_hyphenated_adjective_after_it(text, surface, value, counted):
    c = claim_for(text, surface)
    assert (c.value, c.kind, c.counted) == (value, "count", counted)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("The film runs twenty-five-minute reels.", "twenty-five-minute", 25, "minute"),
    ("It lasted twenty eight days.", "twenty eight days", 28, "day"),
])
def test_a_number_joined_into_its_adjective_or_before_a_noun_is_one_number(text, surface, value, unit):
    c = claim_for(text, surface)
    assert (c.value, c.unit) == (value, unit)
