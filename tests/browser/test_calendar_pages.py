"""The month calendar and the open data page in headless Chromium: axe-core's WCAG 2.1 A/AA
rules, and no request that leaves 127.0.0.1."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = {
    "month with events": "/veranstaltungen/monat/2025/4/",
    "month filtered": "/veranstaltungen/monat/2025/4/?network=staedtekranz-berlin-brandenburg",
    "month with filter error": "/veranstaltungen/monat/2025/4/?network=gibt-es-nicht",
    "open data": "/offene-daten/",
    "english open data": "/en/offene-daten/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_local(page, axe, name):
    response = page.goto(PAGES[name])
    assert response.status == 200
    assert page.locator("h1").count() == 1
    results = axe.run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    assert page.foreign_requests == []


def test_month_table_is_reachable_by_keyboard_when_it_scrolls(page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(PAGES["month with events"])
    region = page.locator(".month-scroll")
    assert region.get_attribute("tabindex") == "0"
    assert page.locator("table.month caption").inner_text() == "April 2025"
