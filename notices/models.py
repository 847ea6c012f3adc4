from django.db import models
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """An e-mail notice to the staff, kept: one that the mail server refused is logged here
    and can be sent again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Wartet auf Versand")
        SENT = "sent", _("Gesendet")
        FAILED = "failed", _("Fehlgeschlagen")

    created = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    recipients = models.TextField(_("Empfänger"), help_text=_("Eine Adresse pro Zeile."))
    subject = models.CharField(_("Betreff"), max_length=255)
    body = models.TextField(_("Text"))
    status = models.CharField(
        _("Stand"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    sent_at = models.DateTimeField(_("Gesendet am"), null=True, blank=True)
    error = models.TextField(_("Fehler"), blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("E-Mail-Benachrichtigung")
        verbose_name_plural = _("E-Mail-Benachrichtigungen")

    def __str__(self):
        return self.subject

    @property
    def recipient_list(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]
