"""``figcheck check --executor dask``: a real LocalCluster (worker processes on 127.0.0.1) must
give exactly what a local run gives, stream jsonl, read --files-from lists (paths and URLs) and
survive a worker killed mid-run without losing or duplicating a file's result."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import distributed  # the test extra installs it (pip install -e '.[test]'): these tests always run
import pytest

from figcheck import cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import document  # noqa: E402

N_FILES = 60
# Known problems, so that diagnostics (FC202, and FC101 with a fix) are compared too.
PROBLEMS = (
    "The army said on Friday that it had retaken almost 3,000 square kilometres of territory in the\n"
    "north over the past week.\n\nFurther on, the general told reporters that his units had "
    'recaptured "around 3,000 square miles"\nsince the operation began.\n\n'
    "The new embankment runs for 12 kilometres (15 miles) along the east bank.\n"
)


def run(*args: str, cwd: Path, stdin: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "figcheck", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=environment, timeout=120)
    proc.out = proc.stdout.decode("utf-8")
    proc.err = proc.stderr.decode("utf-8")
    assert "Traceback" not in proc.err, proc.err
    return proc


def local_cluster(**kwargs):
    return distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                    dashboard_address="127.0.0.1:0", **kwargs)


# One worker runs this module: its module-scoped fixtures are costly to set up twice.
pytestmark = pytest.mark.xdist_group("dask")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 news-like files in two folders, one with its own settings, one file undecodable and
    one with no figure at all."""
    root = tmp_path_factory.mktemp("archive")
    rng = random.Random(9)
    for folder in ("news", "news/features", "letters"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    # Settings found on the client must reach the workers: here FC101 is off, FC2 is an error.
    (root / "letters" / ".figcheck.toml").write_text('ignore = ["FC101"]\n[severity]\nFC202 = "error"\n')
    for i in range(N_FILES - 2):
        folder = ("news", "news/features", "letters")[i % 3]
        suffix = ".md" if i % 4 == 0 else ".txt"
        text = document(rng) + ("\n" + PROBLEMS if i % 5 == 0 else "")
        (root / folder / f"story{i:02d}{suffix}").write_text(text, encoding="utf-8")
    (root / "news" / "latin1.txt").write_bytes("Prices in Zürich rose 5% in 2023.\n".encode("latin-1"))
    (root / "letters" / "clean.txt").write_text("Nothing here is counted or measured.\n")
    return root


@pytest.fixture(scope="module")
def scheduler() -> str:
    with local_cluster() as cluster:
        yield cluster.scheduler_address


def local_and_dask(corpus: Path, scheduler: str, *args: str, stdin: bytes = b""):
    local = run("check", "--no-progress", *args, cwd=corpus, stdin=stdin)
    dask = run("check", "--no-progress", "--executor", "dask", "--scheduler", scheduler, *args,
               cwd=corpus, stdin=stdin)
    return local, dask


@pytest.mark.parametrize("fmt", ["json", "full", "concise", "sarif", "github"])
def test_same_output_as_a_local_run(corpus, scheduler, fmt):
    local, dask = local_and_dask(corpus, scheduler, "--format", fmt, "--color", "never", ".")
    assert dask.returncode == local.returncode == 2  # the undecodable file
    assert dask.out == local.out
    assert dask.err == local.err
    if fmt == "json":
        files = json.loads(dask.out)["files"]
        assert len(files) == N_FILES
        assert sum(bool(f["diagnostics"]) for f in files) >= 12
        letters = [d for f in files if f["path"].startswith("letters") for d in f["diagnostics"]]
        # The folder's own settings, found by the client, applied by the workers.
        assert {d["code"] for d in letters} == {"FC202"} and {d["severity"] for d in letters} == {"error"}


def by_path(jsonl: str) -> dict[str, dict]:
    rows = [json.loads(line) for line in jsonl.splitlines()]
    counts = Counter(row["path"] for row in rows)
    assert all(n == 1 for n in counts.values()), [p for p, n in counts.items() if n > 1]
    return {row["path"]: row for row in rows}


def test_jsonl_streams_each_file_once(corpus, scheduler):
    local, dask = local_and_dask(corpus, scheduler, "--format", "jsonl", ".")
    assert dask.returncode == local.returncode
    assert len(dask.out.splitlines()) == N_FILES
    assert by_path(dask.out) == by_path(local.out)


def test_files_from_stdin_with_paths_and_urls(corpus, scheduler):
    listed = sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*.txt"))[:12]
    urls = [p.as_uri() for p in sorted(corpus.rglob("*.md"))[:5]]
    manifest = "\n".join(["# a comment", *listed, "", *urls, "news/missing.txt",
                          (corpus / "nope.md").as_uri()]) + "\n"
    local, dask = local_and_dask(corpus, scheduler, "--format", "json", "--files-from", "-",
                                 stdin=manifest.encode())
    assert dask.returncode == local.returncode == 2
    assert dask.out == local.out
    files = json.loads(dask.out)["files"]
    assert [f["path"] for f in files] == [*listed, *urls, "news/missing.txt", (corpus / "nope.md").as_uri()]
    assert files[-1]["error"]["kind"] == files[-2]["error"]["kind"] == "not-found"
    assert any(f["diagnostics"] for f in files[len(listed):-2])  # the URLs were read and checked


def test_local_cluster_started_by_figcheck(corpus):
    local = run("check", "--format", "json", "news", cwd=corpus)
    dask = run("check", "--format", "json", "--executor", "dask", "--jobs", "2", "news", cwd=corpus)
    assert dask.returncode == local.returncode and dask.out == local.out


def test_a_worker_killed_mid_run_loses_and_repeats_nothing(corpus, tmp_path):
    local = run("check", "--format", "jsonl", "--jobs", "1", ".", cwd=corpus)
    expected = by_path(local.out)
    # Every file takes 0.1 s more on these workers, so the run is still going when one dies.
    with local_cluster(env={"FIGCHECK_DASK_TEST_DELAY": "0.1"}) as cluster, \
            distributed.Client(cluster) as client, open(tmp_path / "stderr", "w+b") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "figcheck", "check", "--format", "jsonl", "--executor", "dask",
             "--scheduler", cluster.scheduler_address, "."],
            cwd=corpus, stdout=subprocess.PIPE, stderr=err)
        try:
            first = [proc.stdout.readline() for _ in range(4)]  # the run is under way
            busy = _busy_worker(client)
            pid = client.run(os.getpid, workers=[busy])[busy]
            os.kill(pid, signal.SIGKILL)
            rest = proc.stdout.read()
            proc.wait(timeout=90)
        finally:
            proc.kill()
        err.seek(0)
        assert proc.returncode == local.returncode, err.read().decode()
        # The nanny starts a new worker process in its place.
        assert _eventually(lambda: pid not in client.run(os.getpid).values())
    output = b"".join(first).decode() + rest.decode()
    assert len(output.splitlines()) == N_FILES
    assert by_path(output) == expected


def _busy_worker(client) -> str:
    """A worker with a figcheck task assigned right now."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for address, keys in client.processing().items():
            if any(str(key).startswith("figcheck-") for key in keys):
                return address
        time.sleep(0.02)
    raise AssertionError("no worker was running a figcheck task")


def _eventually(condition, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_unreachable_scheduler_exits_2(corpus):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run("check", "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{port}", "letters",
               cwd=corpus, env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert proc.returncode == 2
    assert f"cannot connect to the Dask scheduler at tcp://127.0.0.1:{port}" in proc.err


# ------------------------------------------------------------------ in-process: options, no dask


def test_without_the_extra_dask_says_how_to_install_it(corpus, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    monkeypatch.chdir(corpus)
    assert cli.main(["check", "--executor", "dask", "letters"]) == 2
    err = capsys.readouterr().err
    assert "--executor dask needs Dask" in err
    # the command that works today (from a checkout) first, the published name as the later form
    assert err.index("pip install -e '.[dask]'") < err.index("pip install 'figcheck[dask]'")


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --executor dask"),
    (["--executor", "dask", "--fix"], "--fix cannot run on a Dask cluster"),
    (["--files-from", "no-such-list.txt"], "--files-from no-such-list.txt: No such file"),
])
def test_usage_errors(corpus, monkeypatch, capsys, args, message):
    monkeypatch.chdir(corpus)
    assert cli.main(["check", *args, "letters"]) == 2
    assert message in capsys.readouterr().err


def test_local_files_from_with_a_url_but_no_fsspec(corpus, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "fsspec", None)
    monkeypatch.chdir(corpus)
    (corpus / "list.txt").write_text(f"letters/clean.txt\n{(corpus / 'letters' / 'clean.txt').as_uri()}\n")
    try:
        assert cli.main(["check", "--format", "json", "--jobs", "1", "--files-from", "list.txt"]) == 2
    finally:
        (corpus / "list.txt").unlink()
    files = json.loads(capsys.readouterr().out)["files"]
    assert files[0]["error"] is None
    assert files[1]["error"]["kind"] == "unsupported" and "figcheck[dask]" in files[1]["error"]["message"]
