"""figcheck.installed: the installed figcheck's metadata, read as importlib.metadata would find it."""

from __future__ import annotations

import importlib.metadata
import sys

import pytest

from figcheck import faces, installed


@pytest.fixture
def first_on_path(monkeypatch, tmp_path):
    """A folder put first on sys.path, the look-up's cache cleared before and after."""
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    installed.dist_info.cache_clear()
    yield tmp_path
    installed.dist_info.cache_clear()


def test_the_real_install_reads_as_importlib_metadata_does():
    meta = importlib.metadata.metadata("figcheck")
    assert installed.header_values("Version") == [meta["Version"]]
    assert installed.header_values("Project-URL") == (meta.get_all("Project-URL") or [])
    found = importlib.metadata.entry_points(group=faces.ENTRY_POINT_GROUP, name="main")
    assert installed.entry_point(faces.ENTRY_POINT_GROUP, "main") == next(iter(found)).value
    assert faces.load_server_part("main") is next(iter(found)).load()


def test_headers_end_at_the_first_blank_line_and_continue_on_indented_ones(first_on_path):
    dist = first_on_path / "figcheck-1.2.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.4\nName: figcheck\nVersion: 1.2\nSummary: one\n  two\n"
        "Project-URL: Source, https://a.example\nproject-url: Docs, https://b.example\n\n"
        "Version: 3.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[console_scripts]\nmain = wrong:thing\n\n[figcheck.server]\napp = pkg.app\nmain = pkg.launch:main\n",
        encoding="utf-8")
    assert installed.header_values("Version") == ["1.2"]
    assert installed.header_values("summary") == ["one two"]
    assert installed.header_values("Project-URL") == ["Source, https://a.example", "Docs, https://b.example"]
    assert installed.header_values("Home-page") == []
    assert installed.entry_point("figcheck.server", "main") == "pkg.launch:main"
    assert installed.entry_point("figcheck.server", "app") == "pkg.app"
    assert installed.entry_point("figcheck.server", "other") is None


@pytest.mark.parametrize("names", [["figcheck.egg-info"], ["figcheck-1.dist-info", "figcheck-2.dist-info"]])
def test_other_kinds_of_metadata_are_left_to_importlib_metadata(first_on_path, names):
    for name in names:
        (first_on_path / name).mkdir()
        (first_on_path / name / "METADATA").write_text("Version: 1\n", encoding="utf-8")
    assert installed.dist_info() is None
    assert installed.header_values("Version") is None
    assert installed.entry_point("figcheck.server", "main") is None


def test_a_missing_file_is_left_to_importlib_metadata(first_on_path):
    (first_on_path / "figcheck-1.dist-info").mkdir()
    assert installed.header_values("Version") is None
    assert installed.entry_point("figcheck.server", "main") is None
