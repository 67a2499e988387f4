"""Sums of money on one base, for every rule that compares money.

The extractor reads "$5.2 mln", "40 cents" and "£48 million" as money already (kind ``"money"``,
value in the currency's main unit). Newswire also writes money as plain nouns after a figure —
"43 mln dlrs", "35 cts", "5 mln stg", "1,500 billion lire" — which reach the rules as counts of
"dlr" or "ct". ``amount`` reads both the same way: which currency, the factor that brings the
figure to that currency's main unit (cents and pence → dollars and pounds), and whether it is a
price per unit ("35 cts a share", "Shr 35 cts", "its 2.50 dlrs preferred") rather than a total.

Two sums of money are comparable only on the same base (``comparable``): the same currency, and
both totals or both prices per the same unit. A per-share amount is never compared with a total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..compiled_patterns import PatternCache
from ..extract.lexicon import MONEY_NOUNS
from ..model import Claim

PATTERNS = PatternCache.beside(__file__)  # compiled once per installation


@dataclass(frozen=True, slots=True)
class Amount:
    """A claim read as money: ``currency`` (an ISO code, or the currency word for ones without
    one), ``factor`` (multiply the claim's figures by it to get the main unit: 0.01 for cents)
    and ``per`` (the unit priced — "share", "barrel" — or None for a total)."""

    currency: str
    factor: float = 1.0
    per: str | None = None

    def base(self, x: float) -> float:
        """A figure of the claim in the currency's main unit."""
        return x * self.factor


# Which dollar (or cent): "200 mln Canadian dlrs", "30 Australian cts".
_DOLLAR_OF = {
    "canadian": "CAD", "can": "CAD", "australian": "AUD", "aust": "AUD", "u.s.": "USD",
    "us": "USD", "american": "USD", "hong kong": "HKD", "h.k.": "HKD", "hk": "HKD",
    "new zealand": "NZD", "n.z.": "NZD", "nz": "NZD", "singapore": "SGD", "taiwan": "TWD",
}
_WORD_AFTER = PATTERNS.compile(
    r"\s*(?:(" + "|".join(re.escape(k) for k in sorted(_DOLLAR_OF, key=len, reverse=True))
    + r")\s+)?([a-z]+)\b",
    re.I,
)
_DOLLARISH = frozenset({"USD"})
# A price per unit: after the sum ("35 cts a share", "18 dlrs per barrel", "/shr") ...
_PER_AFTER = PATTERNS.compile(
    r"\s*(?:a|an|per|each|/)\s*(?:common\s+|ordinary\s+)?"
    r"(shares?|shr|units?|barrels?|bbl|tonnes?|tons?|ounces?|oz|lbs?|pounds?|bushels?|"
    r"gallons?|litres?|liters?|kgs?|kilos?|kilograms?|heads?|persons?|capita|months?|years?|"
    r"annum|days?|weeks?|hours?|troy\s+ounces?|mmbtu|cwt)\b",
    re.I,
)
# ... a sum that names a security by its dividend ("its 2.50 dlrs preferred") ...
_PER_SHARE_NAMED = PATTERNS.compile(r"\s*(?:pfd|preferred|prefs?|cumulative|convertible\s+preferred)\b", re.I)
# ... or a results-table label before it ("Shr 35 cts", "Qtly div 10 cts", "EPS 1.20 dlrs").
_PER_SHARE_BEFORE = PATTERNS.compile(
    r"\b(?:shr|shrs|eps|div|dividend|per[- ]share|earnings\s+per\s+share)\s*(?:of\s+)?$", re.I
)


def amount(claim: Claim, text: str) -> Amount | None:
    """The claim read as money, or None when it is not money."""
    if claim.kind == "money":
        if not claim.dimension.startswith("currency:"):
            return None
        return Amount(claim.dimension.split(":", 1)[1], 1.0, per_unit(claim, text))
    if claim.kind != "count":
        return None
    m = _WORD_AFTER.match(text, number_end(claim), min(len(text), claim.end + 24))
    if not m or m.group(2).lower() not in MONEY_NOUNS:
        return None
    currency, factor = MONEY_NOUNS[m.group(2).lower()]
    if m.group(1):
        if currency not in _DOLLARISH:
            return None  # "Canadian marks" is no currency we know
        currency = _DOLLAR_OF[m.group(1).lower()]
    return Amount(currency, factor, per_unit(claim, text, max(claim.end, m.end())))


def per_unit(claim: Claim, text: str, end: int | None = None) -> str | None:
    """The unit a sum of money is a price of ("share" for "35 cts a share"), or None; ``end``
    is where the sum's words end when the currency word lies past the claim."""
    end = claim.end if end is None else end
    m = _PER_AFTER.match(text, end, min(len(text), end + 30))
    if m:
        unit = re.sub(r"\s+", " ", m.group(1).lower())
        return "share" if unit.startswith(("share", "shr")) else unit.rstrip("s") or unit
    if _PER_SHARE_NAMED.match(text, end, min(len(text), end + 30)):
        return "share"
    if _PER_SHARE_BEFORE.search(text, max(0, claim.start - 30), claim.start):
        return "share"
    return None


def comparable(a: Amount, b: Amount) -> bool:
    """Two sums that can be set against each other: one currency, and both totals or both prices
    of the same unit."""
    return a.currency == b.currency and a.per == b.per


def number_end(claim: Claim) -> int:
    """Where the figure (with its scale) ends in the text: a currency or unit word follows it."""
    at = claim.text.rfind(claim.number_text) if claim.number_text else -1
    if at < 0:
        return claim.end
    return claim.start + at + len(claim.number_text)


PATTERNS.save()
