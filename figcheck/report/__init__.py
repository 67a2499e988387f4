"""Output formats. Each is a :class:`Reporter` fed one :class:`FileResult` at a time, so the
streaming formats (jsonl, and the human ones as files finish in order) never hold a whole run.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TextIO

from ..results import FileResult

# format name → module under figcheck.report; imported only when used.
FORMATS: dict[str, str] = {
    "full": "full",
    "concise": "concise",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
}
MACHINE_FORMATS = frozenset({"json", "jsonl", "sarif"})


@dataclass
class ReportOptions:
    color: bool = False
    unsafe_fixes: bool = False  # whether unsafe fixes count as fixable
    fix_mode: bool = False  # --fix was given: the summary reports what was fixed
    quiet: bool = False  # no summary line


@dataclass
class Summary:
    files: int = 0
    errors: int = 0  # files that could not be checked
    fixed: int = 0
    files_with_diagnostics: int = 0
    severities: dict[str, int] = field(
        default_factory=lambda: {"error": 0, "warning": 0, "information": 0, "hint": 0}
    )
    fixable: int = 0  # with the fixes the run allows
    unsafe_only: int = 0  # fixable only with --unsafe-fixes

    @property
    def diagnostics(self) -> int:
        return sum(self.severities.values())

    def add(self, result: FileResult, unsafe_fixes: bool) -> None:
        self.files += 1
        self.fixed += result.fixed
        if result.error is not None:
            self.errors += 1
        if result.diagnostics:
            self.files_with_diagnostics += 1
        for d in result.diagnostics:
            self.severities[d["severity"]] = self.severities.get(d["severity"], 0) + 1
            fix = d["fix"]
            if fix is None:
                continue
            if fix["applicability"] == "safe" or unsafe_fixes:
                self.fixable += 1
            else:
                self.unsafe_only += 1


class Reporter:
    """Base class: ``file`` is called once per file (in order, unless ``streaming``)."""

    streaming = False  # True: files are reported as they finish, in any order

    def __init__(self, out: TextIO, err: TextIO, options: ReportOptions) -> None:
        self.out = out
        self.err = err
        self.options = options

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def reporter_for(name: str, out: TextIO, err: TextIO, options: ReportOptions) -> Reporter:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.REPORTER(out, err, options)


def render(result: FileResult, name: str, options: ReportOptions | None = None) -> str:
    """One file's report in format ``name``, as a string (what the playground downloads)."""
    import io

    options = options or ReportOptions()
    out = io.StringIO()
    reporter = reporter_for(name, out, io.StringIO(), options)
    summary = Summary()
    summary.add(result, options.unsafe_fixes)
    reporter.file(result)
    reporter.finish(summary)
    return out.getvalue()


__all__ = ["FORMATS", "FileResult", "Reporter", "ReportOptions", "Summary", "render", "reporter_for"]
