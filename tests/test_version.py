"""figcheck.__version__: the installed distribution's version, read without importlib.metadata."""

import subprocess
import sys
from importlib.metadata import version


def test_version_is_the_installed_one_without_importing_importlib_metadata():
    code = ("import sys, figcheck; print(figcheck.__version__); "
            "print('importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [version("figcheck"), "False"]
