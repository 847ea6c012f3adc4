"""When the database is unreachable: 503 with Retry-After and a static German page.

Every page needs the database, most already in the middleware (the CMS checks its URL
revision on each request, sessions, the shared cache table), so an outage would otherwise
answer 500 with the error page. `DatabaseFaults` sits in MIDDLEWARE before everything that
touches the database and answers 503 instead: for an error raised by the view
(process_exception), and for one raised by any middleware inside it, which Django has already
turned into a 500 response by the time it gets here (marked on the request by the
got_request_exception signal). The page (templates/503.html) needs no database, no user and no
CMS. Once the database is back, the next request opens a new connection (CONN_HEALTH_CHECKS
drops the broken persistent ones): the portal recovers on its own.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

# What clients and proxies are told to wait before they ask again.
RETRY_AFTER_SECONDS = 30
_MARK = "_portal_database_fault"

logger = logging.getLogger(__name__)

FALLBACK_PAGE = (
    '<!DOCTYPE html><html lang="de"><meta charset="utf-8">'
    "<title>Vorübergehend nicht erreichbar</title>"
    "<h1>Das Portal ist vorübergehend nicht erreichbar</h1>"
    "<p>Bitte versuchen Sie es in einigen Minuten noch einmal.</p></html>"
)


def database_fault(exception):
    """The database error behind `exception` (itself, its cause or context), or None."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, (OperationalError, InterfaceError)):
            return exception
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return None


def unavailable_response():
    try:
        page = render_to_string("503.html")
    except Exception:  # e.g. no staticfiles manifest: still say what is going on
        logger.exception("templates/503.html could not be rendered")
        page = FALLBACK_PAGE
    response = HttpResponse(page, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # DatabaseFaults logs it in one line; Django would add "Service Unavailable" for each.
    response._has_been_logged = True
    return response


class NotADatabaseFault(logging.Filter):
    """For the logger django.request: leaves out the "Internal Server Error" and traceback of
    an error that DatabaseFaults answers with 503 and logs in one line; during an outage every
    request would otherwise log a traceback."""

    def filter(self, record):
        return getattr(getattr(record, "request", None), _MARK, None) is None


def _mark_request(sender, request=None, **kwargs):
    """got_request_exception is sent while Django handles the exception: sys.exc_info() is it."""
    fault = database_fault(sys.exc_info()[1])
    if request is not None and fault is not None:
        setattr(request, _MARK, fault)


class DatabaseFaults:
    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_mark_request, dispatch_uid="portal-database-faults")

    def __call__(self, request):
        response = self.get_response(request)
        fault = getattr(request, _MARK, None)
        if fault is None or getattr(response, _MARK, False):
            return response
        self._log(request, fault)
        return unavailable_response()

    def process_exception(self, request, exception):
        fault = database_fault(exception)
        if fault is None:
            return None
        self._log(request, fault)
        setattr(request, _MARK, fault)
        response = unavailable_response()
        setattr(response, _MARK, True)
        return response

    @staticmethod
    def _log(request, fault):
        logger.error(
            "Datenbank nicht erreichbar, 503 für %s %s: %s: %s",
            request.method,
            request.path,
            type(fault).__name__,
            str(fault).strip().splitlines()[0] if str(fault).strip() else "",
        )
