"""Facts of the public texts the portal was conceived from, as a visitor finds them."""

import pytest

from contacts.models import Contact
from events.models import Event
from networks.models import Network

pytestmark = pytest.mark.django_db


def network_page(client, name_part):
    network = Network.objects.get(name__icontains=name_part)
    response = client.get(network.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


SEED_FACTS = [
    # BraNEK: the seven Städtekranz cities, the pilot years, the funder, a goal.
    (
        "Energieeffiziente Stadt",
        [
            "Brandenburg an der Havel",
            "Cottbus",
            "Eberswalde",
            "Frankfurt (Oder)",
            "Jüterbog",
            "Luckenwalde",
            "Neuruppin",
            "2009–2011",
            "Bundesministerium für Verkehr, Bau und Stadtentwicklung",
            "stärkere Sensibilisierung aller Bereiche",
            "Vernetzung mit weiteren Akteuren",
            "Nationalen Stadtentwicklungspolitik",
        ],
    ),
    # Bündnis: founding date, partners, the study, the competition every two years.
    (
        "Bündnis für lebendige Innenstädte",
        [
            "26. April 2021",
            "Städte- und Gemeindebund Brandenburg",
            "Handelsverband Berlin-Brandenburg",
            "BBU Verband Berlin-Brandenburgischer Wohnungsunternehmen",
            "Städteforum Brandenburg",
            "Ministerium für Infrastruktur und Landesplanung",
            "Zukunftsfeste Innenstädte",
            "Online-Gesprächsreihen und Webinare",
        ],
    ),
    # Arbeitskreis Soziale Stadt: the contact with full address, the structure, a theme.
    (
        "Arbeitskreis Soziale Stadt",
        [
            "Angela Naundorf",
            "Behlertstraße 3a",
            "Haus G",
            "14467 Potsdam",
            "0331 28 997 0",
            "0331 28 99724",
            "netzwerk@bbsmbrandenburg.de",
            "26",
            "3 Mal jährlich",
            "Verfügungsfonds in der Sozialen Stadt",
            "Unterbringung Geflüchteter",
            "Cottbus",
            "Wriezen",
        ],
    ),
    # Meine Stadt der Zukunft: the jury criteria and the funding years.
    (
        "Meine Stadt der Zukunft",
        [
            "Innovationsgehalt",
            "Qualität des integrierten Ansatzes",
            "Partizipationsansatz",
            "Schlüssigkeit des räumlichen Betrachtungsschwerpunkts",
            "Umsetzungsorientierung",
            "2024",
            "2025",
        ],
    ),
    # Smart Cities: the five cities with their years.
    (
        "Smart Cities",
        [
            "Cottbus",
            "Bad Belzig",
            "Wiesenburg/Mark",
            "Berlin",
            "Potsdam",
            "Guben",
            "2019",
            "2020",
            "2021",
        ],
    ),
]


@pytest.mark.parametrize(("network", "facts"), SEED_FACTS, ids=[case[0] for case in SEED_FACTS])
def test_seed_facts_are_on_the_network_page(client, network, facts):
    page = network_page(client, network)
    missing = [fact for fact in facts if fact not in page]
    assert not missing


def test_smart_city_exchange_event(client):
    event = Event.objects.get(title__startswith="Smart City meets Smart Country")
    detail = client.get(event.get_absolute_url()).content.decode()
    for fact in [
        "30. August 2021",
        "Berlin Partner für Wirtschaft und Technologie GmbH",
        "Wirtschaftsförderung Brandenburg GmbH",
        "70",
    ]:
        assert fact in detail


@pytest.mark.parametrize(
    ("name", "function"),
    [
        ("Mike Schubert", "Oberbürgermeister"),
        ("Roland Leisegang", "Bürgermeister"),
        ("Marco Beckendorf", "Bürgermeister"),
        ("Frank Nägele", "Staatssekretär"),
        ("Claus Junghanns", "Bürgermeister"),
    ],
)
def test_named_mayors_have_contact_pages(client, name, function):
    contact = Contact.objects.public().get(name__contains=name)
    page = client.get(contact.get_absolute_url()).content.decode()
    assert name in page
    assert function in page


def test_municipality_page_shows_every_network_with_role(client):
    page = client.get("/staedte/cottbus/").content.decode()
    assert "Cottbus/Chóśebuz" in page
    assert "12052000" in page
    assert "93.926" in page and "15. Mai 2022" in page
    for network in ["Städtekranz", "Soziale Stadt", "Smart Cities", "Meine Stadt der Zukunft"]:
        assert network in page
