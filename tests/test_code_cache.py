"""The cache of code compiled at start-up (figcheck.code_cache: the server's and the command line's,
installed by figcheck.start_up): a cached code object
is the one ``compile`` makes, the file round-trips, and a bad file or a read-only setting only
means compiling as usual."""

from __future__ import annotations

import builtins
import sys

import pytest

from figcheck import code_cache
from figcheck.code_cache import CodeCache

SOURCE = "def made(x: NotDefinedAnywhere) -> int:\n    return x + 1\n"


@pytest.fixture
def writing(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _compile_inside(cache: CodeCache, source: str = SOURCE, name: str = "<generated>"):
    with cache.installed():
        return compile(source, name, "exec")


def _start(path, *sources: str) -> int:
    """A start that compiles ``sources`` and saves: how many it compiled."""
    cache = CodeCache(path)
    for source in sources:
        _compile_inside(cache, source)
    compiled = cache.compiled
    cache.save()
    assert cache.known == {} and cache.used == {}  # let go once saved
    return compiled


def test_a_cached_code_object_is_the_one_compile_makes(tmp_path, writing):
    path = tmp_path / "code.marshal"
    assert _start(path, SOURCE) == 1 and path.exists()
    again = CodeCache(path)
    cached = _compile_inside(again)
    assert again.compiled == 0
    assert cached == compile(SOURCE, "<generated>", "exec")


def test_the_callers_future_features_are_inherited_as_compile_would(tmp_path, writing):
    # This module has `from __future__ import annotations`: the annotation stays a string, as
    # it does when the builtin compile is called from here.
    path = tmp_path / "code.marshal"
    _start(path, SOURCE)
    for cache in (CodeCache(None), CodeCache(path)):  # compiled, then from the file
        namespace: dict = {}
        exec(_compile_inside(cache), namespace)
        assert namespace["made"].__annotations__ == {"x": "NotDefinedAnywhere", "return": "int"}
        assert namespace["made"](1) == 2


def test_other_source_text_or_name_is_compiled_not_looked_up(tmp_path, writing):
    path = tmp_path / "code.marshal"
    _start(path, SOURCE)
    cache = CodeCache(path)
    other = _compile_inside(cache, SOURCE.replace("+ 1", "+ 2"))
    renamed = _compile_inside(cache, SOURCE, "<elsewhere>")
    assert cache.compiled == 2
    namespace: dict = {}
    exec(other, namespace)
    assert namespace["made"](1) == 3 and renamed.co_filename == "<elsewhere>"


def test_a_few_misses_do_not_rewrite_the_file(tmp_path, writing):
    path = tmp_path / "code.marshal"
    sources = [f"a{i} = {i}\n" for i in range(20)]
    assert _start(path, *sources) == 20
    path.touch()
    touched = path.stat().st_mtime_ns
    assert _start(path, *sources, "changes_each_time = 1\n") == 1  # 1 miss in 21: not rewritten
    assert path.stat().st_mtime_ns == touched


def test_more_misses_than_usual_rewrite_the_file_and_then_hit(tmp_path, writing):
    # Each start compiles one text that differs at every start (attrs's hash(name) in __hash__);
    # a start with one more (new code) rewrites the file, so the next one finds it.
    path = tmp_path / "code.marshal"
    sources = [f"a{i} = {i}\n" for i in range(40)]
    assert _start(path, *sources, "changes_each_time = 0\n") == 41
    written = path.read_bytes()
    assert _start(path, *sources, "changes_each_time = 1\n") == 1  # counted: the usual misses
    assert _start(path, *sources, "changes_each_time = 2\n") == 1
    assert path.read_bytes() == written
    assert _start(path, *sources, "changes_each_time = 3\n", "new = 1\n") == 2  # one more: rewritten
    assert path.read_bytes() != written
    assert _start(path, *sources, "changes_each_time = 4\n", "new = 1\n") == 1  # found there now


def test_a_file_whose_misses_were_never_counted_is_written_once_more(tmp_path, writing):
    # (one kept by a figcheck from before the count: its new texts are learnt, then counted)
    path = tmp_path / "code.marshal"
    sources = [f"a{i} = {i}\n" for i in range(40)]
    _start(path, *sources)
    code_cache._misses_path(path).unlink()
    assert _start(path, *sources, "new = 1\n") == 1
    assert _start(path, *sources, "new = 1\n") == 0 and CodeCache(path).usual_misses == 0


def test_only_the_entries_a_start_used_are_written_back(tmp_path, writing):
    path = tmp_path / "code.marshal"
    _start(path, "a = 1\n")
    _start(path, "b = 2\n")
    assert [key[0] for key in CodeCache(path).known] == ["b = 2\n"]


def test_a_damaged_or_foreign_file_means_compiling_afresh(tmp_path, writing):
    path = tmp_path / "code.marshal"
    _start(path, SOURCE)
    path.write_bytes(path.read_bytes()[:-40])  # cut short
    assert CodeCache(path).known == {}
    path.write_bytes(b"not a cache at all")
    cache = CodeCache(path)
    assert cache.known == {} and _compile_inside(cache) == compile(SOURCE, "<generated>", "exec")


def test_nothing_is_written_when_bytecode_is_not_written(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "code.marshal"
    assert _start(path, SOURCE) == 1 and not path.exists()


def test_the_builtin_compile_is_back_after_the_block_even_on_error(tmp_path, writing):
    original = builtins.compile
    cache = CodeCache(tmp_path / "code.marshal")
    with pytest.raises(SyntaxError), cache.installed():
        assert builtins.compile == cache.compile
        compile("def (", "<broken>", "exec")
    assert builtins.compile is original


def test_asts_and_flagged_calls_pass_straight_through(tmp_path, writing):
    import ast

    cache = CodeCache(tmp_path / "code.marshal")
    with cache.installed():
        tree = compile(SOURCE, "<generated>", "exec", ast.PyCF_ONLY_AST)
        code = compile(tree, "<generated>", "exec")
    assert isinstance(tree, ast.Module) and cache.used == {} and cache.compiled == 0
    assert code.co_filename == "<generated>"


def test_the_file_beside_a_module_is_named_by_the_interpreter():
    path = CodeCache.beside(code_cache.__file__, "some-start").path
    assert path is not None and path.name.startswith("some-start.") and sys.implementation.cache_tag in path.name
    assert path.parent.name == "__pycache__" or sys.pycache_prefix


def _dataclass_made_inside(cache: CodeCache):
    from dataclasses import dataclass

    with cache.installed():
        @dataclass(frozen=True)
        class Point:
            line: int
            character: int = 0
    return Point


def test_dataclass_methods_written_as_text_and_execd_come_from_the_cache(tmp_path, writing):
    # (dataclasses exec the text of each class's __init__, __repr__, __eq__, ...)
    path = tmp_path / "code.marshal"
    first = CodeCache(path)
    Point = _dataclass_made_inside(first)
    assert first.compiled >= 3 and any(key[1] == "<string>" for key in first.used)
    first.save()
    again = CodeCache(path)
    Again = _dataclass_made_inside(again)
    assert again.compiled == 0
    assert Again(1) == Again(1, 0) != Again(2) and repr(Again(3, 4)) == repr(Point(3, 4))
    assert builtins.exec is code_cache._builtin_exec  # back after the block


def test_exec_without_a_namespace_runs_in_the_callers_as_exec_does(tmp_path, writing):
    cache = CodeCache(None)
    seen = "a local of the caller"
    with cache.installed():
        exec("assert seen")  # noqa: S102 (a NameError unless it sees the caller's locals, as exec does)
        namespace: dict = {}
        exec("x = 2 ** 3", namespace)  # noqa: S102
    assert namespace["x"] == 8 and cache.compiled == 2 and seen
