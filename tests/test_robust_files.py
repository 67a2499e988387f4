"""Hostile files through the installed command (issue #8): every file gets a clear result or a
clear per-file error, nothing hangs, the exit status is 0, 1 or 2 as docs/cli.md says, and no
traceback ever reaches the user.

Tests run as root here, so "permission denied" cannot be produced with chmod; a FIFO, a
dangling symlink and a symlink loop are files that open() fails on (or would block on) for
root as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("figcheck")
MISMATCH = "The embankment runs for 12 kilometres (15 miles).\n"  # one FC101, with a safe fix


def run(*args, cwd=None, timeout=60, script=False) -> subprocess.CompletedProcess:
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "figcheck"]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(command + [str(a) for a in args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=env, stdin=subprocess.DEVNULL)
    proc.out = proc.stdout.decode("utf-8", errors="replace")
    proc.err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in proc.err, proc.err
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.err)
    return proc


def files_of(proc) -> dict[str, dict]:
    return {f["path"]: f for f in json.loads(proc.out)["files"]}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    d = tmp_path / "hostile"
    d.mkdir()
    (d / "good.txt").write_text(MISMATCH)
    (d / "binary.txt").write_bytes(b"\x7fELF\x00\x01\x02" + bytes(range(256)))
    (d / "invalid.txt").write_bytes(b"The road is 5 km long.\nBad byte \xff\xfe here.\n")
    (d / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + MISMATCH.encode())
    (d / "bom16le.txt").write_bytes(b"\xff\xfe" + MISMATCH.replace("\n", "\r\n").encode("utf-16-le"))
    (d / "bom16be.txt").write_bytes(b"\xfe\xff" + MISMATCH.encode("utf-16-be"))
    (d / "bad16.txt").write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    (d / "crlf.txt").write_bytes(MISMATCH.replace("\n", "\r\n").encode())
    (d / "cr.txt").write_bytes(("Intro.\r" + MISMATCH.replace("\n", "\r")).encode())
    (d / "empty.txt").write_bytes(b"")
    (d / "nonl.txt").write_bytes(MISMATCH.rstrip("\n").encode())
    os.mkfifo(d / "fifo.txt")  # open() would wait for a writer forever
    (d / "dangling.txt").symlink_to(d / "nowhere")
    (d / "loop1.txt").symlink_to(d / "loop2.txt")
    (d / "loop2.txt").symlink_to(d / "loop1.txt")
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..", target_is_directory=True)  # a directory loop
    (d / "sub" / "x.md").write_text(MISMATCH)
    return d


EXPECTED_ERRORS = {
    "binary.txt": "binary",
    "invalid.txt": "decode",
    "bad16.txt": "decode",
    "fifo.txt": "not-a-file",
    "dangling.txt": "not-found",
    "loop1.txt": "io",
    "loop2.txt": "io",
}
CHECKED = {"good.txt": 1, "bom8.txt": 1, "bom16le.txt": 1, "bom16be.txt": 1, "crlf.txt": 1,
           "cr.txt": 1, "empty.txt": 0, "nonl.txt": 1, os.path.join("sub", "x.md"): 1}


def test_every_hostile_file_gets_a_result_or_a_clear_error(hostile: Path):
    proc = run("check", "--format", "json", "--no-config", ".", cwd=hostile, script=True)
    assert proc.returncode == 2  # some files could not be checked
    files = files_of(proc)
    for name, kind in EXPECTED_ERRORS.items():
        assert files[name]["error"]["kind"] == kind, files[name]
        assert files[name]["error"]["message"]
    for name, count in CHECKED.items():
        assert files[name]["error"] is None, files[name]
        assert len(files[name]["diagnostics"]) == count, (name, files[name]["diagnostics"])
    assert not any(p.startswith(os.path.join("sub", "up")) for p in files)  # the loop is not followed
    assert "invalid UTF-8 at byte offset 32 (line 2)" in files["invalid.txt"]["error"]["message"]


def test_positions_are_the_same_whatever_the_encoding_and_line_endings(hostile: Path):
    proc = run("check", "--format", "json", "--no-config", "good.txt", "bom8.txt", "bom16le.txt",
               "bom16be.txt", "crlf.txt", "nonl.txt", cwd=hostile)
    starts = {p: (f["diagnostics"][0]["start"]["line"], f["diagnostics"][0]["start"]["column"])
              for p, f in files_of(proc).items()}
    assert set(starts.values()) == {(1, 40)}, starts
    cr = files_of(run("check", "--format", "json", "--no-config", "cr.txt", cwd=hostile))["cr.txt"]
    assert cr["diagnostics"][0]["start"]["line"] == 2  # a lone CR ends a line


def test_human_format_names_each_error_and_exits_2(hostile: Path):
    proc = run("check", "--no-config", ".", cwd=hostile)
    assert proc.returncode == 2
    for name in EXPECTED_ERRORS:
        assert f"{name}: " in proc.err, proc.err
    assert "not a regular file" in proc.err
    assert "binary file" in proc.err


@pytest.mark.parametrize("command", ["check", "extract"])
def test_fifo_named_on_the_command_line_does_not_block(hostile: Path, command: str):
    proc = run(command, "--no-config", "fifo.txt", "good.txt", cwd=hostile, timeout=30)
    assert proc.returncode == 2
    assert "fifo.txt: " in proc.err and "not a regular file" in proc.err


def test_fifo_gitignore_does_not_block_the_walk(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    os.mkfifo(tmp_path / "docs" / ".gitignore")
    (tmp_path / "docs" / "a.txt").write_text(MISMATCH)
    proc = run("check", "--format", "json", ".", cwd=tmp_path, timeout=30)
    assert proc.returncode == 1
    assert list(files_of(proc)) == [os.path.join("docs", "a.txt")]


def test_hostile_globs_in_config_and_gitignore_match_in_bounded_time(tmp_path: Path):
    # With re's backtracking, either pattern took minutes against these 200-character names.
    (tmp_path / ".git").mkdir()
    (tmp_path / ".figcheck.toml").write_text('exclude = ["' + "*a" * 12 + '*c"]\n')
    (tmp_path / ".gitignore").write_text("*b" * 12 + "*d\n")
    (tmp_path / "docs").mkdir()
    for letter in "ab":
        (tmp_path / "docs" / (letter * 200 + ".txt")).write_text(MISMATCH)
    proc = run("check", "--format", "json", ".", cwd=tmp_path, timeout=60)
    assert proc.returncode == 1 and len(files_of(proc)) == 2


def test_a_50_mb_file_is_refused_quickly_by_default(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(MISMATCH.encode() * (50_000_000 // len(MISMATCH) + 1))
    (tmp_path / "small.txt").write_text(MISMATCH)
    proc = run("check", "--format", "json", "--no-config", "big.txt", "small.txt", cwd=tmp_path)
    assert proc.returncode == 2
    files = files_of(proc)
    assert files["big.txt"]["error"]["kind"] == "too-large"
    assert "over max-file-size (10,000,000 bytes)" in files["big.txt"]["error"]["message"]
    assert len(files["small.txt"]["diagnostics"]) == 1


def test_a_50_mb_file_with_a_raised_limit_finishes_in_bounded_memory(tmp_path: Path):
    """50 MB of ordinary prose (a figure every few paragraphs): about 5 s and 150 MB here.
    Dense figures cost ~3 s/MB (see docs/reliability.md); that is why the default is 10 MB."""
    paragraph = ("The river runs past old mills and new houses while people walk along its "
                 "banks in spring, and the town council meets on its shore. " * 12 + "\n\n")
    text = (paragraph * 9 + MISMATCH + "\n") * (50_000_000 // (len(paragraph) * 9 + 60) + 1)
    (tmp_path / "big.txt").write_text(text)
    command = [sys.executable, "-c",
               "import resource, subprocess, sys;"
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
               "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
               sys.executable, "-m", "figcheck", "check", "-q", "--format", "concise",
               "--config", "max-file-size = 60000000", "big.txt"]
    out = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    status, max_rss_kb = map(int, out.stdout.split())
    assert status == 1, out.stderr  # it was checked: the mismatches were found
    assert max_rss_kb < 1_500_000, max_rss_kb


def test_a_1_mb_line_without_a_newline(tmp_path: Path):
    """~5 s: 15,000 diagnostics on one line. The full format used to print the whole line for
    each (measured: more than 5 minutes); now it looks at a window around each span."""
    sentence = "The embankment runs for 12 kilometres (15 miles) and it is old. "
    (tmp_path / "line.txt").write_text(sentence * (1_000_000 // len(sentence)))
    (tmp_path / "x.txt").write_text("x" * 1_000_000)
    proc = run("check", "--no-config", "x.txt", "line.txt", cwd=tmp_path, timeout=120)
    assert proc.returncode == 1
    assert proc.out.count("warning[FC101]") == 1_000_000 // len(sentence)
    first_excerpt = proc.out.splitlines()[3]
    assert len(first_excerpt) < 130 and first_excerpt.endswith("…"), first_excerpt


@pytest.mark.slow
def test_a_directory_of_20000_small_files(tmp_path: Path):
    """~10 s: 20,000 files (the benchmark in benchmarks/robust_files.py does 100,000)."""
    root = tmp_path / "many"
    for d in range(20):
        sub = root / f"d{d:02}"
        sub.mkdir(parents=True)
        for i in range(1000):
            body = MISMATCH if i % 100 == 0 else f"Note {i}: nothing to check.\n"
            (sub / f"f{i:04}.txt").write_text(body)
    (root / "d00" / "f0001.txt").write_bytes(b"\xff")
    proc = run("check", "--format", "jsonl", "--no-config", "--jobs", "2", "many", cwd=tmp_path, timeout=120)
    assert proc.returncode == 2
    lines = [json.loads(line) for line in proc.out.splitlines()]
    assert len(lines) == 20_000
    assert sum(1 for f in lines if f["error"]) == 1
    assert sum(len(f["diagnostics"]) for f in lines if not f["error"]) == 200


def test_files_deleted_while_the_run_goes_on(tmp_path: Path):
    root = tmp_path / "docs"
    root.mkdir()
    names = [f"f{i:04}.txt" for i in range(3000)]
    for name in names:
        (root / name).write_text(MISMATCH)
    proc = subprocess.Popen([sys.executable, "-m", "figcheck", "check", "--format", "json", "--no-config",
                             "--jobs", "2", "docs"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)

    def delete() -> None:
        time.sleep(0.3)
        for name in names[1::2]:
            try:
                os.unlink(root / name)
            except FileNotFoundError:
                pass

    deleter = threading.Thread(target=delete)
    deleter.start()
    out, err = proc.communicate(timeout=120)
    deleter.join()
    assert b"Traceback" not in err, err
    assert proc.returncode in (1, 2)
    for entry in json.loads(out)["files"]:
        if entry["error"] is not None:
            assert entry["error"]["kind"] == "not-found", entry
            assert entry["path"].endswith(tuple(names[1::2]))
        else:
            assert len(entry["diagnostics"]) == 1


def test_file_changed_between_read_and_fix_is_left_alone(tmp_path: Path, monkeypatch):
    from figcheck import runner
    from figcheck.config_files import ConfigResolver
    from figcheck.discovery import collect

    path = tmp_path / "a.txt"
    path.write_text(MISMATCH)
    job = collect([str(path)], ConfigResolver(None, False, lambda s: s, tmp_path))[0]
    real_checker = runner._checker

    def checker_that_races(job, *how):
        check = real_checker(job, *how)

        def wrapped(text):
            path.write_text(MISMATCH + "Someone else's edit.\n")  # while we were working
            return check(text)

        return wrapped

    monkeypatch.setattr(runner, "_checker", checker_that_races)
    result = runner.run_job(job, runner.RunOptions(fix=True))
    assert result.error["kind"] == "changed-on-disk"
    assert path.read_text() == MISMATCH + "Someone else's edit.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


@pytest.mark.parametrize("value, message", [
    ("tolerance = -1", "'tolerance' must be a number from 0 to 0.5"),
    ("tolerance = nan", "'tolerance' must be a number from 0 to 0.5"),
    ("tolerance = 'lots'", "'tolerance' must be a number from 0 to 0.5"),
    ("max-file-size = 99999999999999", "'max-file-size' must be a whole number of bytes"),
    ("max-file-size = -1", "'max-file-size' must be a whole number of bytes"),
    ("max-file-size = 1.5", "'max-file-size' must be a whole number of bytes"),
    ("currency-rates = {EUR = inf}", "must be a positive, finite number"),
    ("currency-rates = {EUR = -2}", "must be a positive, finite number"),
    ("select = 5", "'select' must be a list of strings"),
    ("include = [1, 2]", "'include' must be a list of strings"),
    ("severity = {FC101 = 3}", "is not one of error, warning"),
    ("fail-on = []", "is not one of error, warning"),
    ("per-file-ignores = {'x' = [{}]}", "must be a list of strings"),
    ("select = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
])
def test_absurd_configuration_is_refused_clearly(tmp_path: Path, value: str, message: str):
    (tmp_path / "a.txt").write_text(MISMATCH)
    inline = run("check", "--config", value, "a.txt", cwd=tmp_path)
    assert inline.returncode == 2 and message in inline.err, inline.err
    (tmp_path / "pyproject.toml").write_text("[tool.figcheck]\n" + value + "\n")
    found = run("check", "a.txt", cwd=tmp_path)
    assert found.returncode == 2 and message in found.err and "pyproject.toml" in found.err, found.err


def test_deeply_nested_config_file_is_an_error_not_a_crash(tmp_path: Path):
    (tmp_path / ".figcheck.toml").write_text("select = " + "[" * 100_000 + "]" * 100_000 + "\n")
    (tmp_path / "a.txt").write_text(MISMATCH)
    proc = run("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "nested too deeply" in proc.err


def test_configuration_is_data_never_code(tmp_path: Path):
    marker = tmp_path / "pwned"
    (tmp_path / "pyproject.toml").write_text(
        "[build-system]\nrequires = []\n"
        "[tool.figcheck]\n"
        f"select = [\"__import__('os').system('touch {marker}')\"]\n")
    (tmp_path / "a.txt").write_text(MISMATCH)
    proc = run("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown rule selector" in proc.err
    (tmp_path / "pyproject.toml").write_text(f"[tool.figcheck]\ninclude = ['$(touch {marker})', '`touch {marker}`']\n")
    assert run("check", ".", cwd=tmp_path).returncode in (0, 1)
    assert not marker.exists()


@pytest.mark.parametrize("jobs, message", [
    ("1000000000", "at most 256"), ("99999999999999999999999", "at most 256"),
    ("0", "must be 1 or more"), ("-3", "must be 1 or more"), ("many", "is not a whole number"),
])
def test_absurd_jobs_are_refused(tmp_path: Path, jobs: str, message: str):
    (tmp_path / "a.txt").write_text(MISMATCH)
    proc = run("check", "--jobs", jobs, "a.txt", cwd=tmp_path, timeout=30)
    assert proc.returncode == 2 and message in proc.err, proc.err


def test_invalid_gitignore_lines_are_skipped_and_invalid_config_globs_refused(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("!\n\\\nignored.txt\n")  # git skips the first two too
    (tmp_path / "ignored.txt").write_text(MISMATCH)
    (tmp_path / "a.txt").write_text(MISMATCH)
    proc = run("check", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1 and list(files_of(proc)) == ["a.txt"]
    (tmp_path / ".figcheck.toml").write_text('exclude = ["!"]\n')
    refused = run("check", ".", cwd=tmp_path)
    assert refused.returncode == 2 and "'!' is not a valid glob pattern" in refused.err
