"""Text from outside (file names, messages quoting a document) made safe to show on a terminal.

A leaf module: discovery and glob matching warn about paths before any report exists.
"""

from __future__ import annotations

import re

# What must not reach a terminal as it is (issue #19): C0 controls but tab, DEL, C1 controls
# (ESC, CSI and OSC sequences set titles, move the cursor, …), bidirectional overrides (text
# shown in another order than it is), and the lone surrogates Python uses for undecodable
# bytes in file names.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _shown(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC: one cell, like the character it stands for
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: control characters are shown, not obeyed, as ruff
    shows them in source lines (U+241B ␛ for ESC) and git quotes them in paths (``\\x9b``)."""
    return _UNPRINTABLE.sub(lambda m: _shown(m.group()), text) if _UNPRINTABLE.search(text) else text
