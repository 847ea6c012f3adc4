"""Every page type in headless Chromium: it loads, passes axe-core's WCAG 2.1 A/AA rules,
and makes no request that leaves 127.0.0.1."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from contacts.models import Contact, Organisation
from events.models import Event
from initiatives.models import Initiative
from networks.models import Municipality, Network, Topic
from news.models import NewsItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
NEWS_SLUG = "barrierefreiheit-im-browsertest"


@pytest.fixture(scope="module")
def news_item(django_db_setup, django_db_blocker):
    """A public news item with everything its page can show, committed (the live server reads
    only committed data) and removed again when the module ends."""
    from reversion.models import Revision

    with django_db_blocker.unblock():
        last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        item = NewsItem.objects.create(
            title="Stadtteilzentrum öffnet barrierefrei",
            slug=NEWS_SLUG,
            teaser="Das neue Stadtteilzentrum ist stufenlos erreichbar.",
            text="<p>Mit Rampe, Aufzug und <strong>Leitsystem</strong>.</p>",
            sources="https://example.org/pressemitteilung\nAmtsblatt 3/2025",
            status=NewsItem.Status.PUBLISHED,
            published=timezone.now() - timedelta(hours=1),
        )
        item.networks.set([Network.objects.get(name__icontains="Arbeitskreis Soziale Stadt")])
        item.municipalities.set([Municipality.objects.get(slug="cottbus")])
        item.topics.set(Topic.objects.all()[:1])
    yield item
    with django_db_blocker.unblock():
        item.delete()
        Revision.objects.filter(pk__gt=last_revision).delete()


def page_types():
    network = Network.objects.get(name__icontains="Arbeitskreis Soziale Stadt")
    return {
        "start": "/",
        "cms page": "/barrierefreiheit/",
        "network list": "/netzwerke/",
        "network detail": network.get_absolute_url(),
        "municipality list": "/staedte/",
        "municipality detail": Municipality.objects.get(slug="cottbus").get_absolute_url(),
        "initiative list": "/initiativen/",
        "initiative detail": Initiative.objects.filter(funding_amount__isnull=False)
        .first()
        .get_absolute_url(),
        "event list": "/veranstaltungen/?when=all",
        "event detail": Event.objects.public().first().get_absolute_url(),
        "news list": "/aktuelles/",
        "news detail": NewsItem.objects.public().get(slug=NEWS_SLUG).get_absolute_url(),
        "contact list": "/kontakte/",
        "contact detail": Contact.objects.public().get(name="Angela Naundorf").get_absolute_url(),
        "organisation": Organisation.objects.first().get_absolute_url(),
        "search": "/suche/?q=Innenstadt",
        "filter error": "/veranstaltungen/?date_from=gestern",
        "english": "/en/netzwerke/",
        "not found": "/gibt-es-nicht/",
    }


PAGE_TYPES = [
    "start",
    "cms page",
    "network list",
    "network detail",
    "municipality list",
    "municipality detail",
    "initiative list",
    "initiative detail",
    "event list",
    "event detail",
    "news list",
    "news detail",
    "contact list",
    "contact detail",
    "organisation",
    "search",
    "filter error",
    "english",
    "not found",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_loads_accessible_and_local(page, axe, news_item, page_type):
    path = page_types()[page_type]
    response = page.goto(path)
    assert response.status == (404 if page_type == "not found" else 200)
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == ("en" if page_type == "english" else "de")
    assert page.locator("main#inhalt").count() == 1
    results = axe.run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()
    assert page.foreign_requests == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/netzwerke/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def tab_to(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"keyboard focus never reached: {predicate}")


def test_event_filter_works_by_keyboard_alone(page):
    page.goto("/veranstaltungen/")
    tab_to(page, "document.activeElement.id === 'id_when'")
    page.keyboard.press("ArrowDown")  # kommende -> vergangene
    tab_to(page, "document.activeElement.textContent.trim() === 'Anzeigen'")
    page.keyboard.press("Enter")
    page.wait_for_url("**when=past**")
    assert page.locator(".event-list li").count() > 0
    assert "Smart City meets Smart Country" in page.content()


def test_focus_is_visible(page):
    page.goto("/netzwerke/")
    tab_to(page, "document.activeElement.closest('.main-nav') !== null")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
