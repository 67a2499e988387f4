"""Test-suite settings shared by every module."""

from __future__ import annotations

import os

from hypothesis import settings

# Property tests explore new inputs on every developer run (that is how they find bugs), but CI
# checks a landing with the same inputs each time: a bug found by chance on CI would fail a
# change that did not cause it. Under CI=true, hypothesis draws its examples from a fixed seed.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")
