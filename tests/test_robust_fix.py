"""``check --fix`` never loses a file (issue #8): killed at any moment, every file is either the
original or the fully fixed version, in its own encoding, byte-order mark, line endings,
permissions and owner.

A SIGKILL cannot be caught, so a temporary file being written at that instant stays behind; it
is hidden, named ``.figcheck-*.tmp`` next to the file, never matched by ``include`` and never
renamed over anything after the kill — harmless, and clearly ours to delete.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

MISMATCH = "The embankment runs for 12 kilometres (15 miles).\n"


def _variants(i: int) -> tuple[str, bytes]:
    """A file name and its bytes: every encoding and line ending figcheck writes back."""
    text = f"Section {i}.\n\n" + MISMATCH + "Nothing else.\n"
    kind = i % 5
    if kind == 0:
        return f"f{i:03}.txt", text.encode()
    if kind == 1:
        return f"f{i:03}.md", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    if kind == 2:
        return f"f{i:03}.txt", b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
    if kind == 3:
        return f"f{i:03}.txt", b"\xfe\xff" + text.replace("\n", "\r").encode("utf-16-be")
    return f"f{i:03}.txt", text.rstrip("\n").encode()  # no final newline


def _write_originals(root: Path, n: int) -> dict[str, bytes]:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    originals = {}
    for i in range(n):
        name, data = _variants(i)
        (root / name).write_bytes(data)
        os.chmod(root / name, 0o640 if i % 2 else 0o604)
        originals[name] = data
    return originals


def _wait_for_first_write(root: Path, originals: dict[str, bytes], proc, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if any((root / name).read_bytes() != data for name, data in originals.items()):
            return
        time.sleep(0.01)


def _fix(root: Path, *extra: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "figcheck", "check", "--fix", "--no-config", "-q",
                             "--format", "concise", *extra, str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)


# One worker runs this module: its module-scoped fixtures are costly to set up twice.
pytestmark = pytest.mark.xdist_group("robust_fix")


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The originals and what an uninterrupted ``--fix`` makes of them."""
    root = tmp_path_factory.mktemp("reference") / "docs"
    originals = _write_originals(root, 100)
    proc = _fix(root)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err  # everything was fixable
    fixed = {name: (root / name).read_bytes() for name in originals}
    return originals, fixed


def test_fix_keeps_encoding_bom_newlines_and_permissions(reference, tmp_path: Path):
    originals, fixed = reference
    for name, before in originals.items():
        after = fixed[name]
        assert after != before, name
        for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
            assert after.startswith(bom) == before.startswith(bom), name
        encoding = "utf-16" if before[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        old, new = before.decode(encoding), after.decode(encoding)
        assert "(7.5 miles)" in new and "(15 miles)" not in new
        for newline in ("\r\n", "\r", "\n"):
            assert old.count(newline) == new.count(newline), (name, newline)
        assert new.replace("7.5", "15") == old  # nothing else changed
    root = tmp_path / "docs"
    _write_originals(root, 10)
    modes = {p.name: p.stat().st_mode for p in root.iterdir()}
    os.chown(root / "f001.md", 12345, 23456)  # someone else's file (we run as root here)
    assert _fix(root).wait(timeout=60) == 0
    assert {p.name: p.stat().st_mode for p in root.iterdir()} == modes
    st = (root / "f001.md").stat()
    assert (st.st_uid, st.st_gid) == (12345, 23456)


def test_fix_through_a_symlink_keeps_the_link(tmp_path: Path):
    (tmp_path / "real.txt").write_text(MISMATCH)
    (tmp_path / "link.txt").symlink_to("real.txt")
    assert _fix(tmp_path / "link.txt").wait(timeout=60) == 0
    assert (tmp_path / "link.txt").is_symlink()
    assert "(7.5 miles)" in (tmp_path / "real.txt").read_text()


def test_killing_fix_at_random_moments_never_leaves_a_half_written_file(reference, tmp_path: Path):
    """~10 s: eight runs of --fix over 100 files, each killed (SIGKILL, workers too) at a random
    moment, then one run to the end."""
    originals, fixed = reference
    root = tmp_path / "docs"
    rng = random.Random(8)
    outcomes = {"original": 0, "fixed": 0}
    for _ in range(8):
        _write_originals(root, len(originals))
        proc = _fix(root, "--jobs", "2", start_new_session=True)
        # Kill soon after the first file is written, however loaded the machine (no fixed sleep).
        _wait_for_first_write(root, originals, proc)
        time.sleep(rng.uniform(0.0, 0.2))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        for path in root.iterdir():
            if path.name.startswith(".figcheck-") and path.name.endswith(".tmp"):
                continue  # written when the kill came; see the module docstring
            data = path.read_bytes()
            assert data in (originals[path.name], fixed[path.name]), path.name
            outcomes["original" if data == originals[path.name] else "fixed"] += 1
        assert {p.name for p in root.iterdir() if not p.name.startswith(".figcheck-")} == set(originals)
    assert outcomes["fixed"] and outcomes["original"], outcomes  # the kills did land mid-run
    # Leftover temporary files are not prose to figcheck, and a run after the kill finishes the job.
    proc = _fix(root)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    for name, data in fixed.items():
        assert (root / name).read_bytes() == data
