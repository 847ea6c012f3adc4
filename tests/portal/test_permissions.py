"""The permission matrix, over HTTP through the admin: for each role and each model, list,
view, change, add, delete (and publish for events), on a record of the person's own
municipality or network and on another one. Every refusal must leave the database as it was."""

import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core import serializers
from django.test import Client
from django.urls import reverse

from contacts.models import Contact, Organisation, Partnership
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network, Topic
from portal.permissions import can_change, grant_page_subtree
from tests.admin_forms import admin_form_data
from tests.contacts.factories import ContactFactory, OrganisationFactory, PartnershipFactory
from tests.events.factories import EventFactory
from tests.helpers import logged_in
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)
from tests.portal.factories import AdministratorFactory, CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db

MODELS = {
    "municipality": Municipality,
    "network": Network,
    "membership": Membership,
    "event": Event,
    "initiative": Initiative,
    "contact": Contact,
    "organisation": Organisation,
    "partnership": Partnership,
    "topic": Topic,
}

# The text field each change cell edits.
CHANGED_FIELD = {
    "municipality": "area_source",
    "network": "summary",
    "membership": "note",
    "event": "summary",
    "initiative": "summary",
    "contact": "note",
    "organisation": "description",
    "partnership": "note",
    "topic": "description",
}

ACTIONS = ["list", "view", "view_other", "change", "change_other", "add", "delete", "delete_other"]

# list: "own" (only the own record listed), "all" (both listed) or "refused" (403).
# view: "edit" (200, may save), "read" (200, read-only) or "refused" (403).
# change, add, delete: "ok" (302, done) or "refused" (403, nothing changed).
R = "refused"
READ_ONLY_REFERENCE = ("all", "read", "read", R, R, R, R, R)
NO_ACCESS = (R,) * 8
EVERYTHING = ("all", "edit", "edit", "ok", "ok", "ok", "ok", "ok")

MATRIX = {
    "city_editor": {
        "municipality": ("own", "edit", R, "ok", R, R, R, R),
        "network": ("own", "read", R, R, R, R, R, R),
        "membership": ("own", "read", R, R, R, R, R, R),
        "event": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "initiative": ("own", "edit", R, "ok", R, "ok", R, R),
        "contact": ("own", "edit", R, "ok", R, "ok", R, R),
        "organisation": READ_ONLY_REFERENCE,
        "partnership": NO_ACCESS,
        "topic": READ_ONLY_REFERENCE,
    },
    "network_office": {
        "municipality": READ_ONLY_REFERENCE,
        "network": ("own", "edit", R, "ok", R, R, R, R),
        "membership": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "event": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "initiative": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "contact": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "organisation": ("all", "edit", "read", "ok", R, "ok", R, R),
        "partnership": ("own", "edit", R, "ok", R, "ok", "ok", R),
        "topic": READ_ONLY_REFERENCE,
    },
    "administrator": dict.fromkeys(MODELS, EVERYTHING),
}

PUBLISH = {
    "city_editor": {"own": R, "other": R},
    "network_office": {"own": "ok", "other": R},
    "administrator": {"own": "ok", "other": "ok"},
}

CELLS = [
    (role, model, action, outcome)
    for role, models in MATRIX.items()
    for model, outcomes in models.items()
    for action, outcome in zip(ACTIONS, outcomes, strict=True)
]


@pytest.fixture
def world():
    own_city, other_city = MunicipalityFactory(), MunicipalityFactory()
    own_network, other_network = NetworkFactory(), NetworkFactory()
    MembershipFactory(network=own_network, municipality=own_city)
    MembershipFactory(network=other_network, municipality=other_city)
    return SimpleNamespace(
        own_city=own_city,
        other_city=other_city,
        own_network=own_network,
        other_network=other_network,
    )


def make_user(role, world):
    if role == "city_editor":
        return CityEditorFactory(municipalities=[world.own_city])
    if role == "network_office":
        return NetworkOfficeFactory(networks=[world.own_network])
    return AdministratorFactory()


def make_record(model, world, side):
    """A record of the own municipality and network, or of the other ones."""
    city = world.own_city if side == "own" else world.other_city
    network = world.own_network if side == "own" else world.other_network
    match model:
        case "municipality":
            return city
        case "network":
            return network
        case "membership":
            return MembershipFactory(network=network, municipality=city, role="chair")
        case "event":
            event = EventFactory(host_municipality=city, status=Event.Status.DRAFT)
            event.networks.set([network])
            return event
        case "initiative":
            initiative = InitiativeFactory(network=network)
            initiative.municipalities.set([city])
            return initiative
        case "contact":
            contact = ContactFactory()
            contact.municipalities.set([city])
            contact.networks.set([network])
            return contact
        case "organisation":
            return PartnershipFactory(network=network).organisation
        case "partnership":
            return PartnershipFactory(network=network)
        case "topic":
            return TopicFactory()


def add_fields(model, world):
    """What an add form needs, in the own municipality and network."""
    match model:
        case "municipality":
            return {
                "name": "Neustadt",
                "official_name": "Neustadt",
                "slug": "neustadt-test",
                "ags": "99999998",
                "district": "Landkreis Test",
                "kind": "stadt",
            }
        case "network":
            return {"name": "Neues Netzwerk", "slug": "neues-netzwerk-test", "kind": "buendnis"}
        case "membership":
            return {
                "network": str(world.own_network.pk),
                "municipality": str(world.other_city.pk),
                "role": "participant",
            }
        case "event":
            return {
                "title": "Neue Sitzung",
                "slug": "neue-sitzung-test",
                "kind": "werkstatt",
                "start_0": "2030-12-01",
                "start_1": "10:00",
                "status": "draft",
                "host_municipality": str(world.own_city.pk),
                "networks": [str(world.own_network.pk)],
            }
        case "initiative":
            return {
                "title": "Neue Initiative",
                "slug": "neue-initiative-test",
                "kind": "studie",
                "network": str(world.own_network.pk),
                "municipalities": [str(world.own_city.pk)],
            }
        case "contact":
            return {
                "name": "Neue Ansprechperson",
                "slug": "neue-ansprechperson-test",
                "municipalities": [str(world.own_city.pk)],
                "networks": [str(world.own_network.pk)],
                "is_public": "on",
            }
        case "organisation":
            return {"name": "Neuer Verein", "slug": "neuer-verein-test", "kind": "verband"}
        case "partnership":
            return {
                "network": str(world.own_network.pk),
                "organisation": str(OrganisationFactory().pk),
                "role": "partner",
            }
        case "topic":
            return {"name": "Neues Thema", "slug": "neues-thema-test", "position": "0"}


def url(model, view, *args):
    opts = MODELS[model]._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def state(obj):
    """Everything stored about a record, its many-to-many fields included."""
    fresh = type(obj)._default_manager.filter(pk=obj.pk)
    if not fresh.exists():
        return None
    data = json.loads(serializers.serialize("json", fresh))[0]["fields"]
    data.pop("search_vector", None)
    return data


def superuser_client():
    return logged_in(User.objects.create_superuser("matrix-superuser", password=None))


def change_data(client, model, obj, value):
    response = client.get(url(model, "change", obj.pk))
    assert response.status_code == 200
    return admin_form_data(response, **{CHANGED_FIELD[model]: value})


@pytest.mark.parametrize(("role", "model", "action", "outcome"), CELLS)
def test_permission_matrix(role, model, action, outcome, world):
    user = make_user(role, world)
    client = logged_in(user)
    own, other = make_record(model, world, "own"), make_record(model, world, "other")
    target = other if action.endswith("_other") else own
    before = state(target)

    if action == "list":
        response = client.get(url(model, "changelist"))
        if outcome == R:
            assert response.status_code == 403
            return
        assert response.status_code == 200
        listed = set(response.context["cl"].queryset.values_list("pk", flat=True))
        assert own.pk in listed
        assert (other.pk in listed) == (outcome == "all")

    elif action in ("view", "view_other"):
        response = client.get(url(model, "change", target.pk))
        if outcome == R:
            assert response.status_code == 403
        else:
            assert response.status_code == 200
            assert response.context["has_change_permission"] == (outcome == "edit")

    elif action in ("change", "change_other"):
        value = "Geändert im Test"
        form_client = client if outcome == "ok" else superuser_client()
        data = change_data(form_client, model, target, value)
        response = client.post(url(model, "change", target.pk), data)
        if outcome == "ok":
            assert response.status_code == 302, (
                response.context and response.context["adminform"].form.errors
            )
            assert state(target)[CHANGED_FIELD[model]] == value
        else:
            assert response.status_code == 403
            assert state(target) == before

    elif action == "add":
        model_class = MODELS[model]
        count = model_class.objects.count()
        form = superuser_client().get(url(model, "add"))
        data = admin_form_data(form, **add_fields(model, world))
        response = client.post(url(model, "add"), data)
        if outcome == "ok":
            assert response.status_code == 302, (
                response.context and response.context["adminform"].form.errors
            )
            assert model_class.objects.count() == count + 1
        else:
            assert response.status_code == 403
            assert model_class.objects.count() == count

    elif action in ("delete", "delete_other"):
        response = client.post(url(model, "delete", target.pk), {"post": "yes"})
        if outcome == "ok":
            assert response.status_code == 302
            assert state(target) is None
        else:
            assert response.status_code == 403
            assert state(target) == before


@pytest.mark.parametrize("side", ["own", "other"])
@pytest.mark.parametrize("role", list(PUBLISH))
def test_publish_matrix(role, side, world):
    client = logged_in(make_user(role, world))
    event = make_record("event", world, side)
    event.status = Event.Status.SUBMITTED
    event.save()

    response = client.post(
        url("event", "changelist"),
        {"action": "publish_events", "_selected_action": [event.pk], "index": 0},
    )

    event.refresh_from_db()
    if PUBLISH[role][side] == "ok":
        assert response.status_code == 302
        assert event.status == Event.Status.PUBLISHED
    else:
        assert response.status_code == 403
        assert event.status == Event.Status.SUBMITTED


def test_refusals_say_why_in_german(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    response = client.get(url("municipality", "change", world.other_city.pk))
    assert response.status_code == 403
    assert "nur Einträge Ihrer Kommunen" in response.content.decode()
    assert "es wurde nichts geändert" in response.content.decode().lower()


def test_anonymous_visitors_are_sent_to_the_login(world):
    response = Client().get(url("event", "changelist"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_city_editor_cannot_assign_a_foreign_municipality(world):
    editor = CityEditorFactory(municipalities=[world.own_city])
    client = logged_in(editor)
    event = make_record("event", world, "own")
    before = state(event)
    data = change_data(client, "event", event, "Umzug nach woanders")
    data["host_municipality"] = str(world.other_city.pk)

    response = client.post(url("event", "change", event.pk), data)

    assert response.status_code == 200
    assert "host_municipality" in response.context["adminform"].form.errors
    assert "Diese Kommune gehört nicht zu Ihren Kommunen" in response.content.decode()
    assert state(event) == before


def test_city_editor_cannot_add_a_record_of_a_foreign_municipality(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    count = Initiative.objects.count()
    data = admin_form_data(
        superuser_client().get(url("initiative", "add")),
        **{**add_fields("initiative", world), "municipalities": [str(world.other_city.pk)]},
    )

    response = client.post(url("initiative", "add"), data)

    assert response.status_code == 200
    assert "municipalities" in response.context["adminform"].form.errors
    assert Initiative.objects.count() == count


def test_city_editor_keeps_the_other_municipalities_of_a_shared_initiative(world):
    editor = CityEditorFactory(municipalities=[world.own_city])
    client = logged_in(editor)
    initiative = make_record("initiative", world, "own")
    initiative.municipalities.add(world.other_city)
    data = change_data(client, "initiative", initiative, "Gemeinsam")
    assert data["municipalities"] == [str(world.own_city.pk)]

    response = client.post(url("initiative", "change", initiative.pk), data)

    assert response.status_code == 302
    assert set(initiative.municipalities.all()) == {world.own_city, world.other_city}


def test_city_editor_cannot_publish_through_the_form(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    event = make_record("event", world, "own")
    before = state(event)
    data = change_data(client, "event", event, "Jetzt aber")
    data["status"] = Event.Status.PUBLISHED

    response = client.post(url("event", "change", event.pk), data)

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert "Veröffentlichen und Absagen ist Sache der Geschäftsstelle" in response.content.decode()
    assert state(event) == before


def test_city_editor_may_submit_and_correct_but_not_unpublish_a_published_event(world):
    editor = CityEditorFactory(municipalities=[world.own_city])
    client = logged_in(editor)
    event = make_record("event", world, "own")
    data = change_data(client, "event", event, "Bitte prüfen")
    data["status"] = Event.Status.SUBMITTED
    assert client.post(url("event", "change", event.pk), data).status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED

    event.status = Event.Status.PUBLISHED
    event.save()
    response = client.get(url("event", "change", event.pk))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is True
    form = response.context["adminform"].form
    assert not {"status", "publish_at", "networks"} & set(form.fields)
    correction = change_data(client, "event", event, "Korrigierter Titel")
    correction["status"] = Event.Status.DRAFT  # not a field of the form: ignored

    assert client.post(url("event", "change", event.pk), correction).status_code == 302
    event.refresh_from_db()
    assert event.summary == "Korrigierter Titel"
    assert event.status == Event.Status.PUBLISHED
    assert list(event.networks.all()) == [world.own_network]


def test_submitting_needs_a_network(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    event = make_record("event", world, "own")
    data = change_data(client, "event", event, "Ohne Netzwerk")
    data.update(status=Event.Status.SUBMITTED, networks=[])

    response = client.post(url("event", "change", event.pk), data)

    assert response.status_code == 200
    assert "networks" in response.context["adminform"].form.errors


def test_action_on_a_foreign_record_changes_nothing(world):
    office = NetworkOfficeFactory(networks=[world.own_network])
    client = logged_in(office)
    own, other = make_record("event", world, "own"), make_record("event", world, "other")

    response = client.post(
        url("event", "changelist"),
        {"action": "delete_selected", "_selected_action": [own.pk, other.pk], "post": "yes"},
    )

    assert response.status_code == 403
    assert Event.objects.filter(pk__in=[own.pk, other.pk]).count() == 2


def test_city_editor_cannot_bulk_delete_submitted_events(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    event = make_record("event", world, "own")
    event.status = Event.Status.SUBMITTED
    event.save()

    response = client.post(
        url("event", "changelist"),
        {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"},
    )

    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_autocomplete_offers_only_own_municipalities_to_city_editors(world):
    client = logged_in(CityEditorFactory(municipalities=[world.own_city]))
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": "event", "field_name": "host_municipality"},
    )
    assert response.status_code == 200
    offered = {int(result["id"]) for result in response.json()["results"]}
    assert offered == {world.own_city.pk}


def test_record_page_content_follows_the_record_rule(world):
    editor = CityEditorFactory(municipalities=[world.own_city])
    own_placeholder = world.own_city.content_placeholder
    other_placeholder = world.other_city.content_placeholder

    assert can_change(editor, world.own_city)
    assert own_placeholder.has_change_permission(editor)
    assert not other_placeholder.has_change_permission(editor)


def test_city_editor_edits_only_the_granted_page_subtree(world):
    from cms.api import create_page
    from cms.utils.page_permissions import user_can_change_page, user_can_publish_page
    from django.contrib.sites.models import Site

    author = User.objects.create_superuser("seitenautorin", password=None)
    site = Site.objects.get_current()

    def page(title, parent=None):
        return create_page(
            title, "cms/page.html", "de", created_by=author, parent=parent, site=site
        )

    section = page("Aus den Kommunen")
    own_page = page("Aus der eigenen Stadt", parent=section)
    own_subpage = page("Termine der eigenen Stadt", parent=own_page)
    other_page = page("Aus der anderen Stadt", parent=section)
    editor = CityEditorFactory(municipalities=[world.own_city])
    grant_page_subtree(editor, own_page)

    assert user_can_change_page(editor, own_page, site)
    assert user_can_change_page(editor, own_subpage, site)
    assert user_can_publish_page(editor, own_subpage, site)
    assert not user_can_change_page(editor, other_page, site)
    assert not user_can_change_page(editor, section, site)
    office = NetworkOfficeFactory(networks=[world.own_network])
    assert not user_can_change_page(office, own_page, site)


def test_administrators_give_a_person_a_role_and_municipalities(world):
    from django.contrib.auth.models import Group

    from portal.permissions import CITY_EDITORS, Scope

    person = User.objects.create_user("neue-redakteurin", is_staff=True)
    client = superuser_client()
    change_url = reverse("admin:auth_user_change", args=[person.pk])
    form = client.get(change_url)
    prefix = form.context["inline_admin_formsets"][0].formset.prefix
    data = admin_form_data(
        form,
        groups=[str(Group.objects.get(name=CITY_EDITORS).pk)],
        **{
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-0-municipalities": [str(world.own_city.pk)],
            f"{prefix}-0-networks": [],
        },
    )

    response = client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    person = User.objects.get(pk=person.pk)
    assert Scope.of(person).municipalities == {world.own_city.pk}
