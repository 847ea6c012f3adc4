"""Who hears what about an event (events.notices): the network offices of its networks about
a submission and about a city editor's correction of a public event, the author about
publication, cancellation and sending back; in German, with links."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from events import notices, workflow
from events.models import Event
from notices.mail import resend
from notices.models import Notice
from tests.events.factories import EventFactory
from tests.helpers import event_in, logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.notices.test_mail import MAIL_SERVER_DOWN
from tests.portal.factories import (
    AdministratorFactory,
    CityEditorFactory,
    NetworkOfficeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BASE = "https://netzwerke.example.org"


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
        municipalities=[city],
        email="redaktion@stadt.example.org",
        first_name="Rita",
        last_name="Redakteurin",
    )
    office = NetworkOfficeFactory(
        networks=[network], email="buero@netz.example.org", first_name="Olga", last_name="Office"
    )
    colleague = NetworkOfficeFactory(
        networks=[network, other_network], email="kollege@netz.example.org"
    )
    # Not told: without address, inactive, of another network, not an office.
    NetworkOfficeFactory(networks=[network], email="")
    NetworkOfficeFactory(networks=[network], email="alt@netz.example.org", is_active=False)
    NetworkOfficeFactory(networks=[other_network], email="andere@netz.example.org")
    CityEditorFactory(municipalities=[city], email="kollegin@stadt.example.org")
    event = event_in(
        network,
        title="Frühjahrssitzung",
        slug="fruehjahrssitzung",
        host_municipality=city,
        status=Event.Status.DRAFT,
        created_by=author,
    )
    return {
        "network": network,
        "city": city,
        "author": author,
        "office": office,
        "colleague": colleague,
        "event": event,
    }


def _change_link(event):
    return BASE + reverse("admin:events_event_change", args=[event.pk])


# Submitted: the network offices


def test_a_submission_goes_to_the_offices_of_the_events_networks(world, told):
    event = world["event"]
    event.status = Event.Status.SUBMITTED
    event.save()

    [message] = told(lambda: notices.step_taken(event, "submit", user=world["author"]))

    assert sorted(message.to) == ["buero@netz.example.org", "kollege@netz.example.org"]
    assert message.subject == "Zur Prüfung eingereicht: Frühjahrssitzung"
    assert message.body.startswith("Guten Tag,\n\n")
    assert "Rita Redakteurin hat die Veranstaltung „Frühjahrssitzung“" in message.body
    assert "zur Prüfung eingereicht." in message.body
    assert "Netzwerke: Arbeitskreis Test" in message.body
    assert _change_link(event) in message.body
    assert BASE + reverse("admin:events_event_changelist") + "?arbeitsstand=pruefen" in (
        message.body
    )
    assert Notice.objects.get().status == Notice.Status.SENT


def test_without_an_office_a_submission_goes_to_the_administrators(told):
    event = event_in(NetworkFactory(), status=Event.Status.SUBMITTED)
    AdministratorFactory(email="verwaltung@example.org")
    AdministratorFactory(email="")
    User.objects.create_superuser("oberste", email="oberste@example.org", password=None)
    NetworkOfficeFactory(networks=[NetworkFactory()], email="andere@netz.example.org")

    [message] = told(lambda: notices.step_taken(event, "submit", user=CityEditorFactory()))

    assert sorted(message.to) == ["oberste@example.org", "verwaltung@example.org"]


def test_nobody_is_told_of_their_own_doing(world, told):
    event = world["event"]

    [message] = told(lambda: notices.step_taken(event, "submit", user=world["office"]))

    assert message.to == ["kollege@netz.example.org"]


# Published, cancelled, sent back: the author


def test_the_author_hears_of_the_publication_with_the_link_to_the_page(world, told):
    event = world["event"]
    event.status = Event.Status.PUBLISHED
    event.save()

    [message] = told(lambda: notices.step_taken(event, "publish", user=world["office"]))

    assert message.to == ["redaktion@stadt.example.org"]
    assert message.subject == "Veröffentlicht: Frühjahrssitzung"
    assert "Olga Office hat Ihre Veranstaltung „Frühjahrssitzung“" in message.body
    assert f"Im Portal:\n{BASE}{event.get_absolute_url()}" in message.body
    assert _change_link(event) in message.body


def test_a_publication_for_later_names_the_time(world, told):
    event = world["event"]
    event.status = Event.Status.PUBLISHED
    event.publish_at = timezone.now() + timedelta(days=2)
    event.save()

    [message] = told(lambda: notices.step_taken(event, "publish", user=world["office"]))

    assert "Im Portal ab " in message.body
    assert f"{BASE}{event.get_absolute_url()}" in message.body


def test_the_author_hears_of_the_cancellation(world, told):
    event = world["event"]
    event.status = Event.Status.CANCELLED
    event.save()

    [message] = told(lambda: notices.step_taken(event, "cancel", user=world["office"]))

    assert message.to == ["redaktion@stadt.example.org"]
    assert message.subject == "Abgesagt: Frühjahrssitzung"
    assert "als abgesagt markiert" in message.body
    assert f"{BASE}{event.get_absolute_url()}" in message.body


def test_the_author_hears_why_the_event_was_sent_back(world, told):
    event = world["event"]

    [message] = told(
        lambda: notices.step_taken(
            event, "send_back", user=world["office"], reason="Bitte den Ort ergänzen."
        )
    )

    assert message.to == ["redaktion@stadt.example.org"]
    assert message.subject == "Zur Überarbeitung zurück: Frühjahrssitzung"
    assert "zur Überarbeitung an Sie zurückgegeben" in message.body
    assert "Begründung: Bitte den Ort ergänzen." in message.body
    assert _change_link(event) in message.body
    # A draft is not public: no link to the site.
    assert event.get_absolute_url() not in message.body


@pytest.mark.parametrize("author", [None, "without address", "inactive"])
def test_an_author_without_address_hears_nothing(world, told, author):
    event = world["event"]
    event.created_by = {
        None: None,
        "without address": UserFactory(email=""),
        "inactive": UserFactory(email="weg@example.org", is_active=False),
    }[author]
    event.save()

    assert told(lambda: notices.step_taken(event, "publish", user=world["office"])) == []
    assert not Notice.objects.exists()


def test_the_texts_are_german_whatever_the_persons_language(world, told):
    event = world["event"]

    with translation.override("en"):
        [message] = told(lambda: notices.step_taken(event, "send_back", user=world["office"]))

    assert message.subject == "Zur Überarbeitung zurück: Frühjahrssitzung"
    assert "/en/" not in message.body


# Corrections of public events


def test_the_office_hears_of_a_city_editors_correction_of_a_public_event(world, told):
    event = world["event"]
    event.status = Event.Status.PUBLISHED
    event.save()

    [message] = told(lambda: notices.corrected(event, user=world["author"]))

    assert sorted(message.to) == ["buero@netz.example.org", "kollege@netz.example.org"]
    assert message.subject == "Geändert: Frühjahrssitzung"
    assert "Rita Redakteurin hat die veröffentlichte Veranstaltung" in message.body
    assert BASE + reverse("admin:events_event_history", args=[event.pk]) in message.body


def test_no_correction_notice_for_drafts_or_the_offices_own_changes(world, told):
    event = world["event"]

    assert told(lambda: notices.corrected(event, user=world["author"])) == []
    event.status = Event.Status.PUBLISHED
    event.save()
    assert told(lambda: notices.corrected(event, user=world["office"])) == []


# A status set in the form


@pytest.mark.parametrize(
    ("previous", "status", "subject"),
    [
        (None, Event.Status.SUBMITTED, "Zur Prüfung eingereicht"),
        (Event.Status.DRAFT, Event.Status.SUBMITTED, "Zur Prüfung eingereicht"),
        (Event.Status.SUBMITTED, Event.Status.PUBLISHED, "Veröffentlicht"),
        (Event.Status.PUBLISHED, Event.Status.CANCELLED, "Abgesagt"),
        (Event.Status.SUBMITTED, Event.Status.DRAFT, "Zur Überarbeitung zurück"),
        (Event.Status.PUBLISHED, Event.Status.DRAFT, None),
        (Event.Status.PUBLISHED, Event.Status.PUBLISHED, None),
    ],
)
def test_a_status_set_in_the_form_counts_as_the_step(world, told, previous, status, subject):
    event = world["event"]
    event.status = status
    event.save()
    user = AdministratorFactory(email="verwaltung@example.org")

    sent = told(lambda: notices.status_changed(event, previous, user=user))

    assert [message.subject.split(":")[0] for message in sent] == ([subject] if subject else [])


# The mail server down


def test_a_save_succeeds_while_the_mail_server_is_down_and_the_notice_is_sent_later(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    event = world["event"]

    with MAIL_SERVER_DOWN, django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            event.status = Event.Status.SUBMITTED
            event.save()
            notices.step_taken(event, "submit", user=world["author"])

    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED
    notice = Notice.objects.get()
    assert notice.status == Notice.Status.FAILED
    assert "ConnectionRefusedError" in notice.error
    assert mailoutbox == []

    assert resend(notice)

    [message] = mailoutbox
    assert message.subject == "Zur Prüfung eingereicht: Frühjahrssitzung"
    assert sorted(message.to) == ["buero@netz.example.org", "kollege@netz.example.org"]


# Through the admin: once events.workflow and events.admin call events.notices.



def test_the_admins_submit_action_tells_the_offices(world, told):
    event = world["event"]

    sent = told(
        lambda: logged_in(world["author"]).post(
            reverse("admin:events_event_changelist"),
            {"action": "submit_events", "_selected_action": [event.pk]},
        )
    )

    assert [(message.subject, sorted(message.to)) for message in sent] == [
        (
            "Zur Prüfung eingereicht: Frühjahrssitzung",
            ["buero@netz.example.org", "kollege@netz.example.org"],
        )
    ]


def test_each_step_tells_by_itself(world, told):
    event, office = world["event"], world["office"]
    event.status = Event.Status.SUBMITTED
    event.save()

    sent_back = told(lambda: workflow.send_back(event, user=office, reason="Ort fehlt."))
    told(lambda: workflow.submit(event, user=world["author"]))
    published = told(lambda: workflow.publish(event, user=office))
    cancelled = told(lambda: workflow.cancel(event, user=office))

    assert [message.to for message in sent_back + published + cancelled] == [
        ["redaktion@stadt.example.org"]
    ] * 3
    assert "Begründung: Ort fehlt." in sent_back[0].body


def test_demo_events_without_author_are_fine(told):
    event = EventFactory(status=Event.Status.PUBLISHED)

    assert told(lambda: notices.step_taken(event, "cancel", user=AdministratorFactory())) == []
