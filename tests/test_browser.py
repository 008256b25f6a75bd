"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package) driven
by playwright through ``executable_path``; playwright's own browser downloads are never used.

Checks what a user would see: the page renders without console errors, fetches nothing but
itself, shows the ledger and the aligned rows, wraps instead of scrolling sideways, has a dark
theme and a print layout that work, needs no JavaScript, and shows hostile readout text as
text without running any of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import readouts
from readouts.model import Comparison
from readouts.render.html import render_html
from tests.conftest import SEED

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = (
    "The leaders spoke. <script>window.__pwned = 1; alert(1)</script> was said. "
    '<img src=x onerror="window.__pwned = 2; alert(2)"> appeared. '
    '<a href="javascript:window.__pwned=3">Click Taiwan</a> was written. '
    "A very long token follows: " + "x" * 300 + " and that is all."
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@dataclass
class Visit:
    """A page opened in the browser, with everything it did while loading."""

    page: Any
    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed() -> Comparison:
    return readouts.compare(
        (SEED / "yerevan.txt").read_text(encoding="utf-8"),
        (SEED / "kremlin.txt").read_text(encoding="utf-8"),
        labels=("Yerevan", "Kremlin"),
        sources=("yerevan.txt", "kremlin.txt"),
    )


@contextmanager
def visit(
    browser: Any,
    path: Path,
    *,
    width: int = 1280,
    color_scheme: str = "light",
    java_script_enabled: bool = True,
    bypass_csp: bool = False,
) -> Iterator[Visit]:
    """Open ``path`` in a fresh browser context, recording errors, requests and dialogs."""
    ctx = browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme=color_scheme,
        java_script_enabled=java_script_enabled,
        bypass_csp=bypass_csp,
    )
    page = ctx.new_page()
    v = Visit(page, path.resolve().as_uri())
    page.on("console", lambda m: v.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.page_errors.append(str(e)))
    page.on("request", lambda r: v.requests.append(r.url))

    def on_dialog(d: Any) -> None:
        v.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(v.url, wait_until="load")
    try:
        yield v
    finally:
        ctx.close()


def _write(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture
def seed_page(browser: Any, seed: Comparison, tmp_path: Path) -> Iterator[Visit]:
    with visit(browser, _write(tmp_path, "seed.html", render_html(seed))) as v:
        yield v


def test_seed_report_renders_cleanly(seed_page: Visit, seed: Comparison) -> None:
    page = seed_page.page
    assert seed_page.console_errors == []
    assert seed_page.page_errors == []
    assert seed_page.requests == [seed_page.url], "the report fetched something besides itself"
    assert page.title() == "Yerevan vs Kremlin · readouts"
    assert page.locator("h1").inner_text().split() == ["Yerevan", "vs", "Kremlin"]
    ledger = page.locator(".ro-ledger tbody tr")
    assert ledger.count() == len(seed.topics) > 0
    assert ledger.first.is_visible()
    rows = page.locator(".ro-grid .ro-row:not(.ro-colhead)")
    assert rows.count() == len(seed.alignment) > 0
    assert rows.first.is_visible()
    # Two readouts side by side: a row's A cell is left of its B cell, at the same height.
    a = rows.first.locator(".ro-cell.side-a").bounding_box()
    b = rows.first.locator(".ro-cell.side-b").bounding_box()
    assert a["x"] + a["width"] <= b["x"] and a["y"] == b["y"]
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], "the page scrolls sideways"


def test_dark_theme_and_print_layout(browser: Any, seed: Comparison, tmp_path: Path) -> None:
    path = _write(tmp_path, "seed.html", render_html(seed))

    def luminance(v: Visit, selector: str, prop: str) -> float:
        rgb = v.page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).{prop}")
        r, g, b = (int(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    with visit(browser, path, color_scheme="light") as v:
        assert luminance(v, ".ro-report", "backgroundColor") > 0.9
        assert luminance(v, ".ro-s", "color") < 0.3
    with visit(browser, path, color_scheme="dark") as v:
        assert luminance(v, ".ro-report", "backgroundColor") < 0.15
        assert luminance(v, ".ro-s", "color") > 0.7
        assert v.console_errors == []
        v.page.emulate_media(media="print")
        assert luminance(v, ".ro-report", "backgroundColor") > 0.95  # paper stays white
        assert (
            v.page.evaluate("getComputedStyle(document.querySelector('.ro-colhead')).position")
            == "static"
        )


def test_works_without_javascript(browser: Any, seed: Comparison, tmp_path: Path) -> None:
    path = _write(tmp_path, "seed.html", render_html(seed))
    with visit(browser, path, java_script_enabled=False) as v:
        assert v.page.locator(".ro-grid .ro-row:not(.ro-colhead)").count() == len(seed.alignment)
        assert v.page.locator(".ro-ledger tbody tr").count() == len(seed.topics)


def test_hostile_readout_shows_as_text_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    cmp = readouts.compare(
        HOSTILE,
        "The leaders spoke about Taiwan.",
        labels=("<b>Evil</b>", "Plain"),
        topics=["Taiwan", "<img src=y onerror=alert(4)>"],
    )
    path = _write(tmp_path, "hostile.html", render_html(cmp))
    # bypass_csp: prove the escaping alone keeps the page inert, not only the CSP behind it.
    for bypass in (True, False):
        with visit(browser, path, bypass_csp=bypass, width=1024) as v:
            page = v.page
            text = page.locator(".ro-grid").inner_text()
            assert "<script>window.__pwned = 1; alert(1)</script>" in text
            assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in text
            assert '<a href="javascript:window.__pwned=3">' in text
            assert "<b>Evil</b>" in page.locator("h1").inner_text()
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert v.dialogs == []
            assert page.evaluate("document.scripts.length") == 0
            assert page.locator("img, iframe, object, embed, form").count() == 0
            assert page.locator("a[href]:not([href^='#'])").count() == 0
            assert v.console_errors == [] and v.page_errors == []
            assert v.requests == [v.url]
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], "a long token made the page scroll sideways"


def test_notebook_fragment_renders_inside_a_page(
    browser: Any, seed: Comparison, tmp_path: Path
) -> None:
    shell = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>nb</title>"
        "<style>td{text-align:right}</style></head><body>"
        + seed._repr_html_()
        + seed._repr_html_()  # the same report shown twice in one notebook
        + "</body></html>"
    )
    with visit(browser, _write(tmp_path, "nb.html", shell)) as v:
        assert v.console_errors == []
        assert v.page.locator(".ro-report").count() == 2
        align = v.page.evaluate(
            "getComputedStyle(document.querySelector('.ro-ledger td')).textAlign"
        )
        assert align in ("left", "start")  # the notebook's own table style does not leak in
        assert v.page.evaluate("getComputedStyle(document.body).textAlign") in ("start", "left")
