"""Helpers that tests of several modules use. Fixtures are in tests/conftest.py, the POST data
of admin forms in tests/admin_forms.py."""

import csv
import io
import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.db import DataError, IntegrityError, connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version

from opendata.datasets import LICENCE_URL
from tests.contacts.factories import ContactFactory
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import MembershipFactory, MunicipalityFactory, TopicFactory

# Clients and records


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def event_in(network, **fields):
    event = EventFactory(**fields)
    event.networks.set([network])
    return event


def refused(create):
    # A value longer than the column is a DataError, a broken constraint an IntegrityError.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        create()


# Lists


def names(response):
    return {str(row) for row in response.context["object_list"]}


# The titles of the events of the fixture calendar_events that the public may not see.
CALENDAR_HIDDEN = {"Entwurf", "Eingereicht", "Geplant"}


# CMS pages


def published_page(user, slug, *plugins):
    page = create_page(slug, "cms/page.html", "de", slug=slug, created_by=user)
    content = PageContent.admin_manager.get(page=page, language="de")
    placeholder = content.rescan_placeholders()["content"]
    for plugin_type, data in plugins:
        add_plugin(placeholder, plugin_type, "de", **data)
    Version.objects.get_for_content(content).publish(user)
    return f"/{slug}/"


# schema.org JSON-LD

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    head = html[: html.index("</head>")]
    scripts = SCRIPT.findall(head)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data


# RSS and Atom feeds

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ElementTree.fromstring(response.content).find("channel")
    items = {item.findtext("title"): item for item in channel.findall("item")}
    return channel, items


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.findall(f"{ATOM}entry")}
    return feed, entries


# Open-data downloads


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    return response


def csv_rows(client, url):
    response = download(client, url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8"))))


def json_data(client, url):
    return json.loads(download(client, url).getvalue())


# SQL queries


def grow(network, count):
    """Add `count` rows of every kind around `network`."""
    topic = TopicFactory()
    for _ in range(count):
        municipality = MunicipalityFactory()
        MembershipFactory(network=network, municipality=municipality)
        initiative = InitiativeFactory(network=network)
        initiative.municipalities.set([municipality])
        initiative.topics.set([topic])
        event = EventFactory(host_municipality=municipality)
        event.networks.set([network])
        event.topics.set([topic])
        contact = ContactFactory()
        contact.networks.set([network])
        contact.municipalities.set([municipality])
    network.topics.add(topic)


def count_queries(client, url):
    """The queries a page runs when it is rendered (not when a cached copy is served)."""
    with override_settings(PAGE_CACHE_SKIP=("/",)):
        client.get(url)  # warm the menu cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


# The sitemap

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(client):
    """The paths of every address the sitemap lists, through its index and all its files."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    paths = set()
    for sitemap in ElementTree.fromstring(index.getvalue()).iter(f"{SITEMAP_NS}loc"):
        parts = urlsplit(sitemap.text)
        response = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        assert response.status_code == 200, sitemap.text
        root = ElementTree.fromstring(response.getvalue())
        paths |= {urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP_NS}loc")}
    return paths
