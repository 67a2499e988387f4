"""How often the garbage collector runs while figcheck checks: one setting for the command line's
run over files and the language server's keystrokes."""

from __future__ import annotations

import gc

# Objects allocated (net) between young-generation collections; Python's default is 700. Checking
# makes many short-lived containers (claims, words, diagnostics, LSP objects) that reference
# counting frees: at 700 the collector ran ~100 times over 2,000 news stories (0.12 s of CPU) and
# ~9 times a keystroke in a 1 MB document (~11 ms); at 20,000 three times over the stories and not
# once in 15 keystrokes, for the same memory to a few MB.
YOUNG_THRESHOLD = 20_000


def collect_less_often() -> None:
    """Collect the young generation once every :data:`YOUNG_THRESHOLD` allocations."""
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
