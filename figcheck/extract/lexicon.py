"""Words and symbols the extractor knows: units, currencies, qualifiers, number words.

Unit phrases map to pint expressions; every entry is checked against pint by the test suite, so
a typo here fails a test rather than a user's check. Patterns are compiled once, at import, and
their compiled form kept for the next process (:mod:`figcheck.compiled_patterns`).
After adding or changing a unit, run ``python tools/build_unit_table.py``: figcheck.units answers
from the table it writes (a unit missing there still works, through pint, but slower), and
tests/test_unit_table.py fails until the table is regenerated.
"""

from __future__ import annotations

import re

from ..compiled_patterns import PatternCache

PATTERNS = PatternCache.beside(__file__)

# --- number words ---------------------------------------------------------------------------

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # South Asian English: "Rs 500 crore", "3 lakh rupees"
    "lakh": 100_000, "lac": 100_000, "crore": 10_000_000,
}
# Abbreviated scales written after digits: "2.5bn", "€500m", "40k", "5 mln".
SCALE_SUFFIXES = {
    "k": 1e3, "K": 1e3, "thou": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "M": 1e6,
    "bn": 1e9, "b": 1e9, "B": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
# Suffixes that only mean a scale next to money ("500m" alone is metres).
MONEY_ONLY_SUFFIXES = frozenset({"m", "M", "b", "B", "mil", "tr"})

VULGAR_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

NUMBER_WORDS = {**SMALL_NUMBERS, **TENS, **SCALES, "dozen": 12}


def trie_pattern(words) -> str:
    """A regex alternation shaped as a trie ("t(?:en|wo|hree)"): the engine then branches on
    each character instead of trying every word in turn, which is several times faster."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    escaped: dict[str, str] = {}  # each character escaped once (the unit trie has ~4,000 nodes)

    def escape(ch: str) -> str:
        if (text := escaped.get(ch)) is None:
            text = escaped[ch] = re.escape(ch)
        return text

    def build(node: dict) -> str:
        chain = []
        while len(node) == 1 and "" not in node:  # one way on, no word ends here: no group
            ((ch, node),) = node.items()
            chain.append(escape(ch))
        alts = [escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return "".join(chain)
        if "" in node:  # a word ends here: what follows is optional
            return "".join(chain) + "(?:" + "|".join(alts) + ")?"
        return "".join(chain) + (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")")

    return build(trie)

# --- qualifiers ---------------------------------------------------------------------------------
# kind: "approx" (both sides), "max" (at most), "min" (at least), "near_below" (almost),
# "near_above" (just over), "exact".
QUALIFIERS: dict[str, str] = {
    "about": "approx", "around": "approx", "roughly": "approx", "some": "approx",
    "approximately": "approx", "approx.": "approx", "approx": "approx", "circa": "approx",
    "c.": "approx", "ca.": "approx", "~": "approx", "∼": "approx", "≈": "approx", "≃": "approx",
    "<": "max", "≤": "max", "⩽": "max", "≲": "max", ">": "min", "≥": "min", "⩾": "min", "≳": "min", "an estimated": "approx",
    "estimated": "approx", "an approximate": "approx", "nearly": "near_below",
    "almost": "near_below", "close to": "near_below", "just under": "near_below",
    "just short of": "near_below", "not quite": "near_below", "approaching": "near_below",
    "just over": "near_above", "just above": "near_above", "just more than": "near_above",
    "more than": "min", "over": "min", "at least": "min", "above": "min", "upwards of": "min",
    "in excess of": "min", "greater than": "min", "no fewer than": "min", "no less than": "min", "well over": "min",
    "well above": "min", "well more than": "min", "exceeding": "min", "a minimum of": "min",
    "up to": "max", "less than": "max", "under": "max", "fewer than": "max", "at most": "max",
    "below": "max", "no more than": "max", "not more than": "max", "as many as": "max",
    "as much as": "max", "a maximum of": "max", "well under": "max", "well below": "max",
    "exactly": "exact", "precisely": "exact", "just": "exact", "only": "exact",
}
# Qualifiers of an amount that never come before a year: "more than 1500 people" and "more than
# 1000 years" count ("than 1990", "up to 1990" and "over 1990" may be dates).
AMOUNT_ONLY_QUALIFIERS = frozenset({
    "more than", "fewer than", "less than", "greater than", "no fewer than", "no less than",
    "no more than", "not more than", "well more than", "just more than", "at least", "as many as",
    "as much as", "in excess of", "upwards of",
})
# Qualifiers that are also ordinary words: only a qualifier right before a figure. (A closing
# bracket may touch it: datelines such as "(CNN)More than 100 …".)
QUALIFIER_PATTERN = PATTERNS.compile(
    r"(?:(?<=[\s()\[\]\"'‘“—–-])|^)(?P<q>"
    + "|".join(
        sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True)
    )
    + r")\s*$",
    re.IGNORECASE,
)
# The last word of each qualifier: a cheap test before the qualifier pattern runs.
QUALIFIER_LAST_WORDS = frozenset(q.split()[-1].lower() for q in QUALIFIERS)
APPROX_SPREAD = 0.1  # "about 3,000": 2,700 to 3,300
NEAR_SPREAD = 0.1  # "almost 1,000": 900 to 1,000

# --- units ----------------------------------------------------------------------------------------
# (pint expression, written forms). Word forms match case-insensitively; symbol forms exactly.

_LENGTHS = {
    # pint unit: (singular words, plural words, symbols)
    "millimeter": (["millimetre", "millimeter"], ["millimetres", "millimeters"], ["mm"]),
    "centimeter": (["centimetre", "centimeter"], ["centimetres", "centimeters"], ["cm"]),
    "decimeter": (["decimetre", "decimeter"], ["decimetres", "decimeters"], ["dm"]),
    "meter": (["metre", "meter"], ["metres", "meters"], ["m", "masl", "mbsl", "mbsf", "m asl", "m bsl", "m a.s.l."]),
    "kilometer": (["kilometre", "kilometer"], ["kilometres", "kilometers", "kms", "klicks"], ["km", "Km", "KM"]),
    "inch": (["inch"], ["inches"], []),
    "foot": (["foot"], ["feet", "foots"], ["ft"]),
    "yard": (["yard"], ["yards"], ["yd", "yds"]),
    "mile": (["mile"], ["miles"], ["mi"]),
    "nautical_mile": (["nautical mile"], ["nautical miles"], ["nmi"]),
    # (depths at sea and the length of a race: words only, "fm" is a femtometre)
    "fathom": (["fathom"], ["fathoms"], []),
    "furlong": (["furlong"], ["furlongs"], []),
    "micrometer": (["micrometre", "micrometer", "micron"], ["micrometres", "micrometers", "microns"], ["µm", "μm"]),
    "nanometer": (["nanometre", "nanometer"], ["nanometres", "nanometers"], ["nm"]),
    "light_year": (["light year", "light-year"], ["light years", "light-years"], ["ly"]),  # ("ly" in lower case only, as astronomy writes it)
    "angstrom": (["angstrom", "ångström"], ["angstroms", "ångströms"], ["Å", "\u212b"]),
    "femtometer": (["femtometre", "femtometer"], ["femtometres", "femtometers"], ["fm"]),
    "astronomical_unit": (["astronomical unit"], ["astronomical units"], ["AU", "au"]),
    # (written in lower case only, as symbols are: "PARSEC" names stellar models; and no "pc":
    # British papers write "5pc" for per cent)
    "parsec": ([], [], ["parsec", "parsecs"]),
    "kiloparsec": (["kiloparsec"], ["kiloparsecs"], ["kpc"]),
    "megaparsec": (["megaparsec"], ["megaparsecs"], ["Mpc"]),
}
_AREA_ONLY = {
    "hectare": (["hectare"], ["hectares"], ["ha"]),
    "acre": (["acre"], ["acres"], []),
}
_VOLUMES = {
    "milliliter": (["millilitre", "milliliter"], ["millilitres", "milliliters"], ["ml", "mL"]),
    "liter": (["litre", "liter"], ["litres", "liters"], ["l", "L", "ltr"]),
    "gallon": (["gallon", "US gallon"], ["gallons", "US gallons"], ["gal", "US gal", "gal US"]),
    "imperial_gallon": (["imperial gallon"], ["imperial gallons"], ["imp gal", "imp. gal", "gal imp"]),
    "fluid_ounce": (["fluid ounce", "US fluid ounce"], ["fluid ounces", "US fluid ounces"], ["fl oz", "fl. oz.", "US fl oz"]),
    "imperial_fluid_ounce": (["imperial fluid ounce"], ["imperial fluid ounces"], ["imp fl oz"]),
    "quart": (["quart", "US quart"], ["quarts", "US quarts"], ["qt", "US qt"]),
    "pint": (["pint"], ["pints"], []),
    "oil_barrel": (["barrel"], ["barrels"], ["bbl"]),
    "meter ** 3": (["cubic metre", "cubic meter"], ["cubic metres", "cubic meters"], ["m³", "m3", "cu m"]),
    "cubic_foot": (["cubic foot"], ["cubic feet"], ["ft³", "cu ft"]),
    "kiloliter": (["kilolitre", "kiloliter"], ["kilolitres", "kiloliters"], []),
    # (water in reservoirs: an acre one foot deep, a volume, not "500,000 acre" and "feet")
    "acre_foot": (["acre-foot", "acre foot"], ["acre-feet", "acre feet"], ["acre-ft", "acre⋅ft", "acre·ft", "acre ft"]),
}
_MASSES = {
    "milligram": (["milligram", "milligramme"], ["milligrams", "milligrammes"], ["mg"]),
    "gram": (["gram", "gramme"], ["grams", "grammes"], ["g", "gm", "gms"]),
    "kilogram": (["kilogram", "kilogramme", "kilo"], ["kilograms", "kilogrammes", "kilos"], ["kg", "kgs", "Kg"]),
    "megagram": (["megagram"], ["megagrams"], ["Mg"]),
    "metric_ton": (["tonne", "metric ton", "metric-ton"], ["tonnes", "metric tons"], ["t"]),
    "ton": (["ton", "short ton"], ["tons", "short tons"], []),
    "long_ton": (["long ton"], ["long tons"], []),
    "pound": (["pound"], ["pounds"], ["lb", "lbs"]),
    "ounce": (["ounce"], ["ounces"], ["oz"]),
    "stone": (["stone"], ["stones"], ["st"]),
    "carat": (["carat"], ["carats"], ["ct"]),
}
_TIMES = {
    "nanosecond": (["nanosecond"], ["nanoseconds"], ["ns"]),
    "microsecond": (["microsecond"], ["microseconds"], ["µs", "μs"]),
    "millisecond": (["millisecond"], ["milliseconds"], ["ms"]),
    "second": (["second"], ["seconds", "secs"], ["sec", "s"]),
    "minute": (["minute"], ["minutes", "mins"], ["min"]),
    "hour": (["hour"], ["hours", "hrs"], ["hr", "h"]),
    "day": (["day"], ["days"], []),
    "week": (["week"], ["weeks"], ["wk", "wks"]),
    "fortnight": (["fortnight"], ["fortnights"], []),
    "month": (["month"], ["months", "mths"], ["mo", "mos"]),  # ("mths": newswire's "Nine mths")
    "year": (["year"], ["years", "yrs"], ["yr"]),
    "decade": (["decade"], ["decades"], []),  # read as ten years: pint's "decade" is logarithmic
    "century": (["century"], ["centuries"], []),
    "millennium": (["millennium"], ["millennia", "millenniums"], []),
    # geological and astronomical ages: "55.8 Ma", "<20 ka", "3 byr"
    "kiloyear": ([], [], ["ka", "kyr"]),
    "megayear": ([], [], ["Ma", "Myr"]),
    "gigayear": ([], [], ["Ga", "Gyr", "byr"]),
}
_SPEEDS = {
    "mile / hour": (["mile per hour", "mile an hour", "mile-per-hour"], ["miles per hour", "miles an hour", "miles-per-hour"], ["mph", "MPH"]),
    "kilometer / hour": (
        ["kilometre per hour", "kilometer per hour", "kilometre an hour", "kilometer an hour"],
        ["kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour"],
        ["km/h", "km/hr", "kmh", "kph", "km per hour", "km an hour", "kmph", "km h-1"],
    ),
    "meter / second": (["metre per second", "meter per second"], ["metres per second", "meters per second"], ["m/s"]),
    "foot / second": (["foot per second"], ["feet per second"], ["ft/s", "fps"]),
    "knot": (["knot"], ["knots"], ["kn", "kts"]),
}
_ENERGY_POWER = {
    "watt": (["watt"], ["watts"], ["W"]),
    "kilowatt": (["kilowatt"], ["kilowatts"], ["kW"]),
    "megawatt": (["megawatt"], ["megawatts"], ["MW"]),
    "gigawatt": (["gigawatt"], ["gigawatts"], ["GW"]),
    "kilowatt_hour": (["kilowatt hour", "kilowatt-hour"], ["kilowatt hours", "kilowatt-hours"], ["kWh"]),
    "megawatt_hour": (["megawatt hour", "megawatt-hour"], ["megawatt hours", "megawatt-hours"], ["MWh"]),
    "gigawatt_hour": (["gigawatt hour", "gigawatt-hour"], ["gigawatt hours", "gigawatt-hours"], ["GWh"]),
    "terawatt_hour": (["terawatt hour", "terawatt-hour"], ["terawatt hours", "terawatt-hours"], ["TWh"]),
    "joule": (["joule"], ["joules"], ["J"]),
    "kilojoule": (["kilojoule"], ["kilojoules"], ["kJ"]),
    "megajoule": (["megajoule"], ["megajoules"], ["MJ"]),
    "kilocalorie": (["kilocalorie"], ["kilocalories", "calories"], ["kcal", "Cal"]),
    "horsepower": (
        ["horsepower", "shaft horsepower", "indicated horsepower", "brake horsepower"], [],
        ["hp", "bhp", "shp", "ihp"],
    ),
    # (the German Pferdestärke of car and engine specifications: "150 PS (110 kW; 148 hp)")
    "metric_horsepower": (["metric horsepower"], [], ["PS"]),
    "volt": (["volt"], ["volts"], ["V"]),
    "kilovolt": (["kilovolt"], ["kilovolts"], ["kV"]),
    "ampere": (["amp", "ampere"], ["amps", "amperes"], ["A"]),
    "milliampere": (["milliamp", "milliampere"], ["milliamps", "milliamperes"], ["mA"]),
    "microampere": (["microamp", "microampere"], ["microamps", "microamperes"], ["µA", "μA"]),
    "nanoampere": ([], [], ["nA"]),
    "millivolt": (["millivolt"], ["millivolts"], ["mV"]),
    "microvolt": (["microvolt"], ["microvolts"], ["µV", "μV"]),
    "milliwatt": (["milliwatt"], ["milliwatts"], ["mW"]),
    "microwatt": (["microwatt"], ["microwatts"], ["µW", "μW"]),
    "millijoule": (["millijoule"], ["millijoules"], ["mJ"]),
    "microjoule": (["microjoule"], ["microjoules"], ["µJ", "μJ"]),
    "nanojoule": (["nanojoule"], ["nanojoules"], ["nJ"]),
    "electron_volt": (["electronvolt", "electron volt"], ["electronvolts", "electron volts"], ["eV"]),
    "kiloelectron_volt": ([], [], ["keV"]),
    "megaelectron_volt": ([], [], ["MeV"]),
    "gigaelectron_volt": ([], [], ["GeV"]),
    "teraelectron_volt": ([], [], ["TeV"]),
}
_OTHER = {
    "hertz": (["hertz"], [], ["Hz"]),
    "kilohertz": (["kilohertz"], [], ["kHz"]),
    "megahertz": (["megahertz"], [], ["MHz"]),
    "gigahertz": (["gigahertz"], [], ["GHz"]),
    "byte": (["byte"], ["bytes"], []),
    "kilobyte": (["kilobyte"], ["kilobytes"], ["kB", "KB"]),
    "megabyte": (["megabyte"], ["megabytes"], ["MB"]),
    "gigabyte": (["gigabyte"], ["gigabytes"], ["GB"]),
    "terabyte": (["terabyte"], ["terabytes"], ["TB"]),
    "petabyte": (["petabyte"], ["petabytes"], ["PB"]),
    "kibibyte": ([], [], ["KiB"]),
    "mebibyte": ([], [], ["MiB"]),
    "gibibyte": ([], [], ["GiB"]),
    "bit": (["bit"], ["bits"], []),
    "megabit / second": (["megabit per second"], ["megabits per second"], ["Mbps", "Mbit/s", "Mb/s"]),
    "gigabit / second": (["gigabit per second"], ["gigabits per second"], ["Gbps", "Gbit/s", "Gb/s"]),
    "kilobit / second": (["kilobit per second"], ["kilobits per second"], ["kbps", "kbit/s"]),
    "psi": ([], [], ["psi"]),
    "milliampere_hour": (["milliamp hour", "milliamp-hour", "milliampere hour"], ["milliamp hours", "milliamp-hours", "milliampere hours"], ["mAh"]),
    "ampere_hour": (["amp hour", "amp-hour", "ampere hour"], ["amp hours", "amp-hours", "ampere hours"], ["Ah"]),
    "newton": (["newton"], ["newtons"], ["N"]),
    "kilonewton": (["kilonewton"], ["kilonewtons"], ["kN"]),
    "pound_force": (["pound-force", "pound force"], ["pounds-force", "pounds force"], ["lbf"]),
    "kilogram_force": (["kilogram-force", "kilogram force"], ["kilograms-force"], ["kgf"]),
    "newton * meter": (["newton metre", "newton meter", "newton-metre", "newton-meter"], ["newton metres", "newton meters", "newton-metres", "newton-meters"], ["Nm", "N·m", "N⋅m", "N m", "N-m"]),
    "force_pound * foot": (["pound-foot", "pound foot"], ["pound-feet", "pound feet", "foot-pounds"], ["lb-ft", "lb ft", "lb·ft", "lb⋅ft", "lbf·ft", "lbf⋅ft", "ft-lb", "ft·lb", "ft⋅lb", "ft⋅lbf"]),
    "troy_ounce": (["troy ounce"], ["troy ounces"], ["ozt", "oz t", "toz"]),
    "british_thermal_unit": (["british thermal unit"], ["british thermal units"], ["Btu", "BTU", "btu"]),
    "mmbtu": ([], [], ["MMBtu", "mmBtu", "MMBTU", "mmbtu"]),
    "tcf": ([], [], ["tcf", "Tcf"]),
    "bcf": ([], [], ["bcf", "Bcf"]),
    "bcm": ([], [], ["bcm"]),
    "oil_barrel / day": (["barrel per day", "barrel a day"], ["barrels per day", "barrels a day"], ["bpd", "b/d", "bbl/d"]),
    # (the equivalent encyclopedias give a flow of oil in: "100,000 barrels per day (16,000 m3/d)")
    "meter ** 3 / day": ([], [], ["m3/d", "m³/d", "m3/day", "m³/day"]),
    "nit": (["nit"], ["nits"], []),
    "international_unit": (["international unit"], ["international units"], ["IU"]),
    "tesla": (["tesla"], ["teslas"], ["T"]),
    "millitesla": (["millitesla"], [], ["mT"]),
    "microtesla": (["microtesla"], [], ["µT", "μT"]),
    "nanotesla": (["nanotesla"], ["nanoteslas"], ["nT"]),
    # Components of circuits, as technical writers give them ("a 10 kΩ resistor", "100 µF"). The
    # bare symbols F, C and H stay out (Fahrenheit, Celsius, hours), and so does "henry" (a name:
    # "10 Henry Street").
    "ohm": (["ohm"], ["ohms"], ["Ω", "\u2126"]),
    "kiloohm": (["kilohm", "kiloohm"], ["kilohms", "kiloohms"], ["kΩ", "k\u2126"]),
    "megaohm": (["megohm", "megaohm"], ["megohms", "megaohms"], ["MΩ", "M\u2126"]),
    "milliohm": (["milliohm"], ["milliohms"], ["mΩ", "m\u2126"]),
    "farad": (["farad"], ["farads"], []),
    "microfarad": (["microfarad"], ["microfarads"], ["µF", "μF"]),
    "nanofarad": (["nanofarad"], ["nanofarads"], ["nF"]),
    "picofarad": (["picofarad"], ["picofarads"], ["pF"]),
    "millihenry": (["millihenry"], ["millihenries", "millihenrys"], ["mH"]),
    "microhenry": (["microhenry"], ["microhenries", "microhenrys"], ["µH", "μH"]),
    "nanohenry": (["nanohenry"], ["nanohenries", "nanohenrys"], ["nH"]),
    "coulomb": (["coulomb"], ["coulombs"], []),
    "nanobar": (["nanobar"], ["nanobars"], ["nbar"]),
    "microbar": (["microbar"], ["microbars"], ["µbar", "μbar"]),
    "torr": (["torr"], [], ["Torr"]),
    "standard_atmosphere": (["atmosphere"], ["atmospheres"], ["atm"]),
    "millimeter_Hg": (["millimetre of mercury", "millimeter of mercury"], ["millimetres of mercury", "millimeters of mercury"], ["mmHg", "mm Hg"]),
    "inch_Hg": (["inch of mercury"], ["inches of mercury"], ["inHg", "in Hg"]),
    "permille": (["per mille", "per mil", "permille", "per mill"], [], ["‰"]),
    "ppb": (["part per billion"], ["parts per billion"], ["ppb"]),
    "enzyme_unit / milliliter": ([], [], ["U/ml", "U/mL", "IU/ml", "IU/mL", "units/ml", "units/mL"]),
    "enzyme_unit / liter": ([], [], ["U/l", "U/L", "IU/l", "IU/L"]),
    "kilorayleigh": ([], [], ["kR"]),
    "rayleigh": (["rayleigh"], ["rayleighs"], []),
    "dalton": (["dalton"], ["daltons"], ["Da"]),
    "megadalton": ([], [], ["MDa"]),
    "molar": (["molar"], [], ["M"]),
    "microliter": (["microlitre", "microliter"], ["microlitres", "microliters"], ["µl", "μl", "µL", "μL", "ul", "uL"]),
    "microgram": (["microgram"], ["micrograms"], ["µg", "μg", "mcg", "ug"]),
    "nanogram": (["nanogram"], ["nanograms"], ["ng"]),
    "micromolar": (["micromolar"], [], ["µM", "μM", "uM"]),
    "nanomolar": (["nanomolar"], [], ["nM"]),
    "millimolar": (["millimolar"], [], ["mM"]),
    "mole": (["mole"], ["moles"], ["mol"]),
    "millimole": (["millimole"], ["millimoles"], ["mmol"]),
    "ppm": (["part per million"], ["parts per million"], ["ppm"]),
    "revolutions_per_minute": ([], [], ["rpm", "RPM"]),
    "kilodalton": (["kilodalton"], ["kilodaltons"], ["kDa"]),
    "decibel": (["decibel"], ["decibels"], ["dB"]),
    "millisievert": (["millisievert"], ["millisieverts"], ["mSv"]),
    "sievert": (["sievert"], ["sieverts"], ["Sv"]),
    "gray": ([], [], ["Gy"]),
    "kiloton": (["kiloton", "kilotonne"], ["kilotons", "kilotonnes"], ["kt"]),
    "megaton": (["megaton", "megatonne"], ["megatons", "megatonnes"], ["Mt"]),
    "calorie": (["calorie"], [], ["cal"]),
    "cubic_centimeter": ([], [], ["cc", "cm³", "cm3"]),
    "bar": ([], [], ["bar"]),
    "millibar": (["millibar"], ["millibars"], ["mbar", "mBar", "mb"]),
    "hectopascal": (["hectopascal"], ["hectopascals"], ["hPa"]),
    "kilopascal": (["kilopascal"], ["kilopascals"], ["kPa"]),
    "megapascal": (["megapascal"], ["megapascals"], ["MPa"]),
    "gigapascal": (["gigapascal"], ["gigapascals"], ["GPa"]),
    "pascal": (["pascal"], ["pascals"], ["Pa"]),
    "kelvin": (["kelvin", "degree kelvin"], ["kelvins", "degrees kelvin"], ["K"]),
    "degree": (["degree"], ["degrees"], ["°", "°N", "°S", "°E", "°W"]),
    "mile / gallon": (["mile per gallon", "mile per US gallon"], ["miles per gallon", "miles per US gallon"], ["mpg", "mpg-US", "mpg‑US", "mpgUS"]),
    "mile / imperial_gallon": (["mile per imperial gallon"], ["miles per imperial gallon"], ["mpg-imp", "mpg‑imp", "mpgimp", "mpg(imp)"]),
    "litre_per_100km": (["litres per 100 km", "liters per 100 km", "litres per 100 kilometres"], [], ["l/100km", "L/100km", "l/100 km", "L/100 km"]),
}
_TEMPERATURES = {
    "degree_Celsius": (
        # with the misspellings writers often make ("celcius"), and "deg C"
        ["degree Celsius", "degree centigrade", "Celsius", "centigrade", "degree celcius", "celcius", "deg Celsius", "deg C", "deg. C"],
        ["degrees Celsius", "degrees centigrade", "degrees C", "degrees celcius", "degs C"],
        ["°C", "ºC", "° C", "℃", "C"],
    ),
    "degree_Fahrenheit": (
        ["degree Fahrenheit", "Fahrenheit", "degree farenheit", "farenheit", "fahrenheight", "deg Fahrenheit", "deg F", "deg. F"],
        ["degrees Fahrenheit", "degrees F", "degrees farenheit", "degrees fahrenheight", "degs F"],
        ["°F", "ºF", "° F", "℉", "F"],
    ),
}

# Units pint lacks or spells otherwise: written unit → (pint unit, factor).
UNIT_FACTORS = {
    "decade": ("year", 10.0), "litre_per_100km": ("liter / kilometer", 0.01),
    # energy and gas volumes in the trade's own scales: million Btu, trillion/billion cubic feet,
    # billion cubic metres
    "mmbtu": ("british_thermal_unit", 1e6), "tcf": ("foot ** 3", 1e12), "bcf": ("foot ** 3", 1e9),
    "bcm": ("meter ** 3", 1e9),
}

# Symbols that need the figure right before them with no space ("40C", not "40 C").
ATTACHED_ONLY_SYMBOLS = frozenset({"C", "F", "t", "l", "g", "A", "V", "W", "J", "st", "ct", "kn", "mo"})
# Symbols too ambiguous after a space in running prose ("5 in the", "3 a day").
NEVER_SPACED = frozenset({"C", "F", "t", "l", "g", "A", "V", "J", "st", "ct", "mo", "mos", "kn", "gm", "gms", "Cal", "bar", "Pa", "B", "ul", "ug", "mol", "M", "T", "au", "ka", "Ga", "Da", "N", "Ah"})
# Of the symbols above, those of an amount of a substance: "5 g of dried sediment", "2 l of water".
MEASURED_OF = frozenset({"g", "gm", "gms", "l", "t", "mol", "ug", "ul"})
# ... and those that after "a" and a figure may name a grade or a size of thing, not a unit ("a 2 B
# pencil", "a 3 M solution" is molar but "a 3 M award" is not): read as units only as above.
NOT_BEFORE_A_NOUN = frozenset({"B", "M", "st", "mo", "mos"})
# Symbols never written attached to a figure in prose that means them ("5M" is five million,
# "5T" a model name, "40N" a latitude): molar, tesla and newton only after a space.
NEVER_ATTACHED = frozenset({"M", "T", "N"})
# Of the symbols above, those a scientist writes after a space when the figure has decimals
# ("4.0 V", "0.05 g", "0.2 M", "5.65 s"): a decimal figure is a measurement, not a label.
SPACED_AFTER_DECIMALS = frozenset({"t", "l", "g", "A", "V", "J", "W", "bar", "Pa", "mol", "M", "T", "ug", "ul", "N", "Ah"})
# Short symbols that are units only alone in a bracket ("180 millimetres (7.1 in)"): in running
# prose they are ordinary words ("5 in the morning").
BRACKET_ONLY_SYMBOLS = {"in": "inch", "in.": "inch"}

_SQUARE_WORDS = ("square", "sq", "sq.")
_CUBIC_WORDS = ("cubic", "cu", "cu.")


def _unit_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(word form, lower-cased → pint unit), (symbol → pint unit)."""
    words: dict[str, str] = {}
    symbols: dict[str, str] = {}

    def add(table, unit):
        for pint_unit, (singular, plural, syms) in table.items():
            unit_name = unit(pint_unit)
            for w in (*singular, *plural):
                words.setdefault(w.lower(), unit_name)
            for s in syms:
                symbols.setdefault(s, unit_name)

    for table in (_LENGTHS, _AREA_ONLY, _VOLUMES, _MASSES, _TIMES, _SPEEDS, _ENERGY_POWER, _OTHER, _TEMPERATURES):
        add(table, lambda u: u)
    # Areas and volumes built from lengths: "square miles", "sq km", "km²", "km2", "square-mile".
    for pint_unit, (singular, plural, syms) in _LENGTHS.items():
        if pint_unit in ("light_year", "parsec", "nanometer", "micrometer", "nautical_mile"):
            continue
        for sq in _SQUARE_WORDS:
            for w in (*singular, *plural):
                words.setdefault(f"{sq} {w}".lower(), f"{pint_unit} ** 2")
                words.setdefault(f"{sq}-{w}".lower(), f"{pint_unit} ** 2")
            for s in syms:
                words.setdefault(f"{sq} {s}".lower(), f"{pint_unit} ** 2")
        for cu in _CUBIC_WORDS:
            for w in (*singular, *plural):
                words.setdefault(f"{cu} {w}".lower(), f"{pint_unit} ** 3")
            for s in syms:  # "cubic km", "cubic ft" (as "sq km" for areas)
                words.setdefault(f"{cu} {s}".lower(), f"{pint_unit} ** 3")
        for s in syms:
            symbols.setdefault(f"{s}²", f"{pint_unit} ** 2")
            symbols.setdefault(f"{s}2", f"{pint_unit} ** 2")
            symbols.setdefault(f"{s}^2", f"{pint_unit} ** 2")
            symbols.setdefault(f"{s}³", f"{pint_unit} ** 3")
            symbols.setdefault(f"{s}3", f"{pint_unit} ** 3")
            symbols.setdefault(f"{s}^3", f"{pint_unit} ** 3")
            # a superscript lost in brackets, as abstracts print it: "mg/m(2)", "cm(3)"
            symbols.setdefault(f"{s}(2)", f"{pint_unit} ** 2")
            symbols.setdefault(f"{s}(3)", f"{pint_unit} ** 3")
    words["sq mi"] = words["sq. mi"] = words["sq. mi."] = words["sq mi."] = "mile ** 2"
    words["sq km"] = words["sq. km"] = "kilometer ** 2"
    words["sq ft"] = words["sq. ft"] = words["sq ft."] = "foot ** 2"
    words["sq m"] = words["sq. m"] = "meter ** 2"
    words["sqm"] = "meter ** 2"
    words["sqkm"] = "kilometer ** 2"
    words["sq yd"] = "yard ** 2"
    words["sq in"] = words["sq. in."] = words["sq in."] = "inch ** 2"
    words["cu in"] = words["cu. in."] = words["cu in."] = "inch ** 3"
    words["square metres"] = words["square meters"] = "meter ** 2"
    return words, symbols


WORD_UNITS, SYMBOL_UNITS = _unit_forms()


def _plural_words() -> dict[str, str]:
    """Each unit's word in the singular, lower-cased → its plural (the tables list the two forms
    in the same order)."""
    plurals: dict[str, str] = {}
    for table in (_LENGTHS, _AREA_ONLY, _VOLUMES, _MASSES, _TIMES, _SPEEDS, _ENERGY_POWER, _OTHER, _TEMPERATURES):
        for singular, plural, _ in table.values():
            for one, many in zip(singular, plural):
                plurals.setdefault(one.lower(), many)
    return plurals


_PLURAL_WORDS = _plural_words()
# (and back: a plural → the singular the tables list first for it)
_SINGULAR_WORDS = {many.lower(): one for one, many in reversed(list(_PLURAL_WORDS.items()))}
_POWER_WORDS = PATTERNS.compile(r"((?:square|cubic|sq\.?|cu\.?)\s+)(.+)", re.IGNORECASE)


def plural_unit_word(word: str) -> str | None:
    """The plural of a unit's word written in the singular, as a hyphenated adjective writes it
    ("a 620-mile pipeline": "miles"; "square-meter": "square meters"); None when not known."""
    return _other_number(word, _PLURAL_WORDS)


def singular_unit_word(word: str) -> str | None:
    """The singular of a unit's word written in the plural, as a hyphenated adjective needs it
    ("metres" in "a 300-metre tower"; "square feet": "square foot"); None when not known."""
    return _other_number(word, _SINGULAR_WORDS)


def _other_number(word: str, table: dict[str, str]) -> str | None:
    spaced = word.replace("-", " ")
    power = _POWER_WORDS.fullmatch(spaced)
    prefix, rest = (power.group(1), power.group(2)) if power else ("", spaced)
    found = table.get(rest.lower())
    return prefix + found if found is not None else None


# Temperature symbols that need a context check: a bare "C"/"F" right after a figure.
TEMPERATURE_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin"})
DELTA_OF = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit", "kelvin": "kelvin"}


def _alternation(forms, flags=0) -> re.Pattern:
    # A trie, so the engine branches on each character rather than trying every form in turn;
    # its optional tails are greedy, so the longest form that ends where a word would end wins.
    body = trie_pattern(forms).replace(r"\ ", r"[ \t\u00a0\u202f]+")
    # A unit ends where a word would end ("5 mice" is not "5 mi"); ² and ³ belong to the unit.
    return PATTERNS.compile(r"(?:" + body + r")(?![\w²³])", flags)


WORD_UNIT_RE = _alternation(WORD_UNITS, re.IGNORECASE)
SYMBOL_UNIT_RE = _alternation(SYMBOL_UNITS)

# --- money ------------------------------------------------------------------------------------------

CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "Mex$": "MXN",
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    "₺": "TRY", "₴": "UAH", "₦": "NGN", "₪": "ILS", "฿": "THB", "₫": "VND", "₱": "PHP",
    "Rs": "INR", "Rs.": "INR", "CHF": "CHF", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
    "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "INR": "INR", "AUD": "AUD", "CAD": "CAD",
    "RUB": "RUB", "UAH": "UAH", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR",
    "BRL": "BRL", "MXN": "MXN", "HKD": "HKD", "SGD": "SGD", "NZD": "NZD", "KRW": "KRW",
    "TRY": "TRY", "PLN": "PLN", "ILS": "ILS", "NGN": "NGN", "KES": "KES", "EGP": "EGP",
    "SAR": "SAR", "AED": "AED", "NT$": "TWD", "KSh": "KES", "Rp": "IDR", "RM": "MYR", "TWD": "TWD",
    "IDR": "IDR", "MYR": "MYR",
}
# Symbols written after the amount in much of Europe ("5 €", "20 zł").
CURRENCY_SYMBOLS_AFTER = {"€": "EUR", "£": "GBP", "zł": "PLN", "Kč": "CZK", "₽": "RUB", "₴": "UAH", "₺": "TRY"}
CURRENCY_PREFIX_RE = PATTERNS.compile(
    r"(?:"
    + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")[ \u00a0]?$"
)
# The last characters of those symbols (the pattern is case-sensitive): the cheap test before it.
CURRENCY_PREFIX_LAST = frozenset(symbol[-1] for symbol in CURRENCY_SYMBOLS)
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
    "hryvnias": "UAH", "swiss francs": "CHF", "francs": "CHF", "won": "KRW",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "bucks": "USD",
    "peso": "MXN", "pesos": "MXN", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "shillings": "KES",
    "naira": "NGN", "shekel": "ILS", "shekels": "ILS", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF",
    "forints": "HUF", "dirham": "AED", "dirhams": "AED",
}
# Currency words newswire writes after a figure as plain nouns ("43 mln dlrs", "35 cts"): word →
# (currency, factor to the main unit). The extractor reads them as counts; the rules as money.
MONEY_NOUNS: dict[str, tuple[str, float]] = {
    "dlr": ("USD", 1.0), "dlrs": ("USD", 1.0), "dollar": ("USD", 1.0), "dollars": ("USD", 1.0),
    "ct": ("USD", 0.01), "cts": ("USD", 0.01), "cent": ("USD", 0.01), "cents": ("USD", 0.01),
    "stg": ("GBP", 1.0), "sterling": ("GBP", 1.0), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "yen": ("JPY", 1.0), "lire": ("ITL", 1.0), "lira": ("ITL", 1.0),
    "mark": ("DEM", 1.0), "marks": ("DEM", 1.0), "guilder": ("NLG", 1.0), "guilders": ("NLG", 1.0),
    "peseta": ("ESP", 1.0), "pesetas": ("ESP", 1.0), "schilling": ("ATS", 1.0),
    "schillings": ("ATS", 1.0), "rand": ("ZAR", 1.0), "yuan": ("CNY", 1.0), "rupee": ("INR", 1.0),
    "rupees": ("INR", 1.0), "rouble": ("RUB", 1.0), "roubles": ("RUB", 1.0), "ruble": ("RUB", 1.0),
    "rubles": ("RUB", 1.0), "euro": ("EUR", 1.0), "euros": ("EUR", 1.0),
    "franc": ("franc", 1.0), "francs": ("franc", 1.0), "peso": ("peso", 1.0),
    "pesos": ("peso", 1.0), "crown": ("crown", 1.0), "crowns": ("crown", 1.0),
    "krona": ("SEK", 1.0), "kronor": ("SEK", 1.0), "krone": ("krone", 1.0),
    "kroner": ("krone", 1.0), "riyal": ("riyal", 1.0), "riyals": ("riyal", 1.0),
    "dinar": ("dinar", 1.0), "dinars": ("dinar", 1.0), "ringgit": ("MYR", 1.0),
    "baht": ("THB", 1.0),
}
CURRENCY_CODES_AFTER = frozenset(
    c for c in CURRENCY_SYMBOLS.values()
)
CURRENCY_WORD_RE = PATTERNS.compile(
    r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
CURRENCY_CODE_AFTER_RE = PATTERNS.compile(r"(?:" + "|".join(sorted(CURRENCY_CODES_AFTER)) + r")\b")
# Sub-units: "50 cents", "20p", "99 pence".
SUBUNIT_WORDS = {"cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01), "p": ("GBP", 0.01)}
# Words that make "pounds" money rather than mass.
MONEY_CONTEXT = PATTERNS.compile(
    r"\b(?:cost|costs|costing|price|priced|prices|paid|pay|pays|paying|worth|fund|funds|funding|"
    r"budget|spent|spend|spending|raised|raise|salary|salaries|wage|wages|fine|fined|fee|fees|"
    r"bill|tax|taxes|revenue|profit|profits|loss|losses|sold|sell|buy|bought|deal|donated|"
    r"invest|invested|investment|loan|debt|compensation|award|awarded|grant|bonus|cash|"
    r"million|billion|bn|sterling|earn|earned|earns|charge|charged|value|valued)\b",
    re.IGNORECASE,
)

# --- dates, labels, context words ----------------------------------------------------------------

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# (the names as a trie: these run once or twice for most figures, and a search tries each
# position of its window, where a trie fails on the first letter instead of on 23 words)
_MONTHS_TRIE = trie_pattern(MONTHS.split("|"))
MONTH_BEFORE_RE = PATTERNS.compile(rf"\b(?:{_MONTHS_TRIE})\.?,?\s*$", re.IGNORECASE)
MONTH_AFTER_RE = PATTERNS.compile(rf"^(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS_TRIE})\b\.?", re.IGNORECASE)
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
WEEKDAYS_RE = PATTERNS.compile(rf"\b(?:{trie_pattern(WEEKDAYS.split('|'))})\.?,?\s*$", re.IGNORECASE)
# A number right after one of these words is a label, not a quantity: "Article 5", "page 3".
LABEL_WORDS = frozenset(
    """
    article articles chapter chapters section sections page pages p pp paragraph para clause
    figure fig figs table tables appendix annex exhibit schedule part parts volume vol issue no nos
    number num version ver v release build gate gates platform platforms route routes flight
    flights room rooms line lines level levels grade grades class category categories stage
    phase round rounds step steps season episode episodes item items rule rules act acts bus
    channel highway interstate junction exit lane floor block unit units tier psalm verse
    chapter amendment resolution article ward district precinct zone sector area region
    squad team number apartment suite box row seat seats lot locker hall building terminal
    track tracks pier berth dock bay hole holes game games match week weeks day days year
    minute minutes hour hours mark model type series generation gen mk mark level star
    code form id pin port ref reference case cases bill session summit group patent patents
    figures panel panels axis axes column columns sample samples site sites bed beds
    fraction fractions clone clones compound compounds complex complexes equation equations
    eq eqs eqn eqns refs phases trial trials experiment experiments run runs station
    stations plot plots core cores borehole boreholes specimen specimens patient patients
    subject subjects month months numbered layer layers cycle cycles passage passages
    lanes scenario scenarios profile profiles transect transects well wells
    supplement supplements video videos movie movies position positions
    """.split()
)
# Chemical elements of two letters: before a measurement they name a spectral line or an
# isotope's emitter ("the He 1083 nm line", "Fe 6.4 keV"), not a thing the figure numbers.
ELEMENT_SYMBOLS = frozenset("""
He Li Be Ne Na Mg Al Si Cl Ar Ca Sc Ti Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Zr Nb Mo
Tc Ru Rh Pd Ag Cd In Sn Sb Te Xe Cs Ba La Ce Nd Sm Eu Gd Dy Er Yb Lu Hf Ta Re Os Ir Pt Au Hg Tl
Pb Bi Po At Rn Ra Th Pa Np Pu Am
""".split())
# Statistics written before their value ("HR 0.85", "95% CI 0.70–0.98", "SD 11.3"): a figure
# after one is a measurement, not the number of something named (as "BA 286" is).
STATISTIC_ABBREVIATIONS = frozenset("CI OR HR RR SD SE SEM IQR AUC ICC aOR aHR IRR SMD".split())
# Capitalised words that often start a sentence before a plain figure; not labels.
SENTENCE_WORDS = frozenset(
    """
    a an about above according across after again against all almost along also although among an
    and another around as at before below between beyond both but by despite during each
    either even every except few for from given if in including inside into just less like
    many more most much nearly neither next nor not now of off on once only or other our out
    outside over overall per plus roughly since so some than that the their then there these
    they this those though through throughout thus to today together toward towards under
    unlike until up upon via was we were what when where whereas whether which while who whom
    whose with within without yet approximately exactly precisely fewer at least some another
    another nearly, perhaps possibly reportedly roughly estimated just barely
    whilst amongst unless because hence therefore however moreover furthermore meanwhile
    additionally besides instead likewise otherwise altogether
    yesterday tomorrow tonight later earlier still already also again currently initially
    eventually finally recently previously originally ultimately subsequently separately elsewhere
    """.replace(",", " ").split()
)
# Before a four-digit figure, these make it a year: "in 2014", "since 1990".
YEAR_PREPOSITIONS = frozenset(
    "in since by until till from during of before after between through to around circa c early "
    "late mid end start spring summer autumn fall winter year years fiscal fy the and or since "
    "than 's".split()
)
# Change verbs: "rose from 5% to 8%" are two figures, not a range.
CHANGE_WORDS = PATTERNS.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased?|increases|"
    r"increasing|decreased?|decreases|grew|grow|grows|grown|dropped|drop|drops|climbed|climb|"
    r"jumped|jump|declined?|declines|cut|cuts|reduced?|reduces|raised|raise|went|go|goes|"
    r"surged?|soared?|plunged?|slipped|slid|edged|doubled|tripled|halved|shrank|shrunk|"
    r"expanded|moved|changed|up|down|widened|narrowed|lifted|lowered|boosted|slashed|"
    r"revised|upgraded|downgraded)\b",
    re.IGNORECASE,
)
DELTA_BEFORE_RE = PATTERNS.compile(
    r"(?:\bby|\b(?:rise|rises|increase|increases|drop|drops|fall|falls|change|changes|warming|"
    r"cooling|difference|differences|swing|gain|gains|decline|declines|shift|jump|spike|"
    r"anomaly|variation)\s+of|\bup|\bdown|\ban?\s+extra|\ban?\s+additional|\banother|\bfurther)"
    r"(?:\s+(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|"
    r"less\s+than|approximately|just|only|an?))*\s*$",
    re.IGNORECASE,
)
DELTA_AFTER_RE = PATTERNS.compile(
    r"^\s*(?:warmer|cooler|colder|hotter|higher|lower|above|below|more|less|rise|increase|"
    r"drop|fall|of\s+warming|of\s+cooling|difference|change|hotter)\b",
    re.IGNORECASE,
)
# The same after the figure's equivalent in brackets ("a 10 °C (18 °F) rise", "2 °C (3.6 °F)
# warmer"), from the words that can only mean a change: not "fall" (autumn), "more", "less", or
# "above"/"below" alone ("40 °C (104 °F) above which", "10 °C (14 °F) below zero" is a
# temperature).
DELTA_AFTER_EQUIVALENT_RE = PATTERNS.compile(
    r"^\s*\([^()\n]{1,40}\)\s*(?:warmer|cooler|colder|hotter|higher|lower|rise|increase|drop|"
    r"decrease|difference|change|of\s+warming|of\s+cooling|(?:above|below)\s+(?:the\s+)?"
    r"(?:average|normal|usual|norm))\b",
    re.IGNORECASE,
)

# Words that follow a figure but are not what it counts.
NOT_COUNTED = frozenset(
    """
    times time ways percent per cent others other more less fewer of in on at to and or but
    the a an is are was were be been has have had will would can could may might should must
    do does did that which who whom whose this these those than then as so such each every
    per plus minus from into onto over under about around after before between during since
    until with without by for if when where while because although though its it their
    his her our your my also only just still again already yet even not no nor both all
    any some many much most several few lot lots percentage points point pts
    am pm a.m. p.m. gmt bst utc est edt cet cest pst pdt hrs hours o'clock
    st nd rd th s ' ’ x
    includes excludes reflects represents compares seems appears involves
    requires contains follows
    said says told yes
    """.split()
)
# Nouns and names that end in "s" in the singular: no plural to count ("200 gas stations" counts
# stations, "1,000 Texas ranchers" ranchers).
SINGULAR_IN_S = frozenset("""gas bias atlas canvas alias news texas kansas arkansas christmas paris
wales athens brussels mars venus""".split())
# Counted nouns whose plural is not "-s", and collective nouns counted as they are.
IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "children": "child", "men": "man",
    "women": "woman", "policemen": "policeman", "policewomen": "policewoman",
    "firemen": "fireman", "firefighters": "firefighter", "gentlemen": "gentleman",
    "mice": "mouse", "geese": "goose", "teeth": "tooth", "lives": "life", "wives": "wife",
    "knives": "knife", "wolves": "wolf", "halves": "half", "leaves": "leaf", "shelves": "shelf",
    "thieves": "thief", "data": "data", "media": "media", "criteria": "criterion",
    "phenomena": "phenomenon", "bacteria": "bacterium", "species": "species", "series": "series",
    "alumni": "alumnus", "fungi": "fungus", "cacti": "cactus", "analyses": "analysis",
    "crises": "crisis", "loci": "locus", "nuclei": "nucleus", "stimuli": "stimulus",
    "radii": "radius", "larvae": "larva", "algae": "alga", "vertebrae": "vertebra",
    "genera": "genus", "taxa": "taxon", "strata": "stratum", "hypotheses": "hypothesis",
    "diagnoses": "diagnosis", "oxen": "ox", "theses": "thesis", "indices": "index", "matrices": "matrix",
    "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato", "volcanoes": "volcano",
    "buses": "bus", "viruses": "virus", "campuses": "campus", "statuses": "status",
    "businesses": "business", "witnesses": "witness", "addresses": "address",
    "classes": "class", "glasses": "glass", "bosses": "boss", "losses": "loss",
    "processes": "process", "successes": "success", "bonuses": "bonus", "surpluses": "surplus",
    "censuses": "census", "circuses": "circus", "geniuses": "genius", "choruses": "chorus",
    "sinuses": "sinus", "octopuses": "octopus", "walruses": "walrus", "fetuses": "fetus",
    "apparatuses": "apparatus", "prospectuses": "prospectus", "syllabuses": "syllabus",
    "lenses": "lens", "quizzes": "quiz",
}
# Nouns whose singular ends in "ie": their plural loses only its "s" ("movies", "calories").
IE_NOUNS = frozenset("""movie cookie zombie calorie rookie brownie hippie freebie selfie goalie
sortie prairie smoothie birdie genie pixie hoodie veggie yuppie junkie techie bookie newbie
auntie collie coolie eerie lassie mountie sweetie talkie walkie rotisserie lingerie""".split())
# Nouns whose singular ends in "oe": their plural loses only its "s" ("canoes"; and "shoes",
# "horseshoes": any shoe).
OE_NOUNS = frozenset("shoe toe canoe oboe floe hoe foe doe roe sloe aloe tiptoe mistletoe throe woe".split())
COLLECTIVE_NOUNS = frozenset(
    "crew staff personnel police cattle sheep fish deer aircraft livestock militia "
    "infantry clergy swine offspring headcount".split()
)

# Plural-looking nouns that mostly modify the noun after them ("sales staff", "arms dealers",
# "sports cars"): counted is that noun, when one follows.
ATTRIBUTIVE_PLURALS = frozenset("sales sports arms goods news savings customs communications".split())

PATTERNS.save()
