"""The wheel as a user installs it: built from this checkout, installed into a fresh virtual
environment, it ships the engine and the language server under its own name (``figcheck_lsp``)
and no top-level ``server`` module, and ``figcheck server`` and ``python -m figcheck_lsp`` both
start and answer ``initialize``.

The fresh environment gets the wheel alone (``--no-deps``); its dependencies come from the
environment running the tests, added to its path by a ``.pth`` line, so no download is needed
beyond building the wheel (pip fetches hatchling for the isolated build, or uses its cache).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# One worker runs this module: its module-scoped fixture is costly to set up twice.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


def _run(cmd, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the wheel, the fresh environment's directory, its bin directory, a neutral cwd)."""
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)])
    (wheel,) = (tmp / "dist").glob("figcheck-*.whl")
    env_dir = tmp / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)])
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    # The dependencies (pint, pygls, ...) from the test environment, after the wheel's own files.
    (purelib / "zz_figcheck_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    cwd = tmp / "elsewhere"
    cwd.mkdir()
    return wheel, purelib, bin_dir, cwd


def test_the_wheel_has_no_top_level_server_module(installed):
    wheel, purelib, bin_dir, cwd = installed
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist()}
    assert {"figcheck", "figcheck_lsp"} <= tops
    assert "server" not in tops and "server.py" not in tops
    assert not (purelib / "server").exists() and not (purelib / "server.py").exists()
    probe = ("import importlib.util as u, json, figcheck, figcheck_lsp; "
             "print(json.dumps([u.find_spec('server') is None, figcheck.__file__, figcheck_lsp.__file__]))")
    no_server, engine, lsp = json.loads(_run([str(bin_dir / "python"), "-c", probe], cwd=cwd).stdout)
    assert no_server, "a top-level 'server' module is importable from the installed wheel"
    assert Path(engine).is_relative_to(purelib) and Path(lsp).is_relative_to(purelib)


def _initialize(cmd: list[str], cwd: Path) -> dict:
    def frame(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    stdin = (frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}}})
             + frame({"jsonrpc": "2.0", "method": "initialized", "params": {}})
             + frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
             + frame({"jsonrpc": "2.0", "method": "exit", "params": None}))
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120, cwd=cwd)
    out = proc.stdout
    header, _, rest = out.partition(b"\r\n\r\n")
    found = re.match(rb"Content-Length: *(\d+)", header)
    assert found, (out[:500], proc.stderr[-2000:])
    length = int(found.group(1))
    first = json.loads(rest[:length])
    assert proc.returncode == 0, proc.stderr[-2000:]
    return first


@pytest.mark.parametrize("how", ["figcheck server", "python -m figcheck_lsp"])
def test_the_installed_server_starts_and_answers_initialize(installed, how):
    _, _, bin_dir, cwd = installed
    cmd = [str(bin_dir / "figcheck"), "server"] if how == "figcheck server" else [str(bin_dir / "python"), "-m", "figcheck_lsp"]
    response = _initialize(cmd, cwd)
    assert response["id"] == 1
    assert response["result"]["serverInfo"]["name"] == "figcheck"
    assert "textDocumentSync" in response["result"]["capabilities"]


def test_the_installed_command_checks_the_seed(installed):
    _, _, bin_dir, cwd = installed
    seed = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"
    proc = subprocess.run([str(bin_dir / "figcheck"), "check", "--format", "json", str(seed)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert [d["code"] for d in report["files"][0]["diagnostics"]] == ["FC202", "FC202"]
    help_text = _run([str(bin_dir / "figcheck"), "server", "--help"], cwd=cwd).stdout
    assert "usage: figcheck server" in help_text


def test_the_wheel_ships_the_playground_page_and_the_example(installed):
    wheel, purelib, bin_dir, cwd = installed
    static = "figcheck/playground/static/"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {static + n for n in ("index.html", "playground.css", "playground.js", "example.txt")} <= names
    seed = (ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt").read_bytes()
    assert zipfile.ZipFile(wheel).read(static + "example.txt") == seed
    # Installed, the playground serves the packaged example, not a checkout's seeds/.
    probe = ("from figcheck.playground import serve; "
             "print(serve.Playground('127.0.0.1', 0)._file('example.txt'))")
    served = Path(_run([str(bin_dir / "python"), "-c", probe], cwd=cwd).stdout.strip())
    assert served == purelib / "figcheck" / "playground" / "static" / "example.txt"
