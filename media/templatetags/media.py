"""Images and files on the public pages: `{% image %}` and `{% figure %}` render a picture
responsively from easy-thumbnails renditions, `file_type` names a file's kind."""

import logging

from django import template
from django.utils.translation import gettext as _
from easy_thumbnails.exceptions import EasyThumbnailsError

from media.validation import FILE_TYPES

register = template.Library()
logger = logging.getLogger(__name__)

WIDTHS = (400, 800, 1200, 1600)
# The rendition in `src`, for browsers that ignore `srcset`.
DEFAULT_WIDTH = 800


def renditions(image):
    """[(url, width, height)] of the image at each of WIDTHS it is wider than and at its own
    width up to the largest: never enlarged. The file type follows settings.THUMBNAIL_EXTENSION."""
    original_width, original_height = int(image.width), int(image.height)
    widths = [width for width in WIDTHS if width < original_width]
    if original_width <= WIDTHS[-1]:
        widths.append(original_width)
    return [
        (
            image.file.get_thumbnail({"size": (width, 0)}).url,
            width,
            round(original_height * width / original_width),
        )
        for width in widths
    ]


def picture(image, sizes, caption=""):
    """What the templates need to show `image`, or None when it may not be shown: an image
    without alternative text, credit or licence is not used."""
    if image is None or not image.is_usable or not image.width or not image.height:
        return None
    try:
        sources = renditions(image)
    except (EasyThumbnailsError, OSError):
        logger.exception("No renditions of image %s", image.pk)
        return None
    src, width, height = next(
        (source for source in sources if source[1] >= DEFAULT_WIDTH), sources[-1]
    )
    return {
        "src": src,
        "srcset": ", ".join(f"{url} {w}w" for url, w, _h in sources),
        "sizes": sizes,
        "width": width,
        "height": height,
        "alt": image.default_alt_text,
        "caption": caption or image.default_caption or "",
        "credit": image.credit,
        "licence": image.licence,
    }


@register.inclusion_tag("media/image.html", name="image")
def image_tag(image, sizes="100vw"):
    """`<img>` with renditions in `srcset`; `sizes` says how wide it is shown."""
    return {"picture": picture(image, sizes)}


@register.inclusion_tag("media/figure.html", name="figure")
def figure_tag(image, sizes="100vw", caption="", css_class=""):
    """The image with its caption and „Bild: credit, licence“ below it."""
    return {"picture": picture(image, sizes, caption), "css_class": css_class}


@register.filter
def file_type(file):
    """The kind of a file in words: „PDF“, „Word-Dokument“ …"""
    known = FILE_TYPES.get(file.mime_type)
    if known:
        return known.label
    return file.extension.upper() or _("Datei")
