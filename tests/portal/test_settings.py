import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db

PROJECT_APPS = [
    "portal",
    "accounts",
    "media",
    "notices",
    "networks",
    "contacts",
    "initiatives",
    "events",
    "news",
    "opendata",
]


def test_database_is_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        # to_tsvector with the German configuration exists only in PostgreSQL.
        cursor.execute("SELECT to_tsvector('german', 'Innenstädte'), version()")
        vector, version = cursor.fetchone()
    assert "innenstadt" in vector
    assert version.startswith("PostgreSQL")


def test_system_check_is_clean():
    call_command("check", fail_level="WARNING", stdout=io.StringIO())


def test_no_missing_migrations():
    # The project's own apps: djangocms_text declares unmanaged models only under test
    # runners, which makemigrations would report for it.
    call_command(
        "makemigrations",
        *PROJECT_APPS,
        check=True,
        dry_run=True,
        stdout=io.StringIO(),
    )


def test_without_debug_a_missing_secret_key_stops_start_up():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "PYTEST_VERSION"}
    }
    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY ist nicht gesetzt" in result.stderr
