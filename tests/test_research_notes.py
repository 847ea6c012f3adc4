"""What the sources leave open stays in the records' internal note (editorial_note): no public
page or output of the demo data shows a research note, and the notes are kept where the
editorial staff sees them."""

import html
import json
import re

import pytest
from django.core.cache import cache
from django.db import models
from django.test import Client

from contacts.models import Contact, Organisation, Partnership
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network, NetworkItem, Topic

# The public outputs are fetched once for the module (public_texts); the marker has
# pytest-django set up the database.
from tests.helpers import sitemap_paths

pytestmark = pytest.mark.django_db

# Words of the research notes: that something was not found, only inferred, not confirmed.
PHRASES = [
    "nicht gefunden",
    "erschlossen",
    "nicht angegeben",
    "nicht belegt",
    "nicht bestätigt",
    "unbestätigt",
    "nicht bekannt",
    "abgeschnitten",
    "Quellensammlung",
    "möglicherweise",
    "vermutlich",
    "vielleicht",
    "Die Quelle nennt",
    "27 oder 26",
    "Quelltext ohne Adresse",
    "Adresse nicht angegeben",
    "Titel unvollständig",
    "Der Titel hier ist beschreibend",
    "Preisart",
    "undatiert",
    "nicht namentlich genannt",
]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SEARCH_WORDS = ["Innenstadtwettbewerb", "CityOffensive", "Modellvorhaben", "Soziale Stadt", "Titel"]
# The lists with all their pages; of the search, the first page of results.
LISTS = ["/netzwerke/", "/staedte/", "/initiativen/", "/veranstaltungen/?when=all", "/kontakte/"]
SEARCHES = [f"/suche/?q={word}" for word in SEARCH_WORDS]
OUTPUTS = [
    "/veranstaltungen/feed.rss",
    "/veranstaltungen/feed.atom",
    "/initiativen/feed.rss",
    "/initiativen/feed.atom",
    "/veranstaltungen/alle.ics",
    "/offene-daten/kommunen.csv",
    "/offene-daten/kommunen.json",
    "/offene-daten/kommunen.geojson",
    "/offene-daten/mitgliedschaften.csv",
    "/offene-daten/mitgliedschaften.json",
    "/offene-daten/initiativen.csv",
    "/offene-daten/initiativen.json",
    "/offene-daten/initiativen.geojson",
    "/offene-daten/veranstaltungen.csv?when=all",
    "/offene-daten/veranstaltungen.json?when=all",
    "/offene-daten/veranstaltungen.geojson?when=all",
    "/offene-daten/katalog.rdf",
]
PER_NETWORK = ["veranstaltungen.rss", "initiativen.rss", "kalender.ics"]


def readable(response):
    """The text a reader of the output sees: JSON without \\u escapes, calendar lines unfolded
    and unescaped, entities resolved, whitespace collapsed, in lower case."""
    text = response.getvalue().decode()  # streamed outputs too
    kind = response["Content-Type"]
    if "json" in kind:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    elif "calendar" in kind:
        text = re.sub(r"\r?\n[ \t]", "", text)
        text = re.sub(r"\\([,;\\])", r"\1", text).replace("\\n", " ").replace("\\N", " ")
    text = " ".join(html.unescape(text).split())
    return text.casefold()


@pytest.fixture(scope="module")
def public_texts(django_db_setup, django_db_blocker):
    """Every public page and output of the demo data, by address, fetched once for the
    module: the sitemap's pages in both languages, the lists with all their pages, the
    search, the feeds and calendars, the open-data downloads and their catalogue."""
    client = Client()
    texts = {}

    def fetch(url):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = readable(response)

    with django_db_blocker.unblock():
        for path in sitemap_paths(client):
            fetch(path)
        for url in [*LISTS, *(f"/en{url}" for url in LISTS)]:
            fetch(url)
            # 20 rows a page; a page past the end is a 404.
            joiner = "&" if "?" in url else "?"
            for number in range(2, 100):
                response = client.get(f"{url}{joiner}page={number}")
                if response.status_code == 404:
                    break
                texts[f"{url}{joiner}page={number}"] = readable(response)
        for url in [*SEARCHES, *(f"/en{url}" for url in SEARCHES), *OUTPUTS]:
            fetch(url)
        for network in Network.objects.all():
            for name in PER_NETWORK:
                fetch(f"{network.get_absolute_url()}{name}")
    cache.clear()
    return texts


def test_the_outputs_show_every_record_of_the_demo_data(public_texts):
    """The search below covers every detail page, in both languages, and every output."""
    records = [
        *Network.objects.all(),
        *Municipality.objects.all(),
        *Initiative.objects.all(),
        *Event.objects.public(),
        *Contact.objects.public(),
        *Organisation.objects.all(),
    ]
    assert len(records) > 100
    for record in records:
        assert record.get_absolute_url() in public_texts, record
        assert f"/en{record.get_absolute_url()}" in public_texts, record
    assert set(OUTPUTS) <= set(public_texts)
    # What replaced the notes is there.
    assert "ausgabe vor 2020" in public_texts["/offene-daten/initiativen.csv"]
    assert "mittsommer „ve…“" in public_texts["/offene-daten/initiativen.csv"]


@pytest.mark.parametrize("phrase", PHRASES)
def test_no_public_page_or_output_shows_a_research_note(public_texts, phrase):
    found = [url for url, text in public_texts.items() if phrase.casefold() in text]
    assert not found, f"„{phrase}“ öffentlich in {len(found)} Ausgaben: {found[:10]}"


PUBLIC_MODELS = [
    Network,
    NetworkItem,
    Membership,
    Topic,
    Municipality,
    Organisation,
    Partnership,
    Contact,
    Initiative,
    Event,
]


def public_text_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and field.name != "editorial_note"
    ]


@pytest.mark.parametrize("model", PUBLIC_MODELS, ids=lambda model: model.__name__)
def test_no_public_field_of_the_demo_data_holds_a_research_note(model):
    """Also the fields no page shows today."""
    fields = public_text_fields(model)
    found = []
    for record in model.objects.values("pk", *fields):
        for name in fields:
            value = record[name] or ""
            found += [
                (record["pk"], name, phrase)
                for phrase in PHRASES
                if phrase.casefold() in value.casefold()
            ]
    assert not found


def test_municipality_sources_carry_no_research_notes():
    found = [
        (municipality.name, phrase)
        for municipality in Municipality.objects.all()
        for phrase in PHRASES
        if phrase.casefold() in municipality.sources.casefold()
    ]
    assert not found


def network(slug):
    return Network.objects.get(slug=slug)


def membership(network_slug, municipality_slug, role, **more):
    return Membership.objects.get(
        network__slug=network_slug,
        municipality__slug=municipality_slug,
        role=role,
        **more,
    )


# A name, the record, and words of the note that moved out of its public fields.
MOVED_NOTES = [
    (
        "staedtekranz-chair-frankfurt",
        lambda: membership("staedtekranz-berlin-brandenburg", "frankfurt-oder", "chair"),
        ["Beginn des Vorsitzes nicht bekannt"],
    ),
    (
        "buendnis",
        lambda: network("buendnis-fuer-lebendige-innenstaedte"),
        ["Quelltext ohne Adresse", "Adresse nicht angegeben"],
    ),
    (
        "innenstadtwettbewerb",
        lambda: network("innenstadtwettbewerb-brandenburg"),
        [
            "Zuordnung zur Runde 2021/22 ist erschlossen",
            "vielleicht Sonderpreise, nicht bestätigt",
            "die beiden Preise „Junge Innenstadt“",
            "Preisträger wurden nicht gefunden",
        ],
    ),
    (
        "innenstadtwettbewerb-werneuchen",
        lambda: membership(
            "innenstadtwettbewerb-brandenburg", "werneuchen", "prize_winner", joined=None
        ),
        ["Runde erschlossen: Innenstadtwettbewerb 2021/22", "Preisverleihung am 2. Mai 2022"],
    ),
    (
        "innenstadtwettbewerb-kyritz",
        lambda: membership("innenstadtwettbewerb-brandenburg", "kyritz", "participant"),
        ["Preisart unbestätigt"],
    ),
    (
        "innenstadtwettbewerb-neuruppin",
        lambda: membership("innenstadtwettbewerb-brandenburg", "neuruppin", "prize_winner"),
        ["abgeschnitten"],
    ),
    (
        "cityoffensive",
        lambda: network("cityoffensive-suedbrandenburg"),
        ["undatierte Pressemitteilung", "das Jahr 2019 ist erschlossen", "2. und 3. Plätze"],
    ),
    (
        "cityoffensive-calau",
        lambda: membership("cityoffensive-suedbrandenburg", "calau", "prize_winner"),
        ["das Jahr 2019 ist erschlossen"],
    ),
    (
        "arbeitskreis-soziale-stadt",
        lambda: network("arbeitskreis-soziale-stadt"),
        [
            "27 oder 26",
            "Welcher Name den Unterschied von eins erklärt, wurde nicht gefunden",
            "„Sozialer Zusammenhalt“ wurde ebenfalls nicht gefunden",
        ],
    ),
    (
        "smart-cities",
        lambda: network("modellprojekte-smart-cities-berlin-brandenburg"),
        ["erschlossen", "„einen Monat nach dem Zuschlag für Potsdam und Guben“"],
    ),
    (
        "initiative-mittsommer",
        lambda: Initiative.objects.get(slug="innenstadtwettbewerb-2023-24-neuruppin"),
        ["Titel unvollständig", "abgeschnitten; der vollständige Titel wurde nicht gefunden"],
    ),
    (
        "initiative-seelow-2023-24",
        lambda: Initiative.objects.get(slug="innenstadtwettbewerb-2023-24-seelow"),
        ["Bezeichnung der Kategorie ist nicht belegt", "Preisgeld nicht angegeben"],
    ),
    (
        "initiative-falkensee",
        lambda: Initiative.objects.get(slug="innenstadtwettbewerb-2021-22-falkensee"),
        ["Zuordnung zur Runde 2021/22 erschlossen (Quellensammlung)", "Wettbewerb 2021/22"],
    ),
    (
        "initiative-schwedt",
        lambda: Initiative.objects.get(slug="innenstadtwettbewerb-2021-22-schwedt-oder"),
        ["Preisart unbestätigt", "möglicherweise einer der 4 Sonderpreise"],
    ),
    (
        "initiative-cityoffensive-guben",
        lambda: Initiative.objects.get(slug="cityoffensive-2019-guben"),
        ["Der Titel des Beitrags wurde nicht gefunden", "das Jahr 2019 ist erschlossen"],
    ),
    (
        "initiative-msdz-zossen",
        lambda: Initiative.objects.get(slug="msdz-2021-2022-zossen"),
        ["Tatsächlicher Betrag nicht angegeben"],
    ),
    (
        "initiative-msdz-perleberg-wittenberge",
        lambda: Initiative.objects.get(slug="msdz-2021-2022-perleberg-wittenberge"),
        ["Betrag nicht angegeben"],
    ),
    (
        "initiative-msdz-ludwigsfelde",
        lambda: Initiative.objects.get(slug="msdz-2024-2025-ludwigsfelde"),
        ["Betrag nicht angegeben", "Der offizielle Titel des Modellvorhabens wurde nicht gefunden"],
    ),
    (
        "initiative-msdz-senftenberg",
        lambda: Initiative.objects.get(slug="msdz-2024-2025-senftenberg"),
        ["in der Quelle an dieser Stelle abgeschnitten"],
    ),
    (
        "initiative-mpsc-cottbus",
        lambda: Initiative.objects.get(slug="mpsc-cottbus"),
        ["Ein eigener Titel des Modellprojekts wurde nicht gefunden"],
    ),
    (
        "initiative-zukunftsschusterei",
        lambda: Initiative.objects.get(slug="zukunftsschusterei"),
        ["Der Bundesanteil ist nicht angegeben"],
    ),
    (
        "initiative-berlin-lebenswert-smart",
        lambda: Initiative.objects.get(slug="berlin-lebenswert-smart"),
        ["Bewilligter Betrag nicht gefunden"],
    ),
    (
        "event-smart-city-meets-smart-country",
        lambda: Event.objects.get(slug="smart-city-meets-smart-country-2021"),
        ["Jahr erschlossen: Die Quelle nennt nur „30. August“"],
    ),
    (
        "event-abschlussdialog",
        lambda: Event.objects.get(slug="abschlussdialog-lets-play-klimaanpassung-2025"),
        ["Der Titel hier ist beschreibend"],
    ),
    (
        "organisation-dritte-kammer",
        lambda: Organisation.objects.get(slug="ihk-brandenburg-dritte-kammer"),
        ["nicht namentlich genannt"],
    ),
    ("organisation-btu", lambda: Organisation.objects.get(slug="btu"), ["nur als „BTU“"]),
    (
        "organisation-bmi",
        lambda: Organisation.objects.get(slug="bmi"),
        ["„Bundesministerium des Innern, Bau und Heimat (BMI)“"],
    ),
    (
        "organisation-ihk-potsdam",
        lambda: Organisation.objects.get(slug="ihk-potsdam"),
        ["nur über ihre Seiten unter ihk.de/potsdam"],
    ),
    (
        "partnership-buendnis-bbu",
        lambda: Partnership.objects.get(
            network__slug="buendnis-fuer-lebendige-innenstaedte", organisation__slug="bbu"
        ),
        ["Adresse nicht angegeben"],
    ),
    (
        "contact-mike-schubert",
        lambda: Contact.objects.get(slug="mike-schubert"),
        ["Quelltext ohne Adresse"],
    ),
]


@pytest.mark.parametrize(
    ("record", "words"),
    [pytest.param(record, words, id=name) for name, record, words in MOVED_NOTES],
)
def test_the_moved_notes_are_in_the_editorial_note(record, words):
    note = record().editorial_note
    missing = [part for part in words if part not in note]
    assert not missing, note


def test_every_programme_municipality_keeps_the_open_count_in_its_note():
    """The remark once repeated in all 27 rows of the Arbeitskreis Soziale Stadt."""
    rows = Membership.objects.filter(network__slug="arbeitskreis-soziale-stadt")
    assert rows.count() == 27
    for row in rows:
        assert "27 Namen" in row.editorial_note, row
        assert "26 Programmkommunen" in row.editorial_note, row
        assert "27 Namen" not in row.note, row


ADMIN_RECORDS = [
    pytest.param(
        lambda: Initiative.objects.get(slug="msdz-2024-2025-angermuende"), id="initiative"
    ),
    pytest.param(lambda: network("arbeitskreis-soziale-stadt"), id="network"),
    pytest.param(
        lambda: membership("innenstadtwettbewerb-brandenburg", "kyritz", "participant"),
        id="membership",
    ),
    pytest.param(
        lambda: Organisation.objects.get(slug="ihk-brandenburg-dritte-kammer"), id="organisation"
    ),
    pytest.param(
        lambda: Partnership.objects.get(
            network__slug="buendnis-fuer-lebendige-innenstaedte", organisation__slug="mil"
        ),
        id="partnership",
    ),
    pytest.param(lambda: Contact.objects.get(slug="claus-junghanns"), id="contact"),
    pytest.param(
        lambda: Event.objects.get(slug="smart-city-meets-smart-country-2021"), id="event"
    ),
]


@pytest.mark.parametrize("record", ADMIN_RECORDS)
def test_the_admin_change_page_shows_the_note_to_staff(client, admin_user, record):
    record = record()
    assert record.editorial_note
    meta = record._meta
    client.force_login(admin_user)
    response = client.get(f"/admin/{meta.app_label}/{meta.model_name}/{record.pk}/change/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Interne Notiz der Redaktion" in page
    for line in record.editorial_note.splitlines():
        assert line in page
