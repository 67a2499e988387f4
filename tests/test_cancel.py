"""The server's watchdog (figcheck_lsp.cancel): stopping an analysis from outside leaves the
interpreter as it found it.

Each case runs in a fresh interpreter: what is tested is process-wide state (CPython's pending
asynchronous exception flag), and a failure is a hang, which the subprocess's timeout turns into a
clear test failure instead of a stuck suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SERVER = Path(__file__).resolve().parent.parent / "server"

PRELUDE = f"""
import sys, threading, time
sys.path.insert(0, {str(SERVER)!r})
from figcheck_lsp.cancel import Interrupted, Watchdog

def on_thread(function):
    box = {{}}
    def target():
        try:
            box["result"] = function()
        except BaseException as exc:
            box["raised"] = type(exc).__name__
    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return box

def lookup(table, key):  # a call with try/except: where the event loop's selector spun
    try:
        return table[key]
    except KeyError:
        return None

def hooked_work():
    total = 0
    for i in range(200):
        total += lookup({{4: i}}, 4)
    return total
"""


def run_case(body: str) -> str:
    script = PRELUDE + textwrap.dedent(body)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("hook", ["sys.setprofile", "sys.settrace"])
def test_code_under_a_debugger_or_profiler_runs_after_a_watched_analysis(hook):
    # A watched run used to clear a possible pending exception with PyThreadState_SetAsyncExc(id,
    # NULL), which left CPython's "exception pending" flag set for good: under a trace or profile
    # hook (cProfile, a debugger, coverage) the next function's code ran forever.
    out = run_case(f"""
        box = on_thread(lambda: Watchdog().run(lambda: sum(range(1000)), lambda: False))
        {hook}(lambda *args: None)
        total = hooked_work()
        {hook}(None)
        print(box, total)
    """)
    assert out.split() == ["{'result':", "499500}", str(sum(range(200)))]


def test_a_cancelled_analysis_is_stopped_and_nothing_arrives_later():
    out = run_case("""
        watchdog = Watchdog(poll=0.01)
        started = time.monotonic()

        def endless():
            while time.monotonic() - started < 30:
                pass
            return "ran to the end"

        box = on_thread(lambda: watchdog.run(endless, lambda: time.monotonic() - started > 0.2))
        after = on_thread(lambda: [lookup({1: 2}, 1) for _ in range(100_000)][-1])
        sys.setprofile(lambda *args: None)
        total = hooked_work()
        sys.setprofile(None)
        print(box, after, watchdog.interrupted, total)
    """)
    assert out.split() == ["{'raised':", "'Interrupted'}", "{'result':", "2}", "1", str(sum(range(200)))]


def test_a_watched_analysis_that_stays_wanted_imports_no_ctypes():
    # ctypes is imported to interrupt an analysis, never before: not on the cold start's path to
    # its first diagnostics (~3 ms).
    out = run_case("""
        watchdog = Watchdog(poll=0.001)
        results = [on_thread(lambda: watchdog.run(lambda: 2 * 21, lambda: False)) for _ in range(20)]
        watchdog.close()
        print(all(box == {"result": 42} for box in results), watchdog.interrupted, "ctypes" in sys.modules)
    """)
    assert out.split() == ["True", "0", "False"]
