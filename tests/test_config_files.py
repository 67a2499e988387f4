"""Finding and loading configuration files (figcheck.config_files) and file discovery."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from figcheck.config import DEFAULT_INCLUDE, ConfigError, Settings
from figcheck.config_files import ConfigResolver, load_config_file
from figcheck.discovery import Job, collect, include_matcher
from figcheck.globs import gitignore_spec
from figcheck.rules import all_rules


def same(settings: Settings) -> Settings:
    return settings


def test_pyproject_table_and_top_level_files(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.figcheck]\nignore = ["FC101"]\ntolerance = 0.02\n')
    settings = load_config_file(tmp_path / "pyproject.toml")
    assert settings.ignore == ("FC101",) and settings.tolerance == 0.02
    (tmp_path / "figcheck.toml").write_text('extend-select = ["FC2"]\n[per-file-ignores]\n"drafts/*" = ["FC201"]\n')
    other = load_config_file(tmp_path / "figcheck.toml")
    assert other.extend_select == ("FC2",) and other.per_file_ignores == {"drafts/*": ("FC201",)}


def test_errors_name_the_file(tmp_path: Path):
    bad = tmp_path / "figcheck.toml"
    bad.write_bytes(b"select = [\n")
    with pytest.raises(ConfigError, match=str(bad)):
        load_config_file(bad)
    bad.write_bytes(b"select = 'caf\xe9'\n")
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        load_config_file(bad)


def test_resolver_finds_the_nearest_and_caches(tmp_path: Path, monkeypatch):
    (tmp_path / "figcheck.toml").write_text("max-file-size = 100\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (tmp_path / "a" / ".figcheck.toml").write_text("max-file-size = 200\n")
    resolver = ConfigResolver(None, True, same, cwd=tmp_path)
    assert resolver.for_path(deep / "x.md").settings.max_file_size == 200
    assert resolver.for_path(deep / "x.md").root == tmp_path / "a"
    assert resolver.for_path(tmp_path / "y.md").settings.max_file_size == 100
    # Cached per directory: the file system is not asked again.
    calls = []
    monkeypatch.setattr("figcheck.config_files._config_in", lambda d: calls.append(d))
    resolver.for_path(deep / "z.md")
    assert calls == []


def test_overrides_apply_on_top_of_every_config(tmp_path: Path):
    (tmp_path / "figcheck.toml").write_text('ignore = ["FC101"]\n')
    resolver = ConfigResolver(None, True, lambda s: s.with_overrides(ignore=s.ignore + ("FC202",)), cwd=tmp_path)
    assert resolver.for_path(tmp_path / "x.md").settings.ignore == ("FC101", "FC202")
    fallback = ConfigResolver(None, False, lambda s: s.with_overrides(fail_on="error"), cwd=tmp_path)
    assert fallback.for_path(tmp_path / "x.md").settings.fail_on == "error"


def test_per_file_ignores_are_relative_to_the_config(tmp_path: Path):
    (tmp_path / "figcheck.toml").write_text('[per-file-ignores]\n"drafts/*.md" = ["FC2"]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("x\n")
    (jobs,) = collect([str(tmp_path / "drafts" / "a.md")], ConfigResolver(None, True, same, cwd=tmp_path))
    assert jobs.relative == "drafts/a.md"
    enabled = jobs.resolved.settings.enabled_codes(all_rules(), jobs.relative)
    assert not any(code.startswith("FC2") for code in enabled)


def test_a_walk_gives_the_same_relative_path_as_a_named_file(tmp_path: Path):
    """The walk works a directory's relative path out once; it must agree with a file named
    on the command line, inside the config root and outside it (then: the path shown)."""
    (tmp_path / "figcheck.toml").write_text('[per-file-ignores]\n"drafts/*.md" = ["FC2"]\n')
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    for name in ("drafts/a.md", "drafts/deep/b.MD", "c.txt"):
        (tmp_path / name).write_text("x\n")
    resolver = ConfigResolver(None, True, same, cwd=tmp_path)
    walked = {job.display: job.relative for job in collect([str(tmp_path)], resolver)}
    named = {job.display: job.relative for job in collect(sorted(walked), resolver)}
    assert walked == named
    assert sorted(walked.values()) == ["c.txt", "drafts/a.md", "drafts/deep/b.MD"]
    outside = ConfigResolver(None, False, same, cwd=tmp_path / "drafts")  # --no-config: root is cwd
    for job in collect([str(tmp_path / "c.txt"), str(tmp_path)], outside):
        assert job.relative == Job(job.display, job.path, job.resolved).relative


def test_a_walk_takes_what_os_walk_lists_in_sorted_order(tmp_path: Path, monkeypatch):
    """The walk lists each directory itself (os.scandir: which files are links comes with the
    listing): the files os.walk lists, sorted, a directory's files before its subdirectories,
    never into a linked directory, a link out of the tree skipped with a notice."""
    root = tmp_path / "root"
    for name in ("b/z.md", "b/a.txt", "a/deep/c.md", "top.txt", "skip.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x\n")
    (tmp_path / "out.md").write_text("x\n")
    (root / "link.txt").symlink_to(root / "top.txt")
    (root / "dangling.txt").symlink_to(root / "nowhere")
    (root / "linked").symlink_to(root / "a", target_is_directory=True)
    (root / "outside.md").symlink_to(tmp_path / "out.md")
    resolver = ConfigResolver(None, False, same, cwd=tmp_path)
    notices: list[str] = []
    walked = [job.display for job in collect([str(root)], resolver, notice=lambda path, _: notices.append(path))]
    expected = ["dangling.txt", "link.txt", "top.txt", "a/deep/c.md", "b/a.txt", "b/z.md"]
    assert walked == [f"{root}/{name}" for name in expected]
    assert notices == [f"{root}/outside.md"]
    by_os_walk = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        by_os_walk += [os.path.join(directory, f) for f in sorted(filenames) if f.endswith((".md", ".txt"))]
    assert walked == [path for path in by_os_walk if not path.endswith("outside.md")]
    monkeypatch.chdir(root)
    assert [job.display for job in collect(["."], resolver)] == expected
    assert [job.display for job in collect(["b/"], resolver)] == ["b/a.txt", "b/z.md"]


def test_extension_globs_match_as_the_glob_engine_does():
    parts = ["a", ".md", "x.md", "b.TXT", "c.txt", "d.markdown", "h.txt.bak", ".txt", "md", "a.mdx", "x.MD", "ü.md"]
    paths = ["/".join(p) for k in (1, 2, 3) for p in itertools.product(parts, repeat=k)]
    for globs in (DEFAULT_INCLUDE, ("*.md",), ("*.txt", "*.TXT")):
        by_string, by_glob = include_matcher(globs), gitignore_spec(globs).match_file
        assert by_string is not by_glob  # the string test is the one in use
        assert [by_string(p) for p in paths] == [bool(by_glob(p)) for p in paths]
    assert include_matcher(("docs/*.md",))("docs/a.md") and not include_matcher(("docs/*.md",))("a.md")


def test_gitignore_negation_and_nested_files(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*.txt\n!keep.txt\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("local.md\n")
    for name in ("a.txt", "keep.txt", "sub/local.md", "sub/other.md"):
        (tmp_path / name).write_text("x\n")
    jobs = collect([str(tmp_path)], ConfigResolver(None, False, same, cwd=tmp_path))
    assert sorted(Path(j.path).relative_to(tmp_path).as_posix() for j in jobs) == ["keep.txt", "sub/other.md"]


def test_include_globs_from_settings(tmp_path: Path):
    (tmp_path / "figcheck.toml").write_text('include = ["*.md", "notes/*.log"]\n')
    (tmp_path / "notes").mkdir()
    for name in ("a.md", "b.txt", "notes/c.log", "d.log"):
        (tmp_path / name).write_text("x\n")
    jobs = collect([str(tmp_path)], ConfigResolver(None, True, same, cwd=tmp_path))
    assert sorted(Path(j.path).relative_to(tmp_path).as_posix() for j in jobs) == ["a.md", "notes/c.log"]


def test_currency_rates_as_documented_need_no_usd_entry_and_messages_name_currencies(tmp_path: Path):
    """docs/cli.md: `[tool.figcheck.currency-rates]` gives "value of one unit in USD"."""
    from figcheck.engine import check_document
    from figcheck.text import read_document

    (tmp_path / "pyproject.toml").write_text("[tool.figcheck.currency-rates]\nEUR = 1.08\n")
    settings = load_config_file(tmp_path / "pyproject.toml")
    text = "The deal was worth 10.5 million euros ($20.3 million), officials said."
    (found,) = check_document(read_document(text), settings)
    assert found.code == "FC101" and text[found.start:found.end] == "$20.3 million"
    assert "11.3 million USD" in found.message  # 10.5 million × 1.08, in the equivalent's currency
    assert check_document(read_document(text.replace("$20.3", "$11.3")), settings) == []
    assert check_document(read_document(text), Settings()) == []  # no rates: money is not checked


def test_upper_case_extensions_are_walked(tmp_path: Path):
    for name in ("NOTES.MD", "Report.Txt", "page.HTML", "a.md", "image.PNG"):
        (tmp_path / name).write_text("text\n")
    resolver = ConfigResolver(None, False, same)
    found = sorted(Path(job.path).name for job in collect([str(tmp_path)], resolver))
    assert found == ["NOTES.MD", "Report.Txt", "a.md", "page.HTML"]
