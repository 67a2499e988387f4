"""Open documents, their edits, and the paragraph cache that keeps re-checking cheap.

Each open document keeps its text and version (applied here, not by pygls, so that
``server.positions`` is the one place that turns LSP ranges into offsets) and a
:class:`ParagraphCache`: the claims of each prose paragraph, keyed by the paragraph's prose text,
so a keystroke re-reads one paragraph and the rules then run over the cached claims.

The cache relies on one property of the extractor: claims never cross a blank line, so reading a
paragraph alone finds the same claims as reading it inside the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from operator import attrgetter

from lsprotocol import types

from figcheck.model import Claim
from figcheck.text import format_for_language_id

from .positions import LineTable

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n|\r[ \t]*\r")


class Superseded(Exception):
    """Work on a document version that a newer version has replaced."""


class UnknownDocument(KeyError):
    pass


def paragraphs(prose: str) -> Iterable[tuple[int, str]]:
    """(start, text) of each paragraph; the text runs up to the next blank line."""
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(prose):
        yield start, prose[start : m.start()]
        start = m.start()  # the break itself belongs to the next chunk, so nothing is lost
    yield start, prose[start:]


_FIELDS = tuple(f.name for f in fields(Claim))
_GET_FIELDS = attrgetter(*_FIELDS)
_OFFSET_FIELDS = tuple(_FIELDS.index(n) for n in ("start", "end", "unit_start", "unit_end"))
_CONVERTED_FROM = _FIELDS.index("converted_from")


def shift_claim(claim: Claim, delta: int, index_base: int) -> Claim:
    """``claim`` moved by ``delta`` code points, its ``converted_from`` by ``index_base`` claims.

    (Built positionally: this runs for every claim after an edit, and ``dataclasses.replace``
    costs several times more.)
    """
    if delta == 0 and (index_base == 0 or claim.converted_from is None):
        return claim
    values = list(_GET_FIELDS(claim))
    for i in _OFFSET_FIELDS:
        if values[i] is not None:
            values[i] += delta
    if values[_CONVERTED_FROM] is not None:
        values[_CONVERTED_FROM] += index_base
    return Claim(*values)


def _extract_claims(text: str) -> list[Claim]:
    from figcheck.extract import extract_claims  # imported on first use, not at document open

    return extract_claims(text)


@dataclass
class _Entry:
    claims: tuple[Claim, ...]  # relative to the paragraph start, indexes within the paragraph
    start: int = -1  # where this paragraph was last placed ...
    base: int = -1  # ... with how many claims before it ...
    placed: tuple[Claim, ...] = ()  # ... and its claims as placed there


class ParagraphCache:
    """Prose paragraph text → its claims; only paragraphs of the latest run are kept."""

    def __init__(self, extract: Callable[[str], list[Claim]] | None = None) -> None:
        self._extract = extract or _extract_claims
        self._entries: dict[str, _Entry] = {}
        self.misses = 0  # paragraphs read by the extractor (for tests and benchmarks)

    def __len__(self) -> int:
        return len(self._entries)

    def claims(self, prose: str, cancelled: Callable[[], bool] | None = None) -> list[Claim]:
        """Every claim in ``prose`` with document offsets, reading only new paragraphs."""
        old, new, out = self._entries, {}, []
        for start, text in paragraphs(prose):
            entry = new.get(text) or old.get(text)
            if entry is None:
                if cancelled is not None and cancelled():
                    raise Superseded()
                entry = _Entry(tuple(self._extract(text)))
                self.misses += 1
            if entry.start != start or entry.base != len(out):
                placed = tuple(shift_claim(c, start, len(out)) for c in entry.claims)
                entry = _Entry(entry.claims, start, len(out), placed)
            new[text] = entry
            out.extend(entry.placed)
        self._entries = new
        return out


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None
    language_id: str | None
    path: str | None
    format: str
    cache: ParagraphCache = field(default_factory=ParagraphCache)
    analysis: object | None = None  # the latest server.diagnostics.Analysis
    _table: LineTable | None = None  # line starts of ``text``, built once per version

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
            doc.text = apply_change(doc.text, change, encoding, warnings, doc.table(encoding))
        doc.version = params.text_document.version
        return warnings


def apply_change(text: str, change, encoding: str, warnings: list[str] | None = None,
                 table: LineTable | None = None) -> str:
    """``text`` after one ``TextDocumentContentChangeEvent`` (incremental or whole)."""
    range_ = getattr(change, "range", None)
    if range_ is None:
        return change.text
    if table is None or table.text is not text:
        table = LineTable(text, encoding)
    if warnings is not None and not (table.in_range(range_.start) and table.in_range(range_.end)):
        warnings.append(
            f"edit range {range_.start.line}:{range_.start.character}-"
            f"{range_.end.line}:{range_.end.character} is outside the document; clamped"
        )
    start, end = table.span(range_)
    return text[:start] + change.text + text[end:]
