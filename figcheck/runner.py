"""Checking (or extracting from) many files: one job a file, in a process pool when it pays.

A worker reads, checks, fixes and writes its file, and returns a small picklable
:class:`FileResult`; the parent only formats. Any failure of one file becomes that file's
``error``: the other files are still checked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .discovery import Job
from .io import FileError, SourceFile, read_source, source_from_bytes
from .remote import is_url, read_url
from .report.common import FileResult, claim_dict, diagnostic_dict, lines_touched
from .text import unsupported_format

POOL_THRESHOLD = 4  # fewer files than this: a pool costs more than it saves


@dataclass(frozen=True, slots=True)
class RunOptions:
    mode: str = "check"  # or "extract"
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, show them as a diff, write nothing


def run_job(job: Job, options: RunOptions) -> FileResult:
    """Check one file; never raises (a failure is the result's ``error``)."""
    try:
        max_size = job.resolved.settings.max_file_size
        unsupported = None if job.format else unsupported_format(job.display)
        if unsupported:
            raise FileError("unsupported-format", unsupported)
        if job.data is not None:
            source = source_from_bytes(job.data, max_size)
        elif is_url(job.path):
            source = read_url(job.path, max_size)
        else:
            source = read_source(job.path, max_size)
        result = process_source(job, source, options)
    except FileError as exc:
        result = _error_result(job, options, exc.as_dict())
    except Exception as exc:  # a bug in figcheck: report it for this file, go on with the rest
        result = _error_result(job, options, _internal_error(exc))
    result.fail_on = job.resolved.settings.fail_on
    return result


def process_source(job: Job, source: SourceFile, options: RunOptions) -> FileResult:
    if options.mode == "extract":
        return _extract(job, source.text)
    if options.fix or options.diff:
        return _fix(job, source, options)
    return _result(job.display, source.text, _checker(job)(source.text))


def _error_result(job: Job, options: RunOptions, error: dict) -> FileResult:
    claims = [] if options.mode == "extract" else None
    return FileResult(path=job.display, error=error, claims=claims)


def _internal_error(exc: Exception) -> dict:
    import traceback

    message = f"internal error: {type(exc).__name__}: {exc} (please report this as a figcheck bug)"
    if os.environ.get("FIGCHECK_DEBUG"):
        message += "\n" + "".join(traceback.format_exception(exc))
    return {"kind": "internal", "message": message}


def _checker(job: Job):
    from .engine import check_document
    from .text import format_for_path, read_document

    settings, relative = job.resolved.settings, job.relative
    fmt = job.format or format_for_path(job.display)
    return lambda text: check_document(read_document(text, fmt), settings, relative)


def _result(path: str, text: str, diagnostics) -> FileResult:
    from .text.lines import LineIndex

    index = LineIndex(text)
    dicts = [diagnostic_dict(d, path, index) for d in diagnostics]
    return FileResult(path=path, diagnostics=dicts, lines=lines_touched(dicts, index))


def _fix(job: Job, source: SourceFile, options: RunOptions) -> FileResult:
    from .fixes import fix_until_stable, unified_diff, write_atomic

    outcome = fix_until_stable(source.text, _checker(job), options.unsafe_fixes)
    result = _result(job.display, outcome.text, outcome.diagnostics)
    result.fixed = outcome.fixed
    if job.path == "-" and not options.diff:
        result.fixed_bytes = source.encode(outcome.text)  # always: `check --fix - < a > b` keeps a
        return result
    if outcome.text == source.text:
        return result
    if options.diff:
        result.diff = unified_diff(job.display, source.text, outcome.text)
    elif is_url(job.path):
        error = {"kind": "unsupported", "message": "fixes are not written to URLs (use --diff)"}
        original = _result(job.display, source.text, _checker(job)(source.text))
        return FileResult(path=job.display, error=error, diagnostics=original.diagnostics)
    else:
        try:
            write_atomic(job.path, outcome.text, source)
        except FileError as exc:
            return FileResult(path=job.display, error=exc.as_dict(),
                              diagnostics=_result(job.display, source.text, _checker(job)(source.text)).diagnostics)
        except OSError as exc:
            return FileResult(path=job.display, error={"kind": "io", "message": f"cannot write fixes: {exc}"})
    return result


def _extract(job: Job, text: str) -> FileResult:
    from .engine import extract
    from .text import format_for_path, read_document
    from .text.lines import LineIndex

    claims = extract(read_document(text, job.format or format_for_path(job.display)))
    index = LineIndex(text)
    return FileResult(path=job.display, claims=[claim_dict(c, index) for c in claims])


def _run_chunk(jobs: list[Job], options: RunOptions) -> list[FileResult]:
    return [run_job(job, options) for job in jobs]


def run_all(jobs: Iterable[Job], options: RunOptions, workers: int, ordered: bool = True,
            progress: bool = False) -> Iterator[FileResult]:
    """Results for ``jobs``: in job order, or as they finish when not ``ordered``."""
    jobs = list(jobs)  # partitioned among the pool's workers by count
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        results = _run_serial(jobs, options)
    else:
        results = _run_pool(jobs, options, workers, ordered)
    if progress:
        results = _with_progress(results, len(jobs))
    yield from results


def _run_serial(jobs: Iterable[Job], options: RunOptions) -> Iterator[FileResult]:
    for job in jobs:
        yield run_job(job, options)


def _chunks(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _run_pool(jobs: list[Job], options: RunOptions, workers: int, ordered: bool) -> Iterator[FileResult]:
    """Start the pool now (before any progress thread exists: workers are forked) and return
    an iterator over its results. At most a few chunks per worker are in flight, so results
    never pile up in memory however many files there are."""
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep workers busy to the end; big ones cut inter-process overhead.
    size = max(1, min(32, len(jobs) // (workers * 8)))
    _warm_up()
    pool = ProcessPoolExecutor(max_workers=workers)
    chunks = iter(_chunks(jobs, size))
    window = [pool.submit(_run_chunk, chunk, options) for chunk in _take(chunks, workers * 3)]
    return _drain(pool, window, chunks, options, ordered)


def _take(iterator, n: int) -> list:
    return [item for _, item in zip(range(n), iterator)]


def _drain(pool, window: list, chunks, options: RunOptions, ordered: bool) -> Iterator[FileResult]:
    from concurrent.futures import FIRST_COMPLETED, wait

    try:
        while window:
            if ordered:
                done = window.pop(0)
            else:
                finished, _ = wait(window, return_when=FIRST_COMPLETED)
                done = next(iter(finished))
                window.remove(done)
            for chunk in _take(chunks, 1):
                window.append(pool.submit(_run_chunk, chunk, options))
            yield from done.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _warm_up() -> None:
    """Build what every worker needs before the pool forks, so each inherits it ready-made."""
    from . import engine, units  # noqa: F401

    units.registry()  # about a quarter of a second: pay it once, not once per worker


def _with_progress(results: Iterator[FileResult], total: int) -> Iterator[FileResult]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=_stderr_console()) as bar:
        task = bar.add_task("files", total=total)
        for result in results:
            bar.advance(task)
            yield result


def _stderr_console():
    from rich.console import Console

    return Console(file=sys.stderr)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1
