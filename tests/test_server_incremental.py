"""The language server across edits: a document's analysis after each change (line table moved,
claims and rule work reused, LSP diagnostics kept where unmoved) equals a fresh one."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from figcheck.config import Settings
from figcheck.extract.incremental import ParagraphCache
from figcheck_lsp.app import FigcheckServer
from figcheck_lsp.diagnostics import Snapshot, analyze, publish_params_json
from figcheck_lsp.documents import DocumentStore
from figcheck_lsp.positions import LineTable

URI = "file:///tmp/held.txt"
TEXT = "\n\n".join([
    "The rebels gathered a force of some 8,000 fighters outside the city.",
    "The road is 5 km (30 miles) long and 8 km (4 kg) wide.",
    "Later the same force of about 18,000 fighters crossed the river.",
    "Nothing here.", "It is 12 km (7.5 miles) away, see 5 km (30 miles).",
])
PIECES = ["x", " ", "\n", "\n\n", "é", "🏔", " 5 km (30 miles)", " about 18,000 fighters", ""]


def snapshot(doc, held: bool) -> Snapshot:
    if not held:
        return Snapshot(URI, doc.version, doc.text, doc.format, None, ParagraphCache(), Settings(), 0)
    return Snapshot(URI, doc.version, doc.text, doc.format, None, doc.cache, Settings(), 0,
                    table=doc.cached_table(), held=doc.held, previous=doc.analysis)


def change(store: DocumentStore, doc, version: int, at: float, length: int, text: str) -> None:
    table = doc.cached_table() or LineTable(doc.text)
    start = int(at * len(doc.text))
    end = min(len(doc.text), start + length)
    store.change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=URI, version=version),
        [types.TextDocumentContentChangePartial(
            range=types.Range(table.position(start), table.position(end)), text=text)]), "utf-16")


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(PIECES)),
                min_size=1, max_size=10))
def test_each_analysis_after_an_edit_equals_a_fresh_one(edits):
    store = DocumentStore()
    doc = store.open(types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=TEXT))
    doc.analysis = analyze(snapshot(doc, True))
    for version, (at, length, text) in enumerate(edits, start=2):
        change(store, doc, version, at, length, text)
        assert doc.cached_table().lines.starts == LineTable(doc.text).lines.starts
        doc.analysis = analyze(snapshot(doc, True))
        assert doc.analysis.lsp == analyze(snapshot(doc, False)).lsp
        assert json.loads(publish_params_json(doc.analysis)) == pygls_json(doc.analysis)


def pygls_json(analysis) -> dict:
    """The params of the analysis's publishDiagnostics as pygls serialises them."""
    params = types.PublishDiagnosticsParams(uri=analysis.uri, diagnostics=analysis.lsp, version=analysis.version)
    return json.loads(json.dumps(params, default=FigcheckServer().protocol._serialize_message))


def test_an_edit_keeps_the_lsp_parts_of_diagnostics_it_did_not_move():
    store = DocumentStore()
    doc = store.open(types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=TEXT))
    first = doc.analysis = analyze(snapshot(doc, True))
    change(store, doc, 2, TEXT.index("Nothing") / len(TEXT), 0, "x")
    second = analyze(snapshot(doc, True))
    assert len(first.lsp) == len(second.lsp) > 2
    assert all(a.range is b.range and a.data["version"] == 1 and b.data["version"] == 2
               for a, b in zip(first.lsp, second.lsp))


def test_the_published_json_is_pygls_s_for_every_kind_of_diagnostic():
    # fixes, related places, no version, a document too large to check (no data)
    for version, text, size in ((1, TEXT, None), (None, TEXT, None), (3, TEXT * 3, 100)):
        config = Settings() if size is None else Settings(max_file_size=size)
        analysis = analyze(Snapshot(URI, version, text, "text", None, ParagraphCache(), config, 0))
        assert analysis.lsp and json.loads(publish_params_json(analysis)) == pygls_json(analysis)


def test_a_long_document_s_edits_move_its_lines_and_paragraphs_from_the_shared_versions():
    """A document long enough for its TextVersions to keep what was read of it: the extraction
    cache, the held check and the line table share the document's one TextVersions, so a
    keystroke reads neither the lines nor the paragraphs of the whole text afresh (the check's
    line index is the table's), and each analysis still equals a fresh one."""
    import figcheck.text.lines as lines_module

    long_text = "\n\n".join(f"{TEXT} Part {k}." for k in range(KEPT_COPIES))
    assert len(long_text) >= lines_module.KEPT_SIZE
    store = DocumentStore()
    doc = store.open(types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=long_text))
    assert doc.cache.versions is doc.held.versions is doc.versions
    doc.analysis = analyze(snapshot(doc, True))
    doc.remember(doc.analysis.table)  # (as the server does)
    fresh_reads = []
    line_starts, starts_of = lines_module._line_starts, lines_module.paragraph_starts

    def counted(read):
        def counting(text):
            fresh_reads.append(len(text)) if len(text) >= lines_module.KEPT_SIZE else None
            return read(text)
        return counting

    for version, (at, length, piece) in enumerate([(0.5, 0, "x"), (0.25, 3, " 5 km (30 miles)"), (0.75, 0, "\n\n")], 2):
        lines_module._line_starts, lines_module.paragraph_starts = counted(line_starts), counted(starts_of)
        try:
            change(store, doc, version, at, length, piece)
            doc.analysis = analyze(snapshot(doc, True))
            doc.remember(doc.analysis.table)
        finally:
            lines_module._line_starts, lines_module.paragraph_starts = line_starts, starts_of
        assert fresh_reads == []
        assert doc.versions.known_lines(doc.text) is doc.cached_table().lines
        assert doc.analysis.lsp == analyze(snapshot(doc, False)).lsp


KEPT_COPIES = 400
