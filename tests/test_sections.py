"""Sections of a document: its headings read (Markdown, reST, HTML, LaTeX, plain text), and sibling
sections about different things (a reference's members, a changelog's releases, a season's storms)
never restating each other's figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.engine import check_text
from figcheck.incremental_check import HeldDocument
from figcheck.rules.sections import Sections, heading_pattern
from figcheck.text import read_document
from figcheck.text.lines import common_ends
from figcheck.text.document import Heading
from figcheck.text.plain import plain_headings, plain_headings_after_edit


@pytest.mark.parametrize("heading, pattern", [
    ("`buf.readInt32BE([offset])`", "`"),
    ("2018-02-13, Version 6.13.0 'Boron' (LTS), @MylesBorins", "0"),
    ("Version 6.12.3", "version"),
    ("The problem", "problem"),
    ("The 2019 budget", "0"),
    ("Step 2: Configure", "step"),
    ("", ""),
    ("—", ""),
])
def test_a_heading_s_pattern_is_its_first_word_that_is_no_stop_word(heading, pattern):
    assert heading_pattern(heading) == pattern


def test_markdown_headings_are_read_with_their_levels_and_text():
    source = ("# Title\n\nText.\n\n## Part `a.b()` ##\n\nMore.\n\nSetext\n------\n\n"
              "> ### Quoted\n\n```\n# not a heading\n```\n")
    doc = read_document(source, "markdown")
    assert [(source[h.start:h.end], h.level) for h in doc.headings] == [
        ("Title", 1), ("Part `a.b()`", 2), ("Setext", 2), ("Quoted", 3)]
    assert read_document(source, "text").headings == ()


def test_sections_part_where_their_headings_do():
    source = "# A\n\n## 1.0\n\nx\n\n### Notes\n\ny\n\n## 1.1\n\nz\n\n## Summary\n\nw\n"
    sections = Sections.of(read_document(source, "markdown"))
    at = source.index
    assert sections.parallel(at("x"), at("z"))  # "1.0" and "1.1": both "0", level 2
    assert sections.parallel(at("y"), at("z"))  # under "1.0" (its "Notes") and under "1.1"
    assert not sections.parallel(at("x"), at("y"))  # one section inside the other
    assert not sections.parallel(at("z"), at("w"))  # "1.1" and "Summary": another pattern
    assert not sections.parallel(0, at("x"))  # before any heading there is no section


REFERENCE = """# Buffer

## {a}

Reads 4 bytes from the buffer at the given offset and returns them as a number.

## {b}

Reads 2 bytes from the buffer at the given offset and returns them as a number.
"""


def _fc201(text: str, fmt: str) -> list[str]:
    return [text[d.start:d.end] for d in check_text(text, format=fmt) if d.code == "FC201"]


def test_figures_of_sibling_sections_headed_alike_are_not_paired():
    parallel = REFERENCE.format(a="`buf.readInt32BE(offset)`", b="`buf.readInt16BE(offset)`")
    assert _fc201(parallel, "markdown") == []
    # the same sentences under headings of other patterns, or in plain text, are judged as usual
    apart = REFERENCE.format(a="Summary", b="Results")
    assert _fc201(apart, "markdown") == ["2 bytes"]
    assert _fc201(parallel, "text") == ["2 bytes"]


def test_a_changelog_s_releases_are_parallel_sections():
    text = ("# Changelog\n\n## 2018-02-13, Version 6.13.0\n\nThis release comes with 112 commits.\n\n"
            "## 2018-01-02, Version 6.12.3\n\nThis release comes with 115 commits.\n")
    assert _fc201(text, "markdown") == []
    assert _fc201(text, "text") == ["115 commits"]


def test_records_filled_in_to_one_set_of_headings_are_parallel():
    record = ("## Conus {name}\n\n### Description\n\nA small cone shell.\n\n"
              "### Spire whorls\n\nTubercles present on the first {n} postnuclear whorls.\n\n")
    text = record.format(name="alpha", n=6) + record.format(name="beta", n=2)
    assert _fc201(text, "markdown") == []
    # flat headings, as plain text reads them: each record under the name written once
    flat = text.replace("### ", "").replace("## ", "")
    assert _fc201(flat, "text") == []
    # one heading recurring alone sets no records apart ("Update" after "Update")
    single = ("## Update\n\nTubercles present on the first 6 postnuclear whorls.\n\n"
              "## Later\n\nNo change.\n\n## Update\n\nTubercles present on the first 2 postnuclear whorls.\n")
    assert _fc201(single, "markdown") == ["2 postnuclear whorls"]


def test_rst_section_titles_are_read_with_levels_in_the_order_their_styles_appear():
    source = ("=====\nTitle\n=====\n\nIntro.\n\nOne\n---\n\nText.\n\nSub\n~~~\n\nMore.\n\n"
              "Two\n---\n\nEnd.\n")
    doc = read_document(source, "rst")
    assert [(source[h.start:h.end], h.level) for h in doc.headings] == [
        ("Title", 1), ("One", 2), ("Sub", 3), ("Two", 2)]


def test_sibling_rst_sections_headed_alike_are_parallel():
    text = ("Changes\n=======\n\nVersion 2.1\n-----------\n\nThis release comes with 112 commits.\n\n"
            "Version 2.0\n-----------\n\nThis release comes with 115 commits.\n")
    assert _fc201(text, "rst") == []
    assert _fc201(text.replace("Version 2.0", "Summary    "), "rst") == ["115 commits"]


def test_html_headings_are_read_and_their_code_is_code():
    source = ("<h1>API</h1><h3 id='a'><code>buf.readInt32BE()</code></h3>"
              "<p>Reads a signed 32-bit integer from the buffer at the given offset.</p>"
              "<h3><code>buf.readInt16BE()</code></h3>"
              "<p>Reads a signed 16-bit integer from the buffer at the given offset.</p>")
    doc = read_document(source, "html")
    assert [h.level for h in doc.headings] == [1, 3, 3]
    assert source[doc.headings[0].start:doc.headings[0].end] == "API"
    assert [heading_pattern(source[h.start:h.end]) for h in doc.headings] == ["api", "`", "`"]
    assert Sections.of(doc).parallel(source.index("Reads a signed 32"), source.index("Reads a signed 16"))


LATEX = r"""\documentclass{article}
\begin{document}
\section{Releases}
\subsection{Version 1.2}

This release comes with 112 commits.

\subsection{%s}

This release comes with 115 commits.

\section*{Summary}

End.
\end{document}
"""


def test_latex_sectioning_commands_are_headings():
    source = LATEX % "Version 1.3"
    doc = read_document(source, "latex")
    assert [(source[h.start:h.end], h.level) for h in doc.headings] == [
        ("Releases", 3), ("Version 1.2", 4), ("Version 1.3", 4), ("Summary", 3)]
    assert _fc201(source, "latex") == []
    assert _fc201(LATEX % "Other", "latex") == ["115 commits"]


def test_plain_text_headings_are_lines_standing_alone_written_as_titles():
    source = ("1939 Pacific hurricane season\n\nThe season ran through the summer.\n\nHurricane One\n\n"
              "On June 12, a hurricane was detected.\n\nA short line that ends a sentence.\n\n"
              "\"A quotation standing alone\"\n\n- a list item\n\nTwo lines\nof one paragraph\n\n"
              "lower-case line\n\nStorms\r\n\r\nText after a Windows line end.\n\nThe last line\n")
    doc = read_document(source, "text")
    assert [source[h.start:h.end] for h in doc.headings] == [
        "1939 Pacific hurricane season", "Hurricane One", "Storms"]
    assert {h.level for h in doc.headings} == {1}
    assert read_document("No blank line at all, Hurricane One\nOn June 12.", "text").headings == ()


SEASON = """1939 Pacific hurricane season

{a}

A ship reported a pressure of 1,000.7 millibars near the storm.

{b}

A ship sailing through the eye reported a pressure of 948 mbar near the storm.
"""


def test_numbered_sections_are_parallel_whatever_their_first_word():
    assert _fc201(SEASON.format(a="Tropical Cyclone Three", b="Hurricane Seven"), "text") == []
    assert _fc201(SEASON.format(a="Summary", b="Observations"), "text") == ["948 mbar"]
    # one heading numbered, the other not: judged as usual
    assert _fc201(SEASON.format(a="Tropical Cyclone Three", b="Later Observations"), "text") == ["948 mbar"]


CLASS = """Construction

{a} was laid down in 1938. When the war began she was 21% complete, with 15,818 tons of steel assembled.

{b} was laid down in 1938. When the war began she was 21% complete, with 13,001 tons of steel assembled.
"""


def test_sections_named_for_what_they_describe_are_parallel():
    named = "Sovetsky Soyuz\n\n" + CLASS.format(a="Sovetsky Soyuz", b="Sovetskaya Ukraina").split("\n\n", 1)[1]
    named = named.replace("Sovetskaya Ukraina was", "Sovetskaya Ukraina\n\nSovetskaya Ukraina was")
    assert _fc201(named, "text") == []
    # the same headings over sections that do not open with their names: judged as usual
    unnamed = named.replace("Sovetsky Soyuz was", "The first was").replace("Sovetskaya Ukraina was", "The second was")
    assert _fc201(unnamed, "text") == ["13,001 tons"]


def test_a_section_named_by_one_word_is_not_taken_for_a_thing_described():
    text = ("Design\n\nDesign work began in 1936. The ship's hull weighed 59,150 tonnes in all.\n\n"
            "Construction\n\nConstruction began in 1938. The ship's hull weighed 65,150 tonnes in all.\n")
    assert _fc201(text, "text") == ["65,150 tonnes"]


HISTORY = """# Military history

## Colonial era

### {war}

Six Australians were awarded the Victoria Cross for their service in the war.

## First World War, 1914–18

### Western Front

In all, 64 Australians were awarded the Victoria Cross for their service in the war.
"""


@pytest.mark.parametrize("heading, period", [
    ("Second Boer War, 1899–1902", (1899, 1902)),
    ("First World War, 1914–18", (1914, 1918)),
    ("Defence of Australia, 1980s and 1990s", (1980, 1999)),
    ("Results for 2020-21", (2020, 2021)),
    ("2018-02-13, Version 6.13.0", None),
    ("Colonial era", None),
])
def test_a_heading_s_period_is_the_years_it_names(heading, period):
    from figcheck.rules.sections import heading_period
    assert heading_period(heading) == period


def test_sections_of_other_years_are_about_other_times():
    # the sections part at "Colonial era" and "First World War, 1914–18": the years under each
    assert _fc201(HISTORY.format(war="Second Boer War, 1899–1902"), "markdown") == []
    # years that meet, or a section without years: judged as usual
    assert _fc201(HISTORY.format(war="Boer and Great Wars, 1899–1916"), "markdown") == ["64 Australians"]
    assert _fc201(HISTORY.format(war="Second Boer War"), "markdown") == ["64 Australians"]


STORMS = """1955 Atlantic hurricane season

Hurricane Connie

After affecting Puerto Rico, Connie turned to the northwest, reaching peak winds of 140 mph (220 km/h).

Hurricane Diane

{sentence}
"""


def test_a_sentence_naming_the_other_section_s_subject_is_judged_as_usual():
    # under "Hurricane Diane", a sentence about Diane is not paired with Connie's figure...
    about_diane = "Diane turned to the northwest, reaching peak winds of 105 mph (165 km/h)."
    assert [d.code for d in check_text(STORMS.format(sentence=about_diane), format="text")] == []
    # ...but one that names Connie speaks of Connie, wherever it stands
    about_connie = "After affecting Puerto Rico, Connie turned to the northwest, reaching peak winds of 140 km/h."
    assert [d.code for d in check_text(STORMS.format(sentence=about_connie), format="text")] == ["FC202"]


def test_a_heading_gains_its_prose_from_an_edit_after_blank_lines():
    # (found by the property below: a line followed by blank lines only is no heading until a
    # first line of prose is typed after them, however far below)
    old = "\nHurricane One\n\n\n"
    new = old + "Hurricane One"
    head, tail = common_ends(old, new)
    assert plain_headings(new) == (Heading(1, 14, 1),)
    assert plain_headings_after_edit(new, old, plain_headings(old), head, tail) == plain_headings(new)


_LINES = st.sampled_from(["", " ", "\r", "Hurricane One", "Sovetsky Soyuz", "Early life", "3 ships",
                          "A ship reported a pressure of 948 mbar.", "the storm", "x" * 95, "Title\r"])


@given(st.lists(_LINES, max_size=12), st.lists(_LINES, max_size=4), st.data())
@settings(max_examples=400, deadline=None)
def test_plain_headings_after_an_edit_are_those_of_the_text_read_afresh(lines, inserted, data):
    old = "\n".join(lines)
    a = data.draw(st.integers(0, len(old)))
    b = data.draw(st.integers(a, len(old)))
    new = old[:a] + "\n".join(inserted) + old[b:]
    head, tail = common_ends(old, new)
    assert plain_headings_after_edit(new, old, plain_headings(old), head, tail) == plain_headings(new)


def test_a_held_document_reads_headings_anew_only_near_an_edit():
    held = HeldDocument()
    text = "Hurricane One\n\nA ship reported 948 mbar.\n\n" * 400
    first = held.read(text, "text")
    assert len(first.headings) == 400
    at = text.index("948", len(text) // 2)
    edited = text[:at] + "9" + text[at:]
    again = held.read(edited, "text")
    assert again.headings == read_document(edited, "text").headings
    line = edited.rindex("\n", 0, at) + 1
    typed = edited[:line] + "Tropical Cyclone Two\n\n" + edited[line:]  # a heading typed mid-text
    assert held.read(typed, "text").headings == read_document(typed, "text").headings
    assert len(read_document(typed, "text").headings) == 401


# A buyer's guide: each entry under a heading of its own, filled in to one template of labels;
# the first entry before any heading (the title is no heading: it starts with a "$").
GUIDE = """$ADV21 BEAT ARTHRITIS NATURALLY

Some remedies ease the pain. Here is what to know.

Claim: Glucosamine furnishes the building blocks of cartilage.

Suggested Dose: 1,500 milligrams a day in two or three doses.

CHONDROITIN SULFATE

Claim: Chondroitin may make tissue more flexible.

Suggested Dose: 1,200 mg a day in two or three doses.

S-ADENOSYLMETHIONINE

Claim: It may improve joint mobility.

Suggested Dose: 200 to 400 mg in three doses.
"""


def test_entries_filled_in_to_one_template_are_parallel_sections():
    assert check_text(GUIDE, "text") == []
    sections = Sections.of(read_document(GUIDE, "text"))
    at = GUIDE.index
    assert sections.parallel(at("1,200 mg"), at("200 to 400"))
    assert sections.parallel(at("1,500 milli"), at("1,200 mg"))  # (the first entry, before a heading)
    # the same entries without their labels: sections like any others
    plain = GUIDE.replace("Claim: ", "").replace("Suggested Dose: ", "The suggested dose is ")
    sections = Sections.of(read_document(plain, "text"))
    assert not sections.parallel(plain.index("1,200 mg"), plain.index("200 to 400"))


def test_a_word_ending_in_a_number_s_letters_is_no_numbered_heading():
    # "METHIONINE" ends in "NINE"; "Hurricane Nine" is numbered
    titles = Sections.of(read_document("SAM-e or S-ADENOSYLMETHIONINE\n\nText.\n\nHurricane Nine\n\nMore.\n", "text")).titles
    assert titles == ("", "numbered")
