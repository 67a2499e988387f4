"""Issue #19: every input family of the issue grows linearly. Each test multiplies the input by
four and compares the work (see tests/growth.py): counted where the code offers a count, else
the best of several timings as a ratio with a generous margin — never an absolute time."""

from __future__ import annotations

import pytest

from figcheck.engine import check_document
from figcheck.rules.suppression import Suppressions
from figcheck.text import read_document
from tests.growth import assert_linear

SUPPRESSION_INPUTS = {
    # 10: "13 s at 50 KB" (a backtracking comment pattern re-run over the line per directive)
    "ignore-then-spaces": ("text", lambda n: "figcheck: ignore" + " " * n + "x\n"),
    "many-ignores-one-line": ("text", lambda n: "figcheck: ignore " * (n // 17) + "\n"),
    "many-directives-many-lines": ("text", lambda n: "# figcheck: ignore FC101\nx\n" * (n // 27)),
    "disable-enable-pairs": ("text", lambda n: "figcheck: disable FC101\n5 km (9 miles)\nfigcheck: enable FC101\n" * (n // 62)),
    "markdown-comment-many-directives": ("markdown", lambda n: "<!--\n" + "figcheck: ignore FC101\n" * (n // 23) + "-->\ntext\n"),
    "markdown-comments-one-line": ("markdown", lambda n: "<!-- figcheck: ignore FC101 --> " * (n // 32) + "\n"),
    "html-comment-many-directives": ("html", lambda n: "<p>a</p><!--" + " figcheck: ignore FC101" * (n // 23) + "-->"),
    "rst-comments": ("rst", lambda n: ".. figcheck: disable FC101\n\n5 km (9 miles)\n\n.. figcheck: enable FC101\n\n" * (n // 70)),
    "unknown-codes": ("text", lambda n: "figcheck: ignore FC999 " * (n // 23) + "\n"),
}


@pytest.mark.parametrize("name", sorted(SUPPRESSION_INPUTS))
def test_suppression_directives_are_read_in_linear_time(name: str):
    fmt, make = SUPPRESSION_INPUTS[name]

    def parse_and_look_up(document):
        found = Suppressions.parse(document)
        for offset in range(0, len(document.source), 97):  # a lookup per "diagnostic"
            found.suppressed("FC101", offset)

    assert_linear(parse_and_look_up, lambda n: read_document(make(n), fmt), 50_000, repeat=5)


def test_suppression_of_many_diagnostics_in_many_regions_is_linear():
    text_of = lambda n: "figcheck: disable FC101\nThe road is 12 kilometres (15 miles).\nfigcheck: enable FC101\n" * (n // 100)
    assert_linear(lambda doc: check_document(doc), lambda n: read_document(text_of(n), "text"), 20_000)


def test_unknown_codes_are_reported_once_per_file():
    text = "A 5 km road. figcheck: ignore FC999\nfigcheck: ignore FC998, FC101\nfigcheck: disable E501\n"
    notes = [d for d in check_document(read_document(text, "text")) if d.code == "unknown-code"]
    assert len(notes) == 1 and notes[0].severity == "information"
    assert text[notes[0].start : notes[0].end] == "FC999" and "FC999" in notes[0].message
    quiet = check_document(read_document("figcheck: ignore FC101\nfigcheck: disable-file\n", "text"))
    assert [d.code for d in quiet] == []
    markdown = "<!-- figcheck: ignore FC909 -->\nA 5 km road.\n\n```\nfigcheck: ignore FC908\n```\n"
    notes = [d for d in check_document(read_document(markdown, "markdown")) if d.code == "unknown-code"]
    assert [markdown[d.start : d.end] for d in notes] == ["FC909"]  # in a code block: not a directive


def test_the_known_code_still_suppresses_next_to_an_unknown_one():
    text = "The road is 12 kilometres (15 miles). figcheck: ignore FC999, FC101\n"
    codes = [d.code for d in check_document(read_document(text, "text"))]
    assert codes == ["unknown-code"]


def test_a_hostile_glob_costs_its_budget_once_per_run_not_once_per_path():
    """13: work counted — the matches a too-complex pattern actually runs do not grow with the
    number of paths (a limit per match cost 27 s for 5 patterns × 40 paths)."""
    from figcheck.globs import gitignore_spec

    runs = {}
    for n in (20, 80):
        gitignore_spec.cache_clear()
        spec = gitignore_spec(("*a" * 12 + "*c", "*.tmp"))
        for i in range(n):
            # Long enough that one match alone outlasts the budget on any machine (about 3.6 s
            # unguarded here), so the count does not depend on the machine's speed or load.
            spec.match_file("a" * (4000 + i) + ".txt")
        hostile, ordinary = (p.regex for p in spec.patterns)
        runs[n] = hostile.calls
        assert ordinary.calls == n  # an ordinary pattern keeps matching every path
    assert runs[80] == runs[20] <= 2, runs
    gitignore_spec.cache_clear()


DENSE_FIGURE_INPUTS = {
    # 15: dense figures that every rule pairs ("12\n" took 4 s at 200 KB; the passengers
    # sentence 22 s at 1 MB, 18x ordinary prose), and conversions that all draw FC101.
    "bare-counts-on-lines": lambda n: "12\n" * (n // 3),
    "part-and-breakdown": lambda n: "Of the 42 passengers, 45 were hurt: 12 seriously and 40 lightly.\n" * (n // 66),
    "wrong-conversions": lambda n: "5 km (3 miles) " * (n // 15),
    "same-figure-many-paragraphs": lambda n: "The factory added 2,300 jobs in May.\n\n" * (n // 38),
    # change sentences run on without a full stop: FC303 reads the one long sentence in windows
    "run-on-change-sentences": lambda n: ("Sales rose 5% to 7 from 8 " + "19 " * 30) * (n // 116),
}


@pytest.mark.parametrize("name", sorted(DENSE_FIGURE_INPUTS))
def test_dense_figures_are_checked_in_linear_time(name: str):
    make = DENSE_FIGURE_INPUTS[name]
    assert_linear(lambda doc: check_document(doc), lambda n: read_document(make(n), "text"), 10_000)
