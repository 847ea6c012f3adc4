"""Every change is recorded (who, when, what) and can be reverted from the admin; a deleted
record comes back with its relations."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from events.models import Event
from networks.models import Membership, Network, NetworkItem
from tests.admin_forms import admin_form_data
from tests.contacts.factories import OrganisationFactory
from tests.events.factories import EventFactory
from tests.helpers import logged_in
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    return logged_in(User.objects.create_superuser("historikerin", password=None))


def change(client, obj, **changes):
    opts = obj._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = client.post(change_url, admin_form_data(client.get(change_url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def revert(client, obj, version):
    opts = obj._meta
    revision_url = reverse(
        f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk]
    )
    form = client.get(revision_url)
    assert form.status_code == 200
    return client.post(revision_url, admin_form_data(form))


def versions(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def test_a_change_is_recorded_with_who_when_and_what(admin_client):
    municipality = MunicipalityFactory()
    editor = CityEditorFactory(municipalities=[municipality])
    client = logged_in(editor)
    event = EventFactory(host_municipality=municipality, status=Event.Status.DRAFT)

    change(client, event, summary="Neu geschrieben")

    first, latest = versions(event)
    assert first.revision.comment == "Ausgangsstand vor der ersten Änderung"
    assert latest.revision.user == editor
    assert latest.revision.date_created is not None
    with translation.override("de"):
        assert "Kurzbeschreibung" in latest.revision.get_comment()
    history = admin_client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert editor.username in history.content.decode()
    assert "Kurzbeschreibung" in history.content.decode()


def test_revert_restores_previous_field_values_and_links(admin_client):
    first_network, second_network = NetworkFactory(), NetworkFactory()
    event = EventFactory(title="Alter Titel", summary="Alte Kurzbeschreibung")
    event.networks.set([first_network])
    change(
        admin_client,
        event,
        title="Neuer Titel",
        summary="Neue Kurzbeschreibung",
        networks=[str(first_network.pk), str(second_network.pk)],
    )
    event.refresh_from_db()
    assert event.title == "Neuer Titel"

    response = revert(admin_client, event, versions(event)[0])

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Alter Titel"
    assert event.summary == "Alte Kurzbeschreibung"
    assert list(event.networks.all()) == [first_network]
    assert "zurückgesetzt" in versions(event)[-1].revision.get_comment()


def test_revert_brings_back_the_municipalities_of_an_initiative(admin_client):
    cottbus, potsdam = MunicipalityFactory(), MunicipalityFactory()
    initiative = InitiativeFactory()
    initiative.municipalities.set([cottbus, potsdam])
    change(admin_client, initiative, municipalities=[str(cottbus.pk)])
    assert list(initiative.municipalities.all()) == [cottbus]

    assert revert(admin_client, initiative, versions(initiative)[0]).status_code == 302

    assert set(initiative.municipalities.all()) == {cottbus, potsdam}


def test_a_deleted_event_comes_back_with_its_relations(admin_client):
    municipality, network = MunicipalityFactory(), NetworkFactory()
    organisation, topic = OrganisationFactory(), TopicFactory()
    event = EventFactory(host_municipality=municipality, title="Gelöscht und wieder da")
    event.networks.set([network])
    event.organisers.set([organisation])
    event.topics.set([topic])
    pk = event.pk

    response = admin_client.post(reverse("admin:events_event_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=pk).exists()
    recover_list = admin_client.get(reverse("admin:events_event_recoverlist"))
    assert "Gelöscht und wieder da" in recover_list.content.decode()

    deleted = Version.objects.get_deleted(Event).get(object_id=str(pk))
    recover_url = reverse("admin:events_event_recover", args=[deleted.pk])
    response = admin_client.post(recover_url, admin_form_data(admin_client.get(recover_url)))

    assert response.status_code == 302
    event = Event.objects.get(pk=pk)
    assert event.host_municipality == municipality
    assert list(event.networks.all()) == [network]
    assert list(event.organisers.all()) == [organisation]
    assert list(event.topics.all()) == [topic]


def test_a_deleted_network_comes_back_with_members_items_and_events(admin_client):
    network = NetworkFactory()
    membership = MembershipFactory(network=network)
    item = NetworkItem.objects.create(network=network, kind="goal", text="Ein Ziel")
    event = EventFactory()
    event.networks.set([network])
    pk = network.pk

    response = admin_client.post(
        reverse("admin:networks_network_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Network.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(pk=membership.pk).exists()

    deleted = Version.objects.get_deleted(Network).get(object_id=str(pk))
    recover_url = reverse("admin:networks_network_recover", args=[deleted.pk])
    response = admin_client.post(recover_url, admin_form_data(admin_client.get(recover_url)))

    assert response.status_code == 302
    network = Network.objects.get(pk=pk)
    assert list(network.memberships.all()) == [membership]
    assert list(network.items.all()) == [item]
    assert list(event.networks.all()) == [network]


def test_a_row_deleted_in_an_inline_can_be_recovered(admin_client):
    network = NetworkFactory()
    membership = MembershipFactory(network=network)
    change_url = reverse("admin:networks_network_change", args=[network.pk])
    form = admin_client.get(change_url)
    prefix = next(
        inline.formset.prefix
        for inline in form.context["inline_admin_formsets"]
        if inline.formset.model is Membership
    )
    admin_client.post(change_url, admin_form_data(form, **{f"{prefix}-0-DELETE": "on"}))
    assert not Membership.objects.filter(pk=membership.pk).exists()

    deleted = Version.objects.get_deleted(Membership).get(object_id=str(membership.pk))
    recover_url = reverse("admin:networks_membership_recover", args=[deleted.pk])
    admin_client.post(recover_url, admin_form_data(admin_client.get(recover_url)))

    assert Membership.objects.filter(pk=membership.pk, network=network).exists()


def test_bulk_publishing_is_recorded(admin_client):
    network = NetworkFactory()
    office = NetworkOfficeFactory(networks=[network])
    event = EventFactory(status=Event.Status.SUBMITTED)
    event.networks.set([network])

    logged_in(office).post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_events", "_selected_action": [event.pk]},
    )

    latest = versions(event)[-1]
    assert latest.revision.user == office
    assert "veröffentlicht" in latest.revision.get_comment()
    assert latest.field_dict["status"] == Event.Status.PUBLISHED


def test_a_city_editor_cannot_revert_another_citys_record():
    own, other = MunicipalityFactory(), MunicipalityFactory()
    admin_client = logged_in(User.objects.create_superuser("admin-b", password=None))
    event = EventFactory(host_municipality=other, title="Vorher", status=Event.Status.DRAFT)
    change(admin_client, event, title="Nachher")
    client = logged_in(CityEditorFactory(municipalities=[own]))
    revision_url = reverse("admin:events_event_revision", args=[event.pk, versions(event)[0].pk])

    assert client.get(revision_url).status_code == 403
    assert client.post(revision_url, {"title": "Vorher"}).status_code == 403

    event.refresh_from_db()
    assert event.title == "Nachher"


def test_a_city_editor_cannot_recover_another_citys_record():
    own, other = MunicipalityFactory(), MunicipalityFactory()
    admin_client = logged_in(User.objects.create_superuser("admin-c", password=None))
    event = EventFactory(host_municipality=other, status=Event.Status.DRAFT)
    pk = event.pk
    admin_client.post(reverse("admin:events_event_delete", args=[pk]), {"post": "yes"})
    deleted = Version.objects.get_deleted(Event).get(object_id=str(pk))
    client = logged_in(CityEditorFactory(municipalities=[own]))
    recover_url = reverse("admin:events_event_recover", args=[deleted.pk])

    recover_list = client.get(reverse("admin:events_event_recoverlist"))
    assert recover_url not in recover_list.content.decode()
    assert client.get(recover_url).status_code == 403
    assert client.post(recover_url, {"title": "Zurück"}).status_code == 403
    assert not Event.objects.filter(pk=pk).exists()


def test_a_city_editor_recovers_their_own_deleted_draft():
    municipality, network = MunicipalityFactory(), NetworkFactory()
    editor = CityEditorFactory(municipalities=[municipality])
    client = logged_in(editor)
    event = EventFactory(host_municipality=municipality, status=Event.Status.DRAFT)
    event.networks.set([network])
    pk = event.pk
    assert (
        client.post(reverse("admin:events_event_delete", args=[pk]), {"post": "yes"}).status_code
        == 302
    )

    deleted = Version.objects.get_deleted(Event).get(object_id=str(pk))
    recover_url = reverse("admin:events_event_recover", args=[deleted.pk])
    recover_list = client.get(reverse("admin:events_event_recoverlist"))
    assert recover_url in recover_list.content.decode()
    response = client.post(recover_url, admin_form_data(client.get(recover_url)))

    assert response.status_code == 302
    assert list(Event.objects.get(pk=pk).networks.all()) == [network]


def test_a_version_of_another_model_cannot_be_passed_off_as_ones_own():
    municipality = MunicipalityFactory()
    client = logged_in(CityEditorFactory(municipalities=[municipality]))
    event = EventFactory(host_municipality=municipality, status=Event.Status.DRAFT)
    admin_client = logged_in(User.objects.create_superuser("admin-d", password=None))
    network = NetworkFactory(summary="Vorher")
    change(admin_client, network, summary="Nachher")
    foreign = versions(network)[0]
    foreign.object_id = str(event.pk)  # as if the numbers happened to match
    foreign.save()
    revision_url = reverse("admin:events_event_revision", args=[event.pk, foreign.pk])

    assert client.post(revision_url, {"title": "egal"}).status_code == 403


def test_a_city_editor_cannot_publish_by_reverting(admin_client):
    municipality = MunicipalityFactory()
    client = logged_in(CityEditorFactory(municipalities=[municipality]))
    event = EventFactory(host_municipality=municipality, status=Event.Status.PUBLISHED)
    change(admin_client, event, status=Event.Status.DRAFT)
    published_version = versions(event)[0]
    revision_url = reverse("admin:events_event_revision", args=[event.pk, published_version.pk])

    assert client.get(revision_url).status_code == 403
    assert client.post(revision_url, {"title": "egal"}).status_code == 403
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT


def test_a_revision_touching_other_cities_is_not_reverted_by_a_city_editor(admin_client):
    own, other, network = MunicipalityFactory(), MunicipalityFactory(), NetworkFactory()
    mine = EventFactory(host_municipality=own, status=Event.Status.DRAFT)
    theirs = EventFactory(host_municipality=other, status=Event.Status.DRAFT)
    for event in (mine, theirs):
        event.networks.set([network])
    admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "submit_events", "_selected_action": [mine.pk, theirs.pk]},
    )
    Event.objects.filter(pk__in=[mine.pk, theirs.pk]).update(status=Event.Status.DRAFT)
    shared_version = versions(mine)[-1]
    assert shared_version.revision.version_set.count() == 2
    client = logged_in(CityEditorFactory(municipalities=[own]))
    revision_url = reverse("admin:events_event_revision", args=[mine.pk, shared_version.pk])

    assert client.get(revision_url).status_code == 403

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == theirs.status == Event.Status.DRAFT
