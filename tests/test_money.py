"""Money on one base (figcheck.rules.money): currency words after a figure, cents and pence as
fractions of the main unit, prices per unit kept apart from totals."""

from __future__ import annotations

import pytest

from figcheck.extract import extract_claims
from figcheck.rules import money


def _read(text: str, surface: str):
    """The extracted claim whose text starts with ``surface``, and its money reading."""
    for c in extract_claims(text):
        if c.text.startswith(surface):
            return c, money.amount(c, text)
    raise AssertionError(f"no claim {surface!r} in {[c.text for c in extract_claims(text)]}")


@pytest.mark.parametrize(
    "text,surface,currency,in_base",
    [
        ("Sales rose to 43 mln dlrs last year.", "43 mln", "USD", 43e6),
        ("The dividend was raised to 35 cts from 30.", "35 cts", "USD", 0.35),
        ("Profit was 5 mln stg in the half.", "5 mln", "GBP", 5e6),
        ("It will offer 1,500 billion lire of paper.", "1,500 billion", "ITL", 1.5e12),
        ("The unit earned 200 mln Canadian dlrs in 1986.", "200 mln", "CAD", 2e8),
        ("The project will cost £48 million in all.", "£48 million", "GBP", 48e6),
        ("The fare is 40 cents now.", "40 cents", "USD", 0.4),
        ("It lost 45 mln marks in the year.", "45 mln", "DEM", 45e6),
        # currencies whose names do not look plural
        ("Tax cuts worth 6.8bn rand were offered.", "6.8bn rand", "ZAR", 6.8e9),
        ("Profit was 9.5bn kronor last year.", "9.5bn kronor", "SEK", 9.5e9),
    ],
)
def test_currency_and_base(text, surface, currency, in_base):
    claim, amount = _read(text, surface)
    assert amount is not None and amount.currency == currency
    assert amount.base(claim.value) == pytest.approx(in_base)
    assert amount.per is None


@pytest.mark.parametrize(
    "text,surface,per",
    [
        ("It earned 35 cts a share in the quarter.", "35 cts", "share"),
        ("Oil sold for 18 dlrs per barrel on Monday.", "18 dlrs", "barrel"),
        ("Qtly div 10 cts vs 10 cts prior.", "10 cts", "share"),
        ("It will redeem its 2.50 dlrs pfd stock.", "2.50 dlrs", "share"),
        ("Gold closed at 400 dlrs an ounce.", "400 dlrs", "ounce"),
    ],
)
def test_prices_per_unit(text, surface, per):
    _, amount = _read(text, surface)
    assert amount is not None and amount.per == per


def test_a_price_per_share_is_never_comparable_with_a_total():
    text = "Net income was 4 mln dlrs, or 35 cts a share, and revenue 90 mln dlrs."
    _, total = _read(text, "4 mln")
    _, per_share = _read(text, "35 cts")
    _, revenue = _read(text, "90 mln")
    assert not money.comparable(total, per_share)
    assert money.comparable(total, revenue)


def test_different_currencies_are_not_comparable():
    text = "It paid 10 mln dlrs and 12 mln Canadian dlrs and 3 mln stg."
    _, usd = _read(text, "10 mln")
    _, cad = _read(text, "12 mln")
    _, gbp = _read(text, "3 mln")
    assert {usd.currency, cad.currency, gbp.currency} == {"USD", "CAD", "GBP"}
    assert not money.comparable(usd, cad) and not money.comparable(usd, gbp)


@pytest.mark.parametrize(
    "text,surface",
    [
        ("It shipped 2,000 boxes of 50 capsules.", "2,000 boxes"),
        ("The division had 1986 revenues of 3.4 billion dlrs.", "1986 revenues"),
        ("It will redeem 900,000 shares of its stock.", "900,000 shares"),
        ("Prices rose 8 pct in May.", "8 pct"),
        # "buck and ball": shot, not dollars (money slang is plural: "50 bucks")
        ("The depot held 75,000 buck and ball cartridges.", "75,000"),
    ],
)
def test_what_is_not_money(text, surface):
    _, amount = _read(text, surface)
    assert amount is None


def test_a_scale_after_a_line_break_is_applied():
    text = "The administration hopes to sell 8.9\nbillion dlrs in loans and 5\nmln dlrs in notes."
    claims = {c.text.split()[0]: c for c in extract_claims(text)}
    assert claims["8.9"].value == pytest.approx(8.9e9)
    assert claims["5"].value == pytest.approx(5e6)
