"""What every format shares: the output contract's version and its JSON writing.

The contract's objects themselves (a file's result, a diagnostic or a claim as a dict) are built
by the workers: :mod:`figcheck.results`.
"""

from __future__ import annotations

import json
import re

OUTPUT_VERSION = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(value) -> str:
    """``json.dumps`` (UTF-8, not ASCII-escaped) that stays valid UTF-8 for any file name.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates
    (U+DC80–U+DCFF), which no UTF-8 stream can carry. They are written as JSON escapes
    (``"\\udcff"``): the output stays valid, and ``json.loads`` then ``os.fsencode`` gives the
    original bytes back (issue #19).
    """
    text = json.dumps(value, ensure_ascii=False)
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
