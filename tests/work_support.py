"""Helpers for the tests that count work instead of timing it (issue #15)."""

from __future__ import annotations


class CountingPattern:
    """A compiled pattern whose matching is counted: a match is one step, a search is charged by
    the text it scans (a scan's length is its work)."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)

    def search(self, string, pos=0, *args):
        self.calls += (len(string) - pos) // 80 + 1
        return self.pattern.search(string, pos, *args)
