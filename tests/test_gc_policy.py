"""The command line's run over files and the server share one garbage-collector setting."""

import gc
import subprocess
import sys

from figcheck.gc_policy import YOUNG_THRESHOLD, collect_less_often


def test_collecting_less_often_raises_only_the_young_threshold():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_a_check_from_the_command_line_collects_less_often(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("The bridge is 1,149 metres (3,770 ft) long.\n", encoding="utf-8")
    probe = ("import gc, sys\nfrom figcheck.cli import main\n"
             "try:\n    main(['check', '--no-config', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
             "print(gc.get_threshold()[0])\n")
    out = subprocess.run([sys.executable, "-c", probe, str(doc)], capture_output=True, text=True,
                         check=True).stdout
    assert out.split()[-1] == str(YOUNG_THRESHOLD)
