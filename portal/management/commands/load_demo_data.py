from django.core.management.base import BaseCommand

from portal.demo import load_demo_data
from portal.pages import build_page_tree


class Command(BaseCommand):
    help = "Lädt die Demodaten aus fixtures/ und baut den CMS-Seitenbaum (idempotent)."

    def handle(self, *args, **options):
        counts = load_demo_data()
        pages = build_page_tree()
        for model, count in counts.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Demodaten geladen, {pages} neue CMS-Seiten."))
