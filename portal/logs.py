"""Logs: every request gets an id, in each log line written while it is handled and in the
response header X-Request-ID; LOG_FORMAT=json writes one JSON object per line.

The id comes from the request's X-Request-ID header when that looks like an id (the proxy
sets one, deploy/nginx.conf, and logs it too), otherwise a new uuid4. Imported by the
settings: nothing here needs Django's settings at import time.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

HEADER = "X-Request-ID"
# Letters, digits and a few separators, at most 128: nothing that could forge a log line.
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,127}")

_request_id = contextvars.ContextVar("request_id", default=None)


def current_request_id():
    return _request_id.get()


class RequestId:
    """Middleware, near the top of MIDDLEWARE: the request's id for every log line written
    while it is handled, and for the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(HEADER, "")
        request_id = offered if SANE_ID.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives each log record the id of the request being handled (None outside requests)."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class TextFormatter(logging.Formatter):
    """Level, logger and message; the request's id in brackets where there is one."""

    def __init__(self):
        super().__init__("%(levelname)s %(name)s%(request_tag)s: %(message)s")

    def formatMessage(self, record):
        request_id = getattr(record, "request_id", None)
        record.request_tag = f" [{request_id}]" if request_id else ""
        return super().formatMessage(record)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, and the
    status and traceback where there are any."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        if isinstance(getattr(record, "status_code", None), int):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


FORMATS = ("text", "json")


def logging_config(level="WARNING", log_format="text"):
    """settings.LOGGING: everything to stderr at `level`, as text lines or (`log_format`
    json) as JSON lines; a handler "null" for loggers that are to be silenced; database
    outages logged once per request (portal.faults)."""
    if log_format not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "not_a_database_fault": {"()": "portal.faults.NotADatabaseFault"},
        },
        "formatters": {"text": {"()": TextFormatter}, "json": {"()": JsonFormatter}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            },
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"django.request": {"filters": ["not_a_database_fault"]}},
    }
