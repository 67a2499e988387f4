"""Open documents and their edits.

Each open document keeps its text and version (applied here, not by pygls, so that
``server.positions`` is the one place that turns LSP ranges into offsets) and the engine's
:class:`figcheck.extract.incremental.ParagraphCache`, so a keystroke re-reads one paragraph, and
its :class:`figcheck.incremental_check.HeldDocument`, so the rules redo only what it touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types

from figcheck.extract.incremental import ParagraphCache, Superseded
from figcheck.incremental_check import HeldDocument
from figcheck.text import format_for_language_id
from figcheck.text.lines import TextVersions

from .positions import LineTable

__all__ = ["DocumentStore", "OpenDocument", "ParagraphCache", "Superseded", "UnknownDocument", "apply_change",
           "apply_change_with_table"]


class UnknownDocument(KeyError):
    pass


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None
    language_id: str | None
    path: str | None
    format: str
    analysis: object | None = None  # the latest server.diagnostics.Analysis
    _table: LineTable | None = None  # line starts of ``text``, built once per version
    # What was found of the text's latest versions, shared by the extraction cache, the held
    # check and the line tables (each moves the previous version's by the edit).
    versions: TextVersions = field(default_factory=TextVersions)
    cache: ParagraphCache = field(init=False)
    held: HeldDocument = field(init=False)  # the rules' work, kept across edits

    def __post_init__(self) -> None:
        self.cache = ParagraphCache(versions=self.versions)
        self.held = HeldDocument(self.versions)

    def table(self, encoding: str) -> LineTable:
        table = self._table
        if table is None or table.text is not self.text or table.encoding != encoding:
            table = self._table = LineTable(self.text, encoding)
        return table

    def cached_table(self) -> LineTable | None:
        table = self._table
        return table if table is not None and table.text is self.text else None

    def remember(self, table: LineTable) -> None:
        """Keep a table built elsewhere (by the worker) if it is of the current text."""
        if table.text is self.text:
            self._table = table


def path_of(uri: str) -> str | None:
    from pygls.uris import to_fs_path

    try:
        return to_fs_path(uri)
    except Exception:  # an unusual scheme: no path, format by language id alone
        return None


class DocumentStore:
    def __init__(self) -> None:
        self._docs: dict[str, OpenDocument] = {}

    def __contains__(self, uri: str) -> bool:
        return uri in self._docs

    def __iter__(self):
        return iter(list(self._docs.values()))

    def find(self, uri: str) -> OpenDocument | None:
        return self._docs.get(uri)

    def holds(self, doc: OpenDocument) -> bool:
        """Whether ``doc`` is still the open document for its URI (not closed or reopened)."""
        return self._docs.get(doc.uri) is doc

    def get(self, uri: str) -> OpenDocument:
        try:
            return self._docs[uri]
        except KeyError:
            raise UnknownDocument(f"document not open: {uri}") from None

    def open(self, item: types.TextDocumentItem) -> OpenDocument:
        path = path_of(item.uri)
        fmt = format_for_language_id(item.language_id, path)
        doc = OpenDocument(item.uri, item.text, item.version, item.language_id, path, fmt)
        self._docs[item.uri] = doc
        return doc

    def close(self, uri: str) -> OpenDocument:
        doc = self._docs.pop(uri, None)
        if doc is None:
            raise UnknownDocument(f"didClose for a document that is not open: {uri}")
        return doc

    def change(self, params: types.DidChangeTextDocumentParams, encoding: str) -> list[str]:
        """Apply the changes in order; returns warnings about ranges that had to be clamped."""
        doc = self.get(params.text_document.uri)
        warnings: list[str] = []
        for change in params.content_changes:
            doc.text, doc._table = apply_change_with_table(doc.text, change, encoding, warnings,
                                                           doc.table(encoding))
            if doc._table is not None:  # (the check's line index of the text: this one)
                doc.versions.keep_lines(doc._table.lines)
        doc.version = params.text_document.version
        return warnings


def apply_change(text: str, change, encoding: str, warnings: list[str] | None = None,
                 table: LineTable | None = None) -> str:
    """``text`` after one ``TextDocumentContentChangeEvent`` (incremental or whole)."""
    return apply_change_with_table(text, change, encoding, warnings, table)[0]


def apply_change_with_table(text: str, change, encoding: str, warnings: list[str] | None = None,
         table: LineTable | None = None) -> tuple[str, LineTable | None]:
    """``text`` after one change, and its line table (moved from ``table``'s when the change
    has a range; None for a whole new text, whose table is built when asked for)."""
    range_ = getattr(change, "range", None)
    if range_ is None:
        return change.text, None
    if table is None or table.text is not text:
        table = LineTable(text, encoding)
    if warnings is not None and not (table.in_range(range_.start) and table.in_range(range_.end)):
        warnings.append(
            f"edit range {range_.start.line}:{range_.start.character}-"
            f"{range_.end.line}:{range_.end.character} is outside the document; clamped"
        )
    start, end = table.span(range_)
    new = "".join((text[:start], change.text, text[end:]))  # (one copy fewer than a + b + c)
    return new, table.edited(start, end, change.text, new)
