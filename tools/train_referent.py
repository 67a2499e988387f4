"""Train the referent model of FC201/FC202 (``figcheck/rules/referent_weights.json``).

    python tools/train_referent.py [../shared/eval/news/reuters-dev] [--write] [--json]
    python tools/train_referent.py OTHER_STORIES --shipped   # the shipped model on other news
    python tools/train_referent.py STORIES --shipped --end-to-end   # and the whole check, as a user runs it

Reads a directory of real news stories (plain text, expected clean) at run time; nothing of
them is stored in the repository. Stories are split by a hash of their file name into train
(3/4) and validation (1/4), so the split is the same on every run and every machine.

- Negatives: every pair the rules would ask the model about in the clean stories (same kind
  of figure, different sentences, values that cannot both be true; for FC202 the same number in
  two units or a conversion-factor ratio) and that no slot vetoes.
- Positives: restatements generated from the same stories. A figure's sentence is restated
  with the figure changed (FC201) or its unit swapped for one writers confuse it with (FC202),
  in one of several forms — repeated as it was, a verb or noun replaced by a synonym, a
  qualifier added or dropped, its clauses reordered, cut to the figure's clause, a back-reference
  built from the figure's own noun phrase with a predicate of its own ("The 6,900 new jobs were
  confirmed later.", "Most of the 6,900 new jobs …"), "the same force of 18,000 fighters" — and
  inserted as a new paragraph in the next paragraph or five paragraphs later. FC201 restates up
  to ``--per-story`` figures a story, each in one form; FC202 every measure it could flag, in
  every form that applies (stories have few measures).

A logistic regression (full-batch gradient descent with AdaGrad steps, L2, standard library
only) is fitted on the train split; each rule's threshold is the lowest on the validation split that keeps false alarms
at or under 0.05 per 10,000 words. Prints precision and recall at the threshold; ``--write``
writes the weights file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figcheck.config import Settings  # noqa: E402
from figcheck.engine import check_document  # noqa: E402
from figcheck.extract import extract_claims  # noqa: E402
from figcheck.rules import conflicting_figures, conversions, referent_model, unit_mixup  # noqa: E402
from figcheck.rules.context import CheckContext  # noqa: E402
from figcheck.rules.frame import base_interval, claim_frame, kind_key  # noqa: E402
from figcheck.rules.frame import money_base as frame_money  # noqa: E402
from figcheck.rules.rounding import BASE_SLACK, disjoint  # noqa: E402
from figcheck.rules.words import STOP_WORDS  # noqa: E402
from figcheck.text import read_document  # noqa: E402

WEIGHTS = ROOT / "figcheck" / "rules" / "referent_weights.json"
TARGET_PER_10K = 0.05
# The lowest threshold each rule may get. FC202's is low: the same large number in two units is
# itself evidence of one referent (the rule asks FC201's bar of smaller numbers and of factor
# ratios), and real news has no such pairs to set it by (reuters-dev: none with a slot that
# agrees). A converged fit scores a pair whose only evidence is its verb and neighbouring words
# at 0.03-0.05 (the seed's square miles/kilometres).
FLOOR = {"FC201": 0.5, "FC202": 0.02}
MARGIN_LOGIT = 1.0
FACTORS = (3.0, 0.5, 1.5, 2.5, 0.3, 4.0, 0.7, 10.0)
FORMS = ("repeat", "synonym", "qualifier", "reorder", "clause", "backref", "backref_part", "same")

# Words a rewriter swaps for another with the same meaning (verbs and nouns of news reports).
SYNONYMS = {
    "said": "stated", "says": "states", "added": "created", "rose": "climbed", "fell": "dropped",
    "increased": "grew", "decreased": "declined", "bought": "acquired", "sold": "disposed of",
    "paid": "spent", "killed": "left dead", "reported": "posted", "earned": "made",
    "jobs": "positions", "workers": "employees", "employees": "staff", "people": "persons",
    "company": "firm", "firm": "company", "profit": "earnings",
    "sales": "revenues", "revenues": "sales", "plans": "intends",
    "will": "is to", "close": "shut", "closed": "shut", "cut": "reduced", "offered": "proposed",
    "about": "around",
}
# Words that start a part of a sentence which continues the part before it ("…, which …",
# "…, or 38 cts a share", "…, down from …"): such a part is not moved to the front.
CONTINUATIONS = frozenset(
    "which who whom whose or and but nor while whereas from down up now compared versus vs"
    " against including excluding with than as to of respectively each".split())
# Unit spellings swapped for FC202 positives: (as written, lower-case) → the confused unit.
UNIT_SWAPS = {
    "km": "miles", "kilometres": "miles", "kilometers": "miles", "miles": "kilometres",
    "mile": "kilometre", "square kilometres": "square miles", "square km": "square miles",
    "sq km": "sq miles", "square miles": "square kilometres", "sq miles": "sq km",
    "metres": "feet", "meters": "feet", "feet": "metres", "ft": "metres", "metre": "foot",
    "kg": "pounds", "kilograms": "pounds", "pounds": "kilograms", "lbs": "kg",
    "litres": "gallons", "liters": "gallons",
    "gallons": "litres", "hectares": "acres", "acres": "hectares", "mph": "km/h",
    "km/h": "mph", "inches": "centimetres", "cm": "inches", "yards": "metres",
    "barrels": "cubic metres", "cubic metres": "barrels", "ounces": "grams",
    "degrees fahrenheit": "degrees Celsius", "degrees celsius": "degrees Fahrenheit",
    # (metric and short tons are confused too, but differ by a tenth: not FC202's)
    "ounce": "gram", "foot": "metre", "kilos": "pounds", "kilogram": "pound", "kms": "miles",
    "cubic feet": "cubic metres", "square feet": "square metres", "litre": "gallon",
    "gallon": "litre", "lb": "kg", "pound": "kilogram", "yard": "metre", "inch": "centimetre",
}


def split_of(name: str) -> str:
    return "validation" if hashlib.sha1(name.encode()).digest()[0] % 4 == 0 else "train"


def context(text: str) -> CheckContext:
    doc = read_document(text, "text")
    return CheckContext(document=doc, claims=extract_claims(doc.prose), settings=Settings())


def words_of(text: str) -> int:
    return len(re.findall(r"\S+", text))


def pair_rows(ctx: CheckContext, rule: str):
    """(i, j, vetoed reason or None, features) for every pair ``rule`` would judge."""
    gen = conflicting_figures.candidates if rule == "FC201" else unit_mixup.candidates
    for i, j in gen(ctx):
        fa, fb = claim_frame(ctx, i), claim_frame(ctx, j)
        why = referent_model.veto(fa, fb)
        if why is None and rule == "FC202" and not _coincidence(ctx, i, j):
            why = "needs FC201's bar"  # (scored against FC201's threshold below)
            yield i, j, why, referent_model.features(fa, fb)
            continue
        yield i, j, why, None if why else referent_model.features(fa, fb)


def _coincidence(ctx: CheckContext, i: int, j: int) -> bool:
    """FC202's low bar applies (see unit_mixup.check)."""
    a, b = ctx.claims[i], ctx.claims[j]
    return (conversions.same_number_other_unit(a, b) and a.value == b.value
            and a.value >= unit_mixup.MIN_VALUE_COINCIDENCE
            and referent_model.slots_agree(claim_frame(ctx, i), claim_frame(ctx, j)))


# --- Generating restatements ----------------------------------------------------------------


def _format_number(x: float, like: str) -> str:
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", like)
    decimals = len(digits.group(1) or "") if digits else 0
    if decimals == 0:
        x = round(x)
        if x == 0:
            x = 1
        return f"{x:,}" if ("," in like or x >= 1000) else str(x)
    return f"{x:.{decimals}f}"


def _changed_figure(claim, rng: random.Random) -> str | None:
    """The claim's text with its number multiplied by a factor (None when it has no number)."""
    num = claim.number_text
    pos = claim.text.find(num) if num else -1
    if pos < 0:
        return None
    m = re.search(r"\d[\d,]*(?:\.\d+)?", num)
    if m:
        value = float(m.group().replace(",", ""))
        new_num = num[:m.start()] + _format_number(value * rng.choice(FACTORS), m.group()) + num[m.end():]
    else:  # a number in words ("seven", "a thousand")
        new_num = _format_number(claim.value * rng.choice(FACTORS), "0")
    return claim.text[:pos] + new_num + claim.text[pos + len(num):]


def _swapped_unit(claim) -> str | None:
    ut = claim.unit_text
    if not ut:
        return None
    swap = UNIT_SWAPS.get(ut.lower())
    if swap is None:
        return None
    pos = claim.text.rfind(ut)
    return claim.text[:pos] + swap + claim.text[pos + len(ut):] if pos >= 0 else None


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def restatement(ctx: CheckContext, i: int, new_figure: str, form: str, rng: random.Random):
    """A sentence restating claim i with ``new_figure`` in place of it, in ``form``."""
    claim = ctx.claims[i]
    new_figure = _flat(new_figure)
    s0, s1 = ctx.sentence_span(claim.start)
    before = _flat(ctx.text[s0:claim.start])
    after = _flat(ctx.text[claim.end:s1])
    before = before + " " if before else ""
    after = after if not after or after[0] in ".,;:)'\"" else " " + after
    if not after.rstrip().endswith((".", "!", "?")):
        after = after.rstrip() + "."
    lead = (before[:1].upper() + before[1:]) if before else ""
    sentence = lead + (new_figure if before else new_figure[:1].upper() + new_figure[1:]) + after
    if form == "repeat":
        return sentence
    if form == "synonym":  # a verb or noun of the sentence (not the figure's own) replaced
        parts = [before.split(" "), after.split(" ")]
        options = [(p, k) for p in (0, 1) for k, w in enumerate(parts[p])
                   if w.lower().strip(".,") in SYNONYMS]
        if not options:
            return None
        for p, k in rng.sample(options, min(2, len(options))):
            w = parts[p][k]
            core = w.lower().strip(".,")
            parts[p][k] = w.lower().replace(core, SYNONYMS[core])
        b, a = " ".join(parts[0]), " ".join(parts[1])
        return (b[:1].upper() + b[1:] + new_figure if b else new_figure[:1].upper() + new_figure[1:]) + a
    if form == "qualifier":
        if claim.qualifier and new_figure.lower().startswith(claim.qualifier.lower()):
            plain = new_figure[len(claim.qualifier):].lstrip()
        else:
            plain = rng.choice(("about ", "nearly ", "more than ", "some ")) + new_figure
        return lead + (plain if before else plain[:1].upper() + plain[1:]) + after
    if form == "reorder":
        parts = re.split(r", (?![^()]*\))", sentence.rstrip(".!?"), maxsplit=1)
        if len(parts) != 2 or min(len(p.split()) for p in parts) < 3:
            return None
        a, b = parts
        if not b[:1].isalpha() or b.split()[0].lower() in CONTINUATIONS:
            return None  # the part after the comma continues the first: it cannot lead
        # The first word of the moved clause loses its capital only when it is not a name
        # ("The company said …" → "…, the company said", but "General Motors said …" stays).
        first = a.split()[0]
        if first.lower() in STOP_WORDS and not first[:2].isupper():
            a = a[:1].lower() + a[1:]
        return b[:1].upper() + b[1:] + ", " + a + "."
    if form == "clause":
        left = re.split(r"[,;:]| and | but ", before)[-1].strip()
        right = re.split(r"[,;:]| and | but ", after)[0].rstrip(". ")
        if len((left + right).split()) < 2:
            return None
        if not _can_stand_alone(left, before):
            return None  # a fragment ("Are worth about …", "Of which 104,650 shares …")
        text = (left + " " if left else "") + new_figure + right
        return text[:1].upper() + text[1:] + "."
    if form == "backref":
        return _back_reference(claim, new_figure, rng, "The")
    if form == "backref_part":  # a part of the restated whole ("Most of the 6,900 new jobs …")
        return _back_reference(claim, new_figure, rng, "Most of the")
    if form == "same":  # "… a force of 8,000 fighters" → "… the same force of 24,000 fighters"
        words = before.split()
        for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
            if words[k].lower() in ("a", "an", "the", "its", "their", "his", "her", "some"):
                words[k] = "the same" if k else "The same"
                b = " ".join(words) + " "
                return b[:1].upper() + b[1:] + new_figure + after
        return None
    raise ValueError(form)


# Predicates of a back-reference that say nothing of the figure's own sentence (so that what
# points back is the noun phrase alone): singular, plural.
NEUTRAL_PREDICATES = (
    ("was confirmed later", "were confirmed later"),
    ("is mostly in the region", "are mostly in the region"),
    ("has drawn criticism", "have drawn criticism"),
    ("is part of a wider plan", "are part of a wider plan"),
    ("was the subject of talks", "were the subject of talks"),
    ("employs local staff", "employ local staff"),
    ("remains in place", "remain in place"),
)


def _back_reference(claim, new_figure: str, rng: random.Random, lead: str) -> str | None:
    """A definite noun phrase built from the figure's own ("added 2,300 new jobs" → "The 6,900
    new jobs were confirmed later."): the changed number, the modifiers and head noun that
    followed it, and a predicate that repeats nothing of the original sentence. Only for counts
    of a noun (a writer points back at "the 360 branches", not at "the 40 km")."""
    if claim.kind != "count" or kind_key(claim) is None or frame_money(claim) is not None:
        return None
    # The changed figure without its qualifier ("about 300 lawsuits" → "3,000 lawsuits"): the
    # number, its scale ("mln") and the words up to the noun.
    figure = _flat(new_figure)
    if claim.qualifier and figure.lower().startswith(claim.qualifier.lower()):
        figure = figure[len(claim.qualifier):].strip()
    if not re.match(r"\d", figure) or not re.search(r"[^\W\d_]", figure):
        return None
    singular, plural = rng.choice(NEUTRAL_PREDICATES)
    verb = singular if claim.value == 1 else plural
    return f"{lead} {figure} {verb}."


# Words a clause that stands as a sentence of its own may start with (besides a name).
SUBJECT_STARTS = frozenset(
    "the a an its their his her it they he she we this that these those there some about"
    " nearly more almost around at".split())


def _can_stand_alone(left: str, before: str) -> bool:
    """Whether the figure's clause, ``left`` of it up to the clause's start, reads as a sentence:
    it starts the original sentence, or with a name or a subject word — not with a verb, a
    preposition or a word that continues the clause before it."""
    if not left:
        return not before.strip()  # the figure starts the clause: only when it starts the sentence
    if before.strip().startswith(left):
        return True
    first = left.split()[0]
    return first.lower() not in CONTINUATIONS and (
        first[:1].isupper() or first.lower() in SUBJECT_STARTS)


def positives(ctx: CheckContext, rule: str, rng: random.Random, per_story: int):
    """(form, gap, row, sentence, original figure, placed) for generated restatements of
    ``rule`` (see :func:`_inserted`)."""
    text = ctx.text
    eligible = []
    for i, c in enumerate(ctx.claims):
        key = kind_key(c)
        if key is None or c.converted_from is not None:
            continue
        if rule == "FC202" and (key[0] != "quantity" or key[1] not in conversions.COMMON_UNITS
                                or c.value < unit_mixup.MIN_VALUE):
            continue  # (FC202 leaves small numbers alone: "a ton", "two feet" coincide by chance)
        if claim_frame(ctx, i).role == "table":
            continue  # nobody restates a results-table row in a sentence of its own
        eligible.append(i)
    rng.shuffle(eligible)
    out = []
    for i in eligible[:per_story if rule == "FC201" else None]:
        claim = ctx.claims[i]
        new_figure = _changed_figure(claim, rng) if rule == "FC201" else _swapped_unit(claim)
        if new_figure is None:
            continue
        if rule == "FC201":
            form = rng.choice(FORMS)
            sentence = restatement(ctx, i, new_figure, form, rng)
            if sentence is None:
                form, sentence = "repeat", restatement(ctx, i, new_figure, "repeat", rng)
            made = [(form, sentence)]
        else:
            # FC202: every form that applies (a story has few measures; recall needs hundreds).
            made = [(form, sentence) for form in FORMS
                    if (sentence := restatement(ctx, i, new_figure, form, rng)) is not None]
        for form, sentence in made:
            found = _inserted(ctx, i, rule, new_figure, sentence, rng)
            if found is not None:
                out.append((form, found[0], found[1], sentence, claim.text, found[2]))
    return out


def reported(rule: str, placed: tuple[str, int, int]) -> bool:
    """Whether the whole check (every rule, as a user runs it) reports ``rule`` on the inserted
    restatement or with it as the related place: recall end to end, not only of the pair."""
    text, start, end = placed
    return any(d.code == rule and (start <= d.start < end or any(start <= r.start < end for r in d.related))
               for d in check_document(read_document(text, "text")))


def _inserted(ctx: CheckContext, i: int, rule: str, new_figure: str, sentence: str,
              rng: random.Random):
    """(gap, row, placed) for ``sentence`` inserted as a paragraph of its own one or five
    paragraphs after claim i's: row is (veto or None, features) of the pair the rule asks about,
    None when no pair was asked about; placed is (the new text, where the sentence starts and
    ends in it); None when the restatement does not conflict (no positive)."""
    text, claim = ctx.text, ctx.claims[i]
    p = ctx.paragraph_of(claim.start)
    gap = rng.choice((1, 5))
    starts = ctx.paragraph_starts
    at = starts[p + gap] if p + gap < len(starts) else len(text)
    insert = "    " + sentence + "\n"
    if at == len(text) and not text.endswith("\n"):
        insert = "\n" + insert
    new_text = text[:at] + insert + text[at:]
    placed = (new_text, at + insert.index(sentence), at + insert.index(sentence) + len(sentence))
    ctx2 = context(new_text)
    orig = next((k for k, c in enumerate(ctx2.claims) if c.start == claim.start), None)
    figure_at = sentence.find(_flat(new_figure).split()[0])
    if figure_at < 0:
        figure_at = sentence.find(_flat(new_figure).split()[-1])
    figure_at += at + insert.index(sentence)
    inserted = [k for k, c in enumerate(ctx2.claims) if c.start <= figure_at < c.end]
    row = None
    if orig is not None:
        for a, b, why, x in pair_rows(ctx2, rule):
            if a == orig and b in inserted:
                row = (why, x)
                break
    if row is None and not _conflicting(ctx2, orig, inserted, rule):
        return None  # the change left the figures compatible (or no figure was read)
    return gap, row, placed


def _conflicting(ctx: CheckContext, orig, inserted, rule: str) -> bool:
    """Whether the restatement really conflicts with its source (a miss when no pair was asked
    about), as opposed to a change that rounding absorbs or text the extractor reads otherwise."""
    if orig is None or not inserted:
        return True  # the extractor lost a figure: counted as a miss
    a, b = ctx.claims[orig], ctx.claims[inserted[0]]
    if rule == "FC202":  # (the rule leaves small equal numbers alone: they coincide by chance)
        if conversions.same_number_other_unit(a, b):
            return a.value >= unit_mixup.MIN_VALUE
        return bool(conversions.factor_mixup(a, b))
    if kind_key(a) != kind_key(b):
        return True
    ia, ib = base_interval(a), base_interval(b)
    return disjoint(ia, ib, BASE_SLACK)


# --- Fitting --------------------------------------------------------------------------------


# The sign each feature's weight may take: +1 evidence for, -1 against, 0 free (the bias).
SIGN = [0 if f == "bias" else -1 if f.endswith("clash") else 1 for f in referent_model.FEATURES]


def fit(rows: list[tuple[list[float], int]], l2: float = 1e-3, epochs: int = 400,
        rate: float = 0.5) -> list[float]:
    """Logistic regression by full-batch gradient descent; positives and negatives weighted to
    count equally (so the score is a balanced probability, and the threshold does the rest).
    Each weight's step is scaled by its gradients so far (AdaGrad): a feature that few pairs
    have (a back-reference's "the 6,900 new jobs") converges as fast as a common one."""
    n = len(rows[0][0])
    w = [0.0] * n
    seen = [1e-8] * n  # sum of each weight's squared gradients
    pos = sum(1 for _, y in rows if y) or 1
    neg = len(rows) - pos or 1
    cw = {1: len(rows) / (2 * pos), 0: len(rows) / (2 * neg)}
    for _ in range(epochs):
        grad = [0.0] * n
        for x, y in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-60, min(60, z))))
            g = (p - y) * cw[y]
            for k in range(n):
                grad[k] += g * x[k]
        for k in range(n):
            g = grad[k] / len(rows) + (l2 * w[k] if k else 0.0)
            seen[k] += g * g
            w[k] -= rate * g / math.sqrt(seen[k])
            # Monotone in the evidence: agreement never counts against, a clash never for
            # (otherwise quirks of how the restatements were generated leak into the weights).
            if SIGN[k] > 0:
                w[k] = max(0.0, w[k])
            elif SIGN[k] < 0:
                w[k] = min(0.0, w[k])
    return w


def score(w, x) -> float:
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-60, min(60, z))))


def _threshold(rule: str, val: list, words: dict, w: list[float]) -> tuple[float, list[float]]:
    """The rule's threshold: the lowest that keeps false alarms on the validation split at or
    under TARGET_PER_10K (with a margin), and the negatives' scores it was read from."""
    allowed = math.floor(TARGET_PER_10K * words["validation"] / 10_000)
    # Diagnostics, not pairs: a flagged figure counts once (its best pair).
    flagged: dict[tuple, float] = {}
    for name, j, why, x, y in val:
        if y == 0 and why is None:
            s = score(w, x)
            flagged[(name, j)] = max(flagged.get((name, j), 0.0), s)
    neg_scores = sorted(flagged.values(), reverse=True)
    # (a score within 1e-3 of 1 would make the margin's logit infinite: held under 1)
    cut = min(neg_scores[allowed] + 1e-3, 0.999) if len(neg_scores) > allowed else FLOOR[rule]
    if len(neg_scores) > allowed:
        # A margin for unseen text: the validation split is small, and the tail of its
        # negatives is what sets the threshold.
        z = math.log(cut / (1 - cut)) + MARGIN_LOGIT
        cut = 1 / (1 + math.exp(-z))
    return min(0.99, max(cut, FLOOR[rule])), neg_scores


def _rule_report(rule: str, data: dict, generated: dict, words: dict, w: list[float],
                 thresholds: dict) -> dict:
    """Precision and recall of ``rule`` on the validation split at its threshold (which it
    adds to ``thresholds``), by form of restatement."""
    val = data[rule]["validation"]
    cut, neg_scores = _threshold(rule, val, words, w)
    if rule in thresholds:  # the shipped model's (--shipped): measured, not chosen
        cut = thresholds[rule]
    thresholds[rule] = round(cut, 4)
    gen = generated[rule]["validation"]

    def hit(row) -> bool:
        if not row:
            return False
        if row[0] == "needs FC201's bar":
            return score(w, row[1]) >= max(cut, thresholds["FC201"])
        return row[0] is None and score(w, row[1]) >= cut

    found = sum(1 for _, _, row, _ in gen if hit(row))
    candidates = sum(1 for _, _, row, _ in gen if row)
    seen = [x for _, _, _, x in gen if x is not None]
    false_alarms = len({(name, j) for name, j, why, x, y in val
                        if y == 0 and hit((why, x) if x is not None else None)})
    by_form = {}
    for form, gap, row, _ in gen:
        f = by_form.setdefault(form, [0, 0])
        f[1] += 1
        f[0] += hit(row)
    return {
        "threshold": cut,
        "validation_generated": len(gen),
        "validation_candidates": candidates,
        "recall_generated": found / len(gen) if gen else None,
        "recall_candidates": found / candidates if candidates else None,
        "recall_end_to_end": sum(seen) / len(seen) if seen else None,
        # Back-references carry the least evidence (the noun phrase alone): recall without them.
        "recall_without_backref": _recall(
            [row for form, _, row, _ in gen if not form.startswith("backref")], hit),
        "false_alarms": false_alarms,
        "false_alarms_per_10k": false_alarms / words["validation"] * 10_000,
        "precision": found / (found + false_alarms) if found + false_alarms else None,
        "vetoed_positives": sum(1 for _, _, row, _ in gen if row and row[0] is not None
                                and row[0] != "needs FC201's bar"),
        "by_form": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_form.items())},
        "recall_at": {t: sum(1 for _, _, row, _ in gen if row and row[0] is None
                             and score(w, row[1]) >= t) / max(1, len(gen))
                      for t in (0.7, 0.8, 0.85, 0.9, 0.95)},
        "negatives_at": {t: sum(1 for v in neg_scores if v >= t) for t in (0.7, 0.8, 0.85, 0.9)},
        "train_pairs": sum(1 for r in data[rule]["train"] if r[2] is None),
    }


def _recall(rows: list, hit) -> float | None:
    return sum(1 for row in rows if hit(row)) / len(rows) if rows else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="?", default=str(ROOT.parent / "shared/eval/news/reuters-dev"))
    ap.add_argument("--per-story", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--shipped", action="store_true",
                    help="fit nothing: measure the shipped weights and thresholds, every story "
                         "in the validation split (for stories the model was not trained on)")
    ap.add_argument("--end-to-end", action="store_true",
                    help="also run the whole check on each story with its restatement inserted "
                         "(recall_end_to_end: what a user sees; slower)")
    args = ap.parse_args()
    if args.shipped and args.write:
        sys.exit("--shipped measures the shipped model; it has nothing to --write")
    files = sorted(Path(args.stories).rglob("*.txt"))
    if not files:
        sys.exit(f"no .txt stories in {args.stories}")
    data = {r: {"train": [], "validation": []} for r in ("FC201", "FC202")}
    generated = {r: {"train": [], "validation": []} for r in ("FC201", "FC202")}
    words = {"train": 0, "validation": 0}
    for path in files:
        name = path.relative_to(args.stories).as_posix()  # (a story's file name in a flat folder)
        split = "validation" if args.shipped else split_of(name)
        text = path.read_text(encoding="utf-8", errors="replace")
        words[split] += words_of(text)
        ctx = context(text)
        rng = random.Random(name)
        for rule in ("FC201", "FC202"):
            for i, j, why, x in pair_rows(ctx, rule):
                data[rule][split].append((name, j, why, x, 0))
            for form, gap, row, _, _, placed in positives(ctx, rule, rng, args.per_story):
                seen = reported(rule, placed) if args.end_to_end and split == "validation" else None
                generated[rule][split].append((form, gap, row, seen))
                if row is not None:
                    data[rule][split].append((name, -1, row[0], row[1], 1))
    train = [(x, y) for r in data for (_, _, why, x, y) in data[r]["train"]
             if why is None or why == "needs FC201's bar"]
    thresholds = {}
    if args.shipped:
        shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        w, thresholds = shipped["weights"], dict(shipped["thresholds"])
    else:
        w = fit(train)
    report = {"words": words, "weights": dict(zip(referent_model.FEATURES, w)), "rules": {}}
    for rule in ("FC201", "FC202"):
        report["rules"][rule] = _rule_report(rule, data, generated, words, w, thresholds)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"words: train {words['train']:,}, validation {words['validation']:,}")
        for k, v in report["weights"].items():
            print(f"  {k:20s} {v:+.3f}")
        for rule, r in report["rules"].items():
            print(rule, json.dumps(r))
    if args.write:
        WEIGHTS.write_text(json.dumps({
            "about": "referent model of FC201/FC202; written by tools/train_referent.py",
            "features": list(referent_model.FEATURES),
            "weights": [round(v, 4) for v in w],
            "thresholds": thresholds,
            "validation": {r: {k: report["rules"][r][k] for k in (
                "recall_generated", "recall_without_backref", "recall_candidates",
                "false_alarms_per_10k", "precision")}
                for r in report["rules"]},
        }, indent=1) + "\n")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
