"""Images and attachments where visitors see them: on the pages of networks, municipalities,
initiatives and events, and on the cards of the lists."""

import re

import pytest
from django.test import Client

from events.models import EventAttachment
from initiatives.models import InitiativeAttachment
from media.models import Attachment
from tests.events.factories import EventFactory
from tests.helpers import count_queries
from tests.initiatives.factories import InitiativeFactory
from tests.media.factories import PDF, DocumentFactory, ImageFactory
from tests.networks.factories import MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db

IMG = re.compile(r"<img [^>]*>")


def images(html):
    return IMG.findall(html)


def attribute(tag, name):
    match = re.search(rf'\b{name}="([^"]*)"', tag)
    return match and match.group(1)


@pytest.mark.parametrize(
    "make",
    [
        lambda image: NetworkFactory(image=image),
        lambda image: MunicipalityFactory(image=image),
        lambda image: InitiativeFactory(image=image),
        lambda image: EventFactory(image=image),
    ],
    ids=["network", "municipality", "initiative", "event"],
)
def test_a_record_page_shows_its_image_with_credit(client, make):
    record = make(ImageFactory(default_alt_text="Marktplatz im Sommer"))

    html = client.get(record.get_absolute_url()).content.decode()

    [img] = images(html)
    assert attribute(img, "alt") == "Marktplatz im Sommer"
    assert attribute(img, "loading") == "lazy"
    assert (attribute(img, "width"), attribute(img, "height")) == ("800", "480")
    srcset = attribute(img, "srcset")
    assert [entry.split()[-1] for entry in srcset.split(", ")] == ["400w", "800w", "1000w"]
    assert "Bild: Foto: Stadt Teststadt, CC BY 4.0" in html
    # The renditions are there to load, in the format of the settings.
    for entry in srcset.split(", "):
        url = entry.split()[0]
        assert url.endswith(".webp")
        response = Client().get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content)[8:12] == b"WEBP"


def test_an_image_without_licence_is_not_shown(client):
    network = NetworkFactory(image=ImageFactory(licence=""))

    html = client.get(network.get_absolute_url()).content.decode()

    assert not images(html)
    assert "Bild:" not in html


@pytest.mark.parametrize(
    ("make", "attachment"),
    [
        (lambda: EventFactory(), lambda event, **fields: EventAttachment(event=event, **fields)),
        (
            lambda: InitiativeFactory(),
            lambda initiative, **fields: InitiativeAttachment(initiative=initiative, **fields),
        ),
    ],
    ids=["event", "initiative"],
)
def test_a_record_page_lists_its_attachments(client, make, attachment):
    record = make()
    agenda = DocumentFactory(original_filename="tagesordnung.pdf")
    attachment(record, kind=Attachment.Kind.AGENDA, title="Tagesordnung", file=agenda).save()
    attachment(record, kind=Attachment.Kind.MINUTES, file=DocumentFactory(), position=1).save()

    html = client.get(record.get_absolute_url()).content.decode()

    section = html[html.index('<section aria-labelledby="unterlagen">') :]
    section = section[: section.index("</section>")]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert len(items) == 2
    assert f'href="{agenda.url}"' in items[0]
    assert 'type="application/pdf"' in items[0]
    text = re.sub(r"<[^>]+>", "", items[0])
    assert text == f"Tagesordnung: Tagesordnung (PDF, {len(PDF)}\xa0Bytes)"
    assert re.sub(r"<[^>]+>", "", items[1]).startswith("Protokoll: tagesordnung.pdf (PDF,")
    response = client.get(agenda.url)
    assert b"".join(response.streaming_content) == PDF


def test_cards_with_images_cost_no_query_per_card(client):
    network = NetworkFactory()
    url = f"/initiativen/?network={network.slug}"

    def add_initiatives(count):
        for _ in range(count):
            InitiativeFactory(network=network, image=ImageFactory())
        client.get(url)  # make the renditions

    add_initiatives(2)
    with_2 = count_queries(client, url)
    add_initiatives(4)
    with_6 = count_queries(client, url)

    assert with_6 == with_2
    assert len(images(client.get(url).content.decode())) == 6
