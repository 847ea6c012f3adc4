"""The events' panels on the staff's desk (portal.desk): the person's drafts, the review
queue, and what is published for later."""

from django.utils import formats, timezone

from events.models import Event
from portal.desk import ReviewPanels


def _when(event):
    start = timezone.localtime(event.start)
    return formats.date_format(start, "DATE_FORMAT" if event.all_day else "SHORT_DATETIME_FORMAT")


PANELS = ReviewPanels(Event, order=("start", "title"), schedule_field="publish_at", when=_when)


def register():
    """Called once the apps are ready (events.apps)."""
    PANELS.register()
