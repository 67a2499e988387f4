"""The installed ``figcheck`` command, driven as a user drives it: a subprocess per run.

These tests need no rule to fire: they cover paths, formats, errors, configuration and exit
codes. Diagnostics from real rules are covered by tests/test_cli_seed.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("figcheck")


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None,
        script: bool = False) -> subprocess.CompletedProcess:
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "figcheck"]
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    proc = subprocess.run(command + list(args), cwd=cwd, input=stdin or b"", capture_output=True,
                          env=environment, timeout=120)
    proc.out = proc.stdout.decode("utf-8", errors="replace")
    proc.err = proc.stderr.decode("utf-8")
    assert "Traceback" not in proc.err, proc.err
    return proc


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small project: prose files, a binary, a bad encoding, ignored and excluded things."""
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("The lake covers 5 square kilometres.\n")
    (tmp_path / "docs" / "sub" / "b.txt").write_text("It is 3 miles long.\n")
    (tmp_path / "docs" / "notes.py").write_text("x = 5\n")  # not prose: not included
    (tmp_path / "docs" / "build").mkdir()
    (tmp_path / "docs" / "build" / "out.md").write_text("generated\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "readme.md").write_text("vendored\n")
    (tmp_path / ".gitignore").write_text("build/\n")
    (tmp_path / ".git").mkdir()  # a repository, so .gitignore applies
    return tmp_path


def paths_in(proc) -> list[str]:
    return [f["path"] for f in json.loads(proc.out)["files"]]


# ---------------------------------------------------------------------------------- basics


def test_version_and_help():
    version = run("--version", script=True)
    assert version.returncode == 0 and version.out.startswith("figcheck ")
    help_ = run("--help")
    assert help_.returncode == 0
    assert "examples:" in help_.out and "figcheck check" in help_.out
    check_help = run("check", "--help")
    assert "--unsafe-fixes" in check_help.out and "--stdin-filename" in check_help.out


def test_server_help_is_plain_text():
    proc = run("server", "--help")
    assert proc.returncode == 0 and proc.out.startswith("usage: figcheck server")
    assert "language server" in proc.out and "``" not in proc.out and ":mod:" not in proc.out


def test_no_command_is_a_usage_error():
    proc = run()
    assert proc.returncode == 2 and "usage:" in proc.err


@pytest.mark.parametrize("args", [("check", "--bogus"), ("check", "--format", "xml", "."),
                                  ("check", "--jobs", "0", "."), ("nonsense",)])
def test_bad_options_exit_2_with_usage(args):
    proc = run(*args)
    assert proc.returncode == 2
    assert "error:" in proc.err


def test_clean_file_exits_0(tree):
    proc = run("check", "docs/a.md", cwd=tree)
    assert proc.returncode == 0, proc.err
    assert proc.out == "No problems found in 1 file.\n"


def test_a_directory_without_prose_files_warns_and_exits_0(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "main.py").write_text("x = 12\n")
    for directory in ("empty", "code"):
        proc = run("check", directory, cwd=tmp_path)
        assert proc.returncode == 0, proc.err
        assert f"no file to check in {directory}" in proc.err and "*.md" in proc.err and "*.txt" in proc.err
    configured = tmp_path / "figcheck.toml"
    configured.write_text('include = ["*.adoc"]\n')
    assert "for *.adoc" in run("check", "code", cwd=tmp_path).err
    (tmp_path / "code" / "a.md").write_text("Fine.\n")
    configured.unlink()
    assert "warning" not in run("check", "code", cwd=tmp_path).err


def test_extract_text_names_a_restated_claim_as_json_indexes_it():
    text = b"Intro: 3 people.\nThe wall is 12 km (7.5 miles) long.\n"
    lines = run("extract", "-", stdin=text).out.splitlines()
    assert lines[2].endswith("(restates \u201c12 km\u201d at 2:13)"), lines
    claims = json.loads(run("extract", "--format", "json", "-", stdin=text).out)["files"][0]["claims"]
    assert claims[2]["converted_from"] == 1 and claims[1]["text"] == "12 km"  # 0-based index
    assert claims[1]["start"]["line"] == 2 and claims[1]["start"]["column"] == 13


def test_word_and_pdf_files_are_a_format_not_supported(tmp_path):
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    (tmp_path / "paper.PDF").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    proc = run("check", "--format", "json", "report.docx", "paper.PDF", cwd=tmp_path)
    assert proc.returncode == 2
    for entry in json.loads(proc.out)["files"]:
        assert entry["error"]["kind"] == "unsupported-format"
        message = entry["error"]["message"]
        assert message.startswith("format not supported") and "binary" not in message
        assert all(ext in message for ext in (".txt", ".md", ".tex", ".rst", ".html"))
    human = run("check", "report.docx", cwd=tmp_path)
    assert "report.docx: format not supported (.docx, a Word document)" in human.err
    # Text piped in under such a name is read when its format is given.
    piped = run("check", "--stdin-filename", "report.docx", "--stdin-format", "text", stdin=b"Fine.\n")
    assert piped.returncode == 0, piped.err


def test_stdin_format_says_how_to_read_standard_input():
    text = b"<!-- It runs 12 kilometres (15 miles). -->\n\nIt runs 12 kilometres (15 miles).\n"
    plain = run("check", "--format", "json", "-", stdin=text)
    markdown = run("check", "--format", "json", "-", "--stdin-format", "markdown", stdin=text)
    assert len(json.loads(plain.out)["files"][0]["diagnostics"]) == 2  # the comment too
    (only,) = json.loads(markdown.out)["files"][0]["diagnostics"]
    assert only["start"]["line"] == 3
    # It wins over the name's extension, and implies - when no path is given.
    named = run("check", "--format", "json", "--stdin-filename", "notes.txt", "--stdin-format", "markdown", stdin=text)
    (same,) = json.loads(named.out)["files"][0]["diagnostics"]
    assert same["start"] == only["start"] and same["related"][0]["path"] == "notes.txt"
    assert "--stdin-format" in run("check", "--help").out
    misplaced = run("check", "--stdin-format", "html", "a.md")
    assert misplaced.returncode == 2 and "add - to the paths" in misplaced.err
    extracted = run("extract", "--stdin-format", "html", stdin=b"<p>It is 12 km long.</p><code>3 km</code>\n")
    assert "12 km" in extracted.out and "3 km" not in extracted.out


def test_missing_path_is_that_files_error_and_the_others_are_checked(tree):
    proc = run("check", "nope.md", cwd=tree)
    assert proc.returncode == 2
    assert "nope.md: no such file" in proc.err
    both = run("check", "--format", "json", "nope.md", "docs/a.md", cwd=tree)
    assert both.returncode == 2, both.err
    files = json.loads(both.out)["files"]
    assert [(f["path"], f["error"] and f["error"]["kind"]) for f in files] == [("nope.md", "not-found"), ("docs/a.md", None)]
    listed = tree / "list.txt"
    listed.write_text("nope.md\ndocs/a.md\n")
    same = run("check", "--format", "json", "--files-from", "list.txt", cwd=tree)
    assert json.loads(same.out)["files"] == files  # as a missing file in --files-from


# ------------------------------------------------------------------------------- discovery


def test_directories_are_walked_with_include_gitignore_and_skips(tree):
    proc = run("check", "--format", "json", ".", cwd=tree)
    assert proc.returncode == 0, proc.err
    assert paths_in(proc) == ["docs/a.md", "docs/sub/b.txt"]


def test_default_path_is_the_current_directory(tree):
    proc = run("check", "--format", "json", cwd=tree / "docs")
    assert paths_in(proc) == ["a.md", "sub/b.txt"]


def test_named_files_are_checked_whatever_include_says(tree):
    proc = run("check", "--format", "json", "docs/notes.py", "docs/a.md", cwd=tree)
    assert paths_in(proc) == ["docs/notes.py", "docs/a.md"]


def test_exclude_from_config_and_force_exclude(tree):
    (tree / "figcheck.toml").write_text('exclude = ["sub/"]\n')
    (tree / "docs" / "figcheck.toml").write_text('exclude = ["sub/"]\n')
    walked = run("check", "--format", "json", ".", cwd=tree)
    assert paths_in(walked) == ["docs/a.md"]
    named = run("check", "--format", "json", "docs/sub/b.txt", cwd=tree)
    assert paths_in(named) == ["docs/sub/b.txt"]
    forced = run("check", "--format", "json", "--force-exclude", "docs/sub/b.txt", cwd=tree)
    assert paths_in(forced) == []


def test_stdin_with_a_filename(tree):
    proc = run("check", "--format", "json", "-", "--stdin-filename", "docs/draft.md", cwd=tree,
               stdin=b"The lake covers 5 km2.\n")
    assert proc.returncode == 0, proc.err
    assert paths_in(proc) == ["docs/draft.md"]


def test_stdin_errors_are_per_file(tree):
    proc = run("check", "--format", "json", "-", "docs/a.md", cwd=tree, stdin=b"\xff\x00")
    data = json.loads(proc.out)
    assert proc.returncode == 2
    assert data["files"][0]["path"] == "-" and data["files"][0]["error"]["kind"] == "binary"
    assert data["files"][1]["error"] is None


# --------------------------------------------------------------------------- file errors


@pytest.fixture
def broken(tree: Path) -> Path:
    (tree / "docs" / "bin.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tree / "docs" / "latin1.txt").write_bytes("Caf\xe9 owners: 5 km.\n".encode("latin-1"))
    (tree / "docs" / "utf16.txt").write_bytes("\ufeffIt is 3 miles long.\n".encode("utf-16-le"))
    return tree


def test_unreadable_files_are_reported_and_the_rest_checked(broken):
    proc = run("check", "--format", "json", "docs", cwd=broken)
    assert proc.returncode == 2
    files = {f["path"]: f for f in json.loads(proc.out)["files"]}
    assert files["docs/bin.txt"]["error"]["kind"] == "binary"
    latin = files["docs/latin1.txt"]["error"]
    assert latin["kind"] == "decode" and "byte offset 3" in latin["message"]
    assert files["docs/utf16.txt"]["error"] is None
    assert files["docs/a.md"]["error"] is None
    assert json.loads(proc.out)["summary"]["errors"] == 2


def test_file_errors_in_human_formats_go_to_stderr(broken):
    proc = run("check", "--format", "concise", "docs", cwd=broken)
    assert proc.returncode == 2
    assert "error: docs/bin.txt: binary file" in proc.err
    assert proc.out.endswith("2 files could not be checked.\n")


def test_too_large_files_are_skipped(tree):
    (tree / "figcheck.toml").write_text("max-file-size = 20\n")
    proc = run("check", "--format", "json", "docs", cwd=tree)
    files = {f["path"]: f for f in json.loads(proc.out)["files"]}
    assert files["docs/a.md"]["error"]["kind"] == "too-large"
    assert files["docs/sub/b.txt"]["error"] is None
    assert proc.returncode == 2
    # The message says how to raise the limit, and doing what it says checks the file.
    message = files["docs/a.md"]["error"]["message"]
    assert "max-file-size = 40 in [tool.figcheck]" in message and "--config 'max-file-size = N'" in message
    raised = run("check", "--config", "max-file-size = 40", "docs/a.md", cwd=tree)
    assert raised.returncode == 0, raised.err


# ------------------------------------------------------------------------------ every format


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "jsonl", "sarif", "github"])
def test_every_format_runs(broken, fmt):
    proc = run("check", "--format", fmt, "docs", cwd=broken)
    assert proc.returncode == 2  # two unreadable files
    if fmt == "json":
        assert len(json.loads(proc.out)["files"]) == 5
    elif fmt == "jsonl":
        assert sorted(json.loads(line)["path"] for line in proc.out.splitlines()) == [
            "docs/a.md", "docs/bin.txt", "docs/latin1.txt", "docs/sub/b.txt", "docs/utf16.txt"]
    elif fmt == "sarif":
        log = json.loads(proc.out)
        assert log["version"] == "2.1.0"
        assert len(log["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == 2
    elif fmt == "github":
        assert "::error file=docs/bin.txt,title=figcheck%3A binary::binary file" in proc.out


def test_output_format_alias(tree):
    proc = run("check", "--output-format", "json", "docs/a.md", cwd=tree)
    assert json.loads(proc.out)["version"] == 1


def test_parallel_output_is_in_stable_order(tree):
    for i in range(30):
        (tree / "docs" / f"n{i:02d}.md").write_text(f"Article {i}: {i} km of road.\n")
    serial = run("check", "--format", "json", "--jobs", "1", ".", cwd=tree)
    parallel = run("check", "--format", "json", "--jobs", "2", ".", cwd=tree)
    assert serial.out == parallel.out
    assert paths_in(serial) == sorted(paths_in(serial))
    streamed = run("check", "--format", "jsonl", "--jobs", "2", ".", cwd=tree)
    assert sorted(json.loads(line)["path"] for line in streamed.out.splitlines()) == paths_in(serial)


def test_no_colour_when_piped_or_no_color(broken):
    piped = run("check", "docs", cwd=broken)
    assert "\x1b[" not in piped.err + piped.out
    forced = run("check", "--color", "always", "docs", cwd=broken)
    assert "\x1b[" in forced.err


# ---------------------------------------------------------------------------- configuration


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("pyproject.toml", "[tool.figcheck\n", "invalid TOML"),
        ("pyproject.toml", "[tool.figcheck]\nselct = ['FC2']\n", "unknown setting 'selct' (allowed:"),
        ("figcheck.toml", "select = ['FC9']\n", "unknown rule selector 'FC9'"),
        (".figcheck.toml", "tolerance = 'lots'\n", "'tolerance' must be a number"),
        ("figcheck.toml", "fail-on = 'sometimes'\n", "'sometimes' is not one of error, warning"),
        ("figcheck.toml", "[severity]\nFC202 = 'fatal'\n", "'fatal' is not one of"),
        ("pyproject.toml", "[tool]\nfigcheck = 3\n", "[tool.figcheck] must be a table"),
    ],
)
def test_bad_configuration_is_a_clear_error(tree, name, content, expected):
    config = tree / name
    config.write_text(content)
    proc = run("check", "docs/a.md", cwd=tree)
    assert proc.returncode == 2
    assert str(config) in proc.err and expected in proc.err, proc.err
    assert proc.out == ""


def test_config_files_are_never_executed(tree):
    marker = tree / "pwned"
    (tree / "figcheck.toml").write_text(f'select = ["__import__(\'os\').system(\'touch {marker}\')"]\n')
    proc = run("check", "docs/a.md", cwd=tree)
    assert proc.returncode == 2 and not marker.exists()


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tree):
    (tree / "pyproject.toml").write_text("[tool.figcheck]\nmax-file-size = 10\n")
    (tree / "docs" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.figcheck]
    (tree / "docs" / "sub" / ".figcheck.toml").write_text("max-file-size = 1000\n")
    proc = run("check", "--format", "json", "docs", cwd=tree)
    files = {f["path"]: f for f in json.loads(proc.out)["files"]}
    assert files["docs/a.md"]["error"]["kind"] == "too-large"  # from the top pyproject.toml
    assert files["docs/sub/b.txt"]["error"] is None  # from docs/sub/.figcheck.toml


def test_dot_figcheck_toml_beats_pyproject_in_one_directory(tree):
    (tree / "pyproject.toml").write_text("[tool.figcheck]\nmax-file-size = 1000\n")
    (tree / ".figcheck.toml").write_text("max-file-size = 10\n")
    proc = run("check", "--format", "json", "docs/a.md", cwd=tree)
    assert json.loads(proc.out)["files"][0]["error"]["kind"] == "too-large"


def test_no_config_and_explicit_config(tree):
    (tree / "figcheck.toml").write_text("max-file-size = 10\n")
    ignored = run("check", "--format", "json", "--no-config", "docs/a.md", cwd=tree)
    assert ignored.returncode == 0 and json.loads(ignored.out)["files"][0]["error"] is None
    other = tree / "other.toml"
    other.write_text("max-file-size = 1000\n")
    explicit = run("check", "--format", "json", "--config", str(other), "docs/a.md", cwd=tree)
    assert explicit.returncode == 0
    inline = run("check", "--format", "json", "--config", "max-file-size = 10", "docs/a.md", cwd=tree)
    assert json.loads(inline.out)["files"][0]["error"]["kind"] == "too-large"
    missing = run("check", "--config", "nope.toml", "docs/a.md", cwd=tree)
    assert missing.returncode == 2 and "nope.toml" in missing.err
    both = run("check", "--config", str(other), "--no-config", "docs/a.md", cwd=tree)
    assert both.returncode == 2


def test_command_line_selection_is_validated(tree):
    proc = run("check", "--select", "FC2,bogus", "docs/a.md", cwd=tree)
    assert proc.returncode == 2
    assert "--select" in proc.err and "'bogus'" in proc.err
    ok = run("check", "--select", "FC2", "--ignore", "FC202", "--extend-select", "FC101", "docs/a.md", cwd=tree)
    assert ok.returncode == 0, ok.err


# ------------------------------------------------------------------------- fixes and status


def test_unsafe_fixes_need_fix_or_diff(tree):
    proc = run("check", "--unsafe-fixes", "docs/a.md", cwd=tree)
    assert proc.returncode == 2 and "--unsafe-fixes needs --fix" in proc.err


def test_diff_without_fixes(tree):
    proc = run("check", "--diff", "docs/a.md", cwd=tree)
    assert proc.returncode == 0
    assert proc.out == "" and "No fixes available." in proc.err


def test_fix_reports_nothing_to_fix(tree):
    before = (tree / "docs" / "a.md").read_bytes()
    proc = run("check", "--fix", "docs/a.md", cwd=tree)
    assert proc.returncode == 0
    assert proc.out == "Fixed 0 problems; nothing remaining.\n"
    assert (tree / "docs" / "a.md").read_bytes() == before


def test_stdin_fix_prints_the_text(tree):
    proc = run("check", "--fix", "-", cwd=tree, stdin=b"plain text\r\n")
    assert proc.returncode == 0
    assert proc.stdout == b"plain text\r\n"  # echoed even when unchanged: a pipe must not lose it
    assert "Fixed 0 problems" in proc.err
    binary = run("check", "--fix", "-", cwd=tree, stdin=b"\x00\xff binary")
    assert binary.returncode == 2 and binary.stdout == b"\x00\xff binary"
    utf16 = "\ufeffplain\n".encode("utf-16-le")
    assert run("check", "--fix", "-", cwd=tree, stdin=utf16).stdout == utf16


def test_exit_zero_does_not_hide_errors(broken):
    assert run("check", "--exit-zero", "docs", cwd=broken).returncode == 2


# ---------------------------------------------------------------------------------- extract


def test_extract_json_many_files_with_an_error(broken):
    proc = run("extract", "--format", "json", "docs/a.md", "docs/bin.txt", "docs/sub/b.txt", cwd=broken)
    assert proc.returncode == 2
    data = json.loads(proc.out)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == ["docs/a.md", "docs/bin.txt", "docs/sub/b.txt"]
    assert data["files"][1]["error"]["kind"] == "binary"
    assert "error" not in data["files"][0] and isinstance(data["files"][0]["claims"], list)


def test_extract_text(tree):
    proc = run("extract", "docs/a.md", cwd=tree)
    assert proc.returncode == 0, proc.err
    for line in proc.out.splitlines():
        assert line.startswith("docs/a.md:1:") and "→" in line


# ------------------------------------------------------------------------------------ rules


def test_rules_and_rule():
    listing = run("rules")
    assert listing.returncode == 0
    as_json = json.loads(run("rules", "--format", "json").out)
    codes = [r["code"] for r in as_json["rules"]]
    for code in codes:
        assert code in listing.out
    if codes:
        shown = run("rule", codes[0])
        assert shown.returncode == 0 and shown.out.startswith(codes[0])
        by_name = run("rule", as_json["rules"][0]["name"])
        assert by_name.out == shown.out
    unknown = run("rule", "FC999")
    assert unknown.returncode == 2 and "unknown rule 'FC999'" in unknown.err


# ------------------------------------------------------------------------------- pre-commit


def snapshot_repository(root: Path, dest: Path, git: str, env: dict) -> Path:
    """A one-commit copy of the work tree as it is now (committed or not, minus ignored files).

    `pre-commit try-repo` on a dirty repository commits only tracked changes to its shadow
    repository, so new, untracked files (a new hook file or module) would be missing; a
    snapshot makes the test see exactly the work tree, in CI and locally, without touching the
    real repository's index or HEAD.
    """
    listed = subprocess.run([git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=root, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = root / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    subprocess.run([git, "init", "-q"], cwd=dest, check=True, env=env)
    subprocess.run([git, "add", "-A"], cwd=dest, check=True, env=env)
    subprocess.run([git, "commit", "-q", "-m", "snapshot"], cwd=dest, check=True, env=env)
    return dest


def test_pre_commit_hook_runs_with_try_repo(tmp_path):
    """`pre-commit try-repo` installs figcheck from (a snapshot of) this repository and runs the
    hook in a throw-away project. Installing needs figcheck's dependencies from the package
    index, as any pre-commit user's machine does."""
    pytest.importorskip("pre_commit")
    git = shutil.which("git")
    assert git, "git is needed"
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    (tmp_path / "figcheck-repo").mkdir()
    repo = snapshot_repository(root, tmp_path / "figcheck-repo", git, env)
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run([git, "init", "-q"], cwd=project, check=True, env=env)
    (project / "ok.md").write_text("The lake covers 5 square kilometres.\n")
    (project / "bad.txt").write_bytes(b"caf\xe9\n")
    (project / "code.py").write_bytes(b"caf\xe9 = 1\n")  # not prose: the hook must not read it
    subprocess.run([git, "add", "."], cwd=project, check=True, env=env)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "figcheck", "--all-files", "--verbose"]
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=900)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output  # the undecodable file fails the hook
    assert "bad.txt" in output and "invalid UTF-8" in output, output
    assert "code.py" not in output
    (project / "bad.txt").unlink()
    # The project's `exclude` applies to the files pre-commit names (the hook passes --force-exclude).
    (project / "pyproject.toml").write_text('[tool.figcheck]\nexclude = ["drafts/"]\n')
    (project / "drafts").mkdir()
    (project / "drafts" / "wrong.md").write_text("The embankment runs for 12 kilometres (15 miles).\n")
    subprocess.run([git, "add", "-A"], cwd=project, check=True, env=env)
    clean = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=900)
    assert clean.returncode == 0, clean.stdout + clean.stderr
