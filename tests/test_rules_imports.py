"""The rules' modules import only public names, and no rule imports another rule: what rules
share lives in shared modules (frame, referent_model, conversions, words, part_whole, …)."""

from __future__ import annotations

import ast
from pathlib import Path

import figcheck.rules

RULES = Path(figcheck.rules.__file__).parent


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _is_rule(path: Path) -> bool:
    return any(isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "CODE" for t in n.targets)
               for n in _tree(path).body)


def _imports(path: Path):
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            yield node


def test_no_private_name_is_imported_from_another_module():
    found = [(p.name, n.module, a.name) for p in sorted(RULES.glob("*.py")) for n in _imports(p)
             for a in n.names if a.name.startswith("_")]
    assert not found, found


def test_no_rule_imports_another_rule():
    rules = {p.stem for p in RULES.glob("*.py") if _is_rule(p)}
    assert {"conflicting_figures", "unit_mixup", "conversion_mismatch"} <= rules
    found = []
    for p in sorted(RULES.glob("*.py")):
        if p.stem not in rules:
            continue
        for n in _imports(p):
            modules = [n.module] if n.module else [a.name for a in n.names]
            found += [(p.stem, m) for m in modules if m in rules and m != p.stem]
    assert not found, found
