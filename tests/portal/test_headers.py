"""Security headers (README, "Security headers"): the deployment check passes with the
production settings, visitors get the strict Content-Security-Policy and no cookie, staff the
policy the CMS toolbar and the admin need."""

import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from contacts.models import Contact
from events.models import Event
from initiatives.models import Initiative
from networks.models import Municipality, Network
from news.models import NewsItem

pytestmark = pytest.mark.django_db

# README, "Production": the environment of a deployment.
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
    "ALLOWED_HOSTS": "netzwerke.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://netzwerke.example.org",
    "EMAIL_URL": "smtp://portal:geheim@mail.example.org:587?tls=1",
    "OPEN_DATA_CONTACT_EMAIL": "offene-daten@example.org",
    "OPEN_DATA_CONTRIBUTOR_ID": "http://dcat-ap.de/def/contributors/beispiel",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_deploy_check_passes_with_the_production_settings():
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is refused by the deployment check.
        if key not in {"DEBUG", "PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not key.startswith(("DATABASE_", "EMAIL_", "CACHE_", "OPEN_DATA_"))
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_visitors_get_the_strict_policy_with_a_nonce(client):
    response = client.get("/", secure=True)

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert re.fullmatch(r"'nonce-[A-Za-z0-9+/]{22}=='", policy["script-src"][1])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == policy["frame-ancestors"] == policy["form-action"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "browsing-topics=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert not response.cookies


def test_each_page_gets_its_own_nonce_and_a_cached_page_keeps_its_header(client):
    client.get("/netzwerke/")  # a first view may create the page's placeholders
    first = client.get("/netzwerke/")["Content-Security-Policy"]
    cached = client.get("/netzwerke/")["Content-Security-Policy"]
    other = client.get("/staedte/")["Content-Security-Policy"]

    assert cached == first
    assert other != first


def test_staff_get_the_staff_policy(client, admin_user):
    client.force_login(admin_user)

    for url in ["/", "/admin/", "/admin/networks/network/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        expected = settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]
        assert policy["style-src"][:1] == ["'self'"]
        assert policy["object-src"] == ["'none'"], url
        assert "'unsafe-eval'" not in policy["script-src"], url
        assert policy.keys() == expected.keys(), url
        assert "Permissions-Policy" in response


def public_urls():
    return [
        "/",
        "/barrierefreiheit/",
        "/netzwerke/",
        "/netzwerke/?q=Stadt",
        Network.objects.first().get_absolute_url(),
        "/staedte/",
        "/staedte/?district=nirgendwo",
        Municipality.objects.get(slug="cottbus").get_absolute_url(),
        "/initiativen/",
        Initiative.objects.first().get_absolute_url(),
        "/veranstaltungen/?when=all",
        "/veranstaltungen/?date_from=gestern",
        "/veranstaltungen/monat/",
        Event.objects.public().first().get_absolute_url(),
        "/aktuelles/",
        *[item.get_absolute_url() for item in NewsItem.objects.public()[:1]],
        "/kontakte/",
        Contact.objects.public().first().get_absolute_url(),
        "/suche/?q=Innenstadt",
        "/offene-daten/",
        "/en/netzwerke/",
        "/gibt-es-nicht/",
        "/veranstaltungen/%00/",
        "/robots.txt",
    ]


def test_visitors_get_no_cookie_on_any_public_page(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert not response.cookies, url
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert "Content-Security-Policy" in response, url


def test_the_staff_policy_names_the_inline_scripts_of_the_installed_filer():
    """The hashes in CONTENT_SECURITY_POLICY_STAFF are those of django-filer's inline scripts
    and handlers; a new version of filer that changes them fails here, not in an editor's
    browser."""
    import filer

    templates = Path(filer.__file__).parent / "templates" / "admin" / "filer"
    scripts = [
        match.group(1)
        for name in ["folder/new_folder_form.html", "dismiss_popup.html", "image/expand.html"]
        for match in re.finditer(
            r"<script[^>]*>(.*?)</script>", (templates / name).read_text(), re.S
        )
    ]
    handlers = re.findall(
        r'\sonclick="([^"{]*)"',
        (templates / "folder/directory_listing.html").read_text()
        + (templates / "image/expand.html").read_text(),
    )
    policy = settings.CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"]

    assert len(scripts) == 3 and len(set(handlers)) == 2
    for script in scripts:
        assert sha256_source(script) in policy["script-src"]
    for handler in handlers:
        assert sha256_source(handler) in policy["script-src-attr"]


def sha256_source(text):
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"
