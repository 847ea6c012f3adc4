from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, make_backup


class Command(BaseCommand):
    # Also for a database in any state: no system checks, which read it.
    requires_system_checks = []
    help = (
        "Sichert die Datenbank und die hochgeladenen Dateien in ein neues, nach Datum und "
        "Uhrzeit benanntes Verzeichnis unter BACKUP_DIR (var/backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="anderes Verzeichnis als BACKUP_DIR")

    def handle(self, *args, directory=None, **options):
        try:
            path = make_backup(directory=directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Sicherung angelegt: {path}"))
