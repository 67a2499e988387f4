"""Code actions: a rule's fix, suppression comments, and ``source.fixAll.figcheck``.

Fixes come from the diagnostic's ``data`` (converted to LSP ranges when the diagnostic was
made), so offering one is a lookup. Suppression comments are built by the engine
(``figcheck.rules.suppression.ignore_edits``/``disable_file_edits``, next to the code that reads
them) and fix-all by the engine's fix loop (``figcheck.fixes``); this module only turns their
code-point edits into LSP edits.
"""

from __future__ import annotations

from lsprotocol import types

from figcheck.model import Edit
from figcheck.rules.suppression import disable_file_edits, ignore_edits

from .diagnostics import SOURCE
from .positions import LineTable

FIX_ALL_KIND = "source.fixAll.figcheck"
KINDS = [types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND]


def workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit], versioned: bool):
    """A WorkspaceEdit, versioned (so a stale edit is refused) when the client supports it."""
    if versioned:
        doc = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(doc, edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def _edits(fix: dict) -> list[types.TextEdit]:
    """The fix's edits; raises (KeyError, TypeError, ValueError) when ``data`` was not ours."""
    out = []
    for e in fix["edits"]:
        r = e["range"]
        range_ = types.Range(
            types.Position(int(r["start"]["line"]), int(r["start"]["character"])),
            types.Position(int(r["end"]["line"]), int(r["end"]["character"])),
        )
        out.append(types.TextEdit(range=range_, new_text=str(e["newText"])))
    return out


def fix_action(uri: str, diag: types.Diagnostic, versioned: bool) -> types.CodeAction | None:
    """The fix stored in the diagnostic's ``data``; None when there is none, or when the client
    sent ``data`` that is not what this server wrote (issue #19: it was an internal error)."""
    data = diag.data if isinstance(diag.data, dict) else {}
    fix = data.get("fix")
    if not fix:
        return None
    try:
        edits = _edits(fix)
        title = str(fix["message"])
        version = data.get("version")
        if version is not None and not isinstance(version, int):
            raise TypeError("version")
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=fix.get("applicability") == "safe",
        edit=workspace_edit(uri, version, edits, versioned),
    )


def suppression_actions(uri, version, text, fmt, diag: types.Diagnostic, versioned, table: LineTable):
    """'Ignore FCxxx on this line' and 'Disable FCxxx for this file' (``table``: of ``text``)."""
    code = str(diag.code)
    offset = table.offset(diag.range.start)
    where = "in this paragraph" if fmt == "rst" else "on this line"
    choices = [
        (f"Ignore {code} {where}", ignore_edits(text, fmt, offset, code, table.lines)),
        (f"Disable {code} for this file", disable_file_edits(fmt, code)),
    ]
    return [
        types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag],
            edit=workspace_edit(uri, version, _text_edits(edits, table), versioned),
        )
        for title, edits in choices
    ]


def _text_edits(edits: list[Edit], table: LineTable) -> list[types.TextEdit]:
    return [types.TextEdit(range=table.range(e.start, e.end), new_text=e.new_text) for e in edits]


def fix_all(uri: str, analysis, versioned: bool, unsafe: bool = False) -> types.CodeAction | None:
    """Every fix ``figcheck check --fix`` would apply (``--unsafe-fixes`` when ``unsafe``), chosen
    and re-checked by the engine's own loop, as one edit of the changed span."""
    if analysis.settings is None:  # not checked (too large)
        return None
    from figcheck.fixes import changed_span, fix_until_stable  # fix-all only: not at start-up

    outcome = fix_until_stable(analysis.text, analysis.checker(), unsafe, analysis.diagnostics)
    edit = changed_span(analysis.text, outcome.text)
    if edit is None:
        return None
    edits = _text_edits([edit], analysis.table)
    return types.CodeAction(
        title="figcheck: apply all unsafe and safe fixes" if unsafe else "figcheck: apply all safe fixes",
        kind=FIX_ALL_KIND,
        edit=workspace_edit(uri, analysis.version, edits, versioned),
    )


def code_actions(uri, doc, params: types.CodeActionParams, analysis, versioned, encoding,
                 unsafe_fixes: bool = False):
    """The actions for a codeAction request, filtered by the kinds the client asked for."""
    actions = quick_fixes(uri, doc, params, versioned, encoding)
    if analysis is not None and wants_fix_all(params):
        if (action := fix_all(uri, analysis, versioned, unsafe_fixes)) is not None:
            actions.append(action)
    return actions


def quick_fixes(uri, doc, params: types.CodeActionParams, versioned, encoding) -> list[types.CodeAction]:
    """Each diagnostic's fix and suppressions, when the client asked for quick fixes."""
    actions: list[types.CodeAction] = []
    if not _wants(params.context.only, types.CodeActionKind.QuickFix):
        return actions
    table = doc.table(encoding)  # once a version, not once a diagnostic (issue #19)
    for diag in params.context.diagnostics:
        if diag.source != SOURCE or not str(diag.code or "").startswith("FC"):  # rules only
            continue
        if (action := fix_action(uri, diag, versioned)) is not None:
            actions.append(action)
        actions.extend(suppression_actions(uri, doc.version, doc.text, doc.format, diag, versioned, table))
    return actions


def wants_fix_all(params: types.CodeActionParams) -> bool:
    return _wants(params.context.only, FIX_ALL_KIND)


def _wants(only, kind: str) -> bool:
    """Whether ``kind`` falls under the client's ``only`` filter (a kind covers its sub-kinds)."""
    if not only:
        return kind != FIX_ALL_KIND  # source actions only when asked for by kind
    return any(kind == str(k) or kind.startswith(f"{k}.") for k in only)
