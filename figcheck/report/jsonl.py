"""``--format jsonl``: one file's result object a line, written as each file finishes.

Each line is a ``files[]`` entry of the json format plus ``"version"``; nothing is kept, so a
run over a huge archive streams in constant memory.
"""

from __future__ import annotations

import json

from . import Reporter
from .common import OUTPUT_VERSION


class JsonLinesReporter(Reporter):
    streaming = True

    def file(self, result) -> None:
        line = {"version": OUTPUT_VERSION, **result.as_dict()}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.out.flush()


REPORTER = JsonLinesReporter
