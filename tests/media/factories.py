import io

import factory
from django.core.files.base import ContentFile
from filer.models import File
from PIL import ExifTags
from PIL import Image as Picture

from media.models import Image


def jpeg(width=1000, height=600, gps=False):
    """A real JPEG; with `gps`, it says where it was taken, as phones do."""
    exif = Picture.Exif()
    if gps:
        exif[ExifTags.Base.Make] = "Testkamera"
        exif.get_ifd(ExifTags.IFD.GPSInfo).update(
            {
                ExifTags.GPS.GPSLatitudeRef: "N",
                ExifTags.GPS.GPSLatitude: (51.0, 45.0, 30.0),
                ExifTags.GPS.GPSLongitudeRef: "E",
                ExifTags.GPS.GPSLongitude: (14.0, 20.0, 0.0),
            }
        )
    buffer = io.BytesIO()
    Picture.new("RGB", (width, height), (164, 21, 28)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class ImageFactory(factory.django.DjangoModelFactory):
    """An image with everything a use needs: alternative text, credit and licence."""

    class Meta:
        model = Image

    original_filename = "rathaus.jpg"
    file = factory.LazyAttribute(lambda image: ContentFile(jpeg(), name=image.original_filename))
    default_alt_text = "Das Rathaus am Markt mit rotem Giebel"
    credit = "Foto: Stadt Teststadt"
    licence = "CC BY 4.0"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = File

    original_filename = "tagesordnung.pdf"
    file = factory.LazyAttribute(lambda document: ContentFile(PDF, name=document.original_filename))
