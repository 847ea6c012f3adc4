"""One cache for all workers: two server processes, as gunicorn runs them, answer from the same
cache, and a published change is visible on both within a second. Once with the default
cache (a table in the portal's PostgreSQL) and once with Redis, started by the test."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from networks.models import Network

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def _database_url():
    config = connections["default"].settings_dict
    host = config["HOST"].replace("/", "%2F")
    port = f":{config['PORT']}" if config["PORT"] else ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    return f"postgres://{config['USER']}{password}@{host}{port}/{config['NAME']}"


@pytest.fixture
def redis_url():
    redis = shutil.which("redis-server")
    assert redis, "redis-server is missing: `make tools` installs it"
    port = _free_port()
    process = subprocess.Popen(
        [redis, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def _environment(cache_url):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTEST_VERSION", "PYTEST_CURRENT_TEST")
    }
    return environment | {
        "DEBUG": "1",
        "DATABASE_URL": _database_url(),
        "CACHE_URL": cache_url,
        "ALLOWED_HOSTS": "127.0.0.1",
    }


def _in_the_portal(code, cache_url):
    """Run `code` in a process of the portal, as an editor's save in the admin would: its own
    connection, committed at once, the portal's cache."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=_environment(cache_url),
        check=True,
        capture_output=True,
    )


def _start_servers(request, cache_url):
    """Two server processes on the test database, sharing the cache at `cache_url` (or the
    default, the database's cache table)."""
    urls = []
    for _ in range(2):
        port = _free_port()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=_environment(cache_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        request.addfinalizer(lambda process=process: (process.terminate(), process.wait(10)))
        urls.append(f"http://127.0.0.1:{port}")
    return urls


def _published_edit_reaches_both(request, cache_url=""):
    network = Network.objects.get(slug="branek")
    path = network.get_absolute_url()
    urls = _start_servers(request, cache_url)
    for url in urls:
        _wait_for(url + path)
        _get(url + path)  # cached now
    change = (
        "from networks.models import Network; network = Network.objects.get(slug='branek'); "
        "network.summary = {!r}; network.save()"
    )
    request.addfinalizer(lambda: _in_the_portal(change.format(network.summary), cache_url))

    _in_the_portal(change.format("Von beiden Servern sofort gezeigt."), cache_url)
    time.sleep(1)

    for url in urls:
        assert "Von beiden Servern sofort gezeigt." in _get(url + path), url


def test_a_published_edit_is_visible_on_every_worker_within_a_second(request):
    _published_edit_reaches_both(request)


def test_with_redis_too(request, redis_url):
    _published_edit_reaches_both(request, redis_url)
