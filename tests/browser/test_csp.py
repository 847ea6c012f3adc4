"""The Content-Security-Policy enforced in headless Chromium: no violation on any public page
type; for staff, the CMS toolbar (edit and structure mode), the text editor and the admin
work under the staff policy without a violation."""

import re
from urllib.parse import urlencode

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.utils import translation
from playwright.sync_api import expect

from contacts.models import Contact
from events.models import Event
from initiatives.models import Initiative
from networks.models import Municipality, Network

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME = "csp-browser-admin"
PASSWORD = "Csp-Geheim-2024!"

# Reports each violation on the console, with what was blocked, in every frame and popup.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`
    + ` ${event.sourceFile}:${event.lineNumber} [${event.sample}]`);
});
"""
# The jQuery 1.x inside django-cms' bundles probes whether `focusin` bubbles by setting the
# handler attribute `onfocusin="t"` on a detached element; the policy blocks it, jQuery then
# uses its own focusin shim. Nothing else is affected.
HARMLESS = re.compile(r"CSP violation: script-src-attr inline \S+/static/cms/js/dist/\S+ \[t\]$")


def watch_violations(context):
    violations = []
    context.add_init_script(REPORT_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            violations.append(f"{message.page.url if message.page else ''}: {message.text}")
            if message.text.startswith("CSP violation:") and not HARMLESS.search(message.text)
            else None
        ),
    )
    return violations


def public_urls():
    return [
        "/",
        "/barrierefreiheit/",
        "/netzwerke/",
        Network.objects.first().get_absolute_url(),
        "/staedte/",
        Municipality.objects.get(slug="cottbus").get_absolute_url(),
        "/initiativen/",
        Initiative.objects.first().get_absolute_url(),
        "/veranstaltungen/?when=all",
        "/veranstaltungen/monat/",
        Event.objects.public().first().get_absolute_url(),
        "/aktuelles/",
        "/kontakte/",
        Contact.objects.public().first().get_absolute_url(),
        "/suche/?q=Innenstadt",
        "/offene-daten/",
        "/en/netzwerke/",
        "/gibt-es-nicht/",
        "/admin/login/",
    ]


def test_no_violation_on_any_public_page(page):
    violations = watch_violations(page.context)
    for url in public_urls():
        page.goto(url)
    assert violations == []
    # The watch sees what the policy blocks: an inline style attribute.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">')")
    page.wait_for_timeout(200)
    assert any("style-src" in violation for violation in violations)


@pytest.fixture(scope="module")
def staff_admin(django_db_setup, django_db_blocker):
    """A superuser and the Cottbus page's placeholder, committed (the live server reads only
    committed data), and removed afterwards."""
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session

    with django_db_blocker.unblock():
        user = User.objects.create_superuser(USERNAME, password=PASSWORD)
        cottbus = Municipality.objects.get(slug="cottbus")
        placeholder_existed = cottbus.placeholders.filter(slot="content").exists()
        urls = staff_urls(cottbus)
    yield urls
    with django_db_blocker.unblock():
        if not placeholder_existed:
            cottbus.content_placeholder.delete()
        for session in Session.objects.all():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                session.delete()
        user.delete()


def staff_urls(cottbus):
    content = PageContent.objects.filter(
        page__urls__slug="barrierefreiheit", page__urls__language="de", language="de"
    ).get()
    placeholder = cottbus.content_placeholder
    add_text = urlencode(
        {
            "placeholder_id": placeholder.pk,
            "plugin_type": "TextPlugin",
            "plugin_language": "de",
            "plugin_position": placeholder.get_next_plugin_position("de", insert_order="last"),
            "cms_path": cottbus.get_absolute_url(),
        }
    )
    with translation.override("de"):
        return {
            "edit mode": get_object_edit_url(content),
            "structure mode": get_object_structure_url(cottbus),
            "text editor": f"/admin/cms/placeholder/add-plugin/?{add_text}",
            "change list": "/admin/networks/network/",
            "change form": f"/admin/networks/network/{Network.objects.first().pk}/change/",
            "page tree": "/admin/cms/pagecontent/",
            "media library": "/admin/filer/folder/",
        }


def test_editing_works_under_the_staff_policy(page, staff_admin):
    page.set_default_timeout(15_000)
    violations = watch_violations(page.context)
    page.goto("/admin/login/")
    page.get_by_label("Benutzername").fill(USERNAME)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")

    for name, url in staff_admin.items():
        page.goto(url)
        if name in ("edit mode", "structure mode"):
            # django-cms marks the document once its toolbar and structure board are wired.
            page.locator("html.cms-ready").wait_for(state="attached")
            expect(page.locator(".cms-toolbar")).to_be_visible()
        if name == "text editor":
            expect(page.locator(".ProseMirror")).to_be_visible()
    assert violations == [], "\n".join(violations)


def test_the_toolbar_login_works_under_the_visitors_policy(page):
    violations = watch_violations(page.context)
    page.goto("/?toolbar_on")
    page.locator("html.cms-ready").wait_for(state="attached")
    expect(page.locator(".cms-toolbar input[type=password]")).to_be_visible()
    assert violations == [], "\n".join(violations)
