import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal import sitemaps


def page_types():
    """The start page, the lists, the search and the first detail page of each sitemap
    section (each app declares its sections)."""
    pages = {
        "Startseite": "/",
        "Netzwerke (Liste)": "/netzwerke/",
        "Kommunen (Liste)": "/staedte/",
        "Initiativen (Liste)": "/initiativen/",
        "Veranstaltungen (Liste)": "/veranstaltungen/?when=all",
        "Kontakte (Liste)": "/kontakte/",
        "Suche": "/suche/?q=Innenstadt",
    }
    for section, items in sitemaps.SECTIONS.items():
        first = items().first()
        if first is not None:
            pages[f"{section} (Detail)"] = first.get_absolute_url()
    return pages


class Command(BaseCommand):
    help = "Misst SQL-Abfragen und Antwortzeit je Seitentyp (mit den Demodaten)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args, repeat, **options):
        client = Client(HTTP_HOST="localhost")
        self.stdout.write(f"{'Seitentyp':28} {'Abfragen':>8} {'Median ms':>10} {'p95 ms':>8}")
        for name, url in page_types().items():
            client.get(url)  # warm caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            query_count = len(queries)  # read now: later requests reset the query log
            if response.status_code != 200:
                raise CommandError(f"{url} antwortet mit {response.status_code}")
            timings = []
            for _ in range(repeat):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
            self.stdout.write(
                f"{name:28} {query_count:>8} {statistics.median(timings):>10.1f} {p95:>8.1f}"
            )
