import re

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template

from tests.media.factories import ImageFactory, jpeg

pytestmark = pytest.mark.django_db


def srcset_widths(image):
    html = Template("{% load media %}{% image image sizes='50vw' %}").render(
        Context({"image": image})
    )
    srcset = re.search(r'srcset="([^"]*)"', html).group(1)
    return [int(entry.split()[-1].rstrip("w")) for entry in srcset.split(", ")], html


@pytest.mark.parametrize(
    ("width", "widths", "shown"),
    [
        (300, [300], (300, 200)),
        (1600, [400, 800, 1200, 1600], (800, 533)),
        (2400, [400, 800, 1200, 1600], (800, 533)),
    ],
)
def test_renditions_are_never_enlarged(width, widths, shown):
    image = ImageFactory(file=ContentFile(jpeg(width, width * 2 // 3), name="bild.jpg"))

    found, html = srcset_widths(image)

    assert found == widths
    assert f'width="{shown[0]}" height="{shown[1]}"' in html
    assert 'sizes="50vw"' in html
