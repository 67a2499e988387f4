"""Engine diagnostics → LSP diagnostics, and the analysis of one document version.

Each LSP diagnostic carries the rule code, a link to the rule's documentation (only when the
project URL is configured, see ``figcheck.links``: ``…/docs/rules.md#fc202``, matching the
headings of docs/rules.md), its related locations, and in ``data`` the fix already converted to
LSP ranges, so a code action is a lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lsprotocol import types

from figcheck.config import Settings
from figcheck.extract.incremental import ParagraphCache, Superseded
from figcheck.incremental_check import HeldDocument
from figcheck.model import Claim, Diagnostic, Fix
from figcheck.text import Document, read_document

from .positions import UTF16, LineTable

SOURCE = "figcheck"
TOO_LARGE_CODE = "too-large"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


@dataclass
class Analysis:
    """Everything the server knows about one version of a document."""

    uri: str
    version: int | None
    generation: int  # the settings generation it was computed under
    text: str
    table: LineTable
    document: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lsp: list[types.Diagnostic] = field(default_factory=list)
    settings: Settings | None = None  # what it was checked with (None: too large to check)
    path: str | None = None  # as per-file-ignores saw it

    @property
    def result_id(self) -> str:
        return f"{self.version}:{self.generation}"

    def checker(self) -> Callable[[str], list[Diagnostic]]:
        """Check another text as this one was checked (format, settings, path): what fix-all
        re-checks with after applying a pass of fixes."""
        from figcheck.engine import check_document

        fmt = self.document.format if self.document is not None else "text"
        return lambda text: check_document(read_document(text, fmt), self.settings, self.path)


@dataclass(frozen=True)
class Snapshot:
    """What the worker thread needs, copied on the event loop (strings are immutable)."""

    uri: str
    version: int | None
    text: str
    format: str
    path: str | None  # for per-file-ignores: relative to the workspace root where possible
    cache: ParagraphCache
    settings: Settings
    generation: int
    encoding: str = UTF16
    table: LineTable | None = None  # of ``text``, when the event loop already has one
    held: HeldDocument | None = None  # the rules' work on the document's previous version


def analyze(snap: Snapshot, cancelled: Callable[[], bool] = lambda: False) -> Analysis:
    """Check one document version; raises Superseded when ``cancelled()`` turns true."""
    from figcheck.engine import check_document

    table = snap.table if snap.table is not None else LineTable(snap.text, snap.encoding)
    result = Analysis(snap.uri, snap.version, snap.generation, snap.text, table)
    if len(snap.text) > snap.settings.max_file_size:
        result.lsp = [too_large(len(snap.text), snap.settings.max_file_size)]
        return result
    result.settings, result.path = snap.settings, snap.path
    result.document = read_document(snap.text, snap.format)
    result.claims = snap.cache.claims(result.document.prose, cancelled)
    if cancelled():
        raise Superseded()
    result.diagnostics = check_document(result.document, snap.settings, snap.path, result.claims,
                                        snap.held)
    result.lsp = [to_lsp(d, table, snap.uri, snap.version) for d in result.diagnostics]
    return result


def too_large(size: int, cap: int) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=(
            f"figcheck did not check this document: it has {size:,} characters, more than the "
            f"max-file-size setting ({cap:,}). Raise figcheck.maxFileSize to check it."
        ),
        severity=types.DiagnosticSeverity.Information,
        code=TOO_LARGE_CODE,
        source=SOURCE,
    )


def rule_url(code: str) -> str | None:
    """The rule's documentation, when the project URL is configured (figcheck.links)."""
    from figcheck.links import rule_doc_url

    return rule_doc_url(code)


def _code_description(code: str) -> types.CodeDescription | None:
    href = rule_url(code)
    return types.CodeDescription(href=href) if href else None


def to_lsp(d: Diagnostic, table: LineTable, uri: str, version: int | None) -> types.Diagnostic:
    return types.Diagnostic(
        range=table.range(d.start, d.end),
        message=d.message,
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=_code_description(d.code) if d.code.startswith("FC") else None,
        source=SOURCE,
        related_information=[_related(r, table, uri) for r in d.related] or None,
        data={"name": d.name, "version": version, "fix": fix_data(d.fix, table)},
    )


def fix_data(fix: Fix | None, table: LineTable) -> dict | None:
    """The fix as JSON with LSP ranges (what a code action needs, nothing to recompute)."""
    if fix is None:
        return None
    edits = [
        {"range": _range_json(table.range(e.start, e.end)), "newText": e.new_text}
        for e in fix.edits
    ]
    return {"message": fix.message, "applicability": fix.applicability, "edits": edits}


def _range_json(r: types.Range) -> dict:
    return {
        "start": {"line": r.start.line, "character": r.start.character},
        "end": {"line": r.end.line, "character": r.end.character},
    }


def _related(r, table: LineTable, uri: str) -> types.DiagnosticRelatedInformation:
    if r.path is None:
        location = types.Location(uri=uri, range=table.range(r.start, r.end))
    else:
        location = _location_in_file(r.path, r.start, r.end, table.encoding)
    return types.DiagnosticRelatedInformation(location=location, message=r.message)


def _location_in_file(path: str, start: int, end: int, encoding: str) -> types.Location:
    from pathlib import Path

    from pygls.uris import from_fs_path

    try:
        other = LineTable(Path(path).read_text(encoding="utf-8"), encoding)
        range_ = other.range(start, end)
    except OSError:
        range_ = types.Range(types.Position(0, 0), types.Position(0, 0))
    return types.Location(uri=from_fs_path(path) or path, range=range_)
