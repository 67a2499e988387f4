"""The rule registry: one line a rule, code → module. Codes never change meaning.

Each rule lives in its own module with ``CODE``, ``NAME``, ``SEVERITY``, ``SUMMARY``, a module
docstring that is its user documentation (printed by ``figcheck rule CODE``), and
``check(ctx) -> Iterable[Diagnostic]``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

# code → module name under figcheck.rules; the order is the order of `figcheck rules`.
REGISTRY: dict[str, str] = {
    "FC101": "conversion_mismatch",
    "FC102": "conversion_dimension",
    "FC201": "conflicting_figures",
    "FC202": "unit_mixup",
    "FC301": "part_exceeds_whole",
    "FC302": "parts_do_not_sum",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    doc: str
    enabled_by_default: bool
    module: ModuleType

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
