"""Who hears what about a news item (news.notices): the network offices of its networks about a
submission and about a city editor's correction of a published item, the author about
publication, withdrawal and sending back; in German, with links, never about one's own doing."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone, translation

from news import notices, workflow
from news.models import NewsItem
from notices.models import Notice
from portal.dates import BERLIN
from tests.helpers import logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.news.factories import NewsItemFactory
from tests.portal.factories import (
    AdministratorFactory,
    CityEditorFactory,
    NetworkOfficeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BASE = "https://netzwerke.example.org"
AUTHOR = "redaktion@stadt.example.org"
OFFICES = ["buero@netz.example.org", "kollege@netz.example.org"]
FOOTER = "weil Sie für die Meldung zuständig sind."


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.PORTAL_BASE_URL = BASE


@pytest.fixture(autouse=True)
def _only_our_administrators_have_addresses():
    User.objects.filter(is_superuser=True).update(email="")


@pytest.fixture
def told(mailoutbox, django_capture_on_commit_callbacks):
    """Run `action` and send its notices as after a commit; the mails it sent."""

    def run(action):
        before = len(mailoutbox)
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return mailoutbox[before:]

    return run


@pytest.fixture
def world():
    network, other_network = NetworkFactory(name="Arbeitskreis Test"), NetworkFactory()
    city = MunicipalityFactory()
    author = CityEditorFactory(
        municipalities=[city], email=AUTHOR, first_name="Rita", last_name="Redakteurin"
    )
    office = NetworkOfficeFactory(
        networks=[network], email=OFFICES[0], first_name="Olga", last_name="Office"
    )
    NetworkOfficeFactory(networks=[network, other_network], email=OFFICES[1])
    # Not told: without address, inactive, of another network, not an office.
    NetworkOfficeFactory(networks=[network], email="")
    NetworkOfficeFactory(networks=[network], email="alt@netz.example.org", is_active=False)
    NetworkOfficeFactory(networks=[other_network], email="andere@netz.example.org")
    CityEditorFactory(municipalities=[city], email="kollegin@stadt.example.org")
    item = NewsItemFactory(
        title="Frühlingsfest",
        slug="fruehlingsfest",
        networks=[network],
        municipalities=[city],
        created_by=author,
    )
    return {"network": network, "city": city, "author": author, "office": office, "item": item}


def _change_link(item, view="change"):
    return BASE + reverse(f"admin:news_newsitem_{view}", args=[item.pk])


def _dated(item, day):
    item.published = datetime(*day, 10, 30, tzinfo=BERLIN)
    item.save()


# Submitted: the network offices


def test_a_submission_goes_to_the_offices_of_the_items_networks(world, told):
    item = world["item"]

    [message] = told(lambda: workflow.submit(item, user=world["author"]))

    assert sorted(message.to) == OFFICES
    assert message.subject == "Zur Prüfung eingereicht: Frühlingsfest"
    assert message.body.startswith("Guten Tag,\n\n")
    # Without a date yet, none is named.
    assert "Rita Redakteurin hat die Meldung „Frühlingsfest“ zur Prüfung eingereicht." in (
        message.body
    )
    assert "Netzwerke: Arbeitskreis Test" in message.body
    assert "Bitte prüfen Sie die Meldung: veröffentlichen Sie sie" in message.body
    assert _change_link(item) in message.body
    assert "Alle eingereichten Meldungen:\n" in message.body
    assert BASE + reverse("admin:news_newsitem_changelist") + "?arbeitsstand=pruefen" in (
        message.body
    )
    assert FOOTER in message.body
    assert Notice.objects.get().status == Notice.Status.SENT


def test_a_submission_names_the_items_date(world, told):
    item = world["item"]
    _dated(item, (2031, 5, 14))

    [message] = told(lambda: workflow.submit(item, user=world["author"]))

    assert "hat die Meldung „Frühlingsfest“ (14. Mai 2031) zur Prüfung eingereicht." in (
        message.body
    )


def test_without_an_office_a_submission_goes_to_the_administrators(told):
    item = NewsItemFactory(networks=[NetworkFactory()], status=NewsItem.Status.SUBMITTED)
    AdministratorFactory(email="verwaltung@example.org")
    AdministratorFactory(email="")
    User.objects.create_superuser("oberste", email="oberste@example.org", password=None)
    NetworkOfficeFactory(networks=[NetworkFactory()], email="andere@netz.example.org")

    [message] = told(lambda: notices.step_taken(item, "submit", user=CityEditorFactory()))

    assert sorted(message.to) == ["oberste@example.org", "verwaltung@example.org"]


def test_nobody_is_told_of_their_own_doing(world, told):
    item = world["item"]

    [message] = told(lambda: workflow.submit(item, user=world["office"]))

    assert message.to == [OFFICES[1]]


def test_an_office_publishing_its_own_item_tells_nobody(world, told):
    item = world["item"]
    item.created_by = world["office"]
    item.save()

    assert told(lambda: workflow.publish(item, user=world["office"])) == []
    assert not Notice.objects.exists()


# Published, withdrawn, sent back: the author


def test_the_author_hears_of_the_publication_with_the_link_to_the_page(world, told):
    item = world["item"]
    _dated(item, (2025, 3, 2))

    [message] = told(lambda: workflow.publish(item, user=world["office"]))

    assert message.to == [AUTHOR]
    assert message.subject == "Veröffentlicht: Frühlingsfest"
    assert "Olga Office hat Ihre Meldung „Frühlingsfest“ (2. März 2025) veröffentlicht." in (
        message.body
    )
    assert f"Im Portal:\n{BASE}{item.get_absolute_url()}" in message.body
    assert f"In der Verwaltung:\n{_change_link(item)}" in message.body
    assert FOOTER in message.body


def test_a_publication_for_later_names_the_time(world, told):
    item = world["item"]
    item.published = timezone.now() + timedelta(days=2)
    item.save()

    [message] = told(lambda: workflow.publish(item, user=world["office"]))

    assert "Im Portal ab " in message.body
    assert f"{BASE}{item.get_absolute_url()}" in message.body
    assert "Im Portal:\n" not in message.body


def test_the_author_hears_of_the_withdrawal(world, told):
    item = world["item"]
    _dated(item, (2025, 3, 2))
    item.status = NewsItem.Status.PUBLISHED
    item.save()

    [message] = told(
        lambda: workflow.withdraw(item, user=world["office"], reason="Termin verschoben.")
    )

    assert message.to == [AUTHOR]
    assert message.subject == "Zurückgezogen: Frühlingsfest"
    assert "Olga Office hat Ihre Meldung „Frühlingsfest“ (2. März 2025) zurückgezogen." in (
        message.body
    )
    assert "Sie ist im Portal nicht mehr öffentlich zu sehen." in message.body
    assert "Begründung: Termin verschoben." in message.body
    assert _change_link(item) in message.body
    # No longer public: no link to the site.
    assert item.get_absolute_url() not in message.body


def test_the_author_hears_why_the_item_was_sent_back(world, told):
    item = world["item"]
    item.status = NewsItem.Status.SUBMITTED
    item.save()

    [message] = told(
        lambda: workflow.send_back(item, user=world["office"], reason="Bitte die Quelle nennen.")
    )

    assert message.to == [AUTHOR]
    assert message.subject == "Zur Überarbeitung zurück: Frühlingsfest"
    assert (
        "Olga Office hat Ihre Meldung „Frühlingsfest“ zur Überarbeitung an Sie zurückgegeben."
        in message.body
    )
    assert "Begründung: Bitte die Quelle nennen." in message.body
    assert "Bitte überarbeiten Sie die Meldung und reichen Sie sie erneut ein:\n" in message.body
    assert _change_link(item) in message.body
    # A draft is not public: no link to the site.
    assert item.get_absolute_url() not in message.body


@pytest.mark.parametrize("author", [None, "without address", "inactive"])
def test_an_author_without_address_hears_nothing(world, told, author):
    item = world["item"]
    item.created_by = {
        None: None,
        "without address": UserFactory(email=""),
        "inactive": UserFactory(email="weg@example.org", is_active=False),
    }[author]
    item.save()

    assert told(lambda: workflow.publish(item, user=world["office"])) == []
    assert not Notice.objects.exists()


def test_the_texts_are_german_whatever_the_persons_language(world, told):
    item = world["item"]
    item.status = NewsItem.Status.SUBMITTED
    item.save()

    with translation.override("en"):
        [message] = told(lambda: workflow.send_back(item, user=world["office"]))

    assert message.subject == "Zur Überarbeitung zurück: Frühlingsfest"
    assert "/en/" not in message.body
    assert FOOTER in message.body


# Corrections of published items


def test_the_office_hears_of_a_city_editors_correction_of_a_published_item(world, told):
    item = world["item"]
    _dated(item, (2025, 3, 2))
    item.status = NewsItem.Status.PUBLISHED
    item.save()

    [message] = told(lambda: notices.corrected(item, user=world["author"]))

    assert sorted(message.to) == OFFICES
    assert message.subject == "Geändert: Frühlingsfest"
    assert (
        "Rita Redakteurin hat die veröffentlichte Meldung „Frühlingsfest“ (2. März 2025) "
        "geändert." in message.body
    )
    assert _change_link(item) in message.body
    assert _change_link(item, "history") in message.body
    assert f"Im Portal:\n{BASE}{item.get_absolute_url()}" in message.body


@pytest.mark.parametrize("status", [NewsItem.Status.DRAFT, NewsItem.Status.WITHDRAWN])
def test_no_correction_notice_for_items_that_are_not_published(world, told, status):
    item = world["item"]
    item.status = status
    item.save()

    assert told(lambda: notices.corrected(item, user=world["author"])) == []


def test_no_correction_notice_for_the_offices_own_changes(world, told):
    item = world["item"]
    item.status = NewsItem.Status.PUBLISHED
    item.save()

    assert told(lambda: notices.corrected(item, user=world["office"])) == []


# A status set in the form


@pytest.mark.parametrize(
    ("previous", "status", "subject"),
    [
        (None, NewsItem.Status.SUBMITTED, "Zur Prüfung eingereicht"),
        (NewsItem.Status.DRAFT, NewsItem.Status.SUBMITTED, "Zur Prüfung eingereicht"),
        (NewsItem.Status.SUBMITTED, NewsItem.Status.PUBLISHED, "Veröffentlicht"),
        (NewsItem.Status.WITHDRAWN, NewsItem.Status.PUBLISHED, "Veröffentlicht"),
        (NewsItem.Status.PUBLISHED, NewsItem.Status.WITHDRAWN, "Zurückgezogen"),
        (NewsItem.Status.SUBMITTED, NewsItem.Status.DRAFT, "Zur Überarbeitung zurück"),
        (NewsItem.Status.PUBLISHED, NewsItem.Status.DRAFT, None),
        (NewsItem.Status.WITHDRAWN, NewsItem.Status.DRAFT, None),
        (NewsItem.Status.PUBLISHED, NewsItem.Status.PUBLISHED, None),
    ],
)
def test_a_status_set_in_the_form_counts_as_the_step(world, told, previous, status, subject):
    item = world["item"]
    item.status = status
    item.save()
    user = AdministratorFactory(email="verwaltung@example.org")

    sent = told(lambda: notices.status_changed(item, previous, user=user))

    assert [message.subject.split(":")[0] for message in sent] == ([subject] if subject else [])


# Through the workflow and the admin


def test_each_step_tells_by_itself(world, told):
    item, office = world["item"], world["office"]

    submitted = told(lambda: workflow.submit(item, user=world["author"]))
    sent_back = told(lambda: workflow.send_back(item, user=office, reason="Quelle fehlt."))
    told(lambda: workflow.submit(item, user=world["author"]))
    published = told(lambda: workflow.publish(item, user=office))
    withdrawn = told(lambda: workflow.withdraw(item, user=office))

    assert sorted(submitted[0].to) == OFFICES
    assert [message.to for message in sent_back + published + withdrawn] == [[AUTHOR]] * 3
    assert [message.subject.split(":")[0] for message in sent_back + published + withdrawn] == [
        "Zur Überarbeitung zurück",
        "Veröffentlicht",
        "Zurückgezogen",
    ]


def test_a_step_not_taken_tells_nobody(world, told):
    item = world["item"]

    # A city editor does not publish, and a draft is not withdrawn.
    assert told(lambda: workflow.publish(item, user=world["author"])) == []
    assert told(lambda: workflow.withdraw(item, user=world["office"])) == []
    assert not Notice.objects.exists()


def test_the_admins_submit_action_tells_the_offices(world, told):
    item = world["item"]

    sent = told(
        lambda: logged_in(world["author"]).post(
            reverse("admin:news_newsitem_changelist"),
            {"action": "submit_items", "_selected_action": [item.pk]},
        )
    )

    assert [(message.subject, sorted(message.to)) for message in sent] == [
        ("Zur Prüfung eingereicht: Frühlingsfest", OFFICES)
    ]


def test_the_admins_publish_action_tells_the_author(world, told):
    item = world["item"]
    item.status = NewsItem.Status.SUBMITTED
    item.save()

    sent = told(
        lambda: logged_in(world["office"]).post(
            reverse("admin:news_newsitem_changelist"),
            {"action": "publish_items", "_selected_action": [item.pk]},
        )
    )

    assert [(message.subject, message.to) for message in sent] == [
        ("Veröffentlicht: Frühlingsfest", [AUTHOR])
    ]
