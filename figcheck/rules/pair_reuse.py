"""Verdicts on pairs of figures, kept across edits of one document (FC201 and FC202's hook).

FC201 and FC202 compare each figure of a bucket (:func:`figcheck.rules.frame.buckets`) with at
most :data:`~figcheck.rules.frame.MAX_PARTNERS` earlier members of it. A verdict on a pair
depends on the two claims as read from their paragraphs (their sentences, the figures around
them), on their order and on whether they share a sentence or a paragraph — never on where the
paragraphs stand. So when a later figure's window (itself and its earlier partners) is the same
run of claims of the same paragraph texts as in the previous check, its pairs' verdicts are the
previous ones; only figures whose window an edit touched are walked again.

A claim is named across checks by a :data:`ClaimKey`: its paragraph (an id of the paragraph's
text and which occurrence of that text it is) and its place among that paragraph's claims.
:class:`figcheck.incremental_check.HeldDocument` names the claims and puts a :class:`PairReuse`
in the context; without one (a plain ``check_document``) :func:`pair_verdicts` walks every pair.

When the buckets are the previous check's, of claims of the same keys at the same indices (a
keystroke in a paragraph with no figure of a bucket, that adds or removes no claim: most of an
editor's), every window and verdict is the previous one, so the pairs are the previous check's
very (i, j, verdict) triples, given again without walking the buckets; and a rule that reduces
them (:func:`reduced_verdicts`) gets its previous reduction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import TypeVar

from ..model import Diagnostic, Edit, Fix, Related
from ..text.lines import common_ends
from . import frame
from .context import CheckContext, MemoKey

V = TypeVar("V")
T = TypeVar("T")
# (paragraph text id, occurrence of that text, index among the paragraph's claims)
ClaimKey = tuple[int, int, int]
Candidates = Callable[..., Iterator[tuple[int, int]]]


@dataclass
class KeptVerdicts:
    """One rule's verdicts of a check: for each later figure, its window, and its pairs'
    verdicts that were not None, the earlier figure named by its key (only for a figure that
    has some: most have none)."""

    windows: dict[ClaimKey, tuple[ClaimKey, ...]] = field(default_factory=dict)
    verdicts: dict[ClaimKey, list[tuple[ClaimKey, object]]] = field(default_factory=dict)
    # the diagnostics made from verdicts (:func:`kept_diagnostic`), by their claims' keys
    diagnostics: dict[tuple[ClaimKey, ...], KeptDiagnostic] = field(default_factory=dict)
    # what the pairs were judged on (:meth:`PairReuse.layout`), the (i, j, verdict) triples
    # given, and a rule's reduction of them (:func:`reduced_verdicts`; None if none)
    layout: tuple | None = None
    pairs: list[tuple[int, int, object]] | None = None
    reduced: object = None

    def without_claims(self, gone: set[ClaimKey]) -> KeptVerdicts:
        """These verdicts less every window, verdict and diagnostic that reads a claim of
        ``gone``; the figures whose windows are dropped are judged again (and the pairs are
        never the very pairs of before: no layout)."""
        windows = {k: w for k, w in self.windows.items() if k not in gone and gone.isdisjoint(w)}
        return KeptVerdicts(windows, {k: v for k, v in self.verdicts.items() if k in windows},
                            {k: d for k, d in self.diagnostics.items() if gone.isdisjoint(k)})


@dataclass(frozen=True, slots=True)
class KeptDiagnostic:
    """A diagnostic made from a verdict, and what it was made from: the verdict, and the
    claims' indices and offsets."""

    diagnostic: Diagnostic
    verdict: object
    places: tuple[int, ...]
    starts: tuple[int, ...]


@dataclass
class PairReuse:
    """The claims' keys in this check, the previous check's verdicts, and this check's (filled
    in by :func:`pair_verdicts`, one entry a rule)."""

    keys: list[ClaimKey]
    previous: dict[str, KeptVerdicts]
    # (the previous check's text, this check's): where offsets kept their line numbers
    texts: tuple[str, str] | None = None
    # their common ends (a holder's :meth:`~figcheck.text.lines.TextVersions.common_ends`, which
    # keeps them for the other parts of the check that ask)
    ends_of: Callable[[str, str], tuple[int, int]] = common_ends
    kept: dict[str, KeptVerdicts] = field(default_factory=dict)
    # rule → later figures whose pairs it judged again (for tests and benchmarks)
    walked: dict[str, int] = field(default_factory=dict)
    # This check's windows (the same for every rule), and what changed since the windows of a
    # previous check (rules that ran in the same previous check share them: found once).
    _windows: dict[ClaimKey, tuple[ClaimKey, ...]] | None = None
    _changes: tuple[dict, dict[tuple, list[int]], set[int]] | None = None
    _index_of: dict[ClaimKey, int] | None = None
    _layout: tuple | None = None
    buckets: dict[tuple, list[int]] | None = None  # this check's, once the pairs were asked for
    _unmoved_lines: tuple[int, int, int] | None = None

    def moved_on_their_lines(self, old_starts: tuple[int, ...], starts: tuple[int, ...]) -> int | None:
        """How far ``starts`` lie from ``old_starts`` (offsets in the previous check's text), all
        moved alike and each on the line (by number) it was on; None when they are not known to.
        An offset before the edit keeps its line; one after it keeps it when the edit added or
        removed no line break (:meth:`_unmoved_lines`)."""
        if self.texts is None:
            return None
        if self._unmoved_lines is None:
            self._unmoved_lines = _unmoved_lines(*self.texts, self.ends_of)
        head, tail_from, delta = self._unmoved_lines
        moved = starts[0] - old_starts[0]
        if moved == 0 and starts == old_starts and max(starts) < head:
            return 0
        if moved == delta and min(old_starts) >= tail_from and \
                all(s - o == moved for s, o in zip(starts, old_starts)):
            return moved
        return None

    def layout(self, buckets: dict[tuple, list[int]]) -> tuple:
        """What the pairs are judged on, to compare with a previous check's: the buckets (the
        claims' indices, in order) and the keys of their members (made once a check)."""
        if self._layout is None:
            keys, self.buckets = self.keys, buckets
            self._layout = (list(buckets.items()), [keys[j] for members in buckets.values() for j in members])
        return self._layout

    def as_before(self, code: str, buckets: dict[tuple, list[int]]) -> KeptVerdicts | None:
        """The previous check's verdicts of rule ``code`` when this check's pairs are its very
        pairs (see the module's documentation), else None."""
        before = self.previous.get(code)
        if before is None or before.pairs is None or before.layout != self.layout(buckets):
            return None
        return before

    def index_of(self) -> dict[ClaimKey, int]:
        """Each claim's index by its key (made once a check, for every rule)."""
        if self._index_of is None:
            self._index_of = {k: n for n, k in enumerate(self.keys)}
        return self._index_of

    def changes(self, buckets: dict[tuple, list[int]], before: dict[ClaimKey, tuple],
                ) -> tuple[dict[ClaimKey, tuple], dict[tuple, list[int]], set[int]]:
        """This check's windows, the later figures whose window is not in ``before`` and the
        buckets cut down to them (see :func:`_windows_changed`)."""
        if self._windows is None:
            self._windows = _windows(buckets, self.keys)
        if self._changes is None or self._changes[0] is not before:
            self._changes = (before, *_windows_changed(buckets, self.keys, self._windows, before))
        return self._windows, self._changes[1], self._changes[2]


PAIR_REUSE: MemoKey[PairReuse | None] = MemoKey("pair_reuse")


def held_reuse(ctx: CheckContext) -> PairReuse | None:
    """What an editor's held check kept of the previous check for this one; None in a plain
    check (the command line's, or an editor's first)."""
    return ctx.memo(PAIR_REUSE, _nothing_held)


def _nothing_held() -> None:
    return None


def pair_verdicts(ctx: CheckContext, code: str, candidates: Candidates,
                  verdict: Callable[[int, int], V | None]) -> Iterator[tuple[int, int, V]]:
    """(i, j, verdict) for each pair ``candidates(ctx)`` yields whose ``verdict(i, j)`` is not
    None, in the order ``candidates`` yields them. ``candidates(ctx, buckets)`` must walk the
    pairs of the given buckets only, as :func:`frame.candidate_pairs` pairs them; ``verdict``
    must depend on the two claims only as described in this module's documentation."""
    reuse = held_reuse(ctx)
    if reuse is None:
        for i, j in candidates(ctx):
            found = verdict(i, j)
            if found is not None:
                yield i, j, found
        return
    buckets = frame.buckets(ctx)
    before = reuse.as_before(code, buckets)
    if before is not None:  # the very pairs of the previous check
        yield from before.pairs
        _kept_again(reuse, code, before)
        return
    pairs: list[tuple[int, int, V]] = []
    for found in _judged(ctx, reuse, code, buckets, candidates, verdict):
        pairs.append(found)
        yield found
    reuse.kept[code].pairs = pairs


def _judged(ctx: CheckContext, reuse: PairReuse, code: str, buckets: dict[tuple, list[int]],
            candidates: Candidates, verdict: Callable[[int, int], V | None],
            ) -> Iterator[tuple[int, int, V]]:
    """:func:`pair_verdicts` with the verdicts of the later figures whose window is unchanged
    taken from the previous check's, the others judged again."""
    previous = reuse.previous.get(code) or KeptVerdicts()
    windows, walk, changed = reuse.changes(buckets, previous.windows)
    kept = KeptVerdicts(windows, layout=reuse.layout(buckets))
    fresh: dict[int, list[tuple[int, V]]] = {}
    for i, j in candidates(ctx, walk):
        if j in changed:
            found = verdict(i, j)
            if found is not None:
                fresh.setdefault(j, []).append((i, found))
    reuse.walked[code] = len(changed)
    keys, verdicts_before, verdicts = reuse.keys, previous.verdicts, kept.verdicts
    for members in buckets.values():
        for j in members:
            if j in changed:
                pairs = fresh.get(j)
                if not pairs:
                    continue
                verdicts[keys[j]] = [(keys[i], v) for i, v in pairs]
            else:
                kj = keys[j]
                named = verdicts_before.get(kj)
                if not named:
                    continue
                verdicts[kj] = named
                index_of = reuse.index_of()
                pairs = [(index_of[ki], v) for ki, v in named]
            for i, v in pairs:
                yield i, j, v
    reuse.kept[code] = kept


def _unmoved_lines(old: str, new: str, ends_of: Callable[[str, str], tuple[int, int]],
                   ) -> tuple[int, int, int]:
    """(head, tail_from, delta): an offset before ``head`` is on the same line in both texts, and
    one from ``tail_from`` in ``old`` is on the same line ``delta`` code points on in ``new``
    (``tail_from`` past the text when the edit added or removed a line break, or a "\r" by it
    could pair differently). A line starts after a line break, so which lines start before an
    offset depends on the text up to it, and which start after it on the text from it on."""
    head, tail = ends_of(old, new)
    delta = len(new) - len(old)
    near = (old[max(0, head - 1) : len(old) - tail + 1], new[max(0, head - 1) : len(new) - tail + 1])
    if "\r" in near[0] or "\r" in near[1] or near[0].count("\n") != near[1].count("\n"):
        return head, len(old) + 1, delta
    return head, len(old) - tail, delta


def _kept_again(reuse: PairReuse, code: str, before: KeptVerdicts) -> None:
    """Keep the previous check's verdicts of rule ``code`` as this check's (its very pairs)."""
    reuse.walked[code] = 0
    reuse.kept[code] = KeptVerdicts(before.windows, before.verdicts, layout=before.layout,
                                    pairs=before.pairs, reduced=before.reduced)


def reduced_verdicts(ctx: CheckContext, code: str, candidates: Candidates,
                     verdict: Callable[[int, int], V | None],
                     reduce: Callable[[Iterator[tuple[int, int, V]]], T]) -> T:
    """``reduce(pair_verdicts(ctx, code, candidates, verdict))``: the previous check's result
    when the pairs are its very pairs. ``reduce`` must depend on the triples alone, and its
    result must not be changed (the next check may return it again)."""
    reuse = held_reuse(ctx)
    if reuse is not None:
        before = reuse.as_before(code, frame.buckets(ctx))
        if before is not None and before.reduced is not None:
            _kept_again(reuse, code, before)
            return before.reduced
    result = reduce(pair_verdicts(ctx, code, candidates, verdict))
    if reuse is not None and code in reuse.kept:
        reuse.kept[code].reduced = result
    return result


def _windows(buckets: dict[tuple, list[int]], keys: list[ClaimKey]) -> dict[ClaimKey, tuple]:
    """Each later figure's window: the keys of itself and of its partners, in order."""
    reach = frame.MAX_PARTNERS
    windows: dict[ClaimKey, tuple[ClaimKey, ...]] = {}
    for members in buckets.values():
        keyed = [keys[i] for i in members]
        for n, kj in enumerate(keyed):
            windows[kj] = tuple(keyed[n - reach if n > reach else 0 : n + 1])
    return windows


def _windows_changed(buckets: dict[tuple, list[int]], keys: list[ClaimKey],
                     windows: dict[ClaimKey, tuple], before: dict[ClaimKey, tuple],
                     ) -> tuple[dict[tuple, list[int]], set[int]]:
    """The buckets cut down to the later figures whose window is not the one in ``before``
    and their partners (each window whole, in order: a figure's partners in the cut bucket are
    its partners in the whole one), and those figures (``changed``)."""
    reach = frame.MAX_PARTNERS
    walk: dict[tuple, list[int]] = {}
    changed: set[int] = set()
    for bucket, members in buckets.items():
        needed: list[int] = []
        covered = 0  # members[:covered] are already in ``needed``
        for n, j in enumerate(members):
            kj = keys[j]
            if before.get(kj) == windows[kj]:
                continue
            changed.add(j)
            lo = n - reach if n > reach else 0
            needed.extend(members[max(lo, covered) : n + 1])
            covered = n + 1
        if needed:
            walk[bucket] = needed
    return walk, changed


def kept_diagnostic(ctx: CheckContext, code: str, places: tuple[int, ...], verdict: object,
                    build: Callable[[], Diagnostic]) -> Diagnostic:
    """``build()``: a diagnostic on the claims at ``places`` (indices) made from ``verdict``, a
    value :func:`pair_verdicts` gave. ``build`` must depend on the claims only as read from
    their paragraphs, on their offsets and indices, on the lines they are on and on the text of
    their paragraphs. The previous check's diagnostic, moved, when it was made from the very
    same verdict (reused, so not judged again) on claims of the same keys, with the same indices,
    all moved by one distance and each known to be on the line it was on
    (:meth:`PairReuse.moved_on_their_lines`; a keystroke in 1 MB: FC202's ~170)."""
    reuse = held_reuse(ctx)
    if reuse is None or code not in reuse.kept:
        return build()
    keys = tuple(map(reuse.keys.__getitem__, places))
    claims = ctx.claims
    starts = tuple([claims[p].start for p in places])
    before = reuse.previous.get(code)
    old = before.diagnostics.get(keys) if before is not None else None
    if old is not None and old.verdict is verdict and old.places == places and \
            (moved := reuse.moved_on_their_lines(old.starts, starts)) is not None:
        if moved == 0:  # (all of it as it was)
            reuse.kept[code].diagnostics[keys] = old
            return old.diagnostic
        found = moved_diagnostic(old.diagnostic, moved)
    else:
        found = build()
    reuse.kept[code].diagnostics[keys] = _made(KeptDiagnostic, found, verdict, places, starts)
    return found


def moved_diagnostic(d: Diagnostic, delta: int) -> Diagnostic:
    """``d`` with its offsets in this document (its own, its related places', its fix's) moved by
    ``delta``; a related place in another file stays."""
    if delta == 0:
        return d
    related = tuple(r if r.path is not None else _made(Related, r.start + delta, r.end + delta, r.message, None)
                    for r in d.related)
    fix = d.fix and _made(Fix, d.fix.message, d.fix.applicability,
                          tuple(_made(Edit, e.start + delta, e.end + delta, e.new_text) for e in d.fix.edits))
    return _made(Diagnostic, d.code, d.name, d.severity, d.message, d.start + delta, d.end + delta,
                 related, fix, d.data)


# Each field's slot setter, by class: a frozen dataclass's __init__ sets every field through
# object.__setattr__, which looks the slot up by name each time (a keystroke in 1 MB moves ~85
# diagnostics, each with its related places and fix, and keeps ~170); set directly, the same
# object in about half the time (as figcheck.extract.shift makes claims).
_SETTERS = {cls: tuple(getattr(cls, f.name).__set__ for f in fields(cls))
            for cls in (Diagnostic, Related, Fix, Edit, KeptDiagnostic)}


def _made(cls: type[T], *values) -> T:
    """``cls(*values)`` with every field given, made without its __init__ (no __post_init__)."""
    setters = _SETTERS[cls]
    if len(values) != len(setters):  # (a field added to the model and not given here)
        raise TypeError(f"{cls.__name__} takes {len(setters)} fields, {len(values)} given")
    made = object.__new__(cls)
    for set_field, value in zip(setters, values):
        set_field(made, value)
    return made


def equals_moved(d: Diagnostic, old: Diagnostic, delta: int) -> bool:
    """Whether ``d == moved_diagnostic(old, delta)``, found without making the moved copy."""
    if delta == 0:
        return d is old or d == old  # (a diagnostic kept unmoved is the very same)
    if d.start - old.start != delta or d.end - old.end != delta or d.code != old.code or \
            d.message != old.message or d.name != old.name or d.severity != old.severity or \
            len(d.related) != len(old.related):
        return False
    for r, o in zip(d.related, old.related):
        if o.path is not None:
            if r != o:
                return False
        elif r.path is not None or r.start - o.start != delta or r.end - o.end != delta or \
                r.message != o.message:
            return False
    f, g = d.fix, old.fix
    if f is None or g is None:
        return f is g
    return f.message == g.message and f.applicability == g.applicability and \
        len(f.edits) == len(g.edits) and \
        all(e.start - o.start == delta and e.end - o.end == delta and e.new_text == o.new_text
            for e, o in zip(f.edits, g.edits))
