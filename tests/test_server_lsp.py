"""The language server end to end: the real server process over stdio, driven by pytest-lsp with
VS Code's and Neovim's recorded client capabilities."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from figcheck.links import rule_doc_url

from tests.lsp.client import (CLIENTS, CONFIG, apply_edits, change, diagnostics, edits_of,
                              open_doc, pulls, raw_request, start)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"
EMBANKMENT = "The embankment runs for 12 kilometres (15 miles).\n"


@pytest_lsp.fixture(config=CONFIG, params=CLIENTS)
async def client(lsp_client: LanguageClient, request):
    lsp_client.client_name = request.param
    yield
    if not getattr(lsp_client, "shut_down", False):
        await lsp_client.shutdown_session()


async def _init(client, options=None, **kw):
    result = await start(client, client.client_name, options, **kw)
    client.init_result = result
    return result


def _uri(name: str) -> str:
    return (ROOT / "tests" / "fixtures-lsp" / name).as_uri()


async def test_initialize_capabilities(client: LanguageClient):
    result = await _init(client)
    caps = result.capabilities
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.hover_provider
    assert "source.fixAll.figcheck" in caps.code_action_provider.code_action_kinds
    expected = "utf-8" if client.client_name == "neovim" else "utf-16"  # the client's first choice
    assert caps.position_encoding == expected
    assert caps.diagnostic_provider is None  # neither client can be asked to re-pull


async def test_seed_gives_two_unit_mixups_with_related_information(client: LanguageClient):
    result = await _init(client)
    uri = SEED.as_uri()
    open_doc(client, uri, SEED.read_text(encoding="utf-8"))
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC202"]
    assert len(found) == 2, found
    for d in found:
        assert d.source == "figcheck"
        # A link only where the project URL is configured ([project.urls], figcheck.links).
        href = d.code_description.href if d.code_description else None
        assert href == rule_doc_url("FC202")
        assert d.related_information, d
        assert all(r.location.uri == uri and r.message for r in d.related_information)


async def test_conversion_quick_fix_removes_the_diagnostic(client: LanguageClient):
    result = await _init(client)
    uri = _uri("embankment.txt")
    open_doc(client, uri, EMBANKMENT)
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    assert len(found) == 1, found
    actions = await _quick_fixes(client, uri, found)
    fixes = [a for a in actions if a.title.lower().startswith(("replace", "change", "use", "correct"))
             or (a.diagnostics and a.is_preferred)]
    assert fixes, [a.title for a in actions]
    fixed = apply_edits(EMBANKMENT, edits_of(fixes[0], uri), result.capabilities.position_encoding)
    assert fixed != EMBANKMENT
    change(client, uri, 2, fixed)
    assert not [d for d in await diagnostics(client, result, uri, 2) if d.code == "FC101"]


async def _quick_fixes(client, uri, found):
    """The quick fixes the server offers for the diagnostics ``found``."""
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=found, only=[types.CodeActionKind.QuickFix])))


async def test_fix_all_applies_safe_fixes(client: LanguageClient):
    result = await _init(client)
    uri = _uri("fixall.txt")
    open_doc(client, uri, EMBANKMENT)
    assert await diagnostics(client, result, uri, 1)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.figcheck"])))
    assert actions and actions[0].kind == "source.fixAll.figcheck"
    fixed = apply_edits(EMBANKMENT, edits_of(actions[0], uri), result.capabilities.position_encoding)
    change(client, uri, 2, fixed)
    assert not [d for d in await diagnostics(client, result, uri, 2) if d.code == "FC101"]


async def test_ignore_on_this_line_silences_the_diagnostic(client: LanguageClient):
    result = await _init(client)
    uri = _uri("ignore.txt")
    open_doc(client, uri, EMBANKMENT)
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=found)))
    by_title = {a.title: a for a in actions}
    assert "Disable FC101 for this file" in by_title
    ignore = by_title["Ignore FC101 on this line"]
    fixed = apply_edits(EMBANKMENT, edits_of(ignore, uri), result.capabilities.position_encoding)
    assert fixed.startswith(EMBANKMENT.rstrip("\n")) and "figcheck: ignore FC101" in fixed
    change(client, uri, 2, fixed)
    assert not [d for d in await diagnostics(client, result, uri, 2) if d.code == "FC101"]


async def test_hover_on_a_figure(client: LanguageClient):
    result = await _init(client)
    uri = _uri("hover.txt")
    open_doc(client, uri, EMBANKMENT)
    await diagnostics(client, result, uri, 1)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 25)))
    assert hover is not None
    text = hover.contents.value
    assert "12" in text and "kilomet" in text
    assert "mi" in text  # the equivalent in miles
    assert hover.range.start.line == 0


CHANGE = "Sales rose 13.1% to $411.1m from $326.0m.\n"


async def test_change_mismatch_quick_fix_and_hover(client: LanguageClient):
    result = await _init(client)
    uri = _uri("change.txt")
    open_doc(client, uri, CHANGE)
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC303"]
    assert len(found) == 1, found
    assert "+26.1%" in found[0].message and len(found[0].related_information) == 2
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 22)))
    assert hover is not None and "$326.0m → $411.1m is +26.1%" in hover.contents.value
    actions = await _quick_fixes(client, uri, found)
    fixes = [a for a in actions if a.is_preferred]
    assert [a.title for a in fixes] == ["Replace “13.1” with “26.1”"], [a.title for a in actions]
    fixed = apply_edits(CHANGE, edits_of(fixes[0], uri), result.capabilities.position_encoding)
    assert fixed == CHANGE.replace("13.1%", "26.1%")
    change(client, uri, 2, fixed)
    assert not [d for d in await diagnostics(client, result, uri, 2) if d.code == "FC303"]


async def test_settings_change_disables_a_rule(client: LanguageClient):
    result = await _init(client)
    uri = _uri("settings.txt")
    open_doc(client, uri, EMBANKMENT)
    assert [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    client.set_configuration({"ignore": ["FC101"]}, section="figcheck")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"figcheck": {"ignore": ["FC101"]}}))
    params = await client.published.wait(lambda p: p.uri == uri and not p.diagnostics)
    assert params.version == 1


async def test_initialization_options_and_bad_settings(client: LanguageClient):
    result = await _init(client, options={"select": ["FC9"]})  # no such rule: warned, defaults kept
    uri = _uri("bad-settings.txt")
    open_doc(client, uri, EMBANKMENT)
    assert [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    assert any("FC9" in m.message for m in client.messages)


async def test_incremental_edits_add_then_clear_a_diagnostic(client: LanguageClient):
    result = await _init(client)
    uri = _uri("incremental.txt")
    text = "The embankment runs for 12 kilometres.\n"
    open_doc(client, uri, text)
    assert not await diagnostics(client, result, uri, 1)
    change(client, uri, 2, " (15 miles)", start=(0, 37))  # before the full stop
    found = await diagnostics(client, result, uri, 2)
    assert [d.code for d in found] == ["FC101"]
    change(client, uri, 3, "", start=(0, 37), end=(0, 48))
    assert not await diagnostics(client, result, uri, 3)


async def test_astral_characters_before_a_figure(client: LanguageClient):
    result = await _init(client)
    encoding = result.capabilities.position_encoding
    uri = _uri("astral.txt")
    text = "🏔🥾 8 miles (20 km)\n"
    open_doc(client, uri, text)
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    assert len(found) == 1
    start = text.index("20 km")
    prefix = text[:start]
    expected = {"utf-16": len(prefix.encode("utf-16-le")) // 2,
                "utf-8": len(prefix.encode("utf-8")), "utf-32": len(prefix)}[encoding]
    assert found[0].range.start == types.Position(0, expected)
    if encoding == "utf-16":
        assert expected == 2 + 2 + 1 + len("8 miles (") + 1 - 1  # two surrogate pairs


async def test_pull_diagnostics_for_a_client_that_pulls(client: LanguageClient):
    result = await _init(client, pull_refresh=True)
    assert pulls(result)
    uri = _uri("pull.txt")
    open_doc(client, uri, EMBANKMENT)
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in report.items] == ["FC101"]
    again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id))
    assert again.kind == "unchanged"


async def test_too_large_document_gets_one_information_diagnostic(client: LanguageClient):
    result = await _init(client, options={"maxFileSize": 20})
    uri = _uri("large.txt")
    open_doc(client, uri, EMBANKMENT)
    found = await diagnostics(client, result, uri, 1)
    assert len(found) == 1 and found[0].severity == types.DiagnosticSeverity.Information
    assert "max-file-size" in found[0].message


async def test_inlay_hints_when_enabled(client: LanguageClient):
    result = await _init(client, options={"inlayHints": True})
    uri = _uri("inlay.txt")
    text = "The road is 12 kilometres long.\n"
    open_doc(client, uri, text)
    await diagnostics(client, result, uri, 1)
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(0, 0), types.Position(1, 0))))
    assert hints and "mi" in hints[0].label


async def test_malformed_messages_get_errors_and_the_server_keeps_working(client: LanguageClient):
    result = await _init(client)
    bad = await raw_request(client, "textDocument/hover", {"textDocument": {"uri": 5}})
    assert "error" in bad
    unknown = await raw_request(client, "figcheck/noSuchMethod", {})
    assert "error" in unknown
    missing = await raw_request(client, "textDocument/hover", {
        "textDocument": {"uri": "file:///not/open.txt"}, "position": {"line": 0, "character": 0}})
    assert missing == {"result": None}
    # Notifications that cannot be honoured are logged, never fatal.
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri="file:///never/opened.txt")))
    client.protocol._send_data({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                "params": {"textDocument": {"uri": 1}}})
    uri = _uri("robust.txt")
    open_doc(client, uri, EMBANKMENT)
    change(client, uri, 2, "x", start=(40, 3), end=(99, 0))  # far outside the document
    found = await diagnostics(client, result, uri, 2)
    assert [d.code for d in found] == ["FC101"]


async def test_markdown_reads_prose_not_code(client: LanguageClient):
    result = await _init(client)
    uri = _uri("notes.md")
    text = ("# Notes\n\n```\nThe embankment runs for 12 kilometres (15 miles).\n```\n\n"
            "The 🏔 embankment runs for 12 kilometres (15 miles).\n")
    open_doc(client, uri, text, language_id="markdown")
    found = [d for d in await diagnostics(client, result, uri, 1) if d.code == "FC101"]
    assert [d.range.start.line for d in found] == [6]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
        context=types.CodeActionContext(diagnostics=found)))
    ignore = next(a for a in actions if a.title.startswith("Ignore"))
    fixed = apply_edits(text, edits_of(ignore, uri), result.capabilities.position_encoding)
    assert fixed.splitlines()[6].endswith("<!-- figcheck: ignore FC101 -->")


async def test_shutdown_and_exit_are_clean(client: LanguageClient):
    await _init(client)
    client.shut_down = True
    await client.shutdown_session()
    assert client._server.returncode == 0


async def test_rapid_edits_are_coalesced_and_stale_results_never_win(client: LanguageClient):
    result = await _init(client)
    if pulls(result):
        pytest.skip("push only")
    uri = _uri("rapid.txt")
    open_doc(client, uri, "Start.\n")
    await diagnostics(client, result, uri, 1)
    text = "Start.\n"
    for version, piece in enumerate(["The ", "road ", "is ", "12 kilometres ", "(15 miles)."], start=2):
        change(client, uri, version, piece, start=(1, len(text.split("\n")[1])))
        text += piece
    final = await diagnostics(client, result, uri, 6)
    assert [d.code for d in final] == ["FC101"]
    versions = [p.version for p in client.published.items if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 6
    assert len(versions) < 6  # the burst was debounced, not checked five times
