"""Each consistency rule against its fixture: every case under "Fire" raises the rule, every
case under "OK" stays silent, fixes re-check clean, and rendered output matches the snapshot."""

from __future__ import annotations

import os

import pytest

from rules_support import FIXTURES, OUR_CODES, SNAPSHOTS, apply_fixes, check, parse_fixture, render

CODES = [c for c in OUR_CODES if (FIXTURES / f"{c}.md").exists()]


def _cases(section: str):
    for code in CODES:
        for n, case in enumerate(parse_fixture(FIXTURES / f"{code}.md").get(section, []), 1):
            yield pytest.param(code, case, id=f"{code}-{section}-{n}")


@pytest.mark.parametrize("code,text", list(_cases("fire")))
def test_fire_cases_raise_the_rule(code, text):
    got = [d for d in check(text) if d.code == code]
    assert got, f"{code} did not fire on: {text!r}"
    for d in got:
        assert 0 <= d.start < d.end <= len(text)
        assert d.message and d.related, "every diagnostic explains itself and points at the other figure"


@pytest.mark.parametrize("code,text", list(_cases("ok")))
def test_ok_cases_stay_silent(code, text):
    got = check(text)
    assert not got, f"false alarm: {[(d.code, text[d.start:d.end], d.message) for d in got]}"


@pytest.mark.parametrize("code,text", list(_cases("fire")))
def test_fixes_are_idempotent(code, text):
    got = [d for d in check(text) if d.code == code and d.fix]
    if not got:
        pytest.skip("no fix offered")
    fixed = apply_fixes(text, got)
    assert fixed != text
    again = [d for d in check(fixed) if d.code == code]
    assert not again, f"after fixing: {fixed!r} still raises {[d.message for d in again]}"


@pytest.mark.parametrize("code", CODES)
def test_snapshot(code):
    cases = parse_fixture(FIXTURES / f"{code}.md").get("fire", [])
    rendered = []
    for n, text in enumerate(cases, 1):
        rendered.append(f"### case {n}\n{text}\n\n{render(text, [d for d in check(text) if d.code == code])}\n")
    actual = "\n".join(rendered)
    path = SNAPSHOTS / f"{code}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), (
        f"rendered {code} diagnostics changed; review and rerun with UPDATE_SNAPSHOTS=1"
    )
