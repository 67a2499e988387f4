"""Plain functions behind the handlers: suppression edits, settings, hover text, equivalents."""

from __future__ import annotations

import pytest

from figcheck.config import ConfigError
from figcheck.engine import check_document
from figcheck.equivalents import counterpart, describe
from figcheck.figures import format_readable
from figcheck.rules.suppression import disable_file_edits, ignore_edits
from figcheck.text import read_document
from figcheck_lsp import settings
from figcheck_lsp.diagnostics import Snapshot, analyze, rule_url
from figcheck_lsp.documents import ParagraphCache
from figcheck_lsp.hover import hover_text

WRONG = "Intro line.\nThe embankment runs for 12 kilometres (15 miles).\nLast line.\n"


def _apply(text, edits):
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.new_text + text[e.end :]
    return text


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "html"])
def test_ignore_on_this_line_is_understood_by_the_engine(fmt):
    doc = read_document(WRONG, fmt)
    found = [d for d in check_document(doc) if d.code == "FC101"]
    assert found, fmt
    fixed = _apply(WRONG, ignore_edits(WRONG, fmt, found[0].start, "FC101"))
    assert fixed.count("\n") == WRONG.count("\n")  # same lines: appended, not inserted
    assert not [d for d in check_document(read_document(fixed, fmt)) if d.code == "FC101"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex", "rst", "html"])
def test_disable_for_this_file_is_understood_by_the_engine(fmt):
    fixed = _apply(WRONG, disable_file_edits(fmt, "FC101"))
    assert not [d for d in check_document(read_document(fixed, fmt)) if d.code == "FC101"]


def test_rst_ignore_wraps_the_paragraph():
    text = "Title\n=====\n\n" + WRONG + "\nAfter.\n"
    doc = read_document(text, "rst")
    found = [d for d in check_document(doc) if d.code == "FC101"]
    assert found
    fixed = _apply(text, ignore_edits(text, "rst", found[0].start, "FC101"))
    assert ".. figcheck: disable FC101" in fixed and ".. figcheck: enable FC101" in fixed
    assert not [d for d in check_document(read_document(fixed, "rst")) if d.code == "FC101"]


def test_editor_settings_merge_and_validate():
    base = settings.parse({"ignore": ["FC201"], "inlayHints": True}, "initializationOptions")
    merged = settings.parse({"figcheck": {"maxFileSize": 100, "path": ["/usr/bin/figcheck"]}}, "cfg", base)
    assert merged.inlay_hints is True
    engine, _ = settings.settings_for(None, merged)
    assert engine.ignore == ("FC201",) and engine.max_file_size == 100
    with pytest.raises(ConfigError, match="FC9"):
        settings.parse({"select": ["FC9"]}, "cfg")
    with pytest.raises(ConfigError):
        settings.parse({"inlayHints": "yes"}, "cfg")
    with pytest.raises(ConfigError):
        settings.parse([1, 2], "cfg")


def test_configuration_file_under_editor_settings(tmp_path):
    (tmp_path / "figcheck.toml").write_text('ignore = ["FC202"]\nmax-file-size = 5000\n')
    settings.forget_file_settings()
    engine, root = settings.settings_for(str(tmp_path / "a.md"), settings.parse({"maxFileSize": 99}, "c"))
    assert engine.ignore == ("FC202",) and engine.max_file_size == 99 and root == str(tmp_path)
    settings.forget_file_settings()


def test_hover_describes_the_claim_and_the_diagnostic():
    snap = Snapshot("file:///x.txt", 1, WRONG, "text", None, ParagraphCache(),
                    settings.settings_for(None, settings.EditorSettings())[0], 0)
    analysis = analyze(snap)
    text, span = hover_text(analysis, WRONG.index("12 kilometres") + 1)
    assert "12" in text and "mi" in text
    text, _ = hover_text(analysis, WRONG.index("15 miles") + 1)
    assert "FC101" in text and analysis.diagnostics[0].message in text
    assert hover_text(analysis, 2) is None


def test_rule_url_only_where_a_project_url_is_configured(monkeypatch):
    from figcheck import links

    assert rule_url("FC202") is None  # this repository configures none
    monkeypatch.setattr(links, "project_url", lambda: "https://forge.example.net/o/figcheck")
    assert rule_url("FC202") == "https://forge.example.net/o/figcheck/blob/main/docs/rules.md#fc202"


def test_equivalents():
    assert describe(1000, "kilometer ** 2")[0] == "386 sq mi"
    assert counterpart(12, "kilometer").text == "7.46 mi"
    assert counterpart(8, "mile").text == "12.9 km"
    assert describe(1, None) == [] and describe(1, "second") == []
    assert format_readable(247104.9) == "247,105" and format_readable(0.0386) == "0.0386"


def test_hover_on_a_change_shows_the_computed_change():
    text = "Exports tripled to 40,000 tonnes from 20,000 tonnes.\n"
    snap = Snapshot("file:///c.txt", 1, text, "text", None, ParagraphCache(),
                    settings.settings_for(None, settings.EditorSettings())[0], 0)
    analysis = analyze(snap)
    hover, span = hover_text(analysis, text.index("tripled") + 2, markdown=False)
    assert "change: 20,000 tonnes → 40,000 tonnes is ×2.00" in hover and "“tripled” is stated" in hover
    assert text[span[0]:span[1]] == "tripled"
    hover, _ = hover_text(analysis, text.index("20,000") + 1, markdown=False)
    assert "×2.00" in hover
