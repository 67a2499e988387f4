"""End to end on the shared dev set (/work/shared/eval/check) and the seed article: every
expected diagnostic of our rules is raised where expected, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from figcheck.engine import check_document
from figcheck.text import format_for_path, read_document

DEV = Path("/work/shared/eval/check")
SEED = Path(__file__).parent.parent / "seeds" / "kharkiv-counteroffensive-2022.txt"
DOCS = sorted(p for p in DEV.glob("*") if p.suffix in {".txt", ".md"}) if DEV.exists() else []


def _spans(text, surface, occurrence):
    pos = -1
    for _ in range(occurrence):
        pos = text.index(surface, pos + 1)
    return pos, pos + len(surface)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_dev_document(doc):
    text = doc.read_text(encoding="utf-8")
    got = check_document(read_document(text, format_for_path(doc)))
    exp_file = doc.with_name(doc.stem + ".expect.json")
    expected = json.loads(exp_file.read_text())["diagnostics"] if exp_file.exists() else []
    used = set()
    for e in expected:
        texts = e["text"] if isinstance(e["text"], list) else [e["text"]]
        spans = [_spans(text, t, e.get("occurrence", 1)) for t in texts]
        hit = next((k for k, d in enumerate(got) if k not in used and d.code == e["code"]
                    and any(s < d.end and d.start < t for s, t in spans)), None)
        assert hit is not None, f"missing {e}"
        used.add(hit)
    extra = [(d.code, text[d.start:d.end]) for k, d in enumerate(got) if k not in used]
    assert not extra, f"unexpected diagnostics: {extra}"


def test_seed_unit_mixup_details():
    text = SEED.read_text(encoding="utf-8")
    got = check_document(read_document(text, "text"))
    assert [(d.code, text[d.start:d.end]) for d in got] == [
        ("FC202", "almost a thousand square miles")
    ] * 2
    for d in got:
        (rel,) = d.related
        assert text[rel.start:rel.end].startswith("more than 1,000 square kilometres")
        assert "386 square miles" in text[rel.start:rel.end]
        assert "2,590" in d.message and "386" in d.message and "square kilometres" in d.message
        assert d.fix.applicability == "unsafe"
        (edit,) = d.fix.edits
        assert text[edit.start:edit.end] == "square miles" and edit.new_text == "square kilometres"
    fixed = text
    for e in sorted((d.fix.edits[0] for d in got), key=lambda e: -e.start):
        fixed = fixed[: e.start] + e.new_text + fixed[e.end :]
    assert check_document(read_document(fixed, "text")) == []
