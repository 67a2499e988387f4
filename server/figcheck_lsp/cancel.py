"""Stopping the analysis of a closed or superseded document at once, even inside one paragraph.

The worker checks ``cancelled()`` between paragraphs, but one paragraph can be a whole 1 MB
document on one line: its extraction ran to the end after the document was closed, and every
other document waited (issue #19: a hover on another document waited 26 s). A :class:`Watchdog`
thread polls the ``cancelled()`` of every running analysis and, when one turns true, raises
:class:`Interrupted` inside that worker thread with CPython's ``PyThreadState_SetAsyncExc``
(the documented C API that delivers an exception to another thread at its next bytecode).

:class:`Interrupted` derives from ``BaseException`` so that no ``except Exception`` in the
engine can swallow it. Only the analysis is interrupted: the paragraph cache is replaced whole
at the end of a run (``figcheck_lsp.documents.ParagraphCache.claims``), so an interrupted run leaves
it as it was.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.05


class Interrupted(BaseException):
    """Raised inside a worker whose analysis is no longer wanted."""


def _raise_in(thread_id: int) -> None:
    import ctypes  # here, not at start-up: only an interrupted analysis needs it (~3 ms of a cold start)

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(Interrupted))


def _take_pending() -> None:
    """Let an :class:`Interrupted` raised into this thread, and not yet delivered, arrive now, and
    drop it. (Not cleared with ``PyThreadState_SetAsyncExc(id, NULL)``: in CPython 3.11 that
    leaves the interpreter's "asynchronous exception pending" flag set for good, since only the
    delivery of an exception resets it; every thread then took the eval loop's slow path at each
    check, and under a profile hook such as cProfile's the event loop spun forever.)"""
    try:
        _delivery_point()
    except Interrupted:
        pass


def _delivery_point() -> None:
    for _ in range(2):  # a call and a backward jump: where CPython delivers a pending exception
        pass


class Watchdog:
    def __init__(self, poll: float = POLL_SECONDS) -> None:
        self.poll = poll
        self.interrupted = 0  # analyses stopped from outside (for tests and logs)
        self._lock = threading.Lock()
        self._jobs: dict[int, Callable[[], bool]] = {}
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False

    def run(self, work: Callable[[], T], cancelled: Callable[[], bool]) -> T:
        """``work()`` on this thread; raises :class:`Interrupted` soon after ``cancelled()``."""
        me = threading.get_ident()
        with self._lock:
            self._jobs[me] = cancelled
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="figcheck-watchdog", daemon=True)
                self._thread.start()
        self._wake.set()
        try:
            return work()
        finally:
            with self._lock:
                stopped = self._jobs.pop(me, None) is None  # the watch raised Interrupted here
            if stopped:  # raised but perhaps not yet delivered: it must not outlive the work
                _take_pending()

    def close(self) -> None:
        """End the watch thread: its server is shutting down."""
        with self._lock:
            self._closed = True
        self._wake.set()

    def _watch(self) -> None:
        while True:
            self._wake.wait()
            with self._lock:
                if self._closed:
                    return
                jobs = list(self._jobs.items())
                if not jobs:
                    self._wake.clear()
                    continue
            # A helper's locals die with it: waiting here must hold no finished work's predicate
            # (it refers to its server, which a closed playground tab must be able to drop).
            self._stop_cancelled(jobs)
            del jobs
            time.sleep(self.poll)

    def _stop_cancelled(self, jobs: list[tuple[int, Callable[[], bool]]]) -> None:
        for thread_id, cancelled in jobs:
            try:
                stop = cancelled()
            except Exception:  # a predicate that fails must not stop the watch
                stop = False
            if stop:
                with self._lock:
                    if self._jobs.get(thread_id) is cancelled:  # still that work: stop it once
                        del self._jobs[thread_id]
                        _raise_in(thread_id)
                        self.interrupted += 1
