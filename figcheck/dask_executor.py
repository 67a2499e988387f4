"""``figcheck check --executor dask``: the batch check run on a Dask cluster.

Needs the ``dask`` extra (dask.distributed and fsspec; ``remote.INSTALL_HINT``), on the machine that
starts the run and on every worker, in the same version of figcheck.

The client (the ``figcheck`` process) lists the files and resolves each one's settings exactly
as a local run does, then sends the files in chunks to the workers, which read and check them
with the same :func:`figcheck.runner.run_job`. Settings travel with the files, so configuration
files need to be readable only where figcheck was started; the files themselves must be
readable by the workers (the same absolute paths on shared storage, or URLs read by fsspec).

The chunks, the window and the order are :mod:`figcheck.driver`'s, as for a local run; the
cluster plugs in as an Executor (``Client.get_executor()``). Memory on the client stays flat
whatever the number of files: the file list is read as it is needed, at most a window of chunks
is in flight or waiting for its turn, and results are handed on as they arrive, never kept.

A task is pure (it reads files and writes nothing: ``--fix`` is refused), so Dask can run it
again on another worker when one is lost (``retries`` covers a task that failed); each chunk's
future resolves once, so no file is reported twice.
"""

from __future__ import annotations

import logging

import itertools
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import replace

from .discovery import Job
from .driver import read_ahead, run
from .remote import INSTALL_HINT, is_url
from .results import FileResult
from .runner import RunOptions, run_job, warm_up

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
        plan, jobs = read_ahead(map(_portable, jobs), _ready_threads(client))
        executor = _NamedTasks(client.get_executor(retries=retries))
        yield from run(executor, check_chunk, jobs, options, plan, ordered, progress, _chunk_failed)


class _NamedTasks(Executor):
    """A Dask client's executor whose tasks are named ``figcheck-RUN-N`` (N: the chunk's number):
    readable on the dashboard, and never shared with another run or another chunk."""

    def __init__(self, executor: Executor) -> None:
        self.executor = executor
        self.run = uuid.uuid4().hex[:12]
        self.submitted = itertools.count()

    def submit(self, fn, /, *args, **kwargs):
        return self.executor.submit(fn, *args, key=f"figcheck-{self.run}-{next(self.submitted)}", **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait=wait)


@contextmanager
def _client(scheduler: str | None, workers: int):
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler is None:
            # Every port on this machine's loopback interface, chosen free (none fixed to clash).
            # Its workers log only what is critical: on a loaded machine a worker's last heartbeat
            # can meet the closing scheduler and print a traceback after a run that went well;
            # a task's own failure still reaches us through its future.
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                   silence_logs=logging.CRITICAL)
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
        versions = client.run(warm_up)  # on each worker, once
    except Exception as exc:
        raise DaskRunError(f"the Dask workers cannot run figcheck ({type(exc).__name__}: {exc}); "
                           f"install figcheck {__version__} with {INSTALL_HINT} on every worker") from None
    for address, version in sorted(versions.items()):
        if version != __version__:
            raise DaskRunError(f"the Dask worker at {address} runs figcheck {version}, "
                               f"this is figcheck {__version__}: install the same version everywhere")
    return max(1, sum(client.nthreads().values()))  # 1 for a cluster still waiting for workers


def check_chunk(jobs: list[Job], options: RunOptions) -> list[FileResult]:
    """A task, on a worker: each file's result, in order. Pure: it reads and never writes."""
    delay = float(os.environ.get(TEST_DELAY_ENV) or 0)
    results = []
    for job in jobs:
        if delay:
            time.sleep(delay)
        results.append(run_job(job, options))
    return results


def _portable(job: Job) -> Job:
    """The job as a worker can run it: a relative path made absolute (its working directory is
    not ours). What is shown (``display``) and the settings do not change."""
    if job.path == "-" or is_url(job.path) or os.path.isabs(job.path):
        return job
    return replace(job, path=os.path.abspath(job.path))


def _chunk_failed(chunk: list[Job], exc: Exception) -> list[FileResult]:
    """A chunk whose task did not come back: each file's error, or the run's end."""
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    if isinstance(exc, CancelledError):
        raise DaskRunError("lost the connection to the Dask scheduler; the run is incomplete") from None
    if isinstance(exc, KilledWorker):  # workers died running it, more often than Dask allows
        error = {"kind": "worker-lost", "message": f"the Dask workers running this file died: {exc}"}
    else:  # the task could not run (it never raises once running)
        error = {"kind": "internal", "message": f"the Dask task failed: {type(exc).__name__}: {exc}"}
    return [FileResult(path=job.display, error=dict(error), fail_on=job.resolved.settings.fail_on)
            for job in chunk]
