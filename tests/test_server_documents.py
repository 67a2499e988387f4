"""figcheck_lsp.documents: applying edits (the paragraph cache is tested in test_incremental.py)."""

from __future__ import annotations

from lsprotocol import types

from figcheck_lsp.documents import apply_change


def _edit(line, char, end_line, end_char, text):
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, char), types.Position(end_line, end_char)), text=text)


def test_apply_incremental_and_whole_changes():
    text = "🏔 one\ntwo\n"
    assert apply_change(text, _edit(0, 3, 0, 6, "1"), "utf-16") == "🏔 1\ntwo\n"
    assert apply_change(text, _edit(1, 0, 2, 0, ""), "utf-16") == "🏔 one\n"
    assert apply_change(text, types.TextDocumentContentChangeWholeDocument(text="new"), "utf-16") == "new"


def test_out_of_range_edit_is_clamped_and_reported():
    warnings: list[str] = []
    assert apply_change("abc", _edit(5, 0, 9, 0, "!"), "utf-16", warnings) == "abc!"
    assert warnings and "outside" in warnings[0]
