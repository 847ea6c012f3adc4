"""Images and documents, kept with django-filer: the portal's image model, the image of a
record, the attachments of a record, and the image and download plugins."""

from cms.models import CMSPlugin
from django.db import models
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField
from filer.models.abstract import BaseImage


class Image(BaseImage):
    """A picture with what every use of it needs: the alternative text for those who cannot
    see it, and the credit and licence the law requires next to it. Uploads arrive without
    them; the image is used only once they are filled in (`is_usable`)."""

    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Wer das Bild gemacht hat oder die Rechte hält, etwa „Foto: Stadt Cottbus“."),
    )
    licence = models.CharField(
        _("Lizenz"),
        max_length=255,
        blank=True,
        help_text=_("Etwa „CC BY 4.0“ oder „Nutzung mit Genehmigung der Stadt Cottbus“."),
    )

    class Meta(BaseImage.Meta):
        app_label = "media"
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        default_manager_name = "objects"

    @property
    def is_usable(self):
        return bool(self.default_alt_text and self.credit and self.licence)

    def _check_validity(self):
        # Filer lists files without their mandatory data in a folder of its own.
        return super()._check_validity() and self.is_usable

    def clean(self):
        # Filer checks the pixel count here, in English and without the file's name, before
        # its upload validators run; media.validation checks it (and more) in German, in every
        # upload path.
        pass


class Illustrated(models.Model):
    """A record with an image on its page and on its card."""

    image = FilerImageField(
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Mit Alternativtext, Bildnachweis und Lizenz (im Bild einzutragen)."),
    )

    class Meta:
        abstract = True


class Attachment(models.Model):
    """A document belonging to a record: agenda, minutes, report, presentation."""

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Tagesordnung")
        MINUTES = "minutes", _("Protokoll")
        REPORT = "report", _("Bericht")
        PRESENTATION = "presentation", _("Präsentation")
        OTHER = "other", _("Dokument")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(
        _("Titel"), max_length=255, blank=True, help_text=_("Leer: der Name der Datei.")
    )
    file = FilerFileField(verbose_name=_("Datei"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")

    def __str__(self):
        return self.title or self.file.label


class ImagePluginModel(CMSPlugin):
    image = FilerImageField(verbose_name=_("Bild"), on_delete=models.PROTECT, related_name="+")
    caption = models.CharField(
        _("Bildunterschrift"),
        max_length=300,
        blank=True,
        help_text=_("Leer: die Bildunterschrift des Bildes, wenn es eine hat."),
    )

    class Meta:
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")

    def __str__(self):
        return str(self.image) if self.image_id else ""


class DownloadPluginModel(CMSPlugin):
    file = FilerFileField(verbose_name=_("Datei"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(
        _("Titel"), max_length=255, blank=True, help_text=_("Leer: der Name der Datei.")
    )

    class Meta:
        verbose_name = _("Datei zum Herunterladen")
        verbose_name_plural = _("Dateien zum Herunterladen")

    def __str__(self):
        return self.title or (str(self.file) if self.file_id else "")
