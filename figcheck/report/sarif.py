"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Columns and character offsets count Unicode code points (``run.columnKind``), the same as
every other figcheck position.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from urllib.parse import quote

from .common import Reporter, Summary, json_text

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the repository by viewers)."""
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    raw = os.fsencode(posix)  # a name that is not UTF-8 keeps its bytes, percent-encoded
    if PurePath(path).is_absolute():
        return "file://" + quote(raw if raw.startswith(b"/") else b"/" + raw)
    return quote(raw)


def region(start: dict, end: dict) -> dict:
    out = {
        "startLine": start["line"],
        "startColumn": start["column"],
        "endLine": end["line"],
        "endColumn": end["column"],
        "charOffset": start["offset"],
        "charLength": end["offset"] - start["offset"],
    }
    return {k: v for k, v in out.items() if v is not None}


def location(path: str, start: dict, end: dict) -> dict:
    physical = {"artifactLocation": {"uri": artifact_uri(path)}}
    if start["line"] is not None:
        physical["region"] = region(start, end)
    return {"physicalLocation": physical}


def result_object(d: dict, path: str, rule_index: dict[str, int]) -> dict:
    result = {
        "ruleId": d["code"],
        "level": LEVELS.get(d["severity"], "warning"),
        "message": {"text": d["message"]},
        "locations": [location(path, d["start"], d["end"])],
    }
    if d["code"] in rule_index:
        result["ruleIndex"] = rule_index[d["code"]]
    if d["related"]:
        result["relatedLocations"] = [
            {"id": i, **location(r["path"], r["start"], r["end"]), "message": {"text": r["message"]}}
            for i, r in enumerate(d["related"], start=1)
        ]
    if d["fix"] is not None:
        result["fixes"] = [fix_object(d["fix"], path)]
    result["properties"] = {"name": d["name"], "severity": d["severity"]}
    return result


def fix_object(fix: dict, path: str) -> dict:
    replacements = [
        {"deletedRegion": region(e["start"], e["end"]), "insertedContent": {"text": e["new_text"]}}
        for e in fix["edits"]
    ]
    return {
        "description": {"text": fix["message"]},
        "artifactChanges": [{"artifactLocation": {"uri": artifact_uri(path)}, "replacements": replacements}],
        "properties": {"applicability": fix["applicability"]},
    }


def rule_descriptor(rule, project: str | None = None) -> dict:
    """The rule's SARIF descriptor; ``helpUri`` only when the project URL is configured."""
    from ..links import rule_doc_url

    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "helpUri": rule_doc_url(rule.code, project or ""),
        "defaultConfiguration": {
            "level": LEVELS.get(rule.severity, "warning"),
            "enabled": bool(rule.enabled_by_default),
        },
    }
    if descriptor["helpUri"] is None:
        del descriptor["helpUri"]
    return descriptor


def sarif_log(results, rules, tool_version: str, project: str | None = None) -> dict:
    """The SARIF document for ``results`` (FileResult objects) and ``rules`` (Rule objects);
    ``project``: the project URL (``figcheck.links.project_url()``), None for no links."""
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    sarif_results, notifications = [], []
    for file in results:
        if file.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{file.path}: {file.error['message']}"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(file.path)}}}],
                "descriptor": {"id": file.error["kind"]},
            })
        sarif_results.extend(result_object(d, file.path, rule_index) for d in file.diagnostics)
    run = {
        "tool": {
            "driver": {
                "name": "figcheck",
                "version": tool_version,
                "semanticVersion": tool_version if _is_semver(tool_version) else None,
                "informationUri": project,
                "rules": [rule_descriptor(rule, project) for rule in rules],
            }
        },
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    for key in ("semanticVersion", "informationUri"):
        if run["tool"]["driver"][key] is None:
            del run["tool"]["driver"][key]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _is_semver(version: str) -> bool:
    core = version.split("+")[0].split("-")[0].split(".")
    return len(core) == 3 and all(part.isdigit() for part in core)


class SarifReporter(Reporter):
    def __init__(self, out, err, options) -> None:
        super().__init__(out, err, options)
        self.results = []

    def file(self, result) -> None:
        self.results.append(result)

    def finish(self, summary: Summary) -> None:
        from .. import __version__
        from ..links import project_url
        from ..rules import all_rules

        # Unindented: json.dumps then runs in C, which matters for large runs; viewers indent.
        self.out.write(json_text(sarif_log(self.results, all_rules(), __version__, project_url())))
        self.out.write("\n")


REPORTER = SarifReporter
