"""Every upload checked by its content, before anything is stored (filer calls
`validate_upload` for the types in settings.FILER_MIME_TYPE_WHITELIST). Filer takes the type
from the file name; the checks here make sure the bytes are of that type. A refusal names the
file and the reason, in German."""

import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from filer.validation import FileValidationError
from PIL import Image, UnidentifiedImageError


class Refused(FileValidationError):
    def __init__(self, message, file_name, **values):
        super().__init__(message % {"name": file_name, **values})


def _image(pillow_format):
    def check(file_name, file, label):
        try:
            # Opening reads the header only; Pillow refuses absurd sizes there already.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(file, formats=[pillow_format])
        except Image.DecompressionBombError:
            raise _too_many_pixels(file_name) from None
        except (UnidentifiedImageError, OSError, ValueError):
            raise _invalid(file_name, label) from None
        if image.width * image.height > settings.FILER_MAX_IMAGE_PIXELS:
            raise _too_many_pixels(file_name)
        try:
            image.verify()
        except Exception:
            raise _invalid(file_name, label) from None

    return check


def _pdf(file_name, file, label):
    if file.read(5) != b"%PDF-":
        raise _invalid(file_name, label)


def _zip_member(name, content=None):
    """An office document: a ZIP container with the member `name` (holding `content`)."""

    def check(file_name, file, label):
        try:
            with zipfile.ZipFile(file) as archive:
                if name not in archive.namelist():
                    raise _invalid(file_name, label)
                if content is not None:
                    with archive.open(name) as member:
                        if member.read(len(content) + 1) != content:
                            raise _invalid(file_name, label)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise _invalid(file_name, label) from None

    return check


_MARKUP = re.compile(
    r"<\s*(?:!doctype|html|head|body|script|iframe|object|embed|svg|\?xml)\b", re.I
)


def _text(file_name, file, label):
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(
            _(
                "„%(name)s“ ist keine Textdatei in UTF-8. Bitte speichern Sie sie als UTF-8 "
                "(in Excel: „CSV UTF-8“) und laden Sie sie erneut hoch."
            ),
            file_name,
        ) from None
    if _MARKUP.search(text):
        raise Refused(
            _("„%(name)s“ enthält HTML- oder Skript-Code und wird deshalb nicht angenommen."),
            file_name,
        )


@dataclass(frozen=True)
class FileType:
    label: str
    check: Callable[[str, IO, str], None]


_ODF = "application/vnd.oasis.opendocument"
_OOXML = "application/vnd.openxmlformats-officedocument"

# The types the portal accepts, with what visitors read about them next to a download.
FILE_TYPES = {
    "image/jpeg": FileType(gettext_lazy("JPEG-Bild"), _image("JPEG")),
    "image/png": FileType(gettext_lazy("PNG-Bild"), _image("PNG")),
    "image/gif": FileType(gettext_lazy("GIF-Bild"), _image("GIF")),
    "image/webp": FileType(gettext_lazy("WebP-Bild"), _image("WEBP")),
    "application/pdf": FileType(gettext_lazy("PDF"), _pdf),
    f"{_OOXML}.wordprocessingml.document": FileType(
        gettext_lazy("Word-Dokument"), _zip_member("word/document.xml")
    ),
    f"{_OOXML}.spreadsheetml.sheet": FileType(
        gettext_lazy("Excel-Dokument"), _zip_member("xl/workbook.xml")
    ),
    f"{_OOXML}.presentationml.presentation": FileType(
        gettext_lazy("PowerPoint-Dokument"), _zip_member("ppt/presentation.xml")
    ),
    f"{_ODF}.text": FileType(
        gettext_lazy("Textdokument (OpenDocument)"),
        _zip_member("mimetype", f"{_ODF}.text".encode()),
    ),
    f"{_ODF}.spreadsheet": FileType(
        gettext_lazy("Tabellendokument (OpenDocument)"),
        _zip_member("mimetype", f"{_ODF}.spreadsheet".encode()),
    ),
    f"{_ODF}.presentation": FileType(
        gettext_lazy("Präsentationsdokument (OpenDocument)"),
        _zip_member("mimetype", f"{_ODF}.presentation".encode()),
    ),
    "text/csv": FileType(gettext_lazy("CSV-Tabelle"), _text),
    "text/plain": FileType(gettext_lazy("Textdatei"), _text),
}

_REFUSED = {
    "image/svg+xml": gettext_lazy(
        "„%(name)s“: SVG-Dateien werden nicht angenommen, weil sie Skripte enthalten können. "
        "Bitte laden Sie das Bild als PNG oder JPEG hoch."
    ),
    "text/html": gettext_lazy(
        "„%(name)s“: HTML-Dateien werden nicht angenommen. Bitte laden Sie den Inhalt als PDF hoch."
    ),
}


def _invalid(file_name, label):
    return Refused(_("„%(name)s“ ist kein gültiges %(label)s."), file_name, label=label)


def _too_many_pixels(file_name):
    return Refused(
        _(
            "„%(name)s“ hat zu viele Bildpunkte (höchstens %(limit)s). Bitte verkleinern Sie das "
            "Bild vor dem Hochladen."
        ),
        file_name,
        limit=number_format(settings.FILER_MAX_IMAGE_PIXELS, force_grouping=True),
    )


def _size(file):
    file.seek(0, 2)
    size = file.tell()
    file.seek(0)
    return size


def validate_upload(file_name, file, owner, mime_type):
    """A filer upload validator: refuses a type not on the list, a file above
    settings.UPLOAD_MAX_BYTES, and content that is not what the name says."""
    file_type = FILE_TYPES.get(mime_type)
    if file_type is None:
        message = _REFUSED.get(mime_type) or _(
            "„%(name)s“: Dateien dieser Art werden nicht angenommen."
        )
        raise Refused(message, file_name)
    if _size(file) > settings.UPLOAD_MAX_BYTES:
        raise Refused(
            _("„%(name)s“ ist größer als %(limit)s. Bitte verkleinern Sie die Datei."),
            file_name,
            limit=filesizeformat(settings.UPLOAD_MAX_BYTES),
        )
    try:
        file_type.check(file_name, file, file_type.label)
    finally:
        file.seek(0)
