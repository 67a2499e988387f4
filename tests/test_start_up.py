"""How a process starts up (figcheck.start_up), the command line's and the server's alike: the
garbage collector paused and then the start-up objects frozen, compiled code and patterns from
caches an earlier start kept, every builtin back after the block, even on error."""

from __future__ import annotations

import builtins
import gc
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from figcheck.code_cache import CodeCache
from figcheck.compiled_patterns import PatternCache
from figcheck.start_up import starting_up

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"


@pytest.fixture
def writing(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


@pytest.fixture
def gc_state():
    """The collector's state as a test found it, given back after it (starting_up freezes)."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def _make_a_dataclass_and_a_pattern():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Span:
        start: int
        end: int = 0

    return Span, re.compile(r"(?P<n>\d+) start-up km")


def test_the_block_runs_with_the_collector_paused_and_its_objects_are_frozen(tmp_path, gc_state):
    module = str(tmp_path / "face.py")
    gc.unfreeze()
    with starting_up(module, "start"):
        assert not gc.isenabled()
        assert isinstance(builtins.compile.__self__, CodeCache) and isinstance(re.compile.__self__, PatternCache)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] > 700  # figcheck.gc_policy's: collected less often


def test_code_and_patterns_come_from_the_files_an_earlier_start_kept(tmp_path, writing, gc_state):
    module = str(tmp_path / "face.py")
    with starting_up(module, "start"):
        Span, pattern = _make_a_dataclass_and_a_pattern()
    code_file = CodeCache.beside(module, "start").path
    pattern_file = PatternCache.beside(module, "start").path
    assert code_file.exists() and pattern_file.exists()
    # (a second start: the dataclass's methods and the pattern are read, not compiled)
    with starting_up(module, "start") as code:
        Again, again = _make_a_dataclass_and_a_pattern()
        patterns_known = re.compile.__self__.known
        assert (r"(?P<n>\d+) start-up km", 0) in patterns_known
    assert code.compiled == 0
    assert Again(1) == Again(1, 0) != Again(2) and repr(Again(3, 4)) == repr(Span(3, 4))
    assert again == pattern and again.match("12 start-up km").group("n") == "12"


def test_the_code_is_left_to_the_caller_to_save_when_kept(tmp_path, writing, gc_state):
    module = str(tmp_path / "face.py")
    with starting_up(module, "start", keep_code=True) as code:
        _make_a_dataclass_and_a_pattern()
    assert code.compiled > 0 and not code.path.exists()
    code.save()
    assert code.path.exists()


def test_builtins_are_back_and_the_collector_on_after_an_error(tmp_path, writing, gc_state):
    before = builtins.compile, builtins.exec, re.compile
    with pytest.raises(ZeroDivisionError), starting_up(str(tmp_path / "face.py"), "start"):
        _make_a_dataclass_and_a_pattern()
        1 / 0  # noqa: B018
    assert (builtins.compile, builtins.exec, re.compile) == before and gc.isenabled()


def test_a_cache_installed_inside_another_gives_back_the_outer_one(tmp_path):
    outer, inner = PatternCache(tmp_path / "outer.patterns"), PatternCache(tmp_path / "inner.patterns")
    code_outer, code_inner = CodeCache(None), CodeCache(None)
    with outer.installed(), code_outer.installed():
        with inner.installed(), code_inner.installed():
            re.compile(r"inner \d+")
            exec("inner = 1", {})  # noqa: S102
        re.compile(r"outer \d+")
        exec("outer = 1", {})  # noqa: S102
        assert builtins.exec == code_outer.exec and re.compile == outer.compile_any
    assert [p for p, _, _ in inner.compiled] == [r"inner \d+"]
    assert [p for p, _, _ in outer.compiled] == [r"outer \d+"]
    assert code_inner.compiled == 1 and code_outer.compiled == 1


def _check_seed(pycache: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    done = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", "--no-config",
                           str(SEED)], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 1, done.stderr
    return done.stdout


def test_the_command_line_keeps_its_start_up_and_checks_the_same_with_it(tmp_path):
    pycache = tmp_path / "pycache"
    first = _check_seed(pycache)
    code_files = list(pycache.rglob("command-line-start.*.marshal"))
    pattern_files = list(pycache.rglob("command-line-start.*.patterns"))
    assert len(code_files) == 1 and len(pattern_files) == 1
    code = CodeCache(code_files[0])
    assert any(key[1] == "<string>" for key in code.known)  # the engine's dataclasses' methods
    assert PatternCache(pattern_files[0]).known  # the rules' patterns
    second = _check_seed(pycache)
    assert json.loads(second) == json.loads(first)
    assert [d["code"] for f in json.loads(second)["files"] for d in f["diagnostics"]] == ["FC202", "FC202"]
