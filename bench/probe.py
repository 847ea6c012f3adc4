"""The SQL queries of a page, counted in a process of its own (bench/run.py starts it): Django's
test client against the benchmark's database and settings, so that a page that never answers
can be given up by ending the process."""

import signal
import sys
import time

# A page that took longer than this is asked only once: its first count must do.
SLOW_SECONDS = 5.0


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def serve(connection, host):
    """Answer paths sent through `connection` with {status, queries, ...}, until None comes."""
    # Ending the process runs its exit handlers: the embedded PostgreSQL counts its users.
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
    import django

    django.setup()
    from django.db import connection as database
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # A page's error is a result: its status and queries are counted like any other's.
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    while (path := connection.recv()) is not None:
        counts, status, size, seconds = [], None, None, None
        try:
            for _attempt in range(2):
                started = time.perf_counter()
                with CaptureQueriesContext(database) as queries:
                    # secure: behind the proxy, as the server is measured.
                    response = client.get(path, secure=True)
                    size = len(_body(response))
                seconds = time.perf_counter() - started
                counts.append(len(queries))
                status = response.status_code
                if seconds > SLOW_SECONDS:
                    break
            connection.send(
                {
                    "status": status,
                    "queries_first": counts[0],
                    "queries": counts[-1],
                    "bytes": size,
                    "seconds": round(seconds, 3),
                }
            )
        except Exception as error:
            connection.send({"error": f"{type(error).__name__}: {error}"[:500]})
