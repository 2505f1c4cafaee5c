"""The liaison workspace and the browsing of lists in headless Chromium (Debian's package,
driven by Playwright), in English and French, on a laptop (1366 px) and a phone (360 px): filter
and sort the liaisons, open one, reply as the receiving group's editor and close it; sort the
registry by clicking a header (K.52 before K.100), pick a facet, change the page size, and
download exactly what is shown; the duplicates review filtered from the dashboard. No page
overflows sideways."""

from __future__ import annotations

import csv
import io
import urllib.request
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from tests.web.test_browser import ARGS, CHROMIUM, PASSWORD, _serve, shot
from tests.web.web_registry import candidate_row, fill

from intersector.domain.registry import Activity
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
OVERDUE = "sg2-ls-emergency"
VIEWS = [("en", 1366), ("fr", 1366), ("en", 360), ("fr", 360)]
WORDS = {
    "en": {"overdue": "overdue", "closed": "closed", "title": "Liaison statements"},
    "fr": {"overdue": "en retard", "closed": "close", "title": "Déclarations de liaison"},
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('liaisons') / 'web.db'}")
    fill(store, documents=False)
    for number in ("100", "52", "9"):
        k = Activity(
            f"itu-t-rec-k.{number}",
            "itu-t",
            "recommendation",
            f"K.{number}",
            f"Protection against interference, part {number}",
            group="itu-t-sg13",
        )
        store.save(k, author="test", reason="K series")
    replace_candidates(store, [candidate_row("itu-t-rec-y.3101", "itu-r-rec-m.2150")])
    yield from _serve(store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_page(browser: Any, server: str, language: str, width: int) -> Any:
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 800})
    context.add_cookies([{"name": "intersector_lang", "value": language, "url": server}])
    return context.new_page()


def sign_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def ids(page: Page) -> list[str]:
    return [r.get_attribute("data-id") or "" for r in page.locator("tbody tr[data-id]").all()]


@pytest.mark.parametrize(("language", "width"), VIEWS)
def test_filter_sort_and_download_liaisons(
    browser: Any, server: str, language: str, width: int
) -> None:
    page = open_page(browser, server, language, width)
    sign_in(page, "rita")
    page.click("header nav a[href='/liaisons']")
    page.wait_for_url("**/liaisons")
    assert WORDS[language]["title"] in page.inner_text("h1")
    no_sideways_scroll(page)
    page.select_option("#f-state", "overdue")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**state=overdue**")
    assert ids(page) == [OVERDUE]
    assert page.inner_text(f"tr[data-id='{OVERDUE}'] .badge") == WORDS[language]["overdue"]
    page.goto("/liaisons")
    page.click("th a.sort[href*='sort=reference']")
    page.wait_for_url("**sort=reference**")
    assert ids(page) == [OVERDUE, "sg13-ls-reply-imt-2020", "wp5d-ls-imt-2020"]  # SG2 < SG13
    page.click("th a.sort[href*='sort=reference']")  # again: descending
    page.wait_for_url("**order=desc**")
    assert ids(page)[0] == "wp5d-ls-imt-2020"
    page.locator("details[data-facet='sector'] a", has_text="ITU-D").click()
    page.wait_for_url("**sector=itu-d**")
    assert ids(page) == [OVERDUE]
    href = page.get_attribute(".downloads a.csv", "href") or ""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    request = urllib.request.Request(server + href, headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode())))
    assert [r["id"] for r in rows] == ids(page)
    no_sideways_scroll(page)
    shot(page, f"liaisons-{language}-{width}")
    page.context.close()


@pytest.mark.parametrize(("language", "width"), VIEWS)
def test_editor_of_the_receiving_group_replies(
    browser: Any, server: str, language: str, width: int
) -> None:
    page = open_page(browser, server, language, width)
    sign_in(page, "tom")
    page.goto(f"/liaisons/{OVERDUE}")
    no_sideways_scroll(page)
    assert page.locator("#contacts").is_visible() and page.locator("#history").is_visible()
    page.fill("#r-title", f"Reply on numbering ({language}, {width})")
    page.fill("#r-reason", "agreed at the SG2 meeting")
    page.click("form.reply button[type=submit]")
    page.wait_for_url(f"**/liaisons/{OVERDUE}-reply-*")
    assert page.locator("p.saved").is_visible()
    page.click(f"ol.thread a[href='/liaisons/{OVERDUE}']")
    assert "agreed at the SG2 meeting" not in page.inner_text("#history")  # it is the reply's
    assert "tom" in page.inner_text("#history")
    no_sideways_scroll(page)
    page.context.close()


def test_other_sector_editor_sees_no_actions_then_the_owner_closes(
    browser: Any, server: str
) -> None:
    page = open_page(browser, server, "fr", 360)
    sign_in(page, "rosa")
    page.goto(f"/liaisons/{OVERDUE}")
    assert page.locator("#act").count() == 0
    page.context.close()
    page = open_page(browser, server, "fr", 360)
    sign_in(page, "tom")
    page.goto(f"/liaisons/{OVERDUE}")
    page.fill("#why-closed", "handled in Q5/2")
    page.click("form[data-state='closed'] button[type=submit]")
    page.wait_for_url("**done=closed")
    assert page.inner_text("#state") == WORDS["fr"]["closed"]
    assert "handled in Q5/2" in page.inner_text("#history")
    shot(page, "liaison-closed-fr-360")
    page.context.close()


@pytest.mark.parametrize(("language", "width"), VIEWS)
def test_browse_the_registry(browser: Any, server: str, language: str, width: int) -> None:
    page = open_page(browser, server, language, width)
    sign_in(page, "rita")
    page.goto("/registry?type=activities&group=itu-t-sg13&kind=recommendation")
    k = [i for i in ids(page) if "rec-k." in i]  # by identifier by default
    assert k == ["itu-t-rec-k.9", "itu-t-rec-k.52", "itu-t-rec-k.100"]
    page.click("th a.sort[href*='sort=identifier']")
    page.wait_for_url("**order=desc**")
    k = [i for i in ids(page) if "rec-k." in i]
    assert k == ["itu-t-rec-k.100", "itu-t-rec-k.52", "itu-t-rec-k.9"]
    page.select_option(".page-size select", "10")
    page.click(".page-size button")
    page.wait_for_url("**limit=10**")
    assert "sort=identifier" in page.url and "group=itu-t-sg13" in page.url  # shareable
    page.goto("/registry?type=activities")
    page.locator("details[data-facet='sector'] a", has_text="ITU-R").click()
    page.wait_for_url("**sector=itu-r**")
    assert ids(page) and all(i.startswith("itu-r-") for i in ids(page))
    no_sideways_scroll(page)
    shot(page, f"registry-browse-{language}-{width}")
    page.context.close()


@pytest.mark.parametrize(("language", "width"), VIEWS)
def test_duplicates_from_the_dashboard(
    browser: Any, server: str, language: str, width: int
) -> None:
    page = open_page(browser, server, language, width)
    sign_in(page, "cora")
    page.click("a[href='/duplicates?reviewed=false']")
    page.wait_for_url("**/duplicates?reviewed=false")
    assert page.locator("article.candidate table.evidence").count() >= 1
    assert page.input_value("form.review select[name=decision]") == ""  # no default decision
    no_sideways_scroll(page)
    page.context.close()
