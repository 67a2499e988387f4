"""Checking one document across edits: a check after an edit redoes only the work it touched.

:class:`HeldDocument` is what a holder of a document (the language server, an editor plug-in, a
watch loop) keeps between checks; passed to :func:`figcheck.engine.check_document`, it makes the
check reuse the previous check's work where the edit left the paragraphs alone:

- the verdicts on pairs of figures whose windows the edit did not touch (FC201, FC202: see
  :mod:`figcheck.rules.pair_reuse`), and FC202's diagnostics made from such verdicts, moved;
- the diagnostics of rules of paragraph scope (``SCOPE = "paragraph"``: FC101, FC102, FC301,
  FC302, FC303, FC304) in the paragraphs the edit left alone and that lie out of their reach
  (:data:`figcheck.rules.PARAGRAPH_REACH`), moved to where they now stand
  (:meth:`HeldDocument.diagnostics`);
- the context's paragraph starts in the paragraphs before and after the edit, moved to where
  they now stand (:func:`paragraph_layout`; the sentences of a paragraph are cached by its text
  already, see :func:`figcheck.rules.context.sentence_starts`).

The diagnostics are those of a check without it, exactly: the tests compare the two over random
edit sequences. Extraction has its own cache,
:class:`figcheck.extract.incremental.ParagraphCache`, whose claims can be passed in.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import count

from .config import Settings
from .extract.shift import shifted
from .model import Claim, Diagnostic
from .rules import PARAGRAPH_REACH, Rule, frame, sections
from .rules.context import CheckContext, MemoKey
from .rules.suppression import DirectiveSearch
from .rules.pair_reuse import (  # (equals_moved: for holders that keep what they made of diagnostics)
    PAIR_REUSE,
    ClaimKey,
    KeptVerdicts,
    PairReuse,
    equals_moved,
    held_reuse,
    moved_diagnostic,
)
from .text import Document, read_document
from .text.lines import TextVersions, paragraph_bounds
from .text.readers import read_plain_after_edit

# A paragraph, as extraction reads it (:func:`figcheck.extract.incremental.paragraphs`: a break
# belongs to the paragraph after it): (start, end) in the prose.
Bounds = list[tuple[int, int]]


@dataclass
class _Kept:
    """One check's state, replaced whole (a check on a worker thread reads a consistent one)."""

    settings: Settings | None = None
    layout: ParagraphLayout | None = None
    paragraph_ids: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, KeptVerdicts] = field(default_factory=dict)
    keys: list[ClaimKey] = field(default_factory=list)
    claim_starts: list[int] = field(default_factory=list)
    buckets: dict[tuple, list[int]] | None = None  # frame.buckets, when the check made them
    continues: bool = False  # the same settings and format as the check before it
    # code → the diagnostics of a rule of paragraph scope (as it gave them, before suppressions)
    by_paragraph: dict[str, list[Diagnostic]] = field(default_factory=dict)
    # claim key → the sections it sits under (rules.sections.claim_sections): a pair's verdicts
    # are kept only while both its claims' stand
    sections: dict[ClaimKey, tuple] = field(default_factory=dict)


# The state of the check in progress, kept in its context until the check ends.
_IN_PROGRESS: MemoKey[_Kept] = MemoKey("incremental_check.in_progress")
# The context's paragraph starts can be given to it (a cached property of CheckContext).
_SEEDABLE = isinstance(vars(CheckContext).get("paragraph_starts"), cached_property)
# So can its line index (moved from the latest one's by the edit, not read from the whole text).
_LINES_SEEDABLE = isinstance(vars(CheckContext).get("lines"), cached_property)


class HeldDocument:
    """What is kept of one document between its checks (see the module's documentation)."""

    def __init__(self, versions: TextVersions | None = None) -> None:
        # the text's versions, shared with other holders of the same document (its own if none)
        self.versions = TextVersions() if versions is None else versions
        self.directives = DirectiveSearch(self.versions)  # whether the text holds a suppression
        self._kept = _Kept()
        self._ids = count()
        self.last: PairReuse | None = None  # the latest check's reuse (for tests, benchmarks)
        self._read: Document | None = None  # the latest version read (see read())

    def read(self, source: str, fmt: str) -> Document:
        """:func:`figcheck.text.read_document`, with a plain text's headings moved from the
        previous version's where an edit left its lines alone (a holder reads the whole document
        again at each keystroke; finding a 1 MB text's headings afresh costs ~5 ms)."""
        previous = self._read
        ends = None
        if fmt == "text" and previous is not None and previous.format == "text":
            ends = self.versions.short_edit(previous.source, source)
        document = read_document(source, fmt) if ends is None else read_plain_after_edit(source, previous, *ends)
        self._read = document
        return document

    def prepare(self, ctx: CheckContext) -> None:
        """Name the claims of ``ctx``, hand the rules the previous check's verdicts, and give the
        context its paragraph starts, moved from the previous check's where it can."""
        kept, fmt, prose = self._kept, ctx.document.format, ctx.text
        layout = paragraph_layout(prose, fmt, kept.layout, self.versions)
        claim_starts = [c.start for c in ctx.claims]
        runs = _claim_runs(claim_starts, layout, kept)
        keys, ids = None if runs is None else _moved_keys(claim_starts, layout, runs, kept, self._ids), {}
        if keys is None:
            keys, ids = claim_keys(prose, ctx.claims, kept.paragraph_ids, self._ids, layout.bounds())
        if _SEEDABLE:
            ctx.paragraph_starts = layout.context_starts
        if _LINES_SEEDABLE and (lines := self.versions.known_lines(ctx.text)) is not None:
            ctx.lines = lines  # (as the holder's line table has it; else read only if asked)
        heads = sections.claim_sections(ctx)
        heads = {} if heads is None else dict(zip(keys, heads))
        same = kept.settings == ctx.settings and kept.layout is not None and kept.layout.format == fmt
        if same and runs is not None and kept.buckets is not None:
            frame.moved_buckets(ctx, kept.buckets, *runs, len(kept.claim_starts))
        reuse = PairReuse(keys, _standing(kept.verdicts, kept.sections, heads) if same else {},
                          texts=None if kept.layout is None else (kept.layout.prose, prose),
                          ends_of=self.versions.common_ends)
        ctx.memo(PAIR_REUSE, lambda: reuse)
        ctx.memo(_IN_PROGRESS, lambda: _Kept(ctx.settings, layout, ids, {}, keys, claim_starts, None, same,
                                             sections=heads))
        self.last = reuse

    def diagnostics(self, rule: Rule, ctx: CheckContext) -> list[Diagnostic]:
        """``rule.check(ctx)``; for a rule of paragraph scope, those of the paragraphs the edit
        left alone taken from the previous check (moved), found again only in the others."""
        now = ctx.memo(_IN_PROGRESS, lambda: None)
        if now is None or rule.scope != "paragraph":
            return list(rule.check(ctx))
        before = self._kept.by_paragraph.get(rule.code) if now.continues else None
        layout, old_layout = now.layout, self._kept.layout
        if before is None or layout is None or layout.unchanged is None or old_layout is None:
            found = list(rule.check(ctx))
        else:
            found = _reused(rule, ctx, before, old_layout, layout)
        now.by_paragraph[rule.code] = found
        return found

    def keep(self, ctx: CheckContext) -> None:
        """Keep what this check found, for the next one."""
        reuse = held_reuse(ctx)
        now = ctx.memo(_IN_PROGRESS, lambda: None)
        if reuse is None or now is None:
            return
        now.verdicts, now.buckets = reuse.kept, reuse.buckets
        self._kept = now


def _reused(rule: Rule, ctx: CheckContext, before: list[Diagnostic], old: ParagraphLayout,
            layout: ParagraphLayout) -> list[Diagnostic]:
    """A paragraph-scope rule's diagnostics: the previous check's in the paragraphs whose text
    and surroundings (within :data:`~figcheck.rules.PARAGRAPH_REACH`) the edit left alone (those
    after the edit moved), the rule's own in the others (:func:`_found_again`)."""
    a, b, b_old = layout.unchanged
    starts, prose = layout.starts, layout.prose
    a, b_more = _reach_back(prose, starts, a), _reach_on(starts, b)
    b_old += b_more - b
    head_end = starts[a] if a < len(starts) else len(prose)  # (the same before the edit: a ≤ the old a)
    tail_start = old.starts[b_old] if b_old < len(old.starts) else len(old.prose) + 1
    delta = len(prose) - len(old.prose)
    found = [d for d in before if d.start < head_end]
    found.extend(_found_again(rule, ctx, layout, a, b_more))
    found.extend(moved_diagnostic(d, delta) for d in before if d.start >= tail_start)
    return found


def _found_again(rule: Rule, ctx: CheckContext, layout: ParagraphLayout, a: int, b: int,
                 ) -> list[Diagnostic]:
    """The rule's diagnostics on the claims of paragraphs [a, b), found in a document of those
    paragraphs and the text a rule may read around them (whole paragraphs), not the whole text:
    a rule that scans its text for cue words scans only this."""
    starts, prose = layout.starts, layout.prose
    lo, hi = _bound(starts, a, prose), _bound(starts, b, prose)
    first, last = bisect_left(ctx.claims, lo, key=_start), bisect_left(ctx.claims, hi, key=_start)
    if first >= last:
        return []
    around_lo = _bound(starts, bisect_right(starts, lo - PARAGRAPH_REACH) - 1, prose)
    around_hi = _bound(starts, _solid_after(prose, starts, b), prose)
    doc = ctx.document
    part = Document(doc.source[around_lo:around_hi], prose[around_lo:around_hi], doc.format)
    claims = [shifted(c, -around_lo, -first) for c in ctx.claims[first:last]]
    found = rule.check(CheckContext(document=part, claims=claims, settings=ctx.settings))
    # (a rule may find something in the text around them, with none of its claims: not theirs)
    return [moved_diagnostic(d, around_lo) for d in found if lo <= d.start + around_lo < hi]


def _bound(starts: list[int], paragraph: int, prose: str) -> int:
    """Where ``paragraph`` starts (the end of the text past the last)."""
    return starts[paragraph] if 0 <= paragraph < len(starts) else (0 if paragraph < 0 else len(prose))


# What a rule may read past a paragraph without limit: white space, commas and hyphens ("a 5%
# rise[,] annually", "a year - earlier"); the rest of its reach counts other characters.
_SOLID = re.compile(r"[^\s,\-]")


def _solid(prose: str, lo: int, hi: int, wanted: int) -> int:
    """How many solid characters (not white space, commas or hyphens) lie in prose[lo:hi], at
    most ``wanted``."""
    n = 0
    for _ in _SOLID.finditer(prose, lo, hi):
        n += 1
        if n >= wanted:
            break
    return n


def _reach_back(prose: str, starts: list[int], a: int) -> int:
    """The first paragraph whose diagnostics stay those of before an edit to paragraph ``a``
    on: a rule's reads past the paragraphs before it (text after their claims) end before
    ``a``. Their claims' reads forward, :data:`PARAGRAPH_REACH` solid characters (and white
    space, commas and hyphens between them), end before ``a`` when that many lie between."""
    solid = 0
    while a > 0 and solid <= PARAGRAPH_REACH:
        a -= 1
        solid += _solid(prose, starts[a], _bound(starts, a + 1, prose), PARAGRAPH_REACH + 1 - solid)
    return a


def _reach_on(starts: list[int], b: int) -> int:
    """The first paragraph from ``b`` on (an edit before ``b``) whose claims' reads back,
    :data:`PARAGRAPH_REACH` characters, end in the text from ``b`` on."""
    if b >= len(starts):
        return len(starts)
    return bisect_left(starts, starts[b] + PARAGRAPH_REACH)


def _solid_after(prose: str, starts: list[int], b: int) -> int:
    """The first paragraph from ``b`` on such that :data:`PARAGRAPH_REACH` solid characters lie
    between ``b`` and it (len(starts) when there are not): what the claims before ``b`` may read."""
    solid = 0
    while b < len(starts) and solid <= PARAGRAPH_REACH:
        solid += _solid(prose, starts[b], _bound(starts, b + 1, prose), PARAGRAPH_REACH + 1 - solid)
        b += 1
    return b


def _start(claim: Claim) -> int:
    return claim.start


def _standing(verdicts: dict[str, KeptVerdicts], before: dict[ClaimKey, tuple],
              now: dict[ClaimKey, tuple]) -> dict[str, KeptVerdicts]:
    """The previous check's verdicts less those reading a claim whose sections changed (a
    heading typed, edited or removed above it): those claims' pairs are judged again."""
    if not before and not now:
        return verdicts
    moved = {key for key in before.keys() | now.keys() if before.get(key) != now.get(key)}
    return {code: kept.without_claims(moved) for code, kept in verdicts.items()} if moved else verdicts


def _claim_runs(claim_starts: list[int], layout: ParagraphLayout, kept: _Kept) -> tuple[int, int] | None:
    """(head, tail): how many claims lie in the paragraphs before and after the edit
    (:attr:`ParagraphLayout.unchanged`), the same as in the previous check; None when they
    cannot be known (no previous check, or paragraphs not found unchanged)."""
    before = kept.layout
    if layout.unchanged is None or before is None or len(kept.keys) != len(kept.claim_starts):
        return None
    a, b, b_old = layout.unchanged
    head = _claims_before(claim_starts, layout.starts, a)
    tail = len(claim_starts) - _claims_before(claim_starts, layout.starts, b)
    old_tail = len(kept.keys) - _claims_before(kept.claim_starts, before.starts, b_old)
    if head != _claims_before(kept.claim_starts, before.starts, a) or tail != old_tail:
        return None
    return head, tail


def _moved_keys(claim_starts: list[int], layout: ParagraphLayout, runs: tuple[int, int], kept: _Kept,
                new_id: Iterator[int]) -> list[ClaimKey]:
    """The claims' keys taken from the previous check's for the claims of the paragraphs the
    edit left alone (``runs``: see :func:`_claim_runs`), new ones for the others."""
    head, tail = runs
    middle: list[ClaimKey] = []
    paragraph, named, k = -1, 0, 0
    for start in claim_starts[head : len(claim_starts) - tail]:
        p = bisect_right(layout.starts, start) - 1
        if p != paragraph:
            paragraph, named, k = p, next(new_id), 0
        middle.append((named, 0, k))
        k += 1
    return kept.keys[:head] + middle + kept.keys[len(kept.keys) - tail :]


def _claims_before(claim_starts: list[int], starts: list[int], paragraph: int) -> int:
    """How many claims lie in the paragraphs before ``paragraph`` (claims are in document
    order paragraph by paragraph)."""
    if paragraph >= len(starts):
        return len(claim_starts)
    return bisect_left(claim_starts, starts[paragraph])


def claim_keys(prose: str, claims: list[Claim], ids_before: dict[str, int],
               new_id: Iterator[int], bounds: Bounds | None = None,
               ) -> tuple[list[ClaimKey], dict[str, int]]:
    """Each claim's :data:`ClaimKey`, and the ids of the paragraph texts that hold claims (the
    ids of ``ids_before`` kept for texts still there, ``next(new_id)`` for new ones): what
    extraction reads a claim from, and what its sentences lie in."""
    bounds = paragraph_bounds(prose) if bounds is None else bounds
    starts = [s for s, _ in bounds]
    ids: dict[str, int] = {}
    seen: dict[int, int] = {}  # paragraph text id → its occurrences so far
    named: dict[int, list[int]] = {}  # paragraph → [its key's first two parts, claims so far]
    keys: list[ClaimKey] = []
    for claim in claims:
        p = bisect_right(starts, claim.start) - 1
        place = named.get(p)
        if place is None:
            text = prose[bounds[p][0] : bounds[p][1]]
            found = ids.get(text)
            if found is None:
                found = ids_before.get(text)
                ids[text] = found = next(new_id) if found is None else found
            seen[found] = seen.get(found, -1) + 1
            place = named[p] = [found, seen[found], 0]
        keys.append((place[0], place[1], place[2]))
        place[2] += 1
    return keys, ids


@dataclass(frozen=True)
class ParagraphLayout:
    """A text's paragraphs as extraction reads them (their starts: a break belongs to the
    paragraph after it) and :attr:`CheckContext.paragraph_starts`, which lie inside them."""

    prose: str
    format: str
    starts: list[int]  # where each paragraph starts
    context_starts: list[int]
    # (a, b, b_before) when moved from a layout before an edit: paragraphs [0, a) are that
    # layout's [0, a), and [b, n) its [b_before, n_before), the same texts moved
    unchanged: tuple[int, int, int] | None = None

    def bounds(self) -> Bounds:
        return list(zip(self.starts, [*self.starts[1:], len(self.prose)]))


def paragraph_layout(prose: str, fmt: str, before: ParagraphLayout | None = None,
                     versions: TextVersions | None = None) -> ParagraphLayout:
    """The layout of ``prose``; its context starts moved from ``before`` (the same document
    before an edit) where its paragraphs are unchanged, read again inside the others. A start
    inside a paragraph depends on its text alone: the break that opens it and, in plain text,
    its indented lines. ``versions``: the text's, when its holder keeps them."""
    versions = TextVersions() if versions is None else versions
    starts = versions.paragraph_starts(prose)
    moved = None if before is None or before.format != fmt else _moved(prose, fmt, starts, before, versions)
    if moved is None:
        return ParagraphLayout(prose, fmt, starts, list(_starts_inside(prose, fmt, True)))
    return ParagraphLayout(prose, fmt, starts, *moved)


def _moved(prose: str, fmt: str, starts: list[int], before: ParagraphLayout, versions: TextVersions,
           ) -> tuple[list[int], tuple[int, int, int]] | None:
    """The context starts of ``prose`` from ``before``'s and which paragraphs are unchanged, or
    None when the edit is not one changed run of paragraphs between unchanged ones (then all
    are read again)."""
    old, old_starts = before.prose, before.starts
    unchanged = versions.unchanged_paragraphs(old, old_starts, prose, starts)
    if unchanged is None:
        return None
    a, b, b_old = unchanged
    delta = len(prose) - len(old)
    context = before.context_starts
    kept_head = bisect_right(context, _bound(starts, a, prose)) if a else 0
    kept_tail = bisect_right(context, old_starts[b_old]) if b < len(starts) else len(context)
    out = context[:kept_head]
    for n in range(a, b):
        end = _bound(starts, n + 1, prose)
        out.extend(starts[n] + k for k in _starts_inside(prose[starts[n] : end], fmt, n == 0))
    out.extend([s + delta for s in context[kept_tail:]])
    return out, (a, b, b_old)


def _starts_inside(text: str, fmt: str, first: bool) -> tuple[int, ...]:
    """The context's paragraph starts inside one paragraph, read by the context itself (its
    start, 0, is one only for the document's first paragraph)."""
    starts = CheckContext(document=Document(text, text, fmt), claims=[]).paragraph_starts
    return tuple(starts if first else starts[1:])
