import sys

from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, check_backup, restore_backup


class Command(BaseCommand):
    # Also into an empty or broken database: no system checks, which read it.
    requires_system_checks = []
    help = (
        "Stellt die Datenbank und die hochgeladenen Dateien aus einer Sicherung von "
        "`manage.py backup` wieder her. Ersetzt den aktuellen Stand."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="das Verzeichnis der Sicherung")
        parser.add_argument("--yes", action="store_true", help="ohne Rückfrage (für Skripte)")

    def handle(self, *args, path, yes=False, **options):
        try:
            path = check_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(
                    "Die Wiederherstellung ersetzt die Daten des Portals: bitte mit --yes "
                    "bestätigen."
                )
            answer = input(
                f"Die Datenbank und die hochgeladenen Dateien werden durch die Sicherung "
                f"{path} ersetzt. Fortfahren? Dann „ja“ eingeben: "
            )
            if answer.strip().lower() != "ja":
                raise CommandError("Abgebrochen, nichts wurde verändert.")
        try:
            restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Wiederhergestellt aus {path}"))
