"""The playground page's own unit tests (editors/web, node's test runner): the mapping from LSP
positions, diagnostics and edits to editor marks and changes (UTF-16, astral characters).

Skipped when node or editors/web/node_modules is missing, except in CI (.ci/run runs npm ci)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.playground_support import IN_CI, ROOT

WEB = ROOT / "editors" / "web"
NODE, NPM = shutil.which("node"), shutil.which("npm")


def test_the_front_ends_lsp_to_editor_mapping():
    if NODE is None or NPM is None:
        if IN_CI:
            pytest.fail("CI=true but node/npm are missing (Node 20+ is required)")
        pytest.skip("node is not installed (Node 20+ runs editors/web's tests)")
    if not (WEB / "node_modules").is_dir():
        if IN_CI:
            pytest.fail("editors/web/node_modules is missing: .ci/run runs npm ci there")
        pytest.skip("editors/web has no node_modules: cd editors/web && npm ci")
    proc = subprocess.run([NPM, "test"], cwd=WEB, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    assert "# fail 0" in proc.stdout and "# pass 0" not in proc.stdout
