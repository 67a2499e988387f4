"""One line a diagnostic, for grep and editors: ``path:line:col: CODE message``."""

from __future__ import annotations

from ..printable import printable
from .common import Reporter, Summary
from .human import Paint, file_error_line, summary_line


class ConciseReporter(Reporter):
    def __init__(self, out, err, options) -> None:
        super().__init__(out, err, options)
        self.paint = Paint(options.color)

    def file(self, result) -> None:
        if result.error is not None:
            self.err.write(file_error_line(result.path, result.error, self.paint) + "\n")
        for d in result.diagnostics:
            self.out.write(render(d, result.path, self.paint) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.out.write(summary_line(summary, self.options) + "\n")


def render(d: dict, path: str, paint: Paint | None = None) -> str:
    paint = paint or Paint(False)
    start = d["start"]
    message = printable(" ".join(d["message"].split()))  # one line, whatever the message holds
    return f"{paint('path', printable(path))}:{start['line']}:{start['column']}: {paint(d['severity'], d['code'])} {message}"


REPORTER = ConciseReporter
