"""Draws the portal's icons and share image into static/img/: the favicon (SVG and ICO), the
touch icon and the image that link previews show. The files are committed; run this again
after a change of the mark or its colours.

The mark is the portal's own, not the state's coat of arms: an N whose corners are the nodes
of a network, white on the portal's red (7.3:1, AA for any size).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

RED = "#a4151c"
WHITE = "#ffffff"
INK = "#1a1a1a"
# The mark on a square of 64 units: the four nodes of the N, joined in order.
NODES = [(18, 46), (18, 18), (46, 46), (46, 18)]
LINE_WIDTH = 6
NODE_RADIUS = 6.5
CORNER_RADIUS = 12
NAME = "Netzwerke der Städte und Gemeinden in Brandenburg"
FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]
# Drawn this many times larger, then scaled down: smooth edges.
OVERSAMPLING = 8


def svg():
    points = " ".join(f"{x},{y}" for x, y in NODES)
    nodes = "".join(f'<circle cx="{x}" cy="{y}" r="{NODE_RADIUS}"/>' for x, y in NODES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f"<title>{NAME}</title>"
        f'<rect width="64" height="64" rx="{CORNER_RADIUS}" fill="{RED}"/>'
        f'<polyline points="{points}" fill="none" stroke="{WHITE}" '
        f'stroke-width="{LINE_WIDTH}" stroke-linejoin="round"/>'
        f'<g fill="{WHITE}">{nodes}</g></svg>\n'
    )


def mark(size, *, rounded=True):
    """The mark as a square image of `size` pixels; without rounded corners for touch icons,
    which the systems round themselves."""
    scale = size * OVERSAMPLING / 64
    big = size * OVERSAMPLING
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = CORNER_RADIUS * scale if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=RED)
    points = [(x * scale, y * scale) for x, y in NODES]
    draw.line(points, fill=WHITE, width=round(LINE_WIDTH * scale), joint="curve")
    for x, y in points:
        r = NODE_RADIUS * scale
        draw.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def font(size):
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def wrapped(draw, text, typeface, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=typeface) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def share_image():
    """1200 × 630, the size link previews expect: the mark and the portal's name."""
    image = Image.new("RGB", (1200, 630), WHITE)
    image.paste(mark(300), (90, 165), mark(300))
    draw = ImageDraw.Draw(image)
    typeface = font(58)
    lines = wrapped(draw, NAME, typeface, 680)
    line_height = 76
    top = 315 - len(lines) * line_height // 2
    for number, line in enumerate(lines):
        draw.text((450, top + number * line_height), line, font=typeface, fill=INK)
    rule = top + len(lines) * line_height + 16
    draw.rectangle((450, rule, 650, rule + 10), fill=RED)
    return image


class Command(BaseCommand):
    requires_system_checks = []
    help = "Zeichnet Favicon, Touch-Icon und Vorschaubild nach static/img/."

    def handle(self, *args, **options):
        target = settings.BASE_DIR / "static" / "img"
        target.mkdir(parents=True, exist_ok=True)
        (target / "favicon.svg").write_text(svg(), encoding="utf-8")
        # Each size drawn for itself: scaled down from 48 pixels, 16 would blur.
        mark(48).save(
            target / "favicon.ico",
            sizes=[(16, 16), (32, 32), (48, 48)],
            append_images=[mark(16), mark(32)],
        )
        mark(180, rounded=False).convert("RGB").save(target / "apple-touch-icon.png", optimize=True)
        share_image().save(target / "share.png", optimize=True)
        self.stdout.write(f"Gezeichnet in {target}.")
