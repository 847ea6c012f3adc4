import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError

from bench import synthetic
from bench.synthetic import Sizes

SIZE_HELP = {
    "topics": "Themenschwerpunkte (Ober- und Unterthemen)",
    "municipalities": "Städte und Gemeinden",
    "networks": "Netzwerke",
    "network_items": "Ziele, Aktivitäten und Kriterien der Netzwerke",
    "memberships": "Mitgliedschaften",
    "organisations": "Organisationen",
    "partnerships": "Rollen von Organisationen in Netzwerken",
    "contacts": "Ansprechpersonen",
    "initiatives": "Initiativen",
    "events": "Veranstaltungen",
    "news": "Meldungen (Aktuelles)",
}


class Command(BaseCommand):
    help = (
        "Füllt die Datenbank mit synthetischen Testdaten in der Größe eines großen Portals "
        "nach zehn Jahren (für Lasttests, docs/performance.md). Verweigert Datenbanken mit "
        "echten Inhalten und arbeitet nur mit DEBUG."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Faktor für alle Größen, die nicht einzeln angegeben sind (etwa 0.01).",
        )
        defaults = Sizes()
        for name, label in SIZE_HELP.items():
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                dest=name,
                help=f"Anzahl: {label} (Vorgabe {getattr(defaults, name):,} mal --scale).".replace(
                    ",", "."
                ),
            )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Startwert des Zufalls (gleicher Wert, gleiche Daten).",
        )
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Entfernt alle synthetischen Einträge und sonst nichts; füllt nicht.",
        )
        parser.add_argument(
            "--force-non-debug",
            action="store_true",
            help="Auch ohne DEBUG arbeiten (etwa auf einem eigenen Server für Lasttests).",
        )

    def handle(self, *args, scale, seed, clear, force_non_debug, **options):
        if not (settings.DEBUG or force_non_debug):
            raise CommandError(
                "Synthetische Testdaten gibt es nur in der lokalen Entwicklung: DEBUG ist nicht "
                "gesetzt (für einen eigenen Lasttest-Server: --force-non-debug). Es wurde "
                "nichts geändert."
            )
        if scale <= 0:
            raise CommandError("--scale muss größer als 0 sein.")
        reasons = synthetic.foreign_content()
        if reasons:
            raise CommandError(
                "Diese Datenbank enthält mehr als Demodaten und synthetische Testdaten; sie "
                "wird nicht angefasst. Es wurde nichts geändert.\n- " + "\n- ".join(reasons)
            )
        if clear:
            self._clear()
            return
        existing = {model: n for model, n in synthetic.synthetic_counts().items() if n}
        if existing:
            raise CommandError(
                "Es gibt schon synthetische Testdaten ("
                + ", ".join(f"{model}: {count}" for model, count in existing.items())
                + "). Bitte zuerst mit --clear entfernen. Es wurde nichts geändert."
            )
        sizes = Sizes().scaled(scale)
        explicit = {name: options[name] for name in SIZE_HELP if options.get(name) is not None}
        if any(count < 0 for count in explicit.values()):
            raise CommandError("Anzahlen dürfen nicht negativ sein.")
        sizes = Sizes(**{**sizes.__dict__, **explicit}).scaled(1)
        started = time.monotonic()
        log = self.stdout.write if options["verbosity"] > 1 else None
        counts = synthetic.fill(sizes, seed=seed, log=log)
        seconds = time.monotonic() - started
        for model, count in counts.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(
            self.style.SUCCESS(f"Synthetische Testdaten angelegt in {seconds:.1f} s.")
        )

    def _clear(self):
        try:
            removed = synthetic.clear()
        except ProtectedError as error:
            raise CommandError(
                "Synthetische Einträge werden noch verwendet (etwa von einem Plugin auf einer "
                f"CMS-Seite); es wurde nichts entfernt: {error}"
            ) from error
        for model, count in removed.items():
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(self.style.SUCCESS("Synthetische Testdaten entfernt."))
