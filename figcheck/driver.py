"""Running many files on a :class:`concurrent.futures.Executor`: the one driver every executor
plugs into (this process, a local process pool, a Dask cluster's ``Client.get_executor()``).

Files stream in from discovery and are cut into chunks; at most ``window`` chunks are in flight
or waiting for their turn, so memory stays flat however many files there are; results are
handed on in file order (or, not ``ordered``, as chunks finish) and never kept. Only the first
few hundred files are read ahead, to choose a chunk size that keeps every worker busy to the
end of a small run.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from .results import FileResult

if TYPE_CHECKING:  # concurrent.futures (and the logging it imports) only when a pool runs
    from concurrent.futures import Executor, Future

MAX_CHUNK = 32  # files a task: a file takes a few ms, a task costs about as much in overhead
CHUNKS_PER_WORKER = 16  # of a small run: workers finish within a small chunk of each other
WINDOW_PER_WORKER = 4  # chunks in flight (or done, waiting for their turn) per worker
PROGRESS_MIN_FILES = 200  # a smaller run ends before a progress bar would help

Job = TypeVar("Job")
Task = Callable[[list, object], list[FileResult]]  # (chunk of jobs, options) → their results
# (chunk, exception raised by its task) → the chunk's results, or raise to stop the run
OnFailure = Callable[[list, BaseException], list[FileResult]]


@dataclass(frozen=True, slots=True)
class Plan:
    """How a run is cut: files a chunk, chunks in flight, and the file count when known."""

    chunk_size: int
    window: int
    files: int | None  # None: more files than were read ahead


def plan(head_files: int, complete: bool, workers: int) -> Plan:
    """Chunks small enough that each of ``workers`` gets several, at most MAX_CHUNK files."""
    size = max(1, min(MAX_CHUNK, head_files // (CHUNKS_PER_WORKER * workers)))
    return Plan(size, WINDOW_PER_WORKER * workers, head_files if complete else None)


def read_ahead(jobs: Iterable[Job], workers: int) -> tuple[Plan, Iterator[Job]]:
    """The run's plan, from the first jobs only; and every job, those read ahead first."""
    jobs = iter(jobs)
    limit = MAX_CHUNK * CHUNKS_PER_WORKER * workers
    head = list(islice(jobs, limit))
    return plan(len(head), len(head) < limit, workers), chain(head, jobs)


def chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    jobs = iter(jobs)
    while chunk := list(islice(jobs, size)):
        yield chunk


def run(executor: Executor, task: Task, jobs: Iterable[Job], options, run_plan: Plan,
        ordered: bool = True, progress: bool = False,
        on_failure: OnFailure | None = None) -> Iterator[FileResult]:
    """Each job's result: ``task(chunk, options)`` submitted to ``executor`` a chunk at a time,
    at most ``run_plan.window`` chunks ahead of the one being handed on; a progress bar when
    asked for and the run is big (or of a size not known yet).

    The first chunks are submitted now, before any progress thread exists: a process pool
    forks its workers on the first submission.
    """
    pending = chunks(jobs, run_plan.chunk_size)
    window: deque[tuple[list[Job], Future]] = deque()
    _refill(window, pending, executor, task, options, run_plan.window)
    results = _drain(window, pending, executor, task, options, run_plan.window, ordered, on_failure)
    return _shown(results, run_plan.files, progress)


def in_turn(task: Task, jobs: Iterable[Job], options, files: int | None,
            progress: bool = False, chunk_size: int = 1) -> Iterator[FileResult]:
    """Each job's result, ``task(chunk, options)`` run here a chunk of ``chunk_size`` jobs at a
    time, its results handed on before the next chunk is taken: a run too small for a pool (or
    one job), with no executor or future to pay for."""
    results = (result for chunk in chunks(jobs, chunk_size) for result in task(chunk, options))
    return _shown(results, files, progress)


def _shown(results: Iterator[FileResult], files: int | None, progress: bool) -> Iterator[FileResult]:
    """``results``, with a progress bar when asked for and the run is big (or of a size not
    known yet)."""
    if progress and (files is None or files >= PROGRESS_MIN_FILES):
        return with_progress(results, files)
    return results


def _refill(window: deque, pending: Iterator[list], executor: Executor, task: Task, options,
            size: int) -> None:
    while len(window) < size:
        chunk = next(pending, None)
        if chunk is None:
            return
        window.append((chunk, executor.submit(task, chunk, options)))


def _drain(window: deque, pending: Iterator[list], executor: Executor, task: Task, options,
           size: int, ordered: bool, on_failure: OnFailure | None) -> Iterator[FileResult]:
    while window:
        chunk, future = window.popleft() if ordered else _first_finished(window)
        results = _results(chunk, future, on_failure)
        del future  # a Dask future is released once nobody holds it
        _refill(window, pending, executor, task, options, size)
        yield from results


def _first_finished(window: deque) -> tuple[list, Future]:
    from concurrent.futures import FIRST_COMPLETED, wait

    finished, _ = wait([future for _, future in window], return_when=FIRST_COMPLETED)
    for entry in window:
        if entry[1] in finished:
            window.remove(entry)
            return entry
    raise AssertionError("wait() returned no future of the window")


def _results(chunk: list, future: Future, on_failure: OnFailure | None) -> list[FileResult]:
    if on_failure is None:
        return future.result()
    try:
        return future.result()
    except Exception as exc:  # the task could not run, or its worker was lost: on_failure decides
        return on_failure(chunk, exc)


class InProcessExecutor:
    """Runs each task when it is submitted, in this process (the ``submit`` of an Executor)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        from concurrent.futures import Future

        future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def with_progress(results: Iterator[FileResult], total: int | None) -> Iterator[FileResult]:
    """``results``, with a progress bar on standard error while they come."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=Console(file=sys.stderr)) as bar:
        task = bar.add_task("files", total=total)
        for result in results:
            bar.advance(task)
            yield result
