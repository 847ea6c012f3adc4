"""iCalendar text values are escaped as RFC 5545 wants them."""

import pytest

from tests.networks.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_calendar_name_escapes_commas_and_semicolons(client):
    TopicFactory(slug="viele-themen", name="Gesundheit, Bildung; Kultur")
    response = client.get("/veranstaltungen/themen/viele-themen/kalender.ics")
    body = b"".join(response.streaming_content).decode()
    expected = "Veranstaltungen zum Thema Gesundheit\\, Bildung\\; Kultur"
    assert f"\r\nNAME:{expected}\r\n" in body
    assert f"\r\nX-WR-CALNAME:{expected}\r\n" in body
