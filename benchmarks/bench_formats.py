"""What reading markup costs next to checking the same text as plain prose.

Builds a multi-MB Markdown document from the seed article (headings, emphasis on figures, links,
a table, code fences, HTML comments) and the plain text with the same sentences, then times:
the Markdown reader, claim extraction on its prose, and extraction (and optionally the full
check) on the plain text. The bar (issue #7): reading must add < 30% to the plain check time.

    .venv/bin/python benchmarks/bench_formats.py            # ~3 MB, extraction only
    .venv/bin/python benchmarks/bench_formats.py --mb 1 --check   # also the full rule check
    .venv/bin/python benchmarks/bench_formats.py --formats markdown,latex,rst,html
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figcheck.engine import check_document  # noqa: E402
from figcheck.extract import extract_claims  # noqa: E402
from figcheck.text import read_document  # noqa: E402

SEED = ROOT / "seeds" / "kharkiv-counteroffensive-2022.txt"


def paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 2]


def as_markdown(paras: list[str], k: int) -> str:
    out = [f"## Section {k}\n"]
    for i, p in enumerate(paras):
        p = re.sub(r"\b(\d[\d,]*) (miles|kilometres|troops)\b", r"**\1 \2**", p, count=1)
        p = p.replace("Kharkiv", "[Kharkiv](https://en.wikipedia.org/wiki/Kharkiv)", 1)
        out.append(p + "\n")
        if i % 8 == 3:
            out.append("```\ncode 5 km\n```\n")
        if i % 8 == 5:
            out.append("<!-- figcheck: ignore FC202 -->\n")
        if i % 8 == 7:
            out.append("| Place | Distance |\n|---|---|\n| Kupiansk | 45 miles |\n")
    return "\n".join(out)


def as_latex(paras: list[str], k: int) -> str:
    out = [f"\\section{{Section {k}}}\n"]
    for p in paras:
        p = p.replace("%", "\\%").replace("$", "\\$").replace("&", "\\&").replace("#", "\\#")
        p = re.sub(r"\b(\d[\d,]*) miles\b", r"\\qty{\1}{mi}", p, count=1)
        out.append(p + " % a comment\n")
    return "\n".join(out)


def as_rst(paras: list[str], k: int) -> str:
    title = f"Section {k}"
    out = [title + "\n" + "=" * len(title) + "\n"]
    for p in paras:
        p = re.sub(r"\b(\d[\d,]*) miles\b", r"**\1 miles**", p, count=1)
        out.append(p.replace("*", "\\*") if "**" not in p else p)
        out.append("")
    return "\n".join(out)


def as_html(paras: list[str], k: int) -> str:
    import html

    out = [f"<h2>Section {k}</h2>"]
    for p in paras:
        p = html.escape(p, quote=False)
        p = re.sub(r"\b(\d[\d,]*) miles\b", r"<b>\1&nbsp;miles</b>", p, count=1)
        out.append(f"<p>{p}</p>")
    return "\n".join(out)


BUILDERS = {"markdown": as_markdown, "latex": as_latex, "rst": as_rst, "html": as_html}


def timed(fn, *args):
    # CPU time, not wall time: the machine is shared, and other processes' load is not ours.
    start = time.process_time()
    result = fn(*args)
    return result, time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=3.0, help="approximate size of each document")
    ap.add_argument("--formats", default="markdown")
    ap.add_argument("--check", action="store_true", help="also time the full rule check")
    args = ap.parse_args()

    paras = paragraphs()
    plain_unit = "\n\n".join(paras) + "\n\n"
    copies = max(1, int(args.mb * 1_000_000 / len(plain_unit)))
    plain = plain_unit * copies

    doc, t_read_plain = timed(read_document, plain, "text")
    claims, t_extract_plain = timed(extract_claims, doc.prose)
    print(f"plain text: {len(plain) / 1e6:.2f} MB, {len(claims)} claims")
    print(f"  extract            {t_extract_plain:8.3f} s")
    baseline = t_extract_plain
    if args.check:
        diags, t_check = timed(check_document, doc, None, None, claims)
        print(f"  rules              {t_check:8.3f} s  ({len(diags)} diagnostics)")
        baseline += t_check
    print(f"  plain check total  {baseline:8.3f} s")

    for fmt in args.formats.split(","):
        source = "\n".join(BUILDERS[fmt](paras, k) for k in range(copies))
        read_document("warm up", fmt)
        mdoc, t_read = timed(read_document, source, fmt)
        mclaims, t_extract = timed(extract_claims, mdoc.prose)
        share = 100 * t_read / baseline if baseline else float("inf")
        verdict = "OK" if share < 30 else "OVER BUDGET"
        print(f"{fmt}: {len(source) / 1e6:.2f} MB, {len(mclaims)} claims")
        print(f"  read               {t_read:8.3f} s  ({len(source) / 1e6 / t_read:.1f} MB/s)")
        print(f"  extract on prose   {t_extract:8.3f} s")
        print(f"  reading adds {share:.0f}% to the plain check time (bar: < 30%) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
