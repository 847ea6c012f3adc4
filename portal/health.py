"""Health checks for load balancers and orchestrators.

`/healthz`: the process lives and answers (200 "ok"); touches nothing else, so an outage of the
database does not get healthy processes restarted.
`/readyz`: the process can serve pages: the database answers, every migration on disk is
applied, the cache answers. 200 with {"status": "ok", ...}, otherwise 503 and what is wrong.

`HealthChecks` answers both at the top of MIDDLEWARE, before anything that reads the session,
sets cookies, redirects to HTTPS or touches the database (django-cms' URL check queries it on
every request): so they live outside the language prefixes and set no cookies.
"""

import functools
import json
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse


@functools.cache
def _leaf_migrations():
    """The newest migration of each app on disk, with the ones it replaces (squashed)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return tuple(
        (key, tuple(loader.graph.nodes[key].replaces or ()))
        for key in sorted(loader.graph.leaf_nodes())
    )


def missing_migrations(using=connection):
    """The app.migration names of the leaf migrations that django_migrations lacks."""
    applied = MigrationRecorder(using).applied_migrations()
    return [
        f"{app}.{name}"
        for (app, name), replaces in _leaf_migrations()
        if (app, name) not in applied and not (replaces and all(r in applied for r in replaces))
    ]


def readiness():
    """{check: "ok" or what is wrong} for the database, the migrations and the cache."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError as error:
        checks["database"] = f"unreachable ({type(error).__name__})"
        checks["migrations"] = "unknown"
    else:
        try:
            missing = missing_migrations()
        except DatabaseError as error:
            checks["migrations"] = f"unknown ({type(error).__name__})"
        else:
            checks["migrations"] = f"missing: {', '.join(missing)}" if missing else "ok"
    key, token = f"portal:readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, 30)
        answered = cache.get(key)
        cache.delete(key)
        checks["cache"] = "ok" if answered == token else "does not keep values"
    except Exception as error:  # each backend raises its own errors
        checks["cache"] = f"unreachable ({type(error).__name__})"
    return checks


def healthz(request):
    return _answer(200, "ok\n", "text/plain; charset=utf-8")


def readyz(request):
    checks = readiness()
    ready = all(value == "ok" for value in checks.values())
    body = json.dumps({"status": "ok" if ready else "unavailable", "checks": checks})
    return _answer(200 if ready else 503, body + "\n", "application/json")


def _answer(status, body, content_type):
    response = HttpResponse(body, status=status, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


ENDPOINTS = {"/healthz": healthz, "/readyz": readyz}


class HealthChecks:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info.rstrip("/"))
        if endpoint is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return endpoint(request)
