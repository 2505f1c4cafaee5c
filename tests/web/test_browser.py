"""Browser tests in headless Chromium (Debian's package, driven by Playwright): sign in, browse a
roadmap, edit an activity as a Sector editor, be refused on another Sector's item, review a
duplicate candidate; and take screenshots of the main pages. They go to a temporary folder, so
that `make test` leaves the work tree as it was; `INTERSECTOR_SCREENSHOTS=docs/screenshots make
test` refreshes the committed ones."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from intersector.store import Store
from tests.web.conftest import make_app
from tests.web.web_registry import PASSWORD, fill

from intersector.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(
    os.environ.get("INTERSECTOR_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "intersector-screenshots"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The application on a filled SQLite registry, served by uvicorn on loopback."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}")
    fill(store)
    yield from _serve(store)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 860})
    opened = context.new_page()
    yield opened
    context.close()


def sign_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_sign_in_and_browse_a_roadmap(page: Page) -> None:
    sign_in(page, "rita")
    assert "rita" in page.inner_text("header")
    page.click("text=Roadmaps")
    page.click("text=IMT")
    page.wait_for_selector("figure.gantt svg")
    lanes = page.locator("section.lane h2").all_inner_texts()
    assert [lane.split()[0] for lane in lanes] == ["ITU-R", "ITU-T", "ITU-D"]
    assert page.locator("text=Y.3101").count() >= 1


def test_wrong_password_is_refused(page: Page) -> None:
    page.goto("/login")
    page.fill("#username", "rita")
    page.fill("#password", "not the password")
    page.click("button[type=submit]")
    assert "wrong password" in page.inner_text("[role=alert]")


def test_sector_editor_edits_own_activity(page: Page) -> None:
    sign_in(page, "tom")
    page.goto("/items/activity/itu-t-q6-13")
    page.click("a.button.primary")
    page.wait_for_url("**/edit")
    page.fill("#f-target", "2026-06-30")
    page.fill("#f-reason", "target moved at the SG13 meeting")
    page.click("button[type=submit]")
    page.wait_for_url("**/items/activity/itu-t-q6-13?saved=1")
    assert "Saved: version 2." in page.inner_text("main")
    assert "2026-06-30" in page.inner_text("dl.fields")
    page.click("p.actions >> text=History")
    history = page.inner_text("ol.history")
    assert "tom" in history and "target moved at the SG13 meeting" in history


def test_sector_editor_is_refused_on_another_sector(page: Page) -> None:
    sign_in(page, "tom")
    page.goto("/items/activity/itu-r-rec-m.2150")
    assert page.locator("a.button.primary").count() == 0
    response = page.goto("/items/activity/itu-r-rec-m.2150/edit")
    assert response.status == 403
    assert "itu-r" in page.inner_text("[role=alert]")


def test_coordinator_reviews_a_duplicate_candidate(page: Page) -> None:
    sign_in(page, "cora")
    page.goto("/duplicates")
    page.select_option("form.review select[name=decision]", "complementary")
    page.fill("form.review input[name=note]", "network side vs radio side")
    page.click("text=Record review")
    page.wait_for_selector("article.candidate p.notice")
    assert "complementary" in page.inner_text("article.candidate p.notice")


def test_interface_switches_to_french(page: Page) -> None:
    sign_in(page, "rita")
    page.click("a.lang")
    assert "Ce qui demande attention" in page.inner_text("h1")
    page.click("a.lang")


SAMPLE = Path(__file__).parents[2] / "data" / "sample"
SAMPLE_PAGES = {
    "dashboard": "/",
    "registry": "/registry?type=activities&sector=itu-r",
    "activity": "/items/activity/itu-r-rec-m.2150",
    "edit": "/items/activity/itu-r-rec-m.2150/edit",
    "roadmap": "/roadmaps/imt",
    "liaison": "/liaisons/itu-r-wp5d-ls-5d-1078-annex-6.1",
    "subjects": "/subjects",
    "document": "/documents/wtsa-res-57",
    "search": "/search?q=imt-2020",
}
FIXTURE_PAGES = {"duplicates": "/duplicates", "history": "/items/activity/itu-t-q6-13/history"}


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled sample corpus (registry and texts) with the test users, served on loopback."""
    from tests.web.web_registry import USERS

    from intersector.files.registry import load_paths
    from intersector.texts.parse import parse_document

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}")
    store.save_many(
        load_paths([SAMPLE / "registry"], known={}).items, author="sample", reason="sample corpus"
    )
    for text in sorted((SAMPLE / "texts").glob("*.txt")):
        parsed = parse_document(text.read_text(encoding="utf-8"), source=text.name)
        store.save_document(parsed, author="sample")
    for user in USERS.values():
        store.save(user, author="sample", reason="test user")
    yield from _serve(store)


def _serve(store: Store) -> Iterator[str]:
    """Serve `store`'s application with uvicorn on a free loopback port; its base URL."""
    port = _free_port()
    config = uvicorn.Config(make_app(store), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    store.close()


def _pages(
    browser: Browser, base: str, pages: dict[str, str], phone: bool = False, locale: str = "en-GB"
) -> None:
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 860}
    context = browser.new_context(
        base_url=base,
        viewport=size,
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        locale=locale,
    )
    opened = context.new_page()
    sign_in(opened, "cora")
    for name, path in pages.items():
        response = opened.goto(path)
        assert response.status == 200, path
        suffix = "" if locale.startswith("en") else "-" + locale[:2]
        shot(opened, (f"phone-{name}" if phone else name) + suffix)
    context.close()


def test_screenshots_of_the_main_pages(browser: Browser, sample_server: str, server: str) -> None:
    """The main pages on the sample corpus (duplicates and a history on the test registry, where
    a review and an edit happened), on a laptop and on a phone."""
    login = browser.new_context(base_url=sample_server)
    page = login.new_page()
    page.goto("/login")
    shot(page, "login")
    login.close()
    _pages(browser, sample_server, SAMPLE_PAGES)
    _pages(browser, server, FIXTURE_PAGES)
    phone_pages = {k: SAMPLE_PAGES[k] for k in ("dashboard", "roadmap", "document")}
    _pages(browser, sample_server, phone_pages, phone=True)
    french = {k: SAMPLE_PAGES[k] for k in ("dashboard", "roadmap")}
    _pages(browser, sample_server, french, locale="fr-FR")
    _pages(
        browser,
        sample_server,
        {"dashboard": "/", "document": SAMPLE_PAGES["document"]},
        phone=True,
        locale="fr-FR",
    )
    _pages(browser, sample_server, {"dashboard": "/"}, locale="es-ES")


def _offline(page: Page, server: str) -> list[str]:
    """Aborts every request that leaves the server, and lists them."""
    left: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(server) or url.startswith(("data:", "blob:")):
            request_route.continue_()
        else:
            left.append(url)
            request_route.abort()

    page.route("**/*", route)
    return left


def test_api_docs_render_without_internet(page: Page, server: str) -> None:
    left = _offline(page, server)
    page.goto("/api/v1/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() > 10
    page.goto("/api/v1/redoc")
    page.wait_for_selector("[data-section-id]", timeout=15_000)
    assert page.get_by_text("intersector API").count() >= 1 or page.title()
    assert left == []
