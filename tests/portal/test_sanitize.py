"""No script, event-handler attribute or javascript: link is stored or rendered: not in any
free-text field saved through the admin, not in the CMS's text plugin."""

import pytest
from cms.api import add_plugin
from django.contrib.admin import site
from django.contrib.auth.models import User
from django.core.validators import RegexValidator
from django.test import Client, RequestFactory
from django.urls import reverse

from events.models import Event
from portal.admin_base import PortalModelAdmin
from portal.sanitize import clean_plain_text, is_free_text
from tests.admin_forms import admin_form_data
from tests.contacts.factories import ContactFactory, OrganisationFactory, PartnershipFactory
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(2)">klick</a>',
    "<svg/onload=alert(3)>",
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "<<script>script>alert(5)<</script>/script>",
    '<p style="x" onmouseover="alert(6)">Absatz</p>',
    "<iframe src=javascript:alert(7)></iframe>",
]
LONG_PAYLOAD = "Text " + "".join(PAYLOADS)
SHORT_PAYLOAD = "<b onclick=alert(8)>x</b>"
DANGEROUS = ["<", ">", "script", "onerror", "onload", "onmouseover", "onclick", "javascript:"]


def assert_harmless(text):
    for fragment in DANGEROUS:
        assert fragment not in text.lower(), (fragment, text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_is_stripped_from_plain_text(payload):
    assert_harmless(clean_plain_text(payload))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a < b & c > d", "a < b & c > d"),
        ("Erste Zeile\nzweite Zeile\n\nneuer Absatz", "Erste Zeile\nzweite Zeile\n\nneuer Absatz"),
        ("https://example.org/?a=1&b=2", "https://example.org/?a=1&b=2"),
        ("„Anführungszeichen“ und 'einfache'", "„Anführungszeichen“ und 'einfache'"),
        ('<a href="javascript:alert(1)">klick</a> hier', "klick hier"),
    ],
)
def test_plain_text_stays_as_typed(text, expected):
    assert clean_plain_text(text) == expected


RECORDS = {
    "municipality": MunicipalityFactory,
    "network": NetworkFactory,
    "membership": MembershipFactory,
    "event": lambda: EventFactory(status=Event.Status.PUBLISHED),
    "initiative": InitiativeFactory,
    "contact": ContactFactory,
    "organisation": OrganisationFactory,
    "partnership": PartnershipFactory,
    "topic": TopicFactory,
}


def free_text_fields(model_admin, request, obj):
    """The free-text fields of the admin form, but for codes with a fixed pattern (AGS,
    postal code), which refuse any other text anyway."""
    form = model_admin.get_form(request, obj, change=True)
    model_fields = {field.name: field for field in model_admin.model._meta.fields}
    return [
        name
        for name, field in form.base_fields.items()
        if is_free_text(field)
        and not any(
            isinstance(validator, RegexValidator)
            for validator in getattr(model_fields.get(name), "validators", ())
        )
    ]


@pytest.fixture
def superuser():
    return User.objects.create_superuser("sanitiser", password=None)


def test_every_admin_is_a_portal_admin():
    from contacts.models import Contact, Organisation, Partnership
    from initiatives.models import Initiative
    from networks.models import Membership, Municipality, Network, Topic

    for model in (Municipality, Network, Membership, Event, Initiative, Contact):
        assert isinstance(site._registry[model], PortalModelAdmin)
    for model in (Organisation, Partnership, Topic):
        assert isinstance(site._registry[model], PortalModelAdmin)


@pytest.mark.parametrize("name", list(RECORDS))
def test_payloads_in_every_free_text_field_are_stripped_on_save(name, superuser):
    obj = RECORDS[name]()
    model_admin = site._registry[type(obj)]
    request = RequestFactory().get("/")
    request.user = superuser
    fields = free_text_fields(model_admin, request, obj)
    assert fields, "every model has free text"
    client = Client()
    client.force_login(superuser)
    opts = obj._meta
    change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    changes = {}
    for field in fields:
        max_length = model_admin.get_form(request, obj).base_fields[field].max_length
        changes[field] = (
            LONG_PAYLOAD if max_length is None or max_length >= len(LONG_PAYLOAD) else SHORT_PAYLOAD
        )

    response = client.post(change_url, admin_form_data(client.get(change_url), **changes))

    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    for field in fields:
        assert_harmless(getattr(obj, field))


def test_sanitised_event_text_is_not_rendered_as_markup(superuser):
    event = EventFactory(status=Event.Status.PUBLISHED)
    client = Client()
    client.force_login(superuser)
    change_url = reverse("admin:events_event_change", args=[event.pk])
    data = admin_form_data(
        client.get(change_url), summary=LONG_PAYLOAD, description=LONG_PAYLOAD, venue=SHORT_PAYLOAD
    )
    assert client.post(change_url, data).status_code == 302

    page = Client().get(event.get_absolute_url())

    assert page.status_code == 200
    html = page.content.decode()
    for fragment in ("alert(", "onerror", "onload", "javascript:"):
        assert fragment not in html
    preview = client.get(reverse("admin:events_event_preview", args=[event.pk]))
    assert "alert(" not in preview.content.decode()


def test_text_plugin_body_is_sanitised_on_save_and_render():
    event = EventFactory(status=Event.Status.PUBLISHED)
    placeholder = event.content_placeholder
    plugin = add_plugin(
        placeholder,
        "TextPlugin",
        "de",
        body="<p>Willkommen <strong>in der Stadt</strong></p>" + "".join(PAYLOADS),
    )

    plugin.refresh_from_db()
    assert "<strong>in der Stadt</strong>" in plugin.body
    for fragment in ("<script", "onerror", "onload", "onmouseover", "javascript:", "<iframe"):
        assert fragment not in plugin.body.lower()
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "in der Stadt" in html
    for fragment in ("<script>alert", "onerror=", "onload=", "onmouseover=", "javascript:"):
        assert fragment not in html


OVERLAY = (
    '<p style="position:fixed;inset:0;z-index:9999;background:red">Übernommen</p>'
    '<p class="lead"><span style="display:none">versteckt</span> sichtbar</p>'
)


def test_text_plugin_keeps_no_style_attribute():
    event = EventFactory(status=Event.Status.PUBLISHED)
    plugin = add_plugin(event.content_placeholder, "TextPlugin", "de", body=OVERLAY)

    plugin.refresh_from_db()
    assert "style" not in plugin.body
    assert '<p>Übernommen</p><p class="lead">' in plugin.body
    html = Client().get(event.get_absolute_url()).content.decode()
    assert "Übernommen" in html
    assert "position:fixed" not in html and 'style="' not in html


def test_text_plugin_form_field_drops_style():
    from djangocms_text.fields import HTMLFormField

    cleaned = HTMLFormField(required=False).clean(OVERLAY)

    assert "style" not in cleaned
    assert "sichtbar" in cleaned


def test_payloads_in_inline_rows_are_stripped_on_save(superuser):
    from networks.models import NetworkItem

    network = NetworkFactory()
    item = NetworkItem.objects.create(network=network, kind="goal", text="Ein Ziel")
    client = Client()
    client.force_login(superuser)
    change_url = reverse("admin:networks_network_change", args=[network.pk])
    form = client.get(change_url)
    prefix = form.context["inline_admin_formsets"][0].formset.prefix
    data = admin_form_data(form, **{f"{prefix}-0-text": LONG_PAYLOAD})

    assert client.post(change_url, data).status_code == 302

    item.refresh_from_db()
    assert item.text.startswith("Text")
    assert_harmless(item.text)
