"""The workflow of news items, over HTTP through the admin: a city editor writes a draft about
their city and submits it, the office of one of its networks publishes it (at once or from a
later date on), sends it back with a reason or withdraws it. Every refusal leaves the database
as it was."""

import json
import time
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core import serializers
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from reversion.models import Version

from news.models import NewsItem
from tests.admin_forms import admin_form_data
from tests.helpers import logged_in
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)
from tests.news.factories import NewsItemFactory
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
Status = NewsItem.Status
CHANGELIST = reverse_lazy("admin:news_newsitem_changelist")
ADD = reverse_lazy("admin:news_newsitem_add")


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def stored(item):
    """Everything stored about an item, its networks, municipalities and topics included;
    None once it is gone."""
    rows = NewsItem.objects.filter(pk=item.pk)
    if not rows.exists():
        return None
    fields = json.loads(serializers.serialize("json", rows))[0]["fields"]
    fields.pop("search_vector", None)
    return fields


def versions(item):
    return list(Version.objects.get_for_object(item).order_by("pk"))


def act(client, action, *items, **data):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [item.pk for item in items], **data}
    )


@pytest.fixture
def world():
    """A city in a network and another city in another network, each with its city editor
    and its network office."""
    city, other_city = MunicipalityFactory(), MunicipalityFactory()
    network, other_network = NetworkFactory(), NetworkFactory()
    MembershipFactory(network=network, municipality=city)
    MembershipFactory(network=other_network, municipality=other_city)
    return SimpleNamespace(
        city=city,
        other_city=other_city,
        network=network,
        other_network=other_network,
        editor=CityEditorFactory(municipalities=[city]),
        other_editor=CityEditorFactory(municipalities=[other_city]),
        office=NetworkOfficeFactory(networks=[network]),
        other_office=NetworkOfficeFactory(networks=[other_network]),
    )


def item_of(world, **fields):
    """An item about the world's city, in its network."""
    return NewsItemFactory(
        networks=[world.network], municipalities=[world.city], topics=[TopicFactory()], **fields
    )


def public_pages(item, world):
    """Every public page and feed that shows a public item of the world's network and city."""
    network, city = world.network.slug, world.city.slug
    return [
        "/aktuelles/",
        f"/aktuelles/?network={network}",
        f"/aktuelles/?municipality={city}",
        item.get_absolute_url(),
        world.network.get_absolute_url(),
        world.city.get_absolute_url(),
        "/",
        "/aktuelles/feed.rss",
        "/aktuelles/feed.atom",
        f"/netzwerke/{network}/aktuelles.rss",
        f"/netzwerke/{network}/aktuelles.atom",
        f"/staedte/{city}/aktuelles.rss",
        f"/staedte/{city}/aktuelles.atom",
        "/sitemap-aktuelles.xml",
        "/suche/?q=Rückzugsprobe",
    ]


# Draft, submit, publish.


def test_city_editor_drafts_and_submits_and_the_network_office_publishes(client, world):
    editor = logged_in(world.editor)
    add_form = editor.get(ADD)
    assert add_form.context["adminform"].form.initial["municipalities"] == [world.city.pk]

    response = editor.post(
        ADD,
        admin_form_data(
            add_form,
            title="Neuer Radweg am Kanal",
            slug="neuer-radweg-am-kanal",
            teaser="Der Radweg am Kanal ist fertig.",
            networks=[str(world.network.pk)],
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(slug="neuer-radweg-am-kanal")
    assert item.status == Status.DRAFT
    assert item.published is None
    assert list(item.municipalities.all()) == [world.city]
    assert item.created_by == world.editor

    assert act(editor, "submit_items", item).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert client.get(item.get_absolute_url()).status_code == 404
    assert "Neuer Radweg am Kanal" not in client.get("/aktuelles/").content.decode()

    office = logged_in(world.office)
    queue = office.get(CHANGELIST, {"arbeitsstand": "pruefen"})
    assert list(queue.context["cl"].queryset) == [item]
    assert "Prüfliste: 1 eingereicht" in office.get(CHANGELIST).content.decode()

    assert act(office, "publish_items", item).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published is not None
    assert item in NewsItem.objects.public()
    assert "Neuer Radweg am Kanal" in client.get("/aktuelles/").content.decode()
    detail = client.get(item.get_absolute_url())
    assert detail.status_code == 200
    assert "Der Radweg am Kanal ist fertig." in detail.content.decode()


def test_the_office_of_another_network_cannot_publish(client, world):
    item = item_of(world, status=Status.SUBMITTED)
    before = stored(item)
    other_office = logged_in(world.other_office)

    refused = act(other_office, "publish_items", item)

    assert refused.status_code == 403
    assert other_office.get(change_url(item)).status_code == 403
    assert stored(item) == before
    assert client.get(item.get_absolute_url()).status_code == 404


def test_submitting_needs_a_network(world):
    editor = logged_in(world.editor)
    item = NewsItemFactory(municipalities=[world.city])
    before = stored(item)

    response = editor.post(
        change_url(item),
        admin_form_data(editor.get(change_url(item)), status=Status.SUBMITTED, networks=[]),
    )

    assert response.status_code == 200
    assert "networks" in response.context["adminform"].form.errors
    assert stored(item) == before


# Publishing for later.


def test_publishing_for_later_keeps_the_item_hidden_until_then(client, world):
    due = timezone.now().replace(microsecond=0) + timedelta(days=1)
    item = item_of(world, status=Status.SUBMITTED, published=due)
    office = logged_in(world.office)

    response = office.post(
        CHANGELIST, {"action": "publish_items", "_selected_action": [item.pk]}, follow=True
    )

    assert "erscheint erst ab" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published == due
    assert item not in NewsItem.objects.public()
    assert item not in NewsItem.objects.public(now=due - timedelta(minutes=1))
    assert item in NewsItem.objects.public(now=due)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert item.title not in client.get("/aktuelles/").content.decode()
    planned = office.get(CHANGELIST, {"arbeitsstand": "geplant"})
    assert list(planned.context["cl"].queryset) == [item]


def test_the_office_sets_a_later_date_in_the_form(client, world):
    item = item_of(world, status=Status.SUBMITTED)
    office = logged_in(world.office)
    due = datetime(2031, 3, 2, 9, 30, tzinfo=BERLIN)

    response = office.post(
        change_url(item),
        admin_form_data(
            office.get(change_url(item)),
            status=Status.PUBLISHED,
            published_0="02.03.2031",
            published_1="09:30:00",
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert (item.status, item.published) == (Status.PUBLISHED, due)
    assert item not in NewsItem.objects.public()
    assert client.get(item.get_absolute_url()).status_code == 404


def test_a_scheduled_item_appears_on_its_own(client, world):
    """No job and no restart: the item is public when the database clock reaches its date."""
    due = timezone.now() + timedelta(seconds=1)
    item = item_of(world, status=Status.PUBLISHED, published=due)

    assert client.get(item.get_absolute_url()).status_code == 404
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert client.get(item.get_absolute_url()).status_code == 200
    assert item.title in client.get("/aktuelles/").content.decode()


# Withdrawing and sending back.


def test_withdrawing_removes_the_item_from_every_public_page(client, world):
    item = item_of(world, public=True, teaser="Rückzugsprobe: bald nicht mehr öffentlich.")
    path = item.get_absolute_url()
    pages = public_pages(item, world)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert path in response.content.decode(), page

    assert act(logged_in(world.office), "withdraw_items", item).status_code == 302

    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    assert client.get(path).status_code == 404
    for page in pages:
        if page != path:
            response = client.get(page)
            assert response.status_code == 200, page
            assert path not in response.content.decode(), page


def test_a_city_editor_cannot_withdraw(world):
    item = item_of(world, public=True)
    before = stored(item)

    response = act(logged_in(world.editor), "withdraw_items", item)

    assert response.status_code == 403
    assert stored(item) == before


def test_the_office_sends_an_item_back_with_a_reason(world):
    item = item_of(world, status=Status.SUBMITTED)
    office = logged_in(world.office)

    asked = act(office, "send_back_items", item)
    without_reason = act(office, "send_back_items", item, reason="  ")

    assert asked.status_code == 200
    assert "Begründung" in asked.content.decode()
    assert item.title in asked.content.decode()
    assert "Bitte eine Begründung angeben." in without_reason.content.decode()
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED

    done = act(office, "send_back_items", item, reason="Bitte die Quelle ergänzen.")

    assert done.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert "Bitte die Quelle ergänzen." in versions(item)[-1].revision.get_comment()
    history = logged_in(world.editor).get(reverse("admin:news_newsitem_history", args=[item.pk]))
    assert history.status_code == 200
    assert "Bitte die Quelle ergänzen." in history.content.decode()


# What city editors may and may not do with the form.


def test_a_city_editor_cannot_publish_through_the_form(client, world):
    editor = logged_in(world.editor)
    item = item_of(world, status=Status.SUBMITTED)
    before = stored(item)
    form = editor.get(change_url(item))
    assert Status.PUBLISHED not in dict(form.context["adminform"].form.fields["status"].choices)
    assert "published" not in form.context["adminform"].form.fields

    response = editor.post(change_url(item), admin_form_data(form, status=Status.PUBLISHED))

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert "Veröffentlichen ist Sache der Geschäftsstelle" in response.content.decode()
    assert stored(item) == before
    assert client.get(item.get_absolute_url()).status_code == 404


def test_a_city_editor_corrects_a_published_item_whose_status_and_date_stay(client, world):
    editor = logged_in(world.editor)
    item = item_of(world, public=True, teaser="Mit Tippfeher.")
    published = item.published
    form = editor.get(change_url(item))
    assert form.status_code == 200
    assert form.context["has_change_permission"] is True
    assert not {"status", "published", "networks"} & set(form.context["adminform"].form.fields)

    response = editor.post(
        change_url(item),
        # Not fields of the form: ignored.
        admin_form_data(
            form,
            teaser="Ohne Tippfehler.",
            status=Status.DRAFT,
            published_0="01.01.2001",
            published_1="00:00:00",
            networks=[str(world.other_network.pk)],
        ),
        follow=True,
    )

    assert response.status_code == 200
    assert "Ihre Korrektur ist gespeichert" in response.content.decode()
    item.refresh_from_db()
    assert item.teaser == "Ohne Tippfehler."
    assert (item.status, item.published) == (Status.PUBLISHED, published)
    assert list(item.networks.all()) == [world.network]
    assert "Ohne Tippfehler." in client.get(item.get_absolute_url()).content.decode()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.PUBLISHED])
def test_a_city_editor_cannot_touch_items_of_other_cities(world, status):
    theirs = NewsItemFactory(
        networks=[world.other_network],
        municipalities=[world.other_city],
        status=status,
        published=timezone.now() - timedelta(days=1) if status == Status.PUBLISHED else None,
    )
    before = stored(theirs)
    superuser = logged_in(User.objects.create_superuser("meldungen-admin", password=None))
    data = admin_form_data(superuser.get(change_url(theirs)), teaser="Übernommen.")
    editor = logged_in(world.editor)

    listed = editor.get(CHANGELIST).context["cl"].queryset
    assert theirs not in listed
    assert editor.get(change_url(theirs)).status_code == 403
    assert editor.post(change_url(theirs), data).status_code == 403
    delete_url = reverse("admin:news_newsitem_delete", args=[theirs.pk])
    assert editor.post(delete_url, {"post": "yes"}).status_code == 403
    assert act(editor, "submit_items", theirs).status_code == 403
    assert stored(theirs) == before


# History.


def test_a_city_editor_sees_the_history_of_their_item_and_reverts_a_change(world):
    editor = logged_in(world.editor)
    item = item_of(world, title="Alter Titel")
    form = editor.get(change_url(item))
    changed = editor.post(change_url(item), admin_form_data(form, title="Neuer Titel"))
    assert changed.status_code == 302

    history = editor.get(reverse("admin:news_newsitem_history", args=[item.pk]))
    assert history.status_code == 200
    assert world.editor.username in history.content.decode()
    first, latest = versions(item)
    assert latest.revision.user == world.editor
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, first.pk])
    response = editor.post(revision_url, admin_form_data(editor.get(revision_url)))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Alter Titel"
    assert list(item.networks.all()) == [world.network]
    assert list(item.municipalities.all()) == [world.city]


def test_a_city_editor_recovers_their_deleted_draft_with_its_relations(world):
    editor = logged_in(world.editor)
    topic = TopicFactory()
    item = NewsItemFactory(
        title="Gelöscht und wieder da",
        networks=[world.network],
        municipalities=[world.city],
        topics=[topic],
    )
    pk = item.pk
    delete_url = reverse("admin:news_newsitem_delete", args=[pk])
    assert editor.post(delete_url, {"post": "yes"}).status_code == 302
    assert not NewsItem.objects.filter(pk=pk).exists()

    deleted = Version.objects.get_deleted(NewsItem).get(object_id=str(pk))
    recover_url = reverse("admin:news_newsitem_recover", args=[deleted.pk])
    recover_list = editor.get(reverse("admin:news_newsitem_recoverlist"))
    assert recover_url in recover_list.content.decode()
    response = editor.post(recover_url, admin_form_data(editor.get(recover_url)))

    assert response.status_code == 302
    item = NewsItem.objects.get(pk=pk)
    assert item.title == "Gelöscht und wieder da"
    assert item.status == Status.DRAFT
    assert list(item.networks.all()) == [world.network]
    assert list(item.municipalities.all()) == [world.city]
    assert list(item.topics.all()) == [topic]


def test_the_history_of_an_item_is_not_for_editors_of_other_cities(world):
    editor = logged_in(world.editor)
    item = item_of(world, title="Vorher")
    editor.post(change_url(item), admin_form_data(editor.get(change_url(item)), title="Nachher"))
    first = versions(item)[0]
    other_editor = logged_in(world.other_editor)
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, first.pk])

    history_url = reverse("admin:news_newsitem_history", args=[item.pk])
    assert other_editor.get(history_url).status_code == 403
    assert other_editor.get(revision_url).status_code == 403
    assert other_editor.post(revision_url, {"title": "Vorher"}).status_code == 403
    item.refresh_from_db()
    assert item.title == "Nachher"


def test_a_city_editor_cannot_publish_by_reverting(client, world):
    item = item_of(world, public=True)
    act(logged_in(world.office), "withdraw_items", item)
    published_version = next(
        version for version in versions(item) if version.field_dict["status"] == Status.PUBLISHED
    )
    editor = logged_in(world.editor)
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, published_version.pk])

    assert editor.get(revision_url).status_code == 403
    assert editor.post(revision_url, {"title": "egal"}).status_code == 403
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    assert client.get(item.get_absolute_url()).status_code == 404
