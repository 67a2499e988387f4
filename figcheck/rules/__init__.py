"""The rule registry: one line a rule, code → module. Codes never change meaning.

Each rule lives in its own module with ``CODE``, ``NAME``, ``SEVERITY``, ``SUMMARY``, a module
docstring that is its user documentation (printed by ``figcheck rule CODE``), and
``check(ctx) -> Iterable[Diagnostic]``; ``SCOPE = "paragraph"`` where it holds (see :class:`Rule`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ..codes import REGISTRY  # the one table of codes (configuration reads it too)


# How far a rule of paragraph scope may read around its claims: this many characters before
# them and, after them, this many characters other than white space, commas and hyphens (which
# it may skip without limit: "rose 5%[,] annually", a money word past a blank line).
PARAGRAPH_REACH = 80


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    enabled_by_default: bool
    module: ModuleType
    # "paragraph": the rule's diagnostics on the claims of one paragraph are found from those
    # claims alone (and the settings) and the text within PARAGRAPH_REACH of them, lie in that
    # paragraph and keep no offsets or claim indices in ``data``; a held check reuses them where
    # an edit left the paragraph and that text alone (:mod:`figcheck.incremental_check`).
    # "document": anything else.
    scope: str = "document"

    def check(self, ctx):
        return self.module.check(ctx)


def _load(code: str) -> Rule | None:
    try:
        module = importlib.import_module(f"{__name__}.{REGISTRY[code]}")
    except ModuleNotFoundError:
        return None  # a rule not written yet
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        summary=module.SUMMARY,
        doc=(module.__doc__ or "").strip(),
        enabled_by_default=getattr(module, "ENABLED_BY_DEFAULT", True),
        module=module,
        scope=getattr(module, "SCOPE", "document"),
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    return tuple(r for r in (_load(code) for code in REGISTRY) if r is not None)


def rule_by_code_or_name(key: str) -> Rule | None:
    key = key.strip()
    for rule in all_rules():
        if rule.code.upper() == key.upper() or rule.name == key.lower():
            return rule
    return None


def catalog_markdown() -> str:
    """docs/rules.md: every rule's documentation, one section a rule (anchors #fc101 …)."""
    parts = [
        "# figcheck rules\n",
        "Generated from the rules' own documentation (`figcheck rule CODE` prints the same);"
        " regenerate with `FIGCHECK_UPDATE_DOCS=1 python -m pytest tests/test_docs.py`.\n",
        "| code | name | default | summary |\n|---|---|---|---|",
    ]
    rules = all_rules()
    for r in rules:
        default = r.severity if r.enabled_by_default else f"{r.severity}, off by default"
        parts.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {default} | {r.summary} |")
    for r in rules:
        body = r.doc.replace("\n## ", "\n### ")
        if body.startswith("## "):
            body = "#" + body
        parts.append(f"\n## {r.code}\n\n**{r.name}** · default severity: {r.severity}\n\n{body}\n")
    return "\n".join(parts).rstrip() + "\n"
