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
    "ctypes",  # only to interrupt an analysis (figcheck_lsp.cancel)
    "argparse", "gettext",  # only for a command line other than the editors' (--stdio or none)
)
# Nor, started as `figcheck server` and over the protocol, a search of the installed packages'
# metadata (importlib.metadata: email, zipfile, csv; ~50 ms), nor the CLI's other commands. (A
# real document is looked up in configuration files: figcheck.config_files, reading none here.)
NOT_FOR_THE_SERVERS_FIRST_CHECK_OVER_STDIO = tuple(
    name for name in NOT_FOR_THE_SERVERS_FIRST_CHECK if name not in ("figcheck.cli", "figcheck.config_files")) + (
    "email", "zipfile", "csv", "figcheck.driver", "figcheck.runner", "figcheck.report")


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


# `figcheck server` as the editors start it, its modules written when it exits.
SERVER_AS_EDITORS_START_IT = (
    "import atexit, json, sys; "
    "atexit.register(lambda: open(sys.argv[1], 'w').write(json.dumps(sorted(sys.modules)))); "
    "from figcheck.cli import main; sys.exit(main(['server']))"
)


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_message(stream) -> dict:
    length = None
    while (line := stream.readline().strip()):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    assert length is not None, "the server closed its output"
    return json.loads(stream.read(length))


def _first_diagnostics_over_stdio(proc, uri: str, text: str) -> dict:
    from lsprotocol.converters import get_converter
    from pytest_lsp import client_capabilities

    caps = get_converter().unstructure(client_capabilities("visual-studio-code"))
    proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                             "params": {"processId": None, "rootUri": None, "capabilities": caps}}))
    proc.stdin.flush()
    while _read_message(proc.stdout).get("id") != 1:
        pass
    proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": text}}}))
    proc.stdin.flush()
    while True:
        message = _read_message(proc.stdout)
        if message.get("method") == "workspace/configuration":
            proc.stdin.write(_frame({"jsonrpc": "2.0", "id": message["id"], "result": [None]}))
            proc.stdin.flush()
        elif message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
            return message["params"]


def test_the_servers_first_diagnostics_over_stdio_need_no_package_metadata_search(tmp_path):
    """Up to the seed's first diagnostics and shutdown, started as `figcheck server`: the entry
    point, the version and the rules' links are read from figcheck's own metadata files."""
    article = tmp_path / "article.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    listing = tmp_path / "modules.json"
    proc = subprocess.Popen([sys.executable, "-c", SERVER_AS_EDITORS_START_IT, str(listing)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        published = _first_diagnostics_over_stdio(proc, article.as_uri(), article.read_text(encoding="utf-8"))
        proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) +
                         _frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
    assert [d["code"] for d in published["diagnostics"]].count("FC202") == 2
    modules = json.loads(listing.read_text())
    assert "figcheck.cli" in modules and "figcheck_lsp.diagnostics" in modules
    assert _imported(modules, NOT_FOR_THE_SERVERS_FIRST_CHECK_OVER_STDIO) == []
    assert len(modules) < 360, len(modules)


def test_the_cli_leaves_the_engine_to_the_server_as_figcheck_server():
    """What ``figcheck server`` imports before handing over to the server's launcher: neither
    argparse nor the engine's dataclasses, which the launcher imports with its cache of compiled
    code installed (figcheck.start_up; dataclasses write their methods as text)."""
    code = "import figcheck.cli, figcheck_lsp.launch; " + PRINT_MODULES
    modules = _modules(code)
    assert "figcheck.cli" in modules and "figcheck_lsp.launch" in modules
    assert _imported(modules, ("argparse", "gettext", "dataclasses", "figcheck.model", "figcheck.rules")) == []
