"""figcheck.compiled_patterns: a pattern built from the kept SRE code is the pattern ``re.compile``
makes (patterns compare by text, flags and code), and a missing, damaged or refused file only
means compiling with ``re``."""

from __future__ import annotations

import os
import re
import sys

import pytest

from figcheck import compiled_patterns
from figcheck.compiled_patterns import PatternCache
from figcheck.extract import lexicon, numbers
from figcheck.rules import money

# The modules whose patterns come from the cache.
CACHED_PATTERNS = [(value.pattern, value.flags) for module in (lexicon, numbers, money)
                   for value in vars(module).values() if isinstance(value, re.Pattern)]


@pytest.fixture
def writing(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _compile_all(cache: PatternCache, patterns) -> tuple[list[re.Pattern], int]:
    """The patterns, and how many of them ``re`` had to compile; then the cache is saved."""
    made = [cache.compile(pattern, flags) for pattern, flags in patterns]
    compiled = len(cache.compiled)
    cache.save()
    return made, compiled


def test_every_cached_pattern_built_from_the_file_equals_re_compile(tmp_path, writing):
    assert len(CACHED_PATTERNS) >= 12 + 9 + 4
    path = tmp_path / "lexicon.patterns"
    _, compiled = _compile_all(PatternCache(path), CACHED_PATTERNS)
    assert compiled == len(CACHED_PATTERNS) and path.exists()
    made, compiled = _compile_all(PatternCache(path), CACHED_PATTERNS)
    assert compiled == 0
    assert made == [re.compile(pattern, flags) for pattern, flags in CACHED_PATTERNS]
    word_units = made[[p for p, _ in CACHED_PATTERNS].index(lexicon.WORD_UNIT_RE.pattern)]
    assert word_units.match("square miles of land").group() == "square miles"


def test_named_groups_survive(tmp_path, writing):
    pattern = r"(?P<number>\d+)\s*(?P<unit>km|mi)\b"
    path = tmp_path / "p.patterns"
    _compile_all(PatternCache(path), [(pattern, re.IGNORECASE)])
    cache = PatternCache(path)
    made = cache.compile(pattern, re.IGNORECASE)
    assert cache.compiled == [] and made.groupindex == {"number": 1, "unit": 2}
    assert made.match("40 KM").groupdict() == {"number": "40", "unit": "KM"}


def test_a_damaged_file_or_refused_code_means_compiling_with_re(tmp_path, writing):
    pattern = r"(?:kilo|centi)?metres?"
    path = tmp_path / "p.patterns"
    _compile_all(PatternCache(path), [(pattern, 0)])
    path.write_bytes(path.read_bytes()[:-9])
    cache = PatternCache(path)
    assert cache.known == {} and cache.compile(pattern) == re.compile(pattern)
    refused = PatternCache(tmp_path / "none.patterns")
    refused.known = {(pattern, 0): (0, [999, 1, 2], 0, {}, (None,))}  # not SRE code
    assert refused.compile(pattern) == re.compile(pattern) and len(refused.compiled) == 1


def test_nothing_is_written_or_worked_out_under_dont_write_bytecode(tmp_path, monkeypatch):
    # Where the file is never written, a start costs what it did without a cache: the SRE code
    # is not worked out a second time.
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(compiled_patterns, "_engine_arguments", _fail)
    path = tmp_path / "p.patterns"
    made, compiled = _compile_all(PatternCache(path), [(r"\d+", 0)])
    assert compiled == 1 and made == [re.compile(r"\d+")] and not path.exists()


def test_nothing_is_worked_out_for_a_folder_that_cannot_be_written(tmp_path, writing, monkeypatch):
    monkeypatch.setattr(compiled_patterns, "_engine_arguments", _fail)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    path = tmp_path / "missing" / "p.patterns"
    _compile_all(PatternCache(path), [(r"\d+", 0)])
    assert not path.exists()


def _fail(*args):
    raise AssertionError("the SRE code was worked out for a file that is not written")


def test_unchanged_patterns_do_not_rewrite_the_file(tmp_path, writing):
    path = tmp_path / "p.patterns"
    _compile_all(PatternCache(path), [(r"\d+", 0), (r"\w+", re.IGNORECASE)])
    path.write_bytes(path.read_bytes())  # the same bytes, a later time
    before = path.stat().st_mtime_ns
    _compile_all(PatternCache(path), [(r"\d+", 0)])
    assert path.stat().st_mtime_ns == before


def test_installed_re_compile_answers_from_the_cache_with_re_compiles_contract(tmp_path, writing):
    path = tmp_path / "start-up.patterns"
    texts = [(r"(?P<n>\d+) (km|miles)", re.I), (rb"\x00+(?P<run>a)", 0), (r"^\s*$", re.M)]
    for attempt in range(2):  # compiled by re, then built from the file
        cache = PatternCache(path)
        with cache.installed():
            made = [re.compile(pattern, flags) for pattern, flags in texts]
            already = re.compile(made[0])  # a compiled pattern: itself, as re.compile answers
        assert re.compile is compiled_patterns._re_compile  # back after the block
        assert len(cache.compiled) == (len(texts) if attempt == 0 else 0)
        cache.save()
        assert made == [re.compile(pattern, flags) for pattern, flags in texts] and already is made[0]
        assert made[0].match("12 KM").group("n") == "12" and made[1].search(b"\x00a").group("run") == b"a"
