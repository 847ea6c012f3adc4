"""The rows of the open datasets: those of the list pages, for the same filters."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from networks.models import Membership, Municipality
from tests.events.factories import EventFactory
from tests.helpers import csv_rows, json_data
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import MembershipFactory, MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_municipality_download_follows_the_list_filters(client):
    network = NetworkFactory(slug="datennetz")
    member = MunicipalityFactory(name="Datenstadt", district="Landkreis Daten")
    MunicipalityFactory(name="Andere Datenstadt", district="Landkreis Daten")
    MembershipFactory(network=network, municipality=member)
    query = "?network=datennetz&district=Landkreis+Daten"
    listed = [m.ags for m in client.get(f"/staedte/{query}").context["paginator"].object_list]
    header, *rows = csv_rows(client, f"/offene-daten/kommunen.csv{query}")
    assert [row[header.index("ags")] for row in rows] == listed == [member.ags]
    html = client.get(f"/staedte/{query}").content.decode()
    assert (
        'href="/offene-daten/kommunen.csv?network=datennetz&amp;district=Landkreis+Daten"' in html
    )
    assert 'href="/offene-daten/kommunen.geojson?network=datennetz&amp;district=' in html


def test_all_municipalities_without_filters(client):
    header, *rows = csv_rows(client, "/offene-daten/kommunen.csv")
    assert len(rows) == Municipality.objects.count()


def test_memberships_filter_by_network_municipality_and_role(client):
    network = NetworkFactory(slug="rollennetz", name="Rollennetz")
    chair = MembershipFactory(network=network, role=Membership.Role.CHAIR)
    MembershipFactory(network=network, role=Membership.Role.MEMBER)
    MembershipFactory(municipality=chair.municipality)
    data = json_data(client, "/offene-daten/mitgliedschaften.json?network=rollennetz")
    assert len(data["daten"]) == 2
    data = json_data(client, "/offene-daten/mitgliedschaften.json?network=rollennetz&role=chair")
    assert [(r["netzwerk"], r["kommune"], r["rolle"]) for r in data["daten"]] == [
        ("rollennetz", chair.municipality.name, "Vorsitz/Sprecherstadt")
    ]
    data = json_data(
        client, f"/offene-daten/mitgliedschaften.json?municipality={chair.municipality.slug}"
    )
    assert len(data["daten"]) == 2
    html = client.get("/netzwerke/rollennetz/").content.decode()
    assert 'href="/offene-daten/mitgliedschaften.csv?network=rollennetz"' in html


def test_event_download_follows_the_event_list(client):
    network = NetworkFactory(slug="terminnetz")
    soon = timezone.now() + timedelta(days=2)
    for number in range(25):
        EventFactory(title=f"Termin {number}", start=soon).networks.set([network])
    EventFactory(title="Alter Termin", start=timezone.now() - timedelta(days=2)).networks.set(
        [network]
    )
    EventFactory(title="Entwurf", status=Event.Status.DRAFT, start=soon).networks.set([network])
    for query in ("network=terminnetz&when=upcoming", "network=terminnetz&when=all", "when=past"):
        listed = client.get(f"/veranstaltungen/?{query}").context["paginator"].object_list
        data = json_data(client, f"/offene-daten/veranstaltungen.json?{query}")
        assert [row["kennung"] for row in data["daten"]] == [event.slug for event in listed]
    html = client.get("/veranstaltungen/?network=terminnetz").content.decode()
    assert 'href="/offene-daten/veranstaltungen.csv?network=terminnetz' in html
    # The list shows the upcoming events by default: so does its download.
    assert "veranstaltungen.csv?network=terminnetz&amp;when=upcoming" in html


def test_event_download_holds_all_published_events_by_default(client):
    network = NetworkFactory(slug="archivnetz")
    past = EventFactory(title="Vergangen", start=timezone.now() - timedelta(days=400))
    soon = EventFactory(title="Bald", start=timezone.now() + timedelta(days=3))
    draft = EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    for event in (past, soon, draft):
        event.networks.set([network])
    data = json_data(client, "/offene-daten/veranstaltungen.json?network=archivnetz")
    assert [row["kennung"] for row in data["daten"]] == [past.slug, soon.slug]
    everything = json_data(client, "/offene-daten/veranstaltungen.json")["daten"]
    assert len(everything) == Event.objects.public().count()


def test_initiative_municipalities_are_a_dataset_of_pairs(client):
    towns = sorted(
        [MunicipalityFactory(name="Erstort"), MunicipalityFactory(name="Zweitort")],
        key=lambda town: town.name,
    )
    initiative = InitiativeFactory(title="Gemeinsam")
    initiative.municipalities.set(towns)
    header, *rows = csv_rows(
        client, f"/offene-daten/initiativen_kommunen.csv?network={initiative.network.slug}"
    )
    assert header == ["initiative", "kommune_ags", "kommune"]
    assert sorted(rows) == [[initiative.slug, town.ags, town.name] for town in towns]
    header, *rows = csv_rows(
        client, f"/offene-daten/initiativen.csv?network={initiative.network.slug}"
    )
    assert "kommunen_ags" not in header and len(rows) == 1


def test_event_networks_and_membership_sources_are_datasets_of_pairs(client):
    networks = [NetworkFactory(slug="paar-a"), NetworkFactory(slug="paar-b")]
    event = EventFactory(title="Zweifach", start=timezone.now() - timedelta(days=30))
    event.networks.set(networks)
    rows = json_data(client, "/offene-daten/veranstaltungen_netzwerke.json?network=paar-a")
    assert [(r["veranstaltung"], r["netzwerk"]) for r in rows["daten"]] == [
        (event.slug, "paar-a"),
        (event.slug, "paar-b"),
    ]
    membership = MembershipFactory(
        network=networks[0], sources="https://example.org/a\n\nAmtsblatt 3/2020\n"
    )
    data = json_data(client, "/offene-daten/mitgliedschaften_quellen.json?network=paar-a")
    key = f"paar-a:{membership.municipality.ags}:{membership.role}"
    if membership.joined:
        key += f":{membership.joined.isoformat()}"
    assert [(r["mitgliedschaft"], r["quelle"]) for r in data["daten"]] == [
        (key, "https://example.org/a"),
        (key, "Amtsblatt 3/2020"),
    ]
    members = json_data(client, "/offene-daten/mitgliedschaften.json?network=paar-a")["daten"]
    assert [row["kennung"] for row in members] == [key]
