"""figcheck.driver: chunks submitted within a window, results in order, files read as needed."""

from __future__ import annotations

import os
from concurrent.futures import Executor, Future

import pytest

from figcheck.driver import MAX_CHUNK, InProcessExecutor, Plan, in_turn, plan, read_ahead, run
from figcheck.results import FileResult


def names_task(chunk: list[str], options) -> list[FileResult]:
    return [FileResult(path=f"{options}{name}") for name in chunk]


class HeldExecutor(Executor):
    """Runs nothing until asked: tasks finish in the order ``finish`` says."""

    def __init__(self) -> None:
        self.submitted: list[tuple[Future, tuple]] = []
        self.most_in_flight = 0

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        self.submitted.append((future, (fn, args)))
        in_flight = sum(1 for f, _ in self.submitted if not f.done())
        self.most_in_flight = max(self.most_in_flight, in_flight)
        return future

    def finish_all(self, newest_first: bool) -> None:
        pending = [(f, call) for f, call in self.submitted if not f.done()]
        for future, (fn, args) in reversed(pending) if newest_first else pending:
            future.set_result(fn(*args))


def counted(n: int, consumed: list[int]):
    for i in range(n):
        consumed[0] = i + 1
        yield f"f{i}"


def test_results_in_file_order_though_chunks_finish_newest_first():
    executor = HeldExecutor()
    results = run(executor, names_task, (f"f{i}" for i in range(10)), "", Plan(2, 3, 10))
    shown = []
    for result in _driven(results, executor):
        shown.append(result.path)
    assert shown == [f"f{i}" for i in range(10)]
    assert executor.most_in_flight == 3  # the window, never more


def _driven(results, executor: HeldExecutor):
    """Take ``results`` one by one, finishing every submitted task newest first when needed."""
    iterator = iter(results)
    while True:
        executor.finish_all(newest_first=True)
        try:
            yield next(iterator)
        except StopIteration:
            return


def test_unordered_results_come_as_chunks_finish():
    executor = HeldExecutor()
    results = run(executor, names_task, [f"f{i}" for i in range(4)], "", Plan(2, 2, 4), ordered=False)
    executor.submitted[1][0].set_result(names_task(["f2", "f3"], ""))
    assert [next(results).path, next(results).path] == ["f2", "f3"]
    executor.finish_all(newest_first=False)
    assert [r.path for r in results] == ["f0", "f1"]


def test_in_turn_hands_each_result_on_before_the_next_file_is_read():
    consumed = [0]
    results = in_turn(names_task, counted(1000, consumed), "x/", None)
    assert consumed[0] == 0  # nothing runs until a result is asked for
    assert next(results).path == "x/f0"
    assert consumed[0] == 1
    assert [r.path for r in results][-1] == "x/f999"


def test_files_are_read_only_as_far_as_the_window_reaches():
    consumed = [0]
    results = run(InProcessExecutor(), names_task, counted(1000, consumed), "", Plan(5, 2, None))
    assert consumed[0] == 10  # two chunks of five submitted before any result is taken
    next(results)
    assert consumed[0] <= 15
    assert len(list(results)) == 999


def test_read_ahead_reads_a_bounded_head_and_loses_nothing():
    consumed = [0]
    head_plan, jobs = read_ahead(counted(100_000, consumed), workers=2)
    assert consumed[0] < 2000 and head_plan.files is None and head_plan.chunk_size == MAX_CHUNK
    assert sum(1 for _ in jobs) == 100_000


def test_a_small_run_is_cut_so_every_worker_gets_several_chunks():
    small = plan(40, complete=True, workers=2)
    assert small.files == 40 and 40 // small.chunk_size >= 2 * 2
    assert plan(0, complete=True, workers=4).chunk_size == 1


def test_a_failed_chunk_becomes_its_files_results_or_stops_the_run():
    def broken(chunk, options):
        raise OSError("worker lost")

    def as_errors(chunk, exc):
        return [FileResult(path=name, error={"kind": "lost", "message": str(exc)}) for name in chunk]

    results = list(run(InProcessExecutor(), broken, ["a", "b", "c"], None, Plan(2, 2, 3), on_failure=as_errors))
    assert [(r.path, r.error["message"]) for r in results] == [("a", "worker lost"), ("b", "worker lost"),
                                                               ("c", "worker lost")]
    with pytest.raises(OSError):
        list(run(InProcessExecutor(), broken, ["a"], None, Plan(1, 1, 1)))


def test_in_turn_by_chunks_hands_a_chunks_results_on_before_the_next_chunk_is_read():
    consumed = [0]
    results = in_turn(names_task, counted(10, consumed), "x/", None, chunk_size=4)
    assert consumed[0] == 0
    assert next(results).path == "x/f0"
    assert consumed[0] == 4
    assert [next(results).path for _ in range(3)] == ["x/f1", "x/f2", "x/f3"] and consumed[0] == 4
    assert [r.path for r in results] == [f"x/f{i}" for i in range(4, 10)]


def test_a_chunks_files_are_read_first_as_far_as_the_limit_and_each_failure_stays_its_own(
        tmp_path, monkeypatch):
    from figcheck import runner
    from figcheck.config_files import ConfigResolver
    from figcheck.discovery import collect

    sentence = "The bridge is 12 kilometres (15 miles) long, it was said then.\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(sentence)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    names = ["a.txt", "binary.txt", "missing.txt", "b.txt", "c.txt"]
    jobs = collect([str(tmp_path / n) for n in names], ConfigResolver(None, False, lambda s: s, cwd=tmp_path))
    alone = [runner.run_job(job, runner.RunOptions()).as_dict() for job in jobs]
    events = []
    read_source, process_source = runner.read_source, runner.process_source

    def reading(path, max_size):
        events.append(("read", os.path.basename(path)))
        return read_source(path, max_size)

    def checking(job, *args):
        events.append(("check", os.path.basename(job.path)))
        return process_source(job, *args)

    monkeypatch.setattr(runner, "read_source", reading)
    monkeypatch.setattr(runner, "process_source", checking)
    monkeypatch.setattr(runner, "READ_AHEAD_CHARS", len(sentence) + 1)  # a and b, then stop
    assert [r.as_dict() for r in runner.run_chunk(jobs, runner.RunOptions())] == alone
    assert events == [("read", "a.txt"), ("read", "binary.txt"), ("read", "missing.txt"), ("read", "b.txt"),
                      ("check", "a.txt"), ("check", "b.txt"), ("read", "c.txt"), ("check", "c.txt")]
    assert [d["error"]["kind"] if d["error"] else len(d["diagnostics"]) for d in alone] == [
        1, "binary", "not-found", 1, 1]
