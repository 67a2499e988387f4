"""Fix application and atomic writes (figcheck.fixes), and reading files (figcheck.io)."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figcheck.fixes import apply_fixes, choose_fixes, fix_until_stable, unified_diff, write_atomic
from figcheck.io import FileError, decode_bytes, newline_style, read_source, source_from_bytes
from figcheck.model import Diagnostic, Edit, Fix


def diag(start: int, end: int, fix: Fix | None) -> Diagnostic:
    return Diagnostic("FC202", "unit-mixup", "warning", "m", start, end, fix=fix)


def replace(start: int, end: int, new: str, applicability="safe", message=None) -> Fix:
    return Fix(message or f"replace {start}-{end}", applicability, (Edit(start, end, new),))


# ------------------------------------------------------------------------------- choosing


def test_unsafe_fixes_need_permission():
    d = [diag(0, 1, replace(0, 1, "x", "unsafe"))]
    assert choose_fixes(d, unsafe=False) == []
    assert len(choose_fixes(d, unsafe=True)) == 1


def test_overlapping_fixes_apply_one_the_rest_next_pass():
    a, b = replace(0, 5, "A"), replace(3, 8, "B")
    assert choose_fixes([diag(0, 5, a), diag(3, 8, b)], unsafe=False) == [a]


def test_a_fix_applies_whole_or_not_at_all():
    two = Fix("two edits", "safe", (Edit(0, 1, "x"), Edit(10, 11, "y")))
    blocker = replace(9, 12, "z", message="a blocker")
    chosen = choose_fixes([diag(0, 1, two), diag(9, 12, blocker)], unsafe=False)
    assert chosen == [two]


def test_identical_fixes_from_two_diagnostics_apply_once():
    fix = replace(0, 3, "abc")
    assert choose_fixes([diag(0, 3, fix), diag(0, 3, fix)], unsafe=False) == [fix]


def test_apply_from_the_end_keeps_offsets_valid():
    text = "one two three"
    fixes = [replace(0, 3, "1"), replace(4, 7, "2"), replace(8, 13, "3")]
    assert apply_fixes(text, fixes) == "1 2 3"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_inserted_newlines_follow_the_file(newline):
    text = f"a{newline}b{newline}"
    assert apply_fixes(text, [replace(1, 1, "\nx")]) == f"a{newline}x{newline}b{newline}"


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.text(max_size=4)), max_size=8))
def test_chosen_fixes_never_overlap(raw):
    text = "x" * 50
    diagnostics = [diag(s, s + n, replace(s, s + n, new)) for s, n, new in raw]
    chosen = choose_fixes(diagnostics, unsafe=True)
    edits = sorted((e for f in chosen for e in f.edits), key=lambda e: e.start)
    for left, right in zip(edits, edits[1:]):
        assert left.end <= right.start
        assert left.end < right.start or (left.start < left.end and right.start < right.end)
    apply_fixes(text, chosen)  # never raises


def test_fix_until_stable_rechecks_after_each_pass():
    # A checker that wants every "mi" to become "km": each pass can only fix what it sees.
    def check(text: str) -> list[Diagnostic]:
        i = text.find("mi")
        return [] if i < 0 else [diag(i, i + 2, replace(i, i + 2, "km"))]

    outcome = fix_until_stable("5 mi, 6 mi", check, unsafe=False)
    assert outcome.text == "5 km, 6 km"
    assert outcome.fixed == 2
    assert outcome.diagnostics == []


def test_fix_until_stable_stops_when_fixes_fight():
    def check(text: str) -> list[Diagnostic]:
        return [diag(0, 1, replace(0, 1, "b" if text[0] == "a" else "a"))]

    outcome = fix_until_stable("a", check, unsafe=False)
    assert outcome.fixed <= 4  # bounded, whatever the rules do


def test_unified_diff_names_both_sides():
    diff = unified_diff("doc.md", "a\nb\n", "a\nc\n")
    assert diff.startswith("--- a/doc.md\n+++ b/doc.md\n")
    assert "-b\n+c\n" in diff


def test_unified_diff_marks_a_missing_final_newline():
    assert "\\ No newline at end of file" in unified_diff("d", "a", "b")


# --------------------------------------------------------------------------------- writing


@pytest.mark.parametrize(
    "raw",
    [
        b"5 miles\r\nnext\r\n",
        codecs.BOM_UTF8 + b"5 miles\nnext\n",
        codecs.BOM_UTF16_LE + "5 miles\rnext\r".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "5 miles\nnext".encode("utf-16-be"),
    ],
)
def test_write_keeps_encoding_bom_and_newlines(tmp_path, raw):
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    source = read_source(str(path), 10_000)
    new_text = apply_fixes(source.text, [replace(2, 7, "km")])
    write_atomic(str(path), new_text, source)
    expected = raw.replace(b"miles", b"km") if b"miles" in raw else source.encode(new_text)
    assert path.read_bytes() == expected
    assert decode_bytes(path.read_bytes())[0] == new_text


def test_write_keeps_permissions_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("5 miles\n")
    os.chmod(path, 0o640)
    source = read_source(str(path), 10_000)
    write_atomic(str(path), "5 km\n", source)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["doc.md"]


def test_write_goes_through_a_symlink(tmp_path):
    target = tmp_path / "real.md"
    target.write_text("5 miles\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(str(link), "5 km\n", read_source(str(link), 10_000))
    assert link.is_symlink()
    assert target.read_text() == "5 km\n"


def test_write_refuses_when_the_file_changed_meanwhile(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("5 miles\n")
    source = read_source(str(path), 10_000)
    path.write_text("5 miles, edited\n")
    with pytest.raises(FileError) as info:
        write_atomic(str(path), "5 km\n", source)
    assert info.value.kind == "changed-on-disk"
    assert path.read_text() == "5 miles, edited\n"


def test_write_refuses_same_size_change_with_restored_mtime(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("5 miles\n")
    source = read_source(str(path), 10_000)
    before = path.stat()
    path.write_text("6 miles\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # only the hash can tell
    with pytest.raises(FileError):
        write_atomic(str(path), "5 km\n", source)


# --------------------------------------------------------------------------------- reading


def test_decode_utf8_with_and_without_bom():
    assert decode_bytes("5 km²".encode()) == ("5 km²", "utf-8", b"")
    assert decode_bytes(codecs.BOM_UTF8 + b"x") == ("x", "utf-8", codecs.BOM_UTF8)


def test_decode_utf16_and_utf32_need_a_bom():
    assert decode_bytes(codecs.BOM_UTF16_LE + "hé".encode("utf-16-le"))[0] == "hé"
    assert decode_bytes(codecs.BOM_UTF32_LE + "hé".encode("utf-32-le"))[0] == "hé"
    with pytest.raises(FileError) as info:
        decode_bytes("hé".encode("utf-16-le"))
    assert info.value.kind == "binary"


def test_invalid_utf8_names_the_byte_offset_and_line():
    with pytest.raises(FileError) as info:
        decode_bytes(b"ok\nalso ok\ncaf\xe9\n")
    assert info.value.kind == "decode"
    assert "byte offset 14" in info.value.message
    assert "line 3" in info.value.message


def test_read_errors_are_file_errors(tmp_path):
    with pytest.raises(FileError) as missing:
        read_source(str(tmp_path / "nope.md"), 100)
    assert missing.value.kind == "not-found"
    with pytest.raises(FileError) as directory:
        read_source(str(tmp_path), 100)
    assert directory.value.kind == "is-directory"
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileError) as too_large:
        read_source(str(big), 100)
    assert too_large.value.kind == "too-large"
    with pytest.raises(FileError):
        source_from_bytes(b"x" * 101, 100)


@pytest.mark.skipif(not os.path.isfile("/proc/self/status"), reason="needs Linux's /proc")
def test_a_file_longer_than_its_stat_size_is_read_whole():
    # /proc files say they are empty: what comes after the size looked at is read too.
    source = read_source("/proc/self/status", 1_000_000)
    assert source.text.startswith("Name:") and source.text.endswith("\n")
    with pytest.raises(FileError) as info:
        read_source("/proc/self/status", 10)
    assert info.value.kind == "too-large"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.md"
    path.write_text("x")
    os.chmod(path, 0)
    with pytest.raises(FileError) as info:
        read_source(str(path), 100)
    assert info.value.kind == "permission"


@pytest.mark.parametrize("text, expected", [("a\nb", "\n"), ("a\r\nb", "\r\n"), ("a\rb", "\r"), ("ab", "\n"),
                                            ("a\nb\r\n", "\n")])
def test_newline_style(text, expected):
    assert newline_style(text) == expected
