"""The demo news (fixtures/news.json): real occasions from the sources the demo data cites,
each with its date and sources, public, linked to existing records, and with its key facts on
its public page."""

import html
import re
from datetime import date

import pytest
from django.utils import timezone

from news.models import NewsItem
from portal.dates import BERLIN
from portal.demo import read_json

pytestmark = pytest.mark.django_db

RECORDS = read_json("news.json")
SLUGS = [record["slug"] for record in RECORDS]
ALLOWED_TAGS = {"p", "ul", "li", "a", "strong"}

# Per item: facts a visitor reads on its page (/aktuelles/<slug>/), as the sources state them.
PAGE_FACTS = [
    (
        "30-jahre-staedtekranz-berlin-brandenburg",
        [
            "10. April 2025",
            "Luckenwalde",
            "30-jähriges Jubiläum",
            "von Frankfurt (Oder) an Jüterbog",
            "Am 3. April 1995 trafen sich die Oberbürgermeister und Bürgermeister",
            "https://staedtekranz.de/aktuelles/30-jahre-staedtekranz-berlin-brandenburg.html",
        ],
    ),
    (
        "innenstadtwettbewerb-2021-2022-preise-verliehen",
        [
            "2. Mai 2022",
            "Frankfurt (Oder)",
            "12 Projekte und 4 Sonderpreise",
            "120.000 €",
            "38 Beiträge aus 31 Städten",
            "3. Preis der Kategorie B",
            "„Kultursommer 2022“",
        ],
    ),
    (
        "innenstadtwettbewerb-2023-2024-preise-verliehen",
        [
            "10. April 2024",
            "In Cottbus",
            "12 Projekte und 2 Sonderbeiträge",
            "116.000 €",
            "1. Preis Angermünde („Tee&Ton“, 12.000 €)",
            "3. Preis Jüterbog („SCHAU.FILM SCHAU.STADT SCHAUBURG“, 7.000 €)",
            "1. Preis Brandenburg an der Havel („Weihnachtszauber Altstadt“, 10.000 €)",
            "2. Preis Cottbus („Cottbus im Dreivierteltakt“, 8.000 €)",
            "1. Preis Lübbenau/Spreewald („Spreewaldkrimi-Woche“)",
        ],
    ),
    (
        "innenstadtwettbewerb-2025-2026-ausgelobt",
        [
            "10. September 2025",
            "Einsendeschluss ist der 27. Februar 2026",
            "alle zwei Jahre",
            "https://www.ihk.de/cottbus/innenstadtwettbewerb-2025-2026-6729246",
        ],
    ),
    (
        "abschlusskonferenz-meine-stadt-der-zukunft",
        [
            "27. November 2025",
            "15 Modellvorhaben",
            "1,3 Mio €",
            "Ministerium für Infrastruktur und Landesplanung (MIL)",
            "sieben Vorhaben aus 13 Bewerbungen von 12 Städten",
        ],
    ),
    (
        "meine-stadt-der-zukunft-modellstaedte-2021-2022-ausgewaehlt",
        [
            "10. Februar 2021",
            "aus 17 Bewerberstädten",
            "bis zu 90.000 €",
            "Herzberg (Elster) – „Radeln in die Zukunft#Villa“",
            "Perleberg und Wittenberge – „Zwei Städte – ein Weg zur neuen Mitte“",
            "Zossen – „Zukunft Zossen“",
        ],
    ),
    (
        "potsdam-und-guben-werden-modellprojekte-smart-cities",
        [
            "15. Juli 2021",
            "dritten Staffel",
            "bis zu 10 Millionen Euro",
            "„Europastadt Guben – Grenzenlos Smart“",
            "2,6 Millionen Euro",
            "Cottbus (2019)",
        ],
    ),
    (
        "buendnis-fuer-lebendige-innenstaedte-gegruendet",
        [
            "26. April 2021",
            "Städte- und Gemeindebund Brandenburg",
            "BBU Verband Berlin-Brandenburgischer Wohnungsunternehmen",
            "Zukunftsfeste Innenstädte",
            "CityOffensive Südbrandenburg",
        ],
    ),
]


def readable(response):
    """The page as a visitor reads it: entities resolved, whitespace collapsed."""
    return " ".join(html.unescape(response.content.decode()).split())


def test_every_demo_item_is_loaded_and_public():
    assert 5 <= len(RECORDS) <= 8
    assert len(set(SLUGS)) == len(SLUGS)
    items = NewsItem.objects.filter(slug__in=SLUGS)
    assert items.count() == len(RECORDS)
    assert set(NewsItem.objects.public().filter(slug__in=SLUGS).values_list("slug", flat=True)) == (
        set(SLUGS)
    )


@pytest.mark.parametrize("record", RECORDS, ids=SLUGS)
def test_each_item_has_its_date_and_sources(record):
    item = NewsItem.objects.get(slug=record["slug"])
    assert item.status == NewsItem.Status.PUBLISHED
    assert item.published is not None
    assert timezone.localtime(item.published, BERLIN).date() == date.fromisoformat(record["date"])
    assert item.source_list, "Jede Meldung nennt mindestens eine Quelle."
    assert item.source_list == record["sources"]
    assert item.teaser.strip() and item.text.strip()


@pytest.mark.parametrize("record", RECORDS, ids=SLUGS)
def test_each_items_links_resolve(record):
    item = NewsItem.objects.get(slug=record["slug"])
    for relation in ("networks", "municipalities", "topics"):
        wanted = set(record.get(relation, []))
        found = set(getattr(item, relation).values_list("slug", flat=True))
        assert found == wanted, relation
    assert item.networks.exists()


@pytest.mark.parametrize("record", RECORDS, ids=SLUGS)
def test_each_item_uses_only_the_allowed_markup(record):
    tags = {tag.lower() for tag in re.findall(r"</?\s*([a-zA-Z0-9]+)", record["text"])}
    assert tags <= ALLOWED_TAGS


def test_every_item_has_page_facts():
    assert {slug for slug, _facts in PAGE_FACTS} == set(SLUGS)


@pytest.mark.parametrize(("slug", "facts"), PAGE_FACTS, ids=[case[0] for case in PAGE_FACTS])
def test_key_facts_are_on_the_public_page(client, slug, facts):
    item = NewsItem.objects.get(slug=slug)
    response = client.get(f"/aktuelles/{slug}/")
    assert response.status_code == 200
    # The text is shown as markup, not as escaped tags.
    assert "&lt;p&gt;" not in response.content.decode()
    page = readable(response)
    assert item.title in page
    missing = [fact for fact in facts if fact not in page]
    assert not missing
    # Every source is named on the page; the internal note is not.
    for source in item.source_list:
        assert source in page
    for line in item.editorial_note.splitlines():
        if line.strip():
            assert line.strip() not in page
