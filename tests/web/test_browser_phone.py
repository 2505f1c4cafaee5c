# ruff: noqa: F811  (the fixtures imported from test_browser are the parameters)
"""On a phone (360 px wide, issue 12): no page scrolls sideways, in English and in French; every
navigation item can be reached; 'Tableau de bord' stays on one or two lines; a history shows no
raw JSON nor the server's file paths to anonymous readers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from tests.web.test_browser import (  # noqa: F401  (fixtures)
    ARGS,
    CHROMIUM,
    browser,
    sample_server,
    sign_in,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]

PAGES = (
    "/",
    "/registry",
    "/registry?type=activities&sector=itu-r",
    "/registry?type=liaisons",
    "/registry?type=groups",
    "/items/activity/itu-r-rec-m.2150",
    "/items/activity/itu-r-rec-m.2150/edit",
    "/items/activity/itu-r-rec-m.2150/history",
    "/items/liaison/itu-r-wp5d-ls-5d-1078-annex-6.1/history",
    "/liaisons/itu-r-wp5d-ls-5d-1078-annex-6.1",
    "/roadmaps",
    "/roadmaps/imt",
    "/subjects",
    "/duplicates",
    "/documents",
    "/documents/wtsa-res-57",
    "/search?q=imt-2020",
    "/account",
    "/login",
)
WIDTH = 360


def _phone(browser: Browser, base: str, locale: str) -> Any:
    return browser.new_context(
        base_url=base,
        viewport={"width": WIDTH, "height": 780},
        device_scale_factor=2,
        is_mobile=True,
        locale=locale,
    )


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Browser, sample_server: str, locale: str
) -> None:
    context = _phone(browser, sample_server, locale)
    page = context.new_page()
    sign_in(page, "cora")
    wide = []
    for path in PAGES:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll > inner:
            wide.append(f"{path}: {scroll} > {inner}")
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("locale", ["en-GB", "fr-FR"])
def test_every_nav_item_is_on_screen(browser: Browser, sample_server: str, locale: str) -> None:
    context = _phone(browser, sample_server, locale)
    page = context.new_page()
    sign_in(page, "cora")
    page.goto("/")
    boxes = page.eval_on_selector_all(
        "header nav a",
        "links => links.map(a => { const r = a.getBoundingClientRect();"
        " return [a.textContent.trim(), r.left, r.right, r.height,"
        " parseFloat(getComputedStyle(a).lineHeight) || 20]; })",
    )
    assert len(boxes) >= 6
    for text, left, right, height, line in boxes:
        assert left >= 0 and right <= WIDTH, f"{text} off screen: {left}..{right}"
        assert height <= 2.5 * line, f"{text} wraps to {height / line:.1f} lines"
    context.close()


def test_history_shows_no_raw_json_or_server_paths_to_readers(
    browser: Browser, sample_server: str
) -> None:
    context = _phone(browser, sample_server, "en-GB")
    page = context.new_page()
    sign_in(page, "rita")
    for path in (
        "/items/activity/itu-r-rec-m.2150/history",
        "/items/liaison/itu-r-wp5d-ls-5d-1078-annex-6.1/history",
    ):
        page.goto(path)
        text = page.inner_text("main")
        assert '{"' not in text and '": ' not in text, path
        assert "/registry/" not in text and ".yaml" not in text, path
    context.close()
