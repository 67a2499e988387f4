"""What start-up imports (issue #15: ``import figcheck`` plus the first check of a real article
< 0.3 s, the server's first diagnostics < 0.5 s): a plain check, and the language server up to its
first check, import none of what they do not use. Counted in a fresh interpreter, never timed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"

PRINT_MODULES = "import json, sys; print(json.dumps(sorted(sys.modules)))"
PLAIN_CHECK = (
    "import sys; from figcheck.engine import check_text; "
    "found = check_text(open(sys.argv[1], encoding='utf-8').read()); assert found; " + PRINT_MODULES
)
SERVER_START = "from figcheck_lsp.app import server; server.warm_up('text'); " + PRINT_MODULES

# Each costs start-up time and none is needed to check plain text: pint (~0.5 s: the generated unit
# table answers), the report formats, the CLI, configuration files (absent here), the other text
# formats, the fixes, the playground, the incremental machinery of the editor, the progress bar,
# package metadata (~80 ms; figcheck.__version__ reads the file directly when asked).
NOT_FOR_A_PLAIN_CHECK = (
    "pint", "figcheck.report", "figcheck.cli", "figcheck.config_files", "tomllib",
    "figcheck.text.markdown", "figcheck.text.html", "figcheck.text.latex", "figcheck.text.rst",
    "figcheck.fixes", "figcheck.playground", "figcheck.incremental_check", "figcheck.driver",
    "figcheck.runner", "figcheck.dask_executor", "rich", "pathspec", "importlib.metadata",
)
# The server's first diagnostics need neither its other features nor the engine's extras.
NOT_FOR_THE_SERVERS_FIRST_CHECK = (
    "pint", "figcheck.report", "figcheck.cli", "figcheck.config_files", "tomllib",
    "figcheck.text.markdown", "figcheck.text.html", "figcheck.text.latex", "figcheck.text.rst",
    "figcheck.playground", "figcheck_lsp.hover", "figcheck_lsp.inlay", "rich", "importlib.metadata",
)


def _modules(code: str, *args: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def _imported(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_a_plain_check_imports_only_what_it_uses():
    modules = _modules(PLAIN_CHECK, str(SEED))
    assert "figcheck.extract.lexicon" in modules and "figcheck.units" in modules
    assert _imported(modules, NOT_FOR_A_PLAIN_CHECK) == []
    # ~160 now: the bound catches a new heavy dependency (a few dozen modules), not a new rule.
    assert len(modules) < 200, len(modules)


def test_the_server_reaches_its_first_check_without_its_other_features():
    modules = _modules(SERVER_START)
    assert "figcheck_lsp.diagnostics" in modules and "figcheck.rules.frame" in modules
    assert _imported(modules, NOT_FOR_THE_SERVERS_FIRST_CHECK) == []
    assert len(modules) < 340, len(modules)  # ~300 now, two thirds of them lsprotocol/pygls/asyncio's
