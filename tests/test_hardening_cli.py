"""Issue #19 through the command line: no write outside what was asked, no request anywhere
unasked, every bad entry a per-file error, nothing a document or a file name holds obeyed by
the terminal.

Tests run as root here. Where a test needs "another user", :func:`as_other_user` runs figcheck
in a child that first imports and warms up everything it needs, then drops its file-system
identity to ``nobody`` with ``setfsuid`` (which also drops root's permission to override file
modes): from then on every open, stat, rename and chown is checked as for that user.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from tests.test_robust_files import MISMATCH, files_of, run

NOBODY = 65534
FIXED = "The embankment runs for 12 kilometres (7.5 miles).\n"

_AS_OTHER = r"""
import contextlib, ctypes, io, sys
from figcheck import cli, units, engine, runner, fixes, discovery, remote  # noqa: F401
from figcheck.report import full, concise, json, jsonl, sarif, github, human  # noqa: F401
units.registry()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    for fmt in ("full", "json"):  # every import the run will need, done while we may read them
        cli.main(["check", "--no-config", "--fix", "--format", fmt, sys.argv[1]])
libc = ctypes.CDLL(None, use_errno=True)
if libc.setfsgid(%d) < 0 or libc.setfsuid(%d) < 0:
    raise SystemExit("setfsuid failed")
sys.exit(cli.main(sys.argv[2:]))
""" % (NOBODY, NOBODY)


@pytest.fixture
def shared(tmp_path: Path):
    """A directory another user may enter (pytest's own tmp_path is private to root)."""
    root = Path(tempfile.mkdtemp(prefix="figcheck-harden-"))
    os.chmod(root, 0o777)
    (root / "warm.txt").write_text(MISMATCH)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def as_other_user(shared: Path, *args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    proc = subprocess.run([sys.executable, "-c", _AS_OTHER, str(shared / "warm.txt"), *map(str, args)],
                          cwd=cwd or shared, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in proc.err, proc.err
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.err)
    return proc


# --- 1. symbolic links ------------------------------------------------------------------------
def test_a_walk_skips_links_out_of_its_root_and_never_fixes_through_a_link(tmp_path: Path):
    outside = tmp_path / "outside.txt"
    outside.write_text(MISMATCH)
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.txt").write_text(MISMATCH)
    (root / "escape.txt").symlink_to(outside)
    (root / "data.dat").write_text(MISMATCH)  # not walked (.dat), reachable only by the link
    (root / "inner.txt").symlink_to("data.dat")
    proc = run("check", "--no-config", "--fix", "--format", "json", root)
    assert outside.read_text() == MISMATCH  # not written, not read
    assert "escape.txt: a symbolic link to" in proc.err and "outside" in proc.err
    files = files_of(proc)
    assert str(root / "escape.txt") not in files
    assert (root / "a.txt").read_text() == FIXED
    inner = files[str(root / "inner.txt")]
    assert inner["error"]["kind"] == "symlink" and len(inner["diagnostics"]) == 1
    assert (root / "data.dat").read_text() == MISMATCH and (root / "inner.txt").is_symlink()
    assert proc.returncode == 2
    # Named on the command line, a link is the user's choice: it is fixed through.
    run("check", "--no-config", "--fix", root / "inner.txt")
    assert (root / "data.dat").read_text() == FIXED


# --- 2. files the user may not write -----------------------------------------------------------
def test_fix_refuses_a_read_only_file(tmp_path: Path):
    target = tmp_path / "a.txt"
    target.write_text(MISMATCH)
    target.chmod(0o444)
    proc = run("check", "--no-config", "--fix", "--format", "json", target)
    entry = files_of(proc)[str(target)]
    assert entry["error"]["kind"] == "permission" and "read-only" in entry["error"]["message"]
    assert len(entry["diagnostics"]) == 1  # still reported
    assert target.read_text() == MISMATCH and target.stat().st_mode & 0o777 == 0o444
    assert proc.returncode == 2


def test_fix_refuses_a_file_another_user_owns(shared: Path):
    work = shared / "work"
    work.mkdir()
    work.chmod(0o777)  # the directory is writable by anyone: only the files' owner protects them
    theirs = work / "theirs.txt"
    theirs.write_text(MISMATCH)
    theirs.chmod(0o644)
    shared_file = work / "open.txt"  # writable by anyone, but root's: the owner cannot be kept
    shared_file.write_text(MISMATCH)
    shared_file.chmod(0o666)
    proc = as_other_user(shared, "check", "--no-config", "--fix", "--format", "json", work)
    files = files_of(proc)
    assert files[str(work / "theirs.txt")]["error"]["kind"] == "permission"
    assert files[str(work / "open.txt")]["error"]["kind"] == "permission"
    assert "another user" in files[str(work / "open.txt")]["error"]["message"]
    for path in (theirs, shared_file):
        assert path.read_text() == MISMATCH and path.stat().st_uid == 0
    assert sorted(p.name for p in work.iterdir()) == ["open.txt", "theirs.txt"]  # no temp left


# --- 3. URLs in a list --------------------------------------------------------------------------
@pytest.fixture
def listener():
    """A TCP port that records whether anyone connected, and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    connections: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connections.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    for conn in connections:
        conn.close()
    server.close()


def test_urls_in_a_list_need_their_scheme_allowed(tmp_path: Path, listener):
    port, connections = listener
    local = tmp_path / "local.txt"
    local.write_text(MISMATCH)
    manifest = tmp_path / "list.txt"
    manifest.write_text(f"ftp://127.0.0.1:{port}/a.txt\nhttp://127.0.0.1:{port}/b.txt\n"
                        f"simplecache::ftp://127.0.0.1:{port}/c.txt\n{local.as_uri()}\n")
    proc = run("check", "--no-config", "--format", "json", "--files-from", manifest)
    files = files_of(proc)
    for url in manifest.read_text().split()[:3]:
        assert files[url]["error"]["kind"] == "unsupported"
        assert "not allowed" in files[url]["error"]["message"] and "--allow-url-scheme" in files[url]["error"]["message"]
    assert len(files[local.as_uri()]["diagnostics"]) == 1  # file:// is read, as a local path
    assert connections == []  # nothing was asked of the port


def test_a_silent_server_costs_the_time_limit_and_remote_text_is_not_echoed(listener, monkeypatch):
    fsspec = pytest.importorskip("fsspec")
    from figcheck.io import FileError
    from figcheck.remote import read_url

    port, connections = listener
    with pytest.raises(FileError) as caught:
        read_url(f"ftp://127.0.0.1:{port}/a.txt", 1000, timeout=0.5)
    assert caught.value.kind == "timeout" and connections
    # figcheck's limit, not fsspec's own 30 s one (an FTP filesystem connects as it is made)
    assert "within 0.5 s" in caught.value.message

    class Chatty(fsspec.AbstractFileSystem):
        protocol = "figchecktest"

        def _open(self, path, mode="rb", **kwargs):
            raise {"eof": EOFError("SECRET banner"), "slow": TimeoutError("SECRET"),
                   "perm": RuntimeError("530 SECRET login incorrect")}[path.rsplit("/", 1)[-1]]

    fsspec.register_implementation("figchecktest", Chatty, clobber=True)
    kinds = {}
    for name in ("eof", "slow", "perm"):
        with pytest.raises(FileError) as caught:
            read_url(f"figchecktest://host/{name}", 1000)
        assert "SECRET" not in caught.value.message and "internal" not in caught.value.message
        kinds[name] = caught.value.kind
    assert kinds == {"eof": "io", "slow": "timeout", "perm": "io"}


def test_a_file_url_to_a_fifo_is_refused_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    manifest = tmp_path / "list.txt"
    manifest.write_text(fifo.as_uri() + "\n")
    proc = run("check", "--no-config", "--format", "json", "--files-from", manifest, timeout=60)
    assert files_of(proc)[fifo.as_uri()]["error"]["kind"] == "not-a-file"


def test_remote_read_errors_are_per_file_io_errors(tmp_path: Path):
    pytest.importorskip("fsspec")
    manifest = tmp_path / "list.txt"
    missing = f"simplecache::{(tmp_path / 'missing.txt').as_uri()}"
    manifest.write_text(missing + "\n")
    proc = run("check", "--no-config", "--format", "json", "--allow-url-scheme", "simplecache",
               "--files-from", manifest)
    error = files_of(proc)[missing]["error"]
    assert error["kind"] in ("not-found", "io") and "internal" not in error["message"]


# --- 4. terminal escapes ------------------------------------------------------------------------
def test_control_characters_reach_the_terminal_shown_not_obeyed(tmp_path: Path):
    name = "evil\x1b]0;pwned\x07.txt"
    (tmp_path / name).write_text("The \x1b[2Jembankment runs for 12 kilometres (15 miles).\u202e\n")
    for fmt in ("full", "concise"):
        proc = run("check", "--no-config", "--color", "never", "--format", fmt, tmp_path / name)
        assert proc.returncode == 1
        assert not any(ch in proc.out + proc.err for ch in "\x1b\x07\u202e"), fmt
        assert "evil␛]0;pwned␇.txt" in proc.out, fmt
        assert fmt == "concise" or "\\u202e" in proc.out  # the source line is shown in full
    proc = run("check", "--no-config", "--color", "always", "--format", "full", tmp_path / name)
    assert "\x1b]" not in proc.out and "\x1b[2J" not in proc.out  # colour codes only: ESC [ … m


# --- 6. file names that are not UTF-8 ------------------------------------------------------------
def test_file_names_that_are_not_utf8_keep_every_output_valid(tmp_path: Path):
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9-\xff.txt"
    with open(raw, "w") as handle:
        handle.write(MISMATCH)
    for fmt in ("json", "jsonl", "sarif"):
        proc = run("check", "--no-config", "--format", fmt, tmp_path)
        assert proc.returncode == 1
        proc.stdout.decode("utf-8")  # valid UTF-8 throughout
        if fmt == "sarif":
            uri = json.loads(proc.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.endswith("caf%E9-%FF.txt")
            continue
        entries = [json.loads(line) for line in proc.stdout.splitlines()] if fmt == "jsonl" else \
            json.loads(proc.stdout)["files"]
        assert [os.fsencode(e["path"]) for e in entries] == [raw]  # lossless
        assert "\\udce9" in proc.stdout.decode()


# --- 7, 16, 17: bad entries are per-file errors -------------------------------------------------
def test_bad_list_entries_are_per_file_errors_and_the_rest_is_checked(tmp_path: Path):
    (tmp_path / "good.txt").write_text(MISMATCH)
    (tmp_path / "-").write_text(MISMATCH)
    long_name = "x" * 300 + ".txt"
    manifest = tmp_path / "list.txt"
    manifest.write_bytes(f"{long_name}\nbad\x00name.txt\n-\ngood.txt\n".encode())
    proc = run("check", "--no-config", "--format", "json", "--fix", "--files-from", manifest, cwd=tmp_path)
    files = files_of(proc)
    assert files[long_name]["error"]["kind"] == "invalid-path"
    assert files["bad\x00name.txt"]["error"]["kind"] == "invalid-path"
    assert files["-"]["error"] is None and files["-"]["fixed"] == 1  # a file named "-", not stdin
    assert (tmp_path / "-").read_text() == FIXED and (tmp_path / "good.txt").read_text() == FIXED
    assert proc.returncode == 2


def test_unreadable_directories_and_their_entries_are_per_file_errors(shared: Path):
    tree = shared / "tree"
    (tree / "closed").mkdir(parents=True)
    (tree / "a.txt").write_text(MISMATCH)
    (tree / "closed" / "b.txt").write_text(MISMATCH)
    tree.chmod(0o755)
    (tree / "closed").chmod(0o700)  # root's: nobody may list or enter it
    (shared / "list.txt").write_text(f"{tree / 'closed' / 'b.txt'}\n{tree / 'a.txt'}\n")
    proc = as_other_user(shared, "check", "--no-config", "--format", "json", tree)
    files = files_of(proc)
    assert files[str(tree / "closed")]["error"]["kind"] == "permission"
    assert "cannot read this directory" in files[str(tree / "closed")]["error"]["message"]
    assert len(files[str(tree / "a.txt")]["diagnostics"]) == 1 and proc.returncode == 2
    listed = as_other_user(shared, "check", "--no-config", "--format", "json", "--files-from",
                           shared / "list.txt")
    files = files_of(listed)
    assert files[str(tree / "closed" / "b.txt")]["error"]["kind"] == "permission"
    assert len(files[str(tree / "a.txt")]["diagnostics"]) == 1
    # 21: a named file in a directory nobody may enter is "permission denied", not "no such file".
    named = as_other_user(shared, "check", "--no-config", "--format", "json", tree / "closed" / "b.txt")
    assert files_of(named)[str(tree / "closed" / "b.txt")]["error"]["kind"] == "permission"
    assert "no such file" not in named.err


def test_a_directory_that_may_be_listed_but_not_entered(shared: Path):
    tree = shared / "listed"
    tree.mkdir()
    (tree / "a.txt").write_text(MISMATCH)
    tree.chmod(0o744)  # names visible to nobody, nothing inside reachable (git-root lookup too)
    proc = as_other_user(shared, "check", "--no-config", "--format", "json", tree)
    assert proc.returncode == 2
    assert all(f["error"]["kind"] == "permission" for f in files_of(proc).values())


def test_config_given_a_directory_says_so(tmp_path: Path):
    proc = run("check", "--config", tmp_path, tmp_path)
    assert proc.returncode == 2 and "is a directory" in proc.err and "no such file" not in proc.err


# --- 8. server options --------------------------------------------------------------------------
def test_server_log_level_is_checked():
    proc = run("server", "--log-level", "bogus", timeout=60)
    assert proc.returncode == 2 and "--log-level" in proc.err and "bogus" in proc.err.lower()


# --- 18. one file, two names --------------------------------------------------------------------
def test_fix_writes_each_file_once_however_many_names_reach_it(tmp_path: Path):
    names = []
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(MISMATCH)
        (tmp_path / f"l{i}.md").symlink_to(f"f{i}.txt")
        names += [tmp_path / f"f{i}.txt", tmp_path / f"l{i}.md"]
    manifest = tmp_path / "list.txt"
    manifest.write_text("".join(f"{n}\n{n}\n" for n in names))
    proc = run("check", "--no-config", "--fix", "--jobs", "2", "--format", "json", *names,
               "--files-from", manifest)
    assert proc.returncode == 0, proc.out
    assert len(files_of(proc)) == 6
    assert all((tmp_path / f"f{i}.txt").read_text() == FIXED for i in range(6))


# --- 20. the temporary file cannot be created ---------------------------------------------------
def test_a_fix_that_cannot_be_written_keeps_its_warnings(shared: Path):
    work = shared / "ro-dir"
    work.mkdir()
    (work / "a.txt").write_text(MISMATCH)
    (work / "a.txt").chmod(0o666)
    work.chmod(0o755)  # nobody may write the file but not create a file beside it
    proc = as_other_user(shared, "check", "--no-config", "--fix", work / "a.txt")
    assert proc.returncode == 2
    assert "cannot create a temporary file" in proc.err
    assert "1 warning remaining" in proc.out and "nothing remaining" not in proc.out
    assert (work / "a.txt").read_text() == MISMATCH


# --- issue 15: --jobs is capped at the work there is ------------------------------------------
def test_jobs_start_no_more_workers_than_there_are_chunks(tmp_path: Path, monkeypatch):
    import concurrent.futures

    from figcheck import runner
    from figcheck.config import Settings
    from figcheck.config_files import Resolved
    from figcheck.discovery import Job

    started = []

    class Recording(concurrent.futures.ThreadPoolExecutor):  # threads: same contract, no fork
        def __init__(self, max_workers=None, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers=max_workers)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    resolved = Resolved(Settings(), tmp_path, None)
    jobs = []
    for i in range(4):
        (tmp_path / f"f{i}.txt").write_text(MISMATCH)
        jobs.append(Job(f"f{i}.txt", str(tmp_path / f"f{i}.txt"), resolved))
    results = list(runner.run_all(jobs, runner.RunOptions(), workers=256))
    assert started == [4] and [len(r.diagnostics) for r in results] == [1, 1, 1, 1]
