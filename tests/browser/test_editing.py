"""What a city editor does, in headless Chromium, step by step and timed: log in, upload a
photo into the municipality's folder of the media library and give it alternative text,
credit and licence, add a text and the photo to the municipality's page in the CMS's
structure mode; then a visitor sees both on the public page.

The editor and everything they create are committed (the live server reads only committed
data) and removed again when the module ends, so the other tests find the demo data as
before. The wall time of each step goes to the test report (user_properties), to the
terminal and to var/browser-editing-timings.json."""

import io
import json
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from cms.toolbar.utils import get_object_structure_url
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from playwright.sync_api import expect

from networks.models import Municipality

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME = "redaktion-cottbus-browser"
PASSWORD = "Cottbus-Geheim-2024!"
FILENAME = "stadthalle-cottbus.jpg"
ALT = "Die Stadthalle Cottbus am Abend, davor der Stadtbrunnen"
CREDIT = "Foto: Stadt Cottbus"
LICENCE = "CC BY 4.0"
PARAGRAPH = "Cottbus lädt am Wochenende zum Stadtfest auf dem Altmarkt ein."
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
TIMINGS_FILE = settings.BASE_DIR / "var" / "browser-editing-timings.json"


@pytest.fixture(scope="module")
def cottbus_editor(django_db_setup, django_db_blocker):
    """The Cottbus city editor, committed; afterwards everything the test created is gone:
    the user with their folder permissions and sessions, the uploaded image with its files
    and thumbnails, the plugins on Cottbus's page, the revisions of the history."""
    from cms.models import CMSPlugin
    from django.contrib.auth.models import Group, User
    from django.contrib.sessions.models import Session
    from easy_thumbnails.models import Source
    from filer.models import File, Folder, FolderPermission
    from reversion.models import Revision

    from portal.models import Responsibility

    media_root = tempfile.mkdtemp(prefix="browser-editing-media-")
    media = override_settings(MEDIA_ROOT=media_root)
    media.enable()
    with django_db_blocker.unblock():
        cottbus = Municipality.objects.get(slug="cottbus")
        placeholder_existed = cottbus.placeholders.filter(slot="content").exists()
        placeholder = cottbus.content_placeholder
        plugins_before = set(CMSPlugin.objects.filter(placeholder=placeholder).values_list("pk"))
        last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        last_file = File.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        folders_before = set(Folder.objects.values_list("pk", flat=True))

        user = User.objects.create_user(USERNAME, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name="Redaktion Kommune"))
        Responsibility.objects.create(user=user).municipalities.set([cottbus])
        # networks/folders.py gives them „Kommunen/Cottbus“ as their Responsibility is set.
        folder = Folder.objects.get(parent__parent=None, parent__name="Kommunen", name="Cottbus")
        assert FolderPermission.objects.filter(
            user=user, folder=folder, can_add_children=FolderPermission.ALLOW
        ).exists()
        with translation.override("de"):
            structure_url = get_object_structure_url(cottbus)
    yield SimpleNamespace(
        user=user,
        structure_url=structure_url,
        public_url=cottbus.get_absolute_url(),
        folder=folder,
    )
    with django_db_blocker.unblock():
        # Plugins before the image they show (protected), revisions before their user.
        CMSPlugin.objects.filter(placeholder=placeholder).exclude(pk__in=plugins_before).delete()
        assert set(CMSPlugin.objects.filter(placeholder=placeholder).values_list("pk")) == (
            plugins_before
        )
        if not placeholder_existed:
            placeholder.delete()
        else:
            for language, _name in settings.LANGUAGES:
                placeholder.clear_cache(language)
        Revision.objects.filter(pk__gt=last_revision).delete()
        files = list(File.objects.filter(pk__gt=last_file))
        Source.objects.filter(name__in=[file.file.name for file in files]).delete()
        for file in files:
            file.delete()
        Folder.objects.exclude(pk__in=folders_before).delete()
        FolderPermission.objects.filter(user=user).delete()
        for session in Session.objects.all():
            if session.get_decoded().get("_auth_user_id") == str(user.pk):
                session.delete()
        user.delete()
        assert not Revision.objects.filter(pk__gt=last_revision).exists()
        assert not File.objects.filter(pk__gt=last_file).exists()
    media.disable()
    shutil.rmtree(media_root, ignore_errors=True)


@contextmanager
def timed(timings, name):
    start = time.perf_counter()
    yield
    timings[name] = round(time.perf_counter() - start, 2)


def jpeg(width=1600, height=1000):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (40, 110, 170))
    ImageDraw.Draw(image).rectangle(
        (width // 4, height // 3, width * 3 // 4, height), (200, 80, 40)
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def watch_responses(context):
    """Every answer of the server with a 4xx or 5xx status, for all pages and popups."""
    failed = []
    context.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return failed


def visitor_page(browser, server_url):
    """A fresh anonymous context that records and aborts requests leaving 127.0.0.1, like
    the `page` fixture."""
    context = browser.new_context(base_url=server_url, locale="de-DE")
    foreign = []

    def guard(route):
        url = route.request.url
        if url.startswith(server_url) or url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.foreign_requests = foreign
    return page


def report(request, timings, *, completed):
    request.node.user_properties.extend(
        (f"seconds: {name}", value) for name, value in timings.items()
    )
    TIMINGS_FILE.parent.mkdir(exist_ok=True)
    TIMINGS_FILE.write_text(
        json.dumps(
            {
                "test": request.node.nodeid,
                "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "completed": completed,
                "seconds": timings,
                "seconds_per_step": {
                    step: round(sum(v for name, v in timings.items() if name[0] == step), 2)
                    for step in dict.fromkeys(name[0] for name in timings)
                },
                "total_seconds": round(sum(timings.values()), 2),
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    terminal = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if terminal is not None and capture is not None:
        lines = [f"  {name}: {value:.2f} s" for name, value in timings.items()]
        with capture.global_and_fixture_disabled():
            terminal.write_line("")
            terminal.write_line("Browser editing steps (wall time):")
            for line in lines:
                terminal.write_line(line)


def test_city_editor_adds_text_and_image_to_the_cottbus_page(
    request, page, browser, server_url, cottbus_editor
):
    page.set_default_timeout(20_000)
    failed = watch_responses(page.context)
    timings = {}
    completed = False
    try:
        with timed(timings, "1 login"):
            page.goto("/admin/login/")
            page.get_by_label("Benutzername").fill(USERNAME)
            page.get_by_label("Passwort").fill(PASSWORD)
            page.locator("input[type=submit]").click()
            page.wait_for_url("**/admin/")
            expect(page.locator("#user-tools")).to_contain_text(USERNAME)

        with timed(timings, "2a upload image into Kommunen/Cottbus"):
            page.goto("/admin/filer/folder/")
            # The editor reads only their own folder: filer lists it at the top level.
            page.get_by_role("link", name="Cottbus", exact=True).click()
            page.wait_for_url(f"**/admin/filer/folder/{cottbus_editor.folder.pk}/list/**")
            expect(page.locator(".breadcrumbs")).to_contain_text("Kommunen")
            with page.expect_file_chooser() as chooser:
                page.get_by_role("link", name="Dateien hochladen").click()
            chooser.value.set_files(
                files=[{"name": FILENAME, "mimeType": "image/jpeg", "buffer": jpeg()}]
            )
            # The listing reloads, newest first, once the upload is done.
            page.wait_for_url("**order_by=-modified_at**")
            expect(page.get_by_role("link", name=FILENAME, exact=True)).to_be_visible()

        with timed(timings, "2b alt text, credit and licence"):
            page.get_by_role("link", name=FILENAME, exact=True).click()
            page.wait_for_url("**/admin/media/image/*/change/**")
            page.get_by_label("Alternativtext").fill(ALT)
            page.get_by_label("Bildnachweis").fill(CREDIT)
            page.get_by_label("Lizenz").fill(LICENCE)
            page.locator("input[name=_save]").click()
            # Back to the folder only when the form was valid; filer shows no message there.
            page.wait_for_url(f"**/admin/filer/folder/{cottbus_editor.folder.pk}/list/**")

        from media.models import Image

        image = Image.objects.get(original_filename=FILENAME)
        assert (image.default_alt_text, image.credit, image.licence) == (ALT, CREDIT, LICENCE)
        assert image.folder == cottbus_editor.folder
        assert (image.width, image.height) == (1600, 1000)

        modal = page.locator(".cms-modal")
        form = page.frame_locator(".cms-modal-frame iframe")
        plugins = page.locator(".cms-structure .cms-dragitem-text")

        with timed(timings, "3a structure mode: add text"):
            page.goto(cottbus_editor.structure_url)
            # django-cms marks the document once its structure board is wired up.
            page.locator("html.cms-ready").wait_for(state="attached")
            add = page.locator(".cms-dragbar .cms-submenu-add").first
            add.click()
            modal.get_by_role("link", name="Text", exact=True).click()
            editor = form.locator(".ProseMirror")
            editor.click()
            page.keyboard.type(PARAGRAPH)
            expect(editor).to_contain_text(PARAGRAPH)
            modal.locator(".cms-modal-buttons").get_by_text("Sichern", exact=True).click()
            expect(modal).to_be_hidden()
            expect(plugins.filter(has_text="Text")).to_have_count(1)

        with timed(timings, "3b structure mode: add image"):
            add.click()
            modal.get_by_role("link", name="Bild", exact=True).click()
            with page.expect_popup() as popup_info:
                form.get_by_text("Datei auswählen").click()
            popup = popup_info.value
            # The lookup opens the folder visited last: Cottbus.
            popup.wait_for_load_state()
            with popup.expect_event("close"):
                popup.locator("a.js-dismiss-image", has_text=FILENAME).click()
            expect(form.locator("#id_image")).to_have_value(str(image.pk))
            modal.locator(".cms-modal-buttons").get_by_text("Sichern", exact=True).click()
            expect(modal).to_be_hidden()
            expect(plugins.filter(has_text="Bild")).to_have_count(1)

        assert page.foreign_requests == []
        assert failed == []

        with timed(timings, "4 visitor sees text and image"):
            visitor = visitor_page(browser, server_url)
            visitor_failed = watch_responses(visitor.context)
            response = visitor.goto(cottbus_editor.public_url)
            assert response.status == 200
            main = visitor.locator("main#inhalt")
            expect(main.get_by_text(PARAGRAPH)).to_be_visible()
            img = main.locator("figure img")
            expect(img).to_have_count(1)
            expect(img).to_have_attribute("alt", ALT)
            expect(img).to_have_attribute("loading", "lazy")
            expect(img).to_have_attribute("width", "800")
            expect(img).to_have_attribute("height", "500")
            expect(main.locator("figure figcaption")).to_contain_text(f"Bild: {CREDIT}, {LICENCE}")
            img.scroll_into_view_if_needed()
            visitor.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=img.element_handle()
            )

        srcset = img.get_attribute("srcset")
        widths = sorted(int(entry.split()[-1].rstrip("w")) for entry in srcset.split(","))
        assert widths == [400, 800, 1200, 1600]
        visitor.wait_for_load_state("networkidle")
        results = Axe().run(visitor, options=WCAG)
        assert results.violations_count == 0, results.generate_report()
        assert visitor.foreign_requests == []
        assert visitor_failed == []
        visitor.context.close()
        completed = True
    finally:
        report(request, timings, completed=completed)
