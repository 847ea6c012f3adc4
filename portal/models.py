from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from networks.models import Municipality, Network


class Responsibility(models.Model):
    """The municipalities and networks a person on the editorial staff answers for. Which of
    them count depends on the person's role (group): a city editor's municipalities, a network
    office's networks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="responsibility",
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("Kommunen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Für die Rolle „Redaktion Kommune“: Einträge dieser Kommunen darf die Person "
            "bearbeiten."
        ),
    )
    networks = models.ManyToManyField(
        Network,
        verbose_name=_("Netzwerke"),
        blank=True,
        related_name="+",
        help_text=_(
            "Für die Rolle „Geschäftsstelle“: diese Netzwerke betreut die Person, "
            "einschließlich der Veröffentlichung ihrer Veranstaltungen."
        ),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("Zuständigkeit")
        verbose_name_plural = _("Zuständigkeiten")
        permissions = [("publish_event", _("Darf Veranstaltungen veröffentlichen"))]

    def __str__(self):
        return str(self.user)
