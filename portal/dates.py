"""Time in Brandenburg."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def midnight(day):
    """The moment a day begins in Brandenburg."""
    return datetime.combine(day, time.min, tzinfo=BERLIN)
