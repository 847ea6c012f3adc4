"""Faults (portal.faults, portal.database): the database goes away and comes back while the
portal runs; the mail server is down; the embedded server's process list is broken."""

import json
import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import psutil
import pytest
from django.urls import reverse

from events.models import Event
from notices.models import Notice
from portal.database import repair_process_list
from tests.helpers import event_in, logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.notices.test_mail import MAIL_SERVER_DOWN
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory
from tests.postgres import (
    PYTHON,
    OwnServer,
    copy_of_test_database,
    free_port,
    get,
    manage,
    portal_environment,
    running,
    wait_for,
)

UNAVAILABLE = "Das Portal ist vorübergehend nicht erreichbar"


@pytest.fixture
def own_database(tmp_path, db):
    """A server of the test's own with a copy of the tests' database (`db`: created)."""
    with copy_of_test_database(tmp_path) as server:
        yield server


def _login_form(base):
    """The CSRF cookie and token of the admin's login form, for a POST later."""
    status, headers, body = get(base + "/admin/login/")
    assert status == 200
    cookie = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return cookie, token


def _post(url, data, cookie):
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(data).encode(),
        headers={"Cookie": f"csrftoken={cookie}", "Referer": url},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_pages_answer_503_while_the_database_is_down_and_recover_without_a_restart(
    own_database, tmp_path
):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = portal_environment(
        DEBUG=1, DATABASE_URL=own_database.url(), ALLOWED_HOSTS="127.0.0.1"
    )
    gunicorn = [
        *(PYTHON, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"),
        *("--workers", "1", "--no-control-socket"),
    ]
    log = tmp_path / "portal.log"
    pages = ["/", "/netzwerke/", "/veranstaltungen/", "/en/", "/admin/login/"]
    with running(gunicorn, environment=environment, log=log) as portal:
        wait_for(base + "/readyz", process=portal)
        assert [get(base + page)[0] for page in pages] == [200] * len(pages)
        cookie, token = _login_form(base)

        own_database.stop()

        for page in pages:
            status, headers, body = get(base + page)
            assert (page, status) == (page, 503)
            assert headers["Retry-After"] == "30"
            assert headers["Cache-Control"] == "no-store"
            assert UNAVAILABLE in body
            assert '<html lang="de">' in body
        # A save (here: a login) during the outage.
        status, headers, body = _post(
            base + "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": "admin", "password": "x"},
            cookie,
        )
        assert (status, headers["Retry-After"]) == (503, "30")
        assert UNAVAILABLE in body
        # The process lives; it is not ready.
        assert get(base + "/healthz")[0] == 200
        status, _, body = get(base + "/readyz")
        assert status == 503
        assert json.loads(body)["checks"]["database"].startswith("unreachable")

        own_database.start()

        assert [get(base + page)[0] for page in pages] == [200] * len(pages)
        assert get(base + "/readyz")[0] == 200
        assert portal.poll() is None

    output = log.read_text()
    # The same worker served before, during and after the outage.
    assert output.count("Booting worker") == 1
    # One line for each request during the outage, no traceback.
    assert "Datenbank nicht erreichbar, 503 für GET /netzwerke/" in output
    assert "Internal Server Error" not in output
    assert "Traceback" not in output


# The mail server down


@pytest.mark.django_db
def test_an_admin_save_succeeds_while_the_mail_server_is_down_and_the_failure_is_logged(
    caplog, django_capture_on_commit_callbacks
):
    network = NetworkFactory()
    city = MunicipalityFactory()
    author = CityEditorFactory(municipalities=[city], email="redaktion@stadt.example.org")
    NetworkOfficeFactory(networks=[network], email="buero@netz.example.org")
    event = event_in(network, host_municipality=city, status=Event.Status.DRAFT, created_by=author)

    with (
        MAIL_SERVER_DOWN,
        caplog.at_level(logging.WARNING, logger="notices"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = logged_in(author).post(
            reverse("admin:events_event_changelist"),
            {"action": "submit_events", "_selected_action": [event.pk]},
        )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED
    notice = Notice.objects.get()
    assert notice.status == Notice.Status.FAILED
    assert "ConnectionRefusedError" in notice.error
    [record] = [record for record in caplog.records if record.name == "notices"]
    assert "buero@netz.example.org" in record.getMessage()


# The embedded server's process list


@pytest.mark.parametrize("content", ["", "[4242, 42", "\x00\x00\x00", '{"pid": 1}', '[1, "2"]'])
def test_an_unreadable_process_list_is_reset(tmp_path, content, caplog):
    path = tmp_path / ".handle_pids.json"
    path.write_text(content)

    with caplog.at_level(logging.WARNING, logger="portal.database"):
        repair_process_list(tmp_path)

    assert json.loads(path.read_text()) == []
    assert "unreadable" in caplog.text


def test_ids_of_processes_that_ended_are_dropped(tmp_path):
    ended = max(psutil.pids()) + 100_000
    path = tmp_path / ".handle_pids.json"
    path.write_text(json.dumps([os.getpid(), ended]))

    repair_process_list(tmp_path)

    assert json.loads(path.read_text()) == [os.getpid()]


def test_commands_run_on_a_cluster_whose_process_list_a_killed_process_left_broken(tmp_path):
    cluster = tmp_path / "postgres"
    server = OwnServer(cluster)
    server.stop()
    process_list = cluster / ".handle_pids.json"
    environment = portal_environment(DEBUG=1, EMBEDDED_POSTGRES_DIR=cluster)
    try:
        process_list.write_text("")

        result = manage("check", environment=environment, check=False)

        assert result.returncode == 0, result.stderr
        assert "JSONDecodeError" not in result.stderr
        assert "unreadable and is reset" in result.stderr
        # The command started the server and, as its last user, stopped it again.
        assert json.loads(process_list.read_text()) == []
        assert not (cluster / "postmaster.pid").exists()
    finally:
        server.close()
