"""The duplicates review in headless Chromium (Debian's package, driven by Playwright): filter
by a Sector and by "not reviewed", page forward and back with the filters kept, review with no
decision preselected. On the small test registry with 25 stored candidates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from tests.web.test_browser import ARGS, CHROMIUM, _serve, shot, sign_in
from tests.web.test_pages_duplicates import PAIR, extra_rows
from tests.web.web_registry import candidate_row, fill

from intersector.store import open_store
from intersector.store.analytics import replace_candidates

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('dups') / 'web.db'}")
    fill(store, documents=False)
    rows = [candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150"), *extra_rows(store)]
    replace_candidates(store, rows)
    yield from _serve(store)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
        yield context.new_page()
        browser.close()


def _ids(page: Page) -> list[str]:
    return [a.get_attribute("id") or "" for a in page.locator("article.candidate").all()]


def test_filter_then_page_through_the_candidates(page: Page) -> None:
    sign_in(page, "cora")
    page.goto("/")
    page.click("a[href='/duplicates?reviewed=false']")  # the dashboard's "new" count
    page.wait_for_url("**/duplicates?reviewed=false")
    assert page.inner_text(".pager .total") == "25"
    page.select_option("#f-sector", "itu-d")
    page.select_option("#f-limit", "10")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**sector=itu-d**")
    assert page.inner_text(".pager .total") == "24"
    first = _ids(page)
    assert len(first) == 10 and all(i.startswith("itu-d-") for i in first)
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**offset=10**")
    second = _ids(page)
    assert len(second) == 10 and not set(first) & set(second)
    assert page.input_value("#f-sector") == "itu-d"  # the filter survives paging
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**offset=20**")
    assert len(_ids(page)) == 4 and page.locator("a[rel=next]").count() == 0
    page.locator("a[rel=prev]").first.click()
    page.wait_for_url("**offset=10**")
    assert _ids(page) == second
    shot(page, "duplicates-filtered")


def test_review_needs_a_decision_and_leaves_the_unreviewed_list(page: Page) -> None:
    sign_in(page, "cora")
    page.goto("/duplicates?reviewed=false")
    card = page.locator(f"article[id='{PAIR}']")
    assert card.locator("select[name=decision]").input_value() == ""
    card.locator("button[type=submit]").click()  # no decision: the browser refuses to send
    assert page.url.endswith("/duplicates?reviewed=false")
    card.locator("select[name=decision]").select_option("confirmed")
    card.locator("input[name=note]").fill("one radio interface")
    card.locator("button[type=submit]").click()
    page.wait_for_url(f"**/duplicates?reviewed=false#{PAIR}")
    assert page.inner_text(".pager .total") == "24" and PAIR not in _ids(page)
    page.goto("/items/activity/itu-r-rec-m.2150")
    assert "itu-t-rec-y.3101" in page.inner_text("#confirmed-duplicates")
