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
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
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


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the revision to compare against (e.g. main, a SHA)")
    ap.add_argument("--head", help="the revision checked (default: the working tree, uncommitted "
                                   "changes included)")
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL,
                    help=f"the evaluation data (default: {DEFAULT_EVAL}; skipped when missing)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    temp = Path(tempfile.mkdtemp(prefix="figcheck-same-output-"))
    try:
        base_commit = export(args.base, temp / "base")
        if args.head:
            head_label = export(args.head, temp / "head")[:12]
            head_checkout = temp / "head"
        else:
            head_label, head_checkout = "the working tree", REPO
        inputs = temp / "inputs"
        inputs.mkdir()
        names = copy_inputs(head_checkout, args.eval, inputs)
        files = sum(1 for name in names for p in (inputs / name).rglob("*") if p.is_file())
        base_runs = run_revision(temp / "base", inputs, names)
        head_runs = run_revision(head_checkout, inputs, names)
        report = differences(base_runs, head_runs)
        elapsed = time.perf_counter() - started
        what = f"{base_commit[:12]} and {head_label} over {', '.join(names)} ({files} files, {elapsed:.0f} s)"
        if report:
            print(f"same_output: DIFFERENT output from {what}:")
            print("\n".join(report))
            return 1
        print(f"same_output: identical output ({', '.join(COMMANDS)}) from {what}")
        return 0
    finally:
        if args.keep:
            print(f"same_output: kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
