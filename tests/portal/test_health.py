"""/healthz and /readyz for load balancers (portal.health)."""

import pytest
from django.db import OperationalError
from django.db.migrations.recorder import MigrationRecorder

from portal import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database_cookies_or_an_allowed_host(
    client, django_assert_num_queries
):
    # django-cms notes a changed page tree (the demo data's) after the first request that
    # finishes; that is not the health check's.
    client.get("/healthz")
    with django_assert_num_queries(0):
        # A load balancer asks by the address of the machine, not the portal's name.
        response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_readyz_reports_database_migrations_and_cache(client):
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok"},
    }


def test_readyz_answers_503_while_a_migration_is_not_applied(client):
    # Undone with the test's transaction.
    (app, name), _ = next(
        leaf for leaf in health._leaf_migrations() if leaf[0][0] == "portal" and not leaf[1]
    )
    MigrationRecorder.Migration.objects.filter(app=app, name=name).delete()

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["migrations"] == f"missing: portal.{name}"


def test_readyz_answers_503_without_the_database(client, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", Unreachable())

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable (OperationalError)"
    assert response.json()["checks"]["migrations"] == "unknown"


def test_readyz_answers_503_without_the_cache(client, settings):
    # Nothing listens on port 1.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("unreachable")


def test_health_checks_only_answer_reads(client):
    response = client.post("/readyz")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
