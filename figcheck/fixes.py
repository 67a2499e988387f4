"""Applying fixes: pick non-overlapping fixes, apply their edits, re-check until stable, and
write the result back atomically without touching anything the writer did not ask us to.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .io import FileError, SourceFile, newline_style
from .model import Diagnostic, Edit, Fix

MAX_PASSES = 4  # a fix can enable another; more passes than this means fixes fight each other


@dataclass(frozen=True, slots=True)
class FixOutcome:
    text: str
    fixed: int  # fixes applied over all passes
    diagnostics: list[Diagnostic]  # what the last check found in ``text``


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.applicability == "safe" or unsafe)


def choose_fixes(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Fix]:
    """Fixes to apply together: each whole or not at all, none overlapping another."""
    fixes = {d.fix for d in diagnostics if applicable(d.fix, unsafe) and d.fix.edits}
    ordered = sorted(fixes, key=lambda f: (min(e.start for e in f.edits), f.message))
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for fix in ordered:
        if not any(_overlap(a, b) for a in fix.edits for b in taken):
            chosen.append(fix)
            taken.extend(fix.edits)
    return chosen


def _overlap(a: Edit, b: Edit) -> bool:
    # An insertion at either end of another edit counts: before or after it would be a guess.
    if a.start == a.end:
        return b.start <= a.start <= b.end
    if b.start == b.end:
        return a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Apply the edits of non-overlapping ``fixes``, from the end so offsets stay valid."""
    newline = newline_style(text)
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end), reverse=True)
    for edit in edits:
        text = text[: edit.start] + _with_newlines(edit.new_text, newline) + text[edit.end :]
    return text


def _with_newlines(new_text: str, newline: str) -> str:
    if "\n" not in new_text and "\r" not in new_text:
        return new_text
    return new_text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def fix_until_stable(
    text: str, check: Callable[[str], list[Diagnostic]], unsafe: bool,
    diagnostics: list[Diagnostic] | None = None,
) -> FixOutcome:
    """Check, fix, and check again until nothing applicable is left (or MAX_PASSES).

    ``diagnostics``: what ``check(text)`` returns, when the caller has it already (the editor
    keeps the analysis of the open version), so the first pass does not check again. This one
    loop serves ``figcheck check --fix`` and the editor's fix-all, so both choose the same fixes.
    """
    if diagnostics is None:
        diagnostics = check(text)
    fixed = 0
    for _ in range(MAX_PASSES):
        fixes = choose_fixes(diagnostics, unsafe)
        if not fixes:
            break
        new_text = apply_fixes(text, fixes)
        if new_text == text:
            break
        text, fixed = new_text, fixed + len(fixes)
        diagnostics = check(text)
    return FixOutcome(text, fixed, diagnostics)


def changed_span(old: str, new: str) -> Edit | None:
    """One edit that turns ``old`` into ``new``: the span between their common prefix and
    common suffix (None when they are equal), so an editor applies a fix-all as one change.
    Neither end falls inside a ``\\r\\n`` (an editor position cannot name that place)."""
    if old == new:
        return None
    prefix = _common_length(old, new, lambda s, n: s[:n])
    if prefix and old[prefix - 1] == "\r":
        prefix -= 1
    limit = min(len(old), len(new)) - prefix
    suffix = _common_length(old[len(old) - limit :], new[len(new) - limit :], lambda s, n: s[len(s) - n :])
    if suffix and old[len(old) - suffix] == "\n" and old[len(old) - suffix - 1 : len(old) - suffix] == "\r":
        suffix -= 1
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def _common_length(a: str, b: str, part: Callable[[str, int], str]) -> int:
    """The longest n with part(a, n) == part(b, n), by bisection (slices compare in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if part(a, mid) == part(b, mid):
            low = mid
        else:
            high = mid - 1
    return low


def unified_diff(path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: str, text: str, source: SourceFile) -> None:
    """Replace ``path`` with ``text`` in its original encoding, keeping its permissions.

    Refuses (FileError "changed-on-disk") when the file is no longer what was read, so a fix
    never overwrites an edit made meanwhile. The new content goes to a temporary file in the
    same directory and is renamed over the old one, so a reader sees the old or the new file,
    never half of one.

    Renaming could replace a file the user may not write, so (issue #19) a file that is
    read-only (no write permission bit at all), that the user could not open for writing, or
    whose owner and group the new file cannot be given, is refused with the error
    ``permission`` and left as it is.
    """
    target = os.path.realpath(path)  # write through a symlink, keep the link
    _ensure_unchanged(target, source)
    data = source.encode(text)
    st = os.stat(target)
    mode = stat.S_IMODE(st.st_mode)
    _ensure_writable(target, mode)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".figcheck-", suffix=".tmp", dir=os.path.dirname(target))
    except OSError as exc:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        raise FileError("permission" if isinstance(exc, PermissionError) else "io",
                        f"cannot write fixes: cannot create a temporary file next to it ({reason})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        _keep_owner(tmp, st)
        _ensure_unchanged(target, source)
        os.replace(tmp, target)
    except BaseException:
        _remove_quietly(tmp)
        raise


_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _ensure_writable(target: str, mode: int) -> None:
    if not mode & _WRITE_BITS:
        raise FileError("permission", f"the file is read-only (mode {mode:04o}); not fixed")
    try:  # what the user may do to the file itself, not to its directory (rename needs only that)
        os.close(os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)))
    except PermissionError:
        raise FileError("permission", "permission denied: you may not write this file; not fixed") from None
    except OSError:
        pass  # not a permission question; the write below reports it


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the new file the old one's owner and group (when run as root, or by a group member,
    the temporary file would otherwise belong to whoever ran figcheck); refuse when we may not."""
    if not hasattr(os, "chown"):
        return
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:
        raise FileError("permission", "the file belongs to another user or group, which the "
                                      "fixed file could not keep; not fixed") from None


def _ensure_unchanged(target: str, source: SourceFile) -> None:
    expected = source.fingerprint
    if expected is None:
        raise FileError("io", "cannot write back: not read from a file")
    try:
        st = os.stat(target)
        if (st.st_size, st.st_mtime_ns) != (expected.size, expected.mtime_ns):
            raise FileError("changed-on-disk", "file changed on disk since it was read; not fixed")
        with open(target, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise FileError("io", f"cannot write fixes: {exc.strerror or exc}") from None
    if current != expected.data:
        raise FileError("changed-on-disk", "file changed on disk since it was read; not fixed")


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
