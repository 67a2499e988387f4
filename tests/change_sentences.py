"""Generated change sentences for FC303: correct ones in many forms, and perturbed copies.

Each correct sentence is built from an old figure and a true change: the new figure is rounded
the way writers round it, and the stated change is computed from the rounded figures, so the
sentence is right as written. A perturbed copy changes one thing a careless edit changes (the
stated change, one end, the direction word, the multiplier, points for per cent, the ends
swapped) by enough that no rounding can explain it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SUBJECTS = ["Sales", "Revenue", "Net profit", "Exports", "Passenger numbers", "Turnover", "Output",
            "Operating income", "Imports", "Group revenue", "Shipments", "Attendance"]
UP = ["rose", "increased", "jumped", "climbed", "grew", "gained", "surged", "soared", "expanded",
      "was up", "were up", "advanced"]
DOWN = ["fell", "decreased", "dropped", "declined", "slipped", "slumped", "eased", "shrank",
        "plunged", "tumbled", "was down", "were down"]
NOUN_UP = ["increase", "rise", "gain", "jump"]
NOUN_DOWN = ["decrease", "fall", "drop", "decline"]


@dataclass(frozen=True)
class Case:
    form: str
    correct: str
    perturbed: str
    how: str


_STYLES = {
    "m": lambda v, sym: f"{sym}{v / 1e6:.1f}m",
    "bn": lambda v, sym: f"${v / 1e9:.2f}bn",
    "mln": lambda v, sym: f"{v / 1e6:.1f} mln dlrs",
    "million": lambda v, sym: f"£{v / 1e6:.1f} million",
    "count": lambda v, sym: f"{round(v):,}",
    "tonnes": lambda v, sym: f"{round(v):,} tonnes",
}


def _money(value: float, style: str, symbol: str = "$") -> str:
    """``value`` written in one of the styles newsrooms use (``symbol`` for the "m" style)."""
    return _STYLES[style](value, symbol)


def _style_of(text: str) -> str:
    if text.endswith("bn"):
        return "bn"
    if text.endswith("m") and text[0] in "$£€":
        return "m"
    return next((k for k in ("mln", "million", "tonnes") if k in text), "count")


def _parse(text: str) -> float:
    """The number a generated figure states (its own rounding), in the unit of its style."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    value = float(digits.strip("."))
    if text.endswith("bn"):
        return value * 1e9
    if text.endswith("m") or "mln" in text or "million" in text:
        return value * 1e6
    return value


def _percent_case(rng: random.Random, form: str) -> Case:
    style = rng.choice(["m", "bn", "mln", "million", "count", "tonnes"])
    base = {"m": rng.uniform(20e6, 900e6), "bn": rng.uniform(1.2e9, 9e9), "mln": rng.uniform(20e6, 900e6),
            "million": rng.uniform(20e6, 900e6), "count": rng.uniform(2_000, 900_000),
            "tonnes": rng.uniform(2_000, 900_000)}[style]
    up = rng.random() < 0.6
    change = rng.uniform(3, 70) if up else -rng.uniform(3, 45)
    symbol = rng.choice("$£€")
    old_text = _money(base, style, symbol)
    new_text = _money(base * (1 + change / 100), style, symbol)
    old, new = _parse(old_text), _parse(new_text)
    actual = (new / old - 1) * 100
    decimals = rng.choice([0, 1])
    x = f"{abs(actual):.{decimals}f}"
    pct = rng.choice(["%", " per cent", " pct", " percent"])
    verb = rng.choice(UP if up else DOWN)
    subject = rng.choice(SUBJECTS)
    noun = rng.choice(NOUN_UP if up else NOUN_DOWN)
    updown = "up" if up else "down"
    more = "more" if up else "less"

    def render(x: str, new_text: str, old_text: str, verb: str, updown: str, noun: str, more: str) -> str:
        return {
            "to-from": f"{subject} {verb} {x}{pct} to {new_text} from {old_text}.",
            "to-from-year": f"{subject} {verb} {x}{pct} to {new_text} from {old_text} a year earlier.",
            "from-to": f"{subject} {verb} {x}{pct} from {old_text} to {new_text}.",
            "from-to-noun": f"{subject} {verb} from {old_text} to {new_text}, an {noun} of {x}{pct}."
            if noun[0] in "aeiou" else f"{subject} {verb} from {old_text} to {new_text}, a {noun} of {x}{pct}.",
            "compared": f"{subject} {verb} {x}{pct} to {new_text}, compared with {old_text} a year earlier.",
            "up-on": f"{subject} reached {new_text}, {updown} {x}{pct} on {old_text}.",
            "more-than": f"{subject} came to {new_text}, {x}{pct} {more} than the {old_text} of last year.",
            "by-to-from": f"{subject} {verb} by {x}{pct} to {new_text} from {old_text}.",
            "in-quarter": f"{subject} {verb} {x}{pct} in the first quarter to {new_text} from {old_text} a year earlier.",
            "up-from": f"{subject} were {new_text}, {updown} {x}{pct} from {old_text} in 2022.",
            "noun-in": f"The company reported a {x}{pct} {noun} in {subject.lower()} to {new_text} from {old_text}.",
        }[form]

    correct = render(x, new_text, old_text, verb, updown, noun, more)
    how = rng.choice(["stated", "stated", "new", "old", "direction", "swap"])
    if form in ("up-on", "more-than", "up-from") and how == "direction":
        how = "stated"
    if how == "stated":
        bad = abs(actual) * rng.choice([0.5, 0.6, 1.6, 2.0])
        if abs(bad - abs(actual)) < 4:
            bad = abs(actual) + 5
        perturbed = render(f"{bad:.{decimals}f}", new_text, old_text, verb, updown, noun, more)
    elif how == "new":
        shifted = new * (1.25 if up else 0.75) if abs(actual) < 30 else new * (1.6 if up else 0.6)
        perturbed = render(x, _restyle(new_text, shifted), old_text, verb, updown, noun, more)
    elif how == "old":
        shifted = old * (0.8 if up else 1.25) if abs(actual) < 30 else old * (0.6 if up else 1.5)
        perturbed = render(x, new_text, _restyle(old_text, shifted), verb, updown, noun, more)
    elif how == "direction":
        other = rng.choice(DOWN if up else UP)
        other_noun = rng.choice(NOUN_DOWN if up else NOUN_UP)
        perturbed = render(x, new_text, old_text, other, updown, other_noun, more)
    else:
        perturbed = render(x, old_text, new_text, verb, updown, noun, more)
    return Case(form, correct, perturbed, how)


def _restyle(text: str, value: float) -> str:
    """A figure written like ``text`` but stating ``value``."""
    return _money(value, _style_of(text), text[0])


def _points_case(rng: random.Random) -> Case:
    old = round(rng.uniform(4, 12), 1)
    diff = round(rng.uniform(0.3, 3.5), 1) * rng.choice([1, -1])
    new = round(old + diff, 1)
    verb = rng.choice(UP if diff > 0 else DOWN).replace("was ", "").replace("were ", "")
    subject = rng.choice(["Unemployment", "The jobless rate", "Inflation", "The savings rate", "Turnout"])
    unit = rng.choice([" percentage points", " points", " percentage point" if abs(diff) == 1 else " points"])
    x = f"{abs(diff):.1f}"
    correct = f"{subject} {verb} {x}{unit} to {new:.1f}% from {old:.1f}%."
    how = rng.choice(["stated", "percent"])
    if how == "stated":
        bad = abs(diff) + rng.choice([1.0, 1.5, 2.0])
        perturbed = f"{subject} {verb} {bad:.1f}{unit} to {new:.1f}% from {old:.1f}%."
    else:  # points given as per cent: a relative change of that size is far from the truth
        perturbed = f"{subject} {verb} {x}% to {new:.1f}% from {old:.1f}%."
    return Case("points", correct, perturbed, how)


def _basis_points_case(rng: random.Random) -> Case:
    old = rng.choice([5.0, 4.75, 3.5, 2.25, 6.0, 1.75])
    bp = rng.choice([25, 50, 75, 100])
    up = rng.random() < 0.5
    new = old + bp / 100 if up else old - bp / 100
    verb = "raised" if up else "cut"
    correct = f"The central bank {verb} its main rate by {bp} basis points to {new:.2f}% from {old:.2f}%."
    bad = bp * 2 if bp <= 50 else bp - 50
    perturbed = f"The central bank {verb} its main rate by {bad} basis points to {new:.2f}% from {old:.2f}%."
    return Case("basis-points", correct, perturbed, "stated")


_MULTIPLIERS = [("doubled", 2.0), ("tripled", 3.0), ("quadrupled", 4.0), ("halved", 0.5)]


def _multiplier_case(rng: random.Random) -> Case:
    word, factor = rng.choice(_MULTIPLIERS)
    old = rng.randrange(1_200, 90_000)
    new = round(old * factor * rng.uniform(0.97, 1.03))
    subject = rng.choice(SUBJECTS)
    unit = rng.choice([" tonnes", " passengers", "", " cars"])
    correct = f"{subject} {word} to {new:,}{unit} from {old:,}{unit}."
    other = rng.choice([w for w, f in _MULTIPLIERS if abs(f - factor) >= 1 or (f < 1) != (factor < 1)])
    perturbed = f"{subject} {other} to {new:,}{unit} from {old:,}{unit}."
    return Case("multiplier", correct, perturbed, "multiplier")


def _fold_case(rng: random.Random) -> Case:
    factor = rng.choice([3, 4, 5, 6, 8, 10])
    old = rng.randrange(120, 9_000)
    new = round(old * factor)
    subject = rng.choice(SUBJECTS)
    phrase = rng.choice([f"rose {factor}-fold", f"increased {factor} times", f"grew {factor}-fold"])
    correct = f"{subject} {phrase} to {new:,} from {old:,}."
    bad = factor * 2
    perturbed = correct.replace(f" {factor}-fold", f" {bad}-fold").replace(f" {factor} times", f" {bad} times")
    return Case("fold", correct, perturbed, "multiplier")


def _qualified_case(rng: random.Random) -> Case:
    old = rng.randrange(200, 900)
    change = rng.uniform(8, 60)
    new = round(old * (1 + change / 100))
    actual = (new / old - 1) * 100
    q, x = rng.choice([("about", round(actual)), ("more than", int(actual) - 1), ("nearly", int(actual) + 1)])
    subject = rng.choice(SUBJECTS)
    correct = f"{subject} rose {q} {x}% to ${new} million from ${old} million."
    perturbed = f"{subject} rose {q} {round(x * 2.5)}% to ${new} million from ${old} million."
    if q == "more than":
        perturbed = f"{subject} rose {q} {round(actual * 1.8)}% to ${new} million from ${old} million."
    return Case("qualified", correct, perturbed, "stated")


def generate(n: int = 240, seed: int = 303) -> list[Case]:
    rng = random.Random(seed)
    forms = ["to-from", "to-from-year", "from-to", "from-to-noun", "compared", "up-on", "more-than", "noun-in",
             "by-to-from", "in-quarter", "up-from"]
    out: list[Case] = []
    makers = [lambda: _percent_case(rng, rng.choice(forms))] * 6 + [
        lambda: _points_case(rng), lambda: _basis_points_case(rng), lambda: _multiplier_case(rng),
        lambda: _fold_case(rng), lambda: _qualified_case(rng),
    ]
    while len(out) < n:
        out.append(rng.choice(makers)())
    return out
