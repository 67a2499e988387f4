"""Code actions: a rule's fix, suppression comments, and ``source.fixAll.figcheck``.

Fixes come from the diagnostic's ``data`` (converted to LSP ranges when the diagnostic was
made), so offering one is a lookup. Suppressions are written in the document format's comment
syntax (``figcheck.text.COMMENT_SYNTAX``) in a form ``figcheck.rules.suppression`` reads:

- text, Markdown, HTML, LaTeX: the directive at the end of the diagnostic's line
  (``… figcheck: ignore FC202``, ``<!-- figcheck: ignore FC202 -->``, ``% figcheck: …``);
- reStructuredText, whose comments must stand alone: ``disable``/``enable`` comment lines
  around the paragraph;
- for the whole file: ``figcheck: disable FC202`` on a first line of its own (a region that
  runs to the end of the file).
"""

from __future__ import annotations

import re

from lsprotocol import types

from figcheck.text import COMMENT_SYNTAX

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
    out = []
    for e in fix["edits"]:
        r = e["range"]
        range_ = types.Range(
            types.Position(r["start"]["line"], r["start"]["character"]),
            types.Position(r["end"]["line"], r["end"]["character"]),
        )
        out.append(types.TextEdit(range=range_, new_text=e["newText"]))
    return out


def fix_action(uri: str, diag: types.Diagnostic, versioned: bool) -> types.CodeAction | None:
    data = diag.data if isinstance(diag.data, dict) else {}
    fix = data.get("fix")
    if not fix:
        return None
    return types.CodeAction(
        title=fix["message"],
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=fix.get("applicability") == "safe",
        edit=workspace_edit(uri, data.get("version"), _edits(fix), versioned),
    )


def ignore_line_edits(text: str, fmt: str, offset: int, code: str) -> list[tuple[int, int, str]]:
    """(start, end, new_text) edits that suppress ``code`` where ``offset`` is."""
    table = LineTable(text)
    if fmt == "rst":
        start = _paragraph_start(text, offset)
        end = _paragraph_end(text, offset)
        return [(start, start, f".. figcheck: disable {code}\n\n"),
                (end, end, f"\n\n.. figcheck: enable {code}")]
    opening, closing = COMMENT_SYNTAX.get(fmt, ("", ""))
    end = table.line_end(offset)
    line = text[table.line_start(offset) : end]
    pad = "" if not line or line[-1].isspace() else " "
    return [(end, end, f"{pad}{opening}figcheck: ignore {code}{closing}")]


def disable_file_edits(text: str, fmt: str, code: str) -> list[tuple[int, int, str]]:
    opening, closing = COMMENT_SYNTAX.get(fmt, ("", ""))
    gap = "\n\n" if fmt in ("rst", "text") else "\n"
    return [(0, 0, f"{opening}figcheck: disable {code}{closing}{gap}")]


_BLANK_LINE = re.compile(r"\r?\n[ \t]*(?=\r?\n)")


def _paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` starts (after the previous blank line)."""
    start = 0
    for m in _BLANK_LINE.finditer(text, 0, offset):
        start = m.end() + (2 if text.startswith("\r\n", m.end()) else 1)
    return min(start, offset)


def _paragraph_end(text: str, offset: int) -> int:
    m = _BLANK_LINE.search(text, offset)
    return m.start() if m else len(text.rstrip("\r\n"))


def suppression_actions(uri, version, text, fmt, diag: types.Diagnostic, versioned, encoding):
    """'Ignore FCxxx on this line' and 'Disable FCxxx for this file'."""
    code = str(diag.code)
    table = LineTable(text, encoding)
    offset = table.offset(diag.range.start)
    where = "in this paragraph" if fmt == "rst" else "on this line"
    choices = [
        (f"Ignore {code} {where}", ignore_line_edits(text, fmt, offset, code)),
        (f"Disable {code} for this file", disable_file_edits(text, fmt, code)),
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


def _text_edits(edits, table: LineTable) -> list[types.TextEdit]:
    return [types.TextEdit(range=table.range(s, e), new_text=t) for s, e, t in edits]


def fix_all(uri: str, analysis, versioned: bool) -> types.CodeAction | None:
    """Every safe fix of the analysis that does not overlap an earlier one, as one action."""
    chosen, last_end = [], -1
    for d in analysis.diagnostics:
        fix = d.fix
        if fix is None or fix.applicability != "safe" or not fix.edits:
            continue
        if min(e.start for e in fix.edits) < last_end:
            continue
        chosen.extend(fix.edits)
        last_end = max(e.end for e in fix.edits)
    if not chosen:
        return None
    edits = _text_edits([(e.start, e.end, e.new_text) for e in chosen], analysis.table)
    return types.CodeAction(
        title="figcheck: apply all safe fixes",
        kind=FIX_ALL_KIND,
        edit=workspace_edit(uri, analysis.version, edits, versioned),
    )


def code_actions(uri, doc, params: types.CodeActionParams, analysis, versioned, encoding):
    """The actions for a codeAction request, filtered by the kinds the client asked for."""
    wanted = params.context.only
    actions: list[types.CodeAction] = []
    if _wants(wanted, types.CodeActionKind.QuickFix):
        for diag in params.context.diagnostics:
            if diag.source != SOURCE or not diag.code or diag.code == "too-large":
                continue
            if (action := fix_action(uri, diag, versioned)) is not None:
                actions.append(action)
            actions.extend(
                suppression_actions(uri, doc.version, doc.text, doc.format, diag, versioned, encoding)
            )
    if analysis is not None and _wants(wanted, FIX_ALL_KIND):
        if (action := fix_all(uri, analysis, versioned)) is not None:
            actions.append(action)
    return actions


def _wants(only, kind: str) -> bool:
    """Whether ``kind`` falls under the client's ``only`` filter (a kind covers its sub-kinds)."""
    if not only:
        return kind != FIX_ALL_KIND  # source actions only when asked for by kind
    return any(kind == str(k) or kind.startswith(f"{k}.") for k in only)
