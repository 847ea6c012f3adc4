"""Uploads through filer's own upload endpoint, as a city editor into the folder of their
town: what is refused says why, in German, and leaves nothing behind."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from filer.models import File
from PIL import ExifTags
from PIL import Image as Picture

from networks.folders import folder_for
from tests.helpers import logged_in
from tests.media.factories import PDF, jpeg
from tests.networks.factories import MunicipalityFactory
from tests.portal.factories import CityEditorFactory

pytestmark = pytest.mark.django_db


def png_header(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


def office(*members):
    """A ZIP container with the given (name, content) members, as office documents are."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = office(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))
ODS = office(
    ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")
)


@pytest.fixture
def upload():
    town = MunicipalityFactory(name="Hochladestadt")
    client = logged_in(CityEditorFactory(municipalities=[town]))
    url = reverse("admin:filer-ajax_upload", kwargs={"folder_id": folder_for(town).pk})

    def post(name, content):
        return client.post(url, {"file": SimpleUploadedFile(name, content)})

    return post


def stored(media_root):
    return sorted(str(path) for path in media_root.rglob("*")) if media_root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG-Dateien werden nicht angenommen",
        ),
        ("foto.jpg", b"<script>alert(document.cookie)</script>", "ist kein gültiges JPEG-Bild"),
        ("seite.html", b"<!doctype html><title>x</title>", "HTML-Dateien werden nicht angenommen"),
        ("riesig.png", png_header(20000, 20000), "hat zu viele Bildpunkte"),
        ("gross.png", png_header(8000, 8000), "hat zu viele Bildpunkte"),
        ("bericht.pdf", png_header(10, 10), "ist kein gültiges PDF"),
        ("liste.csv", b"Name;Ort\n<script>alert(1)</script>;Cottbus\n", "HTML- oder Skript-Code"),
        ("alt.txt", "Grüße aus Cottbus".encode("latin-1"), "keine Textdatei in UTF-8"),
        ("tabelle.xlsx", PDF, "ist kein gültiges Excel-Dokument"),
        ("tabelle.xlsx", DOCX, "ist kein gültiges Excel-Dokument"),
        ("vortrag.odp", ODS, "ist kein gültiges Präsentationsdokument (OpenDocument)"),
    ],
)
def test_a_refused_upload_says_why_and_leaves_nothing(upload, media_root, name, content, reason):
    files, on_disk = File.objects.count(), stored(media_root)

    response = upload(name, content)

    assert response.status_code == 400
    message = response.json()["error"]
    assert f"„{name}“" in message
    assert reason in message
    assert File.objects.count() == files
    assert stored(media_root) == on_disk


def test_an_unknown_type_is_refused(upload, media_root):
    response = upload("programm.exe", b"MZ\x90\x00")

    assert response.status_code == 400
    assert "programm.exe" in response.json()["error"]
    assert not File.objects.filter(original_filename="programm.exe").exists()
    assert stored(media_root) == []


def test_a_file_above_the_limit_is_refused(upload, media_root, settings):
    settings.UPLOAD_MAX_BYTES = 1000

    response = upload("foto.jpg", jpeg())

    assert response.status_code == 400
    assert response.json()["error"].startswith("„foto.jpg“ ist größer als 1000")
    assert not File.objects.filter(original_filename="foto.jpg").exists()
    assert stored(media_root) == []


def test_a_photo_is_accepted_without_its_location(upload):
    response = upload("marktplatz.jpg", jpeg(gps=True))

    assert response.status_code == 200, response.content
    image = File.objects.get(pk=response.json()["file_id"])
    assert image.folder.name == "Hochladestadt"
    with image.file.open("rb") as stored_file, Picture.open(stored_file) as picture:
        exif = picture.getexif()
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Make not in exif
        assert picture.size == (1000, 600)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tagesordnung.pdf", PDF),
        ("mitglieder.csv", "\ufeffName;Ort\nÄnne;Cottbus\n".encode()),
        ("bericht.docx", DOCX),
        ("haushalt.ods", ODS),
    ],
)
def test_documents_are_accepted(upload, name, content):
    response = upload(name, content)

    assert response.status_code == 200, response.content
    assert File.objects.get(pk=response.json()["file_id"]).original_filename == name
