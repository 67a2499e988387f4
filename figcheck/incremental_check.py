"""Checking one document across edits: a check after an edit redoes only the work it touched.

:class:`HeldDocument` is what a holder of a document (the language server, an editor plug-in, a
watch loop) keeps between checks; passed to :func:`figcheck.engine.check_document`, it makes the
check reuse the previous check's verdicts on pairs of figures whose windows the edit left alone
(:mod:`figcheck.rules.pair_reuse`). The diagnostics are those of a check without it, exactly:
the tests compare the two over random edit sequences. Extraction has its own cache,
:class:`figcheck.extract.incremental.ParagraphCache`, whose claims can be passed in.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from collections.abc import Iterator
from itertools import count

from .config import Settings
from .model import Claim
from .rules.context import CheckContext, MemoKey
from .rules.pair_reuse import PAIR_REUSE, ClaimKey, KeptVerdicts, PairReuse
from .text.lines import paragraph_breaks

# The ids of the paragraph texts of the check in progress (see :func:`claim_keys`).
_PARAGRAPH_IDS: MemoKey[dict[str, int]] = MemoKey("incremental_check.paragraph_ids")


@dataclass
class _Kept:
    """One check's state, replaced whole (a check on a worker thread reads a consistent one)."""

    settings: Settings | None = None
    format: str | None = None
    paragraph_ids: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, KeptVerdicts] = field(default_factory=dict)


class HeldDocument:
    """What is kept of one document between its checks (see the module's documentation)."""

    def __init__(self) -> None:
        self._kept = _Kept()
        self._ids = count()
        self.last: PairReuse | None = None  # the latest check's reuse (for tests, benchmarks)

    def prepare(self, ctx: CheckContext) -> None:
        """Name the claims of ``ctx`` and hand the rules the previous check's verdicts."""
        kept = self._kept
        same = kept.settings == ctx.settings and kept.format == ctx.document.format
        keys, ids = claim_keys(ctx.text, ctx.claims, kept.paragraph_ids, self._ids)
        reuse = PairReuse(keys, kept.verdicts if same else {})
        ctx.memo(PAIR_REUSE, lambda: reuse)
        ctx.memo(_PARAGRAPH_IDS, lambda: ids)
        self.last = reuse

    def keep(self, ctx: CheckContext) -> None:
        """Keep what this check found, for the next one."""
        reuse = ctx.memo(PAIR_REUSE, lambda: None)
        if reuse is None:
            return
        ids = ctx.memo(_PARAGRAPH_IDS, dict)
        self._kept = _Kept(ctx.settings, ctx.document.format, ids, reuse.kept)


def claim_keys(prose: str, claims: list[Claim], ids_before: dict[str, int],
               new_id: Iterator[int]) -> tuple[list[ClaimKey], dict[str, int]]:
    """Each claim's :data:`ClaimKey`, and the ids of the paragraph texts that hold claims (the
    ids of ``ids_before`` kept for texts still there, ``next(new_id)`` for new ones). Paragraphs
    are :func:`figcheck.extract.incremental.paragraphs`' (a break belongs to the paragraph after
    it): what extraction reads a claim from, and what its sentences lie in."""
    starts = [0, *(m.start() for m in paragraph_breaks(prose))]
    starts.append(len(prose))
    ids: dict[str, int] = {}
    seen: dict[int, int] = {}  # paragraph text id → its occurrences so far
    named: dict[int, list[int]] = {}  # paragraph → [its key's first two parts, claims so far]
    keys: list[ClaimKey] = []
    for claim in claims:
        p = bisect_right(starts, claim.start) - 1
        place = named.get(p)
        if place is None:
            text = prose[starts[p] : starts[p + 1]]
            found = ids.get(text)
            if found is None:
                found = ids_before.get(text)
                ids[text] = found = next(new_id) if found is None else found
            seen[found] = seen.get(found, -1) + 1
            place = named[p] = [found, seen[found], 0]
        keys.append((place[0], place[1], place[2]))
        place[2] += 1
    return keys, ids
