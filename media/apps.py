import mimetypes

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Bilder und Dokumente")

    def ready(self):
        from portal import permissions
        from portal.permissions import Rule

        # Filer takes an upload's type from its name; not every system's mime.types knows
        # the office formats, and an unknown type is refused.
        for extension, mime_type in [
            (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            (".odt", "application/vnd.oasis.opendocument.text"),
            (".ods", "application/vnd.oasis.opendocument.spreadsheet"),
            (".odp", "application/vnd.oasis.opendocument.presentation"),
            (".csv", "text/csv"),
        ]:
            mimetypes.add_type(mime_type, extension)

        # Files may be picked in every form of the admin. Which files a person browses, and
        # where they upload, is decided by filer's folder permissions (networks/folders.py).
        permissions.register_rule("filer.File", Rule(seen_by_all=True))
        permissions.register_rule("media.Image", Rule(seen_by_all=True))
