"""Properties that hold for any text: no error, exact spans, document order, no overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.extract import extract_claims

# Text built from the pieces figures are made of, so the search reaches the tricky paths.
PIECES = st.sampled_from(
    [
        "1,000", "30 000", "2.5", "5⁄8", "½", "-", "–", " to ", " and ", "between ", "about ",
        "almost ", "more than ", "a ", "thousand", " million", "bn", "km", " square miles",
        " km²", "%", " per cent", "$", "£", "€", "(", ")", "’", " ", "\n", "\n\n", "people",
        " troops", "C", "°F", "ft", " in", "'", '"', "5", "12", "2022", "Sept. ", "3-1",
        "twenty-three", " and a half", "🏔", "é", "\u00a0", "\u2009", " × 10^", "±", "/", ":",
        "`", "http://x.y/1", "mg/kg", "years", "-year-old", " of ", ".", ",", "minus ",
    ]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extraction_is_total_exact_ordered_and_disjoint(text):
    claims = extract_claims(text)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.start < claim.end
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high
        if claim.converted_from is not None:
            assert 0 <= claim.converted_from < claims.index(claim)
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:]))
