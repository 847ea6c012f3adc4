"""Maps drawn on the server as SVG from the municipalities' coordinates: no tiles, no
request to any third party. The list of places beside a map is its accessible alternative."""

import math
from dataclasses import dataclass

# The frame covers Brandenburg and Berlin, so that every map of the portal has the same scale.
WEST, EAST, SOUTH, NORTH = 11.1, 14.9, 51.3, 53.6
WIDTH = 600
_X_SCALE = WIDTH / (EAST - WEST)
_Y_SCALE = _X_SCALE / math.cos(math.radians((SOUTH + NORTH) / 2))
HEIGHT = round((NORTH - SOUTH) * _Y_SCALE)
LABEL_LIMIT = 12


@dataclass(frozen=True)
class MapPoint:
    name: str
    x: float
    y: float


def municipality_map(municipalities):
    points = [
        MapPoint(
            name=m.name,
            x=round((float(m.longitude) - WEST) * _X_SCALE, 1),
            y=round((NORTH - float(m.latitude)) * _Y_SCALE, 1),
        )
        for m in municipalities
        if m.latitude is not None and m.longitude is not None
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "labelled": len(points) <= LABEL_LIMIT,
    }
