"""Output formats. Each is a :class:`Reporter` fed one :class:`FileResult` at a time, so the
streaming formats (jsonl, and the human ones as files finish in order) never hold a whole run.
"""

from __future__ import annotations

import importlib
from typing import TextIO

from ..results import FileResult
from .common import Reporter, ReportOptions, Summary

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
