import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.models import Responsibility
from portal.permissions import CITY_EDITORS, NETWORK_OFFICES

DEMO_ACCOUNTS = [
    {"username": "redaktion-cottbus", "group": CITY_EDITORS, "municipalities": ["cottbus"]},
    {
        "username": "geschaeftsstelle-soziale-stadt",
        "group": NETWORK_OFFICES,
        "networks": ["arbeitskreis-soziale-stadt"],
    },
]


class Command(BaseCommand):
    help = (
        "Legt für die lokale Entwicklung je Rolle ein Demokonto mit zufälligem Passwort an "
        "(nur mit DEBUG)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demokonten gibt es nur in der lokalen Entwicklung: DEBUG ist nicht gesetzt."
            )
        for spec in DEMO_ACCOUNTS:
            self._create(**spec)

    @transaction.atomic
    def _create(self, username, group, municipalities=(), networks=()):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Demokonto „{username}“ besteht bereits.")
            return
        found_municipalities = list(_related(Responsibility.municipalities, municipalities))
        found_networks = list(_related(Responsibility.networks, networks))
        if len(found_municipalities) != len(municipalities) or len(found_networks) != len(networks):
            raise CommandError(
                f"Für „{username}“ fehlen Kommunen oder Netzwerke "
                f"({', '.join([*municipalities, *networks])}). Bitte zuerst "
                "`manage.py load_demo_data` ausführen."
            )
        password = secrets.token_urlsafe(16)
        user = User.objects.create_user(username=username, password=password, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        responsibility = Responsibility.objects.create(user=user)
        responsibility.municipalities.set(found_municipalities)
        responsibility.networks.set(found_networks)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demokonto angelegt ({group}) – Benutzername: {username}  Passwort: {password}\n"
                "Das Passwort wird nur dieses eine Mal angezeigt."
            )
        )


def _related(field, slugs):
    """The records with `slugs` of the model a many-to-many field of Responsibility names."""
    return field.field.related_model.objects.filter(slug__in=slugs)
