"""``markdown``: a report to paste into an issue, a pull request or an editor's notes.

One heading a file with problems, one list item a diagnostic (code, name, severity, where, the
text flagged, the message), its related places and its fix nested under it, and the summary
line of the human formats at the end. Text from the document is escaped, so a figure written as
``*5*`` or ``<b>`` is shown as written, not as Markdown or HTML.
"""

from __future__ import annotations

import re

from .common import Reporter, Summary
from .human import summary_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line (whitespace runs become one space)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _where(position: dict) -> str:
    if position.get("line") is None:
        return f"offset {position['offset']}"
    return f"line {position['line']}, column {position['column']}"


def render(d: dict) -> str:
    """One diagnostic (a dict of the JSON contract) as a Markdown list item."""
    lines = [
        f"- **{d['code']} {d['name']}** ({d['severity']}), {_where(d['start'])}: "
        f"“{escape(d['text'])}” — {escape(d['message'])}"
    ]
    for r in d["related"]:
        quoted = f" “{escape(r['text'])}”" if r.get("text") else ""
        lines.append(f"  - related, {_where(r['start'])}{quoted}: {escape(r['message'])}")
    if d["fix"] is not None:
        lines.append(f"  - fix ({d['fix']['applicability']}): {escape(d['fix']['message'])}")
    return "\n".join(lines)


class MarkdownReporter(Reporter):
    def __init__(self, out, err, options) -> None:
        super().__init__(out, err, options)
        self.started = False

    def file(self, result) -> None:
        if not self.started:
            self.out.write("# figcheck report\n")
            self.started = True
        if result.error is None and not result.diagnostics:
            return
        self.out.write(f"\n## {escape(result.path)}\n\n")
        if result.error is not None:
            self.out.write(f"Not checked ({result.error['kind']}): {escape(result.error['message'])}\n")
        for d in result.diagnostics:
            self.out.write(render(d) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.started:
            self.out.write("# figcheck report\n")
        self.out.write(f"\n{summary_line(summary, self.options)}\n")


REPORTER = MarkdownReporter
