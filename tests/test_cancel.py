"""The watchdog that stops an unwanted analysis (figcheck_lsp.cancel): it interrupts the work
whose ``cancelled()`` turns true, leaves the thread usable afterwards, and costs a run it never
interrupts nothing more than its bookkeeping (no ctypes: ~3 ms of the server's cold start)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from figcheck_lsp.cancel import Interrupted, Watchdog


def test_work_whose_cancelled_turns_true_is_interrupted_and_the_thread_goes_on():
    watchdog = Watchdog(poll=0.005)
    stop = threading.Event()
    steps = []

    def work():
        while True:  # stops only from outside
            steps.append(1)
            time.sleep(0.001)

    try:
        threading.Timer(0.05, stop.set).start()
        with pytest.raises(Interrupted):
            watchdog.run(work, stop.is_set)
        assert watchdog.interrupted == 1 and steps
        # Nothing raised but undelivered outlives the interrupted work: this thread runs on.
        assert watchdog.run(lambda: sum(range(100_000)), lambda: False) == sum(range(100_000))
        time.sleep(0.05)
        assert watchdog.interrupted == 1
    finally:
        watchdog.close()


def test_work_that_stays_wanted_returns_its_result_and_needs_no_ctypes():
    code = (
        "import sys; from figcheck_lsp.cancel import Watchdog; w = Watchdog(poll=0.001); "
        "assert [w.run(lambda: n * 2, lambda: False) for n in range(50)] == [n * 2 for n in range(50)]; "
        "w.close(); assert w.interrupted == 0; print('ctypes' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
