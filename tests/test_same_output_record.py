"""tools/same_output.py --record: a history pair is skipped only under the very conditions it
was found identical under (CI's same-output step relies on it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("same_output", ROOT / "tools" / "same_output.py")
same_output = importlib.util.module_from_spec(spec)
sys.modules.setdefault("same_output", same_output)  # its dataclass looks its module up
spec.loader.exec_module(same_output)


def _inputs(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "inputs"
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content)
    return root


def test_the_inputs_digest_changes_with_any_name_or_byte(tmp_path):
    digests = set()
    for i, files in enumerate([{"a/1.txt": b"x", "a/2.txt": b"y"}, {"a/1.txt": b"x", "a/2.txt": b"z"},
                               {"a/1.txt": b"x", "b/2.txt": b"y"}, {"a/1.txt": b"xy", "a/2.txt": b""}]):
        digests.add(same_output.inputs_digest(_inputs(tmp_path / str(i), files)))
    assert len(digests) == 4
    again = same_output.inputs_digest(_inputs(tmp_path / "again", {"a/2.txt": b"y", "a/1.txt": b"x"}))
    assert again in digests


def test_the_packages_are_figcheck_s_dependencies_transitively():
    versions = same_output.dependency_versions()
    assert {"pint", "pygls", "regex", "lsprotocol"} <= versions.keys()
    assert "flexparser" in versions  # pint's, not figcheck's own requirement
    assert "figcheck" not in versions and "pytest" not in versions  # the code is the commits'; tests' extra


def test_a_pair_is_recorded_then_found_only_under_the_same_conditions(tmp_path):
    record = tmp_path / "record.json"
    inputs = _inputs(tmp_path, {"seeds/a.txt": b"It covers 5 km2."})
    key = same_output.conditions("a" * 40, "b" * 40, inputs)
    assert not same_output.recorded(record, key)
    same_output.add_record(record, key)
    assert same_output.recorded(record, same_output.conditions("a" * 40, "b" * 40, inputs))
    assert not same_output.recorded(record, same_output.conditions("a" * 40, "c" * 40, inputs))
    assert not same_output.recorded(record, {**key, "packages": {**key["packages"], "pint": "0.0"}})
    (inputs / "seeds" / "a.txt").write_bytes(b"It covers 6 km2.")
    assert not same_output.recorded(record, same_output.conditions("a" * 40, "b" * 40, inputs))
