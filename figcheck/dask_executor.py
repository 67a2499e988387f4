"""``figcheck check --executor dask``: the batch check run on a Dask cluster.

Needs the ``dask`` extra (dask.distributed and fsspec; ``remote.INSTALL_HINT``), on the machine that
starts the run and on every worker, in the same version of figcheck.

The client (the ``figcheck`` process) lists the files and resolves each one's settings exactly
as a local run does, then sends the files in chunks to the workers, which read and check them
with the same :func:`figcheck.runner.run_job`. Settings travel with the files, so configuration
files need to be readable only where figcheck was started; the files themselves must be
readable by the workers (the same absolute paths on shared storage, or URLs read by fsspec).

Memory on the client stays flat whatever the number of files: the file list is read as it is
needed, at most ``window`` chunks are in flight or waiting for their turn (ordered output), and
results are handed on as they arrive, never kept.

A task is pure (it reads files and writes nothing: ``--fix`` is refused) and named by its
chunk's index, so Dask can run it again on another worker when one is lost (``retries`` covers
a task that failed), and the client takes each chunk's result once, by key.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import chain, islice

from .discovery import Job
from .remote import INSTALL_HINT, is_url
from .report.common import FileResult
from .runner import RunOptions, run_job

MAX_CHUNK = 32  # files a task: a file takes a few ms, a task costs about as much in overhead
CHUNKS_PER_THREAD = 8  # of a small run, so that every worker gets a share
WINDOW_PER_THREAD = 4  # chunks in flight (or waiting for their turn) per worker thread
RETRIES = 2
# Dask keeps the last messages of each connection for debugging (1,000 by default), task
# arguments included: in this process (client, and a local cluster's scheduler) keep fewer, so
# memory stops growing after a few chunks rather than after thousands.
MESSAGE_LOG_LENGTH = 50
TEST_DELAY_ENV = "FIGCHECK_DASK_TEST_DELAY"  # seconds a file, so tests can kill a worker mid-run


class DaskRunError(Exception):
    """The cluster cannot be used: not reachable, lost mid-run, or its workers lack figcheck."""


def missing_dask() -> str | None:
    """Why ``--executor dask`` cannot run here, or None."""
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        return f"--executor dask needs Dask, which is not installed ({exc}): {INSTALL_HINT}"
    return None


def run_on_dask(jobs: Iterable[Job], options: RunOptions, scheduler: str | None, workers: int,
                ordered: bool = True, progress: bool = False,
                retries: int = RETRIES) -> Iterator[FileResult]:
    """Results for ``jobs``, in job order or (not ``ordered``) as they finish, from the cluster
    whose scheduler is at ``scheduler``, or from a LocalCluster of ``workers`` processes that
    lives as long as the run."""
    import dask

    with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH}), \
            _client(scheduler, workers) as client:
        threads = _ready_threads(client)
        results = _results(client, jobs, options, threads, ordered, retries)
        if progress:
            from .runner import _with_progress

            results = _with_progress(results, None)
        yield from results


@contextmanager
def _client(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler is None:
            # Every port on this machine's loopback interface, chosen free (none fixed to clash).
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address="127.0.0.1:0")
            client = Client(cluster)
        else:
            client = Client(scheduler)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address, ...
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise DaskRunError(f"cannot connect to {where}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ready_threads(client) -> int:
    """Check that every worker runs this figcheck (and warm it up); the threads there are."""
    from . import __version__

    try:
        versions = client.run(_worker_ready)
    except Exception as exc:
        raise DaskRunError(f"the Dask workers cannot run figcheck ({type(exc).__name__}: {exc}); "
                           f"install figcheck {__version__} with {INSTALL_HINT} on every worker") from None
    for address, version in sorted(versions.items()):
        if version != __version__:
            raise DaskRunError(f"the Dask worker at {address} runs figcheck {version}, "
                               f"this is figcheck {__version__}: install the same version everywhere")
    return max(1, sum(client.nthreads().values()))  # 1 for a cluster still waiting for workers


def _worker_ready() -> str:
    """On each worker, once: build what checking needs (the unit registry), say which figcheck."""
    from . import __version__, engine, units  # noqa: F401

    units.registry()
    return __version__


def check_chunk(jobs: list[Job], options: RunOptions) -> list[FileResult]:
    """A task, on a worker: each file's result, in order. Pure: it reads and never writes."""
    delay = float(os.environ.get(TEST_DELAY_ENV) or 0)
    results = []
    for job in jobs:
        if delay:
            time.sleep(delay)
        results.append(run_job(job, options))
    return results


def _results(client, jobs: Iterable[Job], options: RunOptions, threads: int, ordered: bool,
             retries: int) -> Iterator[FileResult]:
    """A sliding window of chunk tasks over ``jobs``, results handed on as they come back."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:12]  # runs sharing a cluster never share a key
    chunks = enumerate(_chunks(jobs, threads))
    window = WINDOW_PER_THREAD * threads
    pending: dict[str, tuple[int, list[Job]]] = {}  # key → (index, chunk) of tasks not taken yet
    waiting: dict[int, list[FileResult]] = {}  # ordered: chunks done before their turn
    turn = 0
    finished = as_completed()

    def submit() -> None:
        while len(pending) + len(waiting) < window:
            item = next(chunks, None)
            if item is None:
                return
            index, chunk = item
            key = f"figcheck-{run}-{index}"
            pending[key] = (index, chunk)
            finished.add(client.submit(check_chunk, chunk, options, key=key, retries=retries))

    submit()
    for future in finished:
        entry = pending.pop(future.key, None)
        if entry is None:  # a result taken already: never report a file twice
            continue
        index, chunk = entry
        results = _chunk_results(future, chunk)
        future.release()
        if not ordered:
            yield from results
        else:
            waiting[index] = results
            while turn in waiting:
                yield from waiting.pop(turn)
                turn += 1
        submit()


def _chunks(jobs: Iterable[Job], threads: int) -> Iterator[list[Job]]:
    """Chunks of jobs: small enough that a small run keeps every thread busy, at most MAX_CHUNK.

    Only the first few hundred jobs are read ahead to choose the size; the rest are read as
    chunks are sent.
    """
    portable = map(_portable, jobs)
    head = list(islice(portable, MAX_CHUNK * CHUNKS_PER_THREAD * threads))
    size = max(1, min(MAX_CHUNK, len(head) // (CHUNKS_PER_THREAD * threads)))
    rest = chain(head, portable)
    del head
    while chunk := list(islice(rest, size)):
        yield chunk


def _portable(job: Job) -> Job:
    """The job as a worker can run it: a relative path made absolute (its working directory is
    not ours). What is shown (``display``) and the settings do not change."""
    if job.path == "-" or is_url(job.path) or os.path.isabs(job.path):
        return job
    return replace(job, path=os.path.abspath(job.path))


def _chunk_results(future, chunk: list[Job]) -> list[FileResult]:
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    try:
        return future.result()
    except CancelledError:
        raise DaskRunError("lost the connection to the Dask scheduler; the run is incomplete") from None
    except KilledWorker as exc:  # workers died running it, more often than Dask allows
        error = {"kind": "worker-lost", "message": f"the Dask workers running this file died: {exc}"}
    except Exception as exc:  # the task could not run (it never raises once running)
        error = {"kind": "internal", "message": f"the Dask task failed: {type(exc).__name__}: {exc}"}
    return [FileResult(path=job.display, error=dict(error), fail_on=job.resolved.settings.fail_on)
            for job in chunk]
