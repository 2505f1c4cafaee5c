"""The HTML roadmap page: self-contained, the SVG bars inline, the tables and findings."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from intersector.coordination.alignment import Finding
from intersector.coordination.roadmap import JoinedRoadmap
from intersector.reports.roadmap_html import roadmap_html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_page_has_the_svg_bars_inline(view: JoinedRoadmap, findings: tuple[Finding, ...]) -> None:
    html = roadmap_html(view, findings)
    tags = _tags(html)
    assert sum(1 for t, _ in tags if t == "svg") == 1
    bars = [a for t, a in tags if t == "rect" and (a.get("class") or "").startswith("bar ")]
    assert len(bars) == 4
    assert any(a.get("class") == "bar late" for a in bars)


def test_page_is_self_contained_and_phone_ready(view: JoinedRoadmap) -> None:
    html = roadmap_html(view)
    tags = _tags(html)
    assert not [t for t, a in tags if t in ("script", "link", "img")]
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in tags
    assert ("html", {"lang": "en"}) in tags


def test_page_lists_rows_liaisons_mechanisms_and_findings(
    view: JoinedRoadmap, findings: tuple[Finding, ...]
) -> None:
    html = roadmap_html(view, findings)
    assert "<title>IMT roadmap — ITU-R, ITU-T, ITU-D</title>" in html
    assert "Requirements of the IMT-2020 network &lt;&amp; &#34;quoted&#34;&gt;" in html
    assert "itu-r-rec-m.9999" not in html or "not in the registry" in html
    assert "5D/TEMP/123" in html and 'class="overdue">overdue<' in html
    assert "JTG 4-5-6-7" in html
    assert "keeps no roadmap for this subject" in html  # ITU-T and ITU-D lanes are derived
    for finding in findings:
        assert finding.check in html
    assert "Alignment findings" not in roadmap_html(view)


def test_page_says_who_owes_a_reply(view: JoinedRoadmap) -> None:
    html = roadmap_html(view)
    assert "<strong>SG13</strong> owes a reply to" in html
    assert '5D/TEMP/123 (due 2024-10-01, <span class="overdue">106 days late</span>)' in html


def test_the_page_shows_plan_against_actual(planned: JoinedRoadmap) -> None:
    from intersector.reports.roadmap_html import roadmap_html

    page = roadmap_html(planned)
    assert "slip beyond the baseline" in page and 'class="slip"' in page
    assert "baseline 2026-06-30" in page and "(slip +549 days)" in page
    assert "finished 2023-11-30" in page and "(+153 days against plan)" in page
