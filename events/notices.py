"""Who is told what about an event, by e-mail (notices.review, which sends once the change is
saved): the offices of its networks about a submission and about someone else's correction of
a public event, the author about publication, cancellation and sending back."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from notices import review


def _when(event):
    start = timezone.localtime(event.start)
    return formats.date_format(start, "DATE_FORMAT" if event.all_day else "DATETIME_FORMAT")


EVENTS = review.Kind(
    noun=_("Veranstaltung"),
    plural=_("Veranstaltungen"),
    when=_when,
    schedule_field="publish_at",
    decisions={
        "cancel": review.Decision(
            Event.Status.CANCELLED,
            _("Abgesagt: %(title)s"),
            _(
                "%(person)s hat Ihre Veranstaltung %(record)s als abgesagt markiert. Sie bleibt "
                "im Portal sichtbar, mit dem Hinweis „abgesagt“."
            ),
        ),
    },
)


def step_taken(event, step_name, *, user, reason=""):
    """Tell whom it concerns that `user` took the workflow step `step_name` ("submit",
    "publish", "cancel", "send_back") for `event`; the notice, or None."""
    return review.step_taken(EVENTS, event, step_name, user=user, reason=reason)


def status_changed(event, previous, *, user):
    """After a form set the status of `event` (from `previous`, None for a new event): the
    workflow step that amounts to, told as if taken."""
    return review.status_changed(EVENTS, event, previous, user=user)


def corrected(event, *, user):
    """After `user` changed `event` (networks saved): if it is published or cancelled and the
    user is not one who decides that (a city editor), its network offices are told."""
    # Not at the top: events.workflow calls this module.
    from events.workflow import is_correction

    if not is_correction(user, event):
        return None
    return review.corrected(EVENTS, event, user=user)
