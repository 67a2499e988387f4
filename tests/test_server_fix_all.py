"""The editor's fix-all and ``figcheck check --fix`` are one behaviour (issue #17): on every
fixture, the fix-all code action (``unsafeFixes`` on) leaves the same text as
``figcheck check --fix --unsafe-fixes``, and (off) as ``figcheck check --fix``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from figcheck.config import Settings
from figcheck.text import format_for_path
from figcheck_lsp.actions import fix_all
from figcheck_lsp.diagnostics import Snapshot, analyze
from figcheck_lsp.documents import ParagraphCache, apply_change

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures").rglob("*") if p.is_file())


def _cli_fixed(path: Path, tmp_path: Path, unsafe: bool) -> str:
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    flags = ["--fix", "--unsafe-fixes"] if unsafe else ["--fix"]
    subprocess.run([sys.executable, "-m", "figcheck", "check", "--no-config", "--quiet", *flags, str(copy)],
                   capture_output=True, check=False, cwd=tmp_path)
    return copy.read_bytes().decode("utf-8")


def _editor_fixed(path: Path, unsafe: bool) -> str:
    text = path.read_bytes().decode("utf-8")
    uri = path.as_uri()
    snap = Snapshot(uri, 1, text, format_for_path(str(path)), None, ParagraphCache(), Settings(), 0)
    action = fix_all(uri, analyze(snap), versioned=False, unsafe=unsafe)
    if action is None:
        return text
    for edit in action.edit.changes[uri]:
        text = apply_change(text, types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text),
                            "utf-16")
    return text


@pytest.mark.parametrize("unsafe", [True, False], ids=["unsafe", "safe"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fix_all_matches_check_fix(path, unsafe, tmp_path):
    assert _editor_fixed(path, unsafe) == _cli_fixed(path, tmp_path, unsafe)


def test_the_fixtures_have_fixes_to_apply():
    # Otherwise the comparison above would hold trivially.
    changed = [p for p in FIXTURES if _editor_fixed(p, unsafe=True) != p.read_text(encoding="utf-8")]
    assert len(changed) >= 3
