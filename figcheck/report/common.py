"""What every format shares: the reporter's interface and options, the run's summary, the
output contract's version and its JSON writing.

The contract's objects themselves (a file's result, a diagnostic or a claim as a dict) are built
by the workers: :mod:`figcheck.results`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TextIO

from ..model import SEVERITIES
from ..results import FileResult

OUTPUT_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")
# json.dumps(value, ensure_ascii=False) builds an encoder a call, which costs more than encoding
# a clean file's entry: one, made once, encodes the same.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_text(value) -> str:
    """``json.dumps`` (UTF-8, not ASCII-escaped) that stays valid UTF-8 for any file name.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates
    (U+DC80–U+DCFF), which no UTF-8 stream can carry. They are written as JSON escapes
    (``"\\udcff"``): the output stays valid, and ``json.loads`` then ``os.fsencode`` gives the
    original bytes back (issue #19).
    """
    text = _ENCODER.encode(value)
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
        default_factory=lambda: dict.fromkeys(SEVERITIES, 0)
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
