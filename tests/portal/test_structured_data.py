"""schema.org JSON-LD on the detail pages: the script element every description is in."""

import json

import pytest

from events.models import Event
from networks.models import Network
from tests.events.factories import EventFactory
from tests.helpers import SCRIPT, json_ld

pytestmark = pytest.mark.django_db


def test_text_cannot_end_the_script_element(client):
    event = EventFactory(title="</script><script>alert(1)</script> & mehr")
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(SCRIPT.search(html).group(1))
    assert data["name"] == "</script><script>alert(1)</script> & mehr"


def test_every_demo_detail_page_has_valid_json_ld(client):
    for record in [*Network.objects.all(), *Event.objects.public()]:
        data = json_ld(client, record.get_absolute_url())
        assert data["name"] and data["url"].endswith(record.get_absolute_url())
