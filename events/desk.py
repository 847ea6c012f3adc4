"""The events' panels on the staff's desk (portal.desk): the person's drafts, the review
queue, and what is published for later."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal import permissions
from portal.desk import Panel, add_panel


def _events(user, queryset):
    if not permissions.has_model_perm(user, "view", Event):
        return None
    return permissions.editable(queryset, user)


def my_drafts(user):
    """The drafts the person wrote, as far as they are still in their scope."""
    events = _events(user, Event.objects.filter(status=Event.Status.DRAFT, created_by=user))
    return None if events is None else events.order_by("start", "title")


def awaiting_review(user):
    """For a network office the events of its networks waiting for its review; for a city
    editor those of their municipalities waiting for the office."""
    events = _events(user, Event.objects.submitted())
    return None if events is None else events.order_by("start", "title")


def scheduled(user):
    events = _events(user, Event.objects.scheduled())
    return None if events is None else events.order_by("publish_at", "start")


def _when(event):
    start = timezone.localtime(event.start)
    return formats.date_format(start, "DATE_FORMAT" if event.all_day else "SHORT_DATETIME_FORMAT")


def _appears(event):
    publish_at = formats.date_format(timezone.localtime(event.publish_at), "SHORT_DATETIME_FORMAT")
    appears = _("erscheint ab %(when)s") % {"when": publish_at}
    return f"{appears} · {event.get_status_display()}" if event.is_cancelled else appears


def _changelist(**filters):
    return f"{reverse('admin:events_event_changelist')}?{urlencode(filters)}"


def _all_my_drafts(user):
    return _changelist(status__exact=Event.Status.DRAFT, created_by__id__exact=user.pk)


def _review_queue(user):
    return _changelist(arbeitsstand="pruefen")


def _all_scheduled(user):
    return _changelist(arbeitsstand="geplant")


def register():
    """Called once the apps are ready (events.apps)."""
    add_panel(
        Panel(
            _("Meine Entwürfe"),
            my_drafts,
            note=_when,
            more=_all_my_drafts,
            position=10,
        )
    )
    add_panel(
        Panel(
            _("Eingereicht – wartet auf Sie"),
            awaiting_review,
            note=_when,
            more=_review_queue,
            position=20,
        )
    )
    add_panel(
        Panel(
            _("Geplant"),
            scheduled,
            note=_appears,
            more=_all_scheduled,
            position=30,
        )
    )
