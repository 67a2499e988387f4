"""``--format jsonl``: one file's result object a line, written as each file finishes.

Each line is a ``files[]`` entry of the json format plus ``"version"``; nothing is kept, so a
run over a huge archive streams in constant memory.
"""

from __future__ import annotations

from .common import OUTPUT_VERSION, Reporter, json_text


class JsonLinesReporter(Reporter):
    streaming = True

    def file(self, result) -> None:
        line = {"version": OUTPUT_VERSION, **result.as_dict()}
        self.out.write(json_text(line) + "\n")
        self.out.flush()


REPORTER = JsonLinesReporter
