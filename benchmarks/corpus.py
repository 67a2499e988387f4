"""Generated news-like prose for benchmarks: varied templates with figures, dates and names."""

from __future__ import annotations

import random

_TEMPLATES = [
    "The {army} said on {day} that it had retaken {qual} {n:,} square {area} of territory in the {dir}.",
    "Officials said {people} people were killed and {small} injured when the {thing} collapsed on {date}.",
    "The new road runs for {km} kilometres ({km_mi} miles) along the {dir} bank of the river.",
    "The company, founded in {year}, employs {n:,} workers and reported revenue of ${bn}bn last year.",
    "Turnout was {pct}%, up {small} percentage points on {year}, according to the electoral commission.",
    "{Name} {Surname}, a {age}-year-old teacher, said the school had {small} classrooms for {n:,} pupils.",
    "Temperatures reached {temp}C ({temp_f}F) in the capital, the highest since {year}.",
    "A spokesman said talks would resume at 10:30 a.m. on {day} in Room {small} of the ministry.",
    "The lorry was carrying {t} tonnes of grain when it left the road near junction {small}.",
    "About {n:,} troops and {small} tanks were moved {km} km closer to the border over {small} weeks.",
    "See https://example.org/report/{year}/page/{small} or call 020 7946 {phone} for details.",
    "In {year} and again in {year2} the town changed hands; it has a population of about {n:,}.",
    "Prices rose by {pct} per cent in the year to {month}, the fastest pace for {small} years.",
    "The fire has burned through {n:,} hectares of forest, and {small} homes have been destroyed.",
    "Version {small}.{small2} of the plan adds {small} pages and cuts spending by £{bn} billion.",
    "He was sentenced to {small} years in prison and fined ${n:,} by a court in {city}.",
    "The survey of {n:,} adults found that {pct}% backed the plan while {pct2}% opposed it.",
    "It is {km} metres tall, and the view from the top stretches for {mi} miles on a clear day.",
]
# Most sentences in real reporting carry no figure at all.
_PLAIN = [
    "The {army} declined to comment on the reports, saying only that operations were continuing.",
    "Residents described scenes of chaos as emergency services struggled to reach the worst-hit areas.",
    "{Name} {Surname} told reporters that the situation remained difficult but under control.",
    "Analysts warned that the decision could have consequences for the wider region and its economy.",
    "The opposition accused the government of failing to prepare, a charge ministers rejected.",
    "Local officials in {city} said they were working with aid agencies to restore power and water.",
    "Critics say the plan does not go far enough, while supporters argue it is a first step.",
    "The talks, which had stalled for months, resumed after pressure from neighbouring states.",
    "Witnesses said the {thing} had shown signs of damage long before it finally gave way.",
    "It was not immediately clear who was responsible, and no group has claimed the attack.",
]
_WORDS = {
    "army": ["army", "ministry", "police", "coalition", "government"],
    "day": ["Monday", "Tuesday", "Friday", "Saturday"],
    "qual": ["almost", "about", "more than", "some", "nearly"],
    "area": ["kilometres", "miles"],
    "dir": ["north", "south", "east", "west"],
    "thing": ["bridge", "roof", "stand", "building"],
    "date": ["8 September 2022", "Sept. 8", "March 3", "12 May"],
    "Name": ["Anna", "Oleh", "Maria", "John", "Aisha"],
    "Surname": ["Kovalenko", "Smith", "Garcia", "Okafor"],
    "month": ["March", "June", "October"],
    "city": ["Kyiv", "Lagos", "Leeds", "Lyon"],
}


def sentence(rng: random.Random, template: str | None = None) -> str:
    template = template or rng.choice(_TEMPLATES if rng.random() < 0.4 else _PLAIN)
    values = {k: rng.choice(v) for k, v in _WORDS.items()}
    values.update(
        n=rng.randint(100, 99_999), people=rng.randint(2, 60), small=rng.randint(2, 12),
        small2=rng.randint(0, 9), km=rng.randint(2, 400), mi=rng.randint(1, 250),
        year=rng.randint(1950, 2024), year2=rng.randint(1950, 2024), bn=rng.randint(1, 90),
        pct=rng.randint(1, 60), pct2=rng.randint(1, 40), age=rng.randint(18, 90),
        temp=rng.randint(-10, 45), tempf=rng.randint(14, 113), t=rng.randint(2, 40),
        phone=rng.randint(1000, 9999),
    )
    # Stated conversions are right, as they mostly are in print; one in twenty is a slip.
    slip = 1.3 if rng.random() < 0.05 else 1.0
    values["km_mi"] = round(values["km"] * 0.621371 * slip)
    values["temp_f"] = round(values["temp"] * 9 / 5 + 32)
    return template.format(**values)


def document(rng: random.Random, paragraphs: int = 8) -> str:
    """One article: a real article does not repeat a sentence with other figures, so each
    figure template is used at most once per document (plain sentences may recur)."""
    figures = rng.sample(_TEMPLATES, len(_TEMPLATES))
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            if figures and rng.random() < 0.4:
                sentences.append(sentence(rng, figures.pop()))
            else:
                sentences.append(sentence(rng, rng.choice(_PLAIN)))
        out.append(" ".join(sentences))
    return "\n\n".join(out) + "\n"


def documents(size_bytes: int, seed: int = 1) -> list[str]:
    """Articles adding up to about ``size_bytes`` of UTF-8."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size_bytes:
        doc = document(rng)
        parts.append(doc)
        total += len(doc.encode("utf-8"))
    return parts


def corpus(size_bytes: int, seed: int = 1) -> str:
    """The articles of :func:`documents` run together as one long text."""
    return "\n".join(documents(size_bytes, seed))
