"""The long-running fuzzer's command line: a clear message without atheris, findings not tracked."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(importlib.util.find_spec("atheris") is not None, reason="atheris is installed here")
def test_atheris_missing_is_a_clear_message_not_a_traceback():
    proc = subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_figcheck.py"), "--atheris", "--target", "readers",
                           "--", "-max_total_time=1"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "--atheris needs atheris" in proc.stderr and "pip install atheris" in proc.stderr


def test_findings_are_ignored_by_git():
    proc = subprocess.run(["git", "check-ignore", "-q", "--no-index", "fuzz/findings/slow-0123456789ab.bin"],
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, "fuzz/findings/ is not in .gitignore"
