import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Legt beim ersten Start ein Administratorkonto mit zufälligem Passwort an."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Administratorkonto „{username}“ besteht bereits.")
            return
        password = secrets.token_urlsafe(16)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Administratorkonto angelegt – Benutzername: {username}  Passwort: {password}\n"
                "Das Passwort wird nur dieses eine Mal angezeigt."
            )
        )
