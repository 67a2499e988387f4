"""The rule codes: one line a rule, code → the module under ``figcheck.rules`` that checks it.

Codes never change meaning. A leaf module, so that configuration can check the codes it is
given without loading a rule (the rules read the configuration).
"""

from __future__ import annotations

# code → module name under figcheck.rules; the order is the order of `figcheck rules`.
REGISTRY: dict[str, str] = {
    "FC101": "conversion_mismatch",
    "FC102": "conversion_dimension",
    "FC201": "conflicting_figures",
    "FC202": "unit_mixup",
    "FC301": "part_exceeds_whole",
    "FC302": "parts_do_not_sum",
    "FC303": "change_mismatch",
    "FC304": "share_mismatch",
}
