"""Checking (or extracting from) one file, and many on a local process pool when it pays
(the chunks, window and order are :mod:`figcheck.driver`'s).

A worker reads, checks, fixes and writes its file, and returns a small picklable
:class:`FileResult`; the parent only formats. Any failure of one file becomes that file's
``error``: the other files are still checked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .discovery import Job
from .driver import MAX_CHUNK, in_turn, read_ahead, run
from .io import FileError, SourceFile, read_source, source_from_bytes
from .remote import is_url, read_url
from .results import FileResult, claim_dict, file_result
from .text import format_and_refusal, format_for_path, read_document

POOL_THRESHOLD = 4  # fewer files than this: a pool costs more than it saves
# A chunk's files are read one after another before the first is checked, as far as this many
# characters: a system call right after another costs a fraction of one made between two checks,
# which leave the processor's caches full of other things (issue #15: opening a story, 5 µs
# against ~60 µs). A file past the limit is read at its turn, so memory stays bounded.
READ_AHEAD_CHARS = 1_000_000
# Checked once by warm_up: a conversion, a count, a share, a change, money and a range.
WARM_UP_TEXT = ("The park covers 1,000 square kilometres (386 square miles). Of the 42 passengers, "
                "12 were hurt, 30% of them seriously; fares rose 5% to $3.2 million, 10 to 20 km away.")


@dataclass(frozen=True, slots=True)
class RunOptions:
    mode: str = "check"  # or "extract"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, show them as a diff, write nothing


# (a job's text, the format it is read in), or why it could not be read
Loaded = tuple[SourceFile, str] | Exception


def run_job(job: Job, options: RunOptions, loaded: Loaded | None = None) -> FileResult:
    """Check one file (``loaded``: what :func:`load` gave, when the file was read ahead);
    never raises (a failure is the result's ``error``)."""
    try:
        loaded = _source(job) if loaded is None else loaded
        if isinstance(loaded, Exception):
            raise loaded
        source, fmt = loaded
        result = process_source(job, source, options, fmt)
    except FileError as exc:
        result = _error_result(job, options, exc.as_dict())
    except Exception as exc:  # a bug in figcheck: report it for this file, go on with the rest
        result = _error_result(job, options, _internal_error(exc))
    result.fail_on = job.resolved.settings.fail_on
    return result


def load(job: Job) -> Loaded:
    """The job's text and format, or the exception that reading it raised (for :func:`run_job`)."""
    try:
        return _source(job)
    except Exception as exc:
        return exc


def _source(job: Job) -> tuple[SourceFile, str]:
    if job.error is not None:
        raise FileError(job.error["kind"], job.error["message"])
    max_size = job.resolved.settings.max_file_size
    fmt = job.format
    if not fmt:
        fmt, unsupported = format_and_refusal(job.display)
        if unsupported:
            raise FileError("unsupported-format", unsupported)
    if job.is_stdin:
        return source_from_bytes(job.data, max_size), fmt
    if is_url(job.path):
        return read_url(job.path, max_size), fmt
    return read_source(job.path, max_size), fmt


def process_source(job: Job, source: SourceFile, options: RunOptions, fmt: str | None = None) -> FileResult:
    """The result of checking (or extracting from) ``source``, read as ``fmt`` (by default, as
    the job says)."""
    fmt = fmt or job.format or format_for_path(job.display)
    if options.mode == "extract":
        return _extract(job, source.text, fmt)
    if options.fix or options.diff:
        return _fix(job, source, options, fmt)
    check_document = _check_document()
    diagnostics = check_document(read_document(source.text, fmt), job.resolved.settings, job.relative)
    return file_result(job.display, source.text, diagnostics)


def _error_result(job: Job, options: RunOptions, error: dict) -> FileResult:
    claims = [] if options.mode == "extract" else None
    return FileResult(path=job.display, error=error, claims=claims)


def _internal_error(exc: Exception) -> dict:
    import traceback

    message = f"internal error: {type(exc).__name__}: {exc} (please report this as a figcheck bug)"
    if os.environ.get("FIGCHECK_DEBUG"):
        message += "\n" + "".join(traceback.format_exception(exc))
    return {"kind": "internal", "message": message}


def _checker(job: Job, fmt: str):
    check_document = _check_document()
    settings, relative = job.resolved.settings, job.relative
    return lambda text: check_document(read_document(text, fmt), settings, relative)


@cache
def _check_document():
    """The engine's check, imported on first use: `figcheck extract` never loads the rules (and
    an import statement run for every file costs more than choosing its reader)."""
    from .engine import check_document

    return check_document


def _fix(job: Job, source: SourceFile, options: RunOptions, fmt: str) -> FileResult:
    from .fixes import fix_until_stable, unified_diff, write_atomic

    outcome = fix_until_stable(source.text, _checker(job, fmt), options.unsafe_fixes)
    result = file_result(job.display, outcome.text, outcome.diagnostics)
    result.fixed = outcome.fixed
    if job.is_stdin and not options.diff:
        result.fixed_bytes = source.encode(outcome.text)  # always: `check --fix - < a > b` keeps a
        return result
    if outcome.text == source.text:
        return result
    if options.diff:
        result.diff = unified_diff(job.display, source.text, outcome.text)
        return result
    try:
        if is_url(job.path):
            raise FileError("unsupported", "fixes are not written to URLs (use --diff)")
        if not job.named and os.path.islink(job.path):
            raise FileError("symlink", "a symbolic link found in a directory walk: not fixed "
                                       "(name it on the command line to fix the file it points to)")
        write_atomic(job.path, outcome.text, source)
    except (FileError, OSError) as exc:
        # Not written: say why, and keep the file's diagnostics as they are on disk (issue #19).
        error = exc if isinstance(exc, FileError) else _write_error(exc)
        original = file_result(job.display, source.text, _checker(job, fmt)(source.text))
        original.error = error.as_dict()
        return original
    return result


def _write_error(exc: OSError) -> FileError:
    from .io import file_error

    error = file_error(exc)
    return FileError(error.kind, f"cannot write fixes: {error.message}")


def _extract(job: Job, text: str, fmt: str) -> FileResult:
    from .extract import extract_claims
    from .text.lines import LineIndex

    claims = extract_claims(read_document(text, fmt).prose)
    index = LineIndex(text)
    return FileResult(path=job.display, claims=[claim_dict(c, index) for c in claims])


def run_chunk(jobs: list[Job], options: RunOptions) -> list[FileResult]:
    """A task: each file's result, in order; the files read first (:data:`READ_AHEAD_CHARS`)."""
    loaded = read_ahead_sources(jobs)
    return [run_job(job, options, loaded[i] if i < len(loaded) else None) for i, job in enumerate(jobs)]


def read_ahead_sources(jobs: list[Job]) -> list[Loaded]:
    """What :func:`load` gives for the first of ``jobs``, up to :data:`READ_AHEAD_CHARS`."""
    loaded: list[Loaded] = []
    chars = 0
    for job in jobs:
        if chars >= READ_AHEAD_CHARS:
            break
        source = load(job)
        loaded.append(source)
        if not isinstance(source, Exception):
            chars += len(source[0].text)
    return loaded


def run_all(jobs: Iterable[Job], options: RunOptions, workers: int, ordered: bool = True,
            progress: bool = False) -> Iterator[FileResult]:
    """Results for ``jobs`` (read as they are needed): in job order, or as they finish when not
    ``ordered``; in a pool of at most ``workers`` processes, none more than there are chunks."""
    plan, jobs = read_ahead(jobs, workers)
    if plan.files is not None:
        workers = min(workers, -(-plan.files // plan.chunk_size))  # --jobs 256 on 4 files: 4
    if workers <= 1 or (plan.files is not None and plan.files < POOL_THRESHOLD):
        yield from in_turn(run_chunk, jobs, options, plan.files, progress, chunk_size=MAX_CHUNK)
        return
    warm_up(checking=options.mode == "check")  # (again: cheap once the command line's start-up did it)
    pool = _process_pool(workers)
    try:
        yield from run(pool, run_chunk, jobs, options, plan, ordered, progress)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _process_pool(workers: int):
    """A pool whose workers are forked from this (warm) process where the platform allows it,
    so none of them builds again what :func:`warm_up` built."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods and sys.platform == "linux" else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def warm_up(checking: bool = True) -> str:
    """Build what checking (``checking``; else extracting) builds on first use (the rule
    modules, the extractor's patterns and tables), before the first file, and before workers
    are forked from this process or sent files; returns this figcheck's version (a Dask
    worker's answer to "ready?"). The command line calls it as it starts up
    (:mod:`figcheck.start_up`), so that what it builds comes from the start-up caches."""
    from . import __version__
    from .extract import extract_claims

    document = read_document(WARM_UP_TEXT, "text")
    if checking:
        from .engine import check_document

        check_document(document)
    extract_claims(document.prose)
    return __version__


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1
