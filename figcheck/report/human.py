"""What the human formats share: the closing summary line, file errors, colour."""

from __future__ import annotations

from ..model import SEVERITIES
from ..printable import printable
from .common import ReportOptions, Summary

_SEVERITY_WORDS = {"information": "note"}  # what a summary calls a severity, where not its name
_COLORS = {
    "error": "1;31",
    "warning": "1;33",
    "information": "1;34",
    "hint": "1;36",
    "bold": "1",
    "dim": "2",
    "gutter": "34",
    "path": "1",
    "fix": "32",
}


class Paint:
    """ANSI styling that is a no-op when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or not text:
            return text
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def summary_line(summary: Summary, options: ReportOptions) -> str:
    counts = [plural(summary.severities.get(sev, 0), _SEVERITY_WORDS.get(sev, sev)) for sev in SEVERITIES
              if summary.severities.get(sev, 0)]
    parts = []
    if options.fix_mode:
        parts.append(f"Fixed {plural(summary.fixed, 'problem')}")
    if counts:
        where = plural(summary.files_with_diagnostics, "file")
        remaining = " remaining" if options.fix_mode else ""
        text = f"{_join(counts)}{remaining} in {where}"
        parts.append(text)
        hint = _fix_hint(summary, options)
        if hint:
            parts.append(hint)
    elif not options.fix_mode:
        parts.append(f"No problems found in {plural(summary.files - summary.errors, 'file')}")
    else:
        parts.append("nothing remaining")
    line = "; ".join(parts) + "."
    if summary.errors:
        line += f" {plural(summary.errors, 'file')} could not be checked."
    return line


def _fix_hint(summary: Summary, options: ReportOptions) -> str:
    more = summary.unsafe_only
    if summary.fixable:
        hint = f"{summary.fixable} fixable with --fix"
        if options.unsafe_fixes:
            hint = f"{summary.fixable} fixable with --fix --unsafe-fixes"
        return hint + (f" ({more} more with --unsafe-fixes)" if more else "")
    if more:
        return f"{more} fixable with --unsafe-fixes"
    return ""


def file_error_line(path: str, error: dict, paint: Paint) -> str:
    return f"{paint('error', 'error')}: {paint('path', printable(path))}: {printable(error['message'])}"
