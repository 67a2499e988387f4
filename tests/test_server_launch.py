"""The server's command line (figcheck_lsp.launch): the options the editors pass need no parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from figcheck_lsp.launch import command_line_options


@pytest.mark.parametrize("argv", [[], ["--stdio"], ["--stdio", "--stdio"]])
def test_the_editors_command_lines_get_the_parsers_defaults(argv):
    # Naming the default log level makes the parser read the rest: the same namespace.
    assert vars(command_line_options(argv)) == vars(command_line_options([*argv, "--log-level", "warning"]))


def test_other_options_are_parsed_and_bad_ones_refused():
    assert command_line_options(["--stdio", "--debounce-ms", "5"]).debounce_ms == 5.0
    assert command_line_options(["--log-level", "info"]).log_level == "INFO"
    with pytest.raises(SystemExit):
        command_line_options(["--no-such-option"])


def test_help_lists_the_options():
    out = subprocess.run([sys.executable, "-m", "figcheck", "server", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "--debounce-ms" in out and "--log-level" in out and "--stdio" in out
