"""Every shell command in README.md, docs/*.md and editors/README.md runs as written.

A command is a line (backslash continuations joined) of a fenced block marked ``sh``, ``bash``
or ``console``; every fenced block in those files must name its language, so none hides from
this test. The line just before a block's fence may hold a marker, visible in the rendered
source as an HTML comment:

- ``<!-- docs-test: skip: REASON -->``: not run here (it needs the network, a real VS Code, a
  Dask cluster, or it is part of the test suite); the reason is shown as the skip reason.
- ``<!-- docs-test: setup, exit N ... -->``: run first (the README's install command, which
  makes the ``.venv`` the other commands use), and must exit with N.
- ``<!-- docs-test: needs nvim -->``: skipped where ``nvim`` is missing, unless CI is "true".

Everything else must exit 0, except that ``figcheck check``/``extract`` may exit 1 (it found
something, as documented). The commands run in a copy of this checkout (its tracked and
untracked, not ignored files), in order, with the copy's own ``.venv/bin`` first on PATH.
Documented placeholders are substituted: ``/path/to/figcheck`` is the copy, ``/tmp/fc`` a
scratch directory; the example files the docs name (``article.md``, ``a.md``, ``a.txt``,
``b.txt``, ``c.md``, ``draft``, ``page.html``, ``drafts/``) are created with a few sentences.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "editors" / "README.md"]
SHELL = {"sh", "bash", "console", "shell"}
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
MARKER = re.compile(r"<!--\s*docs-test:\s*(.*?)\s*-->")
IN_CI = os.environ.get("CI") == "true"
EXAMPLES = {
    "article.md": "# Flood defences\n\nThe new embankment runs for 12 kilometres (15 miles) along the river.\n",
    "a.md": "The lake covers 5 square kilometres (2 square miles).\n",
    "a.txt": "It covers more than 1,000 square kilometres.\n",
    "b.txt": "Some 400 soldiers and 150 volunteers helped.\n",
    "c.md": "The marathon is 26.2 miles (42.2 km) long.\n",
    "draft": "The road is 8 kilometres (9 miles) long.\n",
    "page.html": "<p>The bridge is 40 metres (131 feet) long.</p>\n",
    "drafts/intro.md": "Of the 42 passengers, 45 were taken to hospital.\n",
}


def _blocks():
    """(file, line, language, marker, code) of every fenced block."""
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
            marker = MARKER.search(before)
            line = text.count("\n", 0, m.start()) + 1
            yield path.relative_to(ROOT).as_posix(), line, m.group(1).strip(), marker.group(1) if marker else "", m.group(2)


def _commands(code: str) -> list[str]:
    commands, pending = [], ""
    for raw in code.splitlines():
        line = pending + raw
        if line.rstrip().endswith("\\"):
            pending = line.rstrip()[:-1] + " "
            continue
        pending = ""
        if line.strip() and not line.lstrip().startswith("#"):
            commands.append(line.strip())
    return commands


SHELL_BLOCKS = [b for b in _blocks() if b[2] in SHELL]
SETUP = [b for b in SHELL_BLOCKS if b[3].startswith("setup")]


def test_every_fenced_block_names_its_language():
    unnamed = [f"{file}:{line}" for file, line, language, _, _ in _blocks() if not language]
    assert not unnamed, f"fenced blocks without a language (shell commands there would not be run): {unnamed}"
    assert len(SETUP) == 1 and SETUP[0][0] == "README.md"


def _expected(marker: str, command: str) -> set[int]:
    pinned = re.search(r"\bexit (\d+)", marker)
    if pinned:
        return {int(pinned.group(1))}
    return {0, 1} if re.search(r"\bfigcheck (check|extract)\b", command) else {0}


def _copy_checkout(dest: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, timeout=120, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


class Sandbox:
    def __init__(self, root: Path, scratch: Path) -> None:
        self.root = root
        self.placeholders = {"/path/to/figcheck": str(root), "/tmp/fc": str(scratch)}
        self.env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
        self.env["PATH"] = os.pathsep.join([str(root / ".venv" / "bin"), os.environ.get("PATH", "")])

    def run(self, command: str) -> subprocess.CompletedProcess:
        for placeholder, value in self.placeholders.items():
            command = command.replace(placeholder, value)
        return subprocess.run(["bash", "-c", command], cwd=self.root, env=self.env, capture_output=True,
                              text=True, timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to copy")
    base = tmp_path_factory.mktemp("docs")
    root = base / "figcheck"
    _copy_checkout(root)
    for name, text in EXAMPLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    box = Sandbox(root, base / "fc")
    file, line, _, marker, code = SETUP[0]
    for command in _commands(code):
        proc = box.run(command)
        assert proc.returncode in _expected(marker, command), (
            f"{file}:{line}: `{command}` exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        box.setup_output = proc.stdout
    return box


# One worker runs this module: its module-scoped fixture is costly to set up twice.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("docs_commands")]


def test_the_readme_install_command_checks_the_seed(sandbox):
    assert sandbox.setup_output.count("FC202") == 2 and "2 warnings in 1 file" in sandbox.setup_output


@pytest.mark.parametrize("block", [b for b in SHELL_BLOCKS if not b[3].startswith("setup")],
                         ids=lambda b: f"{b[0]}:{b[1]}")
def test_documented_command_runs(block, sandbox):
    file, line, _, marker, code = block
    if marker.startswith("skip"):
        pytest.skip(f"{file}:{line}: {marker.partition(':')[2].strip()}")
    if "needs nvim" in marker and shutil.which("nvim") is None and not IN_CI:
        pytest.skip("nvim is not installed")
    for command in _commands(code):
        proc = sandbox.run(command)
        assert proc.returncode in _expected(marker, command), (
            f"{file}:{line}: `{command}` exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        assert "Traceback" not in proc.stderr, proc.stderr


# ---------------------------------------------------------------- docs/output.md is what runs


def _keys(value, prefix="") -> set[str]:
    """Every key path of a JSON value (lists: their items merged), "…" placeholders left out."""
    out = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "…":
                continue
            out.add(prefix + k)
            out |= _keys(v, prefix + k + ".")
    elif isinstance(value, list):
        for item in value:
            out |= _keys(item, prefix + "[].")
    return out


def _output_examples() -> list[dict]:
    text = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    return [json.loads(code) for _, _, language, marker, code in _blocks()
            if marker == "output" and language == "json" and code in text]


def test_output_examples_have_exactly_the_fields_figcheck_writes(tmp_path):
    check_example, extract_example = _output_examples()
    figcheck = [sys.executable, "-m", "figcheck"]
    checked = json.loads(subprocess.run([*figcheck, "check", "--format", "json", "--no-config",
                                         "seeds/kharkiv-counteroffensive-2022.txt"], cwd=ROOT,
                                        capture_output=True, text=True, timeout=120).stdout)
    real = checked["files"][0]["diagnostics"][0]
    assert _keys(check_example) == _keys({**checked, "files": [{**checked["files"][0], "diagnostics": [real]}]})
    assert check_example["files"][0]["diagnostics"][0]["start"] == real["start"]
    assert check_example["files"][0]["diagnostics"][0]["related"][0]["start"] == real["related"][0]["start"]
    assert check_example["summary"] == checked["summary"]
    (tmp_path / "a.txt").write_text("It covers more than 1,000 square kilometres.\n")
    extracted = json.loads(subprocess.run([*figcheck, "extract", "--format", "json", "a.txt"], cwd=tmp_path,
                                          capture_output=True, text=True, timeout=120).stdout)
    assert extracted == extract_example


def test_no_placeholder_locations_in_tracked_files():
    """The bar of issue 16: no pointer outside the repository, no made-up host."""
    proc = subprocess.run(["git", "grep", "-n", "-e", "shared/", "-e", "example.invalid", "-e", "github.com/figcheck",
                           "--", "README.md", "docs", "editors", "figcheck", "server"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    if proc.returncode not in (0, 1):
        pytest.skip(f"git grep failed: {proc.stderr}")
    assert proc.stdout == "", proc.stdout
