"""Playground benchmark (a plain script): ``.venv/bin/python benchmarks/bench_playground.py [RUNS]``.

Measures, against the real ``figcheck playground`` process and Debian's headless Chromium:
- start: process spawn → the page served (``GET /`` answered) (bar: < 1 s);
- first paint of the seed's diagnostics: click on "Load example" → the problems panel lists the
  seed's two FC202 (bar: < 2 s), on a freshly loaded page each run;
- the page's JavaScript, gzipped (bar: < 1 MB).
Prints the median and the worst of RUNS runs (default 5).
"""

from __future__ import annotations

import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.playground_support import CHROMIUM, launch_chromium, start_playground  # noqa: E402


def main(runs: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    starts, shows = [], []
    for _ in range(runs):
        pg = start_playground()
        starts.append(pg.started)
        try:
            with sync_playwright() as pw:
                browser = launch_chromium(pw)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(pg.url)
                expect(page.locator("#connection")).to_have_attribute("data-state", "connected", timeout=30_000)
                t0 = time.monotonic()
                page.click("#example")
                expect(page.locator(".problem[data-code=FC202]")).to_have_count(2, timeout=30_000)
                shows.append(time.monotonic() - t0)
                browser.close()
        finally:
            pg.stop()
    js = (ROOT / "figcheck" / "playground" / "static" / "playground.js").read_bytes()
    print(f"playground start (spawn → page served): median {statistics.median(starts):.3f} s, "
          f"worst {max(starts):.3f} s (bar < 1 s)")
    print(f"load example → seed's diagnostics listed: median {statistics.median(shows):.3f} s, "
          f"worst {max(shows):.3f} s (bar < 2 s)")
    print(f"page JavaScript: {len(js) / 1024:.0f} kB, {len(gzip.compress(js, 9)) / 1024:.0f} kB gzipped (bar < 1024 kB)")


if __name__ == "__main__":
    if CHROMIUM is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
