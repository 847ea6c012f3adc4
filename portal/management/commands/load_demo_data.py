from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import load_demo_data
from portal.pages import build_page_tree


class Command(BaseCommand):
    help = (
        "Legt die fehlenden Demodaten aus fixtures/ und den CMS-Seitenbaum an; bestehende "
        "Einträge bleiben, wie die Redaktion sie hinterlassen hat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Stellt auch die Demowerte bestehender Einträge wieder her (nur mit DEBUG).",
        )

    def handle(self, *args, reset, **options):
        if reset and not settings.DEBUG:
            raise CommandError(
                "--reset überschreibt die Arbeit der Redaktion und geht nur in der lokalen "
                "Entwicklung: DEBUG ist nicht gesetzt. Es wurde nichts geändert."
            )
        counts = load_demo_data(reset=reset)
        pages = build_page_tree()
        for model, count in counts.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Demodaten geladen, {pages} neue CMS-Seiten."))
