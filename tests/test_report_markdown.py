"""The ``markdown`` reporter (the playground's "Download report (Markdown)")."""

from __future__ import annotations

from figcheck.engine import check_text
from figcheck.report import render
from figcheck.results import FileResult, file_result
from figcheck.report.markdown import escape

MISMATCH = "Intro with *stars* and <b>tags</b>.\n\nThe embankment runs for 12 kilometres (15 miles).\n"


def test_a_diagnostic_is_a_list_item_with_its_place_text_message_and_fix():
    out = render(file_result("notes/a_b.md", MISMATCH, check_text(MISMATCH)), "markdown")
    lines = out.splitlines()
    assert lines[0] == "# figcheck report"
    assert "## notes/a\\_b.md" in lines  # the path is escaped too
    item = next(line for line in lines if line.startswith("- **FC101"))
    assert item.startswith("- **FC101 conversion-mismatch** (warning), line 3, column ")
    assert "“15 miles”" in item
    assert any(line.startswith("  - fix (") for line in lines)
    assert lines[-1].startswith("1 warning in 1 file")


def test_text_from_the_document_cannot_become_markup():
    assert escape("*5* <b>x</b> [a](b) `c` a_b | ~") == r"\*5\* \<b\>x\</b\> \[a\](b) \`c\` a\_b \| \~"
    assert escape("two\nlines   and\ttabs") == "two lines and tabs"


def test_clean_and_unreadable_files():
    clean = render(file_result("ok.txt", "Nothing to see.", []), "markdown")
    assert clean == "# figcheck report\n\nNo problems found in 1 file.\n"
    broken = FileResult(path="bad.txt", error={"kind": "decode", "message": "not UTF-8"})
    out = render(broken, "markdown")
    assert "## bad.txt" in out and "Not checked (decode): not UTF-8" in out
