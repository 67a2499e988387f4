"""``--format json``: the whole run as one document (the contract in ``docs/output.md``).

Written as it goes, one file entry a line, so a large run is neither held in memory nor slowed
by pretty-printing (``json.dumps`` without ``indent`` runs in C; indented output does not).
"""

from __future__ import annotations

import json

from .common import OUTPUT_VERSION, Reporter, Summary, json_text


class JsonDocumentWriter:
    """``{"version": 1, "files": [`` entries ``], ...tail}``, streamed."""

    def __init__(self, out) -> None:
        self.out = out
        self.count = 0

    def entry(self, item: dict) -> None:
        self.entry_text(json_text(item))

    def entry_text(self, text: str) -> None:
        """An entry already written as JSON (by :func:`json_text`)."""
        if self.count == 0:
            self.out.write(f'{{\n  "version": {OUTPUT_VERSION},\n  "files": [\n    {text}')
        else:
            self.out.write(",\n    " + text)
        self.count += 1

    def close(self, tail: dict) -> None:
        if self.count == 0:
            self.out.write(f'{{\n  "version": {OUTPUT_VERSION},\n  "files": [')
        else:
            self.out.write("\n  ")
        self.out.write("]")
        for key, value in tail.items():
            self.out.write(f",\n  {json.dumps(key)}: {json_text(value)}")
        self.out.write("\n}\n")


class JsonReporter(Reporter):
    def __init__(self, out, err, options) -> None:
        super().__init__(out, err, options)
        self.writer = JsonDocumentWriter(out)

    def file(self, result) -> None:
        self.writer.entry_text(entry_text(result))

    def finish(self, summary: Summary) -> None:
        self.writer.close({
            "summary": {
                "files": summary.files,
                "diagnostics": summary.diagnostics,
                "errors": summary.errors,  # files that could not be checked (docs/output.md)
                "files_with_errors": summary.errors,  # the same, under a name that says so
                "fixed": summary.fixed,
                "fixable": summary.fixable,
                "severities": summary.severities,
            }
        })


def entry_text(result) -> str:
    """``json_text(result.as_dict())``; for a file checked clean (most files), written directly
    rather than built as a dict and encoded (issue #15)."""
    if result.claims is None and not result.diagnostics and result.error is None and not result.fixed:
        return '{"path": ' + json_text(result.path) + ', "diagnostics": [], "error": null}'
    return json_text(result.as_dict())


REPORTER = JsonReporter
