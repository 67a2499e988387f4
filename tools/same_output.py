"""Prove that two revisions of figcheck print the same bytes (issue #17's bar).

    python tools/same_output.py --base REV [--head REV] [--eval DIR]

Each revision is exported (``git archive``) into a temporary directory and its CLI run as
``python -m figcheck`` with ``PYTHONPATH`` at that export (the same interpreter for both), from
one shared working directory holding the inputs under the same relative names, so that paths in
the output compare equal. The inputs are the seeds, the test fixtures and, when the evaluation
data exists (``../shared/eval`` by default), its ``check/`` and ``news/reuters-dev/`` sets and the
``text`` of every line of its extract sets (one file a line, named by set and line number). They
are taken from ``--head`` (or from the working tree when no head is given), so a new fixture is
checked by both revisions.

Every command runs once per revision over all the inputs (one process, not one per file):
``extract --format json``, ``check --format json --no-config`` and
``check --diff --unsafe-fixes --no-config``. Their standard output, standard error and exit
status must be identical. Exits 0 when they are, 1 listing the first differences, 2 on a usage
or git error.

``--record FILE`` (with ``--head``) skips a pair already found identical under the same
conditions, and records a pair found identical. Two fixed commits print what their code, their
inputs, the interpreter and the installed packages make them print, so the condition is all of
these: both commit ids, a digest of every input file (names and bytes), the Python version and
platform, and the version of each package figcheck depends on (its requirements, transitively).
When any of them differs (a new Reuters story, a new pint), the pair runs again. CI records its
history pairs in ``tools/same_output_record.json``; the working tree is never recorded.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.metadata
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
EVAL_FOLDERS = {"eval/check": "check", "eval/reuters-dev": "news/reuters-dev"}
COMMANDS = {
    "extract": ["extract", "--format", "json", "--no-config"],
    "check": ["check", "--format", "json", "--no-config", "--no-progress"],
    "fix-diff": ["check", "--diff", "--unsafe-fixes", "--no-config", "--no-progress"],
}
SHOWN_DIFF_LINES = 40  # of each differing stream


@dataclass(frozen=True)
class Run:
    """What one command printed."""

    stdout: bytes
    stderr: bytes
    status: int


def git(*args: str) -> bytes:
    proc = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"same_output: git {' '.join(args)}: {proc.stderr.decode().strip()}")
    return proc.stdout


def export(rev: str, into: Path) -> str:
    """The tree of ``rev`` written to ``into``; returns the full commit id."""
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}").decode().strip()
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(git("archive", "--format=tar", commit))) as tar:
        tar.extractall(into, filter="data")
    return commit


def copy_inputs(source: Path, eval_dir: Path | None, inputs: Path) -> list[str]:
    """The inputs laid out under ``inputs``; returns their relative names."""
    names = []
    for name, where in (("seeds", source / "seeds"), ("fixtures", source / "tests" / "fixtures")):
        if where.is_dir():
            shutil.copytree(where, inputs / name)
            names.append(name)
    if eval_dir is None or not eval_dir.is_dir():
        return names
    for name, relative in EVAL_FOLDERS.items():
        if (eval_dir / relative).is_dir():
            shutil.copytree(eval_dir / relative, inputs / name)
            names.append(name)
    for jsonl in sorted((eval_dir / "extract").glob("*.jsonl")):
        name = f"eval/extract/{jsonl.stem}"
        folder = inputs / name
        folder.mkdir(parents=True)
        lines = jsonl.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.strip():
                (folder / f"line{number:05d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
        names.append(name)
    return names


def run_revision(checkout: Path, inputs: Path, names: list[str]) -> dict[str, Run]:
    """Every command of COMMANDS, run by the figcheck in ``checkout``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(checkout), str(checkout / "server")]),
           "NO_COLOR": "1", "PYTHONHASHSEED": "0"}
    env.pop("FIGCHECK_DEBUG", None)
    where = subprocess.run([sys.executable, "-c", "import figcheck; print(figcheck.__file__)"],
                           cwd=inputs, env=env, capture_output=True, text=True)
    if not where.stdout.startswith(str(checkout)):
        raise SystemExit(f"same_output: the figcheck imported is {where.stdout.strip() or where.stderr}, "
                         f"not the one in {checkout}")
    runs = {}
    for label, command in COMMANDS.items():
        proc = subprocess.run([sys.executable, "-m", "figcheck", *command, *names],
                              cwd=inputs, env=env, capture_output=True, stdin=subprocess.DEVNULL)
        runs[label] = Run(proc.stdout, proc.stderr, proc.returncode)
    return runs


def differences(base: dict[str, Run], head: dict[str, Run]) -> list[str]:
    """A readable account of what differs (empty when nothing does)."""
    report = []
    for label, before in base.items():
        after = head[label]
        if before.status != after.status:
            report.append(f"{label}: exit status {before.status} (base) != {after.status} (head)")
        for stream in ("stdout", "stderr"):
            old, new = getattr(before, stream), getattr(after, stream)
            if old != new:
                report.append(f"{label}: {stream} differs:")
                report.extend(first_lines_of_diff(old, new, f"base {label} {stream}", f"head {label} {stream}"))
    return report


def first_lines_of_diff(old: bytes, new: bytes, old_name: str, new_name: str) -> list[str]:
    old_lines = old.decode("utf-8", "replace").splitlines()
    new_lines = new.decode("utf-8", "replace").splitlines()
    lines = list(difflib.unified_diff(old_lines, new_lines, old_name, new_name, n=1, lineterm=""))
    shown = [f"    {line[:300]}" for line in lines[:SHOWN_DIFF_LINES]]
    if len(lines) > SHOWN_DIFF_LINES:
        shown.append(f"    ... {len(lines) - SHOWN_DIFF_LINES} more diff lines")
    return shown


def inputs_digest(inputs: Path) -> str:
    """sha256 over the relative name and bytes of every input file, in name order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in inputs.rglob("*") if p.is_file()):
        content = path.read_bytes()
        digest.update(f"{path.relative_to(inputs).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def dependency_versions(root: str = "figcheck") -> dict[str, str]:
    """name -> version of every installed package ``root`` requires, transitively (not extras')."""
    found: dict[str, str] = {}
    waiting = [root]
    while waiting:
        name = re.sub(r"[-_.]+", "-", waiting.pop()).lower()
        if name in found:
            continue
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # a requirement for another platform or Python
        found[name] = dist.version
        for requirement in dist.requires or []:
            if "extra ==" not in requirement.partition(";")[2]:
                waiting.append(re.match(r"[A-Za-z0-9._-]+", requirement).group())
    found.pop(root, None)  # its own code is the commits'
    return dict(sorted(found.items()))


def conditions(base: str, head: str, inputs: Path) -> dict:
    """Everything the output of two fixed commits depends on (see --record)."""
    return {"base": base, "head": head, "inputs": inputs_digest(inputs),
            "python": f"{platform.python_implementation()} {platform.python_version()} {sys.platform}",
            "packages": dependency_versions()}


def recorded(record: Path, key: dict) -> bool:
    return record.is_file() and key in json.loads(record.read_text(encoding="utf-8"))


def add_record(record: Path, key: dict) -> None:
    entries = json.loads(record.read_text(encoding="utf-8")) if record.is_file() else []
    record.write_text(json.dumps([*entries, key], indent=1) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the revision to compare against (e.g. main, a SHA)")
    ap.add_argument("--head", help="the revision checked (default: the working tree, uncommitted "
                                   "changes included)")
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL,
                    help=f"the evaluation data (default: {DEFAULT_EVAL}; skipped when missing)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--record", type=Path, help="skip the pair when this JSON file records it identical "
                                                "under the same conditions; record it when found so "
                                                "(needs --head)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.record and not args.head:
        print("same_output: --record needs --head (the working tree is never recorded)", file=sys.stderr)
        return 2
    temp = Path(tempfile.mkdtemp(prefix="figcheck-same-output-"))
    try:
        return compare(args, temp)
    finally:
        if args.keep:
            print(f"same_output: kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)


def compare(args: argparse.Namespace, temp: Path) -> int:
    started = time.perf_counter()
    base_commit = export(args.base, temp / "base")
    if args.head:
        head_commit = export(args.head, temp / "head")
        head_label, head_checkout = head_commit[:12], temp / "head"
    else:
        head_label, head_checkout = "the working tree", REPO
    inputs = temp / "inputs"
    inputs.mkdir()
    names = copy_inputs(head_checkout, args.eval, inputs)
    files = sum(1 for name in names for p in (inputs / name).rglob("*") if p.is_file())
    key = conditions(base_commit, head_commit, inputs) if args.record else None
    what = f"{base_commit[:12]} and {head_label} over {', '.join(names)} ({files} files"
    if key and recorded(args.record, key):
        print(f"same_output: identical output ({', '.join(COMMANDS)}) from {what}), as recorded in "
              f"{args.record} under the same inputs, Python and packages")
        return 0
    base_runs = run_revision(temp / "base", inputs, names)
    head_runs = run_revision(head_checkout, inputs, names)
    report = differences(base_runs, head_runs)
    what += f", {time.perf_counter() - started:.0f} s)"
    if report:
        print(f"same_output: DIFFERENT output from {what}:")
        print("\n".join(report))
        return 1
    print(f"same_output: identical output ({', '.join(COMMANDS)}) from {what}")
    if key:
        add_record(args.record, key)
    return 0

if __name__ == "__main__":
    sys.exit(main())
