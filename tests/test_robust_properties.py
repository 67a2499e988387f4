"""Property tests for issue #8 (bounded: 200 examples each, no deadline).

- The server's document sync: random incremental edits, positions in UTF-16 (or UTF-8/UTF-32)
  over text with astral characters and every line ending, applied by server/figcheck_lsp/documents.py, equal
  the same edits applied to a plain string by an independent reference; the paragraph cache then
  gives exactly the claims of extracting the whole text afresh.
- Decoding: any bytes either decode or raise a FileError with a kind; what decodes re-encodes to
  the same bytes (so --fix writes back exactly the encoding it read).
- Globs: the bounded-time matcher (figcheck/globs.py) agrees with pathspec's own on every
  pattern and path tried.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from figcheck.extract import extract_claims
from figcheck.io import FileError, decode_bytes
from figcheck_lsp.documents import DocumentStore

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = ["a", "5", " ", "km", "12 kilometres (15 miles)", "\n", "\r\n", "\r", "\n\n", "😀", "é",
          "東", "\u0301", "𝔸", "3 miles", "\t"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
CODEC = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1), "utf-32": ("utf-32-le", 4)}


def _reference_offset(text: str, line: int, character: int, encoding: str) -> int:
    """LSP position → code-point offset, written independently of server/figcheck_lsp/positions.py."""
    lines = re.split(r"(\r\n|\r|\n)", text)  # [content, break, content, break, ..., content]
    contents, breaks = lines[0::2], lines[1::2]
    if line < 0:
        return 0
    if line >= len(contents):
        return len(text)
    start = sum(len(c) for c in contents[:line]) + sum(len(b) for b in breaks[:line])
    codec, width = CODEC[encoding]
    used = 0
    for i, ch in enumerate(contents[line]):
        used += len(ch.encode(codec)) // width
        if used > character:
            return start + i
    return start + len(contents[line])


edit = st.tuples(
    st.integers(-1, 8), st.integers(-2, 40),  # start line, character (some out of range)
    st.integers(-1, 8), st.integers(-2, 40),  # end
    st.sampled_from(["", "x", "\n", "\r\n", "😀", "5 km", "12 kilometres (15 miles)", "\r", "é\n\n"]),
    st.booleans(),  # a whole-document replacement instead
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
@SETTINGS
@given(initial=TEXT, edits=st.lists(edit, max_size=12))
def test_document_sync_matches_a_reference_and_the_cache_matches_extraction(encoding, initial, edits):
    store = DocumentStore()
    uri = "file:///tmp/doc.txt"
    store.open(types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=initial))
    expected = initial
    for version, (l1, c1, l2, c2, new, whole) in enumerate(edits, start=2):
        if whole:
            change = types.TextDocumentContentChangeWholeDocument(text=new)
            expected = new
        else:
            # LSP positions are unsigned: a negative one cannot arrive (the JSON layer refuses it).
            l1, c1, l2, c2 = max(l1, 0), max(c1, 0), max(l2, 0), max(c2, 0)
            rng = types.Range(types.Position(l1, c1), types.Position(l2, c2))
            change = types.TextDocumentContentChangePartial(range=rng, text=new)
            a = _reference_offset(expected, l1, c1, encoding)
            b = _reference_offset(expected, l2, c2, encoding)
            a, b = min(a, b), max(a, b)
            expected = expected[:a] + new + expected[b:]
        store.change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[change]), encoding)
        doc = store.get(uri)
        assert doc.text == expected
        assert doc.version == version
        assert doc.cache.claims(doc.text) == extract_claims(doc.text)


@SETTINGS
@given(data=st.one_of(
    st.binary(max_size=64),
    st.text(max_size=40).map(lambda t: t.encode("utf-8")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]),
              st.binary(max_size=40)).map(b"".join),
))
def test_any_bytes_decode_or_fail_with_a_kind_and_round_trip(data: bytes):
    try:
        text, encoding, bom = decode_bytes(data)
    except FileError as exc:
        assert exc.kind in ("binary", "decode") and exc.message
        return
    assert bom + text.encode(encoding) == data


GLOB = st.lists(st.sampled_from(["*", "**", "?", "a", "b", ".", "/", "[ab]", "!", "x*y", "\\*"]),
                min_size=1, max_size=8).map("".join)
PATH = st.lists(st.sampled_from(["a", "b", "ab", "x", "y", "/", ".", "xay", "*"]), min_size=1,
                max_size=10).map("".join).filter(lambda p: not p.startswith("/") and "//" not in p)


@SETTINGS
@given(patterns=st.lists(GLOB, min_size=1, max_size=4), paths=st.lists(PATH, min_size=1, max_size=6))
def test_bounded_glob_matcher_agrees_with_pathspec(patterns, paths):
    import pathspec

    from figcheck.globs import gitignore_spec

    from figcheck.globs import is_valid

    ours = gitignore_spec(tuple(patterns))  # never raises: invalid lines are skipped, as git does
    theirs = pathspec.GitIgnoreSpec.from_lines([p for p in patterns if is_valid(p)])
    for path in paths:
        assert ours.match_file(path) == theirs.match_file(path), (patterns, path)
        assert ours.check_file(path).include == theirs.check_file(path).include, (patterns, path)
