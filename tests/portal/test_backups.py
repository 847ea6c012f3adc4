"""manage.py backup and restore (portal.backups): a backup, a wipe, a restore, and every row,
history version and uploaded file is back."""

import re
import subprocess

import pytest
from django.core.management import CommandError, call_command

from tests.postgres import copy_of_test_database, manage, portal_environment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_database(tmp_path, db):
    """A server of the test's own with a copy of the tests' database (`db`: created)."""
    with copy_of_test_database(tmp_path) as server:
        yield server


def _contents(server):
    """{table: (rows, checksum of all rows)} of every table of the portal's database."""
    with server.connect() as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: connection.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            ).fetchone()
            for table in tables
        }


def _record_history(server):
    """A history version of every event, as an editor's save leaves one."""
    with server.connect() as connection:
        [(revision,)] = connection.execute(
            "INSERT INTO reversion_revision (date_created, comment) "
            "VALUES (now(), 'Ort ergänzt') RETURNING id"
        )
        connection.execute(
            "INSERT INTO reversion_version (object_id, db, format, serialized_data, "
            "object_repr, content_type_id, revision_id) "
            "SELECT event.id::text, 'default', 'json', json_build_array(row_to_json(event)), "
            "event.title, type.id, %s FROM events_event event, django_content_type type "
            "WHERE type.app_label = 'events' AND type.model = 'event'",
            [revision],
        )


def test_a_restored_backup_brings_back_every_row_history_version_and_file(own_database, tmp_path):
    media = tmp_path / "media"
    upload = media / "filer_public" / "2026" / "protokoll.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(b"%PDF-1.7 Protokoll der Sitzung")
    environment = portal_environment(
        DEBUG=1,
        DATABASE_URL=own_database.url(),
        MEDIA_ROOT=media,
        BACKUP_DIR=tmp_path / "backups",
    )
    _record_history(own_database)
    before = _contents(own_database)
    assert before["reversion_version"][0] > 0
    assert before["events_event"][0] > 0

    manage("backup", environment=environment)

    [backup] = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d{6}Z", backup.name)
    assert {path.name for path in backup.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "backup.json",
    }

    # Everything gone: every row, the history's table itself, the file.
    with own_database.connect() as connection:
        tables = ", ".join(f'"{table}"' for table in before)
        connection.execute(f"TRUNCATE {tables} CASCADE")
        connection.execute("DROP TABLE reversion_version CASCADE")
    upload.unlink()
    assert "reversion_version" not in _contents(own_database)

    refused = manage(
        "restore", str(backup), environment=environment, check=False, stdin=subprocess.DEVNULL
    )
    assert refused.returncode == 1, refused.stderr
    assert "--yes" in refused.stderr
    assert _contents(own_database)["events_event"][0] == 0

    manage("restore", str(backup), "--yes", environment=environment)

    assert _contents(own_database) == before
    assert upload.read_bytes() == b"%PDF-1.7 Protokoll der Sitzung"


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"")

    with pytest.raises(CommandError, match="media.tar.gz missing"):
        call_command("restore", str(tmp_path), "--yes")


def test_restore_asks_before_it_replaces_anything(tmp_path, monkeypatch):
    for name in ("database.dump", "media.tar.gz"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "nein")

    with pytest.raises(CommandError, match="Abgebrochen"):
        call_command("restore", str(tmp_path))
