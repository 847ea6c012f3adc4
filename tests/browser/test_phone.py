"""Every page type on a 360 px phone: nothing wider than the screen, so no page scrolls
sideways and nothing hides in a sideways-scrolling box (tables become blocks, the month
calendar fits). One browser context, one page, all page types in one pass."""

import pytest
from django.db.models import Count
from django.db.models.functions import TruncMonth

from contacts.models import Contact
from events.models import Event
from initiatives.models import Initiative
from networks.models import Municipality, Network
from news.models import NewsItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH = 360

# Everything that reaches past the right edge of the viewport, whether it makes the page
# scroll or sits in a box that scrolls by itself; not what a box within the screen clips
# on purpose (visually hidden text, such as a table's header row on a phone).
MEASURE = """(width) => {
  const clipped = (el) => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if ((overflow === "hidden" || overflow === "clip") &&
          up.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const sticking_out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.right <= width + 0.5) continue;
    if (el.closest(".skip-link") || clipped(el)) continue;
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.classList.length ? "." + [...el.classList].join(".") : "");
    sticking_out.push(`${name} right=${Math.round(box.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, sticking_out};
}"""


def page_types():
    network = (
        Network.objects.annotate(
            size=Count("memberships", distinct=True) + Count("items", distinct=True)
        )
        .order_by("-size")
        .first()
    )
    busiest = (
        Event.objects.public()
        .annotate(month=TruncMonth("start"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("-n", "-month")
        .first()["month"]
    )
    news = NewsItem.objects.public().first()
    return {
        "start": "/",
        "network list": "/netzwerke/",
        "network detail (biggest)": network.get_absolute_url(),
        "municipality list": "/staedte/",
        "municipality detail": Municipality.objects.get(slug="cottbus").get_absolute_url(),
        "initiative list": "/initiativen/",
        "initiative detail": Initiative.objects.filter(funding_amount__isnull=False)
        .first()
        .get_absolute_url(),
        "event list": "/veranstaltungen/?when=all",
        "event detail": Event.objects.public().first().get_absolute_url(),
        "month view": f"/veranstaltungen/monat/{busiest.year}/{busiest.month}/",
        "contact list": "/kontakte/",
        "contact detail": Contact.objects.public().first().get_absolute_url(),
        "news list": "/aktuelles/",
        "news detail": news.get_absolute_url() if news else "/aktuelles/",
        "search": "/suche/?q=Stadt",
        "open data": "/offene-daten/",
        "english network detail": "/en" + network.get_absolute_url(),
    }


def test_every_page_type_fits_a_360_px_phone(browser, server_url):
    context = browser.new_context(
        base_url=server_url, locale="de-DE", viewport={"width": WIDTH, "height": 740}
    )
    page = context.new_page()
    failures = []
    try:
        for name, path in page_types().items():
            response = page.goto(path, wait_until="load")
            if response.status != 200:
                failures.append(f"{name} {path}: status {response.status}")
            result = page.evaluate(MEASURE, WIDTH)
            if result["scroll"] > WIDTH or result["sticking_out"]:
                failures.append(
                    f"{name} {path}: {result['scroll']} px wide; sticking out: "
                    + ", ".join(result["sticking_out"][:12])
                )
        # A long page: a table of contents whose links all lead somewhere on the page, and
        # long lists folded away on the phone but open on a wide screen.
        for name, least in (("municipality detail", 2), ("network detail (biggest)", 4)):
            page.goto(page_types()[name])
            targets = page.locator("nav.toc a").evaluate_all(
                "links => links.map(a => !!document.getElementById(a.hash.slice(1)))"
            )
            assert len(targets) >= least and all(targets), f"{name}: {targets}"
        members = page.locator("#mitglieder ~ details.collapsible table")
        assert not members.is_visible()
        page.locator("#mitglieder ~ details.collapsible > summary").click()
        assert members.is_visible()
        page.set_viewport_size({"width": 1280, "height": 800})
        page.reload()
        assert members.is_visible()
    finally:
        context.close()
    assert not failures, "\n".join(failures)
