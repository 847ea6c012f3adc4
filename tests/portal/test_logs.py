"""Logs with the request's id, as text or JSON lines (portal.logs)."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from portal.logs import JsonFormatter, RequestId, RequestIdFilter, TextFormatter, logging_config

pytestmark = pytest.mark.django_db


def test_a_response_carries_a_new_request_id(client):
    first, second = client.get("/robots.txt"), client.get("/robots.txt")

    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept(client):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="9f1c2b7e-proxy-1")

    assert response["X-Request-ID"] == "9f1c2b7e-proxy-1"


@pytest.mark.parametrize("offered", ["abc\nERROR forged line", "x" * 200, "", "<script>"])
def test_an_id_that_could_forge_a_log_line_is_replaced(client, offered):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=offered)

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def _log_through(formatter, request_headers):
    """What a log line written during a request looks like with `formatter`."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(formatter)
    logger = logging.getLogger("portal.test_logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)

    def view(request):
        logger.warning("Änderung an %s", "Frühjahrssitzung")
        return HttpResponse()

    try:
        response = RequestId(view)(RequestFactory().get("/", headers=request_headers))
        logger.warning("after the request")
    finally:
        logger.removeHandler(handler)
    return stream.getvalue().splitlines(), response


def test_json_lines_carry_the_request_id():
    [during, after], response = _log_through(JsonFormatter(), {"X-Request-ID": "req-42"})

    entry = json.loads(during)
    assert entry["request_id"] == "req-42" == response["X-Request-ID"]
    assert entry["message"] == "Änderung an Frühjahrssitzung"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "portal.test_logs"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["time"])
    assert json.loads(after)["request_id"] is None


def test_text_lines_carry_the_request_id():
    [during, after], _ = _log_through(TextFormatter(), {"X-Request-ID": "req-42"})

    assert during == "WARNING portal.test_logs [req-42]: Änderung an Frühjahrssitzung"
    assert after == "WARNING portal.test_logs: after the request"


def test_a_json_line_keeps_the_traceback():
    try:
        raise ValueError("kaputt")
    except ValueError:
        record = logging.LogRecord(
            "x", logging.ERROR, "", 0, "failed", (), __import__("sys").exc_info()
        )

    entry = json.loads(JsonFormatter().format(record))

    assert "ValueError: kaputt" in entry["exception"]


def test_the_log_format_is_chosen_by_the_environment():
    assert logging_config(log_format="json")["handlers"]["console"]["formatter"] == "json"
    assert logging_config()["handlers"]["console"]["formatter"] == "text"
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config(log_format="xml")
