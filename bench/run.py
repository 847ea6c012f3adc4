"""The benchmark of the running portal: gunicorn as in production, every page type and output
under load, against a bare Django view in the same run (docs/performance.md).

    .venv/bin/python -m bench.run --out var/bench/result.json

It uses the database manage.py uses (DATABASE_URL, or the embedded PostgreSQL under var/),
collects the static files into var/, starts gunicorn with production settings (DEBUG off) and
measures each URL: requests per second, median and 99th percentile of the response time,
response size, the CPU time of the workers and of PostgreSQL per request, the SQL queries
(counted in a process of its own with Django's test client) and the workers' memory. It
writes JSON and prints a Markdown table. A benchmark, not a test: nothing passes or fails.
"""

import argparse
import gzip
import http.client
import json
import math
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Sent with every request, as a browser behind the TLS-terminating proxy would.
HEADERS = {
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Language": "de-DE,de;q=0.9",
    "Accept-Encoding": "gzip",
    "X-Forwarded-Proto": "https",
    "User-Agent": "bench.run",
}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def arguments(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Misst die Seiten des Portals unter Last (gunicorn, Produktionseinstellungen).",
    )
    parser.add_argument("--out", default="var/bench/result.json", help="JSON-Datei (Ergebnis)")
    parser.add_argument("--requests", type=int, default=300, help="Anfragen je URL (höchstens)")
    parser.add_argument(
        "--budget",
        type=float,
        default=15.0,
        help="Sekunden je URL, nach denen keine neue Anfrage mehr beginnt",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="gleichzeitige Verbindungen")
    parser.add_argument("--warmup", type=int, default=3, help="Anfragen zum Aufwärmen je URL")
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="Sekunden, nach denen eine Antwort als Zeitüberschreitung zählt",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn-Worker (sync)")
    parser.add_argument(
        "--only", default="", help="nur diese URLs, durch Kommas getrennt (Schlüssel, siehe --list)"
    )
    parser.add_argument("--skip", default="", help="diese URLs auslassen (Schlüssel)")
    parser.add_argument("--list", action="store_true", help="die URLs zeigen und nichts messen")
    parser.add_argument("--label", default="", help="Bezeichnung des Laufs im Ergebnis")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=WERT",
        help="Umgebungsvariable für den Server, etwa PAGE_CACHE_SECONDS=0 (mehrfach möglich)",
    )
    parser.add_argument(
        "--no-queries", action="store_true", help="SQL-Abfragen nicht zählen (schneller)"
    )
    return parser.parse_args(argv)


# The server's environment


def prepare_environment(args):
    """Production settings for this process, the query counter and gunicorn alike."""
    os.environ.pop("DEBUG", None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        BENCH_STATEMENT_TIMEOUT=str(int(args.timeout) + 5),
    )
    for assignment in args.env:
        name, _equals, value = assignment.partition("=")
        os.environ[name] = value


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def discover_pages():
    """[(key, name, path)]: every page type and output, with the biggest network and a small
    one (the median: most networks are small), a busy municipality and recent records for the
    detail pages."""
    from django.db.models import Count
    from django.templatetags.static import static
    from django.utils import timezone

    from events.models import Event
    from initiatives.models import Initiative
    from networks.models import Municipality, Network
    from news.models import NewsItem

    networks = list(
        Network.objects.annotate(members=Count("memberships")).order_by("-members", "pk")
    )
    biggest = networks[0] if networks else None
    small = networks[len(networks) // 2] if networks else None
    municipality = (
        Municipality.objects.annotate(links=Count("memberships")).order_by("-links", "pk").first()
    )
    events = Event.objects.public()
    event = (biggest and events.upcoming().in_network(biggest).first()) or events.order_by(
        "-start"
    ).first()
    initiative = Initiative.objects.public().order_by("-pk").first()
    news_item = NewsItem.objects.public().newest_first().first()
    today = timezone.localdate()

    def url(record):
        return record.get_absolute_url() if record is not None else None

    big = url(biggest)
    pages = [
        ("bare", "Leere Django-Ansicht", "/__bench__/bare/"),
        ("start", "Startseite", "/"),
        ("cms-page", "CMS-Seite (Impressum)", _cms_page("impressum")),
        ("static", "Statische Datei (CSS)", static("css/portal.css")),
        ("networks", "Netzwerke (Liste)", "/netzwerke/"),
        ("network-big", "Netzwerk, größtes (Detail)", big),
        ("network-small", "Netzwerk, kleines (Detail)", url(small)),
        ("municipalities", "Kommunen (Liste)", "/staedte/"),
        ("municipality", "Kommune (Detail)", url(municipality)),
        ("initiatives", "Initiativen (Liste)", "/initiativen/"),
        ("initiative", "Initiative (Detail)", url(initiative)),
        ("events", "Veranstaltungen, kommende", "/veranstaltungen/"),
        ("events-all", "Veranstaltungen, alle", "/veranstaltungen/?when=all"),
        ("events-page", "Veranstaltungen, alle, S. 4000", "/veranstaltungen/?when=all&page=4000"),
        ("event", "Veranstaltung (Detail)", url(event)),
        ("month", "Monatsansicht", f"/veranstaltungen/monat/{today.year}/{today.month}/"),
        ("search", "Suche „Stadt“", "/suche/?q=Stadt"),
        ("news", "Aktuelles (Liste)", "/aktuelles/"),
        ("news-item", "Meldung (Detail)", url(news_item)),
        ("contacts", "Kontakte (Liste)", "/kontakte/"),
        ("sitemap", "sitemap.xml", "/sitemap.xml"),
        ("ics-all", "iCalendar, alle", "/veranstaltungen/alle.ics"),
        ("ics-network", "iCalendar, größtes Netzwerk", big and f"{big}kalender.ics"),
        ("csv-events", "CSV, alle Veranstaltungen", "/offene-daten/veranstaltungen.csv?when=all"),
        ("rss-events", "RSS Veranstaltungen", "/veranstaltungen/feed.rss"),
        ("atom-initiatives", "Atom Initiativen", "/initiativen/feed.atom"),
        ("rss-news", "RSS Aktuelles", "/aktuelles/feed.rss"),
        ("rss-network", "RSS, größtes Netzwerk", big and f"{big}veranstaltungen.rss"),
        ("bare-end", "Leere Django-Ansicht (Ende)", "/__bench__/bare/"),
    ]
    return [(key, name, path) for key, name, path in pages if path]


def _cms_page(reverse_id):
    from cms.models import Page

    page = Page.objects.filter(reverse_id=reverse_id).first()
    return page.get_absolute_url("de") if page is not None else None


def describe_database():
    from django.conf import settings
    from django.db import connection

    from bench import synthetic

    config = settings.DATABASES["default"]
    counts = {}
    for model in synthetic.CHECKED_MODELS:
        public = model.objects.public().count() if hasattr(model.objects, "public") else None
        counts[model.__name__] = {"total": model.objects.count(), "public": public}
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), pg_backend_pid()")
        version, backend = cursor.fetchone()
    return {
        "name": config["NAME"],
        "host": config.get("HOST") or config.get("OPTIONS", {}).get("host", ""),
        "conn_max_age": config.get("CONN_MAX_AGE"),
        "server": version,
        "records": counts,
        "synthetic": synthetic.synthetic_counts(),
    }, _postmaster(backend)


def _postmaster(backend):
    """The PostgreSQL server process, when it runs on this machine."""
    try:
        if Path(f"/proc/{backend}/comm").read_text().strip() != "postgres":
            return None
    except OSError:
        return None
    return _parent_of(backend)


# Processes


def _stat(pid):
    """(parent pid, CPU seconds of the process, CPU seconds of its reaped children)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    # Fields from the third on: ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    children = (int(fields[13]) + int(fields[14])) / CLOCK_TICKS
    return int(fields[1]), own, children


def _parent_of(pid):
    stat = _stat(pid)
    return stat[0] if stat else None


def children_of(parent):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[0] == parent:
                found.append(int(entry.name))
    return found


def tree_cpu(parent):
    """CPU seconds of a process and its children, ended children included; None if it is not
    a process of this machine (a database elsewhere)."""
    if parent is None:
        return None
    stat = _stat(parent)
    if stat is None:
        return None
    total = stat[1] + stat[2]
    for child in children_of(parent):
        child_stat = _stat(child)
        if child_stat:
            total += child_stat[1]
    return total


def memory(pid):
    """(VmRSS, VmHWM) of a process in MB."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _colon, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return values.get("VmRSS"), values.get("VmHWM")


class Server:
    """gunicorn serving portal.wsgi with bench.settings."""

    def __init__(self, args, log_path):
        self.port = free_port()
        self.log_path = log_path
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(args.workers),
            "--worker-class",
            "sync",
            "--bind",
            f"{HOST}:{self.port}",
            "--no-control-socket",
            # A request running past the benchmark's timeout ends with its worker.
            "--timeout",
            str(int(args.timeout) + 10),
            "--graceful-timeout",
            "5",
        ]
        self.log = log_path.open("a", encoding="utf-8")
        self.log.write(f"\n=== {datetime.now(UTC).isoformat()} {' '.join(self.command)}\n")
        self.log.flush()
        self.process = subprocess.Popen(
            self.command, cwd=BASE_DIR, stdout=self.log, stderr=subprocess.STDOUT
        )

    def wait_ready(self, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn ist beendet (siehe {self.log_path}).")
            try:
                status, _body, _headers = fetch(self.port, "/__bench__/bare/", timeout=5)
                if status == 200 and len(self.workers()) >= 1:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"gunicorn antwortet nicht (siehe {self.log_path}).")

    def workers(self):
        return children_of(self.process.pid)

    def cpu(self):
        return tree_cpu(self.process.pid)

    def memory(self):
        return {pid: memory(pid) for pid in self.workers()}

    def restart_workers(self, expected, seconds=90):
        """End the workers at once (a request given up on would keep one busy until gunicorn's
        own timeout) and wait for their successors. SIGQUIT: the worker exits right away,
        running its exit handlers."""
        old = set(self.workers())
        for pid in old:
            try:
                os.kill(pid, signal.SIGQUIT)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.5)
            current = set(self.workers())
            if len(current) >= expected and not current & old:
                break
        self.wait_ready()

    def wait_idle(self, limit):
        """Until no worker is busy (a request given up on may still run), at most `limit` s."""
        deadline = time.monotonic() + limit
        before = self.cpu()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu()
            if before is None or now is None or now - before < 0.05:
                return
            before = now

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class QueryCounter:
    """The process that counts a page's SQL queries (bench.probe); replaced when a page takes
    longer than the timeout."""

    def __init__(self, timeout):
        self.timeout = timeout
        self.context = get_context("spawn")
        self.process = None

    def _start(self):
        from bench import probe

        self.connection, child = self.context.Pipe()
        self.process = self.context.Process(
            target=probe.serve, args=(child, HOST), name="bench-probe", daemon=True
        )
        self.process.start()

    def count(self, path):
        if self.process is None or not self.process.is_alive():
            self._start()
        self.connection.send(path)
        # Two requests at most, plus the start of Django in a new process.
        if self.connection.poll(2 * self.timeout + 30):
            return self.connection.recv()
        self.stop(force=True)
        return {"timeout": True}

    def stop(self, force=False):
        if self.process is None:
            return
        if not force and self.process.is_alive():
            self.connection.send(None)
            self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.process = None


# Load


def fetch(port, path, *, timeout, connection=None, first_byte=None):
    """One GET: (status, body, headers). The seconds until the response's head arrived (the
    first byte) are appended to the list `first_byte`, also when the body then times out."""
    own = connection is None
    connection = connection or http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        if first_byte is not None:
            first_byte.append(time.perf_counter() - started)
        body = response.read()
        if response.will_close:
            connection.close()
        return response.status, body, dict(response.getheaders())
    finally:
        if own:
            connection.close()


def load(port, path, *, requests, concurrency, budget, timeout):
    """`requests` GETs over `concurrency` connections; none begins after `budget` seconds, and
    none after the first timeout."""
    lock = threading.Lock()
    state = {"issued": 0, "stop": False}
    samples, statuses, sizes, errors, first_bytes = [], Counter(), [], Counter(), []
    deadline = time.monotonic() + budget

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        while True:
            with lock:
                if state["stop"] or state["issued"] >= requests or time.monotonic() > deadline:
                    break
                state["issued"] += 1
            started = time.perf_counter()
            try:
                status, body, _headers = fetch(
                    port, path, timeout=timeout, connection=connection, first_byte=first_bytes
                )
            except TimeoutError:
                with lock:
                    errors["timeout"] += 1
                    state["stop"] = True
                connection.close()
                continue
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors[type(error).__name__] += 1
                connection.close()
                continue
            elapsed = time.perf_counter() - started
            with lock:
                samples.append(elapsed)
                statuses[status] += 1
                sizes.append(len(body))
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return samples, statuses, sizes, errors, wall, first_bytes


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def measure(key, name, path, *, server, counter, database_pid, args):
    result = {"key": key, "name": name, "path": path, "timeout": False}
    started = time.monotonic()
    server.wait_idle(args.timeout + 20)
    warm_seconds = warm_up(server, path, result, args)
    if warm_seconds and not result["timeout"]:
        put_under_load(server, path, result, min(warm_seconds), database_pid, args)
    # The workers' memory after the page: what it left behind (or took until given up on).
    memory_now = server.memory()
    result["worker_rss_mb"] = [round(rss, 1) for rss, _hwm in memory_now.values() if rss]
    result["worker_peak_mb"] = [round(hwm, 1) for _rss, hwm in memory_now.values() if hwm]
    if result["timeout"]:
        server.restart_workers(args.workers)
        result["queries"] = None
        result["queries_note"] = "nicht gezählt: Zeitüberschreitung über HTTP"
    elif args.no_queries:
        result["queries"] = None
    else:
        counted = counter.count(path)
        result["queries"] = counted.get("queries")
        result["queries_first"] = counted.get("queries_first")
        result["in_process"] = counted
    # Other work on the machine shows in the response times (not in the CPU times per request).
    result["load_average"] = round(os.getloadavg()[0], 2)
    result["measured_seconds"] = round(time.monotonic() - started, 1)
    return result


def warm_up(server, path, result, args):
    """Requests one after another; the first shows the cold response time. Returns their
    durations in seconds."""
    warm_seconds, warm_first_bytes = [], []
    for _attempt in range(args.warmup):
        begun = time.perf_counter()
        try:
            status, body, headers = fetch(
                server.port, path, timeout=args.timeout, first_byte=warm_first_bytes
            )
        except TimeoutError:
            result["timeout"] = True
            break
        except (OSError, http.client.HTTPException) as error:
            result["error"] = f"{type(error).__name__}: {error}"
            break
        warm_seconds.append(time.perf_counter() - begun)
        result["warm_status"] = status
        result["content_type"] = headers.get("Content-Type", "")
        result["content_encoding"] = headers.get("Content-Encoding", "")
        result["bytes_uncompressed"] = len(
            gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
        )
        if warm_seconds[-1] > 5:
            break
    result["warmup_ms"] = [round(seconds * 1000, 1) for seconds in warm_seconds]
    result["warmup_first_byte_ms"] = [round(seconds * 1000, 1) for seconds in warm_first_bytes]
    return warm_seconds


def put_under_load(server, path, result, typical, database_pid, args):
    # A slow page gets as many requests as fit into the budget, two at least.
    requests = min(args.requests, max(2, int(args.budget * args.workers / max(typical, 1e-3))))
    cpu_before, db_before = server.cpu(), tree_cpu(database_pid)
    samples, statuses, sizes, errors, wall, first_bytes = load(
        server.port,
        path,
        requests=requests,
        concurrency=args.concurrency,
        budget=args.budget,
        timeout=args.timeout,
    )
    cpu_after, db_after = server.cpu(), tree_cpu(database_pid)
    done = len(samples)
    result.update(
        requests=done,
        status_counts={str(status): count for status, count in sorted(statuses.items())},
        errors=dict(errors),
        timeout=bool(errors.get("timeout")),
        seconds=round(wall, 2),
        rps=round(done / wall, 3) if done and wall else None,
        p50_ms=_ms(percentile(samples, 0.5)),
        p99_ms=_ms(percentile(samples, 0.99)),
        first_byte_p50_ms=_ms(percentile(first_bytes, 0.5)),
        first_byte_max_ms=_ms(max(first_bytes, default=None)),
        max_ms=_ms(max(samples, default=None)),
        bytes=int(sorted(sizes)[len(sizes) // 2]) if sizes else None,
        cpu_ms_per_request=_per_request(cpu_before, cpu_after, done),
        db_cpu_ms_per_request=_per_request(db_before, db_after, done),
    )


def _ms(seconds):
    return round(seconds * 1000, 1) if seconds is not None else None


def _per_request(before, after, requests):
    if before is None or after is None or not requests:
        return None
    return round(max(0.0, after - before) * 1000 / requests, 2)


# Report


def status_text(result):
    if result.get("timeout") and not result.get("requests"):
        return f"> {int(result.get('timeout_seconds', 60))} s"
    counts = result.get("status_counts") or {}
    if not counts:
        return result.get("error", "–")[:30]
    text = ", ".join(
        status if len(counts) == 1 else f"{status}×{count}" for status, count in counts.items()
    )
    if result.get("timeout"):
        text += ", Zeitüberschreitung"
    return text


def reference_rps(results):
    """The bare view's requests per second: the better of its two runs (start and end), as the
    other work on the machine slows either at times."""
    values = [r["rps"] for r in results if r["key"] in ("bare", "bare-end") and r.get("rps")]
    return max(values, default=None)


def table(results):
    reference = reference_rps(results)
    lines = [
        "| Seite | URL | Status | n | req/s | × leer | p50 ms | p99 ms | 1. Byte ms | KB | SQL | "
        "CPU ms/Anfr. | DB-CPU ms/Anfr. | RSS MB |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        rps = r.get("rps")
        ratio = _number(rps / reference) if rps and reference else "–"
        queries = r.get("queries")
        if queries is not None and r.get("queries_first") not in (None, queries):
            queries = f"{queries} ({r['queries_first']})"
        path = r["path"] if len(r["path"]) <= 48 else r["path"][:45] + "…"
        size = r.get("bytes")
        cells = [
            r["name"],
            f"`{path}`",
            status_text(r),
            r.get("requests", 0),
            _number(rps),
            ratio,
            _number(r.get("p50_ms")),
            _number(r.get("p99_ms")),
            _number(first_byte(r)),
            "–" if size is None else f"{size / 1024:.1f}",
            "–" if queries is None else queries,
            _number(r.get("cpu_ms_per_request")),
            _number(r.get("db_cpu_ms_per_request")),
            _number(max(r.get("worker_rss_mb") or [0]) or None),
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def first_byte(result):
    """The median time to the first byte under load; for an output whose body took longer than
    the timeout, the slowest first byte of the requests that got one (warm-up included)."""
    if result.get("first_byte_p50_ms") is not None:
        return result["first_byte_p50_ms"]
    return max(result.get("warmup_first_byte_ms") or [None], key=lambda value: value or 0)


def _number(value):
    """Three significant digits or so: 1234, 56.7, 8.90, 0.0123."""
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1 or value == 0:
        return f"{value:.2f}"
    return f"{value:.3g}"


def server_errors(log_path, offset):
    """The last line of each traceback the server wrote during this run, counted."""
    text = log_path.read_text(encoding="utf-8", errors="replace")[offset:]
    found = Counter()
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            for following in lines[index + 1 :]:
                if following and not following.startswith((" ", "\t", "Traceback")):
                    # SystemExit: a worker the benchmark ended after a timeout.
                    if not following.startswith("SystemExit"):
                        found[following[:300]] += 1
                    break
    return [{"error": error, "count": count} for error, count in found.most_common(20)]


def calibration_ms():
    """CPU milliseconds of a fixed piece of Python: how fast this machine is right now (about
    80 to 100 on an idle current server core)."""
    started = time.process_time()
    sum(range(10_000_000))
    return round((time.process_time() - started) * 1000)


def git_state():
    def git(*command):
        try:
            return subprocess.run(
                ["git", *command], cwd=BASE_DIR, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    changed = git("status", "--porcelain")
    return {
        "commit": git("rev-parse", "HEAD"),
        "changed_files": changed.splitlines() if changed else [],
    }


def main(argv=None):
    args = arguments(argv)
    # Ended with SIGTERM (kill), the run still stops its gunicorn and query counter (finally).
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(143))
    prepare_environment(args)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    # The static file's name carries its hash, known after collecting.
    _progress("Statische Dateien sammeln (collectstatic) …")
    call_command("collectstatic", interactive=False, verbosity=0)
    pages = discover_pages()
    if args.list:
        for key, name, path in pages:
            sys.stdout.write(f"{key:18} {name:34} {path}\n")
        return
    only = {key for key in args.only.split(",") if key}
    skip = {key for key in args.skip.split(",") if key}
    # The bare view is measured always, at the start and the end: the reference and its drift.
    pages = [
        (key, name, path)
        for key, name, path in pages
        if key in ("bare", "bare-end") or ((not only or key in only) and key not in skip)
    ]
    out = (BASE_DIR / args.out) if not Path(args.out).is_absolute() else Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    log_path = out.with_name(out.stem + "-gunicorn.log")

    database, database_pid = describe_database()
    connections.close_all()

    started = datetime.now(UTC)
    calibration_before = calibration_ms()
    log_offset = log_path.stat().st_size if log_path.exists() else 0
    server = Server(args, log_path)
    counter = QueryCounter(args.timeout)
    results = []
    try:
        server.wait_ready()
        _progress(f"gunicorn auf {HOST}:{server.port}, {len(server.workers())} Worker")
        for key, name, path in pages:
            result = measure(
                key,
                name,
                path,
                server=server,
                counter=counter,
                database_pid=database_pid,
                args=args,
            )
            result["timeout_seconds"] = args.timeout
            results.append(result)
            _progress(
                f"{name:34} {status_text(result):>14} {_number(result.get('rps')):>8} req/s "
                f"p50 {_number(result.get('p50_ms')):>7} ms  SQL {result.get('queries')}"
            )
    finally:
        counter.stop()
        server.stop()
    markdown = table(results)
    report = {
        "label": args.label,
        "started": started.isoformat(),
        "finished": datetime.now(UTC).isoformat(),
        "options": {key: value for key, value in vars(args).items() if key not in ("list",)},
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "calibration_ms": [calibration_before, calibration_ms()],
            "python": platform.python_version(),
            "django": django.get_version(),
        },
        "git": git_state(),
        "server": {
            "command": server.command,
            "settings": "bench.settings",
            "debug": settings.DEBUG,
            "caches": {name: c["BACKEND"] for name, c in settings.CACHES.items()},
            "middleware": settings.MIDDLEWARE,
            "log": str(log_path),
            "errors": server_errors(log_path, log_offset),
        },
        "database": database,
        "results": results,
        "table": markdown,
    }
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    sys.stdout.write(markdown + "\n")
    _progress(f"Ergebnis: {out}")


def _progress(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


if __name__ == "__main__":
    main()
