"""The news items' panels on the staff's desk (portal.desk): the person's drafts, the review
queue, and what is published for later, each beside the events' panel of the same kind. They
appear only while they hold something, so that the desk does not fill with empty panels."""

from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem
from portal.desk import ReviewPanels


def _date(item):
    if item.published is None:
        return ""
    return formats.date_format(timezone.localtime(item.published), "DATE_FORMAT")


PANELS = ReviewPanels(
    NewsItem,
    # Items without a date appear as soon as they are published: they come first.
    order=(F("published").asc(nulls_first=True), "title"),
    schedule_field="published",
    when=_date,
    titles=(
        _("Meine Entwürfe: Meldungen"),
        _("Eingereichte Meldungen – warten auf Sie"),
        _("Geplante Meldungen"),
    ),
    position=15,
    hide_empty=True,
)


def register():
    """Called once the apps are ready (news.apps)."""
    PANELS.register()
