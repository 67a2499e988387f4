"""Engine diagnostics → LSP diagnostics, and the analysis of one document version.

Each LSP diagnostic carries the rule code, a link to the rule's documentation (only when the
project URL is configured, see ``figcheck.links``: ``…/docs/rules.md#fc202``, matching the
headings of docs/rules.md), its related locations, and in ``data`` the fix already converted to
LSP ranges, so a code action is a lookup.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from lsprotocol import types

from figcheck.config import Settings
from figcheck.extract.incremental import ParagraphCache, Superseded
from figcheck.incremental_check import HeldDocument, equals_moved
from figcheck.model import Claim, Diagnostic, Fix
from figcheck.text import Document, read_document
from figcheck.text.lines import common_ends

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
    # each LSP diagnostic as it was made, perhaps for an earlier version (see :attr:`lsp`)
    made: list[types.Diagnostic] = field(default_factory=list)
    settings: Settings | None = None  # what it was checked with (None: too large to check)
    path: str | None = None  # as per-file-ignores saw it
    # each LSP diagnostic's JSON, cut around its data's version (:func:`json_parts`)
    lsp_json: list[JsonParts] = field(default_factory=list)
    # (start, end, code) of an engine diagnostic → the index of the first such here (the next
    # version looks up its unmoved diagnostics' LSP parts by it)
    by_place: dict[tuple[int, int, str], int] = field(default_factory=dict)
    _lsp: list[types.Diagnostic] | None = field(default=None, repr=False, compare=False)

    @property
    def result_id(self) -> str:
        return f"{self.version}:{self.generation}"

    @property
    def lsp(self) -> list[types.Diagnostic]:
        """The LSP diagnostics of this version, made when first asked for: one kept from an
        earlier version gets this version in its data (:func:`_again`). Publishing needs only
        their JSON (:attr:`lsp_json`), so a keystroke does not make them."""
        if self._lsp is None:
            self._lsp = [_for_version(d, self.version) for d in self.made]
        return self._lsp

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
    previous: Analysis | None = None  # of the document's previous version, whose LSP parts are reused


def analyze(snap: Snapshot, cancelled: Callable[[], bool] = lambda: False) -> Analysis:
    """Check one document version; raises Superseded when ``cancelled()`` turns true."""
    from figcheck.engine import check_document

    table = snap.table if snap.table is not None else LineTable(snap.text, snap.encoding)
    result = Analysis(snap.uri, snap.version, snap.generation, snap.text, table)
    if len(snap.text) > snap.settings.max_file_size:
        result.made = [too_large(len(snap.text), snap.settings.max_file_size)]
        result.lsp_json = [json_parts(result.made[0])]
        return result
    result.settings, result.path = snap.settings, snap.path
    result.document = read_document(snap.text, snap.format) if snap.held is None else \
        snap.held.read(snap.text, snap.format)
    result.claims = snap.cache.claims(result.document.prose, cancelled)
    if cancelled():
        raise Superseded()
    result.diagnostics = check_document(result.document, snap.settings, snap.path, result.claims,
                                        snap.held)
    result.made, result.lsp_json, result.by_place = lsp_diagnostics(
        result.diagnostics, table, snap, snap.previous)
    return result


def ends_in_common(snap: Snapshot, old: str, new: str) -> tuple[int, int]:
    """:func:`~figcheck.text.lines.common_ends` of two versions of the snapshot's document,
    kept by the document's held check for the other parts of the check that ask."""
    return common_ends(old, new) if snap.held is None else snap.held.versions.common_ends(old, new)


def lsp_diagnostics(diagnostics: list[Diagnostic], table: LineTable, snap: Snapshot,
                    previous: Analysis | None,
                    ) -> tuple[list[types.Diagnostic], list[JsonParts], dict[tuple[int, int, str], int]]:
    """Each diagnostic as LSP (as made, see :attr:`Analysis.lsp`) and its JSON
    (:func:`json_parts`), and the index of the first by (start, end, code). One the previous
    version had, at the same positions (all its places before the edit, or after the edit's
    last line when it added or removed no line), keeps that one's ranges, related places, fix
    and JSON (a keystroke in 1 MB: most of them)."""
    region = _unmoved_region(previous, table, snap)
    made, parts, by_place = [], [], {}
    for d in diagnostics:
        old = None if region is None else _unmoved(d, region, previous)
        if old is None:
            lsp = to_lsp(d, table, snap.uri, snap.version)
            parts.append(json_parts(lsp))
        else:
            lsp = previous.made[old]
            parts.append(previous.lsp_json[old])
        by_place.setdefault((d.start, d.end, d.code), len(made))
        made.append(lsp)
    return made, parts, by_place


def _unmoved_region(previous: Analysis | None, table: LineTable, snap: Snapshot,
                    ) -> tuple[int, int, int] | None:
    """(head, tail_from, delta): offsets up to ``head`` have the positions they had in the
    previous version, and offsets from ``tail_from`` those they had ``delta`` code points
    earlier (``tail_from`` past the text when the edit added or removed a line)."""
    if previous is None or previous.uri != snap.uri or previous.table.encoding != table.encoding:
        return None
    old, new = previous.text, table.text
    if "\r" in old or "\r" in new:  # (a "\r\n" split or joined by the edit moves lines oddly)
        return None
    head, tail = ends_in_common(snap, old, new)
    starts = table.lines.starts
    if len(starts) != len(previous.table.lines.starts):
        return head, len(new) + 1, 0
    after = bisect_right(starts, len(new) - tail)  # the first line starting in the common tail
    tail_from = starts[after] if after < len(starts) else len(new) + 1
    return head, tail_from, len(new) - len(old)


def _unmoved(d: Diagnostic, region: tuple[int, int, int], previous: Analysis) -> int | None:
    """The index in ``previous`` of a diagnostic equal to ``d`` at the same positions."""
    head, tail_from, delta = region
    places = [d.start, d.end]
    for r in d.related:
        if r.path is not None:
            return None  # (another file, read again each time)
        places += (r.start, r.end)
    if d.fix is not None:
        places += (x for e in d.fix.edits for x in (e.start, e.end))
    if max(places) <= head:
        delta = 0
    elif min(places) < tail_from:
        return None
    old = previous.by_place.get((d.start - delta, d.end - delta, d.code))
    return old if old is not None and equals_moved(d, previous.diagnostics[old], delta) else None


def _for_version(lsp: types.Diagnostic, version: int | None) -> types.Diagnostic:
    data = lsp.data
    if isinstance(data, dict) and "version" in data and data["version"] != version:
        return _again(lsp, version)
    return lsp


def _again(old: types.Diagnostic, version: int | None) -> types.Diagnostic:
    """``old`` (of an equal diagnostic at the same positions) for this version: only the
    version in its data is new (the rest of the data is as :func:`to_lsp` made it)."""
    return types.Diagnostic(
        range=old.range, message=old.message, severity=old.severity, code=old.code,
        code_description=old.code_description, source=old.source,
        related_information=old.related_information,
        data={**old.data, "version": version},
    )


# An LSP diagnostic's JSON as pygls writes it, cut where the value of its data's "version" goes:
# (before, after); (the whole, None) when its data has no version. A diagnostic kept from the
# previous version (:func:`_again`) differs only there, so its JSON is not made again.
JsonParts = tuple[str, str | None]


@cache
def _converter():
    from lsprotocol.converters import get_converter

    return get_converter()


def json_parts(lsp: types.Diagnostic) -> JsonParts:
    """The JSON of ``lsp``, cut around the version in its data (see :data:`JsonParts`)."""
    fields = _converter().unstructure(lsp)
    data = fields.pop("data", None)
    if not isinstance(data, dict) or "version" not in data:
        if data is not None:
            fields["data"] = data
        return json.dumps(fields), None
    keys = list(data)
    at = keys.index("version")
    head = json.dumps(fields)[:-1] + (", " if fields else "") + '"data": {'
    before = "".join(f"{json.dumps(k)}: {json.dumps(data[k])}, " for k in keys[:at])
    after = "".join(f", {json.dumps(k)}: {json.dumps(data[k])}" for k in keys[at + 1 :])
    return f'{head}{before}"version": ', after + "}}"


def publish_params_json(analysis: Analysis) -> str:
    """The JSON of ``PublishDiagnosticsParams`` for the analysis, as pygls would write it."""
    version = json.dumps(analysis.version)
    items = ", ".join(b if a is None else b + version + a for b, a in analysis.lsp_json)
    has_version = "" if analysis.version is None else f', "version": {version}'
    return f'{{"uri": {json.dumps(analysis.uri)}{has_version}, "diagnostics": [{items}]}}'


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
