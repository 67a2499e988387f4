"""Linearity without wall-clock limits (issues #15 and #19).

A test here never says "faster than N seconds": the machine may be busy. It says "four times
the input costs about four times the work". Work is counted where the code offers a count
(calls, bytes searched, lines visited); otherwise it is the best of several timings of each
size, compared as a ratio with a generous margin — linear code gives about 4, quadratic code
about 16, and the bound is 10. A pause of the machine can only make one run slower, and the
best of several runs discards it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 4  # the large input is this many times the small one
BOUND = 10.0  # linear ≈ FACTOR, quadratic ≈ FACTOR ** 2
FLOOR = 0.002  # seconds: a smaller time is mostly timer noise, so it counts as this much


def best_time(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def growth(run: Callable[[object], object], make: Callable[[int], object], n: int,
           repeat: int = 3) -> float:
    """Best time of ``run(make(FACTOR * n))`` over best time of ``run(make(n))``."""
    small, large = make(n), make(FACTOR * n)
    t_small = best_time(lambda: run(small), repeat)
    t_large = best_time(lambda: run(large), repeat)
    ratio = t_large / max(t_small, FLOOR)
    if ratio >= BOUND:  # a second look before calling it super-linear
        t_small = min(t_small, best_time(lambda: run(small), repeat))
        t_large = min(t_large, best_time(lambda: run(large), repeat))
        ratio = t_large / max(t_small, FLOOR)
    return ratio


def assert_linear(run: Callable[[object], object], make: Callable[[int], object], n: int,
                  repeat: int = 3) -> None:
    ratio = growth(run, make, n, repeat)
    assert ratio < BOUND, f"{FACTOR}x the input took {ratio:.1f}x the time (linear ≈ {FACTOR})"
