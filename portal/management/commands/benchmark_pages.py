import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from contacts.models import Contact
from initiatives.models import Initiative
from networks.models import Event, Municipality, Network


def page_types():
    return {
        "Startseite": "/",
        "Netzwerke (Liste)": "/netzwerke/",
        "Netzwerk (Detail)": Network.objects.get(
            name__icontains="Soziale Stadt"
        ).get_absolute_url(),
        "Kommunen (Liste)": "/staedte/",
        "Kommune (Detail)": Municipality.objects.get(slug="cottbus").get_absolute_url(),
        "Initiativen (Liste)": "/initiativen/",
        "Initiative (Detail)": Initiative.objects.first().get_absolute_url(),
        "Veranstaltungen (Liste)": "/veranstaltungen/?when=all",
        "Veranstaltung (Detail)": Event.objects.published().first().get_absolute_url(),
        "Kontakte (Liste)": "/kontakte/",
        "Kontakt (Detail)": Contact.objects.public().first().get_absolute_url(),
        "Suche": "/suche/?q=Innenstadt",
    }


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
