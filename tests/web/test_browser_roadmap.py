"""The roadmap page in headless Chromium (Debian's package, driven by Playwright), in English and
French, on a laptop (1366 px) and a phone (360 px): the Gantt chart shows the plan against what
happened (plan bar to the baseline, the slip hatched beyond it, % complete, days late), the
dependencies are drawn as arrows (seen without hovering, as on a touch screen), the legend and the
coordination bodies are on the page, the XLSX download opens, and nothing overflows sideways (the
chart scrolls inside its own box). Then the sample corpus: WP 5D's IMT-2030 plan to 2029."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from tests.web.test_browser import ARGS, CHROMIUM, _serve, shot, sign_in
from tests.web.web_registry import USERS, fill

from intersector.store import open_store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium"
    ),
]

SAMPLE = Path(__file__).parents[2] / "data" / "sample" / "registry"
WORDS = {
    "en": ("Coordination bodies", "slip beyond the baseline", "today ", "+365 d"),
    "fr": (
        "Organes de coordination",
        "retard sur l'échéance de référence",
        "aujourd'hui ",
        "+365 j",
    ),
}
SIZES = {1366: {"width": 1366, "height": 900}, 360: {"width": 360, "height": 780}}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('roadmap') / 'web.db'}")
    fill(store, documents=False)
    yield from _serve(store)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled sample registry (no texts) with the test users."""
    from intersector.files.registry import load_paths

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('sample-plan') / 'sample.db'}")
    store.save_many(load_paths([SAMPLE], known={}).items, author="sample", reason="sample")
    for user in USERS.values():
        store.save(user, author="sample", reason="test user")
    yield from _serve(store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _open(browser: Browser, base: str, language: str, width: int) -> Any:
    phone = width < 600
    context = browser.new_context(
        base_url=base,
        viewport=SIZES[width],
        locale="fr-FR" if language == "fr" else "en-GB",
        is_mobile=phone,
        has_touch=phone,
        accept_downloads=True,
    )
    page = context.new_page()
    sign_in(page, "rita")
    page.goto("/roadmaps/imt")
    page.wait_for_selector("figure.gantt svg")
    return page


def _no_sideways_overflow(page: Page) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]"
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None and box["width"] > 0, selector
    return box


@pytest.mark.parametrize("width", [1366, 360])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_plan_against_actual_gantt(
    browser: Browser, server: str, language: str, width: int
) -> None:
    page = _open(browser, server, language, width)
    bodies, legend, today, slip = WORDS[language]
    _no_sideways_overflow(page)
    chart = page.locator("figure.gantt")
    scroll = chart.evaluate("e => [e.scrollWidth, e.clientWidth]")
    if width == 360:
        assert scroll[0] > scroll[1]  # the chart scrolls inside its own box
    # M.2150: planned to 2025-06-30, now 2026-06-30 at 80 %
    row = "svg.gantt g.row[data-activity='itu-r-rec-m.2150']"
    plan, bar, hatch = (_box(page, f"{row} rect.{c}") for c in ("plan", "bar", "slip"))
    baseline = _box(page, f"{row} line.baseline")
    assert abs(plan["x"] - bar["x"]) < 1.5  # both from the start
    assert abs(hatch["x"] - baseline["x"] - baseline["width"] / 2) < 1.5  # slip from the baseline
    assert abs(hatch["x"] + hatch["width"] - bar["x"] - bar["width"]) < 1.5  # to the target
    assert _box(page, f"{row} rect.progress")["width"] < bar["width"]
    assert page.locator(f"{row} text.note.late").text_content() == f"80% · {slip}"
    # the cross-Sector dependency Y.3101 → M.2150 is drawn, not only a tooltip
    arrow = _box(page, "svg.gantt path.dep.cross")
    assert arrow["height"] > 10
    assert today in page.locator("svg.gantt g.today text").text_content() or ""
    text = page.inner_text("main")
    assert bodies in text and legend in text and "Inter-Sector Coordination Group" in text
    assert page.locator("ul.legend li").count() >= 10
    shot(page, f"roadmap-plan-{language}-{width}")
    if width == 1366:
        _download_opens(page)
    page.context.close()


def _download_opens(page: Page) -> None:
    from openpyxl import load_workbook

    with page.expect_download() as started:
        page.click("a[href='/roadmaps/imt.xlsx']")
    download = started.value
    assert download.suggested_filename == "roadmap-imt.xlsx"
    book = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert "Slip (days)" in [c.value for c in book["Joined"][1]]


@pytest.mark.parametrize("width", [1366, 360])
def test_the_sample_imt_2030_plan(browser: Browser, sample: str, width: int) -> None:
    """WP 5D's IMT-2030 work to the 2029 submission deadline, with its dependency chain drawn."""
    page = _open(browser, sample, "en", width)
    _no_sideways_overflow(page)
    rows = page.locator("svg.gantt g.row[data-activity^='itu-r-imt-2030']")
    assert rows.count() == 4
    process = "svg.gantt g.row[data-activity='itu-r-imt-2030-process'] path.milestone"
    assert page.locator(process).count() == 2
    assert page.locator("svg.gantt path.dep").count() >= 4
    assert "JCA-IMT2020" in page.inner_text("main") or "JTG" in page.inner_text("main")
    shot(page, f"roadmap-sample-imt-2030-{width}")
    page.context.close()
