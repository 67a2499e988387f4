"""The playground page end to end, in Debian's headless Chromium driven by Playwright (the
system browser: Playwright's own download cannot run here). Skipped when Chromium or Playwright
is missing, except in CI (.ci/run installs both), where that fails.

FIGCHECK_UPDATE_SCREENSHOT=1 also writes the screenshot of the seed article into
docs/playground.png (the one README.md and docs/playground.md show); it is written too when
that file is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.playground_support import CHROMIUM, IN_CI, ROOT, SEED, launch_chromium, start_playground

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

if not IN_CI:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
    if sync_playwright is None:
        pytest.skip("playwright is not installed (pip install -e '.[test]')", allow_module_level=True)
    pytest.importorskip("websockets", reason="the playground extra is not installed")

DOCS_SHOT = ROOT / "docs" / "playground.png"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _sentence(starts: str, ends: str) -> str:
    start = SEED_TEXT.index(starts)
    return SEED_TEXT[start : SEED_TEXT.index(ends, start) + len(ends)]


# The seed's key sentences: "almost a thousand square miles", twice, and the 1,000 square
# kilometres (386 square miles) they contradict.
KEY_SENTENCES = [
    _sentence("The blue patch represents", "liberated by Ukraine") + ".",
    _sentence("The news is confirmation", "Institute for the Study of War."),
    _sentence("The Ukrainian military was more circumspect", "this week."),
]
FENCED = "Some prose.\n\n```\nThe embankment runs for 12 kilometres (15 miles).\n```\n"


# One worker runs this module: its module-scoped fixtures are costly to set up twice.
pytestmark = pytest.mark.xdist_group("playground_browser")


@pytest.fixture(scope="module")
def served():
    if CHROMIUM is None or sync_playwright is None:
        pytest.fail("CI=true but chromium or playwright is missing: .ci/run installs them")
    pg = start_playground()
    yield pg
    stderr = pg.stop()
    assert "Traceback" not in stderr, stderr


@pytest.fixture(scope="module")
def browser(served):
    """One Playwright driver and one Chromium for the module: starting them costs about 2 s."""
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, served):
    # A fresh context per test: its own profile (storage, cookies, downloads) and its own page.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(served.url)
    expect(page.locator("#connection")).to_have_attribute("data-state", "connected", timeout=30_000)
    yield page
    context.close()
    assert errors == []


def _problems(page, code: str | None = None):
    return page.locator(".problem" + (f"[data-code={code}]" if code else ""))


def _wait_checked(page, timeout: float = 30) -> None:
    """Until the panel shows the diagnostics of the document's current version. (Polled from
    here: page.wait_for_function evaluates its predicate with eval, which the page's CSP forbids.)"""
    deadline = time.monotonic() + timeout
    while page.evaluate("document.body.dataset.checked !== document.body.dataset.version"):
        assert time.monotonic() < deadline, "the page never showed the current version's diagnostics"
        page.wait_for_timeout(50)


def _selected_text(page) -> str:
    return page.evaluate("(() => { const v = window.figcheckPlayground.view; const s = v.state.selection.main;"
                         " return v.state.sliceDoc(s.from, s.to); })()")


def test_typing_the_seeds_key_sentences_then_fixing_them(page, tmp_path):
    page.locator(".cm-content").click()
    page.keyboard.type("\n\n".join(KEY_SENTENCES))
    expect(_problems(page, "FC202")).to_have_count(2, timeout=30_000)
    first = _problems(page).first
    expect(first.locator(".label")).to_contain_text("FC202 unit-mixup — “almost a thousand square miles”")
    expect(first.locator(".where")).to_have_text("line 1")
    expect(first.locator(".related-goto")).to_contain_text("line 5")
    # Underlines and gutter marks, in the warning colour.
    expect(page.locator(".cm-lintRange-warning")).to_have_count(2)
    expect(page.locator(".cm-lint-marker-warning")).to_have_count(2)

    # A click on a problem selects its span; one on a related place selects that.
    first.locator(".problem-goto").click()
    assert _selected_text(page) == "almost a thousand square miles"
    first.locator(".related-goto").click()
    assert _selected_text(page).startswith("more than 1,000 square kilometres")

    # Quick fixes are buttons, safe and unsafe marked; these are unsafe, so "fix all safe" is off.
    expect(page.locator("#fix-all")).to_be_disabled()
    for remaining in (1, 0):
        fix = page.locator(".fix-unsafe").first
        expect(fix).to_have_text("Fix (unsafe): Replace “square miles” with “square kilometres”")
        fix.click()
        expect(_problems(page, "FC202")).to_have_count(remaining, timeout=30_000)
    _wait_checked(page)
    expect(_problems(page)).to_have_count(0)
    doc = page.evaluate("window.figcheckPlayground.doc().toString()")
    assert doc.count("almost a thousand square kilometres") == 2
    page.screenshot(path=str(tmp_path / "fixed.png"))


def test_a_figure_in_a_markdown_code_block_draws_nothing(page, tmp_path):
    page.locator(".cm-content").click()
    page.keyboard.type(FENCED)
    expect(_problems(page, "FC101")).to_have_count(1, timeout=30_000)  # as plain text: a mismatch
    page.select_option("#format", "markdown")
    _wait_checked(page)
    expect(_problems(page)).to_have_count(0)
    expect(page.locator(".cm-lintRange")).to_have_count(0)
    expect(page.locator(".cm-lint-marker")).to_have_count(0)
    expect(page.locator("#file-name")).to_have_text("untitled.md")
    page.screenshot(path=str(tmp_path / "markdown.png"))


def test_the_example_hover_reports_and_the_screenshot(page, served, tmp_path):
    started = time.monotonic()
    page.click("#example")
    expect(_problems(page, "FC202")).to_have_count(2, timeout=30_000)
    shown = time.monotonic() - started
    timings = {"playground_start_s": round(served.started, 3), "example_to_diagnostics_s": round(shown, 3)}
    (tmp_path / "timings.json").write_text(json.dumps(timings, indent=2))
    print(f"\nplayground timings: {timings} (bars: start < 1 s, diagnostics < 2 s)")

    # The screenshot of the seed article, its first problem selected.
    page.locator(".problem-goto").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(tmp_path / "playground.png"))
    if os.environ.get("FIGCHECK_UPDATE_SCREENSHOT") == "1" or not DOCS_SHOT.exists():
        shutil.copyfile(tmp_path / "playground.png", DOCS_SHOT)

    # Hover over a figure: figcheck's reading of it.
    page.locator(".cm-lintRange-warning").first.hover()
    hover = page.locator(".cm-figcheck-hover")
    expect(hover).to_contain_text("figcheck reads “almost a thousand square miles”", timeout=15_000)
    expect(hover).to_contain_text("2,590 km²")
    page.mouse.move(5, 5)

    # Reports: JSON is the `check` contract; Markdown the same findings.
    with page.expect_download() as download:
        page.click("#report-json")
    report = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert download.value.suggested_filename == "kharkiv-counteroffensive-2022-report.json"
    assert report["version"] == 1 and report["summary"]["diagnostics"] == 2
    assert [d["code"] for d in report["files"][0]["diagnostics"]] == ["FC202", "FC202"]
    assert report["files"][0]["diagnostics"][0]["start"]["line"] == 23
    with page.expect_download() as download:
        page.click("#report-md")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert markdown.count("**FC202 unit-mixup**") == 2



def _focused(page) -> str:
    return page.evaluate("(() => { const e = document.activeElement;"
                         " return e.id || e.className || e.tagName; })()")


def test_keyboard_only_narrow_screen_and_opening_a_file(page, tmp_path):
    page.set_viewport_size({"width": 375, "height": 812})
    # Keyboard only, from the top of the page: the skip link, the toolbar, "Load example".
    page.keyboard.press("Tab")
    assert _focused(page) == "skip"
    visited = []
    while _focused(page) != "example" and len(visited) < 10:
        page.keyboard.press("Tab")
        visited.append(_focused(page))
    assert visited == ["format", "open", "example"]
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # visible focus
    page.keyboard.press("Enter")
    expect(_problems(page, "FC202")).to_have_count(2, timeout=30_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing off-screen at 375 px
    # Tab goes on through the reports and the editor (which does not trap it) to the problems.
    visited = []
    while _focused(page) != "problem-goto" and len(visited) < 10:
        page.keyboard.press("Tab")
        visited.append(_focused(page))
    assert visited[-1] == "problem-goto" and "cm-content" in " ".join(visited)
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert _selected_text(page) == "almost a thousand square miles"
    page.keyboard.press("Alt+h")  # figcheck's reading of the figure at the cursor
    expect(page.locator("#reading")).to_contain_text("figcheck reads “almost a thousand square miles”")
    # ARIA: the panel is a labelled region with a list, and a live status line.
    assert page.get_by_role("region", name="Problems").count() == 1
    assert page.get_by_role("list", name="Problems").count() == 1
    expect(page.locator("#status")).to_have_text("2 problems: 2 warnings")

    # "Open file…": the format follows the extension.
    draft = tmp_path / "draft.rst"
    draft.write_text("The embankment runs for 12 kilometres (15 miles).\n", encoding="utf-8")
    page.set_input_files("#file", str(draft))
    expect(page.locator("#format")).to_have_value("restructuredtext")
    expect(page.locator("#file-name")).to_have_text("draft.rst")
    expect(_problems(page, "FC101")).to_have_count(1, timeout=30_000)
    page.screenshot(path=str(tmp_path / "narrow.png"), full_page=True)
