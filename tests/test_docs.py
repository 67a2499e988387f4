"""docs/rules.md is the rules' own documentation, kept in step with the code."""

import os
from pathlib import Path

from figcheck.rules import REGISTRY, all_rules, catalog_markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_every_registered_rule_is_loaded_and_documented():
    rules = all_rules()
    assert [r.code for r in rules] == list(REGISTRY)
    for rule in rules:
        assert "## What it does" in rule.doc and "## Example" in rule.doc, rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name


def test_docs_rules_md_is_up_to_date():
    expected = catalog_markdown()
    if os.environ.get("FIGCHECK_UPDATE_DOCS"):
        DOC.write_text(expected, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == expected, "run with FIGCHECK_UPDATE_DOCS=1 to regenerate"
    for rule in all_rules():
        assert f"\n## {rule.code}\n" in expected  # the anchor editors link to (#fc202)
