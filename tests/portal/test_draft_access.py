"""Drafts of CMS pages and records, in django-cms' and djangocms-versioning's admin views: only
people who may change the page or the record see them (portal.draft_access). Everyone else is
refused, learns nothing of the draft, and the database stays as it was."""

from types import SimpleNamespace

import pytest
from cms.api import add_plugin, create_page
from cms.models import CMSPlugin, PageContent
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.urls import reverse
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.helpers import get_preview_url, version_list_url
from djangocms_versioning.models import Version

from events.models import Event
from portal.draft_access import public_url
from portal.permissions import grant_page_subtree
from tests.events.factories import EventFactory
from tests.helpers import logged_in
from tests.networks.factories import MembershipFactory, MunicipalityFactory, NetworkFactory
from tests.portal.factories import AdministratorFactory, CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db

VERSIONS = "admin:djangocms_versioning_pagecontentversion"


def page_with_draft(author, title, secret, parent=None):
    """A published page with a newer draft that holds `secret` in its title and its text."""
    page = create_page(
        title,
        "cms/page.html",
        "de",
        created_by=author,
        parent=parent,
        site=Site.objects.get_current(),
    )
    content = PageContent.admin_manager.get(page=page, language="de")
    add_plugin(
        content.rescan_placeholders()["content"], "TextPlugin", "de", body="<p>Öffentlich.</p>"
    )
    published = Version.objects.get_for_content(content)
    published.publish(author)
    draft = published.copy(author)
    draft.content.title = f"{title} {secret}"
    draft.content.save()
    add_plugin(
        draft.content.rescan_placeholders()["content"], "TextPlugin", "de", body=f"<p>{secret}</p>"
    )
    return SimpleNamespace(page=page, published=published, draft=draft, secret=secret)


@pytest.fixture
def world(admin_user):
    own_city, other_city = MunicipalityFactory(), MunicipalityFactory()
    own_network, other_network = NetworkFactory(), NetworkFactory()
    MembershipFactory(network=own_network, municipality=own_city)
    MembershipFactory(network=other_network, municipality=other_city)
    section = create_page(
        "Aus den Kommunen",
        "cms/page.html",
        "de",
        created_by=admin_user,
        site=Site.objects.get_current(),
    )
    # Published, so that the pages below it have public addresses.
    Version.objects.get_for_content(
        PageContent.admin_manager.get(page=section, language="de")
    ).publish(admin_user)
    event = EventFactory(title="Entwurfssitzung", host_municipality=other_city, status="draft")
    event.networks.set([other_network])
    add_plugin(event.content_placeholder, "TextPlugin", "de", body="<p>GEHEIMER-TERMIN</p>")
    return SimpleNamespace(
        own_city=own_city,
        other_city=other_city,
        own_network=own_network,
        other_network=other_network,
        own_page=page_with_draft(admin_user, "Eigene Stadt", "GEHEIM-EIGEN", parent=section),
        other_page=page_with_draft(admin_user, "Andere Stadt", "GEHEIM-ANDERS", parent=section),
        event=event,
    )


def make_user(role, world):
    match role:
        case "city_editor":  # no page grant
            return CityEditorFactory(municipalities=[world.own_city])
        case "granted_editor":  # may edit the own city's page subtree
            editor = CityEditorFactory(municipalities=[world.own_city])
            grant_page_subtree(editor, world.own_page.page)
            return editor
        case "network_office":
            return NetworkOfficeFactory(networks=[world.own_network])
        case "event_editor":  # the city editor of the event's city
            return CityEditorFactory(municipalities=[world.other_city])
        case "administrator":
            return AdministratorFactory()


def page_endpoints(draft):
    """Every admin view that shows the draft of a page, by name: GET requests."""
    content = draft.draft.content
    content_type = ContentType.objects.get_for_model(PageContent).pk
    return {
        "preview": reverse(
            "admin:cms_placeholder_render_object_preview", args=[content_type, content.pk]
        ),
        "edit": reverse(
            "admin:cms_placeholder_render_object_edit", args=[content_type, content.pk]
        ),
        "structure": reverse(
            "admin:cms_placeholder_render_object_structure", args=[content_type, content.pk]
        ),
        "version preview": get_preview_url(content),
        "version list": version_list_url(content),
        "compare": reverse(f"{VERSIONS}_compare", args=[draft.published.pk])
        + f"?compare_to={draft.draft.pk}",
        "compare the draft": reverse(f"{VERSIONS}_compare", args=[draft.draft.pk]),
        "page content form": reverse("admin:cms_pagecontent_change", args=[content.pk]),
    }


def record_endpoints(record):
    content_type = ContentType.objects.get_for_model(record).pk
    return {
        mode: reverse(f"admin:cms_placeholder_render_object_{mode}", args=[content_type, record.pk])
        for mode in ("preview", "edit", "structure")
    }


def view_on_site(obj):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def database(world):
    """What these views could change: versions, page contents, plugins, the event."""
    return (
        sorted(Version.objects.values_list("pk", "state", "number", "object_id")),
        sorted(PageContent.admin_manager.values_list("pk", "title")),
        sorted(CMSPlugin.objects.values_list("pk", "placeholder_id", "position")),
        Event.objects.filter(pk=world.event.pk).values_list("status", "title").get(),
    )


def body(response):
    return response.content.decode(errors="replace")


def assert_refused(response, secret):
    # A refusal (or "no such page" for junk in the address) or a redirect to a public page,
    # never the draft.
    assert response.status_code in (403, 404, 302), response.status_code
    if response.status_code == 302:
        assert "/admin/" not in response["Location"]
    assert secret not in body(response)


PAGE_CASES = [
    ("city_editor", "own_page", False),
    ("city_editor", "other_page", False),
    ("network_office", "own_page", False),
    ("network_office", "other_page", False),
    ("granted_editor", "own_page", True),
    ("granted_editor", "other_page", False),  # another city's subtree
    ("administrator", "own_page", True),
    ("administrator", "other_page", True),
]


@pytest.mark.parametrize(("role", "which", "allowed"), PAGE_CASES)
def test_page_drafts_only_for_those_who_may_change_the_page(role, which, allowed, world):
    client = logged_in(make_user(role, world))
    draft = getattr(world, which)
    before = database(world)

    for name, url in page_endpoints(draft).items():
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, (name, response.status_code)
            if name in ("preview", "edit", "structure", "version preview", "version list"):
                assert draft.secret in body(response), name
        else:
            assert_refused(response, draft.secret)
        assert database(world) == before, name


@pytest.mark.parametrize("role", ["city_editor", "network_office", "granted_editor"])
def test_what_would_change_another_citys_draft_is_refused(role, world):
    client = logged_in(make_user(role, world))
    draft = world.other_page.draft
    before = database(world)

    for view in ("publish", "discard", "archive", "edit_redirect", "revert"):
        response = client.post(reverse(f"{VERSIONS}_{view}", args=[draft.pk]), {"discard": "1"})
        assert response.status_code == 403, (view, response.status_code)
    assert database(world) == before
    assert Version.objects.get(pk=draft.pk).state == DRAFT
    assert Version.objects.get(pk=world.other_page.published.pk).state == PUBLISHED


def test_an_own_version_cannot_be_compared_with_another_citys_draft(world):
    client = logged_in(make_user("granted_editor", world))
    own, other = world.own_page, world.other_page

    response = client.get(
        reverse(f"{VERSIONS}_compare", args=[own.published.pk]) + f"?compare_to={other.draft.pk}"
    )

    assert_refused(response, other.secret)


@pytest.mark.parametrize("query", ["", "?language=de", "?page=abc&language=de", "?page=999999"])
def test_the_list_of_every_pages_versions_is_for_administrators(query, world):
    url = reverse(f"{VERSIONS}_changelist") + query
    for role in ("city_editor", "granted_editor", "network_office"):
        response = logged_in(make_user(role, world)).get(url)
        assert_refused(response, "GEHEIM")
    response = logged_in(make_user("administrator", world)).get(url, follow=True)
    assert response.status_code in (200, 404)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("city_editor", False),
        ("network_office", False),
        ("event_editor", True),
        ("administrator", True),
    ],
)
def test_record_drafts_only_for_those_who_may_change_the_record(role, allowed, world):
    client = logged_in(make_user(role, world))
    before = database(world)

    for name, url in record_endpoints(world.event).items():
        response = client.get(url, follow=name == "edit")
        if allowed:
            assert response.status_code == 200, (name, response.status_code)
            assert "GEHEIMER-TERMIN" in body(response), name
        else:
            assert_refused(response, "GEHEIMER-TERMIN")
        assert database(world) == before, name


@pytest.mark.parametrize(
    ("role", "target", "allowed"),
    [
        ("city_editor", "other_page", False),
        ("granted_editor", "other_page", False),
        ("granted_editor", "own_page", True),
        ("network_office", "event", False),
        ("city_editor", "event", False),
        ("event_editor", "event", True),
        ("administrator", "other_page", True),
        ("administrator", "event", True),
    ],
)
def test_view_on_site_names_no_address_outside_the_persons_scope(role, target, allowed, world):
    client = logged_in(make_user(role, world))
    obj = world.event if target == "event" else getattr(world, target).draft.content

    response = client.get(view_on_site(obj))

    if allowed:
        assert response.status_code == 302
        assert response["Location"] == public_url(obj)
        assert response["Location"].startswith("/")
    else:
        assert response.status_code == 404
        assert "Location" not in response
