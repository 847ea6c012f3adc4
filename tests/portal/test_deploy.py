"""The container's start-up without a container: static files collected as at build time
(Dockerfile), then deploy/start (the image's command: migrate, gunicorn) with the production
environment, until the portal is ready and serves its start page."""

import json
import re

import pytest

from tests.postgres import (
    PYTHON,
    copy_of_test_database,
    free_port,
    get,
    manage,
    portal_environment,
    running,
    wait_for,
)

# What the proxy (deploy/nginx.conf) tells the portal about a visitor's HTTPS request.
THROUGH_THE_PROXY = {"X-Forwarded-Proto": "https", "X-Request-ID": "proxy-4711"}


@pytest.fixture
def own_database(tmp_path, db):
    """A server of the test's own with a copy of the tests' database (`db`: created)."""
    with copy_of_test_database(tmp_path) as server:
        yield server


def test_the_production_start_up_serves_the_portal(own_database, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = portal_environment(
        SECRET_KEY="a-production-like-secret-key-for-the-start-up-test-0123456789",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        DATABASE_URL=own_database.url(),
        STATIC_ROOT=tmp_path / "static",
        MEDIA_ROOT=tmp_path / "media",
        LOG_FORMAT="json",
        BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=2,
        PYTHON=PYTHON,
    )
    manage("collectstatic", "--no-input", "-v", "0", environment=environment)
    assert (tmp_path / "static" / "staticfiles.json").exists()

    log = tmp_path / "portal.log"
    with running(["deploy/start"], environment=environment, log=log) as portal:
        status, _, body = wait_for(base + "/readyz", process=portal, seconds=90)
        assert json.loads(body) == {
            "status": "ok",
            "checks": {"database": "ok", "migrations": "ok", "cache": "ok"},
        }

        status, headers, body = get(base + "/", headers=THROUGH_THE_PROXY)
        assert status == 200
        assert '<html lang="de"' in body
        assert headers["X-Request-ID"] == "proxy-4711"
        assert "Set-Cookie" not in headers
        # Static files under their hashed names, served by whitenoise.
        stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', body).group(1)
        status, headers, _ = get(base + stylesheet, headers=THROUGH_THE_PROXY)
        assert status == 200
        assert "immutable" in headers["Cache-Control"]
        # Without DEBUG: plain HTTP is sent to HTTPS.
        status, headers, _ = get(base + "/")
        assert status == 301
        assert headers["Location"].startswith("https://")

    output = log.read_text()
    assert "Operations to perform" in output  # deploy/start migrated
    assert "Booting worker" in output
