from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from filer.admin.imageadmin import ImageAdmin as FilerImageAdmin
from filer.admin.imageadmin import ImageAdminForm as FilerImageAdminForm

from media.models import Image
from portal.admin_base import PortalInlineMixin

# What every use of an image needs (Image.is_usable).
REQUIRED = ("default_alt_text", "credit", "licence")


class ImageAdminForm(FilerImageAdminForm):
    class Meta(FilerImageAdminForm.Meta):
        labels = {
            "default_alt_text": _("Alternativtext"),
            "default_caption": _("Bildunterschrift"),
        }
        help_texts = {
            "default_alt_text": _(
                "Was auf dem Bild zu sehen ist, in einem kurzen Satz – für Menschen, die es "
                "nicht sehen. Nicht „Bild von …“, keine Wiederholung der Bildunterschrift."
            ),
            "default_caption": _("Erscheint unter dem Bild, wo es keine eigene Unterschrift hat."),
        }
        error_messages = {
            "default_alt_text": {
                "required": _("Ohne Alternativtext kann das Bild nicht verwendet werden.")
            },
            "credit": {"required": _("Ohne Bildnachweis kann das Bild nicht verwendet werden.")},
            "licence": {"required": _("Ohne Lizenz kann das Bild nicht verwendet werden.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REQUIRED:
            self.fields[name].required = True


admin.site.unregister(Image)


@admin.register(Image)
class ImageAdmin(FilerImageAdmin):
    form = ImageAdminForm
    fieldsets = (
        (
            _("Angaben für jede Verwendung"),
            {
                "fields": REQUIRED,
                "description": _(
                    "Ohne diese drei Angaben erscheint das Bild nirgends auf dem Portal."
                ),
            },
        ),
        *FilerImageAdmin.build_fieldsets(
            extra_main_fields=("default_caption",),
            extra_fieldsets=(
                (_("Bildausschnitt"), {"fields": ("subject_location",), "classes": ("collapse",)}),
            ),
        ),
    )


class AttachmentInline(PortalInlineMixin, admin.TabularInline):
    """The documents of a record (media.models.Attachment); a subclass names the `model`."""

    fields = ["kind", "title", "file", "position"]
    extra = 0
